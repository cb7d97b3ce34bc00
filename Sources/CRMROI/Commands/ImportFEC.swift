import ArgumentParser
import Interchange
import ROIEngine
import Reports
import Storage

extension CRMROI.Import {
  struct FEC: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "fec",
      abstract: "Import CRM expenses and monthly metrics from a FEC (French accounting export), all or nothing.",
      discussion: """
        The rules file picks the CRM lines, one rule a line (# comments):
          account 651 license              (account prefix -> category)
          supplier "OVH" service           (the entry's 401… CompAuxLib contains OVH: its class-6 and class-2 lines)
          label /CRM|Salesforce/ license   (a pattern on EcritureLib, any case)
          metric sales account 70 credit   (per month: Credit − Debit of 70… lines; debit: Debit − Credit)
        Each expense's source is fec:JOURNAL:NUM:LINE, so lines already imported are skipped.
        VAT lines (4456…) never count; a picked line with Debit − Credit ≤ 0 is left out.
        """)

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The FEC file (tab- or |-separated, UTF-8 or ISO-8859-15/Windows-1252); - reads standard input.")
    var file: String

    @Option(help: "The rules file that picks the CRM expenses and metrics.")
    var rules: String

    @Flag(help: "Check the files and say what would be imported, writing nothing.")
    var dryRun = false

    @Flag(help: "Accept metric values for the month still running (its figures are partial until it ends).")
    var allowCurrent = false

    /// Both files are read, parsed and checked before the write transaction starts; it adds the
    /// expenses and logs the metric values together, or nothing.
    func run() throws {
      let store = try database.open()
      let (metrics, settings) = try store.read { store in (try store.metrics(), try store.settings()) }
      let currency = settings.currency
      let rules = try FECRules(path: self.rules)
      let fec = try FECFile(path: file, currency: currency)
      let earliest = settings.goLive.advanced(by: -12 * ExpenseFields.yearsBeforeGoLive)
      let pick = try FECPick(fec, rules: rules, earliest: earliest)
      let snapshotRules = SnapshotRules(metrics: metrics, currency: currency, currentMonth: currentMonth(), allowCurrent: allowCurrent)
      let snapshots = try pick.snapshots(snapshotRules, fec: fec, rules: rules)
      let dryRun = self.dryRun
      try store.transaction { writer in
        let expenses = try writer.addSourced(pick.items.map { ($0.expense, $0.source) })
        let values =
          snapshots.isEmpty
          ? StoreWriter.LogCounts() : try writer.importSnapshots(snapshots, file: fec.file, metrics: metrics, currency: currency)
        let name = TerminalText.visible(fec.file)
        try say(.importedFEC, [
          "action": text(dryRun ? .wouldImport : .imported, ["file": name]),
          "added": counted(expenses.added, .expensesAddedOne, .expensesAddedMany), "skipped": counted(expenses.skipped, .skippedOne, .skippedMany),
          "credits": counted(pick.creditLinesLeftOut, .creditLinesOne, .creditLinesMany),
          "values": counted(values.added, .valuesAddedOne, .valuesAddedMany), "replaced": counted(values.replaced, .replacedOne, .replacedMany),
          "encoding": fec.encoding.displayName,
        ])
        try standardOutput.flush()
        return ((), dryRun ? .rollback : .commit)
      }
    }
  }
}
