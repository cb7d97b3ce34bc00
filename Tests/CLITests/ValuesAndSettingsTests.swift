import Foundation
import Testing

/// Part 6: values the validators accept never make a command trap or write nonsense; each
/// refusal is one line naming the value, where it came from and the form expected.
@Suite struct ValuesAndSettingsTests {
  func initialised(_ goLive: String = "2025-04") throws -> CLI {
    let cli = try CLI()
    try cli.ok("init", "--go-live", goLive)
    return cli
  }

  /// One line on stderr (one per bad value of an imported file), exit 65, every table as it was.
  func expectRefused(_ cli: CLI, _ arguments: [String], mentioning text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let before = try cli.contents()
    let result = try cli.run(arguments)
    #expect(result.status == 65, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
    #expect(result.stderr.hasPrefix("crm-roi: error: "), sourceLocation: sourceLocation)
    let lines = result.stderr.split(separator: "\n")
    #expect(lines.allSatisfy { $0.hasPrefix("crm-roi: error: ") }, sourceLocation: sourceLocation)
    if arguments.first != "import" { #expect(lines.count == 1, "\(result.stderr)", sourceLocation: sourceLocation) }
    #expect(result.stderr.contains(text), "\(result.stderr)", sourceLocation: sourceLocation)
    #expect(try cli.contents() == before, sourceLocation: sourceLocation)
  }

  @Test func anExpenseLongBeforeGoLiveIsRefusedAsATypo() throws {
    // Part 5: `expense add --date 1960-03-10 …; roi` died with SIGILL in the discount factors.
    let cli = try initialised()
    try expectRefused(
      cli, ["expense", "add", "--date", "1960-03-10", "--category", "installation", "--amount", "9500"],
      mentioning: "more than 10 years before go-live (2025-04) is likely a typo")
    let csv = try cli.file("old.csv", "date,category,amount\n2025-04-01,license,10\n2015-03-31,license,10\n")
    try expectRefused(cli, ["import", "expenses", csv], mentioning: "old.csv:3")
    // Exactly 10 years before is accepted, and the report computes at a 100% discount rate.
    try cli.ok("expense", "add", "--date", "2015-04-01", "--category", "installation", "--amount", "9500")
    let json = try cli.run(["roi", "--format", "json", "--discount-rate", "100%"]).stdout
    // 9,500.00 ten years before G at 100%: 2^10 × 9,500 = 9,728,000.00 at G.
    #expect(json.contains(#""pv_cost": 9728000.00"#))
  }

  @Test func datesOutsideTheYears1900To9999AreRefused() throws {
    let cli = try initialised()
    try expectRefused(
      cli, ["expense", "add", "--date", "1899-12-31", "--category", "license", "--amount", "1"], mentioning: "1900-01-01")
    try cli.ok("metric", "add", "sales", "--kind", "revenue", "--margin", "30%")
    try expectRefused(cli, ["log", "0999-01", "sales=1"], mentioning: "from 1900-01 to 9999-12")
    let late = try CLI()
    let result = try late.run(["init", "--go-live", "9998-01", "--horizon-years", "5"])
    #expect(result.status == 65)
    #expect(result.stderr.contains("--go-live and --horizon-years: 'go-live 9998-01, horizon-years 5' is not valid; expected a go-live and horizon that end by 9999-12 (this one ends in 10002)"))
    #expect(!FileManager.default.fileExists(atPath: late.database))
    try expectRefused(cli, ["settings", "set", "go-live", "9999-01"], mentioning: "end by 9999-12")
  }

  @Test func aCurrencyChangeNeverReinterpretsStoredAmounts() throws {
    // Part 5: add 9500, remove it, switch to JPY, restore it: a TCO of 950,000 JPY.
    let cli = try initialised()
    try cli.ok("expense", "add", "--date", "2025-04-01", "--category", "installation", "--amount", "9500")
    try cli.ok("expense", "remove", "1")
    try expectRefused(cli, ["settings", "set", "currency", "JPY"], mentioning: "has 0 decimals but the stored amounts are in EUR with 2")
    // Same decimals: only with --relabel, which says the amounts are not converted.
    try expectRefused(cli, ["settings", "set", "currency", "USD"], mentioning: "--relabel")
    let relabelled = try cli.ok("settings", "set", "currency", "USD", "--relabel")
    #expect(relabelled.contains("Relabelled the amounts from EUR to USD; they were not converted."))
    try cli.ok("expense", "restore", "1")
    #expect(try cli.ok("roi").contains("Total cost of ownership: 9,500.00 USD"))
    // Made-up codes and the X-codes that are no currency are refused; an empty database may change freely.
    let empty = try initialised()
    for code in ["XTS", "XAU", "XDR", "ABC", "eur"] {
      try expectRefused(empty, ["settings", "set", "currency", code], mentioning: "an active ISO 4217 currency code")
    }
    try empty.ok("settings", "set", "currency", "XOF")
    try empty.ok("settings", "set", "currency", "JPY")
  }

  @Test func laborThatRoundsToNothingIsRefusedWithItsField() throws {
    let cli = try initialised()
    try expectRefused(
      cli, ["expense", "add", "--date", "2025-04-01", "--category", "labor", "--hours", "0.01", "--rate", "0.50"],
      mentioning: "--hours: '0.01' is not valid; expected hours × rate worth at least 0.01 EUR")
    let csv = try cli.file("labor.csv", "date,category,hours,rate\n2025-04-01,labor,0.01,0.50\n")
    try expectRefused(cli, ["import", "expenses", csv], mentioning: "labor.csv:2:")
  }

  @Test func amountsNearThe64BitLimitAddUpExactly() throws {
    // Two amounts of 92,233,720,368,547,758.07 in one month: SQLite's sum() overflowed (exit 74).
    let cli = try initialised()
    for _ in 0..<2 {
      try cli.ok("expense", "add", "--date", "2025-04-01", "--category", "hardware", "--amount", "92233720368547758.07")
    }
    let result = try cli.run(["roi"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("Total cost of ownership: 184,467,440,737,095,516.14 EUR"))
  }

  @Test func quarterRangesOutsideTheDataAreAnsweredHonestly() throws {
    let cli = try initialised("2026-01")
    try cli.ok("expense", "add", "--date", "2026-01-10", "--category", "license", "--amount", "1000")
    // Before any data: no rows and no present value built from later data.
    let early = try cli.json("roi", "--format", "json", "--to", "2020Q1")
    #expect((early["quarters"] as? [Any])?.isEmpty == true)
    let discounted = try #require(early["discounted"] as? [String: Any])
    #expect((discounted["pv_cost"] as? NSNumber)?.intValue == 0)
    #expect((discounted["npv"] as? NSNumber)?.intValue == 0)
    try expectRefused(cli, ["roi", "--from", "2026Q4", "--to", "2026Q3"], mentioning: "--from 2026Q4 is after --to 2026Q3")
  }

  @Test func anExpenseAfterTheHorizonCountsNowhereAndCheckNamesIt() throws {
    // Found by a new user: one expense dated 9999-12-31 made roi print 31,940 rows in 24 s.
    let cli = try initialised()
    try cli.ok("expense", "add", "--date", "2025-04-01", "--category", "license", "--amount", "100")
    try cli.ok("expense", "add", "--date", "9999-12-31", "--category", "other", "--amount", "1")
    let json = try cli.json("roi", "--format", "json")
    #expect((json["quarters"] as? [Any])?.count == 1)
    #expect(try cli.run(["roi", "--format", "json"]).stdout.contains(#""total_cost_of_ownership": 100.00"#))
    let check = try cli.run(["check"])
    #expect(check.status == 1)
    #expect(check.stdout.contains("expense 2 on 9999-12-31 is after the horizon end 2030-03; it counts in no row"))
  }

  @Test func aBackupOntoTheDatabaseItselfIsRefused() throws {
    let cli = try initialised()
    let before = try cli.contents()
    for target in [cli.database, cli.directory.path + "/./test.sqlite"] {
      let result = try cli.run(["backup", target, "--force"])
      #expect(result.status == 65)
      #expect(result.stderr.contains("is the database itself; expected another file for the backup"))
    }
    #expect(try cli.contents() == before)
  }

  @Test func aSettingSetToItsCurrentValueRecordsNothing() throws {
    let cli = try initialised()
    try cli.ok("settings", "set", "currency", "EUR")
    let relabelled = try cli.ok("settings", "set", "currency", "USD", "--relabel")
    #expect(!relabelled.contains("Relabelled"))  // nothing stored: nothing to relabel
    let history = try cli.ok("history")
    // One settings change (to USD); EUR → EUR wrote nothing.
    #expect(history.split(separator: "\n").filter { $0.contains("settings  settings") }.count == 1, "\(history)")
  }

  @Test func readCommandsNeverWriteToAFileThatIsNotACRMROIDatabase() throws {
    let cli = try CLI()
    _ = FileManager.default.createFile(atPath: cli.database, contents: nil, attributes: [.posixPermissions: 0o666])
    for command in [["roi"], ["expense", "list"], ["history"], ["metric", "list"]] {
      let result = try cli.run(command)
      #expect(result.status == 65)
      #expect(result.stderr.contains("is an empty file, not a crm-roi database"))
    }
    let attributes = try FileManager.default.attributesOfItem(atPath: cli.database)
    #expect((attributes[.size] as? NSNumber)?.intValue == 0)
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o666)
    #expect(!FileManager.default.fileExists(atPath: cli.database + "-wal"))
    // init may still take the empty file.
    try cli.ok("init", "--go-live", "2025-04")
  }

  @Test func aDeviceOrAReadOnlyFolderIsNamedForWhatItIs() throws {
    let cli = try CLI()
    let device = try cli.run(["roi"], database: false, environment: ["CRM_ROI_DB": "/dev/zero"])
    #expect(device.status == 65)
    #expect(device.stderr.contains("'/dev/zero' is not a regular file"))
    #expect(!FileManager.default.fileExists(atPath: "/dev/zero-journal"))
    // A folder this user may not write: the folder is blamed, not the file (run as nobody: root may write anywhere).
    let folder = cli.directory.appendingPathComponent("locked").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let shared = try CLI()
    try shared.ok("init", "--go-live", "2025-04")
    let path = folder + "/shop.sqlite"
    try FileManager.default.copyItem(atPath: shared.database, toPath: path)
    try FileManager.default.setAttributes([.posixPermissions: 0o666], ofItemAtPath: path)
    try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: cli.directory.path)
    let asNobody = try cli.runAsNobody(["roi", "--db", path])
    #expect(asNobody.status == 65, "\(asNobody.stderr)")
    #expect(asNobody.stderr.contains("the folder '\(folder)' of database '\(path)' cannot be written"), "\(asNobody.stderr)")
  }
}

extension CLI {
  /// Runs the binary as the user nobody when this is root (root may write anywhere), else as this user.
  func runAsNobody(_ arguments: [String]) throws -> Result {
    guard getuid() == 0 else { return try run(arguments, database: false) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
    process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", CLI.binary.path] + arguments
    let err = Pipe()
    process.standardError = err
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return Result(status: process.terminationStatus, stdout: "", stderr: message)
  }
}
