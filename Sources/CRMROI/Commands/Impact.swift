import ArgumentParser
import Operations
import Reports
import ROIEngine
import Storage

extension CRMROI {
  struct Impact: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "impact",
      abstract: "Each metric before and after go-live: baseline, average since, difference, money a month, month by month.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
      case table, csv, json, markdown
    }

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var csv: CSVLocaleOption

    @Argument(help: "Metric names; none for every metric.")
    var names: [String] = []

    @Option(help: "table, csv, json or markdown.")
    var format: Format = .table

    @Flag(help: "Count a month whose orders stop before its end as a whole month (see roi --allow-incomplete).")
    var allowIncomplete = false

    func run() throws {
      let store = try database.open()
      let (impacts, currency, asOf, warnings) = try store.read { store in
        let settings = try store.settings()
        let metrics = try store.metrics()
        let (snapshots, sources) = try store.completeSnapshots(metrics: metrics, allowIncomplete: allowIncomplete)
        let impacts = try ROICalculator.impact(settings: settings, metrics: metrics, snapshots: snapshots, names: names)
        // What makes the metrics' own figures less sure: the orders' history and coverage.
        let warnings = SourceWarnings.all(sources, settings: settings, metrics: metrics).filter {
          [.customerHistoryShort, .incompleteMonth, .ordersWithoutCustomer].contains($0.code)
        }
        return (impacts, settings.currency, snapshots.map(\.month).max() ?? settings.goLive.advanced(by: -1), warnings)
      }
      let language = currentLanguage()
      // The ROI report's verdict heads the impact; a history no report can be made of has none.
      let report = try? store.read { try $0.report(allowIncomplete: allowIncomplete) }
      let sentence = report.map { VerdictText.sentence($0, language: language) }
      let notes = warnings.map { Catalogue.text(.checkWarning, language, ["code": $0.code.rawValue, "message": $0.text(language)]) + "\n" }.joined()
      switch format {
      case .table: try show(ImpactReport.text(impacts, currency: currency, asOf: asOf, markdown: false, language: language, verdict: sentence) + notes, terminator: "")
      case .markdown: try show(ImpactReport.text(impacts, currency: currency, asOf: asOf, markdown: true, language: language, verdict: sentence) + notes, terminator: "")
      case .csv: try show(ImpactReport.csv(impacts, currency: currency, locale: csv.locale), terminator: "")
      case .json: try show(ImpactReport.json(
        impacts, currency: currency, asOf: asOf,
        verdict: report.flatMap { report in report.verdict.map { ($0.status.rawValue, VerdictText.sentence(report, language: .en)) } }), terminator: "")
      }
    }
  }
}
