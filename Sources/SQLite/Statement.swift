import CSQLite

/// Tells SQLite to copy bound text before `bind` returns.
private let SQLITE_TRANSIENT = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// A prepared statement. Reuse it with `bind` + `step`; it is finalized when released.
public final class Statement {
  public let sql: String
  private let handle: OpaquePointer
  /// The connection's handle, for its error messages. Not the `Database`: the database caches its
  /// statements, and `sqlite3_close_v2` waits for the statements that outlive it to be finalized.
  private let connection: OpaquePointer
  /// Result columns by name, for reading rows by name.
  private lazy var columnIndexes: [String: Int32] = {
    var indexes: [String: Int32] = [:]
    for column in 0..<sqlite3_column_count(handle) {
      indexes[String(cString: sqlite3_column_name(handle, column))] = column
    }
    return indexes
  }()

  init(database: Database, sql: String) throws {
    var handle: OpaquePointer?
    try check(sqlite3_prepare_v3(database.handle, sql, -1, 0, &handle, nil), database.handle, sql: sql)
    guard let handle else {
      throw SQLiteError(code: SQLITE_MISUSE, message: "no statement in SQL", sql: sql)  // no-catalogue: a programming error
    }
    self.handle = handle
    connection = database.handle
    self.sql = sql
  }

  deinit { sqlite3_finalize(handle) }

  /// Resets the statement and binds `values` to its parameters ?1, ?2, … in order.
  @discardableResult
  public func bind(_ values: [Value]) throws -> Statement {
    sqlite3_reset(handle)
    try check(sqlite3_clear_bindings(handle), connection, sql: sql)
    for (offset, value) in values.enumerated() {
      let index = Int32(offset + 1)
      switch value {
      case .null:
        try check(sqlite3_bind_null(handle, index), connection, sql: sql)
      case .integer(let number):
        try check(sqlite3_bind_int64(handle, index, number), connection, sql: sql)
      case .text(let text):
        // With its length in bytes: a NUL inside the text is kept, not taken as its end.
        let code = text.withCString { sqlite3_bind_text64(handle, index, $0, UInt64(text.utf8.count), SQLITE_TRANSIENT, UInt8(SQLITE_UTF8)) }
        try check(code, connection, sql: sql)
      }
    }
    return self
  }

  /// Advances to the next row: true while there is one.
  public func step() throws -> Bool {
    try check(sqlite3_step(handle), connection, sql: sql) == SQLITE_ROW
  }

  /// Runs the statement to its end with `values` bound.
  public func run(_ values: [Value] = []) throws {
    try bind(values)
    while try step() {}
  }

  /// Every row of the statement with `values` bound, each read by `read`.
  public func rows<T>(_ values: [Value] = [], _ read: (Row) throws -> T) throws -> [T] {
    var result: [T] = []
    try forEach(values) { result.append(try read($0)) }
    return result
  }

  /// Calls `body` with each row in turn, holding none of them: for results too large to collect.
  public func forEach(_ values: [Value] = [], _ body: (Row) throws -> Void) throws {
    try bind(values)
    let row = Row(handle: handle, columns: columnIndexes)
    while try step() { try body(row) }
  }
}

/// The current row of a statement, read by column index or by column name.
public struct Row {
  @usableFromInline let handle: OpaquePointer
  let columns: [String: Int32]

  /// The index of the result column `name`; a name the query does not return is a programming error.
  public func index(_ name: String) -> Int32 {
    guard let index = columns[name] else { preconditionFailure("no column \(name) in the query") }
    return index
  }

  public func isNull(_ name: String) -> Bool { isNull(index(name)) }
  public func integer(_ name: String) -> Int64 { integer(index(name)) }
  public func optionalInteger(_ name: String) -> Int64? { optionalInteger(index(name)) }
  public func text(_ name: String) -> String { text(index(name)) }
  public func optionalText(_ name: String) -> String? { optionalText(index(name)) }

  public var columnCount: Int32 { sqlite3_column_count(handle) }

  public func isNull(_ column: Int32) -> Bool {
    sqlite3_column_type(handle, column) == SQLITE_NULL
  }

  @inlinable
  public func integer(_ column: Int32) -> Int64 {
    sqlite3_column_int64(handle, column)
  }

  public func optionalInteger(_ column: Int32) -> Int64? {
    isNull(column) ? nil : integer(column)
  }

  /// The column's text; "" for NULL (use `optionalText` where NULL means something).
  public func text(_ column: Int32) -> String {
    optionalText(column) ?? ""
  }

  /// The column's text as UTF-8 bytes, without making a String; nil for NULL. The bytes are
  /// SQLite's and stay valid only until the statement steps or another column of this row is read.
  @inlinable
  public func unsafeTextBytes(_ column: Int32) -> UnsafeRawBufferPointer? {
    // NULL for SQL NULL (a text column's empty string is a pointer to no bytes).
    guard let bytes = sqlite3_column_text(handle, column) else { return nil }
    return UnsafeRawBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(handle, column)))
  }

  /// The column's text with its length in bytes (a NUL inside it does not end it); nil for NULL.
  public func optionalText(_ column: Int32) -> String? {
    guard !isNull(column) else { return nil }
    return unsafeTextBytes(column).map { String(decoding: $0, as: UTF8.self) }
  }
}
