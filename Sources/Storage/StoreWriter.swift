import ROIEngine
import SQLite

/// The write handle `Store.write` hands out: the only place changes can be made, each with its
/// audit record in the same transaction.
public final class StoreWriter: StoreReader {
  /// Where the changes are made, as the audit trail records it.
  var origin = AuditEntry.Origin.commandLine

  /// Records a change in the audit trail.
  func record(_ action: AuditEntry.Action, _ subject: String, old: String? = nil, new: String? = nil) throws {
    try statement(AuditRecord.insertSQL).run([.text(action.rawValue), .text(subject), old.sqliteValue, new.sqliteValue, .text(origin.rawValue)])
  }

  // MARK: Settings

  /// Sets (or, with nil, clears) the database's language, audited as a settings change.
  public func setLanguage(_ language: Language?) throws {
    // Read as stored, even a value this crm-roi does not know: setting the language mends it.
    let old = try optionalSetting(.language) { $0 }
    guard old != language?.rawValue else { return }
    guard try isInitialized() else { throw StoreError.notInitialized(path: path) }
    try statement(SettingsRecord.OptionalColumn.language.updateSQL).run([(language?.rawValue).sqliteValue])
    try record(.settings, "language", old: old, new: language?.rawValue)
  }

  public func initialize(_ settings: Settings, isDemo: Bool = false) throws {
    if try isInitialized() { throw StoreError.alreadyInitialized(path: path) }
    try statement(SettingsRecord.insertSQL).run(SettingsRecord.values(of: settings) + [.integer(isDemo ? 1 : 0)])
    cachedSettings = nil
    try record(.initialize, "settings", new: AuditText.settings(settings))
  }

  /// Replaces the settings. Once money is stored (removed expenses included), a currency with other
  /// minor units is refused, and one with the same minor units needs `relabel`: amounts are not
  /// converted. Returns whether stored amounts were relabelled; a change to the same settings
  /// writes nothing.
  @discardableResult
  public func update(_ settings: Settings, relabel: Bool = false) throws -> Bool {
    let current = try self.settings()
    guard settings != current else { return false }
    var relabelled = false
    if settings.currency != current.currency, try hasMoney() {
      if settings.currency.minorUnits != current.currency.minorUnits {
        throw StoreError.currencyChangesMinorUnits(from: current.currency, to: settings.currency)
      }
      if !relabel { throw StoreError.currencyNeedsRelabel(from: current.currency, to: settings.currency) }
      relabelled = true
    }
    if settings.goLive != current.goLive {
      let earliest = settings.goLive.advanced(by: -12 * ExpenseFields.yearsBeforeGoLive)
      if let date = try statement("SELECT min(date) AS date FROM expense WHERE removed_at IS NULL").rows([], { $0.optionalText("date") }).first ?? nil,
        date < "\(earliest)-01"
      {
        throw StoreError.goLiveLeavesExpenseBehind(goLive: settings.goLive, expenseDate: date)
      }
    }
    try statement(SettingsRecord.updateSQL).run(SettingsRecord.values(of: settings))
    cachedSettings = nil
    try record(.settings, "settings", old: AuditText.settings(current), new: AuditText.settings(settings))
    return relabelled
  }

  private func hasMoney() throws -> Bool {
    try scalar(
      """
      SELECT EXISTS (SELECT 1 FROM expense) OR EXISTS (SELECT 1 FROM plan_cost) OR EXISTS (SELECT 1 FROM plan_benefit)
        OR EXISTS (SELECT 1 FROM metric WHERE kind = 'revenue' OR kind = 'cost' OR kind = 'count' OR kind = 'hours')
      """) == 1
  }

  // MARK: Expenses

  /// Adds `expense` and returns its id.
  @discardableResult
  public func add(_ expense: Expense) throws -> Int64 {
    try statement(ExpenseRecord.insertSQL).run(ExpenseRecord.values(of: expense))
    let id = database.lastInsertedRowID
    try record(.add, "expense \(id)", new: AuditText.expense(expense, currency: try settings().currency))
    return id
  }

  /// Marks the expense removed; it stays in the file and `restoreExpense` brings it back.
  public func removeExpense(id: Int64) throws {
    guard let (expense, removed) = try storedExpense(id: id), !removed else { throw StoreError.noSuchExpense(id: id) }
    try statement("UPDATE expense SET removed_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?").run([.integer(id)])
    try record(.remove, "expense \(id)", old: AuditText.expense(expense, currency: try settings().currency))
  }

  /// Brings back a removed expense under its old id.
  @discardableResult
  public func restoreExpense(id: Int64) throws -> Expense {
    guard let (expense, removed) = try storedExpense(id: id) else { throw StoreError.noSuchExpense(id: id) }
    guard removed else { throw StoreError.expenseNotRemoved(id: id) }
    try statement("UPDATE expense SET removed_at = NULL WHERE id = ?").run([.integer(id)])
    try record(.restore, "expense \(id)", new: AuditText.expense(expense, currency: try settings().currency))
    return expense
  }

  /// Replaces the stored (not removed) expense `id` with `expense`, keeping its id.
  @discardableResult
  public func replaceExpense(id: Int64, with expense: Expense) throws -> Expense {
    guard let (old, removed) = try storedExpense(id: id), !removed else { throw StoreError.noSuchExpense(id: id) }
    try statement(ExpenseRecord.updateSQL).run(ExpenseRecord.values(of: expense).dropLast() + [.integer(id)])
    let currency = try settings().currency
    try record(
      .replace, "expense \(id)", old: AuditText.expense(old, currency: currency), new: AuditText.expense(expense, currency: currency))
    return old
  }

  // MARK: Metrics

  public func add(_ metric: Metric) throws {
    // Compared as Swift strings, so `coût` with its accent typed apart is the same name as `coût`.
    let metrics = try metrics()
    if metrics.contains(where: { $0.name == metric.name }) {
      throw StoreError.duplicateMetric(name: metric.name)
    }
    let controlID = try controlID(for: metric, among: metrics)
    try statement(MetricRecord.insertSQL).run(MetricRecord.values(of: metric, controlID: controlID))
    try record(.add, "metric \(metric.name)", new: AuditText.metric(metric, currency: try settings().currency))
  }

  /// Replaces the definition of the stored metric `name` (by default the metric's own name), its
  /// name included. A kind that a stored value does not fit is refused, naming the first such month.
  public func update(_ metric: Metric, named name: String? = nil) throws {
    let metrics = try metrics()
    let name = name ?? metric.name
    guard let old = metrics.first(where: { $0.name == name }), let id = old.id else {
      throw StoreError.unknownMetric(name: name, known: metrics.map(\.name))
    }
    if metric.name != old.name, metrics.contains(where: { $0.name == metric.name }) {
      throw StoreError.duplicateMetric(name: metric.name)
    }
    if metric.kind.kindName != old.kind.kindName || (metric.controlFor != nil && old.controlFor == nil) {
      let currency = try settings().currency
      let values = try statement("SELECT month, value FROM snapshot WHERE metric_id = ? ORDER BY month")
        .rows([.integer(id)]) { (month: $0.text("month"), value: MetricValue(tenThousandths: $0.integer("value"))) }
      for (month, value) in values where (try? metric.parseValue(value.plain, currency: currency)) == nil {
        if metric.controlFor != nil, value.tenThousandths < 0 {
          throw StoreError.controlValueNegative(metric: old.name, month: month, value: value.plain)
        }
        throw StoreError.kindDoesNotFitValue(metric: old.name, kind: metric.kind.name, month: month, value: value.plain)
      }
    }
    let controlID = try controlID(for: metric, among: metrics, replacing: old)
    if !metric.kind.addsMoney, try businessCase().benefits.contains(where: { $0.metric == old.name }) {
      throw StoreError.metricHasPlannedBenefit(metric: old.name, kind: metric.kind.name)
    }
    try statement(MetricRecord.updateSQL).run(MetricRecord.values(of: metric, controlID: controlID) + [.integer(id)])
    let currency = try settings().currency
    try record(
      .replace, "metric \(old.name)", old: AuditText.metric(old, currency: currency),
      new: (metric.name != old.name ? "name=\(metric.name) " : "") + AuditText.metric(metric, currency: currency))
  }

  /// The id of the metric `metric.controlFor` names, checked: it exists, is not a control series
  /// itself and has no other control; and `metric` (`old` before the change) is not isolated by one.
  private func controlID(for metric: Metric, among metrics: [Metric], replacing old: Metric? = nil) throws -> Int64? {
    guard let name = metric.controlFor else { return nil }
    let others = metrics.filter { $0.id == nil || $0.id != old?.id }
    guard let target = others.first(where: { $0.name == name }), let id = target.id else {
      throw StoreError.unknownMetric(name: name, known: others.map(\.name))
    }
    if target.controlFor != nil { throw StoreError.controlOfAControl(control: metric.name, metric: target.name) }
    if let existing = others.first(where: { $0.controlFor == target.name }) {
      throw StoreError.metricHasControl(metric: target.name, control: existing.name)
    }
    if let old, let isolating = others.first(where: { $0.controlFor == old.name }) {
      throw StoreError.controlledMetricAsControl(metric: old.name, control: isolating.name)
    }
    return id
  }

  /// Removes metric `name`; one with snapshots only with `force`, which removes them too.
  /// The audit trail keeps the definition and every removed value.
  public func removeMetric(named name: String, force: Bool) throws {
    let metrics = try metrics()
    guard let metric = metrics.first(where: { $0.name == name }), let id = metric.id else {
      throw StoreError.unknownMetric(name: name, known: metrics.map(\.name))
    }
    let values = try statement("SELECT month, value FROM snapshot WHERE metric_id = ? ORDER BY month")
      .rows([.integer(id)]) { (month: $0.text("month"), value: MetricValue(tenThousandths: $0.integer("value"))) }
    if !values.isEmpty && !force { throw StoreError.metricHasSnapshots(name: name, count: values.count) }
    for (month, value) in values {
      try record(.remove, "snapshot \(name) \(month)", old: value.plain)
    }
    try statement("DELETE FROM snapshot WHERE metric_id = ?").run([.integer(id)])
    let currency = try settings().currency
    // Its control series stays, as a plain kpi; its planned benefit goes with it.
    for control in metrics where control.controlFor == name {
      try statement("UPDATE metric SET control_for = NULL WHERE id = ?").run([.integer(control.id!)])
      var unlinked = control
      unlinked.controlFor = nil
      try record(
        .replace, "metric \(control.name)", old: AuditText.metric(control, currency: currency), new: AuditText.metric(unlinked, currency: currency))
    }
    if let planned = try businessCase().benefits.first(where: { $0.metric == name }) {
      try statement("DELETE FROM plan_benefit WHERE metric_id = ?").run([.integer(id)])
      try record(.remove, "plan benefit \(name)", old: AuditText.plannedBenefit(planned, currency: currency))  // no-catalogue: the audit trail's subject
    }
    try statement("DELETE FROM metric WHERE id = ?").run([.integer(id)])
    let forced = values.isEmpty ? "" : " (--force: \(values.count) snapshot\(values.count == 1 ? "" : "s") removed)"  // no-catalogue: the audit trail's stored text
    try record(.remove, "metric \(name)", old: AuditText.metric(metric, currency: try settings().currency) + forced)
  }

  // MARK: The business case and intangibles

  /// Adds a planned cost and returns its id.
  @discardableResult
  public func addPlanCost(_ expense: Expense) throws -> Int64 {
    try statement(PlanCostRecord.insertSQL).run(PlanCostRecord.values(of: expense))
    let id = database.lastInsertedRowID
    try record(.add, "plan cost \(id)", new: AuditText.expense(expense, currency: try settings().currency))  // no-catalogue: the audit trail's subject
    return id
  }

  /// Removes the planned cost `id` and returns it.
  @discardableResult
  public func removePlanCost(id: Int64) throws -> Expense {
    guard let expense = try statement(PlanCostRecord.selectOneSQL).rows([.integer(id)], PlanCostRecord.expense(from:)).first else {
      throw StoreError.noSuchPlanCost(id: id)
    }
    try statement("DELETE FROM plan_cost WHERE id = ?").run([.integer(id)])
    try record(.remove, "plan cost \(id)", old: AuditText.expense(expense, currency: try settings().currency))  // no-catalogue: the audit trail's subject
    return expense
  }

  /// Sets the planned benefit of its metric (a money metric), replacing any earlier one.
  public func setPlannedBenefit(_ benefit: PlannedBenefit) throws {
    let metrics = try metrics()
    guard let metric = metrics.first(where: { $0.name == benefit.metric }), let id = metric.id else {
      throw StoreError.unknownMetric(name: benefit.metric, known: metrics.map(\.name))
    }
    guard metric.kind.addsMoney else { throw StoreError.planBenefitNeedsMoney(metric: metric.name, kind: metric.kind.name) }
    let currency = try settings().currency
    let old = try businessCase().benefits.first { $0.metric == metric.name }
    try statement(PlanBenefitRecord.upsertSQL).run(PlanBenefitRecord.values(of: benefit, metricID: id))
    try record(
      old == nil ? .add : .replace, "plan benefit \(metric.name)", old: old.map { AuditText.plannedBenefit($0, currency: currency) },  // no-catalogue: the audit trail's subject
      new: AuditText.plannedBenefit(benefit, currency: currency))
  }

  /// Removes the planned benefit of metric `name` (matched as Swift compares names: in any Unicode spelling).
  public func removePlannedBenefit(metric name: String) throws {
    let metrics = try metrics()
    guard let metric = metrics.first(where: { $0.name == name }), let id = metric.id else {
      throw StoreError.unknownMetric(name: name, known: metrics.map(\.name))
    }
    guard let old = try businessCase().benefits.first(where: { $0.metric == metric.name }) else {
      throw StoreError.noPlannedBenefit(metric: metric.name)
    }
    try statement("DELETE FROM plan_benefit WHERE metric_id = ?").run([.integer(id)])
    try record(.remove, "plan benefit \(metric.name)", old: AuditText.plannedBenefit(old, currency: try settings().currency))  // no-catalogue: the audit trail's subject
  }

  /// Names (or, with nil, clears) who answers for metric `name`'s benefit.
  public func setOwner(metric name: String, owner: String?) throws {
    let metrics = try metrics()
    guard var metric = metrics.first(where: { $0.name == name }) else {
      throw StoreError.unknownMetric(name: name, known: metrics.map(\.name))
    }
    metric.owner = owner
    try update(metric)
  }

  /// Adds an intangible (already checked by `Intangible.validate`) and returns its id.
  @discardableResult
  public func addIntangible(_ text: String) throws -> Int64 {
    try statement(IntangibleRecord.insertSQL).run([.text(text)])
    let id = database.lastInsertedRowID
    try record(.add, "intangible \(id)", new: AuditText.quoted(text))
    return id
  }

  /// Removes the intangible `id` and returns it.
  @discardableResult
  public func removeIntangible(id: Int64) throws -> Intangible {
    guard let intangible = try statement(IntangibleRecord.selectOneSQL).rows([.integer(id)], IntangibleRecord.intangible(from:)).first else {
      throw StoreError.noSuchIntangible(id: id)
    }
    try statement("DELETE FROM intangible WHERE id = ?").run([.integer(id)])
    try record(.remove, "intangible \(id)", old: AuditText.quoted(intangible.text))
    return intangible
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
    let metrics = try metrics()
    let ids = Dictionary(metrics.map { ($0.name, $0.id!) }, uniquingKeysWith: { first, _ in first })
    let existing = try statement("SELECT value FROM snapshot WHERE metric_id = ? AND month = ?")
    let upsert = try statement(
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
      switch try existing.rows(key, { $0.integer("value") }).first {
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

  /// Removes the values of `month`: of the metrics `names`, or of every metric when `names` is
  /// empty. Each removed value is recorded with its old figure. Returns how many were removed.
  @discardableResult
  public func unlog(month: Month, names: [String]) throws -> Int {
    let metrics = try metrics()
    var ids: [(name: String, id: Int64)] = []
    for name in names {
      guard let metric = metrics.first(where: { $0.name == name.lowercased() }), let id = metric.id else {
        throw StoreError.unknownMetric(name: name, known: metrics.map(\.name))
      }
      ids.append((metric.name, id))
    }
    if names.isEmpty { ids = metrics.map { ($0.name, $0.id!) } }
    var removed = 0
    for (name, id) in ids {
      let key: [Value] = [.integer(id), .text(month.description)]
      guard let old = try statement("SELECT value FROM snapshot WHERE metric_id = ? AND month = ?").rows(key, { $0.integer("value") }).first
      else { continue }
      try statement("DELETE FROM snapshot WHERE metric_id = ? AND month = ?").run(key)
      try record(.remove, "snapshot \(name) \(month)", old: MetricValue(tenThousandths: old).plain)
      removed += 1
    }
    return removed
  }
}
