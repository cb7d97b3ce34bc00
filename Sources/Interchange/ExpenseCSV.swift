import ROIEngine

/// Expenses in CSV: a header naming any of the fields (`ExpenseFields.Field`: date, category,
/// amount, note, hours, rate, every, until, supplier) in any order (amount, or hours and rate),
/// then one expense per record.
public final class ExpenseCSVReader {
  public static let example = ExpenseFields.Field.allCases.map(\.rawValue).joined(separator: ",")

  private let reader: CSVReader
  private let header: Header
  private let currency: Currency
  /// Dates before this month are refused (10 years before go-live).
  private let settings: Settings?
  private let earliest: Month?
  /// The current row's free-text fields (kept from row to row: no allocation per row).
  private var rowTexts: [(ExpenseFields.TextAccess, String)] = []
  /// The fields the header names, with their forms and columns.
  private let positions: [(field: ExpenseFields.Field, form: ExpenseFields.Form, position: Int)]
  private let dialect: CSVDialect.Resolved
  private let numbers: HumanNumber
  private var ambiguity: Ambiguity
  /// The current row's numbers, noted as possibly ambiguous once the row is read without error.
  private var rowReadings: [(reading: HumanNumber.Reading, text: String, column: (Int, String))] = []
  /// Off in a test that checks the byte-level path against the general one.
  var allowsFastPath = true
  /// Rows Excel writes that hold no expense, skipped and named in the summary: every cell empty
  /// (`;;;;;;;`), and a closing total (first cell Total, Somme or Sous-total, no date).
  public private(set) var emptyRows: [Int] = []
  public private(set) var totalRows: [Int] = []
  /// Whether a date so far was written otherwise than YYYY-MM-DD (01/02/2026): a bad date's hint
  /// then names that form.
  private var sawWrittenDates = false
  /// A total row seen, which must be the last row with data.
  private var pendingTotal: Int?
  /// The first cells that make a row a total row (compared without case or accents).
  static let totalWords: Set<String> = ["total", "totaux", "somme", "sous-total", "sous total", "subtotal", "grand total"]  // no-catalogue: words a spreadsheet writes

  public var file: String { reader.name }

  public convenience init(path: String, currency: Currency, settings: Settings? = nil) throws {
    let (reader, dialect) = try CSVDialect().open(path)
    try self.init(reader: reader, dialect: dialect, currency: currency, settings: settings)
  }

  /// Header names in French or English (any case, without accents) and the field each stands for:
  /// each field's name and its declared aliases.
  static let headerAliases: [String: String] = Dictionary(
    uniqueKeysWithValues: ExpenseFields.Field.allCases.flatMap { field in ([field.rawValue] + field.declaration.aliases).map { ($0, field.rawValue) } })

  public init(
    reader: CSVReader, dialect: CSVDialect.Resolved = CSVDialect.Resolved(encoding: .utf8, delimiter: UInt8(ascii: ","), decimalComma: false, dateOrder: .dmy),
    ignoring: [String] = [], currency: Currency, settings: Settings? = nil
  ) throws {
    self.reader = reader
    self.currency = currency
    self.settings = settings
    self.dialect = dialect
    numbers = dialect.numbers(currency)
    ambiguity = Ambiguity(decimalCommaInferred: dialect.decimalCommaInferred)
    earliest = settings?.goLive.advanced(by: -12 * ExpenseFields.yearsBeforeGoLive)
    guard let first = try reader.next() else {
      throw CSVError(file: reader.name, line: 1, message: Phrase(.expensesEmptyFile, ["example": ExpenseCSVReader.example]))
    }
    header = try Header(first, file: reader.name, aliases: ExpenseCSVReader.headerAliases, ignoring: ignoring)
    reader.columnNames = header.names
    for (position, name) in header.readNames where ExpenseFields.Field(rawValue: name) == nil {
      throw header.unknown(position, file: reader.name, line: first.line, expected: Phrase(.expenseColumns, ["example": ExpenseCSVReader.example]))
    }
    let hasAmount = header.position(of: "amount") != nil
    let hasLabor = header.position(of: "hours") != nil && header.position(of: "rate") != nil
    guard header.position(of: "date") != nil, header.position(of: "category") != nil, hasAmount || hasLabor else {
      throw CSVError(
        file: reader.name, line: first.line,
        message: Phrase(.expenseHeaderLacks, phrases: [
          "header": .text(first.fields.joined(separator: String(decoding: [reader.delimiter], as: UTF8.self)).shortened),
          "columns": .text([header.position(of: "date") == nil ? "date" : nil, header.position(of: "category") == nil ? "category" : nil,
             hasAmount || hasLabor ? nil : "amount"].compactMap { $0 }.joined(separator: ", ")),
          "example": .text(ExpenseCSVReader.example),
        ]))
    }
    let header = self.header
    positions = ExpenseFields.Field.allCases.compactMap { field in header.position(of: field.rawValue).map { (field, field.declaration.form, $0) } }
  }

  /// Problems seen only once the whole file is read: `1,234` read as 1.234 in a file that groups
  /// thousands elsewhere could have meant 1234.
  public func problemsAtEnd() -> [CSVError] { ambiguity.problems }

  /// The next expense, or the problem with its record; nil at the end of the file. Empty rows and
  /// a closing total row are passed over (`emptyRows`, `totalRows`).
  public func next() throws -> Result<Expense, CSVError>? {
    while true {
      guard try reader.advance() else {
        if let line = pendingTotal { totalRows.append(line) }
        return nil
      }
      if try isEmptyRow() {
        emptyRows.append(reader.recordLine)
        continue
      }
      if let line = pendingTotal {
        pendingTotal = nil
        return .failure(CSVError(file: reader.name, line: line, message: Phrase(.totalRowNotLast, ["line": "\(reader.recordLine)"])))
      }
      if try isTotalRow() {
        pendingTotal = reader.recordLine
        continue
      }
      return try expenseRow()
    }
  }

  private func isEmptyRow() throws -> Bool {
    try (0..<reader.fieldCount).allSatisfy { try reader.string($0).trimmingSpaces().isEmpty }
  }

  /// A row whose first cell says Total (or Somme, Sous-total…) and whose date cell is not a date.
  private func isTotalRow() throws -> Bool {
    var first = Folding.key(try reader.string(0))
    while let last = first.last, last == ":" || last == " " { first.removeLast() }
    guard ExpenseCSVReader.totalWords.contains(first) else {
      return false
    }
    guard let position = header.position(of: "date"), position < reader.fieldCount else { return true }
    return (try? dialect.dates.date(try reader.string(position).trimmingSpaces())) == nil
  }

  private func expenseRow() throws -> Result<Expense, CSVError> {
    guard header.fieldCounts.contains(reader.fieldCount) else {
      return .failure(CSVError(
        file: reader.name, line: reader.recordLine,
        message: Phrase(.fieldCount, ["count": "\(reader.fieldCount)", "expected": "\(header.names.count)"])))
    }
    if !header.nameless.isEmpty {
      let fields = try header.nameless.filter { $0 < reader.fieldCount }.reduce(into: [String](repeating: "", count: header.names.count)) { fields, position in
        fields[position] = try reader.string(position)
      }
      if let problem = header.valueWithoutName(fields, file: reader.name, line: reader.recordLine) { return .failure(problem) }
    }
    if allowsFastPath, dialect.isCanonical, let expense = try plainExpense() { return .success(expense) }

    var values: [ExpenseFields.Field: String] = [:]
    var originals: [ExpenseFields.Field: String] = [:]
    rowReadings.removeAll()
    for (field, form, position) in positions {
      let text = position < reader.fieldCount ? try reader.string(position) : ""
      originals[field] = text.trimmingSpaces()
      do {
        values[field] = try normalised(form, text, position: position)
      } catch let error as ValueError {
        return .failure(CSVError(file: reader.name, line: reader.recordLine, column: header.column(position), error: error))
      }
    }
    do {
      let expense = try ExpenseFields(values).expense(currency: currency, settings: settings)
      // A value that could be read two ways counts only in a row that is otherwise right.
      for read in rowReadings {
        ambiguity.note(read.reading, text: read.text, file: reader.name, line: reader.recordLine, column: read.column)
      }
      return .success(expense)
    } catch {
      let position = header.position(of: error.field.rawValue)
      // Name the value as the file writes it, not in the plain form it was read into.
      let shown = error.error.value == values[error.field] ? originals[error.field] ?? error.error.value : error.error.value
      let expected = numbers.said(error.error.expected)
      return .failure(CSVError(
        file: reader.name, line: reader.recordLine, column: position.map(header.column) ?? (0, error.field.rawValue),
        message: ValueError(value: shown, expected: expected).phrase))
    }
  }

  /// A field's text in the form `ExpenseFields` takes: dates, months and numbers as the dialect
  /// writes them made plain; an empty field stays empty (missing).
  private func normalised(_ form: ExpenseFields.Form, _ text: String, position: Int) throws -> String {
    if case .text = form { return CSVText.unneutralised(text) }
    let trimmed = text.trimmingSpaces()
    guard !trimmed.isEmpty else { return trimmed }
    switch form {
    case .date:
      // A bad date's hint names the form the file's other dates have: day first when they are.
      do {
        let date = try dialect.dates.date(trimmed)
        if trimmed.prefix(5).last != "-" { sawWrittenDates = true }
        return date
      } catch let error as ValueError where sawWrittenDates {
        throw ValueError(value: trimmed, expected: error.expected == CalendarDate.expectedForm ? dialect.dates.dateForm : error.expected)
      }
    case .until: return try dialect.dates.month(trimmed)
    case .amount, .rate, .hours:
      let reading = try numbers.read(trimmed)
      rowReadings.append((reading, trimmed, header.column(position)))
      return reading.plain
    case .category, .every, .text: return trimmed
    }
  }

  /// The common row read straight from its bytes: every value already in its canonical form, no
  /// labor columns. Anything else returns nil and goes through `ExpenseFields`, which applies the
  /// same rules (the same parsers) to trimmed text and names what is wrong.
  private func plainExpense() throws -> Expense? {
    var date: CalendarDate?
    var category: ExpenseCategory?
    var amount: Money?
    rowTexts.removeAll(keepingCapacity: true)
    var every: Frequency?
    var until: Month?
    var amountReading: (HumanNumber.Reading, String, (Int, String))?
    guard reader.fieldCount == header.names.count else { return nil }
    for (_, form, position) in positions {
      let isEmpty = reader.withField(position) { $0.isEmpty }
      switch form {
      case .date: date = reader.withField(position) { CalendarDate(bytes: $0) }
      case .category: category = reader.withField(position) { ExpenseCategory(rawValue: String(decoding: $0, as: UTF8.self)) }
      case .amount:
        guard let minor = reader.withField(position, { ExactDecimal(bytes: $0) })?.scaled(to: currency.minorUnits),
          minor > 0
        else { return nil }
        amount = Money(minor: minor)
        // A value that could be grouped thousands (`1.234`) is noted as on the general path.
        let grouped = reader.withField(position) { bytes in
          // 1 to 3 digits, a point, 3 digits (not 0.xxx): the shape a grouped 1234 has too.
          guard let point = bytes.firstIndex(of: UInt8(ascii: ".")), bytes.count - point == 4, (1...3).contains(point) else { return false }
          return !(point == 1 && bytes[0] == UInt8(ascii: "0"))
        }
        if grouped {
          let text = try reader.string(position)
          if let reading = try? numbers.read(text), reading.ambiguous { amountReading = (reading, text, header.column(position)) }
        }
      case .text(let access):
        if !isEmpty {
          let text = CSVText.unneutralised(try reader.string(position))
          // A name with spaces around it, or too long, goes the general way, which trims or refuses it.
          if let limit = access.trimmedTo, text.count > limit || text.first?.isWhitespace == true || text.last?.isWhitespace == true { return nil }
          rowTexts.append((access, text))
        }
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
    if let (reading, text, column) = amountReading {
      ambiguity.note(reading, text: text, file: reader.name, line: reader.recordLine, column: column)
    }
    var expense = Expense(date: date, category: category, amount: amount, recurrence: every.map { Recurrence(every: $0, until: until) })
    for (access, text) in rowTexts { access.set(&expense, text) }
    return expense
  }
}

/// Expenses out, in the columns the reader takes back (one per declared field).
public enum ExpenseCSVWriter {
  public static let header = ExpenseCSVReader.example

  /// The French file's frequencies: names `import expenses` reads back (its aliases).
  static let frenchFrequencies: [Frequency: String] = [.month: "mensuel", .quarter: "trimestriel", .year: "annuel"]  // no-catalogue: read back as aliases

  public static func headerLine(locale: CSVLocale = .en) -> String {
    let names = ExpenseFields.Field.allCases.map { locale == .fr ? $0.declaration.frenchHeader : $0.rawValue }
    return locale.start + locale.line(names)
  }

  /// One expense as a line, without its line end in the `en` locale (with it in the others). In
  /// French, categories and frequencies are French names that the import reads back.
  public static func line(_ expense: Expense, currency: Currency, locale: CSVLocale = .en) -> String {
    let fields = ExpenseFields.Field.forms.map { field(expense, $0, currency: currency, locale: locale) }
    return locale == .en ? fields.joined(separator: ",") : locale.line(fields)
  }

  /// One field of an expense as the file writes it.
  static func field(_ expense: Expense, _ form: ExpenseFields.Form, currency: Currency, locale: CSVLocale) -> String {
    switch form {
    case .date: expense.date.description
    case .category: locale.field(locale == .fr ? Catalogue.text(expense.category.message, .fr) : expense.category.rawValue)
    case .amount: locale.number(currency.plain(expense.amount.minor))
    case .hours: expense.labor.map { locale.number($0.hoursText) } ?? ""
    case .rate: expense.labor.map { locale.number(currency.plain($0.rate.minor)) } ?? ""
    case .every: expense.recurrence.map { locale == .fr ? frenchFrequencies[$0.every]! : $0.every.rawValue } ?? ""
    case .until: expense.recurrence?.until?.description ?? ""
    case .text(let access): CSVText.field(access.get(expense) ?? "", isText: true, locale: locale)
    }
  }
}
