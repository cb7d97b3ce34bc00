import ROIEngine

/// One-line JSON objects for `crm-roi export --format json`; money with the currency's decimals.
public enum JSONExport {
  public static func expense(_ expense: Expense, currency: Currency) -> String {
    JSON.object([
      ("id", expense.id.map { .number(String($0)) } ?? .null),
      ("date", .string(expense.date.description)),
      ("category", .string(expense.category.rawValue)),
      ("amount", .number(currency.plain(expense.amount.minor))),
      ("note", expense.note.map(JSON.string) ?? .null),
      ("hours", expense.labor.map { .number($0.hoursText) } ?? .null),
      ("rate", expense.labor.map { .number(currency.plain($0.rate.minor)) } ?? .null),
      ("every", expense.recurrence.map { .string($0.every.rawValue) } ?? .null),
      ("until", expense.recurrence?.until.map { .string($0.description) } ?? .null),
    ]).compact
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
