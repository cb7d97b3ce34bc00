/// Rows of text cells laid out for a terminal (aligned columns) or as Markdown.
public struct Table {
  public enum Alignment { case left, right }

  public var headers: [String]
  public var alignments: [Alignment]
  public var rows: [[String]] = []

  public init(_ columns: [(String, Alignment)]) {
    headers = columns.map(\.0)
    alignments = columns.map(\.1)
  }

  public mutating func append(_ row: [String]) { rows.append(row) }

  /// Aligned columns separated by two spaces, a rule under the header. Control characters in
  /// cells are shown, not sent to the terminal (see `TerminalText`).
  public func plain() -> String {
    let rows = rows.map { $0.map(TerminalText.visible) }
    let widths = headers.indices.map { column in
      ([headers[column]] + rows.map { $0[column] }).map(\.count).max() ?? 0
    }
    func line(_ cells: [String]) -> String {
      cells.indices.map { pad(cells[$0], to: widths[$0], alignments[$0]) }.joined(separator: "  ")
        .trailingSpacesRemoved()
    }
    let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
    return ([line(headers), rule] + rows.map(line)).joined(separator: "\n") + "\n"
  }

  /// A GitHub-flavoured Markdown table, with '|' in cells escaped and control characters shown.
  public func markdown() -> String {
    func line(_ cells: [String]) -> String {
      "| " + cells.map { TerminalText.visible($0).replacingAll("|", with: "\\|") }.joined(separator: " | ") + " |"
    }
    let rule = "|" + alignments.map { $0 == .right ? "---:|" : "---|" }.joined()
    return ([line(headers), rule] + rows.map(line)).joined(separator: "\n") + "\n"
  }

  private func pad(_ text: String, to width: Int, _ alignment: Alignment) -> String {
    let padding = String(repeating: " ", count: max(0, width - text.count))
    return alignment == .left ? text + padding : padding + text
  }
}

extension String {
  func trailingSpacesRemoved() -> String {
    var text = self
    while text.hasSuffix(" ") { text.removeLast() }
    return text
  }

  func replacingAll(_ target: Character, with replacement: String) -> String {
    var result = ""
    for character in self {
      if character == target { result += replacement } else { result.append(character) }
    }
    return result
  }
}
