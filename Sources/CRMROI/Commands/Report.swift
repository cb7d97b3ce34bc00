import ArgumentParser
import ROIEngine
import Reports
import Storage

extension CRMROI {
  struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "report",
      abstract: "Write the ROI report as one self-contained HTML page with charts.")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "The HTML file to write.")
    var output: String

    @OptionGroup var analysis: AnalysisOptions

    func run() throws {
      let store = try database.open()
      let discount = try analysis.discount()
      let (report, expenses) = try store.read { store in
        (try store.report(discount: discount, project: analysis.project), try store.expenses())
      }
      try writeFile(output, HTMLReport.render(report, expenses: expenses))
      try show("Wrote \(TerminalText.visible(output))")
    }
  }
}
