import CSQLite

/// A failed SQLite call: its result code, SQLite's message and the SQL it ran, when there was one.
public struct SQLiteError: Error, Equatable, CustomStringConvertible {
  public let code: Int32
  public let message: String
  public let sql: String?

  public init(code: Int32, message: String, sql: String? = nil) {
    self.code = code
    self.message = message
    self.sql = sql
  }

  /// The primary result code (SQLITE_BUSY for SQLITE_BUSY_SNAPSHOT and so on).
  public var primaryCode: Int32 { code & 0xFF }

  public var description: String {
    let text = "SQLite error \(code): \(message)"  // no-catalogue: for developers; crm-roi says it from the catalogue
    guard let sql else { return text }
    return "\(text) (in \(sql.split(whereSeparator: \.isNewline).joined(separator: " ")))"
  }
}

/// Every SQLite result code goes through here: success codes pass, anything else throws.
@discardableResult
func check(_ code: Int32, _ handle: OpaquePointer?, sql: String? = nil) throws -> Int32 {
  switch code {
  case SQLITE_OK, SQLITE_ROW, SQLITE_DONE:
    return code
  default:
    let message = handle.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
      ?? String(cString: sqlite3_errstr(code))
    throw SQLiteError(code: code, message: message, sql: sql)
  }
}
