import ROIEngine

/// A mapping file for CSV exports whose columns are named otherwise, in the spirit of hledger's
/// CSV rules. One rule per line, `#` comments:
///
///     skip 3                                   # records before the header row
///     column "Date opération" date             # a column of the file → the field crm-roi reads
///     column "Réf. fournisseur" _              # a column left out
///     category hardware                        # every row's category (when the file has none)
///     if "Fournisseur" ~ /OVH|Scaleway/ category service   # a category chosen by a pattern
///     if "Libellé" ~ /^TOTAL/ skip             # rows left out
///     negate amount                            # amounts written negative (a bank export) read as costs
///
/// Columns are matched as headers are (any case, without accents); patterns are regular
/// expressions, matched in any case. The rules turn the file into the columns crm-roi reads.
public struct CSVRules {
  enum Action {
    case category(String)
    case skip
  }

  struct Condition {
    let column: String
    let pattern: LinearPattern
    let action: Action
    let line: Int
  }

  public let file: String
  public private(set) var skip = 0
  /// Folded column name → field name ("_": left out), with the rules line that says so.
  var columns: [(from: String, to: String, line: Int)] = []
  var category: String?
  var conditions: [Condition] = []
  var negated: Set<String> = []

  /// Reads `path`'s rules; the first bad one throws a one-line error naming its line.
  public init(path: String) throws {
    let (name, lines) = try RulesFile.lines(atPath: path)
    try self.init(lines: lines, file: name)
  }

  public init(text: String, file: String) throws {
    try self.init(lines: try RulesFile.lines(of: text, file: file), file: file)
  }

  private init(lines: [(number: Int, tokens: [FECRules.Token])], file: String) throws {
    self.file = file
    for (number, tokens) in lines {
      func fail(_ message: Phrase) -> CSVError { CSVError(file: file, line: number, message: message) }
      let keyword = tokens[0]
      let words = tokens.map(\.text)
      func expect(_ count: Int, _ form: Message) throws {
        guard tokens.count == count else {
          throw fail(Phrase(.ruleWrongLength, phrases: ["rule": .text(words.joined(separator: " ")), "expected": .phrase(Phrase(form))]))
        }
      }
      switch keyword.text.lowercased() {
      case "skip":
        try expect(2, .ruleSkipForm)
        guard let count = Int(words[1]), (0...1_000).contains(count) else { throw fail(ValueError(value: words[1], expected: Phrase(.ruleSkipCount)).phrase) }
        skip = count
      case "column":
        try expect(3, .ruleColumnForm)
        let field = words[2].lowercased()
        if field != "_", let earlier = columns.first(where: { $0.to == field }) {
          throw fail(Phrase(.ruleFieldTwice, ["field": field, "line": "\(earlier.line)"]))
        }
        columns.append((Folding.key(words[1]), field, number))
      case "category":
        try expect(2, .ruleCategoryForm)
        category = try CSVRules.category(words[1], fail: fail)
      case "negate":
        try expect(2, .ruleNegateForm)
        negated.insert(words[1].lowercased())
      case "if":
        guard tokens.count >= 5, words[2] == "~", tokens[3].kind == .pattern else {
          throw fail(ValueError(value: words.joined(separator: " "), expected: Phrase(.ruleIfForm)).phrase)
        }
        let pattern: LinearPattern
        do {
          pattern = try LinearPattern(words[3])
        } catch {
          throw fail(Phrase(.rulePatternRefused, phrases: ["pattern": .text(words[3]), "problem": .phrase(error.phrase), "example": .text("OVH|Scaleway")]))
        }
        let action: Action
        switch words[4].lowercased() {
        case "skip":
          try expect(5, .ruleIfSkipForm)
          action = .skip
        case "category":
          try expect(6, .ruleIfCategoryForm)
          action = .category(try CSVRules.category(words[5], fail: fail))
        default: throw fail(ValueError(value: words[4], expected: Phrase(.ruleIfAction)).phrase)
        }
        conditions.append(Condition(column: Folding.key(words[1]), pattern: pattern, action: action, line: number))
      default:
        throw fail(Phrase(.csvRuleUnknown, ["word": keyword.text]))
      }
    }
  }

  private static func category(_ text: String, fail: (Phrase) -> CSVError) throws -> String {
    do {
      return try ExpenseCategory(parsing: text).rawValue
    } catch let error as ValueError {
      throw fail(error.phrase)
    }
  }

  /// The file read through the rules, as a comma-separated file in memory for the usual reader
  /// (numbers and dates keep the file's own style).
  /// The rows an `if … skip` left out: their lines, by the rule's line.
  public typealias Skipped = [(rule: Int, lines: [Int])]

  public func apply(to reader: CSVReader) throws -> (reader: CSVReader, skipped: Skipped) {
    for _ in 0..<skip { _ = try reader.next() }
    guard let header = try reader.next() else {
      throw CSVError(file: reader.name, line: 1, message: Phrase(.ruleNoHeader, ["skip": "\(skip)", "file": file]))
    }
    let (kept, conditions) = try layout(of: header.fields, file: reader.name)
    let addsCategory = category != nil || conditions.contains { if case .category = $0.0.action { true } else { false } }
    let categoryIndex = kept.firstIndex { Folding.key($0.name) == "category" }
    // Each record is written on its line of the file (blank lines, which the reader passes over,
    // fill the gaps), so that a bad value is reported on the line the user sees.
    var output: [String] = []
    var skipped: [Int: [Int]] = [:]
    var outputLine = 1
    func append(_ text: String, at line: Int) {
      while outputLine < line {
        output.append("")
        outputLine += 1
      }
      output.append(text)
      outputLine += 1 + text.utf8.filter { $0 == UInt8(ascii: "\n") }.count
    }
    append((kept.map(\.name) + (addsCategory && categoryIndex == nil ? ["category"] : [])).map(CSVLocale.en.field).joined(separator: ","), at: header.line)
    while let record = try reader.next() {
      func field(_ position: Int) -> String { position < record.fields.count ? record.fields[position] : "" }
      // The first `if` that matches decides, whatever it does; the others are not tried.
      var category = self.category
      let decides = conditions.first { condition, position in condition.pattern.matches(field(position)) }
      switch decides?.0.action {
      case .skip:
        skipped[decides!.0.line, default: []].append(record.line)
        continue
      case .category(let name): category = name
      case nil: break
      }
      var values = kept.map { column -> String in
        let value = field(column.position)
        return negated.contains(column.name.lowercased()) ? CSVRules.negated(value) : value
      }
      if let category {
        if let categoryIndex { values[categoryIndex] = category } else { values.append(category) }
      } else if addsCategory && categoryIndex == nil {
        values.append("")
      }
      append(values.map(CSVLocale.en.field).joined(separator: ","), at: record.line)
    }
    return (
      CSVReader(bytes: Array((output.joined(separator: "\n") + "\n").utf8), name: reader.name),
      skipped.sorted { $0.key < $1.key }.map { (rule: $0.key, lines: $0.value) }
    )
  }

  /// The output's columns (each kept column of the file's `header` under its field's name) and
  /// each condition with its column's position; a column no header names throws.
  private func layout(of header: [String], file name: String) throws -> (kept: [(position: Int, name: String)], conditions: [(Condition, Int)]) {
    let folded = header.map { Folding.key($0) }
    func position(of column: String, line: Int) throws -> Int {
      guard let position = folded.firstIndex(of: column) else {
        throw CSVError(file: file, line: line, message: Phrase(.ruleNoColumn, ["column": column, "file": name, "names": header.joined(separator: ", ")]))
      }
      return position
    }
    var kept: [(position: Int, name: String)] = []
    let renamed = try Dictionary(columns.map { (try position(of: $0.from, line: $0.line), $0.to) }, uniquingKeysWith: { $1 })
    for (position, name) in header.enumerated() {
      let target = renamed[position] ?? name
      if target != "_" { kept.append((position, target)) }
    }
    return (kept, try conditions.map { ($0, try position(of: $0.column, line: $0.line)) })
  }

  /// `-12,50` → `12,50`, `12,50` → `-12,50`, `(12,50)` → `12,50`; empty stays empty.
  static func negated(_ value: String) -> String {
    let trimmed = value.trimmingSpaces()
    guard !trimmed.isEmpty else { return trimmed }
    if trimmed.hasPrefix("-") || trimmed.hasPrefix("\u{2212}") { return String(trimmed.dropFirst()) }
    if trimmed.hasPrefix("("), trimmed.hasSuffix(")") { return String(trimmed.dropFirst().dropLast()) }
    if trimmed.hasSuffix("-") { return String(trimmed.dropLast()) }
    return "-" + trimmed
  }
}
