/// The language people read crm-roi in. Machine formats (JSON, CSV) do not change with it.
public enum Language: String, CaseIterable, Sendable {
  case en, fr

  public static let expectedForm = Phrase(.formLanguage)

  /// `--lang`'s value, in any case.
  public init(parsing text: String) throws {
    guard let language = Language(rawValue: text.lowercased()) else { throw ValueError(value: text, expected: Language.expectedForm) }
    self = language
  }

  /// The first found wins: `flag` (`--lang`); `CRM_ROI_LANG`; the first set of `LC_ALL`,
  /// `LC_MESSAGES`, `LANG` that names French or English (`fr_FR.UTF-8`, `en_GB`; `C`, `POSIX` and
  /// others go on to the next); the database's setting; English. A bad `--lang` or
  /// `CRM_ROI_LANG` is refused, naming where it came from.
  public static func resolve(flag: String?, environment: [String: String], stored: Language?) throws -> Language {
    try decided(flag: flag, environment: environment) ?? stored ?? .en
  }

  /// The language `flag` or the environment gives, if they give one (the first three of `resolve`).
  public static func decided(flag: String?, environment: [String: String]) throws -> Language? {
    if let flag { return try Language(parsing: flag) }
    if let variable = environment["CRM_ROI_LANG"], !variable.isEmpty {
      do {
        return try Language(parsing: variable)
      } catch let error as ValueError {
        throw ValueError(value: error.value, expected: Phrase(.formLanguageVariable))
      }
    }
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      guard let value = environment[name]?.lowercased(), !value.isEmpty else { continue }
      if value == "fr" || value.hasPrefix("fr_") || value.hasPrefix("fr.") { return .fr }
      if value == "en" || value.hasPrefix("en_") || value.hasPrefix("en.") { return .en }
    }
    return nil
  }
}
