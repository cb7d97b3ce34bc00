import ArgumentParser
import Operations
import Reports
import ROIEngine
import Storage

extension CRMROI {
  struct ROI: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "roi",
      abstract: "The quarterly ROI history, total cost of ownership, payback and objectives.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
      case table, csv, json, markdown
    }

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var csv: CSVLocaleOption

    @Option(help: "table, csv, json or markdown.")
    var format: Format = .table

    @Option(help: "First quarter to show, like 2025Q2 (FY2026Q1 when the fiscal year starts later).")
    var from: String?

    @Option(help: "Last quarter: rows, payback and objectives as of its end.")
    var to: String?

    @OptionGroup var analysis: AnalysisOptions

    @Flag(help: "Add a chart of the cumulative net position per quarter under the table (colored on a terminal unless NO_COLOR is set).")
    var chart = false

    @Flag(help: "Show every column of the quarterly table (cumulative cost and benefit, missing months), wider than 80 columns.")
    var wide = false

    @Flag(help: "Add the TEI cash-flow table (Initial, Year 1 … Year H, Total, present value) with its ROI, benefit/cost ratio, payback and IRR.")
    var tei = false

    @Flag(help: "Count a month whose orders stop before its end (an export taken mid-month) as a whole month; by default the report stops at the month before it.")
    var allowIncomplete = false

    func run() throws {
      let store = try database.open()
      let discount = try analysis.discount()
      let report = try store.read { store in
        let fiscalYearStart = try store.settings().fiscalYearStart
        func quarter(_ option: String, _ text: String?) throws -> Quarter? {
          try text.map { text in try parsed(from: option) { try Quarter(parsing: text, fiscalYearStart: fiscalYearStart) } }
        }
        return try store.report(
          from: try quarter("--from", from), through: try quarter("--to", to), discount: discount, project: analysis.project,
          allowIncomplete: allowIncomplete)
      }
      let rows = report.quarters
      let language = currentLanguage()
      switch format {
      case .table:
        try show(TextReport.render(report, rows: rows, markdown: false, wide: wide, tei: tei, language: language), terminator: "")
        if chart {
          try show("\n" + TerminalChart.render(rows, currency: report.currency, colors: colorsWanted(), language: language), terminator: "")
        }
      case .markdown: try show(TextReport.render(report, rows: rows, markdown: true, tei: tei, language: language), terminator: "")
      case .csv: try show(TextReport.csv(report, rows: rows, locale: csv.locale), terminator: "")
      case .json: try show(JSONReport.render(report, rows: rows), terminator: "")
      }
    }
  }
}
