import ROIEngine
import SQLite

extension Store {
  public func add(_ metric: Metric) throws {
    if try database.scalar("SELECT count(*) FROM metric WHERE name = ?", [.text(metric.name)]) ?? 0 > 0 {
      throw StoreError.duplicateMetric(name: metric.name)
    }
    var margin: Int64?
    var unitValue: Int64?
    switch metric.kind {
    case .revenue(let percent): margin = percent.tenThousandths
    case .count(let money): unitValue = money.minor
    case .cost, .kpi: break
    }
    let (targetKind, targetValue) = Store.columns(of: metric.target)
    try database.prepare(
      """
      INSERT INTO metric (name, kind, margin, unit_value, target_kind, target_value, attribution)
      VALUES (?, ?, ?, ?, ?, ?, ?)
      """
    ).run([
      .text(metric.name), .text(metric.kind.name), margin.sqliteValue, unitValue.sqliteValue,
      targetKind.sqliteValue, targetValue.sqliteValue, .integer(metric.attribution.tenThousandths),
    ])
    try record(.add, "metric \(metric.name)", new: AuditText.metric(metric, currency: try settings().currency))
  }

  /// The target as its two columns.
  private static func columns(of target: Target?) -> (kind: String?, value: Int64?) {
    switch target {
    case .relative(let percent)?: ("relative", percent.tenThousandths)
    case .absolute(let value)?: ("absolute", value.tenThousandths)
    case nil: (nil, nil)
    }
  }

  /// Changes a metric's target and attribution (its kind and money factor stay as defined).
  public func update(_ metric: Metric) throws {
    guard let old = try metrics().first(where: { $0.name == metric.name }) else {
      throw StoreError.unknownMetric(name: metric.name, known: try metrics().map(\.name))
    }
    let (targetKind, targetValue) = Store.columns(of: metric.target)
    try database.prepare("UPDATE metric SET target_kind = ?, target_value = ?, attribution = ? WHERE name = ?").run([
      targetKind.sqliteValue, targetValue.sqliteValue, .integer(metric.attribution.tenThousandths), .text(metric.name),
    ])
    let currency = try settings().currency
    try record(
      .replace, "metric \(metric.name)", old: AuditText.metric(old, currency: currency),
      new: AuditText.metric(metric, currency: currency))
  }

  public func metrics() throws -> [Metric] {
    try database.prepare(
      "SELECT id, name, kind, margin, unit_value, target_kind, target_value, attribution FROM metric ORDER BY name"
    ).rows { row in
      let kind: MetricKind
      switch row.text(2) {
      case "revenue": kind = .revenue(margin: Percent(tenThousandths: row.integer(3)))
      case "count": kind = .count(unitValue: Money(minor: row.integer(4)))
      case "cost": kind = .cost
      default: kind = .kpi
      }
      var target: Target?
      switch row.optionalText(5) {
      case "relative": target = .relative(Percent(tenThousandths: row.integer(6)))
      case "absolute": target = .absolute(MetricValue(tenThousandths: row.integer(6)))
      default: break
      }
      return Metric(
        id: row.integer(0), name: row.text(1), kind: kind, target: target,
        attribution: Percent(tenThousandths: row.integer(7)))
    }
  }

  /// Removes metric `name`; one with snapshots only with `force`, which removes them too.
  /// The audit trail keeps the definition and every removed value.
  public func removeMetric(named name: String, force: Bool) throws {
    guard let metric = try metrics().first(where: { $0.name == name }), let id = metric.id else {
      throw StoreError.unknownMetric(name: name, known: try metrics().map(\.name))
    }
    let values = try database.prepare("SELECT month, value FROM snapshot WHERE metric_id = ? ORDER BY month")
      .rows([.integer(id)]) { (month: $0.text(0), value: MetricValue(tenThousandths: $0.integer(1))) }
    if !values.isEmpty && !force { throw StoreError.metricHasSnapshots(name: name, count: values.count) }
    for (month, value) in values {
      try record(.remove, "snapshot \(name) \(month)", old: value.plain)
    }
    try database.prepare("DELETE FROM snapshot WHERE metric_id = ?").run([.integer(id)])
    try database.prepare("DELETE FROM metric WHERE id = ?").run([.integer(id)])
    let forced = values.isEmpty ? "" : " (--force: \(values.count) snapshots removed)"
    try record(.remove, "metric \(name)", old: AuditText.metric(metric, currency: try settings().currency) + forced)
  }

  /// What storing snapshots did.
  public struct LogCounts: Equatable, Sendable {
    public var added = 0
    public var replaced = 0
    /// Already stored with the same value.
    public var unchanged = 0

    public init(added: Int = 0, replaced: Int = 0, unchanged: Int = 0) {
      (self.added, self.replaced, self.unchanged) = (added, replaced, unchanged)
    }
  }

  /// Stores each snapshot, replacing the month's earlier value.
  @discardableResult
  public func log(_ snapshots: [Snapshot]) throws -> LogCounts {
    let ids = Dictionary(uniqueKeysWithValues: try metrics().map { ($0.name, $0.id!) })
    let existing = try database.prepare("SELECT value FROM snapshot WHERE metric_id = ? AND month = ?")
    let upsert = try database.prepare(
      """
      INSERT INTO snapshot (metric_id, month, value) VALUES (?, ?, ?)
      ON CONFLICT (metric_id, month) DO UPDATE SET value = excluded.value
      """)
    var counts = LogCounts()
    for snapshot in snapshots {
      guard let id = ids[snapshot.metric] else {
        throw StoreError.unknownMetric(name: snapshot.metric, known: ids.keys.sorted())
      }
      let key: [Value] = [.integer(id), .text(snapshot.month.description)]
      let subject = "snapshot \(snapshot.metric) \(snapshot.month)"
      switch try existing.rows(key, { $0.integer(0) }).first {
      case snapshot.value.tenThousandths?:
        counts.unchanged += 1
        continue
      case nil:
        counts.added += 1
        try record(.add, subject, new: snapshot.value.plain)
      case let old?:
        counts.replaced += 1
        try record(.replace, subject, old: MetricValue(tenThousandths: old).plain, new: snapshot.value.plain)
      }
      try upsert.run(key + [.integer(snapshot.value.tenThousandths)])
    }
    return counts
  }

  public func snapshots() throws -> [Snapshot] {
    try database.prepare(
      """
      SELECT metric.name, snapshot.month, snapshot.value
      FROM snapshot JOIN metric ON metric.id = snapshot.metric_id
      ORDER BY snapshot.month, metric.name
      """
    ).rows { row in
      Snapshot(metric: row.text(0), month: try Month(parsing: row.text(1)), value: MetricValue(tenThousandths: row.integer(2)))
    }
  }
}
