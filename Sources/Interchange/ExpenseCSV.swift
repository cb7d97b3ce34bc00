import ROIEngine

/// Expenses in CSV: a header naming any of date, category, amount, note, hours, rate, every, until
/// in any order (amount, or hours and rate), then one expense per record.
public final class ExpenseCSVReader {
  public static let example = "date,category,amount,note,hours,rate,every,until"

  private let reader: CSVReader
  private let header: Header
  private let currency: Currency
  /// Dates before this month are refused (10 years before go-live).
  private let settings: Settings?
  private let earliest: Month?
  private let positions: [(field: ExpenseFields.Field, position: Int)]

  public var file: String { reader.name }

  public convenience init(path: String, currency: Currency, settings: Settings? = nil) throws {
    try self.init(reader: try CSVReader(path: path), currency: currency, settings: settings)
  }

  public init(reader: CSVReader, currency: Currency, settings: Settings? = nil) throws {
    self.reader = reader
    self.currency = currency
    self.settings = settings
    earliest = settings?.goLive.advanced(by: -12 * ExpenseFields.yearsBeforeGoLive)
    guard let first = try reader.next() else {
      throw CSVError(file: reader.name, line: 1, message: "the file is empty; expected a header row like \(ExpenseCSVReader.example)")
    }
    header = try Header(first, file: reader.name)
    reader.columnNames = header.names
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
    guard try reader.advance() else { return nil }
    guard reader.fieldCount == header.names.count else {
      return .failure(CSVError(
        file: reader.name, line: reader.recordLine,
        message: "\(reader.fieldCount) fields; expected \(header.names.count), one per header column"))
    }
    if let expense = try plainExpense() { return .success(expense) }

    var values: [ExpenseFields.Field: String] = [:]
    for (field, position) in positions {
      let text = try reader.string(position)
      values[field] = field == .note ? CSVText.unneutralised(text) : text.trimmingSpaces()
    }
    do {
      return .success(try ExpenseFields(values).expense(currency: currency, settings: settings))
    } catch {
      let position = header.position(of: error.field.rawValue)
      return .failure(CSVError(
        file: reader.name, line: reader.recordLine, column: position.map(header.column) ?? (0, error.field.rawValue),
        message: error.error.description))
    }
  }

  /// The common row read straight from its bytes: every value already in its canonical form, no
  /// labor columns. Anything else returns nil and goes through `ExpenseFields`, which applies the
  /// same rules (the same parsers) to trimmed text and names what is wrong.
  private func plainExpense() throws -> Expense? {
    var date: CalendarDate?
    var category: ExpenseCategory?
    var amount: Money?
    var note: String?
    var every: Frequency?
    var until: Month?
    for (field, position) in positions {
      let isEmpty = reader.withField(position) { $0.isEmpty }
      switch field {
      case .date: date = reader.withField(position) { CalendarDate(bytes: $0) }
      case .category: category = reader.withField(position) { ExpenseCategory(rawValue: String(decoding: $0, as: UTF8.self)) }
      case .amount:
        guard let minor = reader.withField(position, { ExactDecimal(bytes: $0) })?.scaled(to: currency.minorUnits),
          minor > 0
        else { return nil }
        amount = Money(minor: minor)
      case .note: if !isEmpty { note = CSVText.unneutralised(try reader.string(position)) }
      case .hours, .rate: if !isEmpty { return nil }
      case .every:
        if !isEmpty {
          guard let frequency = reader.withField(position, { Frequency(rawValue: String(decoding: $0, as: UTF8.self)) }) else { return nil }
          every = frequency
        }
      case .until:
        if !isEmpty {
          guard let month = reader.withField(position, { Month(bytes: $0) }) else { return nil }
          until = month
        }
      }
    }
    guard let date, let category, let amount else { return nil }
    if let earliest, date.month < earliest { return nil }
    if let until, every == nil || until < date.month { return nil }
    return Expense(
      date: date, category: category, amount: amount, note: note,
      recurrence: every.map { Recurrence(every: $0, until: until) })
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
