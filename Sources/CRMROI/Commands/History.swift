import ArgumentParser
import Operations
import Reports
import ROIEngine
import Storage

extension CRMROI {
  struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "history",
      abstract: "Show the audit trail: every change with its time and its old and new values.")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "How many of the latest changes to show.")
    var limit = "20"

    func run() throws {
      guard let count = Int(limit), count > 0 else {
        throw InputError(source: "--limit", error: .init(value: limit, expected: Phrase(.formLimit)))
      }
      let entries = try database.open().read { try $0.history(limit: count) }
      var table = Table([
        (text(.columnID), .right), (text(.columnTime), .left), (text(.columnAction), .left), (text(.columnSubject), .left),
        (text(.columnOld), .left), (text(.columnNew), .left),
      ])
      for entry in entries {
        table.append([String(entry.id), entry.at, entry.origin == .webApp ? text(.historyFromWebApp, ["action": entry.action.rawValue]) : entry.action.rawValue, entry.subject, entry.oldValue ?? "", entry.newValue ?? ""])
      }
      try show(entries.isEmpty ? text(.noHistoryYet) : table.plain(), terminator: entries.isEmpty ? "\n" : "")
    }
  }

  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "check",
      abstract: "Check the file's integrity and the data's gaps; exit 1 when anything is found.")

    @OptionGroup var database: DatabaseOptions

    func run() throws {
      let lines = try database.open().check(latestMonth: try RunningMonth.current())
      for line in lines { try show(line.text(currentLanguage())) }
      let findings = lines.filter { !$0.isNote }
      if findings.isEmpty {
        try say(.noProblems)
      } else {
        try say(findings.count == 1 ? .oneFinding : .findings, ["count": "\(findings.count)"])
        throw ExitCode(1)
      }
    }
  }

  struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "backup",
      abstract: "Copy the database to FILE, consistently, even while other commands write.")

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The copy to write.")
    var file: String

    @Flag(help: "Replace FILE if it exists.")
    var force = false

    func run() throws {
      let store = try database.open()
      try store.backup(to: try databaseFilePath(file, from: "FILE"), replacing: force)
      try say(.backedUp, ["path": TerminalText.visible(database.path), "file": TerminalText.visible(file)])
    }
  }
}
