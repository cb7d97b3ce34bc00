import Interchange
import ROIEngine

/// The ROI report for people (an aligned table or Markdown) and for spreadsheets (CSV).
public enum TextReport {
  /// The verdict, the quarterly table, then TCO, payback and objectives. Unless `wide` (or in
  /// Markdown), the table keeps the columns that fit 80 columns; the missing months are in the warnings.
  public static func render(
    _ report: ROIReport, rows: [QuarterRow], markdown: Bool, wide: Bool = false, tei: Bool = false, language: Language = .en
  ) -> String {
    var output = quartersAndPayback(report, rows: rows, markdown: markdown, wide: wide, language: language)
    output += noise(report, rows: rows, markdown: markdown, language: language)
    output += discountedAndProjected(report, markdown: markdown, language: language)
    output += FinanceText.sections(report, rows: rows, markdown: markdown, tei: tei, language: language)
    output += objectivesAndWarnings(report, markdown: markdown, language: language)
    output += FinanceText.intangibles(report, markdown: markdown, language: language)
    return output
  }

  /// The title, the verdict, the settings, the quarters' table, the TCO and the payback.
  static func quartersAndPayback(_ report: ROIReport, rows: [QuarterRow], markdown: Bool, wide: Bool, language: Language) -> String {
    let currency = report.currency
    let all = wide || markdown
    let say = PeopleFormat(language)
    func text(_ message: Message, _ values: [String: String] = [:]) -> String { Catalogue.text(message, language, values) }
    var quarters = Table(
      [(text(.columnQuarter), .left), (text(.columnCost), .right), (text(.columnBenefit), .right)]
        + (all ? [(text(.htmlColumnCumulativeCost), .right), (text(.htmlColumnCumulativeBenefit), .right)] : [])
        + [(text(.columnROI), .right), (text(.columnRolling), .right), (text(.columnCumulativeNet), .right)]
        + (all ? [(text(.htmlColumnMissingMonths), .left)] : []))
    for row in rows {
      quarters.append(
        [say.quarter(row.quarter) + (row.isPartial ? "*" : ""), say.amount(row.cost, currency), say.amount(row.benefit, currency)]
          + (all ? [say.amount(row.cumulativeCost, currency), say.amount(row.cumulativeBenefit, currency)] : [])
          + [say.percent(row.roi), say.percent(row.rollingAnnualROI), say.percent(row.cumulativeNetROI)]
          + (all ? [row.missingMonths.map(say.month).joined(separator: " ")] : []))
    }
    let settings = report.settings
    var output = heading(text(.reportTitle), markdown: markdown)
    let sentence = VerdictText.sentence(report, language: language)
    output += (markdown ? sentence : wrapped(sentence)) + "\n\n"
    output += wrapped(text(.settingsLine, [
      "currency": currency.code, "goLive": say.month(settings.goLive), "baselineMonths": "\(settings.baselineMonths)",
      "horizon": count(settings.horizonYears, .year, .years, language), "horizonEnd": say.month(settings.horizonEnd),
    ])) + (markdown ? "\n\n" : "\n")
    output += (markdown ? VerdictText.baseline(report, language: language) + "\n\n" : wrapped(VerdictText.baseline(report, language: language)) + "\n")
    if let line = incompleteAsOf(report, language: language) {
      output += line + "\n\n"
    } else {
      output += text(report.asOf < settings.goLive ? .asOfNothing : .asOf, ["month": say.month(report.asOf)]) + "\n\n"
    }
    output += markdown ? quarters.markdown() : quarters.plain()
    output += "\n" + legend(rows, asOf: report.asOf, language: language) + "\n"
    output += text(.totalCostOfOwnership, ["amount": say.money(report.totalCostOfOwnership, currency)]) + "\n"
    output += text(.breakEvenQuarter, ["quarter": report.payback.breakEvenQuarter.map(say.quarter) ?? text(.notReached)]) + "\n"
    if let years = report.payback.projectedPaybackYears {
      var line = text(.projectedPayback, ["years": say.years(years)])
      if report.noiseUnavailable == nil {
        let low = report.payback.projectedPaybackYearsLow.map { say.decimal($0, places: 2) } ?? "–"
        let high = report.payback.projectedPaybackYearsHigh.map { say.decimal($0, places: 2) } ?? (language == .fr ? "jamais" : "never")
        line += text(.withinNoise, ["low": low, "high": high])
      }
      output += wrapped(line)
    } else {
      output += wrapped(text(.projectedPaybackNone))
    }
    output += "\n"
    if report.verdict.map({ $0.months >= 1 && !$0.noCost }) ?? false { output += wrapped(text(.paybackWhyDiffer)) + "\n" }

    return output
  }

  /// The noise bands per quarter (or why there are none).
  static func noise(_ report: ROIReport, rows: [QuarterRow], markdown: Bool, language: Language) -> String {
    let currency = report.currency
    let say = PeopleFormat(language)
    func text(_ message: Message, _ values: [String: String] = [:]) -> String { Catalogue.text(message, language, values) }
    func yesNo(_ value: Bool?) -> String { value.map { text($0 ? .yes : .no) } ?? "–" }
    var output = ""
    var noise = Table([
      (text(.columnQuarter), .left), (text(.columnBenefitLow), .right), (text(.columnBenefitHigh), .right),
      (text(.columnInNoise), .left), (text(.columnRollingLow), .right), (text(.columnRollingHigh), .right),
    ])
    for row in rows {
      noise.append([
        say.quarter(row.quarter) + (row.isPartial ? "*" : ""), row.benefitLow.map { say.amount($0, currency) } ?? "–",
        row.benefitHigh.map { say.amount($0, currency) } ?? "–", yesNo(row.withinNoise),
        say.percent(row.rollingAnnualROILow), say.percent(row.rollingAnnualROIHigh),
      ])
    }
    output += "\n" + heading(text(.noiseHeading), markdown: markdown)
    if let reason = report.noiseUnavailable?.text(language) {
      output += wrapped(reason.prefix(1).uppercased() + reason.dropFirst() + ".") + "\n"
    } else {
      output += markdown ? noise.markdown() : noise.plain()
    }

    return output
  }

  /// The discounted view, the risks and the projection to the horizon's end.
  static func discountedAndProjected(_ report: ROIReport, markdown: Bool, language: Language) -> String {
    let currency = report.currency
    let say = PeopleFormat(language)
    func text(_ message: Message, _ values: [String: String] = [:]) -> String { Catalogue.text(message, language, values) }
    let settings = report.settings
    var output = ""
    let discounted = report.discounted
    let discountedHeading = text(.discountedHeading, [
      "rate": say.share(discounted.options.rate.description), "risk": FinanceText.riskInForce(report, language: language),
      "month": say.month(settings.goLive), "asOf": say.month(report.asOf),
    ])
    output += "\n" + heading(markdown ? discountedHeading : wrapped(discountedHeading), markdown: markdown)
    output += text(.presentValueOfBenefit, ["amount": say.money(discounted.presentValueOfBenefit, currency)]) + "\n"
    output += text(.presentValueOfCost, ["amount": say.money(discounted.presentValueOfCost, currency)]) + "\n"
    output += text(.netPresentValue, ["amount": say.money(discounted.netPresentValue, currency)]) + "\n"
    output += text(.discountedROI, ["percent": say.percent(discounted.roi)]) + "\n"
    output += text(.discountedBreakEven, ["month": discounted.breakEvenMonth.map(say.month) ?? text(.notReached)]) + "\n"
    output += (markdown ? text(.roisWhyDiffer) : wrapped(text(.roisWhyDiffer))) + "\n"
    output += FinanceText.risks(report, language: language)

    if let projection = report.projection {
      output += "\n" + heading(text(.projectionHeading, [
        "month": say.month(settings.horizonEnd), "span": count(report.rollingMonths, .month, .months, language),
      ]), markdown: markdown)
      output += text(.runRate, ["amount": say.money(projection.runRate, currency)]) + "\n"
      output += text(.lifetimeBenefit, ["amount": say.money(projection.lifetimeBenefit, currency)]) + "\n"
      output += text(.lifetimeROI, ["percent": say.percent(projection.lifetimeROI), "amount": say.money(projection.totalCostOfOwnership, currency)]) + "\n"
      output += text(.projectedBreakEven, ["quarter": projection.breakEvenQuarter.map(say.quarter) ?? text(.notByHorizonEnd)]) + "\n"
    }

    return output
  }

  /// The objectives of the last quarter, then the warnings.
  static func objectivesAndWarnings(_ report: ROIReport, markdown: Bool, language: Language) -> String {
    let currency = report.currency
    let say = PeopleFormat(language)
    func text(_ message: Message, _ values: [String: String] = [:]) -> String { Catalogue.text(message, language, values) }
    func yesNo(_ value: Bool?) -> String { value.map { text($0 ? .yes : .no) } ?? "–" }
    var output = ""
    if !report.objectives.isEmpty {
      var objectives = Table([
        (text(.columnMetric), .left), (text(.columnTarget), .right), (text(.columnBaseline), .right),
        (text(.columnCurrent), .right), (text(.columnChange), .right), (text(.columnTargetValue), .right), (text(.columnMet), .left),
      ])
      for objective in report.objectives {
        func value(_ value: Rational?) -> String {
          objective.valueText(value, currency: currency, grouped: true).map(say.localised) ?? "–"
        }
        objectives.append([
          objective.metric.name, objective.metric.target.map { say.share($0.description) } ?? "", value(objective.baseline),
          value(objective.current), say.percent(objective.change), value(objective.targetValue), yesNo(objective.met),
        ])
      }
      output += "\n" + heading(text(.objectivesHeading, ["quarter": report.lastQuarter.map(say.quarter) ?? text(.noData)]), markdown: markdown)
      output += markdown ? objectives.markdown() : objectives.plain()
      for objective in report.objectives {
        guard let control = objective.control else { continue }
        let note = text(.objectiveControlled, ["metric": objective.metric.name, "control": control, "change": say.percent(objective.plainChange)])
        output += (markdown ? "\n" + note : wrapped(note)) + "\n"
      }
    }
    if !report.warnings.isEmpty {
      output += "\n" + heading(text(.warningsHeading), markdown: markdown)
      for warning in report.warnings {
        let message = warning.text(language)
        let text = markdown ? message : wrapped(message, width: 78).split(separator: "\n").joined(separator: "\n  ")
        output += "- \(text)\n"
      }
    }
    return output
  }

  /// "1 month", "12 months" / "1 mois", "12 mois".
  static func count(_ number: Int, _ one: Message, _ many: Message, _ language: Language) -> String {
    number == 1 ? Catalogue.text(one, language) : Catalogue.text(many, language, ["count": "\(number)"])
  }

  /// `text` in lines of at most `width` characters, broken between words.
  static func wrapped(_ text: String, width: Int = 80) -> String {
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ") {
      if !line.isEmpty, line.count + 1 + word.count > width {
        lines.append(line)
        line = ""
      }
      line += (line.isEmpty ? "" : " ") + word
    }
    if !line.isEmpty { lines.append(line) }
    return lines.joined(separator: "\n")
  }

  /// What each ratio divides by, and what a partial quarter is.
  static func legend(_ rows: [QuarterRow], asOf: Month, language: Language = .en) -> String {
    var text = [Message.legendROI, .legendRolling, .legendCumulative].map { wrapped(Catalogue.text($0, language)) + "\n" }.joined()
    if rows.contains(where: \.isPartial) {
      text += wrapped(Catalogue.text(.legendPartial, language, ["month": PeopleFormat(language).month(asOf)])) + "\n"
    }
    return text
  }

  static func heading(_ text: String, markdown: Bool) -> String {
    markdown ? "## \(text)\n\n" : "\(text)\n\n"
  }

  /// One line per quarter with the JSON field names; ratios as fractions, missing months space-separated.
  public static func csv(_ report: ROIReport, rows: [QuarterRow], locale: CSVLocale = .en) -> String {
    let currency = report.currency
    let metricNames = rows.first?.benefitByMetric.map(\.metric) ?? []
    let french = locale == .fr
    let names = (["quarter", "first_month", "last_month", "cost", "benefit"] + metricNames.map { "benefit_\($0)" }
      + ["cumulative_cost", "cumulative_benefit", "roi", "rolling_annual_roi", "cumulative_net_roi",
         "missing_months", "benefit_low", "benefit_high", "within_noise", "rolling_annual_roi_low",
         "rolling_annual_roi_high", "partial"])
    var lines = [
      names.map { name in
        locale.field(french ? frenchColumns[name] ?? "bénéfice " + name.dropFirst("benefit_".count) : name)
      }.joined(separator: locale.separator)
    ]
    let number = locale.number
    for row in rows {
      func money(_ value: Rational?) -> String { value.map { number(currency.plain($0)) } ?? "" }
      // French Excel reads "2,42 %" as a percentage.
      func ratio(_ value: Rational?) -> String {
        value.map { french ? number(($0 * Rational(100)).decimalString(places: 2)) + " %" : $0.ratioText } ?? ""
      }
      func flag(_ value: Bool?) -> String { value.map { french ? ($0 ? "oui" : "non") : ($0 ? "true" : "false") } ?? "" }
      var fields: [String] = [row.quarter.description, row.quarter.firstMonth.description, row.quarter.lastMonth.description]
      fields += [money(row.cost), money(row.benefit)] + row.benefitByMetric.map { money($0.benefit) }
      fields += [money(row.cumulativeCost), money(row.cumulativeBenefit)]
      fields += [ratio(row.roi), ratio(row.rollingAnnualROI), ratio(row.cumulativeNetROI)]
      fields += [row.missingMonths.map(\.description).joined(separator: " "), money(row.benefitLow), money(row.benefitHigh)]
      fields += [flag(row.withinNoise), ratio(row.rollingAnnualROILow), ratio(row.rollingAnnualROIHigh), flag(row.isPartial)]
      lines.append(fields.joined(separator: locale.separator))
    }
    return locale.start + lines.joined(separator: locale.lineEnd) + locale.lineEnd
  }

  /// The French CSV's column names, for French Excel (the English file keeps the JSON's names).
  static let frenchColumns = [
    "quarter": "trimestre", "first_month": "premier mois", "last_month": "dernier mois", "cost": "coût", "benefit": "bénéfice",  // no-catalogue: French Excel's column names
    "cumulative_cost": "coût cumulé", "cumulative_benefit": "bénéfice cumulé", "roi": "ROI", "rolling_annual_roi": "ROI annuel glissant",  // no-catalogue: French Excel's column names
    "cumulative_net_roi": "ROI net cumulé", "missing_months": "mois manquants", "benefit_low": "bénéfice bas",  // no-catalogue: French Excel's column names
    "benefit_high": "bénéfice haut", "within_noise": "dans le bruit", "rolling_annual_roi_low": "ROI annuel glissant bas",  // no-catalogue: French Excel's column names
    "rolling_annual_roi_high": "ROI annuel glissant haut", "partial": "partiel",  // no-catalogue: French Excel's column names
  ]

  /// "As of 2025-05: the last month whose orders are complete (2025-06 is left out…)", when a month
  /// of orders was left out as incomplete; nil otherwise.
  public static func incompleteAsOf(_ report: ROIReport, language: Language) -> String? {
    guard let cut = report.warnings.first(where: { $0.code == .incompleteMonth && $0.details["included"] == "no" }),
      let left = cut.details["month"].flatMap({ try? Month(parsing: $0) })
    else { return nil }
    let say = PeopleFormat(language)
    return Catalogue.text(.asOfIncomplete, language, ["month": say.month(report.asOf), "left": say.month(left)])
  }
}
