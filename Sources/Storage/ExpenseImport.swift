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
  /// Each staged row's key in file order, and the distinct ones, which take the stored counts:
  /// hashed while staging when the table held expenses then, else only if some appear before the
  /// write (see `keysFromStaging`).
  fileprivate var keys: KeyCounts?
  private var planned = false

  fileprivate init(store: Store, file: String, currency: Currency, hashing: Bool) throws {
    self.store = store
    self.file = file
    self.currency = currency
    let columns = ExpenseFields.Field.allCases.map { "\($0.declaration.column) \(ExpenseRecord.isInteger($0) ? "INTEGER" : "TEXT")" }
    try store.database.execute(
      "DROP TABLE IF EXISTS temp.import_expense; CREATE TEMP TABLE import_expense (\(columns.joined(separator: ", ")));")
    insert = try store.database.prepare(
      "INSERT INTO temp.import_expense (\(ExpenseRecord.fieldList)) VALUES (\(placeholders(ExpenseFields.Field.allCases.count)))")
    if hashing { keys = KeyCounts(capacity: 1 << 12) }
  }

  /// Stages one expense (step 1).
  /// After `finishExpenseImport` has planned the import: the staged rows (1 for the first `add`)
  /// that are added; the others are skipped, already stored.
  public internal(set) var addedRows: [ClosedRange<Int64>] = []

  public func add(_ expense: Expense) throws {
    // The record's columns but `source`, which an imported CSV row does not have.
    let values = ExpenseRecord.fieldValues(of: expense)
    try insert.run(values)
    count += 1
    if keys != nil { keys!.append(ExpenseKey(values)) }
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
    var keys = try self.keys ?? keysFromStaging()
    self.keys = nil
    // One scan of the stored expenses: how often each staged key is stored. The keys are looked
    // up in batches, so that the processor overlaps the cache misses of one with the next.
    var batch: [ExpenseKey] = []
    batch.reserveCapacity(KeyCounts.batchSize)
    func lookUp() {
      keys.touch(batch)
      for key in batch {
        if let slot = keys.slot(of: key) { keys.increment(slot) }
      }
      batch.removeAll(keepingCapacity: true)
    }
    try store.database.prepare(
      "SELECT \(ExpenseKey.columnList) FROM expense WHERE removed_at IS NULL"
    ).forEach { row in
      batch.append(ExpenseKey(row))
      if batch.count == KeyCounts.batchSize { lookUp() }
    }
    lookUp()
    // Each key's first copies in the file are skipped, as many as are stored; the rest are added.
    plan.added = keys.unmatchedRows
    guard plan.added > 0 else { return plan }
    guard plan.added < count else {
      plan.runs = [1...Int64(count)]
      return plan
    }
    var runEnd: Int64?
    for offset in stride(from: count - 1, through: 0, by: -1) {
      let rowid = Int64(offset + 1)
      if keys.addsLast(keys.rowSlots[offset]) {
        if runEnd == nil { runEnd = rowid }
      } else {
        if let end = runEnd { plan.runs.append((rowid + 1)...end) }
        runEnd = nil
      }
    }
    if let end = runEnd { plan.runs.append(1...end) }
    plan.runs.reverse()
    return plan
  }

  /// The keys of the staged rows, read back: for a table that was empty while staging but not at the write.
  private func keysFromStaging() throws -> KeyCounts {
    var keys = KeyCounts(capacity: count)
    try store.database.prepare(
      "SELECT \(ExpenseKey.columnList) FROM temp.import_expense ORDER BY rowid"
    ).forEach { keys.append(ExpenseKey($0)) }
    keys.seal()
    return keys
  }

  /// Moves the planned rows in and records the import (inside the write transaction).
  func apply(_ plan: Plan, writer: StoreWriter) throws {
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
      INSERT INTO expense (\(ExpenseRecord.fieldList)) SELECT \(ExpenseRecord.fieldList)
      FROM temp.import_expense WHERE rowid BETWEEN ? AND ? ORDER BY rowid
      """)
    for run in plan.runs { try move.run([.integer(run.lowerBound), .integer(run.upperBound)]) }
    let lastID = database.lastInsertedRowID
    for sql in deferredIndexes { try database.execute(sql) }
    let ids = plan.added == 0 ? "" : " (ids \(firstID) to \(lastID))"  // no-catalogue: the audit trail's stored text
    try writer.record(.import, "expenses from \(file)", new: "\(plan.added) added\(ids), \(plan.skipped) skipped")  // no-catalogue: the audit trail's stored text
  }
}

/// What makes two expenses the same for an import: the fields declared `inDuplicateKey` (date,
/// category, amount, note, recurrence: not the labor columns nor the supplier), as a 128-bit hash of their stored column values, each field written
/// with its type and length so that no two different rows give the same input. Two lanes of
/// 64-bit multiply-fold mixing ("mum", as in wyhash) under keys drawn at random for each process:
/// two different rows get one key with a chance of about 2⁻¹²⁸, so a million rows against a
/// million stored ones collide with a chance below 10⁻²⁵, and a file cannot aim at a collision
/// without the keys, which never leave the process.
struct ExpenseKey: Equatable {
  let first: UInt64
  let second: UInt64

  /// The process's keys: odd multipliers and start values for the two lanes.
  private static let secrets: (UInt64, UInt64, UInt64, UInt64) = {
    var generator = SystemRandomNumberGenerator()
    return (generator.next() | 1, generator.next() | 1, generator.next(), generator.next())
  }()

  private struct Builder {
    var first: UInt64
    var second: UInt64
    let multipliers: (UInt64, UInt64)

    init() {
      let secrets = ExpenseKey.secrets
      (first, second, multipliers) = (secrets.2, secrets.3, (secrets.0, secrets.1))
    }

    @inline(__always)
    static func fold(_ value: UInt64, _ multiplier: UInt64) -> UInt64 {
      let product = value.multipliedFullWidth(by: multiplier)
      return product.high ^ product.low
    }

    @inline(__always)
    mutating func word(_ word: UInt64) {
      first = Builder.fold(first ^ word, multipliers.0) &+ word
      second = Builder.fold(second ^ word, multipliers.1) &+ word
    }

    /// Tag 0: NULL; 1: text, with its length; 2: integer.
    mutating func text(_ bytes: UnsafeRawBufferPointer?) {
      guard let bytes else { return word(0) }
      word(1 | UInt64(bytes.count) << 8)
      var offset = 0
      while offset + 8 <= bytes.count {
        word(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
        offset += 8
      }
      if offset < bytes.count {
        var last: UInt64 = 0
        for index in offset..<bytes.count { last |= UInt64(bytes[index]) << (UInt64(index - offset) * 8) }
        word(last)
      }
    }

    mutating func integer(_ value: Int64) {
      word(2)
      word(UInt64(bitPattern: value))
    }

    mutating func value(_ value: Value) {
      switch value {
      case .null: word(0)
      case .integer(let number): integer(number)
      case .text(var text): text.withUTF8 { self.text(UnsafeRawBufferPointer($0)) }
      }
    }

    func finish() -> ExpenseKey {
      let key = ExpenseKey(first: Builder.fold(first, multipliers.1), second: Builder.fold(second, multipliers.0))
      return key == ExpenseKey.empty ? ExpenseKey.notEmpty : key
    }
  }

  /// The one value no key takes (`KeyCounts` marks empty slots with it), and the one it becomes.
  static let empty = ExpenseKey(first: 0, second: 0)
  static let notEmpty = ExpenseKey(first: 0, second: 1)

  private init(first: UInt64, second: UInt64) {
    (self.first, self.second) = (first, second)
  }

  /// The fields in the key, and their positions in `ExpenseRecord.values(of:)`.
  static let fields = ExpenseFields.Field.allCases.filter(\.declaration.inDuplicateKey)
  static let positions = fields.map { ExpenseFields.Field.allCases.firstIndex(of: $0)! }
  /// Whether each is an integer column (else text or NULL).
  static let integers = fields.map(ExpenseRecord.isInteger)
  /// The columns a row read by `init(_: Row)` selects, in order.
  static let columnList = fields.map(\.declaration.column).joined(separator: ", ")

  /// The key of an expense given as `ExpenseRecord.values(of:)`.
  init(_ values: [Value]) {
    var builder = Builder()
    for position in ExpenseKey.positions { builder.value(values[position]) }
    self = builder.finish()
  }

  /// The key of a row of `columnList` (STRICT columns; an integer one never NULL, as the amount).
  init(_ row: Row) {
    var builder = Builder()
    for (index, isInteger) in ExpenseKey.integers.enumerated() {
      if isInteger { builder.integer(row.integer(Int32(index))) } else { builder.text(row.unsafeTextBytes(Int32(index))) }
    }
    self = builder.finish()
  }
}

/// The staged rows' keys and, once sealed, a count for each distinct one: open addressing with
/// linear probing over the keys' own random bits, the keys kept in the slots (one cache miss a
/// look-up) and the table at most two-thirds full. For a million rows: 16 MB of keys while
/// staging; then 24 MB of slots, 6 MB of counts and 4 MB for each row's slot.
struct KeyCounts {
  static let batchSize = 256
  /// Marks an empty slot; a real key equal to it is stored as `ExpenseKey.notEmpty`.
  private static let empty = ExpenseKey.empty

  /// Each staged row's key, in file order, until `seal`.
  private var keys: [ExpenseKey] = []
  private var slots: [ExpenseKey] = []
  private var counts: [Int32] = []
  /// Each row's slot, once sealed.
  private(set) var rowSlots: [Int32] = []

  init(capacity: Int) { keys.reserveCapacity(capacity) }

  var rowCount: Int { Swift.max(keys.count, rowSlots.count) }

  mutating func append(_ key: ExpenseKey) { keys.append(key) }

  /// Builds the table from the rows' keys and forgets them.
  mutating func seal() {
    let size = Swift.max(16, keys.count + keys.count / 2)
    slots = Array(repeating: KeyCounts.empty, count: size)
    counts = Array(repeating: 0, count: size)
    rowSlots = []
    rowSlots.reserveCapacity(keys.count)
    for key in keys {
      var slot = home(of: key)
      while slots[slot] != key {
        if slots[slot] == KeyCounts.empty {
          slots[slot] = key
          break
        }
        slot = slot + 1 == slots.count ? 0 : slot + 1
      }
      counts[slot] -= 1
      rowSlots.append(Int32(slot))
    }
    keys = []
  }

  @inline(__always)
  private func home(of key: ExpenseKey) -> Int {
    Int(truncatingIfNeeded: key.first.multipliedFullWidth(by: UInt64(slots.count)).high)
  }

  /// Loads the home slots of `keys`: independent loads that the processor overlaps, so that the
  /// look-ups that follow find them in the cache.
  func touch(_ keys: [ExpenseKey]) {
    var sum: UInt64 = 0
    slots.withUnsafeBufferPointer { slots in
      for key in keys { sum &+= slots[home(of: key)].first }
    }
    if sum == 1 { KeyCounts.sink = sum }  // keeps the loads
  }

  nonisolated(unsafe) private static var sink: UInt64 = 0

  /// The slot of `key`, or nil when no row has it.
  func slot(of key: ExpenseKey) -> Int? {
    var slot = home(of: key)
    while true {
      let stored = slots[slot]
      if stored == key { return slot }
      if stored == KeyCounts.empty { return nil }
      slot = slot + 1 == slots.count ? 0 : slot + 1
    }
  }

  /// Counts a stored row with the slot's key.
  mutating func increment(_ slot: Int) { counts[slot] += 1 }

  /// The rows a key's copies in the file outnumber its stored ones by, summed over the keys:
  /// how many rows the import adds. (Each count starts at minus the key's rows in the file.)
  var unmatchedRows: Int { counts.reduce(0) { $0 + Int(Swift.min($1, 0)) } * -1 }

  /// Whether the row in this slot is one that is added, taking it: to be asked of the rows from
  /// the last to the first, since the last copies of a key in the file are the ones added.
  mutating func addsLast(_ slot: Int32) -> Bool {
    guard counts[Int(slot)] < 0 else { return false }
    counts[Int(slot)] += 1
    return true
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
      session.keys?.seal()
      currentImport = session
      return session
    }
  }

  /// Step 2: adds the staged rows that are not stored yet in one write transaction and records the
  /// import; with `dryRun`, only counts them in a read. `confirm` is given how many are (or would
  /// be) added and skipped, before the commit (see `Store.write`). Returns the same counts.
  @discardableResult
  public func finishExpenseImport(
    _ session: ExpenseImport, dryRun: Bool, confirming confirm: ((added: Int, skipped: Int)) throws -> Void = { _ in }
  ) throws -> (added: Int, skipped: Int) {
    func counts(_ reader: StoreReader, writer: StoreWriter?) throws -> (added: Int, skipped: Int) {
      guard try reader.settings().currency == session.currency else { throw StoreError.changedDuringImport(file: session.file) }
      let plan = try session.plan()
      session.addedRows = plan.runs
      if let writer { try session.apply(plan, writer: writer) }
      try confirm((plan.added, plan.skipped))
      return (plan.added, plan.skipped)
    }
    return try dryRun ? read { try counts($0, writer: nil) } : write { try counts($0, writer: $0) }
  }
}

extension StoreWriter {
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
      .import, "metric values from \(file)",  // no-catalogue: the audit trail's stored text
      new: "\(counts.added) added, \(counts.replaced) replaced, \(counts.unchanged) unchanged")  // no-catalogue: the audit trail's stored text
    return counts
  }
}
