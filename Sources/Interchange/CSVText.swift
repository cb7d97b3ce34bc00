import ROIEngine

/// Writing CSV fields: RFC 4180 quoting, and text cells made safe for spreadsheets.
public enum CSVText {
  /// The first bytes that make a spreadsheet read a cell as a formula (and the quote that escapes
  /// them). Bytes, not Characters: "=" + U+0301 or CR LF is one Character, yet starts with "=" or CR.
  private static let formulaStarts: Set<UInt8> = Set("=+-@\t\r'".utf8)

  /// `text` as one CSV field: quoted when it holds a comma, quote or line break. A text cell
  /// (`isText`) whose first byte would make a spreadsheet run it as a formula gets a leading `'`;
  /// numbers never do.
  public static func field(_ text: String, isText: Bool, locale: CSVLocale = .en) -> String {
    var text = text
    if isText, let first = text.utf8.first, formulaStarts.contains(first) { text = "'" + text }
    return locale.field(text)
  }

  /// Undoes `field`'s formula guard on import, so an export imports back to the same text: the
  /// same byte test, and only the one `'` byte removed.
  public static func unneutralised(_ text: String) -> String {
    var bytes = text.utf8.makeIterator()
    guard bytes.next() == UInt8(ascii: "'"), let second = bytes.next(), formulaStarts.contains(second) else { return text }
    var scalars = text.unicodeScalars
    scalars.removeFirst()
    return String(scalars)
  }
}
