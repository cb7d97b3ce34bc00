import ROIEngine

/// The verdict and the baseline's choice as people read them: the sentence every output opens with.
public enum VerdictText {
  /// The verdict's sentence: status, the figures to date, the payback, then the caveats (the season,
  /// stale figures).
  public static func sentence(_ report: ROIReport, language: Language = .en) -> String {
    let say = PeopleFormat(language)
    let currency = report.currency
    let settings = report.settings
    func text(_ message: Message, _ values: [String: String] = [:]) -> String { Catalogue.text(message, language, values) }
    guard let verdict = report.verdict, verdict.months >= 1 else {
      return text(.verdictNothingYet, ["goLive": say.month(settings.goLive)])
    }
    var parts = lead(verdict, language: language).map { [$0] } ?? []
    let span = say.count(verdict.months, .month, .months)
    if verdict.benefit.signum < 0 {
      parts.append(text(.verdictLoss, [
        "span": span, "month": say.month(verdict.asOf), "loss": say.money(Rational.zero - verdict.benefit, currency),
        "spent": say.money(verdict.cost, currency),
      ]))
    } else {
      parts.append(text(.verdictGain, [
        "span": span, "month": say.month(verdict.asOf), "benefit": say.money(verdict.benefit, currency),
        "spent": say.money(verdict.cost, currency),
      ]))
    }
    // Too early to tell: no payback is promised (JSON keeps the month the pace gives).
    if verdict.status != .tooEarly { parts.append(payback(verdict, settings: settings, language: language)) }
    if let caveat = verdict.seasonalCaveat {
      let standout = self.standout(caveat.standout, language: language)
      parts.append(caveat.widerWindow.map { text(.verdictSeasonalWiderWindow, ["standout": standout, "months": "\($0)"]) }
        ?? text(.verdictSeasonal, ["standout": standout, "count": "\(BaselineChoice.valuesPerCalendarMonth)"]))
    }
    if let lastComplete = verdict.staleBefore {
      parts.append(text(.verdictStale, ["month": say.month(verdict.asOf), "lastComplete": say.month(lastComplete)]))
    }
    return parts.joined(separator: " ")
  }

  /// The status in words; nil when no cost is recorded (nothing to pay back, so no status to claim).
  static func lead(_ verdict: Verdict, language: Language) -> String? {
    func text(_ message: Message, _ values: [String: String] = [:]) -> String { Catalogue.text(message, language, values) }
    switch verdict.status {
    case _ where verdict.noCost && verdict.status != .tooEarly: return nil
    case .paidBack: return text(.verdictPaidBack)
    case .onTrack: return text(.verdictOnTrack)
    case .offTrack: return text(.verdictOffTrack)
    case .tooEarly:
      return verdict.tooEarly == .fewMonths
        ? text(.verdictTooEarlyMonths, ["span": PeopleFormat(language).count(verdict.months, .month, .months), "minimum": "\(Verdict.minimumMonths)"])
        : text(.verdictTooEarlyNoise)
    }
  }

  /// When it pays, paid, or does not pay for itself, by the TEI table's definition.
  static func payback(_ verdict: Verdict, settings: Settings, language: Language) -> String {
    let say = PeopleFormat(language)
    func text(_ message: Message, _ values: [String: String] = [:]) -> String { Catalogue.text(message, language, values) }
    if verdict.noCost { return text(.verdictNothingToPayBack) }
    guard let month = verdict.paybackMonth, let months = verdict.paybackMonths else {
      return verdict.status == .paidBack
        ? text(.verdictFallsBelowAgain, ["end": say.month(settings.horizonEnd)])
        : text(.verdictBeyondHorizon, ["years": "\(settings.horizonYears)", "end": say.month(settings.horizonEnd)])
    }
    let values = ["date": say.month(month), "duration": duration(months, language: language)]
    if month <= verdict.asOf { return text(.verdictPaidBackIn, values) }
    // Paid back to date, yet the running net falls below 0 again (a yearly licence) before it stays above.
    return text(verdict.status == .paidBack ? .verdictPaidBackDips : .verdictPaysBackIn, values)
  }

  /// "8 months", "1 year", "2 years 5 months" / "2 ans et 5 mois".
  public static func duration(_ months: Int, language: Language) -> String {
    let say = PeopleFormat(language)
    let (years, rest) = months.quotientAndRemainder(dividingBy: 12)
    guard years > 0 else { return say.count(months, .month, .months) }
    let yearText = say.isSingular(years)
      ? Catalogue.text(.year, language) : Catalogue.text(.years, language, ["count": "\(years)"])
    guard rest > 0 else { return yearText }
    return Catalogue.text(.durationYearsMonths, language, ["years": yearText, "months": say.count(rest, .month, .months)])
  }

  /// "December is 41% above the other months in sales".
  static func standout(_ standout: SeasonalStandout, language: Language) -> String {
    let say = PeopleFormat(language)
    let values = [
      "monthName": PeopleFormat.monthNames(language)[standout.calendarMonth - 1], "metric": standout.metric,
      "percent": say.percent(standout.change.map { $0.signum < 0 ? Rational.zero - $0 : $0 }),
    ]
    guard let change = standout.change, !change.isZero else { return Catalogue.text(.seasonalStandsOut, language, values) }
    return Catalogue.text(change.signum > 0 ? .seasonalAbove : .seasonalBelow, language, values)
  }

  /// "Baseline: seasonal …, chosen because December is 41% above the other months in sales."
  public static func baseline(_ report: ROIReport, language: Language = .en) -> String {
    let choice = report.baselineChoice
    func text(_ message: Message, _ values: [String: String] = [:]) -> String { Catalogue.text(message, language, values) }
    switch choice.reason {
    case .set: return text(choice.method == .seasonal ? .baselineSetSeasonal : .baselineSetMean)
    case .noPattern: return text(.baselineAutoNoPattern)
    case .notTested: return text(.baselineAutoNotTested)
    case .view: return text(choice.method == .seasonal ? .baselineViewSeasonal : .baselineViewMean)
    case .pattern(let found): return text(.baselineAutoSeasonal, ["standout": standout(found, language: language)])
    case .patternTooLittleHistory(let found, _):
      return text(.baselineAutoTooLittle, [
        "standout": standout(found, language: language), "count": "\(BaselineChoice.valuesPerCalendarMonth)",
      ])
    }
  }
}
