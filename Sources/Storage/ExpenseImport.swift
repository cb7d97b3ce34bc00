import ROIEngine
import SQLite

/// Adds a stream of expenses inside one write, skipping those already stored: an expense equal
/// to a stored one in date, category, amount, note and recurrence is skipped as many times as it is
/// stored (a multiset), so importing a file twice adds nothing, and two equal rows in one file are
/// both added the first time.
public final class ExpenseImport {
  private let writer: StoreWriter
  /// With an empty table nothing can be a duplicate, so rows go straight in.
  private let direct: Bool
  private let insert: Statement
  private let file: String
  private var count = 0
  /// The expense table's indexes, dropped for a bulk load into an empty table and rebuilt after it:
  /// building an index once is several times faster than keeping it up to date row by row.
  private var deferredIndexes: [String] = []

  init(writer: StoreWriter, file: String) throws {
    self.writer = writer
    let database = writer.database
    self.file = file
    direct = try database.scalar("SELECT NOT EXISTS (SELECT 1 FROM expense WHERE removed_at IS NULL)") == 1
    if direct {
      let indexes = try database.prepare(
        "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'expense' AND sql IS NOT NULL"
      ).rows { (name: $0.text(0), sql: $0.text(1)) }
      for index in indexes {
        try database.execute("DROP INDEX \"\(index.name)\"")
      }
      deferredIndexes = indexes.map(\.sql)
      insert = try writer.statement(ExpenseRecord.insertSQL)
    } else {
      try database.execute(
        """
        CREATE TEMP TABLE IF NOT EXISTS import_expense (
          seq INTEGER PRIMARY KEY, date TEXT, category TEXT, amount INTEGER, note TEXT,
          hours_centi INTEGER, rate INTEGER, every TEXT, until_month TEXT, source TEXT);
        DELETE FROM temp.import_expense;
        """)
      insert = try database.prepare(
        """
        INSERT INTO temp.import_expense (\(ExpenseRecord.writtenList))
        VALUES (\(ExpenseRecord.written.map { _ in "?" }.joined(separator: ", ")))
        """)
    }
  }

  public func add(_ expense: Expense) throws {
    try insert.run(ExpenseRecord.values(of: expense))
    count += 1
  }

  /// Moves the staged rows in and records the import; returns how many were added and how many skipped.
  public func finish() throws -> (added: Int, skipped: Int) {
    let database = writer.database
    let firstID = (try database.scalar("SELECT max(id) FROM expense") ?? 0) + 1
    let (added, skipped) = direct ? (count, 0) : try merge()
    for sql in deferredIndexes { try database.execute(sql) }
    let ids = added == 0 ? "" : " (ids \(firstID) to \(database.lastInsertedRowID))"
    try writer.record(.import, "expenses from \(file)", new: "\(added) added\(ids), \(skipped) skipped")
    return (added, skipped)
  }

  private func merge() throws -> (added: Int, skipped: Int) {
    let database = writer.database
    try database.execute(
      """
      INSERT INTO expense (\(ExpenseRecord.writtenList))
      SELECT \(ExpenseRecord.writtenList)
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
    let added = database.changes
    try database.execute("DROP TABLE temp.import_expense")
    return (added, count - added)
  }
}
