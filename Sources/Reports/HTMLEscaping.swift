/// HTML escaping, for every page and chart: what reaches a page from the user goes through one of these.

/// Text safe inside HTML and SVG elements and attributes.
public func escape(_ text: String) -> String {
  // Control, bidi and invisible characters shown as \u{…}, as in the terminal tables; line breaks kept.
  let shown = text.split(separator: "\n", omittingEmptySubsequences: false).map { TerminalText.visible(String($0)) }
  return escapeField(shown.joined(separator: "\n"))
}

/// A value put back in a form field (an attribute or a textarea): escaped for HTML, every character
/// kept as typed, so that saving the form again stores the same text (`escape` shows control and
/// bidi characters as `\u{…}`, for reading). C0 controls but tab and line breaks, which HTML may
/// not carry raw, as character references.
public func escapeField(_ text: String) -> String {
  var escaped = ""
  for scalar in text.unicodeScalars {
    switch scalar {
    case "&": escaped += "&amp;"
    case "<": escaped += "&lt;"
    case ">": escaped += "&gt;"
    case "\"": escaped += "&quot;"
    case "'": escaped += "&#39;"
    case "\t", "\n", "\r": escaped.unicodeScalars.append(scalar)
    default:
      if scalar.value < 0x20 || scalar.value == 0x7F {
        escaped += "&#x\(String(scalar.value, radix: 16));"
      } else {
        escaped.unicodeScalars.append(scalar)
      }
    }
  }
  return escaped
}
