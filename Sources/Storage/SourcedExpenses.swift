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

  /// `fec:CLOSING:JOURNAL` with the date and amount: the same line of the same fiscal year, under
  /// whatever entry key; nil for a source without a fiscal year.
  var identity: String? { SourcedExpense.identity(source: source, date: expense.date.description, amount: expense.amount.minor) }

  static func identity(source: String, date: String, amount: Int64) -> String? {
    let parts = source.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
    guard parts.count == 4, parts[0] == "fec", parts[1].count == 8, parts[1].allSatisfy(\.isNumber) else { return nil }
    return "fec:\(parts[1]):\(parts[2])|\(date)|\(amount)"
  }
}

extension StoreWriter {
  /// Adds each expense whose `source` is not stored yet, on a live or a removed expense: a removed
  /// one stays removed when its file is imported again. Each added expense is audited as `add`
  /// does. Values are bound, never written into the SQL.
  ///
  /// A FEC line is also known by its fiscal year, journal, date and amount: when a later export
  /// of the same year gives its entry another key (a journal now regrouped, entries renumbered),
  /// a stored expense of that year, journal, date and amount not matched by its own source stands
  /// for it. Returns how many were added and the positions in `items` of those skipped.
  public func addSourced(_ items: [SourcedExpense]) throws -> (added: Int, skipped: [Int]) {
    var stored: Set<String> = []
    var legacy: [String: (date: String, amount: Int64)] = [:]
    var unmatched: [String: Int] = [:]
    try statement("SELECT source, date, amount FROM expense WHERE source IS NOT NULL").forEach([]) { row in
      let source = row.text("source")
      stored.insert(source)
      legacy[source] = (row.text("date"), row.integer("amount"))
      if let identity = SourcedExpense.identity(source: source, date: row.text("date"), amount: row.integer("amount")) {
        unmatched[identity, default: 0] += 1
      }
    }
    // The lines stored under their own source first: what is left stands for renamed ones.
    for item in items where stored.contains(item.source) {
      if let identity = item.identity { unmatched[identity, default: 0] -= 1 }
    }
    let insert = try statement(ExpenseRecord.insertSQL)
    let currency = try settings().currency
    var added = 0
    var skipped: [Int] = []
    for (index, item) in items.enumerated() {
      if stored.contains(item.source) {
        skipped.append(index)
        continue
      }
      if let old = item.legacySource.flatMap({ legacy[$0] }), old.date == item.expense.date.description, old.amount == item.expense.amount.minor {
        legacy[item.legacySource!] = nil  // one stored line stands for one line of the file
        skipped.append(index)
        continue
      }
      if let identity = item.identity, let count = unmatched[identity], count > 0 {
        unmatched[identity] = count - 1
        skipped.append(index)
        continue
      }
      stored.insert(item.source)
      try insert.run(ExpenseRecord.values(of: item.expense, source: item.source))
      let id = database.lastInsertedRowID
      try record(.add, "expense \(id)", new: AuditText.expense(item.expense, currency: currency))
      added += 1
    }
    return (added, skipped)
  }
}
