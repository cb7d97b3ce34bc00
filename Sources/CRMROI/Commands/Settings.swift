import ArgumentParser
import ROIEngine
import Storage

extension CRMROI {
  struct SettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "settings",
      abstract: "Show or change the settings.",
      subcommands: [Show.self, SetValue.self],
      defaultSubcommand: Show.self)

    struct Show: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show the settings.")

      @OptionGroup var database: DatabaseOptions

      func run() throws {
        let store = try database.open()
        let (settings, language) = try store.read { (try $0.settings(), try $0.storedLanguage()) }
        try show(SettingsText.render(settings, language: language), terminator: "")
      }
    }

    struct SetValue: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Change one setting.",
        discussion: "KEY is one of: \(SettingsText.keys.joined(separator: ", ")).")

      @OptionGroup var database: DatabaseOptions

      @Argument(help: "The setting to change.")
      var key: String

      @Argument(help: "Its new value.")
      var value: String

      @Flag(help: "Change the currency's code while amounts are stored, without converting them.")
      var relabel = false

      func run() throws {
        let store = try database.open()
        if key == "language" {
          // A presentation setting, kept beside the method's: "none" clears it.
          let language = value == "none" ? nil : try parsed(from: "settings set language") { try Language(parsing: value) }
          try write(store, { store in
            try store.setLanguage(language)
            return try store.settings()
          }, confirming: { settings in try show(SettingsText.render(settings, language: language), terminator: "") })
          return
        }
        _ = try write(store, { store in
          var settings = try store.settings()
          let old = settings
          try SettingsText.apply(key: key, value: value, to: &settings)
          return (old, settings, try store.update(settings, relabel: relabel))
        }, confirming: { (old, updated, relabelled) in
          if relabelled {
            try show("Relabelled the amounts from \(old.currency.code) to \(updated.currency.code); they were not converted.")
          }
          try show(SettingsText.render(updated, language: try store.read { try $0.storedLanguage() }), terminator: "")
        })
      }
    }
  }
}

/// The settings as `settings` shows them and `settings set` takes them.
enum SettingsText {
  static let keys = ["currency", "go-live", "baseline-months", "horizon-years", "fiscal-year-start", "baseline-method", "language"]

  static func render(_ settings: ROIEngine.Settings, language: Language? = nil) -> String {
    """
    currency           \(settings.currency.code) (\(settings.currency.minorUnits) decimals)
    go-live            \(settings.goLive)
    baseline-months    \(settings.baselineMonths) (\(settings.baselineWindow.lowerBound) to \(settings.baselineWindow.upperBound))
    horizon-years      \(settings.horizonYears) (recurring costs until \(settings.horizonEnd))
    fiscal-year-start  \(settings.fiscalYearStart) (go-live is in \(settings.quarter(containing: settings.goLive)))
    baseline-method    \(settings.baselineMethod.rawValue)
    language           \(language?.rawValue ?? "not set (--lang, CRM_ROI_LANG or the locale, else en)")

    """
  }

  static func apply(key: String, value: String, to settings: inout ROIEngine.Settings) throws {
    try parsed(from: "settings set \(key)") {
      switch key {
      case "currency": settings.currency = try Currency(code: value)
      case "go-live": settings.goLive = try Month(parsing: value)
      case "baseline-months":
        settings.baselineMonths = try ROIEngine.Settings.parseInteger(value, in: ROIEngine.Settings.baselineMonthsRange)
      case "horizon-years":
        settings.horizonYears = try ROIEngine.Settings.parseInteger(value, in: ROIEngine.Settings.horizonYearsRange)
      case "fiscal-year-start":
        settings.fiscalYearStart = try ROIEngine.Settings.parseInteger(value, in: ROIEngine.Settings.fiscalYearStartRange)
      case "baseline-method": settings.baselineMethod = try BaselineMethod(parsing: value)
      default:
        throw ValueError(value: key, expected: "a setting: " + keys.joined(separator: ", "))
      }
      try settings.validate()
    }
  }
}
