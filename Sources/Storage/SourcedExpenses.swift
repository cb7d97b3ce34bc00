import ROIEngine
import SQLite

/// An expense read from a file that names each line (a FEC), and the names it has had.
public struct SourcedExpense: Sendable {
  public let expense: Expense
  /// Where it came from, like `fec:20251231:AC:000123:2`.
  public let source: String
  /// The name crm-roi gave the same line before (`fec:AC:000123:2`, without the fiscal year): an
  /// expense stored under it with the same date and amount is this one.
  public let legacySource: String?

  public init(expense: Expense, source: String, legacySource: String? = nil) {
    (self.expense, self.source, self.legacySource) = (expense, source, legacySource)
  }
}

extension StoreWriter {
  /// Adds each expense whose `source` is not stored yet, on a live or a removed expense: a removed
  /// one stays removed when its file is imported again. Each added expense is audited as `add`
  /// does. Values are bound, never written into the SQL.
  /// Returns how many were added and the positions in `items` of those skipped.
  public func addSourced(_ items: [SourcedExpense]) throws -> (added: Int, skipped: [Int]) {
    var stored: Set<String> = []
    var legacy: [String: (date: String, amount: Int64)] = [:]
    try statement("SELECT source, date, amount FROM expense WHERE source IS NOT NULL").forEach([]) { row in
      let source = row.text("source")
      stored.insert(source)
      legacy[source] = (row.text("date"), row.integer("amount"))
    }
    let insert = try statement(ExpenseRecord.insertSQL)
    let currency = try settings().currency
    var added = 0
    var skipped: [Int] = []
    for (index, item) in items.enumerated() {
      if let old = item.legacySource.flatMap({ legacy[$0] }), old.date == item.expense.date.description, old.amount == item.expense.amount.minor {
        legacy[item.legacySource!] = nil  // one stored line stands for one line of the file
        skipped.append(index)
        continue
      }
      guard stored.insert(item.source).inserted else {
        skipped.append(index)
        continue
      }
      try insert.run(ExpenseRecord.values(of: item.expense, source: item.source))
      let id = database.lastInsertedRowID
      try record(.add, "expense \(id)", new: AuditText.expense(item.expense, currency: currency))
      added += 1
    }
    return (added, skipped)
  }
}
