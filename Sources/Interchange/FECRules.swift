import ROIEngine

/// The rules file of `import fec`: which FEC lines are CRM expenses, and which accounts feed a
/// metric per month. One rule per line; `#` starts a comment (outside quotes and slashes), blank
/// lines are ignored:
///
///     account 651 license              # account prefix -> category
///     supplier "OVH" service           # CompAuxLib of the entry's 401…/404… line contains OVH (any case)
///     label /CRM|Salesforce/ license   # a pattern on EcritureLib, any case (`LinearPattern`)
///     metric sales account 70 credit   # per month: sum of Credit − Debit of 70… lines
///
/// The first expense rule that matches a line picks it. `supplier` and `label` rules pick only an
/// entry's class-6 (expense) and class-2 (fixed asset) lines, never its supplier, bank or VAT lines.
public struct FECRules {
  /// What an expense rule matches.
  public enum Match {
    /// An account number prefix, like 651.
    case account(String)
    /// A piece of the supplier's name, lower case, without accents.
    case supplier(String)
    /// A pattern on `EcritureLib`, and its text as written between the slashes.
    case label(LinearPattern)
  }

  /// A rule that picks expense lines.
  public struct ExpenseRule {
    /// The line of the rules file.
    public let line: Int
    public let match: Match
    public let category: ExpenseCategory
  }

  /// Which way a metric sums: `debit` is Debit − Credit (a cost), `credit` Credit − Debit (sales).
  public enum Side: String, Sendable {
    case debit, credit
  }

  /// A rule that sums an account's lines per month into a metric.
  public struct MetricRule: Sendable {
    public let line: Int
    public let metric: String
    public let account: String
    public let side: Side
  }

  public static let vatPrefix = "4456"

  public let file: String
  public let expenseRules: [ExpenseRule]
  public let metricRules: [MetricRule]

  /// Reads the rules file at `path` (UTF-8, or a single-byte encoding as a FEC may be).
  public init(path: String) throws {
    let (name, lines) = try RulesFile.lines(atPath: path)
    try self.init(lines: lines, file: name)
  }

  /// Parses rules from `text`; the first bad rule throws a one-line `CSVError` naming its line.
  public init(text: String, file: String) throws {
    try self.init(lines: try RulesFile.lines(of: text, file: file), file: file)
  }

  private init(lines: [(number: Int, tokens: [Token])], file: String) throws {
    self.file = file
    var expenseRules: [ExpenseRule] = []
    var metricRules: [MetricRule] = []
    for (number, tokens) in lines {
      let line = RuleLine(file: file, number: number, tokens: tokens)
      if line.keyword == "metric" { metricRules.append(try line.metricRule()) } else { expenseRules.append(try line.expenseRule()) }
    }
    guard !expenseRules.isEmpty || !metricRules.isEmpty else {
      throw CSVError(file: file, line: max(lines.last?.number ?? 1, 1), message: Phrase(.fecNoRules))
    }
    (self.expenseRules, self.metricRules) = (expenseRules, metricRules)
  }

  /// One line of a rules file, read into its rule; a wrong word throws naming the line.
  private struct RuleLine {
    let file: String
    let number: Int
    let tokens: [Token]

    var keyword: String { tokens[0].kind == .word ? tokens[0].text.lowercased() : "" }

    func fail(_ message: Phrase) -> CSVError { CSVError(file: file, line: number, message: message) }

    func word(_ index: Int, _ form: Phrase) throws -> Token {
      guard index < tokens.count else {
        throw fail(Phrase(.ruleIncomplete, phrases: ["rule": .text(tokens.map(\.text).joined(separator: " ")), "expected": .phrase(form)]))
      }
      return tokens[index]
    }

    func end(_ count: Int, _ form: Phrase) throws {
      if tokens.count > count { throw fail(Phrase(.ruleTooLong, phrases: ["word": .text(tokens[count].text), "expected": .phrase(form)])) }
    }

    func category(_ token: Token) throws -> ExpenseCategory {
      do { return try ExpenseCategory(parsing: token.text) } catch let error as ValueError { throw fail(error.phrase) }
    }

    func account(_ token: Token, _ form: Phrase) throws -> String {
      guard token.kind == .word, token.text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
        throw fail(Phrase(.ruleNotAnAccount, phrases: ["word": .text(token.text), "expected": .phrase(form)]))
      }
      return token.text
    }

    /// `account PREFIX CATEGORY`, `supplier "NAME" CATEGORY` or `label /PATTERN/ CATEGORY`.
    func expenseRule() throws -> ExpenseRule {
      let match: Match
      let form: Phrase
      switch keyword {
      case "account":
        form = Phrase(.ruleAccountForm)
        let prefix = try account(try word(1, form), form)
        if prefix.hasPrefix(FECRules.vatPrefix) { throw fail(Phrase(.ruleVATAccount, ["prefix": prefix])) }
        match = .account(prefix)
      case "supplier":
        form = Phrase(.ruleSupplierForm)
        let name = try word(1, form)
        guard name.kind != .pattern, !name.text.trimmingSpaces().isEmpty else {
          throw fail(Phrase(.ruleNotASupplier, phrases: ["word": .text(name.text), "expected": .phrase(form)]))
        }
        match = .supplier(Folding.key(name.text))
      case "label":
        form = Phrase(.ruleLabelForm)
        let pattern = try word(1, form)
        guard pattern.kind == .pattern, !pattern.text.isEmpty else {
          throw fail(Phrase(.ruleNotAPattern, phrases: ["word": .text(pattern.text), "expected": .phrase(form)]))
        }
        let regex: LinearPattern
        do {
          regex = try LinearPattern(pattern.text)
        } catch {
          throw fail(Phrase(.rulePatternRefused, phrases: ["pattern": .text(pattern.text), "problem": .phrase(error.phrase), "example": .text("CRM|Salesforce")]))
        }
        match = .label(regex)
      default:
        throw fail(Phrase(.fecRuleUnknown, ["word": tokens[0].text]))
      }
      let rule = ExpenseRule(line: number, match: match, category: try category(try word(2, form)))
      try end(3, form)
      return rule
    }

    /// `metric NAME account PREFIX debit|credit`.
    func metricRule() throws -> MetricRule {
      let form = Phrase(.ruleMetricForm)
      let name = try word(1, form)
      guard name.kind == .word else { throw fail(Phrase(.ruleNotAMetric, phrases: ["word": .text(name.text), "expected": .phrase(form)])) }
      let keyword = try word(2, form)
      guard keyword.text.lowercased() == "account" else { throw fail(ValueError(value: keyword.text, expected: form).phrase) }
      let prefix = try account(try word(3, form), form)
      let sideToken = try word(4, form)
      guard let side = Side(rawValue: sideToken.text.lowercased()) else {
        throw fail(ValueError(value: sideToken.text, expected: Phrase(.ruleSide, phrases: ["form": .phrase(form)])).phrase)
      }
      try end(5, form)
      return MetricRule(line: number, metric: name.text.lowercased(), account: prefix, side: side)
    }
  }

  struct Token {
    enum Kind { case word, quoted, pattern }
    let kind: Kind
    let text: String
  }

  /// The words of a rule: bare words, "quoted text" and /patterns/ (`\/` is a slash in a pattern);
  /// a `#` outside them starts a comment.
  static func tokens(of line: Substring, fail: (Phrase) -> CSVError) throws -> [Token] {
    var tokens: [Token] = []
    var rest = line[...]
    while true {
      while let first = rest.first, first == " " || first == "\t" { rest.removeFirst() }
      guard let first = rest.first, first != "#" else { return tokens }
      switch first {
      case "\"":
        rest.removeFirst()
        guard let close = rest.firstIndex(of: "\"") else { throw fail(Phrase(.ruleQuoteNeverClosed)) }
        tokens.append(Token(kind: .quoted, text: String(rest[..<close])))
        rest = rest[rest.index(after: close)...]
      case "/":
        rest.removeFirst()
        var text = ""
        var closed = false
        while let character = rest.first {
          rest.removeFirst()
          if character == "\\", let next = rest.first {
            rest.removeFirst()
            text += next == "/" ? "/" : "\\\(next)"
          } else if character == "/" {
            closed = true
            break
          } else {
            text.append(character)
          }
        }
        guard closed else { throw fail(Phrase(.rulePatternNeverClosed)) }
        tokens.append(Token(kind: .pattern, text: text))
      default:
        let end = rest.firstIndex { $0 == " " || $0 == "\t" } ?? rest.endIndex
        tokens.append(Token(kind: .word, text: String(rest[..<end])))
        rest = rest[end...]
      }
    }
  }
}
