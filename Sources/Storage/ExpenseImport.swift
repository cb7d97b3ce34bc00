import ROIEngine
import SQLite

/// An import of expenses in two steps, so that the write lock is held only for the second:
///
/// 1. `Store.stageExpenseImport` reads, parses and checks the whole input before any write
///    transaction: the rows go to a table in the connection's temporary database (which needs no
///    lock on the database file) and, when the file already holds expenses, the key of each row is
///    hashed in Swift.
/// 2. `Store.finishExpenseImport` then opens the write transaction, counts the stored expenses per
///    key in one scan, moves the rows that are new in with one `INSERT … SELECT` per run of them,
///    and records the import.
///
/// The rule is a multiset: an expense equal to a stored one in date, category, amount, note and
/// recurrence is skipped as many times as it is stored, so importing a file twice adds nothing, and
/// two equal rows in one file are both added the first time.
public final class ExpenseImport {
  private let store: Store
  /// The file as messages and the audit trail name it.
  public let file: String
  /// The currency the amounts were parsed in; the import is refused if it changed before the write.
  let currency: Currency
  private let insert: Statement
  /// How many rows were staged; row n has rowid n in the staging table.
  public private(set) var count = 0
  /// Each staged row's key in file order, and every distinct key with a count: hashed while staging
  /// when the file held expenses then, else only if some appear before the write (see `keysFromStaging`).
  private var keys: [ExpenseKey]?
  /// Every distinct staged key, counted 0 times: built before the write, it takes the stored counts.
  private var counts: [ExpenseKey: Int32] = [:]
  private var planned = false

  fileprivate init(store: Store, file: String, currency: Currency, hashing: Bool) throws {
    self.store = store
    self.file = file
    self.currency = currency
    try store.database.execute(
      """
      DROP TABLE IF EXISTS temp.import_expense;
      CREATE TEMP TABLE import_expense (
        date TEXT, category TEXT, amount INTEGER, note TEXT, hours_centi INTEGER, rate INTEGER, every TEXT, until_month TEXT);
      """)
    insert = try store.database.prepare(
      """
      INSERT INTO temp.import_expense (date, category, amount, note, hours_centi, rate, every, until_month)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      """)
    if hashing { keys = [] }
  }

  /// Stages one expense (step 1).
  public func add(_ expense: Expense) throws {
    let values = Store.values(of: expense)
    try insert.run(values)
    count += 1
    if keys != nil { keys!.append(ExpenseKey(values)) }
  }

  /// Ends step 1: the keys' table, built before the write lock is taken.
  fileprivate func staged() {
    guard let keys else { return }
    counts.reserveCapacity(keys.count)
    for key in keys { counts[key] = 0 }
  }

  /// What the write will do: the runs of staged rowids to insert, how many rows that is, and how many are skipped.
  struct Plan {
    var runs: [ClosedRange<Int64>] = []
    var added = 0
    var skipped: Int { total - added }
    let total: Int
  }

  /// Decides which staged rows are new, against the stored expenses as this transaction sees them.
  /// Called once per session.
  func plan() throws -> Plan {
    precondition(!planned && store.currentImport === self, "an import is planned once, before another is staged")
    planned = true
    var plan = Plan(total: count)
    guard count > 0 else { return plan }
    guard try store.database.scalar("SELECT EXISTS (SELECT 1 FROM expense WHERE removed_at IS NULL)") == 1 else {
      plan.runs = [1...Int64(count)]
      plan.added = count
      return plan
    }
    if keys == nil {
      keys = try keysFromStaging()
      staged()
    }
    let keys = self.keys!
    var storedCounts = self.counts
    self.counts = [:]
    // One scan of the stored expenses: how often each staged key is stored.
    var matched = 0
    try store.database.prepare(
      "SELECT date, category, amount, note, every, until_month FROM expense WHERE removed_at IS NULL"
    ).forEach { row in
      if let index = storedCounts.index(forKey: ExpenseKey(row)) {
        storedCounts.values[index] += 1
        matched += 1
      }
    }
    guard matched > 0 else {
      plan.runs = [1...Int64(count)]
      plan.added = count
      return plan
    }
    // In file order, each key's first copies are skipped, as many as are stored; the rest are added.
    var runStart: Int64?
    for (offset, key) in keys.enumerated() {
      let rowid = Int64(offset + 1)
      let index = storedCounts.index(forKey: key)!
      if storedCounts.values[index] > 0 {
        storedCounts.values[index] -= 1
        if let start = runStart { plan.runs.append(start...(rowid - 1)) }
        runStart = nil
      } else {
        if runStart == nil { runStart = rowid }
        plan.added += 1
      }
    }
    if let start = runStart { plan.runs.append(start...Int64(count)) }
    return plan
  }

  /// The keys of the staged rows, read back: for a table that was empty while staging but not at the write.
  private func keysFromStaging() throws -> [ExpenseKey] {
    var keys: [ExpenseKey] = []
    keys.reserveCapacity(count)
    try store.database.prepare(
      "SELECT date, category, amount, note, every, until_month FROM temp.import_expense ORDER BY rowid"
    ).forEach { keys.append(ExpenseKey($0)) }
    return keys
  }

  /// Moves the planned rows in and records the import (inside the write transaction).
  func apply(_ plan: Plan) throws {
    let database = store.database
    let firstID = (try database.scalar("SELECT max(id) FROM expense") ?? 0) + 1
    // A bulk load at least as large as the table: building each index once afterwards is several
    // times faster than keeping it up to date row by row.
    var deferredIndexes: [String] = []
    if plan.added >= 10_000 && Int64(plan.added) >= firstID - 1 {
      let indexes = try database.prepare(
        "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'expense' AND sql IS NOT NULL"
      ).rows { (name: $0.text(0), sql: $0.text(1)) }
      for index in indexes { try database.execute("DROP INDEX \"\(index.name)\"") }
      deferredIndexes = indexes.map(\.sql)
    }
    let move = try database.prepare(
      """
      INSERT INTO expense (date, category, amount, note, hours_centi, rate, every, until_month)
      SELECT date, category, amount, note, hours_centi, rate, every, until_month
      FROM temp.import_expense WHERE rowid BETWEEN ? AND ? ORDER BY rowid
      """)
    for run in plan.runs { try move.run([.integer(run.lowerBound), .integer(run.upperBound)]) }
    let lastID = database.lastInsertedRowID
    for sql in deferredIndexes { try database.execute(sql) }
    let ids = plan.added == 0 ? "" : " (ids \(firstID) to \(lastID))"
    try store.record(.import, "expenses from \(file)", new: "\(plan.added) added\(ids), \(plan.skipped) skipped")
  }
}

/// What makes two expenses the same for an import: date, category, amount, note and recurrence
/// (not the labor columns), as a 128-bit hash of their stored column values: two SipHash-1-3 runs
/// that differ in their first byte, under the key Swift draws at random for each process. Two
/// different rows get one key with a chance of about 2⁻¹²⁸, so a million rows against a million
/// stored ones collide with a chance below 10⁻²⁶.
struct ExpenseKey: Hashable {
  let first: Int
  let second: Int

  private struct Builder {
    var first = Hasher()
    var second = Hasher()

    init() {
      first.combine(UInt8(0))
      second.combine(UInt8(1))
    }

    mutating func text(_ bytes: UnsafeRawBufferPointer?) {
      guard let bytes else { return null() }
      first.combine(UInt8(1))
      second.combine(UInt8(1))
      first.combine(bytes.count)
      second.combine(bytes.count)
      first.combine(bytes: bytes)
      second.combine(bytes: bytes)
    }

    mutating func integer(_ value: Int64) {
      first.combine(UInt8(2))
      second.combine(UInt8(2))
      first.combine(value)
      second.combine(value)
    }

    mutating func null() {
      first.combine(UInt8(0))
      second.combine(UInt8(0))
    }

    mutating func value(_ value: Value) {
      switch value {
      case .null: null()
      case .integer(let number): integer(number)
      case .text(var text): text.withUTF8 { self.text(UnsafeRawBufferPointer($0)) }
      }
    }
  }

  /// The key of an expense given as `Store.values(of:)`.
  init(_ values: [Value]) {
    var builder = Builder()
    for position in [0, 1, 2, 3, 6, 7] { builder.value(values[position]) }  // not hours_centi, rate
    (first, second) = (builder.first.finalize(), builder.second.finalize())
  }

  /// The key of a row of date, category, amount, note, every, until_month (STRICT columns: text,
  /// text, integer, then text or NULL).
  init(_ row: Row) {
    var builder = Builder()
    row.withTextBytes(0) { builder.text($0) }
    row.withTextBytes(1) { builder.text($0) }
    builder.integer(row.integer(2))
    for column in Int32(3)...5 { row.withTextBytes(column) { builder.text($0) } }
    (first, second) = (builder.first.finalize(), builder.second.finalize())
  }
}

extension Store {
  /// Step 1 of an expense import, before any write transaction: `read` parses the input and adds
  /// each expense to the session; if it throws, nothing is staged. `currency` is the one the
  /// amounts are parsed in. One session at a time: staging another replaces it.
  public func stageExpenseImport(
    file: String, currency: Currency, _ read: (ExpenseImport) throws -> Void
  ) throws -> ExpenseImport {
    let hashing = try database.scalar("SELECT EXISTS (SELECT 1 FROM expense WHERE removed_at IS NULL)") == 1
    // One transaction of the temporary database only: it takes no lock that a writer waits for.
    return try database.transaction(.deferred) {
      let session = try ExpenseImport(store: self, file: file, currency: currency, hashing: hashing)
      try read(session)
      session.staged()
      currentImport = session
      return session
    }
  }

  /// Step 2: adds the staged rows that are not stored yet in one write transaction and records the
  /// import; with `dryRun`, only counts them in a read. Returns how many were added and how many skipped.
  public func finishExpenseImport(_ session: ExpenseImport, dryRun: Bool) throws -> (added: Int, skipped: Int) {
    let body = { () throws -> (added: Int, skipped: Int) in
      guard try self.settings().currency == session.currency else { throw StoreError.changedDuringImport(file: session.file) }
      let plan = try session.plan()
      if !dryRun { try session.apply(plan) }
      return (plan.added, plan.skipped)
    }
    return try dryRun ? read(body) : write(body)
  }

  /// Logs the snapshots of an imported file and records the import. `metrics` and `currency` are
  /// those the file was parsed with: if either changed since, nothing is written.
  public func importSnapshots(_ snapshots: [Snapshot], file: String, metrics: [Metric], currency: Currency) throws -> LogCounts {
    func kinds(_ metrics: [Metric]) -> [String: MetricKind] {
      Dictionary(metrics.map { ($0.name, $0.kind) }, uniquingKeysWith: { first, _ in first })
    }
    guard try settings().currency == currency, kinds(try self.metrics()) == kinds(metrics) else {
      throw StoreError.changedDuringImport(file: file)
    }
    let counts = try log(snapshots)
    try record(
      .import, "metric values from \(file)",
      new: "\(counts.added) added, \(counts.replaced) replaced, \(counts.unchanged) unchanged")
    return counts
  }
}
