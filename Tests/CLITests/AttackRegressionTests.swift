import Foundation
import SQLite
import Testing

/// Part 6: what an adversarial trial of this release found, each fixed and kept fixed here.
@Suite struct AttackRegressionTests {
  func initialised() throws -> CLI {
    let cli = try CLI()
    try cli.ok("init", "--go-live", "2025-04")
    try cli.ok("expense", "add", "--date", "2025-04-01", "--category", "license", "--amount", "100")
    return cli
  }

  @Test func aReportNeverOverwritesADatabaseOrADevice() throws {
    let cli = try initialised()
    let before = try Data(contentsOf: URL(fileURLWithPath: cli.database))
    let onItself = try cli.run(["report", "--output", cli.database])
    #expect(onItself.status == 65)
    #expect(onItself.stderr.contains("is an SQLite database, which this would overwrite"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: cli.database)) == before)
    let fifo = cli.directory.appendingPathComponent("pipe").path
    #expect(mkfifo(fifo, 0o600) == 0)
    for (command, target) in [(["report", "--output"], fifo), (["backup", "--force"], fifo)] {
      let result = try cli.run(command + [target])
      #expect(result.status == 65, "\(command): \(result.stderr)")
      #expect(result.stderr.contains("is not a regular file"))
    }
    var info = stat()
    #expect(lstat(fifo, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO)
  }

  @Test func anotherProgramsDatabaseWithASettingsTableIsLeftByteForByte() throws {
    let cli = try CLI()
    let other = cli.directory.appendingPathComponent("other.db").path
    do {
      let database = try Database(path: other)
      try database.execute("CREATE TABLE settings (key TEXT, value TEXT); PRAGMA user_version = 1;")
    }
    let before = try Data(contentsOf: URL(fileURLWithPath: other))
    for command in [["roi"], ["expense", "list"], ["expense", "add", "--date", "2025-04-01", "--category", "other", "--amount", "1"]] {
      let result = try cli.run(command + ["--db", other], database: false)
      #expect(result.status == 65, "\(command): \(result.stderr)")
      #expect(result.stderr.contains("is not a crm-roi database"))
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: other)) == before)
    #expect(!FileManager.default.fileExists(atPath: other + "-wal"))
  }

  @Test func aChangeWhoseConfirmationCannotBeWrittenIsRolledBack() throws {
    let cli = try initialised()
    let before = try cli.contents()
    for command in [
      ["expense", "add", "--date", "2025-05-01", "--category", "other", "--amount", "1"],
      ["metric", "add", "sales", "--kind", "revenue", "--margin", "30%"],
      ["settings", "set", "horizon-years", "7"],
      ["expense", "remove", "1"],
    ] {
      let result = try cli.run(command, standardOutput: "/dev/full")
      #expect(result.status == 74, "\(command): \(result.stderr)")
      #expect(result.stderr.contains("cannot write to standard output"))
    }
    #expect(try cli.contents() == before)
    let csv = try cli.file("e.csv", "date,category,amount\n2025-06-01,other,5\n")
    #expect(try cli.run(["import", "expenses", csv], standardOutput: "/dev/full").status == 74)
    #expect(try cli.contents() == before)
  }

  @Test func checkListsDamageInsteadOfFailing() throws {
    let cli = try initialised()
    for index in 0..<200 {
      try cli.ok("expense", "add", "--date", "2025-04-01", "--category", "other", "--amount", "\(index + 1)", "--note", String(repeating: "x", count: 200))
    }
    do {
      let database = try Database(path: cli.database)
      try database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    }
    // Overwrite pages 3 to 6 with noise.
    let handle = try FileHandle(forUpdating: URL(fileURLWithPath: cli.database))
    try handle.seek(toOffset: 4096 * 2)
    try handle.write(contentsOf: Data((0..<(4096 * 4)).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) }))
    try handle.close()
    let check = try cli.run(["check"])
    #expect(check.status == 1 || check.status == 65, "\(check.stderr)")
    #expect(check.status != 74)
    #expect((check.stdout + check.stderr).contains("restore"))
    let roi = try cli.run(["roi"])
    #expect(roi.status == 65, "\(roi.stderr)")
    #expect(roi.stderr.contains("damaged") || roi.stderr.contains("is not a crm-roi database"), "\(roi.stderr)")
  }

  @Test func goLiveCannotMoveMoreThanTenYearsPastAnExpense() throws {
    let cli = try initialised()
    let result = try cli.run(["settings", "set", "go-live", "2040-01"])
    #expect(result.status == 65)
    #expect(result.stderr.contains("go-live 2040-01 would put the expense of 2025-04-01 more than 10 years before it"))
    try cli.ok("settings", "set", "go-live", "2035-04")
  }

  @Test func quartersAreParsedStrictly() throws {
    let cli = try initialised()
    for text in ["+999Q1", "2025Q+2", "0002Q1", "2025Q12"] {
      let result = try cli.run(["roi", "--from", text])
      #expect(result.status == 65, "\(text)")
      #expect(result.stderr.contains("--from: '\(text)' is not valid"))
    }
  }
}
