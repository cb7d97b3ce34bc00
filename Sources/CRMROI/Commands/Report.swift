import ArgumentParser
import Operations
import Reports
import ROIEngine
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
      let (report, expenses, impacts) = try store.read { store in
        let report = try store.report(discount: discount, project: analysis.project)
        // On the report's baseline (the one `auto` chose), as the dashboard does.
        let impacts = try ROICalculator.impact(settings: report.settings, metrics: try store.metrics(), snapshots: try store.snapshots())
        return (report, try store.expenses(), impacts)
      }
      try writeFile(output, HTMLReport.render(report, expenses: expenses, impacts: impacts, language: currentLanguage()))
      try say(.wrote, ["path": TerminalText.visible(output)])
    }
  }
}
