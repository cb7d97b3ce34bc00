import Foundation
import Testing

/// Output that cannot be written whole is an error, and what is shown on a terminal cannot drive it.
@Suite struct OutputTests {
  /// A database with an expense, a metric and a month logged: every command below has something to show.
  func database() throws -> CLI {
    let cli = try CLI()
    try cli.ok("init", "--go-live", "2025-01")
    try cli.ok("metric", "add", "sales", "--kind", "revenue", "--margin", "50%")
    try cli.ok("log", "2024-12", "sales=100000")
    try cli.ok("log", "2025-01", "sales=105000")
    try cli.ok("expense", "add", "--date", "2025-01-15", "--category", "license", "--amount", "1000", "--note", "Seats")
    return cli
  }

  /// A database with 20,000 expenses: more than a few 64 KiB writes of output.
  func bigDatabase() throws -> CLI {
    let cli = try database()
    var csv = "date,category,amount,note\n"
    for index in 0..<20_000 { csv += "2025-01-\(index % 18 + 10),service,\(index % 997 + 1).50,row \(index)\n" }
    try cli.ok("import", "expenses", try cli.file("many.csv", csv))
    return cli
  }

  static let commands: [[String]] = [
    ["export", "expenses"], ["export", "expenses", "--format", "json"], ["export", "metrics"],
    ["export", "metrics", "--format", "json"], ["roi"], ["roi", "--format", "json"], ["roi", "--format", "csv"],
    ["roi", "--format", "markdown"], ["roi", "--chart"], ["expense", "list"], ["metric", "list"], ["history"],
    ["settings", "show"], ["check"], ["log", "2025-02", "sales=106000"],
    ["expense", "add", "--date", "2025-02-01", "--category", "other", "--amount", "5"],
  ]

  @Test(arguments: commands)
  func standardOutputOnAFullDeviceExits74(arguments: [String]) throws {
    let cli = try database()
    let result = try cli.run(arguments, standardOutput: "/dev/full")
    #expect(result.status == 74, "\(arguments): \(result.stderr)")
    #expect(result.stderr.hasPrefix("crm-roi: error: cannot write to standard output: No space left on device;"), "\(result.stderr)")
    #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
  }

  @Test func helpAndCompletionScriptsOnAFullDeviceExit74() throws {
    let cli = try CLI()
    for arguments in [["--help"], ["export", "--help"], ["--version"], ["--generate-completion-script", "bash"]] {
      let result = try cli.run(arguments, database: false, standardOutput: "/dev/full")
      #expect(result.status == 74, "\(arguments): \(result.stderr)")
      #expect(result.stderr.contains("standard output"), "\(result.stderr)")
    }
  }

  /// The whole output or an error: an export cut short by a full disk (here the file size limit)
  /// after several successful writes is not an exit 0 that looks complete.
  @Test func anExportCutShortPartWayExits74() throws {
    let cli = try bigDatabase()
    let whole = try cli.ok("export", "expenses")
    #expect(whole.utf8.count > 600_000)
    for arguments in [["export", "expenses"], ["export", "expenses", "--format", "json"]] {
      let cut = try cli.run(arguments, fileSizeLimit: 256)
      #expect(cut.status == 74, "\(arguments): \(cut.stderr)")
      #expect(cut.stdout.utf8.count <= 256 * 1024)
      #expect(cut.stderr.hasPrefix("crm-roi: error: cannot write to standard output: File too large;"), "\(cut.stderr)")
      #expect(cut.stderr.split(separator: "\n").count == 1)
    }
  }

  /// `report --output` writes a temporary file and renames it: the target is the old file or the whole new one.
  @Test func aReportThatCannotBeWrittenLeavesTheOldFile() throws {
    let cli = try bigDatabase()
    let output = cli.directory.appendingPathComponent("report.html").path
    try "the old report\n".write(toFile: output, atomically: false, encoding: .utf8)
    let failed = try cli.run(["report", "--output", output], fileSizeLimit: 256)
    #expect(failed.status == 74, "\(failed.stderr)")
    #expect(failed.stderr.hasPrefix("crm-roi: error: cannot write '\(output)': File too large;"), "\(failed.stderr)")
    #expect(failed.stderr.split(separator: "\n").count == 1)
    #expect(try String(contentsOfFile: output, encoding: .utf8) == "the old report\n")
    #expect(try leftovers(in: cli).isEmpty)

    try cli.ok("report", "--output", output)
    let html = try String(contentsOfFile: output, encoding: .utf8)
    #expect(html.hasPrefix("<!DOCTYPE html>") && html.hasSuffix("</html>\n"))
    let mode = try FileManager.default.attributesOfItem(atPath: output)[.posixPermissions] as? Int
    #expect(mode == 0o644 & ~Int(currentUmask()))
    #expect(try leftovers(in: cli).isEmpty)

    // A folder that does not exist: named, exit 74, nothing created.
    let nowhere = cli.directory.appendingPathComponent("missing/report.html").path
    let refused = try cli.run(["report", "--output", nowhere])
    #expect(refused.status == 74)
    #expect(refused.stderr.hasPrefix("crm-roi: error: cannot write '\(nowhere)': No such file or directory;"), "\(refused.stderr)")
  }

  /// The temporary file beside the target has a name no one can guess and is created exclusively:
  /// a symlink planted where the old code put it (FILE.tmp-PID) is not followed.
  @Test func plantedSymlinksBesideTheTargetAreNotFollowed() throws {
    let cli = try database()
    let victim = try cli.file("victim.txt", "not yours\n")
    let output = cli.directory.appendingPathComponent("report.html").path
    let copy = cli.directory.appendingPathComponent("copy.sqlite").path
    // Process ids are handed out in order: plant a link for each of the next ones.
    let last = Int((try String(contentsOfFile: "/proc/sys/kernel/ns_last_pid", encoding: .utf8))
      .trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    for pid in last + 1...last + 400 {
      try FileManager.default.createSymbolicLink(atPath: "\(output).tmp-\(pid)", withDestinationPath: victim)
      try FileManager.default.createSymbolicLink(atPath: "\(copy).tmp-\(pid)", withDestinationPath: victim)
    }
    try cli.ok("report", "--output", output)
    try cli.ok("backup", copy)
    #expect(try String(contentsOfFile: victim, encoding: .utf8) == "not yours\n")
    #expect(try String(contentsOfFile: output, encoding: .utf8).hasSuffix("</html>\n"))
    #expect(try CLI.dump(copy) == (try cli.contents()))
  }

  @Test func controlCharactersInUserTextAreShownNotRun() throws {
    let cli = try database()
    let note = "\u{1B}]0;owned\u{07}\u{1B}[2J\u{1B}[31mred\u{9B}1m\u{7F}"
    try cli.ok("expense", "add", "--date", "2025-01-16", "--category", "other", "--amount", "5", "--note", note)
    try cli.ok("expense", "add", "--date", "2025-01-17", "--category", "other", "--amount", "5", "--note", "two\nlines\ttab")
    let shown = #"\u{1B}]0;owned\u{7}\u{1B}[2J\u{1B}[31mred\u{9B}1m\u{7F}"#
    for arguments in [["expense", "list"], ["history"]] {
      let output = try cli.run(arguments)
      #expect(output.status == 0)
      #expect(!output.stdout.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" }, "\(arguments)")
      #expect(output.stdout.contains(shown), "\(arguments): \(output.stdout)")
      #expect(output.stdout.contains(#"two\u{A}lines\u{9}tab"#), "\(arguments)")
    }
    // Raw text stays raw where a program reads it.
    #expect(try cli.ok("export", "expenses").contains(note))
    #expect(try cli.ok("export", "expenses", "--format", "json").contains(#"\u001b[31mred"#))

    // An error message quoting a value from a file shows it too, on one line.
    let bad = try cli.file("bad.csv", "date,category,amount\n2025-01-05,\u{1B}[2Jlicense,5\n")
    let result = try cli.run(["import", "expenses", bad])
    #expect(result.status == 65)
    #expect(!result.stderr.contains("\u{1B}"))
    #expect(result.stderr.contains(#"'\u{1B}[2Jlicense'"#), "\(result.stderr)")
    let refused = try cli.run(["log", "2025-02", "sales\n=1"])
    #expect(refused.status == 65)
    #expect(refused.stderr.split(separator: "\n").count == 1, "\(refused.stderr)")
    #expect(refused.stderr.contains(#"sales\u{A}"#), "\(refused.stderr)")
  }

  @Test(arguments: ["", ":memory:", "file::memory:"])
  func initRefusesADatabasePathThatIsNotAFile(path: String) throws {
    let cli = try CLI()
    let result = try cli.run(["init", "--go-live", "2025-01", "--db", path], database: false)
    #expect(result.status == 65)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.hasPrefix("crm-roi: error: --db: "), "\(result.stderr)")
    #expect(result.stderr.contains(path.isEmpty ? "missing; expected a database file path" : "'\(path)' is not valid; expected a database file path"), "\(result.stderr)")
    #expect(result.stderr.split(separator: "\n").count == 1)
    #expect(try FileManager.default.contentsOfDirectory(atPath: cli.directory.path).filter { !$0.hasSuffix(".out") && !$0.hasSuffix(".err") }.isEmpty)
    let fromVariable = try cli.run(["roi"], database: false, environment: ["CRM_ROI_DB": ":memory:"])
    #expect(fromVariable.status == 65)
    #expect(fromVariable.stderr.contains("CRM_ROI_DB: ':memory:' is not valid"), "\(fromVariable.stderr)")
    // The same for the demo's database and a backup's copy.
    try cli.ok("init", "--go-live", "2025-01")
    for (arguments, source) in [(["demo", "--db", path], "--db"), (["backup", path, "--db", cli.database], "FILE")] {
      let refused = try cli.run(arguments, database: false)
      #expect(refused.status == 65)
      #expect(refused.stderr.hasPrefix("crm-roi: error: \(source): "), "\(refused.stderr)")
    }
  }

  /// Files in the test's folder that a command left behind: temporary files and journals.
  func leftovers(in cli: CLI) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: cli.directory.path).filter { $0.contains(".tmp-") || $0.hasSuffix("-journal") }
  }
}

/// The process's umask, read from /proc without setting it (tests run on several threads at once).
func currentUmask() -> mode_t {
  let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
  let line = status.split(separator: "\n").first { $0.hasPrefix("Umask:") } ?? "Umask: 022"
  return mode_t(line.split(separator: "\t").last.flatMap { UInt32($0.trimmingCharacters(in: .whitespaces), radix: 8) } ?? 0o022)
}
