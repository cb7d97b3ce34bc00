import ROIEngine

/// Expenses in CSV: a header naming any of date, category, amount, note, hours, rate, every, until
/// in any order (amount, or hours and rate), then one expense per record.
public final class ExpenseCSVReader {
  public static let example = "date,category,amount,note,hours,rate,every,until"

  private let reader: CSVReader
  private let header: Header
  private let currency: Currency
  private let positions: [(field: ExpenseFields.Field, position: Int)]

  public var file: String { reader.name }

  public convenience init(path: String, currency: Currency) throws {
    try self.init(reader: try CSVReader(path: path), currency: currency)
  }

  public init(reader: CSVReader, currency: Currency) throws {
    self.reader = reader
    self.currency = currency
    guard let first = try reader.next() else {
      throw CSVError(file: reader.name, line: 1, message: "the file is empty; expected a header row like \(ExpenseCSVReader.example)")
    }
    header = try Header(first, file: reader.name)
    for (position, name) in header.names.enumerated() where ExpenseFields.Field(rawValue: name) == nil {
      throw CSVError(
        file: reader.name, line: first.line, column: header.column(position),
        message: "unknown column '\(name)'; expected a header row with columns from \(ExpenseCSVReader.example)")
    }
    let hasAmount = header.position(of: "amount") != nil
    let hasLabor = header.position(of: "hours") != nil && header.position(of: "rate") != nil
    guard header.position(of: "date") != nil, header.position(of: "category") != nil, hasAmount || hasLabor else {
      throw CSVError(
        file: reader.name, line: first.line,
        message: "the header '\(first.fields.joined(separator: ","))' lacks date, category and amount (or hours and rate);"
          + " expected a header row like \(ExpenseCSVReader.example)")
    }
    let header = self.header
    positions = ExpenseFields.Field.allCases.compactMap { field in header.position(of: field.rawValue).map { (field, $0) } }
  }

  /// The next expense, or the problem with its record; nil at the end of the file.
  public func next() throws -> Result<Expense, CSVError>? {
    guard let record = try reader.next() else { return nil }
    guard record.fields.count == header.names.count else {
      return .failure(CSVError(
        file: reader.name, line: record.line,
        message: "\(record.fields.count) fields; expected \(header.names.count), one per header column"))
    }
    var values: [ExpenseFields.Field: String] = [:]
    for (field, position) in positions {
      var text = record.fields[position]
      if field == .note { text = CSVText.unneutralised(text) } else { text = text.trimmingSpaces() }
      values[field] = text
    }
    do {
      return .success(try ExpenseFields(values).expense(currency: currency))
    } catch {
      let position = header.position(of: error.field.rawValue)
      return .failure(CSVError(
        file: reader.name, line: record.line, column: position.map(header.column) ?? (0, error.field.rawValue),
        message: error.error.description))
    }
  }
}

/// Expenses out, in the columns the reader takes back.
public enum ExpenseCSVWriter {
  public static let header = "date,category,amount,note,hours,rate,every,until"

  public static func line(_ expense: Expense, currency: Currency) -> String {
    [
      expense.date.description, expense.category.rawValue, currency.plain(expense.amount.minor),
      CSVText.field(expense.note ?? "", isText: true), expense.labor?.hoursText ?? "",
      expense.labor.map { currency.plain($0.rate.minor) } ?? "", expense.recurrence?.every.rawValue ?? "",
      expense.recurrence?.until?.description ?? "",
    ].joined(separator: ",")
  }
}
