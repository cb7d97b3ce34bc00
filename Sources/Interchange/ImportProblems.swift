/// The bad rows of one import, kept to report them all in one run (up to `limit`).
public struct ImportProblems: Error, CustomStringConvertible {
  public static let limit = 20

  public let file: String
  public private(set) var problems: [CSVError] = []
  public private(set) var total = 0

  public init(file: String) { self.file = file }

  public var isEmpty: Bool { total == 0 }

  public mutating func append(_ problem: CSVError) {
    total += 1
    if problems.count < ImportProblems.limit { problems.append(problem) }
  }

  public mutating func append(contentsOf problems: [CSVError]) {
    for problem in problems { append(problem) }
  }

  /// Throws `self` when any row was bad.
  public func check() throws {
    if !isEmpty { throw self }
  }

  /// One line per problem, then a summary line.
  public var lines: [String] {
    let more = total > problems.count ? " (the first \(problems.count) are listed)" : ""
    return problems.map(\.description) + ["\(file): \(total) bad value\(total == 1 ? "" : "s")\(more); nothing was imported"]
  }

  public var description: String { lines.joined(separator: "\n") }
}

/// The columns a CSV header names, checked against the ones a file kind accepts.
struct Header {
  let names: [String]
  private let index: [String: Int]

  init(_ record: CSVRecord, file: String) throws {
    names = record.fields.map { $0.trimmingSpaces().lowercased() }
    var index: [String: Int] = [:]
    for (position, name) in names.enumerated() {
      if index[name] != nil {
        throw CSVError(file: file, line: record.line, column: (position + 1, name), message: "column '\(name)' appears twice; expected each column once")
      }
      index[name] = position
    }
    self.index = index
  }

  func position(of name: String) -> Int? { index[name] }

  func column(_ position: Int) -> (number: Int, name: String) { (position + 1, names[position]) }
}

extension String {
  func trimmingSpaces() -> String {
    var slice = Substring(self)
    while slice.first == " " || slice.first == "\t" { slice.removeFirst() }
    while slice.last == " " || slice.last == "\t" { slice.removeLast() }
    return String(slice)
  }
}
