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
  func migrate(to migrations: [Migration] = Migration.all) throws {
    guard let last = migrations.last, try schemaVersion < last.version else { return }
    try transaction(.immediate) {
      for migration in migrations {
        // Read inside the transaction: another process may have migrated meanwhile.
        guard try schemaVersion < migration.version else { continue }
        try transaction {
          try execute(migration.sql)
          try execute("PRAGMA user_version = \(Int(migration.version))")
        }
      }
    }
  }
}
