import ROIEngine

/// The bad rows of one import, kept to report them all in one run (up to `limit`).
public struct ImportProblems: Error, CustomStringConvertible {
  public static let limit = 20

  public let file: String
  /// How many problems are kept to be listed; the others are only counted.
  public let listed: Int
  public private(set) var problems: [CSVError] = []
  public private(set) var total = 0

  public init(file: String, listing listed: Int = ImportProblems.limit) {
    self.file = file
    self.listed = listed
  }

  public var isEmpty: Bool { total == 0 }

  public mutating func append(_ problem: CSVError) {
    total += 1
    if problems.count < listed { problems.append(problem) }
  }

  public mutating func append(contentsOf problems: [CSVError]) {
    for problem in problems { append(problem) }
  }

  /// Throws `self` when any row was bad.
  public func check() throws {
    if !isEmpty { throw self }
  }

  /// One line per problem, then a summary line.
  public func lines(_ language: Language) -> [String] {
    let summary: Phrase
    if total == 1 {
      summary = Phrase(.oneBadValue, ["file": file])
    } else if total > problems.count {
      summary = Phrase(.badValuesListed, ["file": file, "count": "\(total)", "listed": "\(problems.count)"])
    } else {
      summary = Phrase(.badValues, ["file": file, "count": "\(total)"])
    }
    return problems.map { $0.text(language) } + [summary.text(language)]
  }

  public var description: String { lines(.en).joined(separator: "\n") }
}

/// The columns a CSV header names: each column's name in lower case, or the field it stands for
/// when it is one of `aliases` (matched in any case and without accents: `Catégorie` is category);
/// nameless columns at the end (Excel's trailing `;`) and `ignoring` ones are left out.
struct Header {
  let names: [String]
  /// The columns as the file names them (`Montant`), for messages.
  let written: [String]
  /// The nameless columns at the end (Excel's trailing separator): their cells must stay empty.
  let nameless: Range<Int>
  /// Positions to read nothing from.
  let ignored: Set<Int>
  private let index: [String: Int]

  init(_ record: CSVRecord, file: String, aliases: [String: String] = [:], ignoring: [String] = []) throws {
    let ignoredKeys = Set(ignoring.map(Folding.key))
    names = record.fields.map { aliases[Folding.key($0)] ?? $0.trimmingSpaces().lowercased() }
    written = record.fields.map { $0.trimmingSpaces() }
    var trailing = names.count
    while trailing > 0, names[trailing - 1].isEmpty { trailing -= 1 }
    nameless = trailing..<names.count
    var ignored = Set(nameless)
    var index: [String: Int] = [:]
    for (position, name) in names.enumerated() where !ignored.contains(position) {
      if ignoredKeys.contains(Folding.key(record.fields[position])) || ignoredKeys.contains(name) {
        ignored.insert(position)
        continue
      }
      if index[name] != nil {
        throw CSVError(file: file, line: record.line, column: (position + 1, name), message: Phrase(.columnTwice, ["name": name]))
      }
      index[name] = position
    }
    self.ignored = ignored
    self.index = index
  }

  /// The columns read, in order.
  var readNames: [(position: Int, name: String)] {
    names.enumerated().filter { !ignored.contains($0.offset) }.map { ($0.offset, $0.element) }
  }

  /// The error for a value in a nameless column, or nil when `fields` leave them empty.
  func valueWithoutName(_ fields: [String], file: String, line: Int) -> CSVError? {
    guard let position = nameless.first(where: { $0 < fields.count && !fields[$0].trimmingSpaces().isEmpty }) else { return nil }
    return CSVError(
      file: file, line: line, column: (position + 1, ""),
      message: Phrase(.valueWithoutColumnName, ["value": fields[position].shortened]))
  }

  /// How many fields a record may have: every column, or all but the nameless ones at the end.
  var fieldCounts: ClosedRange<Int> { nameless.lowerBound...names.count }

  func position(of name: String) -> Int? { index[name] }

  /// A column as messages name it: as the file writes it.
  func column(_ position: Int) -> (number: Int, name: String) { (position + 1, written[position]) }

  /// The error for a column no field takes, offering `--ignore-column`.
  func unknown(_ position: Int, file: String, line: Int, expected: Phrase) -> CSVError {
    CSVError(
      file: file, line: line, column: column(position),
      message: Phrase(.unknownColumn, phrases: ["name": .text(names[position].shortened), "expected": .phrase(expected)]))
  }
}

extension String {
  /// A name as long as a field (1 MiB) shown in part in a message.
  var shortened: String { count > 80 ? "\(prefix(64))…" : self }

  func trimmingSpaces() -> String {
    // Most fields have no space at either end: checked on the bytes (a space, a tab, or the lead
    // byte of U+00A0 or U+202F).
    func edge(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0xC2 || byte == 0xE2 || byte >= 0x80 }
    guard let first = utf8.first, let last = utf8.last, edge(first) || edge(last) else { return self }
    var slice = Substring(self)
    while let first = slice.first, first == " " || first == "\t" || first == "\u{00A0}" || first == "\u{202F}" { slice.removeFirst() }
    while let last = slice.last, last == " " || last == "\t" || last == "\u{00A0}" || last == "\u{202F}" { slice.removeLast() }
    return String(slice)
  }
}
