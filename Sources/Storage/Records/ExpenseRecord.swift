import ROIEngine
import SQLite

/// The `expense` table's mapping, built from the fields' declarations (`ExpenseFields.Field`):
/// one column per field, then `source`; rows read by column name.
enum ExpenseRecord {
  typealias Field = ExpenseFields.Field

  /// The columns an INSERT writes, in the order of `values(of:source:)`: the fields', then `source`.
  static let written = Field.allCases.map(\.declaration.column) + ["source"]
  static let writtenList = written.joined(separator: ", ")
  static let fieldList = Field.allCases.map(\.declaration.column).joined(separator: ", ")
  static let insertSQL = "INSERT INTO expense (\(writtenList)) VALUES (\(placeholders(written.count)))"
  /// Every field of one row (where it came from stays), the id bound last; bind `values(of:)`
  /// without its last value.
  static let updateSQL = "UPDATE expense SET " + Field.allCases.map { "\($0.declaration.column) = ?" }.joined(separator: ", ")
    + " WHERE id = ?"
  /// The columns a read selects: the fields' and the id.
  static let selectList = "id, " + fieldList

  /// A field's stored value: money and hours as integers of minor units and hundredths.
  @inline(__always)
  static func value(_ form: ExpenseFields.Form, of expense: Expense) -> Value {
    switch form {
    case .date: .text(expense.date.description)
    case .category: .text(expense.category.rawValue)
    case .amount: .integer(expense.amount.minor)
    case .hours: expense.labor.map(\.hundredthsOfHours).sqliteValue
    case .rate: expense.labor.map(\.rate.minor).sqliteValue
    case .every: expense.recurrence.map(\.every.rawValue).sqliteValue
    case .until: (expense.recurrence?.until?.description).sqliteValue
    case .text(let access): access.get(expense).sqliteValue
    }
  }

  /// Whether a field is stored as an integer (else as text).
  static func isInteger(_ field: Field) -> Bool {
    switch field.declaration.form {
    case .amount, .hours, .rate: true
    case .date, .category, .every, .until, .text: false
    }
  }

  static func values(of expense: Expense, source: String? = nil) -> [Value] {
    var values = fieldValues(of: expense, capacity: Field.forms.count + 1)
    values.append(source.sqliteValue)
    return values
  }

  /// The fields' values alone, in the order of `fieldList` (an import's staged row).
  static func fieldValues(of expense: Expense, capacity: Int = Field.forms.count) -> [Value] {
    var values: [Value] = []
    values.reserveCapacity(capacity)
    for form in Field.forms { values.append(value(form, of: expense)) }
    return values
  }

  /// The expense a row of `table` (`expense` or `plan_cost`, which share these columns) holds.
  static func expense(from row: Row, table: String = "expense") throws -> Expense {
    let id = row.integer("id")
    func column(_ field: Field) -> String { field.declaration.column }
    func stored<T>(_ field: Field, _ parse: (String) -> T?) throws -> T {
      let text = row.text(column(field))
      guard let value = parse(text) else {
        throw StoreError.unexpectedStoredValue(table: table, row: id, column: column(field), value: text)
      }
      return value
    }
    var labor: Labor?
    if let hours = row.optionalInteger(column(.hours)), let rate = row.optionalInteger(column(.rate)) {
      labor = Labor(hundredthsOfHours: hours, rate: Money(minor: rate))
    }
    var recurrence: Recurrence?
    if !row.isNull(column(.every)) {
      let until: Month? = row.isNull(column(.until)) ? nil : try stored(.until) { try? Month(parsing: $0) }
      recurrence = Recurrence(every: try stored(.every, Frequency.init(rawValue:)), until: until)
    }
    var expense = Expense(
      id: id, date: try stored(.date) { try? CalendarDate(parsing: $0) },
      category: try stored(.category, ExpenseCategory.init(rawValue:)),
      amount: Money(minor: row.integer(column(.amount))), labor: labor, recurrence: recurrence)
    for field in Field.textFields { field.textAccess!.set(&expense, row.optionalText(column(field))) }
    return expense
  }
}
