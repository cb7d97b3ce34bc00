import Interchange
import ROIEngine

/// The four kinds of file crm-roi imports (parts 2 and 8).
public enum ImportKind: String, CaseIterable, Sendable {
  case expenses, metrics, orders, fec
}

/// One import as the command line or the web app asks for it: the file, what it holds and how it
/// is written. The file is read at `path`, and named `name` in messages and the audit trail.
public struct ImportRequest {
  public var kind: ImportKind
  public var path: String
  public var name: String
  /// The CSV's dialect where detection is not enough (CSV kinds).
  public var dialect = CSVDialect()
  /// A rules file for an export whose columns are named otherwise (CSV kinds).
  public var csvRules: CSVRules?
  /// The rules that pick a FEC's CRM lines (required for `fec`).
  public var fecRules: FECRules?
  /// The orders export's preset; nil: recognised from the header.
  public var preset: OrderPreset?
  /// Accept metric values for the month still running.
  public var allowCurrent = false
  /// The calendar month still running, from the caller's clock.
  public var currentMonth: Month
  /// How many bad values are listed before the rest are only counted.
  public var problemLimit = ImportProblems.limit
  /// How many rows the outcome lists with what the import does with each (0: none, the command line).
  public var itemLimit = 0

  public init(kind: ImportKind, path: String, name: String? = nil, currentMonth: Month) {
    self.kind = kind
    self.path = path
    self.name = name ?? path
    self.currentMonth = currentMonth
  }

  /// Opens the CSV in its dialect, through the rules file when there is one.
  /// …and the rows its rules file's `if … skip` left out, as the summary's last lines.
  func openCSV() throws -> (reader: CSVReader, resolved: CSVDialect.Resolved, skipped: [ImportLeftOut]) {
    let (reader, resolved) = try dialect.open(path, skipping: csvRules?.skip ?? 0, name: name)
    guard let csvRules else { return (reader, resolved, []) }
    let (rewritten, skipped) = try csvRules.apply(to: reader)
    return (rewritten, resolved, skipped.map { ImportLeftOut(.rowsSkippedByRule, lines: $0.lines, values: ["rule": "\($0.rule)", "file": csvRules.file]) })
  }
}
