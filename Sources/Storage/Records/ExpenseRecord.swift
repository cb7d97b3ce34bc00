import ROIEngine
import SQLite

/// The `expense` table's mapping: its columns declared once, rows read by column name.
enum ExpenseRecord {
  enum Column: String, CaseIterable {
    case id, date, category, amount, note, hoursCenti = "hours_centi", rate, every, untilMonth = "until_month"
    case removedAt = "removed_at", source
  }

  /// The columns an INSERT writes, in the order of `values(of:source:)`.
  static let written: [Column] = [.date, .category, .amount, .note, .hoursCenti, .rate, .every, .untilMonth, .source]
  static let writtenList = written.map(\.rawValue).joined(separator: ", ")
  static let insertSQL = "INSERT INTO expense (\(writtenList)) VALUES (\(placeholders(written.count)))"
  /// Every written column of one row but its `source` (where it came from stays), the id bound last;
  /// bind `values(of:)` without its last value.
  static let updateSQL = "UPDATE expense SET " + written.filter { $0 != .source }.map { "\($0.rawValue) = ?" }.joined(separator: ", ")
    + " WHERE id = ?"
  /// The columns a read selects: the written ones and the id.
  static let selectList = "id, " + writtenList

  static func values(of expense: Expense, source: String? = nil) -> [Value] {
    [
      .text(expense.date.description), .text(expense.category.rawValue), .integer(expense.amount.minor),
      expense.note.sqliteValue, expense.labor.map { $0.hundredthsOfHours }.sqliteValue,
      expense.labor.map { $0.rate.minor }.sqliteValue, expense.recurrence.map { $0.every.rawValue }.sqliteValue,
      (expense.recurrence?.until?.description).sqliteValue, source.sqliteValue,
    ]
  }

  /// The expense a row of `table` (`expense` or `plan_cost`, which share these columns) holds.
  static func expense(from row: Row, table: String = "expense") throws -> Expense {
    let id = row.integer(Column.id.rawValue)
    func stored<T>(_ column: Column, _ parse: (String) -> T?) throws -> T {
      let text = row.text(column.rawValue)
      guard let value = parse(text) else {
        throw StoreError.unexpectedStoredValue(table: table, row: id, column: column.rawValue, value: text)
      }
      return value
    }
    var labor: Labor?
    if let hours = row.optionalInteger(Column.hoursCenti.rawValue), let rate = row.optionalInteger(Column.rate.rawValue) {
      labor = Labor(hundredthsOfHours: hours, rate: Money(minor: rate))
    }
    var recurrence: Recurrence?
    if !row.isNull(Column.every.rawValue) {
      let until: Month? = row.isNull(Column.untilMonth.rawValue) ? nil : try stored(.untilMonth) { try? Month(parsing: $0) }
      recurrence = Recurrence(every: try stored(.every, Frequency.init(rawValue:)), until: until)
    }
    return Expense(
      id: id, date: try stored(.date) { try? CalendarDate(parsing: $0) },
      category: try stored(.category, ExpenseCategory.init(rawValue:)),
      amount: Money(minor: row.integer(Column.amount.rawValue)), note: row.optionalText(Column.note.rawValue),
      labor: labor, recurrence: recurrence)
  }
}
