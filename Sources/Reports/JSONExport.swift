import ROIEngine

/// One-line JSON objects for `crm-roi export --format json`; money with the currency's decimals.
public enum JSONExport {
  /// An expense's declared fields by their names, and its id first.
  public static func expense(_ expense: Expense, currency: Currency) -> String {
    JSON.object([("id", expense.id.map { .number(String($0)) } ?? .null)] + ExpenseFields.Field.allCases.map { field in
      (field.rawValue, value(expense, field, currency: currency))
    }).compact
  }

  /// One field of an expense: amounts as numbers with the currency's decimals, absent ones null.
  static func value(_ expense: Expense, _ field: ExpenseFields.Field, currency: Currency) -> JSON {
    switch field.declaration.form {
    case .date: .string(expense.date.description)
    case .category: .string(expense.category.rawValue)
    case .amount: .number(currency.plain(expense.amount.minor))
    case .hours: expense.labor.map { .number($0.hoursText) } ?? .null
    case .rate: expense.labor.map { .number(currency.plain($0.rate.minor)) } ?? .null
    case .every: expense.recurrence.map { .string($0.every.rawValue) } ?? .null
    case .until: expense.recurrence?.until.map { .string($0.description) } ?? .null
    case .text(let access): access.get(expense).map(JSON.string) ?? .null
    }
  }

  public static func snapshot(_ snapshot: Snapshot) -> String {
    JSON.object([
      ("month", .string(snapshot.month.description)),
      ("metric", .string(snapshot.metric)),
      ("value", .number(snapshot.value.plain)),
    ]).compact
  }
}

extension JSON {
  /// On one line: `{"key": value, …}`.
  var compact: String {
    var output = ""
    switch self {
    case .object(let members):
      output = "{" + members.map { key, value in
        var text = ""
        JSON.writeString(key, to: &text)
        return text + ": " + value.compact
      }.joined(separator: ", ") + "}"
    case .array(let items):
      output = "[" + items.map(\.compact).joined(separator: ", ") + "]"
    default:
      write(to: &output, indent: 0)
    }
    return output
  }
}
