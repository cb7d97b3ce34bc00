import ROIEngine

/// Rows or lines an import read and did not take, for one reason, with their line numbers: the
/// end of every import's summary says what was left out and why.
public struct ImportLeftOut: Sendable, Equatable {
  /// The sentence, with `{count}` and `{lines}` and any of `values`.
  public let reason: Message
  public let lines: [Int]
  public let values: [String: String]
  /// Counts said in the run's language and joined into `{rows}` ("1 empty row and 1 total row").
  public let rows: [Rows]

  /// A count and the messages for one and for many.
  public struct Rows: Sendable, Equatable {
    public let count: Int
    public let one: Message
    public let many: Message
  }

  /// How many lines of each reason are named.
  public static let linesNamed = 5

  public init(_ reason: Message, lines: [Int], values: [String: String] = [:], rows: [Rows] = []) {
    (self.reason, self.lines, self.values, self.rows) = (reason, lines, values, rows)
  }

  /// `2 rows without an order id: lines 4, 9`.
  public func text(_ language: Language) -> String {
    let named = lines.prefix(ImportLeftOut.linesNamed).map(String.init).joined(separator: ", ")
    var values = self.values
    values["count"] = "\(lines.count)"
    values["lines"] = named + (lines.count > ImportLeftOut.linesNamed ? ", …" : "")
    let say = PeopleFormat(language)
    let counted = rows.filter { $0.count > 0 }.map { say.counted($0.count, $0.one, $0.many) }
    if let last = counted.last {
      values["rows"] = counted.count == 1 ? last : Catalogue.text(.rowsAnd, language, ["first": counted.dropLast().joined(separator: ", "), "second": last])
    }
    return Catalogue.text(reason, language, values)
  }
}
