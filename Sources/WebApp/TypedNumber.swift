import ROIEngine

extension Page {
  /// A number as a person types it on a page in this language, in the form the parsers read:
  /// on a French page `190 000,50` is 190000.50 and `8,5 %` is 8.5% (groups of three digits split
  /// by a space, a no-break space or a narrow one; one decimal comma). Anything else is left as
  /// typed, for the parsers to accept or to refuse with their own message.
  func typed(_ text: String) -> String {
    guard language == .fr else { return text }
    let spaces: Set<Character> = [" ", "\u{00A0}", "\u{202F}"]
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
    let parts = body.split(separator: ",", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty else { return text }
    if parts.count == 2 { guard !parts[1].isEmpty, parts[1].allSatisfy(\.isASCIIDigit) else { return text } }
    let groups = whole.split(omittingEmptySubsequences: false, whereSeparator: { spaces.contains($0) })
    guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else { return text }
    if groups.count > 1 {
      guard groups[0].count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return text }
    }
    guard parts.count == 2 || groups.count > 1 else { return text }
    return sign + groups.joined() + (parts.count == 2 ? "." + parts[1] : "") + suffix
  }
}

extension Page {
  /// A plain number (`1200.00`, as files and exports write it) as this language writes it; other text as it is.
  func typedBack(_ text: String) -> String {
    guard language == .fr, text.wholeMatch(of: /-?[0-9]+(\.[0-9]+)?/) != nil else { return text }
    return PeopleFormat(language).localised(text)
  }
}

extension Character {
  fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
