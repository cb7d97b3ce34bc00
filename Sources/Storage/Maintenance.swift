import ROIEngine
import SQLite

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One line of `crm-roi check`.
public enum Finding: Sendable {
  /// A problem of the file or a gap in the data.
  case problem(Phrase)
  /// A warning of the report.
  case warning(ReportWarning)
  /// Said, but no finding: a partial quarter is the normal state two months in three.
  case note(ReportWarning)
  /// Why there is no report.
  case noReport(ROIError)

  public var isNote: Bool {
    if case .note = self { true } else { false }
  }

  public func text(_ language: Language) -> String {
    switch self {
    case .problem(let phrase): phrase.text(language)
    case .warning(let warning): Catalogue.text(.checkWarning, language, ["code": warning.code.rawValue, "message": warning.text(language)])
    case .note(let warning): Catalogue.text(.checkNote, language, ["code": warning.code.rawValue, "message": warning.text(language)])
    case .noReport(let error): Catalogue.text(.checkNoReport, language, ["reason": error.text(language)])
    }
  }
}

extension Store {
  /// SQLite's integrity and foreign key checks: one finding per problem, none when the file is sound.
  /// (`check(latestMonth:)`, in Operations, adds the data's own checks.)
  public func integrityFindings() throws -> [Finding] {
    var findings: [Finding]
    do {
      findings = try database.prepare("PRAGMA integrity_check").rows { .problem(Phrase(.checkIntegrity, ["detail": $0.text(0)])) }
    } catch let error as SQLiteError where error.primaryCode == 11 {  // SQLITE_CORRUPT: too damaged to list
      return [.problem(Phrase(.checkCorrupt, ["detail": error.message]))]
    }
    if findings.count == 1, case .problem(let phrase) = findings[0], phrase.values["detail"] == .text("ok") { findings = [] }
    findings += try database.prepare("PRAGMA foreign_key_check").rows { row in
      .problem(Phrase(.checkForeignKey, ["table": row.text(0), "row": "\(row.integer(1))", "parent": row.text(2)]))
    }
    return findings
  }

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
