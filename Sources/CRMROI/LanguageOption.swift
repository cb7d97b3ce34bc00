import ArgumentParser
import ROIEngine
import Reports
import Storage

#if canImport(Glibc)
  import Glibc
#endif

/// `--lang fr|en` on the commands that print for people.
struct LanguageOption: ParsableArguments {
  @Option(help: "fr or en: the language printed for people (default: CRM_ROI_LANG, the locale, the database's setting, English).")
  var lang: String?

  /// The language to print in: this option, the environment, then `store`'s setting, read only
  /// when needed. A stored value this crm-roi does not know counts as none: the language is how
  /// things are said, and `settings set language` must still be able to mend it.
  func language(_ store: Store?) throws -> Language {
    if let decided = try decided() { return decided }
    let stored = try? store?.read { try $0.storedLanguage() }
    return (stored ?? nil) ?? .en
  }

  /// The language to print in: this option, the environment, then `stored`.
  func language(stored: Language?) throws -> Language {
    try decided() ?? stored ?? .en
  }

  /// The language this option or the environment gives, if either does; a bad value is refused,
  /// naming where it came from.
  private func decided() throws -> Language? {
    try parsed(from: lang != nil ? .verbatim("--lang") : Phrase(.sourceEnvironment)) {
      try Language.decided(flag: lang, environment: languageEnvironment())
    }
  }
}

/// The variables the language is read from.
func languageEnvironment() -> [String: String] {
  var environment: [String: String] = [:]
  for name in ["CRM_ROI_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
    if let value = getenv(name) { environment[name] = String(cString: value) }
  }
  return environment
}

/// The language of this run: settled by the command (with the database's setting), else `errorLanguage()`.
func currentLanguage() -> Language { runLanguage ?? errorLanguage() }

/// The language errors are written in: `--lang` if the command line has it, else the environment.
func errorLanguage() -> Language {
  let arguments = CommandLine.arguments
  var flag: String?
  for (index, argument) in arguments.enumerated() {
    if argument == "--lang", index + 1 < arguments.count { flag = arguments[index + 1] }
    if argument.hasPrefix("--lang=") { flag = String(argument.dropFirst("--lang=".count)) }
  }
  // A bad --lang or CRM_ROI_LANG is the error being said: the locale still decides its language.
  var environment = languageEnvironment()
  if let flag, let language = try? Language(parsing: flag) { return language }
  if let language = try? Language.resolve(flag: nil, environment: environment, stored: nil) { return language }
  environment["CRM_ROI_LANG"] = nil
  return (try? Language.resolve(flag: nil, environment: environment, stored: nil)) ?? .en
}
