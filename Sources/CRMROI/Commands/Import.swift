import ArgumentParser
import Interchange
import Operations
import Reports
import ROIEngine
import Storage

extension CRMROI {
  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "import",
      abstract: "Import expenses, monthly metric values, a shop's orders or the FEC, all or nothing.",
      subcommands: [Expenses.self, Metrics.self, Orders.self, FEC.self])

    struct Expenses: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "expenses",
        abstract: "Import expenses; rows already stored are skipped.",
        discussion: "Columns, in any order: \(ExpenseCSVReader.example) (amount, or hours and rate).")

      @OptionGroup var database: DatabaseOptions
      @OptionGroup var source: ImportSource
      @OptionGroup var csv: CSVOptions

      func run() throws {
        try source.run(.expenses, csv: csv, database: database)
      }
    }

    struct Metrics: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "Import monthly metric values; a value for a month already logged replaces it.",
        discussion: "Long layout: month,metric,value. Wide layout: month,NAME,NAME… (one column per metric).")

      @OptionGroup var database: DatabaseOptions
      @OptionGroup var source: ImportSource
      @OptionGroup var csv: CSVOptions

      @Flag(help: "Accept values for the month still running (its figures are partial until it ends).")
      var allowCurrent = false

      func run() throws {
        try source.run(.metrics, csv: csv, database: database) { $0.allowCurrent = allowCurrent }
      }
    }
  }
}

/// The file an import reads, and whether to only try it.
struct ImportSource: ParsableArguments {
  @Argument(help: "The CSV file (header row; separator, decimal mark and encoding detected); - reads standard input.")
  var file: String

  @Flag(help: "Check the file and say what would be imported, writing nothing.")
  var dryRun = false

  /// Runs the import of `kind` through the shared `Importer` (the whole file checked before the
  /// write transaction starts), then prints its summary before the commit: a failed write of it
  /// writes nothing.
  func run(_ kind: ImportKind, csv: CSVOptions, database: DatabaseOptions, _ adjust: (inout ImportRequest) throws -> Void = { _ in }) throws {
    try runImport(kind, file: file, dryRun: dryRun, csv: csv, database: database, adjust)
  }
}

/// Runs the import of `kind` from `file` (see `ImportSource.run`).
func runImport(
  _ kind: ImportKind, file: String, dryRun: Bool, csv: CSVOptions?, database: DatabaseOptions, _ adjust: (inout ImportRequest) throws -> Void
) throws {
  var request = ImportRequest(kind: kind, path: file, currentMonth: try RunningMonth.current())
  if let csv {
    request.dialect = try csv.dialect()
    request.csvRules = try csv.rules.map { try CSVRules(path: $0) }
  }
  try adjust(&request)
  let store = try database.open()
  _ = try Importer.run(request, in: store, dryRun: dryRun) { outcome in
    try show(outcome.summary(currentLanguage(), dryRun: dryRun))
    for line in outcome.details(currentLanguage(), dryRun: dryRun) { try show(line) }
    try standardOutput.flush()
  }
}
