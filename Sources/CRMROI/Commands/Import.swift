import ArgumentParser
import Interchange
import ROIEngine
import Reports
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

      /// The whole file is read, parsed and checked before the write transaction starts, so other
      /// commands wait for this one only while the new rows are moved in.
      func run() throws {
        let dialect = try csv.dialect()
        let store = try database.open()
        let settings = try store.read { try $0.settings() }
        let (input, resolved) = try csv.open(source.file, dialect)
        let reader = try ExpenseCSVReader(
          reader: input, dialect: resolved, ignoring: dialect.ignoredColumns, currency: settings.currency, settings: settings)
        let session = try store.stageExpenseImport(file: reader.file, currency: settings.currency) { session in
          var problems = ImportProblems(file: reader.file)
          while let row = try reader.next() {
            switch row {
            case .success(let expense): if problems.isEmpty { try session.add(expense) }
            case .failure(let problem): problems.append(problem)
            }
          }
          problems.append(contentsOf: reader.problemsAtEnd())
          try problems.check()
        }
        try store.finishExpenseImport(session, dryRun: source.dryRun) { added, skipped in
          try say(.importedExpenses, [
            "action": text(source.dryRun ? .wouldImport : .imported, ["file": TerminalText.visible(reader.file)]),
            "added": counted(added, .addedOne, .addedMany), "skipped": counted(skipped, .skippedOne, .skippedMany),
            "dialect": resolved.summary(currentLanguage()),
          ])
          try standardOutput.flush()
        }
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

      /// The whole file is read, parsed and checked before the write transaction starts.
      func run() throws {
        let dialect = try csv.dialect()
        let store = try database.open()
        let (metrics, currency) = try store.read { store in (try store.metrics(), try store.settings().currency) }
        let rules = SnapshotRules(metrics: metrics, currency: currency, currentMonth: currentMonth(), allowCurrent: allowCurrent)
        let (input, resolved) = try csv.open(source.file, dialect)
        let reader = try MetricCSVReader(reader: input, dialect: resolved, ignoring: dialect.ignoredColumns, rules: rules)
        var problems = ImportProblems(file: reader.file)
        var snapshots: [Snapshot] = []
        while let (values, issues) = try reader.next() {
          problems.append(contentsOf: issues)
          if problems.isEmpty { snapshots += values }
        }
        problems.append(contentsOf: reader.problemsAtEnd())
        try problems.check()
        try source.write(in: store, { store in
          try store.importSnapshots(snapshots, file: reader.file, metrics: metrics, currency: currency)
        }, confirming: { counts, dryRun in
          try say(.importedMetrics, [
            "action": text(dryRun ? .wouldImport : .imported, ["file": TerminalText.visible(reader.file)]),
            "added": counted(counts.added, .addedOne, .addedMany), "replaced": counted(counts.replaced, .replacedOne, .replacedMany),
            "skipped": counted(counts.unchanged, .skippedOne, .skippedMany), "dialect": resolved.summary(currentLanguage()),
          ])
        })
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
