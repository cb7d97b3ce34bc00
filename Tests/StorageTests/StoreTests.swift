import Foundation
import Testing

@testable import ROIEngine
@testable import SQLite
@testable import Storage

/// The repository and migrations on real SQLite files in a temporary folder.
@Suite struct StoreTests {
  let folder: String

  init() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("crm-roi-store-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  }

  func newStore(_ name: String = "test.sqlite") throws -> Store {
    let store = try Store.openOrCreate(path: "\(folder)/\(name)")
    try store.write { store in try store.initialize(Settings(goLive: try Month(parsing: "2025-04"))) }
    return store
  }

  /// `--read-only` on a file in a folder its user may not write opens it immutable, by a `file:` URI:
  /// a name with `%`, `?`, `#` or a space is still that file.
  @Test func anImmutableOpenFindsAFileWhateverItsName() throws {
    let name = "demo #1?100%.sqlite"
    let path = "\(folder)/\(name)"
    do {
      // Closed before it is read: its WAL checkpointed into the file, which is all an immutable read sees.
      let store = try newStore(name)
      _ = try store.write { try $0.add(Expense(date: try CalendarDate(parsing: "2025-03-01"), category: .license, amount: Money(minor: 100))) }
    }
    let immutable = try Database(path: path, mode: .readOnlyImmutable)
    #expect(try immutable.scalar("SELECT count(*) FROM expense") == 1)
    #expect(throws: SQLiteError.self) { try immutable.execute("DELETE FROM expense") }
  }

  @Test func aFreshFileIsMigratedToTheLatestVersion() throws {
    let store = try newStore()
    #expect(Migration.latestVersion >= 1)
    #expect(try store.database.schemaVersion == Migration.latestVersion)
    let tables = try store.database.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").rows { $0.text(0) }
    #expect(tables == ["audit", "expense", "intangible", "metric", "orders", "plan_benefit", "plan_cost", "settings", "snapshot"])
    #expect(try store.database.scalar("PRAGMA foreign_keys") == 1)
    let mode = try store.database.prepare("PRAGMA journal_mode").rows { $0.text(0) }
    #expect(mode == ["wal"])
  }

  @Test func reopeningAMigratedFileKeepsItsData() throws {
    let path = "\(folder)/again.sqlite"
    do {
      let store = try Store.openOrCreate(path: path)
      try store.write { store in
        try store.initialize(Settings(goLive: try Month(parsing: "2025-04")))
        try store.add(Expense(date: try CalendarDate(parsing: "2025-03-01"), category: .license, amount: Money(minor: 100)))
      }
    }
    let reopened = try Store.open(path: path)
    #expect(try reopened.database.schemaVersion == Migration.latestVersion)
    #expect(try reopened.read { try $0.expenses() }.count == 1)
    try reopened.database.migrate()  // a second run applies nothing and fails on nothing
    #expect(try reopened.read { try $0.expenses() }.count == 1)
  }

  /// A database built at each earlier schema version, with data in every table, opens at the latest
  /// version with every row intact (ids, removed expenses, snapshots pointing at their metric).
  @Test(arguments: Migration.all.dropLast().map(\.version))
  func earlierVersionsMigrateWithTheirData(version: Int) throws {
    let path = "\(folder)/v\(version).sqlite"
    do {
      let database = try Database(path: path)
      try database.migrate(to: Array(Migration.all.prefix { $0.version <= version }))
      #expect(try database.schemaVersion == version)
      // Rows in the version-1 columns, which every later version keeps.
      try database.execute(
        """
        INSERT INTO settings (id, currency, minor_units, go_live, baseline_months, horizon_years, fiscal_year_start)
        VALUES (1, 'EUR', 2, '2025-04', 12, 5, 1);
        INSERT INTO expense (id, date, category, amount, note, every) VALUES (7, '2025-03-10', 'license', 1440000, 'Seats', 'year');
        INSERT INTO expense (id, date, category, amount, hours_centi, rate) VALUES (8, '2025-03-11', 'labor', 4250, 100, 4250);
        INSERT INTO metric (id, name, kind, margin) VALUES (3, 'sales', 'revenue', 350000);
        INSERT INTO metric (id, name, kind, unit_value, target_kind, target_value) VALUES (4, 'repeats', 'count', 1850, 'relative', 150000);
        INSERT INTO snapshot (metric_id, month, value) VALUES (3, '2025-03', 1800000000);
        INSERT INTO snapshot (metric_id, month, value) VALUES (4, '2025-03', 4000000);
        """)
      if version >= 2 {
        try database.execute(
          """
          UPDATE expense SET removed_at = '2025-05-01T00:00:00Z' WHERE id = 8;
          INSERT INTO audit (id, action, subject, new_value) VALUES (1, 'add', 'expense 7', 'x');
          """)
      }
      if version >= 7 { try database.execute("UPDATE settings SET language = 'fr' WHERE id = 1") }
    }
    let store = try Store.open(path: path)
    #expect(try store.database.schemaVersion == Migration.latestVersion)
    #expect(try store.database.scalar("PRAGMA foreign_keys") == 1)
    #expect(try store.database.prepare("PRAGMA foreign_key_check").rows { $0.text(0) }.isEmpty)
    #expect(try store.database.scalar("SELECT count(*) FROM expense WHERE source IS NULL") == 2)
    #expect(try store.read { try $0.expenses() } == [
      Expense(id: 7, date: try CalendarDate(parsing: "2025-03-10"), category: .license, amount: Money(minor: 1_440_000),
              note: "Seats", recurrence: Recurrence(every: .year))
    ] + (version >= 2 ? [] : [
      Expense(id: 8, date: try CalendarDate(parsing: "2025-03-11"), category: .labor, amount: Money(minor: 4_250),
              labor: Labor(hundredthsOfHours: 100, rate: Money(minor: 4_250)))
    ]))
    #expect(try store.read { try $0.metrics() } == [
      Metric(id: 4, name: "repeats", kind: .count(unitValue: Money(minor: 1_850)), target: .relative(Percent(tenThousandths: 150_000))),
      Metric(id: 3, name: "sales", kind: .revenue(margin: Percent(tenThousandths: 350_000))),
    ])
    #expect(try store.read { try $0.snapshots() } == [
      Snapshot(metric: "repeats", month: try Month(parsing: "2025-03"), value: MetricValue(tenThousandths: 4_000_000)),
      Snapshot(metric: "sales", month: try Month(parsing: "2025-03"), value: MetricValue(tenThousandths: 1_800_000_000)),
    ])
    #expect(try store.read { try $0.settings() }.goLive == (try Month(parsing: "2025-04")))
    // A database made before `auto` keeps the mean it was computed with; the settings table's
    // rebuild (version 11) keeps its other columns.
    #expect(try store.read { try $0.settings() }.baselineMethod == (version >= 11 ? .auto : .mean))
    #expect(try store.database.scalar("SELECT language = 'fr' FROM settings") == (version >= 7 ? 1 : nil))
    #expect(try store.read { try $0.history(limit: 5) }.count == (version >= 2 ? 1 : 0))
    // The foreign key still holds after the rebuild: a snapshot of a missing metric is refused.
    #expect(throws: SQLiteError.self) {
      try store.database.execute("INSERT INTO snapshot (metric_id, month, value) VALUES (99, '2025-04', 1)")
    }
    // And the new version works on it: removing is recorded and reversible.
    try store.write { store in try store.removeExpense(id: 7) }
    #expect(try store.read { try $0.expenses() }.count == (version >= 2 ? 0 : 1))
    try store.write { store in _ = try store.restoreExpense(id: 7) }
  }

  @Test func aFailingMigrationLeavesTheFileAsItWas() throws {
    // A version-1 file, then every migration plus a broken one: none of them is applied.
    let path = "\(folder)/failing.sqlite"
    let database = try Database(path: path)
    try database.migrate(to: [Migration.all[0]])
    let broken = Migration(version: Migration.latestVersion + 1, name: "broken", sql: "CREATE TABLE extra (x); SELECT * FROM nosuch;")
    #expect(throws: SQLiteError.self) { try database.migrate(to: Migration.all + [broken]) }
    #expect(try database.schemaVersion == 1)
    #expect(try database.scalar("SELECT count(*) FROM sqlite_schema WHERE name IN ('extra', 'audit')") == 0)
    #expect(!database.isInTransaction)
  }

  @Test func expensesRoundTripWithLaborAndRecurrence() throws {
    let store = try newStore()
    let labor = Expense(
      date: try CalendarDate(parsing: "2025-03-25"), category: .labor, amount: Money(minor: 680_000), note: "Data migration",
      labor: Labor(hundredthsOfHours: 16_000, rate: Money(minor: 4_250)))
    let service = Expense(
      date: try CalendarDate(parsing: "2025-04-01"), category: .service, amount: Money(minor: 35_000),
      recurrence: Recurrence(every: .month, until: try Month(parsing: "2026-03")))
    let ids = try store.write { store in [try store.add(labor), try store.add(service)] }
    var expected = [labor, service]
    expected[0].id = ids[0]
    expected[1].id = ids[1]
    #expect(try store.read { try $0.expenses() } == expected)
    try store.write { store in try store.removeExpense(id: ids[0]) }
    #expect(try store.read { try $0.expenses() }.map(\.id) == [ids[1]])
    #expect(throws: StoreError.noSuchExpense(id: 9_999)) { try store.write { store in try store.removeExpense(id: 9_999) } }
  }

  /// An import skips each row as many times as an equal one (date, category, amount, note,
  /// recurrence) is stored and not removed, in file order, and adds the rest in file order; checked
  /// against a model on random multisets, including a table that was empty while the file was
  /// staged but is not when the write starts.
  @Test func importAddsWhatTheMultisetRuleLeaves() throws {
    let march = try CalendarDate(parsing: "2025-03-10")
    let pool: [Expense] = [
      Expense(date: march, category: .license, amount: Money(minor: 100)),
      Expense(date: march, category: .license, amount: Money(minor: 100), note: "seats"),
      Expense(date: march, category: .license, amount: Money(minor: 100), note: ""),
      Expense(date: march, category: .license, amount: Money(minor: 101)),
      Expense(date: march, category: .service, amount: Money(minor: 100)),
      Expense(date: try CalendarDate(parsing: "2025-03-11"), category: .license, amount: Money(minor: 100)),
      Expense(date: march, category: .license, amount: Money(minor: 100), recurrence: Recurrence(every: .month)),
      Expense(date: march, category: .license, amount: Money(minor: 100), recurrence: Recurrence(every: .month, until: try Month(parsing: "2025-12"))),
      // Equal to the first for the rule: the labor columns are not compared.
      Expense(date: march, category: .license, amount: Money(minor: 100), labor: Labor(hundredthsOfHours: 100, rate: Money(minor: 100))),
    ]
    func key(_ expense: Expense) -> Expense {
      var key = expense
      (key.id, key.labor) = (nil, nil)
      return key
    }
    var generator = SplitMix64(state: 2_025)
    for round in 0..<40 {
      let store = try newStore("multiset-\(round).sqlite")
      let stored = (0..<Int(generator.next() % 10)).map { _ in pool[Int(generator.next() % UInt64(pool.count))] }
      let file = (0..<Int(generator.next() % 12)).map { _ in pool[Int(generator.next() % UInt64(pool.count))] }
      let lateWriter = round % 4 == 3  // the stored rows arrive after staging, from another connection
      let ids = lateWriter ? [] : try store.write { store in try stored.map { try store.add($0) } }
      let removed = ids.filter { _ in generator.next() % 4 == 0 }
      for id in removed { try store.write { store in try store.removeExpense(id: id) } }

      // The model: stored (not removed) counts per key, used up in file order.
      var counts: [Expense: Int] = [:]
      for (index, expense) in stored.enumerated() where lateWriter || !removed.contains(ids[index]) { counts[key(expense), default: 0] += 1 }
      var expected: [Expense] = []
      for expense in file {
        if counts[key(expense), default: 0] > 0 { counts[key(expense)]! -= 1 } else { expected.append(expense) }
      }

      func stage() throws -> ExpenseImport {
        try store.stageExpenseImport(file: "f.csv", currency: .euro) { session in
          for expense in file { try session.add(expense) }
        }
      }
      let before = try store.read { try $0.expenses() }.compactMap(\.id).max() ?? 0
      let session: ExpenseImport
      if lateWriter {
        session = try stage()
        let other = try Store.open(path: store.path)
        _ = try other.write { other in try stored.map { try other.add($0) } }
      } else {
        let dryRun = try stage()
        #expect(try store.finishExpenseImport(dryRun, dryRun: true) == (expected.count, file.count - expected.count))
        let afterDryRun = try store.read { try $0.expenses() }.compactMap(\.id).max() ?? 0
        #expect(afterDryRun == before, "a dry run writes nothing")
        session = try stage()
      }
      let (added, skipped) = try store.finishExpenseImport(session, dryRun: false)
      #expect(added == expected.count && skipped == file.count - expected.count, "round \(round)")
      let floor = lateWriter ? Int64(stored.count) : before
      let new = try store.read { try $0.expenses() }.filter { $0.id! > floor }.sorted { $0.id! < $1.id! }
      #expect(new.map { var e = $0; e.id = nil; return e } == expected, "round \(round)")
    }
  }

  /// An expense's key is the same computed from its values (staged) and from its stored row, for
  /// notes of every length around the 8-byte words the hash reads, and differs when any field does.
  @Test func expenseKeysAgreeBetweenValuesAndStoredRows() throws {
    let store = try newStore()
    let date = try CalendarDate(parsing: "2025-03-10")
    var expenses: [Expense] = [
      Expense(date: date, category: .license, amount: Money(minor: 100)),
      Expense(date: date, category: .license, amount: Money(minor: 1 << 40)),
      Expense(date: date, category: .license, amount: Money(minor: 100), recurrence: Recurrence(every: .year)),
      Expense(date: date, category: .license, amount: Money(minor: 100), recurrence: Recurrence(every: .year, until: date.month)),
      Expense(date: date, category: .license, amount: Money(minor: 100), note: "Ünïcode ✓ note"),
    ]
    for length in 0...20 { expenses.append(Expense(date: date, category: .other, amount: Money(minor: 1), note: String(repeating: "n", count: length))) }
    expenses.append(Expense(date: date, category: .other, amount: Money(minor: 1), note: "nnnnnnn\u{0}"))
    let fromValues = expenses.map { ExpenseKey(ExpenseRecord.values(of: $0)) }
    #expect(Set(fromValues.map { "\($0.first)-\($0.second)" }).count == expenses.count, "different rows, different keys")
    _ = try store.write { store in try expenses.map { try store.add($0) } }
    var fromRows: [ExpenseKey] = []
    try store.database.prepare("SELECT date, category, amount, note, every, until_month FROM expense ORDER BY id")
      .forEach { fromRows.append(ExpenseKey($0)) }
    #expect(fromRows == fromValues)

    // The table has one slot per distinct key, and each row points at its key's.
    var counts = KeyCounts(capacity: 4)
    let many = (0..<20_000).map { ExpenseKey(ExpenseRecord.values(of: Expense(date: date, category: .other, amount: Money(minor: Int64($0 % 10_000 + 1))))) }
    for key in many { counts.append(key) }
    counts.seal()
    #expect(Set(many.map { counts.slot(of: $0)! }).count == 10_000)
    #expect(counts.rowSlots == many.map { Int32(counts.slot(of: $0)!) })
    #expect(counts.unmatchedRows == 20_000)
    for key in many.prefix(15_000) { counts.increment(counts.slot(of: key)!) }  // stored: once each key, half of them twice
    #expect(counts.unmatchedRows == 5_000)
    #expect(counts.slot(of: ExpenseKey(ExpenseRecord.values(of: Expense(date: date, category: .other, amount: Money(minor: 10_001))))) == nil)
  }

  @Test func costItemsAreSummedPerMonthAndRecurrence() throws {
    let store = try newStore()
    let date = try CalendarDate(parsing: "2025-03-10")
    try store.write { store in
      try store.add(Expense(date: date, category: .license, amount: Money(minor: 100)))
      try store.add(Expense(date: try CalendarDate(parsing: "2025-03-31"), category: .hardware, amount: Money(minor: 250)))
      try store.add(Expense(date: date, category: .service, amount: Money(minor: 7), recurrence: Recurrence(every: .month)))
    }
    let items = Set(try store.read { try $0.costItems() })
    #expect(items == [
      CostItem(month: date.month, amount: Money(minor: 350)),
      CostItem(month: date.month, amount: Money(minor: 7), recurrence: Recurrence(every: .month)),
    ])
  }

  @Test func loggingAgainReplacesTheMonthsValue() throws {
    let store = try newStore()
    try store.write { store in try store.add(Metric(name: "sales", kind: .revenue(margin: Percent(tenThousandths: 350_000)), target: .relative(Percent(tenThousandths: 100_000)))) }
    let month = try Month(parsing: "2025-05")
    let first = try store.write { store in try store.log([Snapshot(metric: "sales", month: month, value: MetricValue(tenThousandths: 10))]) }
    let second = try store.write { store in try store.log([Snapshot(metric: "sales", month: month, value: MetricValue(tenThousandths: 20))]) }
    let third = try store.write { store in try store.log([Snapshot(metric: "sales", month: month, value: MetricValue(tenThousandths: 20))]) }
    #expect(first == StoreWriter.LogCounts(added: 1))
    #expect(second == StoreWriter.LogCounts(replaced: 1))
    #expect(third == StoreWriter.LogCounts(unchanged: 1))
    #expect(try store.read { try $0.snapshots() } == [Snapshot(metric: "sales", month: month, value: MetricValue(tenThousandths: 20))])
    #expect(try store.read { try $0.metrics() }.first?.target == .relative(Percent(tenThousandths: 100_000)))
    #expect(throws: StoreError.unknownMetric(name: "nosuch", known: ["sales"])) {
      try store.write { store in try store.log([Snapshot(metric: "nosuch", month: month, value: MetricValue(tenThousandths: 1))]) }
    }
    #expect(throws: StoreError.metricHasSnapshots(name: "sales", count: 1)) {
      try store.write { store in try store.removeMetric(named: "sales", force: false) }
    }
    try store.write { store in try store.removeMetric(named: "sales", force: true) }
    #expect(try store.read { try $0.metrics() }.isEmpty)
    #expect(try store.read { try $0.snapshots() }.isEmpty)
  }

  @Test func aWriteThatThrowsLeavesNothingBehind() throws {
    let store = try newStore()
    struct Stop: Error {}
    #expect(throws: Stop.self) {
      try store.write { store in
        _ = try store.add(Expense(date: try CalendarDate(parsing: "2025-03-10"), category: .license, amount: Money(minor: 100)))
        throw Stop()
      }
    }
    #expect(try store.read { try $0.expenses() }.isEmpty)
  }

  @Test func theCurrencyCannotChangeItsDecimalsUnderStoredAmounts() throws {
    let store = try newStore()
    var settings = try store.read { try $0.settings() }
    settings.currency = try Currency(code: "USD")
    _ = try store.write { store in try store.update(settings) }  // nothing stored yet: allowed
    _ = try store.write { store in try store.add(Expense(date: try CalendarDate(parsing: "2025-03-10"), category: .license, amount: Money(minor: 100))) }
    settings.currency = try Currency(code: "JPY")
    #expect(throws: StoreError.currencyChangesMinorUnits(from: try Currency(code: "USD"), to: settings.currency)) {
      try store.write { store in try store.update(settings) }
    }
    settings.currency = try Currency(code: "CAD")
    #expect(throws: StoreError.currencyNeedsRelabel(from: try Currency(code: "USD"), to: settings.currency)) {
      try store.write { store in try store.update(settings) }
    }
    _ = try store.write { store in try store.update(settings, relabel: true) }
    #expect(try store.read { try $0.settings() }.currency.code == "CAD")
    #expect(try store.read { try $0.settings() }.currency.code == "CAD")
  }

  @Test func foreignFilesAreRefusedAndLeftUntouched() throws {
    let other = "\(folder)/other.sqlite"
    do {
      let database = try Database(path: other)
      try database.execute("CREATE TABLE notes (text TEXT)")
    }
    let before = try Data(contentsOf: URL(fileURLWithPath: other))
    #expect(throws: StoreError.notCRMROIDatabase(path: other)) { try Store.open(path: other) }
    #expect(try Data(contentsOf: URL(fileURLWithPath: other)) == before)

    let text = "\(folder)/notes.txt"
    try Data("hello, this is not SQLite at all, just a text file that is long enough".utf8).write(to: URL(fileURLWithPath: text))
    #expect(throws: StoreError.notCRMROIDatabase(path: text)) { try Store.open(path: text) }

    #expect(throws: StoreError.isDirectory(path: folder)) { try Store.open(path: folder) }
    #expect(throws: StoreError.noDatabase(path: "\(folder)/missing.sqlite")) { try Store.open(path: "\(folder)/missing.sqlite") }
  }

  @Test func aNewerSchemaIsRefused() throws {
    let store = try newStore("newer.sqlite")
    try store.database.execute("PRAGMA user_version = \(Migration.latestVersion + 1)")
    #expect(throws: StoreError.newerSchema(path: store.path, found: Migration.latestVersion + 1, supported: Migration.latestVersion)) {
      try Store.open(path: store.path)
    }
  }

  @Test func aNewFileIsReadableByItsOwnerOnly() throws {
    let store = try newStore("private/deeper/owner.sqlite")
    let attributes = try FileManager.default.attributesOfItem(atPath: store.path)
    #expect((attributes[.posixPermissions] as? Int) == 0o600)
  }

  /// Text is bound and read with its length: a NUL byte inside it does not cut it short.
  @Test func textWithANULByteIsStoredWhole() throws {
    let database = try Database(path: "\(folder)/nul.sqlite")
    try database.execute("CREATE TABLE t (x TEXT)")
    try database.prepare("INSERT INTO t VALUES (?)").run([.text("abc\u{0}def")])
    #expect(try database.scalar("SELECT length(CAST(x AS BLOB)) FROM t") == 7)
    #expect(try database.prepare("SELECT x FROM t").rows { $0.text(0) } == ["abc\u{0}def"])
    try database.prepare("DELETE FROM t").run()
    try database.prepare("INSERT INTO t VALUES (?)").run([.text("")])
    #expect(try database.scalar("SELECT count(*) FROM t WHERE x = ''") == 1)

    let store = try newStore()
    let id = try store.write { store in
      try store.add(Expense(date: try CalendarDate(parsing: "2025-03-10"), category: .other, amount: Money(minor: 100), note: "abc\u{0}def"))
    }
    #expect(try store.read { try $0.expenses() }.first { $0.id == id }?.note == "abc\u{0}def")
  }
}

/// Part 6: the store's closed lists come from the Swift enums, and stored text outside them is an error.
@Suite struct ClosedListTests {
  let path: String

  init() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crm-roi-lists-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    path = folder + "/lists.sqlite"
    let store = try Store.openOrCreate(path: path)
    try store.write { store in try store.initialize(Settings(goLive: try Month(parsing: "2025-04"))) }
  }

  /// The values the CHECK in `column`'s own definition allows: every `column = 'value'` in it.
  func allowed(_ table: String, _ column: String) throws -> [String] {
    let database = try Database(path: path)
    let sql = try #require(try database.prepare("SELECT sql FROM sqlite_schema WHERE name = ?").rows([.text(table)]) { $0.text(0) }.first)
    // The definition's line and its continuation lines (indented deeper than a column).
    let lines = sql.split(separator: "\n")
    // A column added by ALTER TABLE may follow the previous one on its line, after ", ".
    let start = try #require(lines.firstIndex {
      $0.trimmingCharacters(in: .init(charactersIn: " ,")).hasPrefix(column + " ") || $0.contains(", \(column) ")
    })
    var definition = String(lines[start])
    if let range = definition.range(of: ", \(column) "), !definition.trimmingCharacters(in: .init(charactersIn: " ,")).hasPrefix(column + " ") {
      definition = String(definition[range.lowerBound...])
    }
    for line in lines[(start + 1)...] {
      // Deeper indentation, or (for a column added by ALTER TABLE) a CHECK on this column alone.
      guard line.hasPrefix("    ") || line.hasPrefix("  CHECK (\(column) ") else { break }
      definition += " " + line
    }
    var values: [String] = []
    var rest = Substring(definition)
    while let range = rest.range(of: "\(column) = '") {
      rest = rest[range.upperBound...]
      guard let end = rest.firstIndex(of: "'") else { break }
      values.append(String(rest[..<end]))
      rest = rest[end...]
    }
    #expect(!definition.contains("\(column) IN"), "\(table).\(column) still has an IN list")
    return values
  }

  @Test func everyCheckListEqualsItsSwiftEnum() throws {
    #expect(try allowed("expense", "category") == ExpenseCategory.allCases.map(\.rawValue))
    #expect(try allowed("expense", "every") == Frequency.allCases.map(\.rawValue))
    #expect(try allowed("metric", "kind") == MetricKind.Name.allCases.map(\.rawValue))
    #expect(try allowed("metric", "target_kind") == MetricRecord.TargetKind.allCases.map(\.rawValue))
    #expect(try allowed("audit", "action") == AuditEntry.Action.allCases.map(\.rawValue))
    #expect(try allowed("settings", "baseline_method") == BaselineMethod.allCases.map(\.rawValue))
    #expect(try allowed("orders", "source") == OrderSource.allCases.map(\.rawValue))
    #expect(try allowed("settings", "language") == Language.allCases.map(\.rawValue))
    #expect(try allowed("metric", "from_orders") == OrderSeries.allCases.map(\.rawValue))
  }

  @Test func storedTextNoCaseMatchesIsAnErrorNamingTableRowAndValue() throws {
    do {
      // Another program that ignores the CHECKs (they are off with ignore_check_constraints).
      let database = try Database(path: path)
      try database.execute(
        """
        PRAGMA ignore_check_constraints = ON;
        INSERT INTO metric (id, name, kind) VALUES (5, 'visits', 'gauge');
        INSERT INTO expense (id, date, category, amount) VALUES (9, '2025-04-01', 'lunch', 100);
        INSERT INTO audit (id, action, subject) VALUES (99, 'teleport', 'x');
        """)
    }
    let store = try Store.open(path: path)
    #expect(throws: StoreError.unexpectedStoredValue(table: "metric", row: 5, column: "kind", value: "gauge")) {
      try store.read { try $0.metrics() }
    }
    #expect(throws: StoreError.unexpectedStoredValue(table: "expense", row: 9, column: "category", value: "lunch")) {
      try store.read { try $0.expenses() }
    }
    #expect(throws: StoreError.unexpectedStoredValue(table: "audit", row: 99, column: "action", value: "teleport")) {
      try store.read { try $0.history(limit: 10) }
    }
  }

  @Test func anEditedExpenseKeepsWhereItCameFrom() throws {
    let store = try Store.open(path: path)
    try store.database.execute(
      "INSERT INTO expense (id, date, category, amount, source) VALUES (4, '2025-04-01', 'license', 100, 'fec:AC:000123:2')")
    let edited = Expense(date: try CalendarDate(parsing: "2025-04-02"), category: .license, amount: Money(minor: 250))
    try store.write { store in _ = try store.replaceExpense(id: 4, with: edited) }
    #expect(try store.database.prepare("SELECT amount, source FROM expense WHERE id = 4").rows { "\($0.integer(0)) \($0.text(1))" } == ["250 fec:AC:000123:2"])
    #expect(try store.read { try $0.history(limit: 1) }.first?.action == .replace)
  }

  @Test func aTransactionThatSaysRollBackWritesNothing() throws {
    let store = try Store.open(path: path)
    let id = try store.transaction { store in
      (try store.add(Expense(date: try CalendarDate(parsing: "2025-04-01"), category: .license, amount: Money(minor: 1))), .rollback)
    }
    #expect(id == 1)
    #expect(try store.read { try $0.expenses() }.isEmpty)
    #expect(try store.read { try $0.history(limit: 10) }.map(\.action) == [.initialize])
  }
}

/// A small deterministic generator for the tests' random data.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
