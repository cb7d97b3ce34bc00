import CSQLite

/// How a transaction ends when its body returns normally (a thrown error always rolls back).
public enum TransactionCompletion: Sendable {
  case commit
  /// Undo everything the body did: a dry run.
  case rollback
}

/// One connection to an SQLite file. Closed when released.
public final class Database {
  let handle: OpaquePointer
  /// Prepared statements by SQL, reused for the life of the connection.
  private var statements: [String: Statement] = [:]

  /// How `open` treats a missing file.
  public enum Mode: Sendable {
    case readWrite
    case readWriteCreate
    /// SQLITE_OPEN_READONLY: nothing this connection does can change the file.
    case readOnly
    /// Read-only and `immutable=1`: SQLite takes no lock and makes no -wal or -shm file, for a file
    /// in a folder its user may not write; a change made meanwhile by another process is not seen.
    case readOnlyImmutable
  }

  /// `followingSymlinks` false refuses a path with a symlink in it (SQLITE_OPEN_NOFOLLOW): for a
  /// file this program just created, which must still be the file it opens.
  public init(path: String, mode: Mode = .readWriteCreate, followingSymlinks: Bool = true) throws {
    var handle: OpaquePointer?
    let readOnly = mode == .readOnly || mode == .readOnlyImmutable
    var flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
    if mode == .readWriteCreate { flags |= SQLITE_OPEN_CREATE }
    if !followingSymlinks { flags |= SQLITE_OPEN_NOFOLLOW }
    var name = path
    if mode == .readOnlyImmutable {
      flags |= SQLITE_OPEN_URI
      name = "file:" + Database.uriEscaped(path) + "?immutable=1"
    }
    let code = sqlite3_open_v2(name, &handle, flags, nil)
    guard code == SQLITE_OK, let handle else {
      let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(code))
      sqlite3_close_v2(handle)
      throw SQLiteError(code: code, message: message)
    }
    self.handle = handle
  }

  /// A path as a `file:` URI's path: `%`, `?` and `#` (and every byte outside printable ASCII) escaped.
  static func uriEscaped(_ path: String) -> String {
    var escaped = ""
    for byte in path.utf8 {
      if byte > 0x20, byte < 0x7F, byte != UInt8(ascii: "%"), byte != UInt8(ascii: "?"), byte != UInt8(ascii: "#") {
        escaped.unicodeScalars.append(Unicode.Scalar(byte))
      } else {
        let hex = String(byte, radix: 16, uppercase: true)
        escaped += "%" + (hex.count == 1 ? "0" + hex : hex)
      }
    }
    return escaped
  }

  deinit {
    statements.removeAll()
    sqlite3_close_v2(handle)
  }

  /// Runs one or more statements that take no parameters (schema, pragmas, BEGIN/COMMIT).
  public func execute(_ sql: String) throws {
    try check(sqlite3_exec(handle, sql, nil, nil, nil), handle, sql: sql)
  }

  public func prepare(_ sql: String) throws -> Statement {
    try Statement(database: self, sql: sql)
  }

  /// The statement for `sql`, prepared on first use and kept for the next one.
  /// Not for a statement still being stepped by a caller up the stack.
  public func cachedStatement(_ sql: String) throws -> Statement {
    if let statement = statements[sql] { return statement }
    let statement = try prepare(sql)
    statements[sql] = statement
    return statement
  }

  /// The single integer a query returns, or nil when it returns no row or NULL.
  public func scalar(_ sql: String, _ values: [Value] = []) throws -> Int64? {
    try prepare(sql).rows(values) { $0.optionalInteger(0) }.first ?? nil
  }

  public var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(handle) }

  /// Rows changed by the last INSERT, UPDATE or DELETE.
  public var changes: Int { Int(sqlite3_changes(handle)) }

  /// Milliseconds a write waits for another writer's lock before failing with SQLITE_BUSY.
  public func setBusyTimeout(milliseconds: Int32) throws {
    try check(sqlite3_busy_timeout(handle, milliseconds), handle)
  }

  public enum TransactionKind: String, Sendable {
    case deferred = "DEFERRED"
    case immediate = "IMMEDIATE"
  }

  /// Whether a transaction is open on this connection.
  public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

  /// Runs `body` in a transaction: commits when it returns, rolls back and rethrows when it throws.
  /// Inside another transaction it becomes a savepoint of that one.
  public func transaction<T>(_ kind: TransactionKind = .immediate, _ body: () throws -> T) throws -> T {
    try transaction(kind) { (try body(), TransactionCompletion.commit) }
  }

  /// Runs `body` in a transaction that ends as `body` says: committed, or rolled back (a dry run).
  /// A thrown error rolls back and is rethrown. Inside another transaction it is a savepoint.
  public func transaction<T>(
    _ kind: TransactionKind = .immediate, _ body: () throws -> (T, TransactionCompletion)
  ) throws -> T {
    let nested = isInTransaction
    try execute(nested ? "SAVEPOINT nested" : "BEGIN \(kind.rawValue)")
    let rollback = nested ? "ROLLBACK TO nested; RELEASE nested" : "ROLLBACK"
    do {
      let (result, completion) = try body()
      try execute(completion == .commit ? (nested ? "RELEASE nested" : "COMMIT") : rollback)
      return result
    } catch {
      try? execute(rollback)
      throw error
    }
  }
}

extension Database {
  /// Copies this database into `destination` (sqlite3_backup), retrying while another
  /// connection holds a lock; the copy is one consistent state of the source.
  public func backup(to destination: Database) throws {
    guard let backup = sqlite3_backup_init(destination.handle, "main", handle, "main") else {
      try check(sqlite3_errcode(destination.handle), destination.handle)
      return
    }
    // All pages in one step: one read transaction, so one state of the source, while writers go on (WAL).
    var code: Int32
    repeat {
      code = sqlite3_backup_step(backup, -1)
      if code == SQLITE_BUSY || code == SQLITE_LOCKED { sqlite3_sleep(20) }
    } while code == SQLITE_OK || code == SQLITE_BUSY || code == SQLITE_LOCKED
    let finished = sqlite3_backup_finish(backup)
    try check(code == SQLITE_DONE ? finished : code, destination.handle)
  }
}
