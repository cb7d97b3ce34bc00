/// User text made safe to show on a terminal.
public enum TerminalText {
  /// `text` with each control character (C0 including tab and line breaks, DEL, C1) and each
  /// bidirectional override shown as `\u{1B}`: a terminal would otherwise run an escape sequence in a
  /// note (clear the screen, set the title, hide text), and a line break would break a table.
  public static func visible(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isHidden) else { return text }
    var shown = ""
    for scalar in text.unicodeScalars {
      if isHidden(scalar) {
        shown += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      } else {
        shown.unicodeScalars.append(scalar)
      }
    }
    return shown
  }

  private static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F, 0x200B...0x200F, 0x2028...0x202E, 0x2066...0x2069, 0xFEFF: true
    default: false
    }
  }
}
