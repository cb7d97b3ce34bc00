import ArgumentParser
import ROIEngine
import Reports
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

    func run() throws {
      let store = try database.open()
      let (impacts, currency, asOf) = try store.read { store in
        let settings = try store.settings()
        let snapshots = try store.snapshots()
        let impacts = try ROICalculator.impact(settings: settings, metrics: try store.metrics(), snapshots: snapshots, names: names)
        return (impacts, settings.currency, snapshots.map(\.month).max() ?? settings.goLive.advanced(by: -1))
      }
      switch format {
      case .table: try show(ImpactReport.text(impacts, currency: currency, asOf: asOf, markdown: false, language: currentLanguage()), terminator: "")
      case .markdown: try show(ImpactReport.text(impacts, currency: currency, asOf: asOf, markdown: true, language: currentLanguage()), terminator: "")
      case .csv: try show(ImpactReport.csv(impacts, currency: currency, locale: csv.locale), terminator: "")
      case .json: try show(ImpactReport.json(impacts, currency: currency, asOf: asOf), terminator: "")
      }
    }
  }
}
