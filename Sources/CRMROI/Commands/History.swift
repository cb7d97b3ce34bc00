import ArgumentParser
import Reports
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
        throw InputError(source: "--limit", error: .init(value: limit, expected: "a whole number above 0, like 50"))
      }
      let entries = try database.open().read { try $0.history(limit: count) }
      var table = Table([("ID", .right), ("Time (UTC)", .left), ("Action", .left), ("Subject", .left), ("Old", .left), ("New", .left)])
      for entry in entries {
        table.append([String(entry.id), entry.at, entry.action.rawValue, entry.subject, entry.oldValue ?? "", entry.newValue ?? ""])
      }
      try show(entries.isEmpty ? "No changes recorded yet." : table.plain(), terminator: entries.isEmpty ? "\n" : "")
    }
  }

  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "check",
      abstract: "Check the file's integrity and the data's gaps; exit 1 when anything is found.")

    @OptionGroup var database: DatabaseOptions

    func run() throws {
      let lines = try database.open().check(latestMonth: currentMonth())
      for line in lines { try show(line) }
      let findings = lines.filter { !$0.hasPrefix(Store.notePrefix) }
      if findings.isEmpty {
        try show("No problems found.")
      } else {
        try show("\(findings.count) finding\(findings.count == 1 ? "" : "s").")
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
      try show("Backed up \(TerminalText.visible(database.path)) to \(TerminalText.visible(file)).")
    }
  }
}
