import ROIEngine
import SQLite

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Store {
  /// SQLite's integrity and foreign key checks, then the data's own checks: one line per finding.
  public func check(latestMonth: Month) throws -> [String] {
    var findings: [String]
    do {
      findings = try database.prepare("PRAGMA integrity_check").rows { "integrity: " + $0.text(0) }
    } catch let error as SQLiteError where error.primaryCode == 11 {  // SQLITE_CORRUPT: too damaged to list
      return ["integrity: \(error.message); restore the database from a backup (crm-roi backup)"]
    }
    if findings == ["integrity: ok"] { findings = [] }
    findings += try database.prepare("PRAGMA foreign_key_check").rows { row in
      "foreign key: \(row.text(0)) row \(row.integer(1)) refers to a missing row of \(row.text(2))"
    }
    guard findings.isEmpty else { return findings }
    return try read { store in
      var findings = DataChecks.findings(
        settings: try store.settings(), metrics: try store.metrics(), snapshots: try store.snapshots(),
        expenses: try store.expenses(), latestMonth: latestMonth)
      // The report's own warnings, or why there is no report.
      do {
        // A partial quarter is the normal state two months in three: said last, as a note, not a finding.
        let warnings = try store.report().warnings
        findings += warnings.filter { $0.code != .partialQuarter }.map { "warning (\($0.code.rawValue)): \($0.message)" }
        findings += warnings.filter { $0.code == .partialQuarter }.map { Self.notePrefix + "(\($0.code.rawValue)): \($0.message)" }
      } catch let error as ROIError {
        findings.append("report: \(error)")
      }
      return findings
    }
  }

  /// Marks a line of `check` that is said but is no finding.
  public static let notePrefix = "note "

  /// Copies the database to `destination` with SQLite's online backup API: a consistent copy even
  /// while other commands write. Written to a new owner-only file beside the destination first
  /// (see `FileReplacement`), then renamed into place; a -wal, -shm or -journal left beside the
  /// destination (by a process that died with it open) is removed first, so that no old WAL is
  /// replayed onto the copy when it is opened.
  public func backup(to destination: String, replacing: Bool) throws {
    var source = stat()
    var target = stat()
    if stat(path, &source) == 0, stat(destination, &target) == 0, source.st_dev == target.st_dev, source.st_ino == target.st_ino {
      throw StoreError.backupOntoItself(path: destination)
    }
    if !replacing, access(destination, F_OK) == 0 { throw StoreError.backupExists(path: destination) }
    let replacement = try FileReplacement(target: destination, sidecars: ["-wal", "-shm", "-journal"], replacingDatabase: true)
    do {
      let copy = try Database(path: replacement.temporaryPath, mode: .readWrite, followingSymlinks: false)
      try database.backup(to: copy)
      try copy.execute("PRAGMA journal_mode = DELETE")
    }
    try replacement.commit(mode: 0o600, replacing: replacing)
  }
}
