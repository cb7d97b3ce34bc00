import ROIEngine

/// Values a file may mean two ways, refused once the whole file shows that they do; never guessed:
/// `1,234` with a decimal comma (1.234, or 1234 grouped) in a file that groups thousands
/// elsewhere; and `1.500` read with a decimal comma the file's separator suggested (1500 with a
/// thousands point, 1.5 with a decimal point) when no value of the file shows which mark is the
/// decimal one.
struct Ambiguity {
  private var grouped = false
  private var suspects: [CSVError] = []
  /// Whether the decimal comma was only inferred (from the separator), not given.
  let decimalCommaInferred: Bool
  private var shown = false
  private var pointSuspects: [CSVError] = []

  init(decimalCommaInferred: Bool = false) {
    self.decimalCommaInferred = decimalCommaInferred
  }

  /// Notes a value read at `column` of `line` as `text`.
  mutating func note(_ reading: HumanNumber.Reading, text: String, file: String, line: Int, column: (Int, String)) {
    grouped = grouped || reading.grouped
    shown = shown || reading.showsDecimalMark
    if reading.ambiguous && suspects.count < ImportProblems.limit {
      suspects.append(CSVError(
        file: file, line: line, column: column,
        message: Phrase(.ambiguousNumber, ["value": text, "plain": reading.plain, "grouped": reading.plain.filter { $0 != "." }])))
    }
    if reading.pointOnce && decimalCommaInferred && pointSuspects.count < ImportProblems.limit {
      pointSuspects.append(CSVError(
        file: file, line: line, column: column,
        message: Phrase(.ambiguousPoint, ["value": text, "thousands": reading.plain, "decimal": text.replacingPoint()])))
    }
  }

  var problems: [CSVError] { (grouped ? suspects : []) + (shown ? [] : pointSuspects) }
}

extension String {
  /// `1.500` as a French reader writes 1.5: `1,500`.
  fileprivate func replacingPoint() -> String { String(map { $0 == "." ? "," : $0 }) }
}
