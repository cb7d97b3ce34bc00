import ROIEngine
import SQLite

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The repository: one crm-roi SQLite file, read and written in domain types.
public final class Store {
  public let path: String
  let database: Database
  /// Prepared once per store, reused for every expense an import or a loop adds.
  var insertExpenseStatement: Statement?
  var auditStatement: Statement?
  /// The expense import staged last: its rows are the connection's temporary table.
  weak var currentImport: ExpenseImport?
  /// The settings as read in the current transaction; a transaction sees one state of the file.
  private var cachedSettings: Settings?

  private init(path: String, database: Database) throws {
    self.path = path
    self.database = database
    try database.setBusyTimeout(milliseconds: 10_000)
  }

  /// Opens an existing database, migrating it forward; never creates a file.
  public static func open(path: String) throws -> Store {
    guard let isDirectory = fileKind(path) else { throw StoreError.noDatabase(path: path) }
    if isDirectory { throw StoreError.isDirectory(path: path) }
    guard access(path, R_OK | W_OK) == 0 else { throw StoreError.notWritable(path: path) }
    let store = try Store(path: path, database: try Database(path: path, mode: .readWrite))
    try store.prepareSchema()
    return store
  }

  /// Opens `path`, creating the file (owner-only) and its folder when missing.
  public static func openOrCreate(path: String) throws -> Store {
    switch fileKind(path) {
    case true?: throw StoreError.isDirectory(path: path)
    case false?: return try open(path: path)
    case nil:
      try createParentDirectory(of: path)
      let previous = umask(0o077)
      defer { umask(previous) }
      let store = try Store(path: path, database: try Database(path: path, mode: .readWriteCreate))
      try store.prepareSchema()
      return store
    }
  }

  /// Refuses files that are not crm-roi databases, are damaged or are newer than this build,
  /// without writing to them; then sets the connection up and migrates.
  private func prepareSchema() throws {
    do {
      let version = try database.schemaVersion
      if version > Migration.latestVersion {
        throw StoreError.newerSchema(path: path, found: version, supported: Migration.latestVersion)
      }
      if version == 0, try database.scalar("SELECT count(*) FROM sqlite_schema") ?? 0 > 0 {
        throw StoreError.notCRMROIDatabase(path: path)
      }
      if version > 0, try database.scalar("SELECT count(*) FROM sqlite_schema WHERE name = 'settings'") != 1 {
        throw StoreError.notCRMROIDatabase(path: path)
      }
      try database.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON")
      if version < Migration.latestVersion { try database.migrate() }
    } catch let error as SQLiteError {
      switch error.primaryCode {
      case 26: throw StoreError.notCRMROIDatabase(path: path)  // SQLITE_NOTADB
      case 11: throw StoreError.corrupt(path: path, detail: error.message)  // SQLITE_CORRUPT
      case 8, 14, 3: throw StoreError.notWritable(path: path)  // SQLITE_READONLY, _CANTOPEN, _PERM
      default: throw error
      }
    }
  }

  /// Runs `body` as one IMMEDIATE transaction: all of it is written, or none.
  public func write<T>(_ body: () throws -> T) throws -> T {
    if !database.isInTransaction { cachedSettings = nil }
    return try database.transaction(.immediate, body)
  }

  /// Runs `body` on one consistent read snapshot of the file.
  public func read<T>(_ body: () throws -> T) throws -> T {
    if !database.isInTransaction { cachedSettings = nil }
    return try database.transaction(.deferred, body)
  }

  // MARK: Settings

  public func settings() throws -> Settings {
    if database.isInTransaction, let cachedSettings { return cachedSettings }
    let rows = try database.prepare(
      """
      SELECT currency, go_live, baseline_months, horizon_years, fiscal_year_start, baseline_method
      FROM settings WHERE id = 1
      """
    ).rows { row in
      Settings(
        currency: try Currency(code: row.text(0)), goLive: try Month(parsing: row.text(1)),
        baselineMonths: Int(row.integer(2)), horizonYears: Int(row.integer(3)),
        fiscalYearStart: Int(row.integer(4)), baselineMethod: try BaselineMethod(parsing: row.text(5)))
    }
    guard let settings = rows.first else { throw StoreError.notInitialized(path: path) }
    cachedSettings = settings
    return settings
  }

  /// Whether `init` has run on this file.
  public func isInitialized() throws -> Bool {
    try database.scalar("SELECT count(*) FROM settings") ?? 0 > 0
  }

  /// Whether `demo` wrote this file (so a later demo may replace it).
  public func isDemo() throws -> Bool {
    try database.scalar("SELECT is_demo FROM settings WHERE id = 1") == 1
  }

  public func initialize(_ settings: Settings, isDemo: Bool = false) throws {
    if try isInitialized() { throw StoreError.alreadyInitialized(path: path) }
    try database.prepare(
      """
      INSERT INTO settings (id, currency, minor_units, go_live, baseline_months, horizon_years,
                            fiscal_year_start, baseline_method, is_demo)
      VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)
      """
    ).run(settingsValues(settings) + [.integer(isDemo ? 1 : 0)])
    try record(.initialize, "settings", new: AuditText.settings(settings))
  }

  /// Replaces the settings. A currency with other minor units is refused once amounts are stored.
  public func update(_ settings: Settings) throws {
    let current = try self.settings()
    if settings.currency.minorUnits != current.currency.minorUnits, try hasMoney() {
      throw StoreError.currencyChangesMinorUnits(from: current.currency, to: settings.currency)
    }
    try database.prepare(
      """
      UPDATE settings SET currency = ?, minor_units = ?, go_live = ?, baseline_months = ?,
                          horizon_years = ?, fiscal_year_start = ?, baseline_method = ?
      WHERE id = 1
      """
    ).run(settingsValues(settings))
    cachedSettings = nil
    try record(.settings, "settings", old: AuditText.settings(current), new: AuditText.settings(settings))
  }

  private func settingsValues(_ settings: Settings) -> [Value] {
    [
      .text(settings.currency.code), .integer(Int64(settings.currency.minorUnits)),
      .text(settings.goLive.description), .integer(Int64(settings.baselineMonths)),
      .integer(Int64(settings.horizonYears)), .integer(Int64(settings.fiscalYearStart)),
      .text(settings.baselineMethod.rawValue),
    ]
  }

  private func hasMoney() throws -> Bool {
    let sql = """
      SELECT EXISTS (SELECT 1 FROM expense WHERE removed_at IS NULL) OR EXISTS (SELECT 1 FROM metric WHERE kind IN ('revenue', 'cost', 'count'))
      """
    return try database.scalar(sql) == 1
  }

  /// Computes the ROI report from one consistent read of the file.
  public func report(through: Quarter? = nil, discount: DiscountOptions = DiscountOptions(), project: Bool = false) throws -> ROIReport {
    try read {
      try ROICalculator.report(
        settings: try settings(), costItems: try costItems(), metrics: try metrics(), snapshots: try snapshots(),
        through: through, discount: discount, project: project)
    }
  }
}

/// nil when nothing is at `path`, else whether it is a directory.
private func fileKind(_ path: String) -> Bool? {
  var info = stat()
  guard stat(path, &info) == 0 else { return nil }
  return (info.st_mode & S_IFMT) == S_IFDIR
}

/// Creates the folders above `path` that are missing, owner-only.
private func createParentDirectory(of path: String) throws {
  var folders: [String] = []
  var current = path
  while let slash = current.lastIndex(of: "/"), slash != current.startIndex {
    current = String(current[..<slash])
    if fileKind(current) != nil { break }
    folders.append(current)
  }
  for folder in folders.reversed() where mkdir(folder, 0o700) != 0 && errno != EEXIST {
    throw SQLiteError(code: 14, message: "cannot create folder '\(folder)': \(String(cString: strerror(errno)))")
  }
}
