import ROIEngine

/// Rows or lines an import read and did not take, for one reason, with their line numbers: the
/// end of every import's summary says what was left out and why.
public struct ImportLeftOut: Sendable, Equatable {
  /// The sentence, with `{count}` and `{lines}` and any of `values`.
  public let reason: Message
  public let lines: [Int]
  public let values: [String: String]

  /// How many lines of each reason are named.
  public static let linesNamed = 5

  public init(_ reason: Message, lines: [Int], values: [String: String] = [:]) {
    (self.reason, self.lines, self.values) = (reason, lines, values)
  }

  /// `2 rows without an order id: lines 4, 9`.
  public func text(_ language: Language) -> String {
    let named = lines.prefix(ImportLeftOut.linesNamed).map(String.init).joined(separator: ", ")
    var values = self.values
    values["count"] = "\(lines.count)"
    values["lines"] = named + (lines.count > ImportLeftOut.linesNamed ? ", …" : "")
    return Catalogue.text(reason, language, values)
  }
}
