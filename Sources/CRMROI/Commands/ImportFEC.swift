import ArgumentParser
import Interchange
import Operations
import Reports
import ROIEngine
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

    func run() throws {
      try runImport(.fec, file: file, dryRun: dryRun, csv: nil, database: database) { request in
        request.fecRules = try FECRules(path: rules)
        request.allowCurrent = allowCurrent
      }
    }
  }
}
