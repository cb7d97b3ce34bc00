import ROIEngine

/// Metrics as people read them, in `metric list` and on the web app's Metrics page.
public enum MetricText {
  /// A metric's row: name, kind (with the orders series it is read from), money per change, target, attribution.
  public static func row(_ metric: Metric, currency: Currency, _ language: Language) -> [String] {
    let say = PeopleFormat(language)
    func text(_ message: Message, _ values: [String: String] = [:]) -> String { Catalogue.text(message, language, values) }
    let factor: String
    switch metric.kind {
    case .revenue(let margin): factor = text(.factorMargin, ["margin": say.share(margin.description)])
    case .count(let unitValue): factor = text(.factorPerUnit, ["amount": say.money(unitValue.rational, currency)])
    case .cost: factor = text(.factorCost, ["code": say.currencyName(currency)])
    case .kpi: factor = metric.controlFor.map { text(.factorControlFor, ["metric": $0]) } ?? text(.factorNone)
    case .hours(let hourlyCost, let realisation):
      factor = text(.factorHours, ["amount": say.money(hourlyCost.rational, currency), "share": say.share(realisation.description)])
    }
    let risk = metric.risk.map { text(.factorRisk, ["share": say.share($0.description)]) } ?? ""
    let from = metric.fromOrders.map { text(.kindFromOrders, ["series": $0.rawValue]) } ?? ""
    return [metric.name, say.kind(metric.kind) + from, factor + risk, metric.target.map { say.share($0.description) } ?? "", say.share(metric.attribution.description)]
  }
}
