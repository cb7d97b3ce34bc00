import ArgumentParser
import ROIEngine
import Reports
import Storage

extension CRMROI {
  struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "init",
      abstract: "Create a database and store its settings.",
      discussion: "Example: crm-roi init --go-live 2025-04 --currency EUR --fiscal-year-start 4")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "The first month the CRM is in use (YYYY-MM).")
    var goLive: String

    @Option(help: "ISO 4217 currency code.")
    var currency = "EUR"

    @Option(help: "Months before go-live that form the baseline.")
    var baselineMonths = "12"

    @Option(help: "Planned years of use; recurring costs count until then.")
    var horizonYears = "5"

    @Option(help: "First month of the fiscal year, 1 (January) to 12.")
    var fiscalYearStart = "1"

    func run() throws {
      let settings = ROIEngine.Settings(
        currency: try parsed(from: "--currency") { try Currency(code: currency) },
        goLive: try parsed(from: "--go-live") { try Month(parsing: goLive) },
        baselineMonths: try parsed(from: "--baseline-months") {
          try ROIEngine.Settings.parseInteger(baselineMonths, in: ROIEngine.Settings.baselineMonthsRange)
        },
        horizonYears: try parsed(from: "--horizon-years") {
          try ROIEngine.Settings.parseInteger(horizonYears, in: ROIEngine.Settings.horizonYearsRange)
        },
        fiscalYearStart: try parsed(from: "--fiscal-year-start") {
          try ROIEngine.Settings.parseInteger(fiscalYearStart, in: ROIEngine.Settings.fiscalYearStartRange)
        },
        baselineMethod: .auto)
      try parsed(from: Phrase(.sourceGoLiveAndHorizon)) { try settings.validate() }
      let path = try database.checkedPath()
      let store = try Store.openOrCreate(path: path)
      try write(store, { store in try store.initialize(settings) }, confirming: {
        try say(.created, ["path": TerminalText.visible(path)])
        try show(SettingsText.render(settings, language: nil, in: currentLanguage()), terminator: "")
      })
    }
  }
}
