import ROIEngine
import SQLite

/// Adds a stream of expenses inside one write, skipping those already stored: an expense equal
/// to a stored one in date, category, amount, note and recurrence is skipped as many times as it is
/// stored (a multiset), so importing a file twice adds nothing, and two equal rows in one file are
/// both added the first time.
public final class ExpenseImport {
  private let store: Store
  /// With an empty table nothing can be a duplicate, so rows go straight in.
  private let direct: Bool
  private let insert: Statement
  private let file: String
  private var count = 0
  /// The expense table's indexes, dropped for a bulk load into an empty table and rebuilt after it:
  /// building an index once is several times faster than keeping it up to date row by row.
  private var deferredIndexes: [String] = []

  init(store: Store, file: String) throws {
    self.store = store
    self.file = file
    direct = try store.database.scalar("SELECT NOT EXISTS (SELECT 1 FROM expense WHERE removed_at IS NULL)") == 1
    if direct {
      let indexes = try store.database.prepare(
        "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'expense' AND sql IS NOT NULL"
      ).rows { (name: $0.text(0), sql: $0.text(1)) }
      for index in indexes {
        try store.database.execute("DROP INDEX \"\(index.name)\"")
      }
      deferredIndexes = indexes.map(\.sql)
      insert = try store.insertExpense()
    } else {
      try store.database.execute(
        """
        CREATE TEMP TABLE IF NOT EXISTS import_expense (
          seq INTEGER PRIMARY KEY, date TEXT, category TEXT, amount INTEGER, note TEXT,
          hours_centi INTEGER, rate INTEGER, every TEXT, until_month TEXT);
        DELETE FROM temp.import_expense;
        """)
      insert = try store.database.prepare(
        """
        INSERT INTO temp.import_expense (date, category, amount, note, hours_centi, rate, every, until_month)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """)
    }
  }

  public func add(_ expense: Expense) throws {
    try insert.run(Store.values(of: expense))
    count += 1
  }

  /// Moves the staged rows in and records the import; returns how many were added and how many skipped.
  public func finish() throws -> (added: Int, skipped: Int) {
    let firstID = (try store.database.scalar("SELECT max(id) FROM expense") ?? 0) + 1
    let (added, skipped) = direct ? (count, 0) : try merge()
    for sql in deferredIndexes { try store.database.execute(sql) }
    let ids = added == 0 ? "" : " (ids \(firstID) to \(store.database.lastInsertedRowID))"
    try store.record(.import, "expenses from \(file)", new: "\(added) added\(ids), \(skipped) skipped")
    return (added, skipped)
  }

  private func merge() throws -> (added: Int, skipped: Int) {
    try store.database.execute(
      """
      INSERT INTO expense (date, category, amount, note, hours_centi, rate, every, until_month)
      SELECT date, category, amount, note, hours_centi, rate, every, until_month
      FROM (
        SELECT *, row_number() OVER (
          PARTITION BY date, category, amount, note, every, until_month ORDER BY seq) AS copy
        FROM temp.import_expense) AS staged
      WHERE copy > (
        SELECT count(*) FROM main.expense AS stored
        WHERE stored.removed_at IS NULL AND stored.date = staged.date AND stored.category = staged.category AND stored.amount = staged.amount
          AND stored.note IS staged.note AND stored.every IS staged.every AND stored.until_month IS staged.until_month)
      ORDER BY seq;
      """)
    let added = store.database.changes
    try store.database.execute("DROP TABLE temp.import_expense")
    return (added, count - added)
  }
}

extension Store {
  /// Starts an import; call inside `write` so that a failure leaves nothing behind.
  public func beginExpenseImport(file: String) throws -> ExpenseImport { try ExpenseImport(store: self, file: file) }

  /// Logs the snapshots of an imported file and records the import.
  public func importSnapshots(_ snapshots: [Snapshot], file: String) throws -> LogCounts {
    let counts = try log(snapshots)
    try record(
      .import, "metric values from \(file)",
      new: "\(counts.added) added, \(counts.replaced) replaced, \(counts.unchanged) unchanged")
    return counts
  }
}
