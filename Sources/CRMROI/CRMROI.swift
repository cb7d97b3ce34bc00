import ArgumentParser
import Interchange
import Reports
import ROIEngine
import SQLite
import Storage
import Support

/// crm-roi: does the CRM pay for itself? Expenses and monthly metrics in, quarterly ROI out.
@main
struct CRMROI: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "crm-roi",
    abstract: "Track what a CRM costs and what it brings, and compute its ROI quarter by quarter.",
    version: BuildInfo.text,
    subcommands: [
      Init.self, SettingsCommand.self, MetricCommand.self, Log.self, Unlog.self, ExpenseCommand.self, PlanCommand.self, IntangibleCommand.self, ROI.self, Impact.self, Report.self, Import.self, Export.self,
      History.self, Check.self, Backup.self, Demo.self, Serve.self,
    ]
  )

  /// Parses and runs, then flushes standard output, checked. The tool's own errors become one line
  /// on stderr and exit status 65 (bad data) or 74 (a failed write or SQLite I/O); argument
  /// errors keep swift-argument-parser's usage message and status 64.
  static func main() {
    do {
      var command: ParsableCommand
      switch FastPath.parse(CommandLine.arguments.dropFirst()) {
      case .version(let version)?:
        try show(version)
        try standardOutput.flush()
        return
      case .command(let parsed)?: command = parsed
      case nil: command = try parseAsRoot()
      }
      try command.run()
      try standardOutput.flush()
    } catch {
      exit(reporting: error)
    }
  }

  private static func exit(reporting error: Error) -> Never {
    // What the command wrote before it failed still goes out.
    let unwritten: FileError?
    do {
      try standardOutput.flush()
      unwritten = nil
    } catch {
      unwritten = error as? FileError
    }
    let language = currentLanguage()
    switch error {
    case let problems as ImportProblems:
      let lines = problems.lines(language)
      for line in lines.dropLast() { writeError(Catalogue.text(.errorPrefix, language) + "\(TerminalText.visible(line))\n") }
      fail(lines.last!)
    case let error as ExplainedError: fail(error.text(language), status: exitStatus(of: error))
    case let error as SQLiteError where error.primaryCode == 11 || error.primaryCode == 26:  // CORRUPT, NOTADB
      fail(Catalogue.text(.databaseDamaged, language, ["detail": error.message]), status: 65)
    case let error as SQLiteError:
      let values = ["code": "\(error.code)", "message": error.message]
      guard let sql = error.sql else { fail(Catalogue.text(.sqliteError, language, values), status: 74) }
      // A migration is a whole file of SQL: its start names it well enough.
      let oneLine = sql.split(whereSeparator: \.isNewline).joined(separator: " ")
      let shown = oneLine.count > 160 ? oneLine.prefix(160) + "…" : oneLine
      // A CHECK or NOT NULL failing is the data's fault (a file edited by hand), not the disk's.
      fail(Catalogue.text(.sqliteErrorIn, language, values.merging(["sql": String(shown)]) { $1 }), status: error.primaryCode == 19 ? 65 : 74)
    default:
      // swift-argument-parser's own: help, --version and completion scripts (exit 0, on standard
      // output like any other output), usage errors and ExitCode.
      let message = fullMessage(for: error)
      let code = exitCode(for: error)
      if code == .success {
        do {
          if !message.isEmpty { try standardOutput.line(message) }
          try standardOutput.flush()
        } catch {
          fail(Phrase(error: error).text(language), status: 74)
        }
      } else if !message.isEmpty {
        let lines = message.split(separator: "\n", omittingEmptySubsequences: false).map { TerminalText.visible(String($0)) }
        writeError(lines.joined(separator: "\n") + "\n")
      } else if let unwritten {
        fail(unwritten.text(language), status: 74)  // like check's exit 1, after output that was lost
      }
      Self.exit(withError: code)
    }
  }

  /// 74 for output or a folder that could not be written (I/O), 65 for anything in the data.
  private static func exitStatus(of error: ExplainedError) -> Int32 {
    switch error {
    case is FileError, StoreError.cannotCreateFolder: 74
    default: 65
    }
  }

  /// One line on stderr, control characters in it made visible; then exit with `status`.
  private static func fail(_ message: String, status: Int32 = 65) -> Never {
    writeError(Catalogue.text(.errorPrefix, currentLanguage()) + "\(TerminalText.visible(message))\n")
    Self.exit(withError: ExitCode(status))
  }
}
