import ArgumentParser
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

    func run() throws {
      let store = try database.open()
      let (report, expenses) = try store.read { (try store.report(), try store.expenses()) }
      try writeFile(output, HTMLReport.render(report, expenses: expenses))
      print("Wrote \(output)")
    }
  }
}
