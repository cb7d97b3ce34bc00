import ROIEngine
@_exported import enum SQLite.TransactionCompletion
import SQLite

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The repository: one crm-roi SQLite file, read and written in domain types.
///
/// As in GRDB, every access goes through a handle that a transaction hands out: `read` gives a
/// `StoreReader` (one consistent snapshot), `write` a `StoreWriter`, the only type with mutators,
/// so that a change and its audit record always commit together.
public final class Store {
  public let path: String
  let database: Database
  /// The expense import staged last: its rows are the connection's temporary table.
  weak var currentImport: ExpenseImport?
  /// The calendar month still running, whose orders feed no metric value until it ends; the
  /// command line sets it from the clock.
  public var runningMonth: Month?
  /// Where this store's changes are made, as the audit trail records them.
  public var origin = AuditEntry.Origin.commandLine

  private init(path: String, database: Database) throws {
    self.path = path
    self.database = database
    try database.setBusyTimeout(milliseconds: 10_000)
  }

  /// A number that changes whenever another connection commits a change to the file.
  public func dataVersion() throws -> Int64 {
    try database.scalar("PRAGMA data_version") ?? 0
  }

  /// Runs `body` on one consistent read snapshot of the file.
  public func read<T>(_ body: (StoreReader) throws -> T) throws -> T {
    try database.transaction(.deferred) {
      let reader = StoreReader(database: database, path: path, runningMonth: runningMonth)
      defer { reader.close() }
      return try body(reader)
    }
  }

  /// Runs `body` as one IMMEDIATE transaction, committed when it returns: all of it is written, or none.
  public func write<T>(_ body: (StoreWriter) throws -> T) throws -> T {
    try transaction { (try body($0), .commit) }
  }

  /// Runs `body` as one IMMEDIATE transaction that ends as `body` says: `.rollback` undoes it (a dry run).
  public func transaction<T>(_ body: (StoreWriter) throws -> (T, TransactionCompletion)) throws -> T {
    try database.transaction(.immediate) {
      let writer = StoreWriter(database: database, path: path, runningMonth: runningMonth)
      writer.origin = origin
      defer { writer.close() }
      return try body(writer)
    }
  }

  /// Opens an existing crm-roi database, migrating it forward; never creates a file, and never
  /// writes to a file that is not already a crm-roi database (an empty file included).
  /// `followingSymlinks` false: see `Database.init`.
  public static func open(path: String, followingSymlinks: Bool = true) throws -> Store {
    try open(path: path, allowEmpty: false, followingSymlinks: followingSymlinks)
  }

  /// Opens an existing crm-roi database read-only (`crm-roi-serve --read-only`): SQLite's read-only
  /// mode, so that nothing can change it, a file its user may only read included; never migrated.
  /// A file of an older schema is refused with the reason: it must be migrated by a writer first.
  public static func openReadOnly(path: String) throws -> Store {
    guard let isDirectory = fileKind(path) else { throw StoreError.noDatabase(path: path) }
    if isDirectory { throw StoreError.isDirectory(path: path) }
    guard isRegularFile(path) else { throw StoreError.notARegularFile(path: path) }
    guard access(path, R_OK) == 0 else { throw StoreError.notReadable(path: path) }
    do {
      let store = try Store(path: path, database: try Database(path: path, mode: .readOnly))
      do {
        _ = try store.database.schemaVersion
      } catch let error as SQLiteError where (error.code == 1544 || error.primaryCode == 14) && !hasPendingWAL(path) {
        // SQLITE_READONLY_DIRECTORY or CANTOPEN: a WAL file in a folder its user may not write,
        // where SQLite cannot make the -shm it reads through. With no changes waiting in a -wal
        // file, the file alone is the database: read as it is, immutable.
        return try checkedReadOnly(Store(path: path, database: try Database(path: path, mode: .readOnlyImmutable)), path: path)
      }
      return try checkedReadOnly(store, path: path)
    } catch let error as SQLiteError {
      switch error.primaryCode {
      case 26: throw StoreError.notCRMROIDatabase(path: path)
      case 11: throw StoreError.corrupt(path: path, detail: error.message)
      case 14, 3: throw StoreError.notReadable(path: path)
      default: throw error
      }
    }
  }

  /// Whether a -wal file beside `path` holds changes not yet in the file itself.
  private static func hasPendingWAL(_ path: String) -> Bool {
    var info = stat()
    return stat(path + "-wal", &info) == 0 && info.st_size > 0
  }

  /// A read-only store of this version's schema, its foreign keys on; another file or version refused.
  private static func checkedReadOnly(_ store: Store, path: String) throws -> Store {
    let version = try store.database.schemaVersion
    let ownTables = "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('settings', 'expense', 'metric', 'snapshot')"
    guard version > 0, try store.database.scalar(ownTables) == 4 else { throw StoreError.notCRMROIDatabase(path: path) }
    if version > Migration.latestVersion {
      throw StoreError.newerSchema(path: path, found: version, supported: Migration.latestVersion)
    }
    if version < Migration.latestVersion {
      throw StoreError.olderSchemaReadOnly(path: path, found: version, supported: Migration.latestVersion)
    }
    try store.database.execute("PRAGMA foreign_keys = ON")
    return store
  }

  private static func open(path: String, allowEmpty: Bool, followingSymlinks: Bool) throws -> Store {
    guard let isDirectory = fileKind(path) else { throw StoreError.noDatabase(path: path) }
    if isDirectory { throw StoreError.isDirectory(path: path) }
    guard isRegularFile(path) else { throw StoreError.notARegularFile(path: path) }
    guard access(path, R_OK | W_OK) == 0 else { throw StoreError.notWritable(path: path) }
    // SQLite writes its -wal and -shm files beside the database.
    let folder = parentDirectory(of: path)
    guard access(folder, W_OK | X_OK) == 0 else { throw StoreError.folderNotWritable(path: path, folder: folder) }
    let database = try Database(path: path, mode: .readWrite, followingSymlinks: followingSymlinks)
    let store = try Store(path: path, database: database)
    try store.prepareSchema(allowEmpty: allowEmpty)
    return store
  }

  /// Opens `path`, creating the file (owner-only) and its folder when missing; an empty file
  /// becomes a new database.
  public static func openOrCreate(path: String, followingSymlinks: Bool = true) throws -> Store {
    switch fileKind(path) {
    case true?: throw StoreError.isDirectory(path: path)
    case false?:
      // An empty file given to init becomes the database: owner-only, like a new one (and so are
      // the -wal and -shm files SQLite makes with its mode).
      var info = stat()
      if stat(path, &info) == 0, info.st_size == 0 { chmod(path, 0o600) }
      return try open(path: path, allowEmpty: true, followingSymlinks: followingSymlinks)
    case nil:
      try createParentDirectory(of: path)
      // Made owner-only before SQLite opens it (SQLite gives the -wal and -shm files the same
      // mode), without touching the process's umask, which other threads may be creating files under.
      let descriptor = Glibc.open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
      if descriptor >= 0 { close(descriptor) }
      let store = try Store(path: path, database: try Database(path: path, mode: .readWriteCreate))
      try store.prepareSchema(allowEmpty: true)
      return store
    }
  }

  /// Refuses files that are not crm-roi databases, are damaged or are newer than this build,
  /// without writing to them; then sets the connection up and migrates.
  private func prepareSchema(allowEmpty: Bool) throws {
    do {
      // Only reads until the file is known to be an empty file or a crm-roi database: even
      // `journal_mode = WAL` would write to another program's file.
      let version = try database.schemaVersion
      if version == 0, try database.scalar("SELECT count(*) FROM sqlite_schema") ?? 0 > 0 {
        throw StoreError.notCRMROIDatabase(path: path)
      }
      if version == 0, !allowEmpty { throw StoreError.emptyFile(path: path) }
      let ownTables = "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('settings', 'expense', 'metric', 'snapshot')"
      if version > 0, try database.scalar(ownTables) != 4 {
        throw StoreError.notCRMROIDatabase(path: path)
      }
      if version > Migration.latestVersion {
        throw StoreError.newerSchema(path: path, found: version, supported: Migration.latestVersion)
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

}

/// nil when nothing is at `path`, else whether it is a directory.
private func fileKind(_ path: String) -> Bool? {
  var info = stat()
  guard stat(path, &info) == 0 else { return nil }
  return (info.st_mode & S_IFMT) == S_IFDIR
}

/// Whether `path` is a regular file (not a device, a pipe or a socket).
private func isRegularFile(_ path: String) -> Bool {
  var info = stat()
  return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
}

/// The folder that holds `path`: "." for a bare file name.
private func parentDirectory(of path: String) -> String {
  guard let slash = path.lastIndex(of: "/") else { return "." }
  return slash == path.startIndex ? "/" : String(path[..<slash])
}

/// Creates the folders above `path` that are missing, owner-only.
private func createParentDirectory(of path: String) throws {
  var folders: [String] = []
  var current = path
  while let slash = current.lastIndex(of: "/"), slash != current.startIndex {
    current = String(current[..<slash])
    if let isDirectory = fileKind(current) {
      guard isDirectory else { throw StoreError.folderNotWritable(path: path, folder: current) }
      break
    }
    folders.append(current)
  }
  for folder in folders.reversed() where mkdir(folder, 0o700) != 0 && errno != EEXIST {
    throw StoreError.cannotCreateFolder(folder: folder, reason: .system(errno, String(cString: strerror(errno))))
  }
}
