import ArgumentParser
import Interchange
import ROIEngine
import Reports
import Storage

extension CRMROI {
  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "import",
      abstract: "Import expenses or monthly metric values from CSV, all or nothing.",
      subcommands: [Expenses.self, Metrics.self])

    struct Expenses: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "expenses",
        abstract: "Import expenses; rows already stored are skipped.",
        discussion: "Columns, in any order: \(ExpenseCSVReader.example) (amount, or hours and rate).")

      @OptionGroup var database: DatabaseOptions
      @OptionGroup var source: ImportSource

      func run() throws {
        let store = try database.open()
        try source.write(in: store, { store -> (added: Int, skipped: Int, file: String) in
          let settings = try store.settings()
          let reader = try ExpenseCSVReader(path: source.file, currency: settings.currency, settings: settings)
          let session = try store.beginExpenseImport(file: reader.file)
          var problems = ImportProblems(file: reader.file)
          while let row = try reader.next() {
            switch row {
            case .success(let expense): if problems.isEmpty { try session.add(expense) }
            case .failure(let problem): problems.append(problem)
            }
          }
          try problems.check()
          let (added, skipped) = try session.finish()
          return (added, skipped, reader.file)
        }, confirming: { outcome, dryRun in
          let (added, skipped, file) = outcome
          try show("\(dryRun ? "Dry run, nothing written: would import" : "Imported") \(TerminalText.visible(file)): \(added) added, 0 replaced, \(skipped) skipped (already stored).")
        })
      }
    }

    struct Metrics: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "Import monthly metric values; a value for a month already logged replaces it.",
        discussion: "Long layout: month,metric,value. Wide layout: month,NAME,NAME… (one column per metric).")

      @OptionGroup var database: DatabaseOptions
      @OptionGroup var source: ImportSource

      @Flag(help: "Accept values for the month still running (its figures are partial until it ends).")
      var allowCurrent = false

      func run() throws {
        let store = try database.open()
        try source.write(in: store, { store -> (counts: StoreWriter.LogCounts, file: String) in
          let rules = SnapshotRules(
            metrics: try store.metrics(), currency: try store.settings().currency, currentMonth: currentMonth(),
            allowCurrent: allowCurrent)
          let reader = try MetricCSVReader(path: source.file, rules: rules)
          var problems = ImportProblems(file: reader.file)
          var snapshots: [Snapshot] = []
          while let (values, issues) = try reader.next() {
            problems.append(contentsOf: issues)
            if problems.isEmpty { snapshots += values }
          }
          try problems.check()
          return (try store.importSnapshots(snapshots, file: reader.file), reader.file)
        }, confirming: { outcome, dryRun in
          let (counts, file) = outcome
          try show("\(dryRun ? "Dry run, nothing written: would import" : "Imported") \(TerminalText.visible(file)): \(counts.added) added, \(counts.replaced) replaced, \(counts.unchanged) skipped (same value stored).")
        })
      }
    }
  }
}

/// The file an import reads, and whether to only try it.
struct ImportSource: ParsableArguments {
  @Argument(help: "The CSV file (UTF-8, comma-separated, header row); - reads standard input.")
  var file: String

  @Flag(help: "Check the file and say what would be imported, writing nothing.")
  var dryRun = false

  /// Runs `body` in one write transaction, rolled back at the end when this is a dry run;
  /// `confirm` prints the summary before the commit (see `write(_:_:confirming:)`).
  func write<T>(in store: Store, _ body: (StoreWriter) throws -> T, confirming confirm: (T, Bool) throws -> Void) throws {
    try store.transaction { writer in
      let value = try body(writer)
      try confirm(value, dryRun)
      try standardOutput.flush()
      return ((), dryRun ? .rollback : .commit)
    }
  }
}
