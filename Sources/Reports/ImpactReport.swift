import Interchange
import ROIEngine

/// `crm-roi impact`: each metric before and after go-live, for people and for scripts.
public enum ImpactReport {
  /// Values in the metric's unit: money kinds with the currency's decimals, others up to 4 for
  /// scripts and up to 1 for people (`grouped`).
  static func value(_ value: Rational, of metric: Metric, currency: Currency, grouped: Bool) -> String {
    guard metric.kind.valuesAreMoney else { return value.shortDecimalString(maxPlaces: grouped ? 1 : 4) }
    let minor = currency.minor(fromMajor: value)
    return grouped ? currency.grouped(minor) : currency.plain(minor)
  }

  /// `verdict`: the ROI report's verdict sentence, said under the heading (nil when no report can be made).
  public static func text(
    _ impacts: [MetricImpact], currency: Currency, asOf: Month, markdown: Bool, language: Language = .en, verdict: String? = nil
  ) -> String {
    let say = PeopleFormat(language)
    func text(_ message: Message, _ values: [String: String] = [:]) -> String { Catalogue.text(message, language, values) }
    let heading = text(.impactHeading, ["month": say.month(asOf)])
    var output = (markdown ? "## " : "") + heading + "\n\n"
    if let verdict { output += (markdown ? verdict : TextReport.wrapped(verdict)) + "\n\n" }
    for impact in impacts {
      let metric = impact.metric
      func show(_ number: Rational?) -> String {
        number.map { say.localised(value($0, of: metric, currency: currency, grouped: true)) } ?? "–"
      }
      // Relative to what the months are compared with: the baseline, or the counterfactuals' mean.
      let counterfactuals = impact.months.compactMap(\.counterfactual)
      let reference = counterfactuals.isEmpty
        ? impact.baseline : (counterfactuals.reduce(Rational.zero, +) / Rational(counterfactuals.count))
      // Against |reference|: an NPS going from −20 to −10 rose by 50 %.
      let relative = impact.difference.flatMap { difference in
        reference.flatMap { (difference / ($0.signum < 0 ? Rational.zero - $0 : $0)).map(say.percent) }
      } ?? "–"
      var line = text(.impactLine, [
        "metric": metric.name, "kind": say.kind(metric.kind), "baseline": show(impact.baseline), "average": show(impact.average),
        "difference": show(impact.difference), "relative": relative,
      ])
      if let effect = impact.monthlyEffect { line += text(.impactWorth, ["amount": say.money(effect, currency)]) }
      if let control = impact.control { line += text(.impactControl, ["control": control]) }
      output += (markdown ? line : TextReport.wrapped(line)) + "\n\n"
      guard !impact.months.isEmpty else { continue }
      let controlled = impact.control != nil
      var table = Table(
        [(text(.columnMonth), .left), (text(.htmlValue), .right), (text(.columnBaseline), .right)]
          + (controlled ? [(text(.columnCounterfactual), .right)] : [])
          + [(text(.columnDifference), .right), (text(.columnEffect), .right), (text(.columnInBand), .left)])
      for month in impact.months {
        table.append(
          [say.month(month.month), show(month.value), show(month.baseline)] + (controlled ? [show(month.counterfactual)] : [])
            + [show(month.difference), month.effect.map { say.amount($0, currency) } ?? "–", month.withinBand.map { text($0 ? .yes : .no) } ?? "–"])
      }
      output += (markdown ? table.markdown() : table.plain()) + "\n"
    }
    return output
  }

  /// One line per metric and month: metric, month, value, baseline, difference, effect, within_band.
  public static func csv(_ impacts: [MetricImpact], currency: Currency, locale: CSVLocale = .en) -> String {
    let french = locale == .fr
    let header = french
      ? ["indicateur", "mois", "valeur", "référence", "écart", "effet", "dans la bande"]  // no-catalogue: French Excel's column names
      : ["metric", "month", "value", "baseline", "difference", "effect", "within_band"]
    var lines = [header.joined(separator: locale.separator)]
    let number = locale.number
    for impact in impacts {
      for month in impact.months {
        let metric = impact.metric
        lines.append([
          locale.field(metric.name), month.month.description, number(value(month.value, of: metric, currency: currency, grouped: false)),
          number(value(month.baseline, of: metric, currency: currency, grouped: false)),
          number(value(month.difference, of: metric, currency: currency, grouped: false)),
          month.effect.map { number(currency.plain($0)) } ?? "", month.withinBand.map { french ? ($0 ? "oui" : "non") : ($0 ? "true" : "false") } ?? "",
        ].joined(separator: locale.separator))
      }
    }
    return locale.start + lines.joined(separator: locale.lineEnd) + locale.lineEnd
  }

  /// `verdict`: the ROI report's verdict status and sentence, nil when no report can be made.
  public static func json(_ impacts: [MetricImpact], currency: Currency, asOf: Month, verdict: (status: String, sentence: String)? = nil) -> String {
    let metrics: [JSON] = impacts.map { impact in
      let metric = impact.metric
      func number(_ value: Rational?) -> JSON { value.map { .number(self.value($0, of: metric, currency: currency, grouped: false)) } ?? .null }
      return .object([
        ("metric", .string(metric.name)), ("kind", .string(metric.kind.name)),
        ("baseline", number(impact.baseline)), ("average", number(impact.average)), ("difference", number(impact.difference)),
        ("monthly_effect", impact.monthlyEffect.map { .number(currency.plain($0)) } ?? .null),
        ("control", impact.control.map(JSON.string) ?? .null),
        ("months", .array(impact.months.map { month in
          .object([
            ("month", .string(month.month.description)), ("value", number(month.value)), ("baseline", number(month.baseline)),
            ("difference", number(month.difference)), ("effect", month.effect.map { .number(currency.plain($0)) } ?? .null),
            ("within_band", month.withinBand.map(JSON.bool) ?? .null),
            ("counterfactual", number(month.counterfactual)),
          ])
        })),
      ])
    }
    var output = ""
    let verdictJSON = verdict.map { JSON.object([("status", .string($0.status)), ("sentence", .string($0.sentence))]) } ?? .null
    JSON.object([("as_of", .string(asOf.description)), ("currency", .string(currency.code)), ("verdict", verdictJSON), ("metrics", .array(metrics))])
      .write(to: &output, indent: 0)
    return output + "\n"
  }
}
