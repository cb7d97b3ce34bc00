import ROIEngine
import SQLite

/// One change as the audit trail recorded it.
public struct AuditEntry: Equatable, Sendable {
  /// The actions, as stored: the one list of them (the schema's CHECK is tested against it).
  public enum Action: String, CaseIterable, Sendable {
    case initialize = "init"
    case settings, add, replace, remove, restore, `import`
  }

  /// Where a change was made: the schema's CHECK lists the same two.
  public enum Origin: String, CaseIterable, Sendable {
    case commandLine = "cli"
    case webApp = "web"
  }

  public let id: Int64
  /// UTC, "2025-05-01T09:30:00Z".
  public let at: String
  public let action: Action
  /// What changed: "expense 12", "metric sales", "snapshot sales 2025-05", "settings", or an imported file.
  public let subject: String
  public let oldValue: String?
  public let newValue: String?
  public var origin: Origin = .commandLine
}

/// How the audit trail writes values: `key=value` pairs, text quoted.
enum AuditText {
  static func settings(_ settings: Settings) -> String {
    "currency=\(settings.currency.code) go-live=\(settings.goLive) baseline-months=\(settings.baselineMonths)"
      + " horizon-years=\(settings.horizonYears) fiscal-year-start=\(settings.fiscalYearStart)"
      + " baseline-method=\(settings.baselineMethod.rawValue)"
  }

  static func expense(_ expense: Expense, currency: Currency) -> String {
    var text = "date=\(expense.date) category=\(expense.category.rawValue) amount=\(currency.plain(expense.amount.minor))"
    if let labor = expense.labor { text += " hours=\(labor.hoursText) rate=\(currency.plain(labor.rate.minor))" }
    if let recurrence = expense.recurrence {
      text += " every=\(recurrence.every.rawValue)" + (recurrence.until.map { " until=\($0)" } ?? "")
    }
    for field in ExpenseFields.Field.textFields {
      if let value = field.textAccess!.get(expense) { text += " \(field.rawValue)=\(quoted(value))" }
    }
    return text
  }

  static func metric(_ metric: Metric, currency: Currency) -> String {
    var text = "kind=\(metric.kind.name)"
    switch metric.kind {
    case .revenue(let margin): text += " margin=\(margin)"
    case .count(let unitValue): text += " unit-value=\(currency.plain(unitValue.minor))"
    case .hours(let hourlyCost, let realisation): text += " hourly-cost=\(currency.plain(hourlyCost.minor)) realisation=\(realisation)"
    case .cost, .kpi: break
    }
    if let target = metric.target { text += " target=\(target)" }
    if metric.attribution != Metric.fullAttribution { text += " attribution=\(metric.attribution)" }
    if let control = metric.controlFor { text += " control-for=\(control)" }
    if let risk = metric.risk { text += " risk=\(risk)" }
    if let owner = metric.owner { text += " owner=\(quoted(owner))" }
    return text
  }

  static func plannedBenefit(_ benefit: PlannedBenefit, currency: Currency) -> String {
    "monthly=\(currency.plain(benefit.monthly.minor)) from=\(benefit.from) ramp=\(benefit.ramp)"
  }

  static func quoted(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
  }
}

extension String {
  fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
    split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
