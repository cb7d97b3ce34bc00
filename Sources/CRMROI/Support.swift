import ArgumentParser
import ROIEngine
import Storage

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Options every command takes.
struct DatabaseOptions: ParsableArguments {
  @Option(help: "The database file. Default: $CRM_ROI_DB, else $XDG_DATA_HOME/crm-roi/crm-roi.sqlite.")
  var db: String?

  @OptionGroup var language: LanguageOption

  /// --db, else CRM_ROI_DB, else $XDG_DATA_HOME (or ~/.local/share)/crm-roi/crm-roi.sqlite.
  var path: String {
    if let db { return db }
    if let path = environment("CRM_ROI_DB"), !path.isEmpty { return path }
    let dataHome = environment("XDG_DATA_HOME").flatMap { $0.isEmpty ? nil : $0 }
      ?? (environment("HOME") ?? ".") + "/.local/share"
    return dataHome + "/crm-roi/crm-roi.sqlite"
  }

  /// `path`, refused when it names no file: empty, SQLite's ":memory:" or a "file:" URI.
  func checkedPath() throws -> String {
    try databaseFilePath(path, from: db != nil ? "--db" : "CRM_ROI_DB")
  }

  /// The existing database (an error names the path when there is none); the calendar month still
  /// running feeds no value from orders. Settles the run's language: `--lang`, the environment,
  /// then the database's setting.
  func open() throws -> Store {
    runLanguage = try language.language(nil)
    let store = try Store.open(path: try checkedPath())
    store.runningMonth = try RunningMonth.current()
    runLanguage = try language.language(store)
    return store
  }
}

/// `path` when it names a database file; "" and SQLite's special names (":memory:", "file:" URIs)
/// would give a database that is not that file, or none.
func databaseFilePath(_ path: String, from source: String) throws -> String {
  guard path.isEmpty || path == ":memory:" || path.hasPrefix("file:") || path.hasSuffix("/") else { return path }
  throw InputError(
    source: source,
    error: ValueError(value: path, expected: Phrase(.formDatabasePath)))
}

/// The options of part 5's views, shared by `roi` and `report`.
struct AnalysisOptions: ParsableArguments {
  @Option(parsing: .unconditional, help: "Annual discount rate of the discounted view, like 10%.")
  var discountRate = "10%"

  @Option(parsing: .unconditional, help: "Share of the benefit set aside as uncertain in the discounted view, like 20%.")
  var risk = "0%"

  @Flag(help: "Project the pace of the last 12 months (fewer since go-live) to the horizon end: lifetime benefit and ROI, break-even.")
  var project = false

  func discount() throws -> DiscountOptions {
    DiscountOptions(
      rate: try percent("--discount-rate", discountRate, in: DiscountOptions.rateRange),
      risk: try percent("--risk", risk, in: DiscountOptions.riskRange))
  }
}

/// A percent option checked against its range (ten-thousandths of a percent).
private func percent(_ option: String, _ text: String, in range: ClosedRange<Int64>) throws -> Percent {
  try parsed(from: option) {
    let value = try Percent(parsing: TypedNumber.plain(text, currentLanguage()))
    guard range.contains(value.tenThousandths) else {
      throw ValueError(
        value: text,
        expected: Phrase(.formPercentRange, ["low": "\(Percent(tenThousandths: range.lowerBound))", "high": "\(Percent(tenThousandths: range.upperBound))"]))
    }
    return value
  }
}

/// A value from the command line that is not in its accepted form: which argument, the value, the form.
struct InputError: ExplainedError {
  /// An option like --amount or an argument's name, as the command line writes it; or a phrase.
  let source: Phrase
  let error: ValueError

  init(source: String, error: ValueError) {
    self.init(source: .verbatim(source), error: error)
  }

  init(source: Phrase, error: ValueError) {
    (self.source, self.error) = (source, error)
  }

  var phrase: Phrase { Phrase(.fromSource, phrases: ["source": .phrase(source), "error": .phrase(error.phrase)]) }
}

/// Runs `parse` and names `source` (an option like --amount, or an argument) in its error.
func parsed<T>(from source: String, _ parse: () throws -> T) throws -> T {
  try parsed(from: .verbatim(source), parse)
}

func parsed<T>(from source: Phrase, _ parse: () throws -> T) throws -> T {
  do {
    return try parse()
  } catch let error as ValueError {
    throw InputError(source: source, error: error)
  }
}

func environment(_ name: String) -> String? {
  getenv(name).map { String(cString: $0) }
}

/// Writes `text` to standard error as it is: the caller makes user text in it visible.
func writeError(_ text: String) {
  _ = Array(text.utf8).withUnsafeBytes { writeAll($0, to: 2) }
}


/// The language of this run's text: set from `--lang` and the environment, then with the
/// database's setting once it is open; until then, errors follow `errorLanguage()`.
nonisolated(unsafe) var runLanguage: Language?

/// `message` in this run's language.
func text(_ message: Message, _ values: [String: String] = [:]) -> String {
  Catalogue.text(message, currentLanguage(), values)
}

/// `number` with the singular or plural message of this run's language.
func counted(_ number: Int, _ one: Message, _ many: Message) -> String {
  PeopleFormat(currentLanguage()).counted(number, one, many)
}

/// Writes `message` in this run's language, and a new line.
func say(_ message: Message, _ values: [String: String] = [:]) throws {
  try show(text(message, values))
}

/// Standard output in 64 KiB writes, each checked: a failed write throws `FileError` (exit 74)
/// and nothing more is written. Every command writes through `standardOutput` (never `print`,
/// which drops write errors); `main` flushes it, checked too, before the process exits.
final class OutputBuffer {
  private let descriptor: Int32
  private var bytes: [UInt8] = []
  private var failure: FileError?

  init(descriptor: Int32) {
    self.descriptor = descriptor
    bytes.reserveCapacity(1 << 17)
  }

  func append(_ text: String) throws {
    if let failure { throw failure }
    bytes.append(contentsOf: text.utf8)
    if bytes.count >= 1 << 16 { try flush() }
  }

  func line(_ text: String) throws {
    try append(text)
    try append("\n")
  }

  func flush() throws {
    if let failure { throw failure }
    guard !bytes.isEmpty else { return }
    defer { bytes.removeAll(keepingCapacity: true) }
    if let code = bytes.withUnsafeBytes({ writeAll($0, to: descriptor) }) {
      failure = FileError(.standardOutput, code: code)
      throw failure!
    }
  }
}

/// The process's standard output; the command line tool has one thread.
nonisolated(unsafe) let standardOutput = OutputBuffer(descriptor: 1)

/// Writes `text` and `terminator` to standard output, like `print` but checked.
func show(_ text: String, terminator: String = "\n") throws {
  try standardOutput.append(text)
  try standardOutput.append(terminator)
}

/// Runs `body` as one write, then `confirm`s it on standard output, flushed, before the commit:
/// when the confirmation cannot be written (a full disk, a closed pipe), the change is rolled back,
/// so a failed command never leaves its change behind.
@discardableResult
func write<T>(_ store: Store, _ body: (StoreWriter) throws -> T, confirming confirm: (T) throws -> Void) throws -> T {
  try store.write { writer in
    let result = try body(writer)
    try confirm(result)
    try standardOutput.flush()
    return result
  }
}

/// Colors only on a terminal, and never when NO_COLOR is set to anything (no-color.org).
func colorsWanted() -> Bool {
  isatty(1) == 1 && (environment("NO_COLOR") ?? "").isEmpty && environment("TERM") != "dumb"
}

/// Replaces `path` with `text` through a new temporary file beside it (see `FileReplacement`):
/// `path` is the old file or the whole new one. The new file is readable by all (0644 less the
/// umask), as a report meant to be shared.
func writeFile(_ path: String, _ text: String) throws {
  let file = try FileReplacement(target: path)
  try file.write(text)
  let mask = umask(0)
  umask(mask)
  try file.commit(mode: 0o644 & ~mask)
}
