import SQLite

/// One numbered file of migrations/, carried in the binary (see the EmbedMigrations plugin).
public struct Migration: Sendable {
  public let version: Int
  public let name: String
  public let sql: String

  /// Every migration of this build, oldest first.
  public static let all: [Migration] = embeddedMigrations.sorted { $0.version < $1.version }

  /// The schema version this build writes.
  public static var latestVersion: Int { all.last?.version ?? 0 }
}

extension Database {
  /// The schema version recorded in the file (PRAGMA user_version).
  var schemaVersion: Int { get throws { Int(try scalar("PRAGMA user_version") ?? 0) } }

  /// Applies the migrations above the file's version in one IMMEDIATE transaction, each in a
  /// savepoint of it that also records its version: a failing migration leaves the file as it was.
  ///
  /// Foreign keys are off while they run, so that a migration may rebuild a table (SQLite's 12-step
  /// procedure: create the new table, copy, drop the old one, rename); `PRAGMA foreign_key_check`
  /// runs before the commit, and any row it finds rolls everything back. Foreign keys are on again after.
  func migrate(to migrations: [Migration] = Migration.all) throws {
    guard let last = migrations.last, try schemaVersion < last.version else { return }
    // Only outside a transaction does this pragma take effect.
    try execute("PRAGMA foreign_keys = OFF")
    defer { try? execute("PRAGMA foreign_keys = ON") }
    try transaction(.immediate) {
      for migration in migrations {
        // Read inside the transaction: another process may have migrated meanwhile.
        guard try schemaVersion < migration.version else { continue }
        try transaction {
          try execute(migration.sql)
          try execute("PRAGMA user_version = \(Int(migration.version))")
        }
      }
      let broken = try prepare("PRAGMA foreign_key_check").rows { "\($0.text(0)) row \($0.integer(1))" }
      if let first = broken.first {
        throw SQLiteError(code: 787, message: "the migration left \(broken.count) rows without their parent, first \(first)")  // no-catalogue: a failed migration, for developers
      }
    }
  }
}
