import ROIEngine

/// Why the store refused a request. Each names the value at fault and what to do instead.
public enum StoreError: Error, Equatable, CustomStringConvertible {
  case noDatabase(path: String)
  case isDirectory(path: String)
  case notCRMROIDatabase(path: String)
  case newerSchema(path: String, found: Int, supported: Int)
  case notInitialized(path: String)
  case alreadyInitialized(path: String)
  case unknownMetric(name: String, known: [String])
  case duplicateMetric(name: String)
  case metricHasSnapshots(name: String, count: Int)
  case noSuchExpense(id: Int64)
  case currencyChangesMinorUnits(from: Currency, to: Currency)
  case currencyNeedsRelabel(from: Currency, to: Currency)
  case notEmpty(path: String)
  case notWritable(path: String)
  case folderNotWritable(path: String, folder: String)
  case notARegularFile(path: String)
  case emptyFile(path: String)
  /// Text in the file that no case of its closed list matches (a kind, a category, an action).
  case unexpectedStoredValue(table: String, row: Int64, column: String, value: String)
  case corrupt(path: String, detail: String)
  case expenseNotRemoved(id: Int64)
  case backupExists(path: String)
  case backupOntoItself(path: String)
  case kindDoesNotFitValue(metric: String, kind: String, month: String, value: String)
  case goLiveLeavesExpenseBehind(goLive: Month, expenseDate: String)
  case targetNotARegularFile(path: String)
  case targetIsADatabase(path: String)
  case changedDuringImport(file: String)
  /// A month's order series does not fit a metric value (64 bits, 4 decimals).
  case derivedValueOutOfRange(metric: String, month: Month)
  /// Two first order imports at once: the other stored its customer key first.
  case customerKeyRaced(file: String)

  public var description: String {
    switch self {
    case .noDatabase(let path):
      "no crm-roi database at '\(path)'; create one with: crm-roi init --go-live YYYY-MM --db \(path)"
    case .isDirectory(let path):
      "database path '\(path)' is a directory; expected a file path like \(path)/crm-roi.sqlite"
    case .notCRMROIDatabase(let path):
      "'\(path)' is not a crm-roi database; expected a file made by crm-roi init (the file was not changed)"
    case .newerSchema(let path, let found, let supported):
      "'\(path)' has schema version \(found), newer than this crm-roi supports (\(supported)); upgrade crm-roi"
    case .notInitialized(let path):
      "'\(path)' has no settings yet; run: crm-roi init --go-live YYYY-MM --db \(path)"
    case .alreadyInitialized(let path):
      "'\(path)' is already initialised; change a setting with: crm-roi settings set KEY VALUE"
    case .unknownMetric(let name, let known):
      UnknownMetric(name: name, known: known).description
    case .duplicateMetric(let name):
      "metric '\(name)' already exists; expected a new name (see crm-roi metric list)"
    case .metricHasSnapshots(let name, let count):
      "metric '\(name)' has \(count) snapshot\(count == 1 ? "" : "s"); pass --force to remove it with \(count == 1 ? "it" : "them")"
    case .noSuchExpense(let id):
      "no expense with id \(id); expected an id shown by crm-roi expense list"
    case .currencyChangesMinorUnits(let from, let to):
      "currency '\(to.code)' has \(to.minorUnits) decimals but the stored amounts are in \(from.code) with \(from.minorUnits);"
        + " expected a currency with \(from.minorUnits) decimals (amounts are never converted)"
    case .currencyNeedsRelabel(let from, let to):
      "amounts are stored in \(from.code); changing the currency to \(to.code) relabels them without converting them;"
        + " expected: crm-roi settings set currency \(to.code) --relabel"
    case .notWritable(let path):
      "'\(path)' cannot be read and written by this user; expected a database file you may write (check its permissions)"
    case .folderNotWritable(let path, let folder):
      "the folder '\(folder)' of database '\(path)' cannot be written by this user (SQLite keeps its journal beside the file);"
        + " expected a folder you may write"
    case .notARegularFile(let path):
      "'\(path)' is not a regular file (a device, pipe or socket); expected a database file made by crm-roi init"
    case .unexpectedStoredValue(let table, let row, let column, let value):
      "table \(table), row \(row), column \(column) holds '\(value)', which this crm-roi does not know;"
        + " expected a value crm-roi writes (was the file changed by another program or a newer crm-roi?)"
    case .emptyFile(let path):
      "'\(path)' is an empty file, not a crm-roi database (the file was not changed); create one with: crm-roi init --go-live YYYY-MM --db \(path)"
    case .corrupt(let path, let detail):
      "'\(path)' is damaged (\(detail)); expected an intact database: restore it from a backup (crm-roi backup)"
    case .backupExists(let path):
      "'\(path)' already exists; expected a new file name, or --force to replace it"
    case .targetNotARegularFile(let path):
      "'\(path)' is not a regular file (a device, a pipe or a folder); expected a file path to write (nothing was changed)"
    case .targetIsADatabase(let path):
      "'\(path)' is an SQLite database, which this would overwrite; expected another file name (nothing was changed)"
    case .goLiveLeavesExpenseBehind(let goLive, let date):
      "go-live \(goLive) would put the expense of \(date) more than 10 years before it (likely a typo);"
        + " expected a go-live within 10 years of every expense"
    case .kindDoesNotFitValue(let metric, let kind, let month, let value):
      "metric '\(metric)' cannot become a \(kind) metric: its value \(value) for \(month) does not fit that kind;"
        + " expected a kind its values fit (fix the value first with crm-roi log \(month) \(metric)=VALUE, or crm-roi unlog \(month) \(metric))"
    case .backupOntoItself(let path):
      "'\(path)' is the database itself; expected another file for the backup"
    case .expenseNotRemoved(let id):
      "expense \(id) is not removed; expected the id of a removed expense (see crm-roi history)"
    case .changedDuringImport(let file):
      "the currency or the metrics changed while '\(file)' was read, so its values may read differently now;"
        + " nothing was imported: expected no change meanwhile (run the import again)"
    case .customerKeyRaced(let file):
      "another import stored the database's first orders while '\(file)' was read, so its customers were keyed"
        + " differently; nothing was imported: expected one first import at a time (run it again)"
    case .derivedValueOutOfRange(let metric, let month):
      "the orders of \(month) sum past what '\(metric)' can hold; expected monthly sums below 922,337,203,685,477"
    case .notEmpty(let path):
      "'\(path)' already exists and is not a crm-roi demo database; expected a new path for the demo"
    }
  }
}
