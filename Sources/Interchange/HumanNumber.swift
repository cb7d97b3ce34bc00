import ROIEngine

/// Numbers as spreadsheets write them, turned into the plain form crm-roi's parsers take
/// (`-1234.56`): thousands separated by a space, U+00A0, U+202F, `'` or `’` (and `.` with a decimal
/// comma, `,` with a decimal point); a currency symbol or code before or after, only the database's;
/// `(1 234,56)` and a trailing minus as negatives. Anything else is refused, never guessed.
public struct HumanNumber: Sendable {
  public let decimalComma: Bool
  /// The database's currency: the only one a value may name.
  public let currency: Currency

  public init(decimalComma: Bool, currency: Currency) {
    self.decimalComma = decimalComma
    self.currency = currency
  }

  /// What a value looked like: its plain form, and whether it grouped thousands or could be read
  /// two ways (`1,234` with a decimal comma: 1.234, or 1234 grouped).
  public struct Reading: Equatable, Sendable {
    public let plain: String
    public let grouped: Bool
    public let ambiguous: Bool
    /// With a decimal comma: one `.` and three digits after it (`1.500`), which the comma makes
    /// 1500 but a decimal point would make 1.5.
    public var pointOnce = false
    /// The value shows which mark is the decimal one: it has a decimal part, or groups that only
    /// thousands make (`1.500.000`).
    public var showsDecimalMark = false
  }

  private static let spaces: Set<Character> = [" ", "\u{00A0}", "\u{202F}", "\t"]
  private static let groupMarks: Set<Character> = [" ", "\u{00A0}", "\u{202F}", "'", "’"]
  /// Symbols and the currency codes each may stand for.
  private static let symbols: [(symbol: String, codes: Set<String>)] = [
    ("€", ["EUR"]), ("US$", ["USD"]), ("$", ["USD", "CAD", "AUD", "NZD", "HKD", "SGD", "MXN"]), ("£", ["GBP"]),
    ("¥", ["JPY", "CNY"]), ("₣", ["CHF"]), ("Fr.", ["CHF"]), ("kr", ["SEK", "NOK", "DKK"]), ("zł", ["PLN"]),
  ]

  public var expectedForm: Phrase {
    Phrase(decimalComma ? .formCommaNumber : .formPointNumber, ["code": currency.code])
  }

  /// `form` as a file in this style reads it: a plain decimal with '.' becomes this style's number.
  public func said(_ form: Phrase) -> Phrase {
    decimalComma && form.isPlainDecimal ? expectedForm : form
  }

  /// `text` in plain form; a ValueError naming `text` when it is not a number in this style.
  public func read(_ text: String) throws -> Reading {
    if let plain = plainReading(text) { return plain }
    let (body, negative) = try signAndCurrencyRemoved(text)
    return try reading(body, negative: negative, text: text)
  }

  /// `text` without its spaces, sign (`-`, `+`, `−`, a trailing `-`, parentheses) and currency mark,
  /// in any order around the digits: "-1 000,00 €", "€ -12,50", "12,50- EUR".
  private func signAndCurrencyRemoved(_ text: String) throws -> (body: Substring, negative: Bool) {
    var body = Substring(text)
    var negative = false
    func trim() {
      while let first = body.first, Self.spaces.contains(first) { body.removeFirst() }
      while let last = body.last, Self.spaces.contains(last) { body.removeLast() }
    }
    func refuse(_ why: Phrase? = nil) -> ValueError {
      ValueError(value: text, expected: why ?? expectedForm)
    }
    trim()
    if body.first == "(" && body.last == ")" {
      negative = true
      body = body.dropFirst().dropLast()
      trim()
    }
    var sawCurrency = false
    for _ in 0..<3 {
      trim()
      if let first = body.first, first == "-" || first == "+" || first == "\u{2212}" {
        if negative && first != "+" { throw refuse() }
        negative = negative || first != "+"
        body.removeFirst()
        continue
      }
      if let last = body.last, last == "-" || last == "\u{2212}" {
        if negative { throw refuse() }
        negative = true
        body.removeLast()
        continue
      }
      if let (length, atStart) = try currencyMark(in: body, text: text) {
        if sawCurrency { throw refuse() }
        sawCurrency = true
        body = atStart ? body.dropFirst(length) : body.dropLast(length)
        continue
      }
      break
    }
    trim()
    return (body, negative)
  }

  /// The digits of a number stripped of its sign and currency, grouped or not, in plain form.
  private func reading(_ body: Substring, negative: Bool, text: String) throws -> Reading {
    func refuse() -> ValueError { ValueError(value: text, expected: expectedForm) }
    let decimalMark: Character = decimalComma ? "," : "."
    let otherMark: Character = decimalComma ? "." : ","
    let parts = body.split(separator: decimalMark, maxSplits: 2, omittingEmptySubsequences: false)
    guard parts.count <= 2, let whole = parts.first, !whole.isEmpty || parts.count == 2 else { throw refuse() }
    let fraction = parts.count == 2 ? parts[1] : ""
    guard fraction.allSatisfy(\.isASCIIDigit), parts.count == 1 || !fraction.isEmpty else { throw refuse() }
    // The whole part: digits, or groups of 3 after a first of 1 to 3, all with the same mark.
    let marks = Set(whole.filter { !$0.isASCIIDigit })
    guard marks.count <= 1 else { throw refuse() }
    var digits = String(whole)
    if let mark = marks.first {
      guard Self.groupMarks.contains(mark) || mark == otherMark else { throw refuse() }
      let groups = whole.split(separator: mark, omittingEmptySubsequences: false)
      guard let head = groups.first, (1...3).contains(head.count), head.first != "0", groups.dropFirst().allSatisfy({ $0.count == 3 }),
        groups.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) })
      else { throw refuse() }
      digits = groups.joined()
    }
    guard !digits.isEmpty || !fraction.isEmpty else { throw refuse() }
    let plain = (negative ? "-" : "") + (digits.isEmpty ? "0" : digits) + (fraction.isEmpty ? "" : "." + fraction)
    // "1,234" with a decimal comma (or "1.234" with a point) could be a grouped 1234.
    let ambiguous = marks.isEmpty && fraction.count == 3 && (1...3).contains(digits.count) && digits != "0"
    var reading = Reading(plain: plain, grouped: !marks.isEmpty, ambiguous: ambiguous)
    let markCount = whole.count { !$0.isASCIIDigit }
    reading.pointOnce = decimalComma && marks == ["."] && markCount == 1 && fraction.isEmpty
    reading.showsDecimalMark = (!fraction.isEmpty && !ambiguous) || markCount > 1
    return reading
  }

  /// The common case read from its bytes: an optional '-', digits, at most one decimal mark and
  /// digits (no grouping, no currency). Anything else returns nil and goes the general way.
  private func plainReading(_ text: String) -> Reading? {
    let mark = decimalComma ? UInt8(ascii: ",") : UInt8(ascii: ".")
    var whole = 0
    var fraction = 0
    var sawMark = false
    var negative = false
    for (index, byte) in text.utf8.enumerated() {
      if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
        if sawMark { fraction += 1 } else { whole += 1 }
      } else if byte == mark && !sawMark {
        sawMark = true
      } else if byte == UInt8(ascii: "-") && index == 0 {
        negative = true
      } else {
        return nil
      }
    }
    guard whole > 0 || fraction > 0, !sawMark || fraction > 0 else { return nil }
    var plain = decimalComma ? String(text.map { $0 == "," ? "." : $0 }) : text
    if whole == 0 { plain = (negative ? "-0" : "0") + plain.dropFirst(negative ? 1 : 0) }
    let ambiguous = fraction == 3 && (1...3).contains(whole) && !(whole == 1 && text.utf8.dropFirst(negative ? 1 : 0).first == UInt8(ascii: "0"))
    var reading = Reading(plain: plain, grouped: false, ambiguous: ambiguous)
    reading.showsDecimalMark = sawMark && !ambiguous
    return reading
  }

  /// The length of a currency symbol or code at the start or end of `body`, and which end; refuses
  /// one that is not the database's currency.
  private func currencyMark(in body: Substring, text: String) throws -> (Int, Bool)? {
    for atStart in [true, false] {
      for (symbol, codes) in Self.symbols where atStart ? body.hasPrefix(symbol) : body.hasSuffix(symbol) {
        guard codes.contains(currency.code) else {
          throw ValueError(value: text, expected: Phrase(.formCurrencySymbol, ["code": currency.code, "symbol": symbol]))
        }
        return (symbol.count, atStart)
      }
      let edge = atStart ? body.prefix(3) : body.suffix(3)
      let beside = atStart ? body.dropFirst(3).first : body.dropLast(3).last
      if edge.count == 3, edge.allSatisfy({ $0.isASCII && $0.isUppercase }), beside.map({ !$0.isLetter }) ?? true {
        guard String(edge) == currency.code else {
          throw ValueError(value: text, expected: Phrase(.formCurrencyCode, ["code": currency.code, "other": String(edge)]))
        }
        return (3, atStart)
      }
    }
    return nil
  }
}

extension Character {
  var isASCIIDigit: Bool { isASCII && isNumber }
}

extension ValueError {
  /// The error as a person typing numbers in `language` reads it: `typed` as they typed it (before
  /// `TypedNumber` made it plain), and in French, where a form or the command line takes `8750,50`,
  /// a plain decimal's form said with a decimal comma.
  public func said(typedIn language: Language, typed: String? = nil) -> ValueError {
    let value = typed.map { $0.trimmingSpaces() }.flatMap { $0.isEmpty ? nil : $0 } ?? self.value
    guard language == .fr else { return ValueError(value: value, expected: expected) }
    return ValueError(value: value, expected: expected.withDecimalComma)
  }
}

extension Phrase {
  /// A plain decimal's form (`8750.50`) said with a decimal comma (`8750,50`); any other as it is.
  var withDecimalComma: Phrase {
    switch message {
    case .formDecimalAmount:
      var values = self.values
      if case .text(let example)? = values["example"] { values["example"] = .text(String(example.map { $0 == "." ? "," : $0 })) }
      return Phrase(.formDecimalAmountComma, phrases: values)
    case .formPlainDecimal: return Phrase(.formPlainDecimalComma)
    default: return self
    }
  }
}
