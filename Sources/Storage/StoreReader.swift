import ROIEngine
import SQLite

/// A read of the database inside one transaction, handed out by `Store.read` (or, as a
/// `StoreWriter`, by `Store.write`). Valid only while that transaction runs.
public class StoreReader {
  let database: Database
  public let path: String
  /// See `Store.runningMonth`.
  let runningMonth: Month?
  /// The settings as read in this transaction: a transaction sees one state of the file.
  var cachedSettings: Settings?
  private var isOpen = true

  init(database: Database, path: String, runningMonth: Month? = nil) {
    self.database = database
    self.path = path
    self.runningMonth = runningMonth
  }

  /// Called when the transaction ends: a handle kept past it is a programming error.
  func close() { isOpen = false }

  /// The cached statement for `sql`, on an open handle.
  func statement(_ sql: String) throws -> Statement {
    precondition(isOpen, "a store handle used after its transaction ended")
    return try database.cachedStatement(sql)
  }

  /// The single integer `sql` returns, or nil.
  func scalar(_ sql: String, _ values: [Value] = []) throws -> Int64? {
    try statement(sql).rows(values) { $0.optionalInteger(0) }.first ?? nil
  }

  // MARK: Settings

  public func settings() throws -> Settings {
    if let cachedSettings { return cachedSettings }
    guard let settings = try statement(SettingsRecord.selectSQL).rows([], SettingsRecord.settings(from:)).first else {
      throw StoreError.notInitialized(path: path)
    }
    cachedSettings = settings
    return settings
  }

  /// The language set for this database, if any.
  public func storedLanguage() throws -> Language? {
    try optionalSetting(.language, Language.init(rawValue:))
  }

  /// An optional settings column's value, read by `parse`; nil while unset; a stored text `parse`
  /// refuses is reported as unexpected.
  func optionalSetting<T>(_ column: SettingsRecord.OptionalColumn, _ parse: (String) -> T?) throws -> T? {
    guard let text = try statement(column.selectSQL).rows([], { $0.optionalText(column.rawValue) }).first ?? nil else { return nil }
    guard let value = parse(text) else {
      throw StoreError.unexpectedStoredValue(table: "settings", row: 1, column: column.rawValue, value: text)
    }
    return value
  }

  /// Whether `init` has run on this file.
  public func isInitialized() throws -> Bool {
    try scalar("SELECT count(*) FROM settings") ?? 0 > 0
  }

  /// Whether `demo` wrote this file (so a later demo may replace it).
  public func isDemo() throws -> Bool {
    try scalar("SELECT is_demo FROM settings WHERE id = 1") == 1
  }

  // MARK: Expenses

  public func expenses() throws -> [Expense] {
    var expenses: [Expense] = []
    try forEachExpense { expenses.append($0) }
    return expenses
  }

  /// Each stored (not removed) expense in date order, one at a time.
  public func forEachExpense(_ body: (Expense) throws -> Void) throws {
    // Its own statement, not the cache's: `body` may run other queries while this one steps.
    try database.prepare(
      "SELECT \(ExpenseRecord.selectList) FROM expense WHERE removed_at IS NULL ORDER BY date, id"
    ).forEach { try body(try ExpenseRecord.expense(from: $0)) }
  }

  /// The expenses as the ROI method needs them, summed in SQL per month and recurrence. The sum is
  /// taken in two parts (amount / 10⁹ and amount % 10⁹) so that SQLite's 64-bit sum cannot overflow;
  /// a group above the 64-bit range comes back as several items with the same exact total.
  public func costItems() throws -> [CostItem] {
    var items: [CostItem] = []
    try statement(
      """
      SELECT substr(date, 1, 7) AS month, every, until_month, sum(amount / 1000000000) AS high,
             sum(amount % 1000000000) AS low
      FROM expense WHERE removed_at IS NULL GROUP BY 1, 2, 3
      """
    ).forEach { row in
      let month = try Month(parsing: row.text("month"))
      let recurrence = try row.optionalText("every").map { every in
        Recurrence(every: try Frequency(parsing: every), until: try row.optionalText("until_month").map(Month.init(parsing:)))
      }
      var total = Int128(row.integer("high")) * 1_000_000_000 + Int128(row.integer("low"))
      while total > 0 {
        let part = min(total, Int128(Int64.max))
        items.append(CostItem(month: month, amount: Money(minor: Int64(part)), recurrence: recurrence))
        total -= part
      }
    }
    return items
  }

  /// The expense with `id`, removed or not.
  func storedExpense(id: Int64) throws -> (expense: Expense, removed: Bool)? {
    try statement("SELECT \(ExpenseRecord.selectList), removed_at IS NOT NULL AS removed FROM expense WHERE id = ?")
      .rows([.integer(id)]) { (try ExpenseRecord.expense(from: $0), $0.integer("removed") == 1) }.first
  }

  // MARK: Metrics

  public func metrics() throws -> [Metric] {
    try statement(MetricRecord.selectSQL).rows([], MetricRecord.metric(from:))
  }

  /// Every metric's values: logged ones, and for a metric fed by orders, the values its series
  /// derives from the stored orders (a value logged for it before is not read).
  public func snapshots() throws -> [Snapshot] {
    let fed = try metrics().filter { $0.fromOrders != nil }
    let logged = try loggedSnapshots()
    guard !fed.isEmpty else { return logged }
    let fedNames = Set(fed.map(\.name))
    return (logged.filter { !fedNames.contains($0.metric) } + (try derivedSnapshots(for: fed)))
      .sorted { ($0.month, $0.metric) < ($1.month, $1.metric) }
  }

  /// The values stored in the snapshot table.
  func loggedSnapshots() throws -> [Snapshot] {
    try statement(
      """
      SELECT metric.name AS metric, snapshot.month AS month, snapshot.value AS value
      FROM snapshot JOIN metric ON metric.id = snapshot.metric_id
      ORDER BY snapshot.month, metric.name
      """
    ).rows { row in
      Snapshot(metric: row.text("metric"), month: try Month(parsing: row.text("month")), value: MetricValue(tenThousandths: row.integer("value")))
    }
  }

  // MARK: The business case and intangibles

  /// The planned costs and benefits.
  public func businessCase() throws -> BusinessCase {
    BusinessCase(
      costs: try statement(PlanCostRecord.selectSQL).rows([], PlanCostRecord.expense(from:)),
      benefits: try statement(PlanBenefitRecord.selectSQL).rows([], PlanBenefitRecord.benefit(from:)))
  }

  public func intangibles() throws -> [Intangible] {
    try statement(IntangibleRecord.selectSQL).rows([], IntangibleRecord.intangible(from:))
  }

  // MARK: History and what a report reads

  /// The latest changes, newest first.
  public func history(limit: Int) throws -> [AuditEntry] {
    try statement(AuditRecord.selectSQL).rows([.integer(Int64(limit))], AuditRecord.entry(from:))
  }

  /// The values a report reads, and the facts about their sources: without `allowIncomplete`, none
  /// of a month whose orders stop before its end (`SourceFacts.incompleteMonth`) or after it.
  public func completeSnapshots(metrics: [Metric], allowIncomplete: Bool) throws -> (snapshots: [Snapshot], sources: SourceFacts) {
    var sources = try sourceFacts()
    sources.incompleteIncluded = allowIncomplete
    sources.sampleHistory = try isDemo()
    var snapshots = try snapshots()
    if !allowIncomplete, metrics.contains(where: { $0.fromOrders != nil }), let last = sources.lastCompleteMonth {
      snapshots.removeAll { $0.month > last }
    }
    return (snapshots, sources)
  }

  /// What the warnings about the data's sources read: the counted orders by month, and the
  /// stored expenses with their sources.
  public func sourceFacts() throws -> SourceFacts {
    let months = try statement(OrderRecord.factsSQL).rows { row in
      SourceFacts.OrderMonth(
        month: try Month(parsing: row.text("month")), orders: Int(row.integer("orders")), withoutCustomer: Int(row.integer("anonymous")),
        lastDay: Int(row.text("last").suffix(2)) ?? 0)
    }
    let expenses = try statement("SELECT id, date, amount, source FROM expense WHERE removed_at IS NULL ORDER BY id").rows { row in
      SourceFacts.SourcedExpense(
        id: row.integer("id"), date: try CalendarDate(parsing: row.text("date")), amount: Money(minor: row.integer("amount")),
        source: row.optionalText("source"))
    }
    return SourceFacts(orderMonths: months, expenses: expenses, runningMonth: runningMonth)
  }
}
