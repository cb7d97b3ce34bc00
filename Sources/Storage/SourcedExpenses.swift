import ROIEngine
import SQLite

extension StoreWriter {
  /// Adds each expense whose `source` (like `fec:AC:000123:2`) is not stored yet, on a live or a
  /// removed expense: a removed one stays removed when its file is imported again. Each added
  /// expense is audited as `add` does. Values are bound, never written into the SQL.
  /// Returns how many were added and how many skipped.
  public func addSourced(_ items: [(expense: Expense, source: String)]) throws -> (added: Int, skipped: Int) {
    var stored = Set(try statement("SELECT source FROM expense WHERE source IS NOT NULL").rows([]) { $0.text("source") })
    let insert = try statement(ExpenseRecord.insertSQL)
    let currency = try settings().currency
    var added = 0
    for (expense, source) in items {
      guard stored.insert(source).inserted else { continue }
      try insert.run(ExpenseRecord.values(of: expense, source: source))
      let id = database.lastInsertedRowID
      try record(.add, "expense \(id)", new: AuditText.expense(expense, currency: currency))
      added += 1
    }
    return (added, items.count - added)
  }
}
