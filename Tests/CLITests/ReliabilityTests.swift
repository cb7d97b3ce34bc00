import Foundation
import SQLite
import Testing

/// What part 3 promises: the file is never half-written, never corrupted, never touched when it is not ours.
@Suite struct ReliabilityTests {
  func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

  @Test func databasePathsThatAreNotOursAreRefusedAndLeftUntouched() throws {
    let cli = try CLI()
    func refused(_ path: String, _ message: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
      let before = try? bytes(path)
      let result = try cli.run(["roi", "--db", path], database: false)
      #expect(result.status == 65, sourceLocation: sourceLocation)
      #expect(result.stderr.contains(message), "\(result.stderr)", sourceLocation: sourceLocation)
      #expect(result.stderr.split(separator: "\n").count == 1, sourceLocation: sourceLocation)
      #expect((try? bytes(path)) == before, sourceLocation: sourceLocation)
      #expect(!FileManager.default.fileExists(atPath: path + "-wal"), sourceLocation: sourceLocation)
    }
    try refused(cli.directory.path, "is a directory")
    try refused(try cli.file("notes.txt", String(repeating: "not a database at all\n", count: 50)), "is not a crm-roi database")

    let foreign = cli.directory.appendingPathComponent("other.sqlite").path
    try Database(path: foreign).execute("CREATE TABLE customers (name TEXT); INSERT INTO customers VALUES ('Ada')")
    try refused(foreign, "is not a crm-roi database")

    try cli.ok("init", "--go-live", "2025-01")
    let newer = cli.directory.appendingPathComponent("newer.sqlite").path
    try FileManager.default.copyItem(atPath: cli.database, toPath: newer)
    try Database(path: newer).execute("PRAGMA user_version = 99")
    try refused(newer, "schema version 99, newer than this crm-roi supports")

    // Damage the schema page of a copy: the file is refused as damaged, not read half-way.
    let damaged = cli.directory.appendingPathComponent("damaged.sqlite").path
    try Database(path: cli.database).execute("PRAGMA wal_checkpoint(TRUNCATE)")
    var data = try bytes(cli.database)
    for offset in 120..<4_096 { data[offset] = 0x5A }  // all of page 1 after the file header
    try data.write(to: URL(fileURLWithPath: damaged))
    try refused(damaged, "is damaged")
  }

  @Test func aFileThisUserMayNotWriteIsRefused() throws {
    let cli = try CLI()
    try cli.ok("init", "--go-live", "2025-01")
    guard getuid() == 0 else {
      chmod(cli.database, 0o400)
      let result = try cli.run(["roi"])
      #expect(result.status == 65)
      #expect(result.stderr.contains("cannot be read and written by this user"))
      return
    }
    // As root every file is writable: run the binary as nobody instead.
    chmod(cli.directory.path, 0o755)
    chmod(cli.database, 0o644)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
    process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", CLI.binary.path, "roi", "--db", cli.database]
    let err = Pipe()
    process.standardError = err
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(process.terminationStatus == 65)
    #expect(message.contains("cannot be read and written by this user"), "\(message)")
  }

  @Test func aKilledImportLeavesNoneOrAllOfItsRows() throws {
    let cli = try CLI()
    try cli.ok("init", "--go-live", "2025-01")
    let rows = 60_000
    var csv = "date,category,amount,note\n"
    for index in 0..<rows { csv += "2025-0\(index % 9 + 1)-1\(index % 10),service,\(index % 997 + 1).\(index % 90 + 10),row \(index)\n" }
    let file = try cli.file("big.csv", csv)

    var outcomes: Set<Int> = []
    for delay in [0.0, 0.05, 0.15, 0.3, 0.6, 1.0, 2.0] {
      let process = Process()
      process.executableURL = CLI.binary
      process.arguments = ["import", "expenses", file, "--db", cli.database]
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      Thread.sleep(forTimeInterval: delay)
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()

      let database = try Database(path: cli.database, mode: .readWrite)
      let integrity = try database.prepare("PRAGMA integrity_check").rows { $0.text(0) }
      #expect(integrity == ["ok"], "after \(delay) s")
      let count = Int(try database.scalar("SELECT count(*) FROM expense") ?? -1)
      #expect(count == 0 || count == rows, "after \(delay) s: \(count) rows")
      outcomes.insert(count)
      if count == rows { try database.execute("DELETE FROM expense; DELETE FROM audit WHERE action = 'import'") }
    }
    #expect(outcomes.contains(0))
  }

  @Test func fourWritersAtOnceLoseNothing() throws {
    let cli = try CLI()
    try cli.ok("init", "--go-live", "2025-01")
    let script = """
      for i in $(seq 250); do
        "$0" expense add --db "$1" --date 2025-01-02 --category service --amount "$2.$((i % 90 + 10))" --note "writer $2 #$i" || exit 1
      done
      """
    let writers = (1...4).map { writer -> (Process, URL) in
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/bin/bash")
      process.arguments = ["-c", script, CLI.binary.path, cli.database, String(writer)]
      let log = cli.directory.appendingPathComponent("writer\(writer).err")
      _ = FileManager.default.createFile(atPath: log.path, contents: nil)
      process.standardError = try! FileHandle(forWritingTo: log)
      process.standardOutput = FileHandle.nullDevice
      return (process, log)
    }
    for (process, _) in writers { try process.run() }
    for (process, log) in writers {
      process.waitUntilExit()
      let errors = try String(contentsOf: log, encoding: .utf8)
      #expect(process.terminationStatus == 0, "\(errors)")
      #expect(!errors.contains("locked"))
    }
    let database = try Database(path: cli.database, mode: .readWrite)
    #expect(try database.scalar("SELECT count(*) FROM expense") == 1_000)
    #expect(try database.scalar("SELECT count(DISTINCT note) FROM expense") == 1_000)
    #expect(try database.scalar("SELECT count(*) FROM audit WHERE action = 'add'") == 1_000)
  }

  /// Defect 7: an import reads, parses and checks its whole input before it takes the write lock,
  /// and holds that lock only while it moves the new rows in (its duplicate check is linear), so
  /// commands that write or read meanwhile never fail: 2 processes logging and 2 reading
  /// throughout an import of 200,000 rows, its re-import (every row already stored) and an import
  /// of 5,000 rows on the same dates.
  @Test func writersAndReadersNeverFailDuringAnImport() throws {
    let cli = try CLI()
    try cli.ok("init", "--go-live", "2025-01")
    try cli.ok("metric", "add", "sales", "--kind", "revenue", "--margin", "30%")
    try cli.ok("log", "2024-01", "sales=1000")  // a baseline value, so that roi has one from its first run
    var csv = "date,category,amount,note\n"
    for index in 0..<200_000 {
      csv += "202\(3 + index % 2)-\(String(format: "%02d", index % 12 + 1))-\(String(format: "%02d", index % 28 + 1)),service,\(index % 997 + 1).\(index % 90 + 10),row \(index)\n"
    }
    let big = try cli.file("big.csv", csv)
    csv = "date,category,amount,note\n"
    for index in 0..<5_000 { csv += "2023-01-\(String(format: "%02d", index % 28 + 1)),other,\(index + 1),new \(index)\n" }
    let small = try cli.file("small.csv", csv)

    let stop = cli.directory.appendingPathComponent("stop").path
    // Each loop runs its command until told to stop, and prints how many runs it made and how many failed.
    let loop = """
      runs=0; failures=0
      while [ ! -e "$2" ] && [ "$SECONDS" -lt 900 ]; do
        runs=$((runs + 1))
        case "$3" in
          log) "$0" log "2024-$(printf %02d $((runs % 12 + 1)))" "sales=$((1000 + runs))" --db "$1" >/dev/null || failures=$((failures + 1)) ;;
          roi) "$0" roi --db "$1" >/dev/null || failures=$((failures + 1)) ;;
        esac
      done
      echo "$runs $failures"
      """
    let loops = ["log", "log", "roi", "roi"].enumerated().map { index, command -> (Process, URL, URL) in
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/bin/bash")
      process.arguments = ["-c", loop, CLI.binary.path, cli.database, stop, command]
      let out = cli.directory.appendingPathComponent("loop\(index).out")
      let err = cli.directory.appendingPathComponent("loop\(index).err")
      _ = FileManager.default.createFile(atPath: out.path, contents: nil)
      _ = FileManager.default.createFile(atPath: err.path, contents: nil)
      process.standardOutput = try! FileHandle(forWritingTo: out)
      process.standardError = try! FileHandle(forWritingTo: err)
      return (process, out, err)
    }
    defer { _ = FileManager.default.createFile(atPath: stop, contents: nil) }  // however the test ends
    for (process, _, _) in loops { try process.run() }
    Thread.sleep(forTimeInterval: 0.5)

    #expect(try cli.ok("import", "expenses", big).contains("200000 added, 0 replaced, 0 skipped"))
    #expect(try cli.ok("import", "expenses", big).contains("0 added, 0 replaced, 200000 skipped"))
    #expect(try cli.ok("import", "expenses", small).contains("5000 added, 0 replaced, 0 skipped"))

    _ = FileManager.default.createFile(atPath: stop, contents: nil)
    for (index, (process, out, err)) in loops.enumerated() {
      process.waitUntilExit()
      let counts = try String(contentsOf: out, encoding: .utf8).split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
      let errors = try String(contentsOf: err, encoding: .utf8)
      #expect(process.terminationStatus == 0)
      #expect(counts.count == 2 && counts[0] > 0, "loop \(index) made no run: \(counts)")
      #expect(counts.last == 0, "loop \(index): \(counts) runs, failures; \(errors)")
      #expect(errors.isEmpty, "loop \(index): \(errors)")
    }
    let database = try Database(path: cli.database, mode: .readWrite)
    #expect(try database.scalar("SELECT count(*) FROM expense") == 205_000)
  }

  /// `import expenses -` and `import metrics -` read standard input to its end before they take
  /// the write lock: a writer goes on while the input is still coming.
  @Test(arguments: ["expenses", "metrics"])
  func anImportFromStandardInputTakesNoLockWhileItReads(kind: String) throws {
    let cli = try CLI()
    try cli.ok("init", "--go-live", "2025-01")
    try cli.ok("metric", "add", "sales", "--kind", "revenue", "--margin", "30%")
    let (first, last) = kind == "expenses"
      ? ("date,category,amount,note\n2025-01-02,license,100,first\n", "2025-01-04,service,50,last\n")
      : ("month,metric,value\n2024-11,sales,100\n", "2024-12,sales,200\n")
    let process = Process()
    process.executableURL = CLI.binary
    process.arguments = ["import", kind, "-", "--db", cli.database]
    let input = Pipe()
    process.standardInput = input
    let out = cli.directory.appendingPathComponent("import.out")
    _ = FileManager.default.createFile(atPath: out.path, contents: nil)
    process.standardOutput = try FileHandle(forWritingTo: out)
    process.standardError = process.standardOutput
    try process.run()
    defer { if process.isRunning { process.terminate() } }
    input.fileHandleForWriting.write(Data(first.utf8))
    Thread.sleep(forTimeInterval: 0.5)  // the import is running, waiting for more input

    let start = Date()
    let added = try cli.run(["expense", "add", "--date", "2025-01-03", "--category", "other", "--amount", "5"])
    #expect(added.status == 0, "\(added.stderr)")
    #expect(Date().timeIntervalSince(start) < 5)

    input.fileHandleForWriting.write(Data(last.utf8))
    try input.fileHandleForWriting.close()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    #expect(try String(contentsOf: out, encoding: .utf8).contains("Imported <stdin>: 2 added"))
    let database = try Database(path: cli.database, mode: .readWrite)
    if kind == "expenses" {
      #expect(try database.prepare("SELECT id, note FROM expense ORDER BY id").rows { "\($0.integer(0)) \($0.text(1))" }
        == ["1 ", "2 first", "3 last"])
    } else {
      #expect(try database.scalar("SELECT count(*) FROM snapshot") == 2)
    }
  }

  @Test func moneyAddsUpExactly() throws {
    let cli = try CLI()
    try cli.ok("init", "--go-live", "2025-01")
    try cli.ok("expense", "add", "--date", "2025-01-02", "--category", "other", "--amount", "0.10")
    try cli.ok("expense", "add", "--date", "2025-01-02", "--category", "other", "--amount", "0.20")
    #expect(try cli.run(["roi", "--format", "json"]).stdout.contains(#""total_cost_of_ownership": 0.30"#))

    // 100,000 random amounts in cents: the report's total is their exact integer sum.
    var generator = SystemRandomNumberGenerator()
    var csv = "date,category,amount\n"
    var sum: Int64 = 30
    for _ in 0..<100_000 {
      let cents = Int64.random(in: 1...99_999_999, using: &generator)
      sum += cents
      csv += "2025-01-03,other,\(cents / 100).\(String(format: "%02lld", cents % 100))\n"
    }
    try cli.ok("import", "expenses", try cli.file("random.csv", csv))
    let expected = "\(sum / 100).\(String(format: "%02lld", sum % 100))"
    #expect(try cli.run(["roi", "--format", "json"]).stdout.contains(#""total_cost_of_ownership": \#(expected),"#))
  }

  @Test func backupIsAConsistentCopyAndNeverOverwritesByAccident() throws {
    let cli = try CLI()
    try cli.run(["demo", "--db", cli.database], database: false)
    let copy = cli.directory.appendingPathComponent("copy.sqlite").path
    try cli.ok("backup", copy)
    #expect(try CLI.dump(copy) == (try cli.contents()))
    let again = try cli.run(["backup", copy])
    #expect(again.status == 65)
    #expect(again.stderr.contains("already exists"))
    try cli.ok("expense", "add", "--date", "2025-05-01", "--category", "other", "--amount", "1")
    try cli.ok("backup", copy, "--force")
    #expect(try CLI.dump(copy) == (try cli.contents()))
    let attributes = try FileManager.default.attributesOfItem(atPath: copy)
    #expect((attributes[.posixPermissions] as? Int) == 0o600)
  }

  /// A destination that a process committed to and died without closing has a -wal beside it:
  /// the backup replacing it must not have that WAL replayed onto it when opened.
  @Test func backupForceOverALeftoverWALIsTheSourceAsOfTheBackup() throws {
    let cli = try CLI()
    try cli.run(["demo", "--db", cli.database], database: false)
    let old = cli.directory.appendingPathComponent("old.sqlite").path
    try cli.ok("backup", old)
    // Another process commits to the old copy in WAL mode and dies: copy its files while it is open.
    let copy = cli.directory.appendingPathComponent("copy.sqlite").path
    do {
      let writer = try Database(path: old, mode: .readWrite)
      try writer.execute("PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0")
      try writer.execute("INSERT INTO audit (action, subject, new_value) SELECT action, subject, new_value FROM audit")
      try FileManager.default.copyItem(atPath: old, toPath: copy)
      try FileManager.default.copyItem(atPath: old + "-wal", toPath: copy + "-wal")
    }
    try Data("stale".utf8).write(to: URL(fileURLWithPath: copy + "-shm"))
    try Data("stale".utf8).write(to: URL(fileURLWithPath: copy + "-journal"))
    #expect(FileManager.default.fileExists(atPath: copy + "-wal"))

    try cli.ok("backup", copy, "--force")
    for suffix in ["-wal", "-shm", "-journal"] {
      #expect(!FileManager.default.fileExists(atPath: copy + suffix), "\(suffix)")
    }
    #expect(try CLI.dump(copy) == (try cli.contents()))
    #expect(try Database(path: copy, mode: .readWrite).scalar("SELECT count(*) FROM audit")
      == (try Database(path: cli.database, mode: .readWrite).scalar("SELECT count(*) FROM audit")))
  }

  /// A demo or backup killed at any point leaves nothing that the next one refuses or trips on.
  @Test func aKilledDemoOrBackupLeavesNothingTheNextRunTripsOn() throws {
    let cli = try CLI()
    try cli.run(["demo", "--db", cli.database], database: false)
    let demo = cli.directory.appendingPathComponent("demo.sqlite").path
    let copy = cli.directory.appendingPathComponent("copy.sqlite").path
    for delay in [0.0, 0.002, 0.005, 0.01, 0.015, 0.02, 0.03, 0.04, 0.06, 0.1] {
      for arguments in [["demo", "--db", demo], ["backup", copy, "--force", "--db", cli.database]] {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: delay)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        // The target is absent or whole, and the next run succeeds.
        let target = arguments[0] == "demo" ? demo : copy
        if FileManager.default.fileExists(atPath: target) {
          let integrity = try Database(path: target, mode: .readWrite).prepare("PRAGMA integrity_check").rows { $0.text(0) }
          #expect(integrity == ["ok"], "\(arguments[0]) after \(delay) s")
        }
        let again = try cli.run(arguments, database: false)
        #expect(again.status == 0, "\(arguments[0]) after \(delay) s: \(again.stderr)")
      }
    }
    #expect(try CLI.dump(copy) == (try cli.contents()))
  }

  @Test func historyKeepsOldValuesAndRemovedExpensesComeBack() throws {
    let cli = try CLI()
    try cli.ok("init", "--go-live", "2025-01")
    try cli.ok("metric", "add", "sales", "--kind", "revenue", "--margin", "30%")
    try cli.ok("log", "2024-12", "sales=1000")
    try cli.ok("log", "2024-12", "sales=1200")
    try cli.ok("expense", "add", "--date", "2025-01-02", "--category", "license", "--amount", "500", "--note", "Seats")
    try cli.ok("expense", "remove", "1")
    try cli.ok("settings", "set", "baseline-months", "6")
    try cli.ok("metric", "set", "sales", "--attribution", "80%")
    try cli.ok("metric", "remove", "sales", "--force")

    let history = try cli.ok("history", "--limit", "50")
    let lines = history.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
    #expect(lines.contains { $0.contains("replace snapshot sales 2024-12 1000 1200") })
    #expect(lines.contains { $0.contains("remove expense 1 date=2025-01-02") })
    #expect(lines.contains { $0.contains("restore") } == false)
    #expect(lines.contains { $0.contains("replace metric sales kind=revenue margin=30% kind=revenue margin=30% attribution=80%") })
    #expect(history.contains(#"date=2025-01-02 category=license amount=500.00 note="Seats""#))
    #expect(history.contains("baseline-months=12") && history.contains("baseline-months=6"))
    #expect(history.contains("(--force: 1 snapshot removed)"))
    #expect(try cli.ok("history", "--limit", "1").split(separator: "\n").count == 3)  // header, rule, one row

    #expect(try cli.ok("expense", "list").contains("No expenses yet"))
    try cli.ok("expense", "restore", "1")
    #expect(try cli.ok("expense", "list").contains("Seats"))
    #expect(try cli.run(["roi", "--format", "json"]).stdout.contains(#""total_cost_of_ownership": 500.00"#))
  }

  @Test func checkReportsGapsAndExitsNonZero() throws {
    let cli = try CLI()
    try cli.ok("init", "--go-live", "2025-01", "--baseline-months", "3")
    #expect(try cli.run(["check"]).stdout.contains("No problems found."))
    try cli.ok("metric", "add", "sales", "--kind", "revenue", "--margin", "30%")
    try cli.ok("metric", "add", "returns", "--kind", "cost")
    try cli.ok("log", "2024-10", "sales=1", "returns=1")
    try cli.ok("log", "2024-12", "sales=1")
    try cli.ok("log", "2025-03", "sales=1", "returns=1")
    try cli.ok("expense", "add", "--date", "2031-01-01", "--category", "other", "--amount", "1")
    let result = try cli.run(["check"], environment: ["CRM_ROI_TODAY": "2026-04"])
    #expect(result.status == 1)
    #expect(result.stdout.hasPrefix("""
      baseline window 2024-10 to 2024-12: nothing logged for 2024-11
      after go-live: nothing logged for 2025-01, 2025-02
      2024-12: logged for sales but not returns
      expense 1 on 2031-01-01 is after the horizon end 2029-12; it counts in no row
      warning (thin_baseline): 'returns' has 1 baseline value (fewer than 6)
      """))
    // The report's warnings follow the data's own findings: 2 and 1 baseline values, and January and February.
    #expect(result.stdout.contains("warning (thin_baseline): 'sales' has 2 baseline values (fewer than 6)"))
    #expect(result.stdout.contains("warning (missing_months): 'returns' has no value for 2025-01, 2025-02"))
    #expect(result.stdout.contains("warning (missing_months): 'sales' has no value for 2025-01, 2025-02"))
    // Data to 2025-03 read in April 2026: 12 months before 2026-03, the last complete month.
    #expect(result.stdout.contains("warning (stale_data): the latest figures are for 2025-03, more than 2 months before 2026-03, the last complete month"))
    #expect(result.stdout.hasSuffix("9 findings.\n"))
    // Read in May 2025, the same data is current: no stale_data.
    #expect(!(try cli.run(["check"], environment: ["CRM_ROI_TODAY": "2025-05"]).stdout.contains("stale_data")))
  }
}

/// The quick version of bench/run: it runs, and crm-roi's JSON report agrees with the SQL query.
@Suite struct BenchmarkSmokeTests {
  @Test func theQuickBenchmarkRunsAndAgreesWithSQLite() throws {
    guard FileManager.default.fileExists(atPath: "/usr/bin/sqlite3") else {
      Issue.record("the sqlite3 shell is missing: apt-get install sqlite3 (.ci/run does)")
      return
    }
    let cli = try CLI()
    let process = Process()
    process.executableURL = CLI.binary.deletingLastPathComponent().appendingPathComponent("crm-roi-bench")
    process.arguments = ["--binary", CLI.binary.path, "--work", cli.directory.path, "--quick"]
    let output = cli.directory.appendingPathComponent("bench.out")
    _ = FileManager.default.createFile(atPath: output.path, contents: nil)
    process.standardOutput = try FileHandle(forWritingTo: output)
    process.standardError = process.standardOutput
    try process.run()
    process.waitUntilExit()
    let text = try String(contentsOf: output, encoding: .utf8)
    #expect(process.terminationStatus == 0, "\(text)")
    #expect(text.contains("checked 10000 rows: 52 quarters agree with the SQL query"), "\(text)")
  }
}
