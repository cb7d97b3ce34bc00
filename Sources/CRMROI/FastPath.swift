import ArgumentParser
import ROIEngine

/// Two invocations that scripts run over and over, recognised without swift-argument-parser,
/// whose parse of a command costs more than the command itself: it reflects over every option and
/// looks up protocol conformances, each first look-up a scan of all of the binary's (about 10 million
/// instructions for `expense add`, against 2 million for opening the file and writing the row).
///
/// Only the plain form is taken here: `--version` alone, and `expense add` followed by
/// `--name value` pairs of its own options, each at most once, `--date` and `--category` given,
/// and no value that swift-argument-parser would read as an option. Anything else (help, `-h`,
/// `--name=value`, an unknown or repeated option, a missing value or a missing required option)
/// goes to swift-argument-parser, which parses it, or reports it, as always.
enum FastPath {
  enum Outcome {
    case version(String)
    case command(ParsableCommand)
  }

  static func parse(_ arguments: ArraySlice<String>) -> Outcome? {
    let version = CRMROI.configuration.version
    if arguments.count == 1, arguments.first == "--version", !version.isEmpty { return .version(version) }
    guard arguments.count >= 2, arguments[arguments.startIndex] == "expense", arguments[arguments.startIndex + 1] == "add"
    else { return nil }
    return expenseAdd(arguments.dropFirst(2)).map { .command($0) }
  }

  /// `expense add`'s options: the database's and one per declared field; those parsed
  /// `.unconditional` (numbers and free text) take any value, even one starting with '-'.
  private static let expenseAddOptions: [String: Bool] = ["db": false, "lang": false].merging(
    ExpenseFields.Field.allCases.map { ($0.rawValue, $0.isNumber || $0.textAccess != nil) }, uniquingKeysWith: { first, _ in first })

  static func expenseAdd(_ arguments: ArraySlice<String>) -> CRMROI.ExpenseCommand.Add? {
    var values: [String: String] = [:]
    var rest = arguments
    while let option = rest.popFirst() {
      guard option.hasPrefix("--") else { return nil }
      let name = String(option.dropFirst(2))
      guard let unconditional = expenseAddOptions[name], values[name] == nil, let value = rest.popFirst(),
        unconditional || !value.hasPrefix("-")
      else { return nil }
      values[name] = value
    }
    guard let date = values["date"], let category = values["category"] else { return nil }
    var language = LanguageOption()
    language.lang = values["lang"]
    var database = DatabaseOptions()
    database.db = values["db"]
    database.language = language
    var command = CRMROI.ExpenseCommand.Add()
    command.database = database
    var fields = ExpenseFieldOptions()
    (fields.date, fields.category, fields.details) = (date, category, ExpenseDetailOptions())
    for field in ExpenseFields.Field.allCases where field != .date && field != .category { fields[field] = values[field.rawValue] }
    command.fields = fields
    return command
  }
}
