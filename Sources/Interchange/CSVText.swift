/// Writing CSV fields: RFC 4180 quoting, and text cells made safe for spreadsheets.
public enum CSVText {
  /// The characters that make a spreadsheet read a cell as a formula (and the quote that escapes them).
  private static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r", "'"]

  /// `text` as one CSV field: quoted when it holds a comma, quote or line break. A text cell
  /// (`isText`) that a spreadsheet would run as a formula gets a leading `'`; numbers never do.
  public static func field(_ text: String, isText: Bool) -> String {
    var text = text
    if isText, let first = text.first, formulaStarts.contains(first) { text = "'" + text }
    guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return text
    }
    var quoted = "\""
    for character in text {
      if character == "\"" { quoted += "\"\"" } else { quoted.append(character) }
    }
    return quoted + "\""
  }

  /// Undoes `field`'s formula guard on import, so an export imports back to the same text.
  public static func unneutralised(_ text: String) -> String {
    guard text.first == "'", let second = text.dropFirst().first, formulaStarts.contains(second) else { return text }
    return String(text.dropFirst())
  }
}
