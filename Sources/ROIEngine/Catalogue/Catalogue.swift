/// Fills a message's template in a language.
public enum Catalogue {
  /// `message` in `language`, each `{name}` replaced by `values[name]`.
  public static func text(_ message: Message, _ language: Language, _ values: [String: String] = [:]) -> String {
    let template = language == .fr ? message.templates.fr : message.templates.en
    var output = ""
    scan(template) { literal, name in
      output += literal
      guard let name else { return }
      guard let value = values[name] else { preconditionFailure("no value for {\(name)} in \(message)") }
      output += value
    }
    return output
  }

  /// The `{name}`s a template uses.
  public static func placeholders(in template: String) -> Set<String> {
    var names: Set<String> = []
    scan(template) { _, name in if let name { names.insert(name) } }
    return names
  }

  /// Walks `template`: each run of literal text, then the placeholder name after it (nil at the end).
  private static func scan(_ template: String, _ body: (Substring, String?) -> Void) {
    var rest = Substring(template)
    while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
      body(rest[..<open], String(rest[rest.index(after: open)..<close]))
      rest = rest[rest.index(after: close)...]
    }
    body(rest, nil)
  }
}

/// A message with its values, rendered later in the reader's language: what an error carries.
/// A value is plain text (a name, a number as typed) or another phrase.
public struct Phrase: Equatable, Sendable, CustomStringConvertible {
  public indirect enum Value: Equatable, Sendable {
    case text(String)
    case phrase(Phrase)
    /// Calendar months (1…12) by name, in the reader's language.
    case calendarMonths([Int])
    /// A month as the reader's language writes it in prose: `2025-04` / `avr. 2025`.
    case month(Month)
    /// An amount in minor units, grouped as the reader's language groups it, without its currency.
    case amount(Rational, Currency)
  }

  public let message: Message
  public let values: [String: Value]

  public init(_ message: Message, _ values: [String: String] = [:]) {
    self.message = message
    self.values = values.mapValues(Value.text)
  }

  public init(_ message: Message, phrases values: [String: Value]) {
    self.message = message
    self.values = values
  }

  public func text(_ language: Language) -> String {
    Catalogue.text(message, language, values.mapValues { value in
      switch value {
      case .text(let text): text
      case .phrase(let phrase): phrase.text(language)
      case .calendarMonths(let numbers): numbers.map { PeopleFormat.monthNames(language)[$0 - 1] }.joined(separator: ", ")
      case .month(let month): PeopleFormat(language).month(month)
      case .amount(let minor, let currency): PeopleFormat(language).amount(minor, currency)
      }
    })
  }

  /// Text that is the same in every language: a name, a path, another program's message.
  public static func verbatim(_ text: String) -> Phrase { Phrase(.verbatim, ["text": text]) }

  /// The system's reason for a failed call, by its errno value (Linux's numbers): the common ones
  /// said in the reader's language, any other in the system's words, `text`.
  public static func system(_ code: Int32, _ text: String) -> Phrase {
    let known: [Int32: Message] = [
      2: .errnoNoEntry, 5: .errnoInputOutput, 13: .errnoPermission, 17: .errnoExists, 20: .errnoNotDirectory,
      21: .errnoIsDirectory, 27: .errnoTooLarge, 28: .errnoNoSpace, 30: .errnoReadOnly, 32: .errnoBrokenPipe, 36: .errnoNameTooLong,
      40: .errnoLoop,
    ]
    return known[code].map { Phrase($0) } ?? .verbatim(text)
  }

  /// For a number typed with a decimal comma on the command line (`12,50`, `35,5%`), which takes a
  /// point: the form with the point, `12.50`. Nil for any other text, and for three digits after
  /// the comma (`1,000` may be a thousand).
  public static func decimalPoint(instead text: String) -> Phrase? {
    let body = text.hasSuffix("%") ? text.dropLast() : Substring(text)
    guard body.filter({ $0 == "," }).count == 1, !body.contains("."), body.split(separator: ",").last?.count != 3 else { return nil }
    func pointed(_ text: Substring) -> String { String(text.map { $0 == "," ? "." : $0 }) }
    guard ExactDecimal(pointed(body)) != nil else { return nil }
    return Phrase(.formDecimalPoint, ["suggestion": pointed(Substring(text))])
  }

  /// An error's phrase; an error of no known kind in its own words.
  public init(error: Error) {
    self = (error as? ExplainedError)?.phrase ?? .verbatim("\(error)")
  }

  /// Whether this is the form of a plain decimal with '.', which a file with a decimal comma says its own way.
  public var isPlainDecimal: Bool { message == .formDecimalAmount || message == .formPlainDecimal }

  /// The English text.
  public var description: String { text(.en) }
}

/// An error people read: a phrase, said in each language. `description` is the English text.
public protocol ExplainedError: Error, CustomStringConvertible {
  var phrase: Phrase { get }
}

extension ExplainedError {
  public func text(_ language: Language) -> String { phrase.text(language) }
  public var description: String { text(.en) }
}
