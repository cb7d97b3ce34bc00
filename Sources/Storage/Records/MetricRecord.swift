import ROIEngine
import SQLite

/// The `metric` table's mapping: its columns declared once, rows read by column name.
enum MetricRecord {
  enum Column: String, CaseIterable {
    case id, name, kind, margin, unitValue = "unit_value", targetKind = "target_kind", targetValue = "target_value"
    case attribution, fromOrders = "from_orders", hourlyCost = "hourly_cost", realisation, controlFor = "control_for"
    case risk, owner
    /// Not a column: the name of the metric `control_for` points at, read by the select's join.
    case controlForName = "control_for_name"
  }

  /// How a target is stored in `target_kind`.
  enum TargetKind: String, CaseIterable {
    case relative, absolute
  }

  static let written: [Column] = [
    .name, .kind, .margin, .unitValue, .targetKind, .targetValue, .attribution, .fromOrders, .hourlyCost, .realisation,
    .controlFor, .risk, .owner,
  ]
  static let writtenList = written.map(\.rawValue).joined(separator: ", ")
  static let insertSQL = "INSERT INTO metric (\(writtenList)) VALUES (\(placeholders(written.count)))"
  static let updateSQL = "UPDATE metric SET " + written.map { "\($0.rawValue) = ?" }.joined(separator: ", ") + " WHERE id = ?"
  static let selectSQL = """
    SELECT metric.id AS id, \(written.map { "metric.\($0.rawValue) AS \($0.rawValue)" }.joined(separator: ", ")),
      control.name AS \(Column.controlForName.rawValue)
    FROM metric LEFT JOIN metric AS control ON control.id = metric.control_for ORDER BY metric.name
    """

  /// The row's values in `written`'s order; `controlID` is the id of the metric named by `controlFor`.
  static func values(of metric: Metric, controlID: Int64? = nil) -> [Value] {
    var margin: Int64?
    var unitValue: Int64?
    switch metric.kind {
    case .revenue(let percent): margin = percent.tenThousandths
    case .count(let money): unitValue = money.minor
    case .cost, .kpi: break
    case .hours: break
    }
    var hourlyCost: Int64?
    var realisation: Int64?
    if case .hours(let cost, let share) = metric.kind { (hourlyCost, realisation) = (cost.minor, share.tenThousandths) }
    var targetKind: TargetKind?
    var targetValue: Int64?
    switch metric.target {
    case .relative(let percent)?: (targetKind, targetValue) = (.relative, percent.tenThousandths)
    case .absolute(let value)?: (targetKind, targetValue) = (.absolute, value.tenThousandths)
    case nil: break
    }
    return [
      .text(metric.name), .text(metric.kind.name), margin.sqliteValue, unitValue.sqliteValue,
      targetKind.map { .text($0.rawValue) } ?? .null, targetValue.sqliteValue, .integer(metric.attribution.tenThousandths),
      (metric.fromOrders?.rawValue).sqliteValue, hourlyCost.sqliteValue, realisation.sqliteValue, controlID.sqliteValue,
      metric.risk.map(\.tenThousandths).sqliteValue, metric.owner.sqliteValue,
    ]
  }

  static func metric(from row: Row) throws -> Metric {
    let id = row.integer(Column.id.rawValue)
    func unexpected(_ column: Column) -> StoreError {
      .unexpectedStoredValue(table: "metric", row: id, column: column.rawValue, value: row.optionalText(column.rawValue) ?? "NULL")
    }
    let kind: MetricKind
    switch MetricKind.Name(rawValue: row.text(Column.kind.rawValue)) {
    case .revenue?:
      guard let margin = row.optionalInteger(Column.margin.rawValue) else { throw unexpected(.margin) }
      kind = .revenue(margin: Percent(tenThousandths: margin))
    case .count?:
      guard let unitValue = row.optionalInteger(Column.unitValue.rawValue) else { throw unexpected(.unitValue) }
      kind = .count(unitValue: Money(minor: unitValue))
    case .hours?:
      guard let cost = row.optionalInteger(Column.hourlyCost.rawValue) else { throw unexpected(.hourlyCost) }
      guard let share = row.optionalInteger(Column.realisation.rawValue) else { throw unexpected(.realisation) }
      kind = .hours(hourlyCost: Money(minor: cost), realisation: Percent(tenThousandths: share))
    case .cost?: kind = .cost
    case .kpi?: kind = .kpi
    case nil: throw unexpected(.kind)
    }
    var target: Target?
    if !row.isNull(Column.targetKind.rawValue) {
      let value = row.integer(Column.targetValue.rawValue)
      switch TargetKind(rawValue: row.text(Column.targetKind.rawValue)) {
      case .relative?: target = .relative(Percent(tenThousandths: value))
      case .absolute?: target = .absolute(MetricValue(tenThousandths: value))
      case nil: throw unexpected(.targetKind)
      }
    }
    var fromOrders: OrderSeries?
    if let series = row.optionalText(Column.fromOrders.rawValue) {
      guard let known = OrderSeries(rawValue: series) else { throw unexpected(.fromOrders) }
      fromOrders = known
    }
    return Metric(
      id: id, name: row.text(Column.name.rawValue), kind: kind, target: target,
      attribution: Percent(tenThousandths: row.integer(Column.attribution.rawValue)), fromOrders: fromOrders,
      controlFor: row.optionalText(Column.controlForName.rawValue),
      risk: row.optionalInteger(Column.risk.rawValue).map(Percent.init(tenThousandths:)),
      owner: row.optionalText(Column.owner.rawValue))
  }
}
