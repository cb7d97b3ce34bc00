/// A number as a person types it in a language (a form field, `log`, an option), made into the
/// plain form the parsers read (`-1234.56`, with a `%` kept).
///
/// In French `190 000,50` is 190000.50 and `8,5 %` is 8.5% (groups of three digits split by a
/// space, a no-break space or a narrow one; one decimal comma). `1.500` alone (a point followed by
/// exactly three digits, no comma) could be a thousands point or a decimal one: refused with both
/// readings, never guessed. In English the text is left as typed: the parsers refuse a decimal
/// comma (`18431,84`) naming the point they need.
/// Anything else is left as typed, for the parsers to accept or to refuse with their own message.
public enum TypedNumber {
  private static let spaces: Set<Character> = [" ", "\u{00A0}", "\u{202F}"]

  public static func plain(_ text: String, _ language: Language) throws(ValueError) -> String {
    var body = Substring(text)
    var sign = ""
    if let first = body.first, first == "+" || first == "-" || first == "\u{2212}" {
      sign = first == "+" ? "+" : "-"
      body = body.dropFirst()
    }
    var suffix = ""
    if body.hasSuffix("%") {
      suffix = "%"
      body = body.dropLast()
      while let last = body.last, spaces.contains(last) { body = body.dropLast() }
    }
    switch language {
    case .fr: return try french(text, body, sign: sign, suffix: suffix)
    case .en: return text  // a decimal comma is refused by the parsers, naming the point they need
    }
  }

  private static func french(_ text: String, _ body: Substring, sign: String, suffix: String) throws(ValueError) -> String {
    let points = body.split(separator: ".", omittingEmptySubsequences: false)
    if !body.contains(","), points.count == 2, !points[0].isEmpty, points[0].allSatisfy(\.isASCIIDigit), points[1].count == 3,
      points[1].allSatisfy(\.isASCIIDigit)
    {
      let whole = String(points[0].drop { $0 == "0" })
      throw ValueError(value: text, expected: Phrase(.formPointTwoWays, [
        "thousands": sign + (whole.isEmpty ? "0" : whole) + points[1] + suffix, "decimal": sign + points[0] + "," + points[1] + suffix,
      ]))
    }
    // Text that is not a French number is passed on as typed (its minus sign made plain).
    let asTyped = sign + body + suffix
    let parts = body.split(separator: ",", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty else { return asTyped }
    if parts.count == 2 { guard !parts[1].isEmpty, parts[1].allSatisfy(\.isASCIIDigit) else { return asTyped } }
    let groups = whole.split(omittingEmptySubsequences: false, whereSeparator: { spaces.contains($0) })
    guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else { return asTyped }
    if groups.count > 1 {
      guard groups[0].count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return asTyped }
    }
    guard parts.count == 2 || groups.count > 1 else { return asTyped }
    return sign + groups.joined() + (parts.count == 2 ? "." + parts[1] : "") + suffix
  }
}

extension TypedNumber {
  /// `values` with the numbers in `fields` made plain; the first that reads two ways throws the
  /// error `failing` makes of its field.
  public static func plain<Field: Hashable, Failure: Error>(
    _ values: [Field: String], fields: [Field], _ language: Language, failing: (Field, ValueError) -> Failure
  ) throws(Failure) -> [Field: String] {
    var values = values
    for field in fields {
      guard let text = values[field] else { continue }
      do { values[field] = try plain(text, language) } catch { throw failing(field, error) }
    }
    return values
  }
}

extension Character {
  fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
