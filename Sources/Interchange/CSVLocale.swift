/// How CSV output is written for a spreadsheet: `en`, commas and decimal points (what every tool
/// reads); `fr`, what French Excel opens in columns: `;` between fields, decimal commas, a UTF-8
/// byte order mark and CRLF line ends. Dates, months and quarter labels are the same in both.
public enum CSVLocale: String, CaseIterable, Sendable {
  case en, fr

  public var separator: String { self == .fr ? ";" : "," }
  /// Written once, before the first line.
  public var start: String { self == .fr ? "\u{FEFF}" : "" }
  public var lineEnd: String { self == .fr ? "\r\n" : "\n" }

  /// A plain number (`-1234.56`) as this locale writes it.
  public func number(_ plain: String) -> String {
    self == .fr ? String(plain.map { $0 == "." ? "," : $0 }) : plain
  }

  /// `text` as one field: quoted when it holds the separator, a quote or a line break.
  public func field(_ text: String) -> String {
    let separator = self.separator.unicodeScalars.first!
    guard text.unicodeScalars.contains(where: { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return text
    }
    var quoted = "\""
    for character in text {
      if character == "\"" { quoted += "\"\"" } else { quoted.append(character) }
    }
    return quoted + "\""
  }

  /// One line of fields already formatted, with its line end.
  public func line(_ fields: [String]) -> String { fields.joined(separator: separator) + lineEnd }
}
