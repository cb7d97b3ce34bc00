import ROIEngine
import SQLite

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The repository: one crm-roi SQLite file, read and written in domain types.
public final class Store {
  public let path: String
  let database: Database

  private init(path: String, database: Database) throws {
    self.path = path
    self.database = database
    try database.setBusyTimeout(milliseconds: 10_000)
  }

  /// Opens an existing database, migrating it forward; never creates a file.
  public static func open(path: String) throws -> Store {
    guard let isDirectory = fileKind(path) else { throw StoreError.noDatabase(path: path) }
    if isDirectory { throw StoreError.isDirectory(path: path) }
    let store = try Store(path: path, database: try Database(path: path, mode: .readWrite))
    try store.prepareSchema()
    return store
  }

  /// Opens `path`, creating the file (owner-only) and its folder when missing.
  public static func openOrCreate(path: String) throws -> Store {
    switch fileKind(path) {
    case true?: throw StoreError.isDirectory(path: path)
    case false?: return try open(path: path)
    case nil:
      try createParentDirectory(of: path)
      let previous = umask(0o077)
      defer { umask(previous) }
      let store = try Store(path: path, database: try Database(path: path, mode: .readWriteCreate))
      try store.prepareSchema()
      return store
    }
  }

  /// Refuses files that are not crm-roi databases or are newer than this build, then migrates.
  private func prepareSchema() throws {
    let version = try readSchemaVersion()
    if version > Migration.latestVersion {
      throw StoreError.newerSchema(path: path, found: version, supported: Migration.latestVersion)
    }
    if version == 0, try database.scalar("SELECT count(*) FROM sqlite_schema") ?? 0 > 0 {
      throw StoreError.notCRMROIDatabase(path: path)
    }
    try database.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON")
    try database.migrate()
  }

  private func readSchemaVersion() throws -> Int {
    do {
      return try database.schemaVersion
    } catch let error as SQLiteError where error.primaryCode == 26 /* SQLITE_NOTADB */ {
      throw StoreError.notCRMROIDatabase(path: path)
    }
  }

  /// Runs `body` as one IMMEDIATE transaction: all of it is written, or none.
  public func write<T>(_ body: () throws -> T) throws -> T {
    try database.transaction(.immediate, body)
  }

  /// Runs `body` on one consistent read snapshot of the file.
  public func read<T>(_ body: () throws -> T) throws -> T {
    try database.transaction(.deferred, body)
  }

  // MARK: Settings

  public func settings() throws -> Settings {
    let rows = try database.prepare(
      "SELECT currency, go_live, baseline_months, horizon_years, fiscal_year_start FROM settings WHERE id = 1"
    ).rows { row in
      Settings(
        currency: try Currency(code: row.text(0)), goLive: try Month(parsing: row.text(1)),
        baselineMonths: Int(row.integer(2)), horizonYears: Int(row.integer(3)),
        fiscalYearStart: Int(row.integer(4)))
    }
    guard let settings = rows.first else { throw StoreError.notInitialized(path: path) }
    return settings
  }

  /// Whether `init` has run on this file.
  public func isInitialized() throws -> Bool {
    try database.scalar("SELECT count(*) FROM settings") ?? 0 > 0
  }

  /// Whether `demo` wrote this file (so a later demo may replace it).
  public func isDemo() throws -> Bool {
    try database.scalar("SELECT is_demo FROM settings WHERE id = 1") == 1
  }

  public func initialize(_ settings: Settings, isDemo: Bool = false) throws {
    if try isInitialized() { throw StoreError.alreadyInitialized(path: path) }
    try database.prepare(
      """
      INSERT INTO settings (id, currency, minor_units, go_live, baseline_months, horizon_years,
                            fiscal_year_start, is_demo)
      VALUES (1, ?, ?, ?, ?, ?, ?, ?)
      """
    ).run(settingsValues(settings) + [.integer(isDemo ? 1 : 0)])
  }

  /// Replaces the settings. A currency with other minor units is refused once amounts are stored.
  public func update(_ settings: Settings) throws {
    let current = try self.settings()
    if settings.currency.minorUnits != current.currency.minorUnits, try hasMoney() {
      throw StoreError.currencyChangesMinorUnits(from: current.currency, to: settings.currency)
    }
    try database.prepare(
      """
      UPDATE settings SET currency = ?, minor_units = ?, go_live = ?, baseline_months = ?,
                          horizon_years = ?, fiscal_year_start = ?
      WHERE id = 1
      """
    ).run(settingsValues(settings))
  }

  private func settingsValues(_ settings: Settings) -> [Value] {
    [
      .text(settings.currency.code), .integer(Int64(settings.currency.minorUnits)),
      .text(settings.goLive.description), .integer(Int64(settings.baselineMonths)),
      .integer(Int64(settings.horizonYears)), .integer(Int64(settings.fiscalYearStart)),
    ]
  }

  private func hasMoney() throws -> Bool {
    let sql = """
      SELECT EXISTS (SELECT 1 FROM expense) OR EXISTS (SELECT 1 FROM metric WHERE kind IN ('revenue', 'cost', 'count'))
      """
    return try database.scalar(sql) == 1
  }

  // MARK: Expenses

  private var insertExpenseStatement: Statement?

  /// Prepared once per store, reused for every expense an import or a loop adds.
  func insertExpense() throws -> Statement {
    if let statement = insertExpenseStatement { return statement }
    let statement = try database.prepare(
      """
      INSERT INTO expense (date, category, amount, note, hours_centi, rate, every, until_month)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      """)
    insertExpenseStatement = statement
    return statement
  }

  /// Adds `expense` and returns its id.
  @discardableResult
  public func add(_ expense: Expense) throws -> Int64 {
    try insertExpense().run(Store.values(of: expense))
    return database.lastInsertedRowID
  }

  /// The expense's columns in the order of the INSERT statements.
  static func values(of expense: Expense) -> [Value] {
    [
      .text(expense.date.description), .text(expense.category.rawValue), .integer(expense.amount.minor),
      expense.note.sqliteValue, expense.labor.map { $0.hundredthsOfHours }.sqliteValue,
      expense.labor.map { $0.rate.minor }.sqliteValue, expense.recurrence.map { $0.every.rawValue }.sqliteValue,
      (expense.recurrence?.until?.description).sqliteValue,
    ]
  }

  public func expenses() throws -> [Expense] {
    var expenses: [Expense] = []
    try forEachExpense { expenses.append($0) }
    return expenses
  }

  /// Each stored expense in date order, one at a time.
  public func forEachExpense(_ body: (Expense) throws -> Void) throws {
    try database.prepare(
      """
      SELECT id, date, category, amount, note, hours_centi, rate, every, until_month
      FROM expense ORDER BY date, id
      """
    ).forEach { row in
      var labor: Labor?
      if let hours = row.optionalInteger(5), let rate = row.optionalInteger(6) {
        labor = Labor(hundredthsOfHours: hours, rate: Money(minor: rate))
      }
      var recurrence: Recurrence?
      if let every = row.optionalText(7) {
        recurrence = Recurrence(every: try Frequency(parsing: every), until: try row.optionalText(8).map(Month.init(parsing:)))
      }
      try body(Expense(
        id: row.integer(0), date: try CalendarDate(parsing: row.text(1)),
        category: try ExpenseCategory(parsing: row.text(2)), amount: Money(minor: row.integer(3)),
        note: row.optionalText(4), labor: labor, recurrence: recurrence))
    }
  }

  /// The expenses as the ROI method needs them, summed in SQL per month and recurrence.
  public func costItems() throws -> [CostItem] {
    try database.prepare(
      """
      SELECT substr(date, 1, 7), every, until_month, sum(amount)
      FROM expense GROUP BY 1, 2, 3
      """
    ).rows { row in
      let recurrence = try row.optionalText(1).map {
        Recurrence(every: try Frequency(parsing: $0), until: try row.optionalText(2).map(Month.init(parsing:)))
      }
      return CostItem(month: try Month(parsing: row.text(0)), amount: Money(minor: row.integer(3)), recurrence: recurrence)
    }
  }

  public func removeExpense(id: Int64) throws {
    try database.prepare("DELETE FROM expense WHERE id = ?").run([.integer(id)])
    if database.changes == 0 { throw StoreError.noSuchExpense(id: id) }
  }

  // MARK: Metrics and snapshots

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
    var targetKind: String?
    var targetValue: Int64?
    switch metric.target {
    case .relative(let percent)?: (targetKind, targetValue) = ("relative", percent.tenThousandths)
    case .absolute(let value)?: (targetKind, targetValue) = ("absolute", value.tenThousandths)
    case nil: break
    }
    try database.prepare(
      "INSERT INTO metric (name, kind, margin, unit_value, target_kind, target_value) VALUES (?, ?, ?, ?, ?, ?)"
    ).run([
      .text(metric.name), .text(metric.kind.name), margin.sqliteValue, unitValue.sqliteValue,
      targetKind.sqliteValue, targetValue.sqliteValue,
    ])
  }

  public func metrics() throws -> [Metric] {
    try database.prepare(
      "SELECT id, name, kind, margin, unit_value, target_kind, target_value FROM metric ORDER BY name"
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
      return Metric(id: row.integer(0), name: row.text(1), kind: kind, target: target)
    }
  }

  /// Removes metric `name`; one with snapshots only with `force`, which removes them too.
  public func removeMetric(named name: String, force: Bool) throws {
    guard let id = try database.scalar("SELECT id FROM metric WHERE name = ?", [.text(name)]) else {
      throw StoreError.unknownMetric(name: name, known: try metrics().map(\.name))
    }
    let count = Int(try database.scalar("SELECT count(*) FROM snapshot WHERE metric_id = ?", [.integer(id)]) ?? 0)
    if count > 0 && !force { throw StoreError.metricHasSnapshots(name: name, count: count) }
    try database.prepare("DELETE FROM snapshot WHERE metric_id = ?").run([.integer(id)])
    try database.prepare("DELETE FROM metric WHERE id = ?").run([.integer(id)])
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
      switch try existing.rows(key, { $0.integer(0) }).first {
      case snapshot.value.tenThousandths?:
        counts.unchanged += 1
        continue
      case nil: counts.added += 1
      case _?: counts.replaced += 1
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

  /// Computes the ROI report from one consistent read of the file.
  public func report(through: Quarter? = nil) throws -> ROIReport {
    try read {
      try ROICalculator.report(
        settings: try settings(), costItems: try costItems(), metrics: try metrics(), snapshots: try snapshots(),
        through: through)
    }
  }
}

/// nil when nothing is at `path`, else whether it is a directory.
private func fileKind(_ path: String) -> Bool? {
  var info = stat()
  guard stat(path, &info) == 0 else { return nil }
  return (info.st_mode & S_IFMT) == S_IFDIR
}

/// Creates the folders above `path` that are missing, owner-only.
private func createParentDirectory(of path: String) throws {
  var folders: [String] = []
  var current = path
  while let slash = current.lastIndex(of: "/"), slash != current.startIndex {
    current = String(current[..<slash])
    if fileKind(current) != nil { break }
    folders.append(current)
  }
  for folder in folders.reversed() where mkdir(folder, 0o700) != 0 && errno != EEXIST {
    throw SQLiteError(code: 14, message: "cannot create folder '\(folder)': \(String(cString: strerror(errno)))")
  }
}
