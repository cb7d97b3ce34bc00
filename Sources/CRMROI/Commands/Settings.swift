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
        try show(SettingsText.render(settings, language: language, in: currentLanguage()), terminator: "")
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
          let language = value.lowercased() == "none" ? nil : try parsed(from: "settings set language") {  // no-catalogue: a command
            guard let language = Language(rawValue: value.lowercased()) else { throw ValueError(value: value, expected: Phrase(.formLanguageOrNone)) }
            return language
          }
          runLanguage = try database.language.language(stored: language)
          try write(store, { store in
            try store.setLanguage(language)
            return try store.settings()
          }, confirming: { settings in try show(SettingsText.render(settings, language: language, in: currentLanguage()), terminator: "") })
          return
        }
        _ = try write(store, { store in
          var settings = try store.settings()
          let old = settings
          try SettingsText.apply(key: key, value: value, to: &settings)
          return (old, settings, try store.update(settings, relabel: relabel))
        }, confirming: { (old, updated, relabelled) in
          if relabelled {
            try say(.relabelled, ["from": old.currency.code, "to": updated.currency.code])
          }
          try show(SettingsText.render(updated, language: try store.read { try $0.storedLanguage() }, in: currentLanguage()), terminator: "")
        })
      }
    }
  }
}

/// The settings as `settings` shows them and `settings set` takes them.
enum SettingsText {
  static let keys = ["currency", "go-live", "baseline-months", "horizon-years", "fiscal-year-start", "baseline-method", "language"]

  /// `stored`: the database's language setting; `language`: the one to write in.
  static func render(_ settings: ROIEngine.Settings, language stored: Language?, in language: Language) -> String {
    Catalogue.text(.settingsShown, language, [
      "currency": settings.currency.code, "decimals": "\(settings.currency.minorUnits)", "goLive": "\(settings.goLive)",
      "baselineMonths": "\(settings.baselineMonths)", "first": "\(settings.baselineWindow.lowerBound)",
      "last": "\(settings.baselineWindow.upperBound)", "horizonYears": "\(settings.horizonYears)", "horizonEnd": "\(settings.horizonEnd)",
      "fiscalYearStart": "\(settings.fiscalYearStart)",
      "quarter": PeopleFormat(language).quarter(settings.quarter(containing: settings.goLive)),
      "baselineMethod": settings.baselineMethod.rawValue,
      "language": stored?.rawValue ?? Catalogue.text(.languageNotSet, language),
    ]) + "\n"
  }

  static func apply(key: String, value: String, to settings: inout ROIEngine.Settings) throws {
    try parsed(from: "settings set \(key)") {  // no-catalogue: a command
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
        throw ValueError(value: key, expected: Phrase(.formSetting, ["keys": keys.joined(separator: ", ")]))
      }
      try settings.validate()
    }
  }
}
