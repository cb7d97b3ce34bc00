import Foundation
import SQLite

#if canImport(Glibc)
  import Glibc
#endif

/// bench/run's driver: crm-roi against the sqlite3 shell doing the same work on the same machine,
/// as whole processes, medians of several runs, with the ratio crm-roi / sqlite3.
@main
struct Bench {
  struct Measurement {
    let seconds: Double
  }

  nonisolated(unsafe) static var binary = ""
  nonisolated(unsafe) static var work = ""
  nonisolated(unsafe) static var runs = 5

  static func main() throws {
    var sizes = [10_000, 100_000, 1_000_000]
    var quick = false
    var ordersOnly = false
    var serve = ""
    var dashboardOnly = false
    var dashboardRows = 100_000
    var clients = 16
    var seconds = 10.0
    var arguments = CommandLine.arguments.dropFirst()
    while let argument = arguments.popFirst() {
      switch argument {
      case "--binary": binary = arguments.popFirst() ?? ""
      case "--work": work = arguments.popFirst() ?? ""
      case "--runs": runs = Int(arguments.popFirst() ?? "") ?? runs
      case "--sizes": sizes = (arguments.popFirst() ?? "").split(separator: ",").compactMap { Int($0) }
      case "--quick": quick = true
      case "--orders-only": ordersOnly = true
      case "--serve": serve = arguments.popFirst() ?? ""
      case "--dashboard-only": dashboardOnly = true
      case "--dashboard-rows": dashboardRows = Int(arguments.popFirst() ?? "") ?? dashboardRows
      case "--clients": clients = max(1, Int(arguments.popFirst() ?? "") ?? clients)
      case "--seconds": seconds = Double(arguments.popFirst() ?? "") ?? seconds
      default:
        fail("unknown argument \(argument); usage: crm-roi-bench --binary PATH --work DIR [--runs N] [--sizes 10000,…] [--quick] [--orders-only] "
             + "[--serve PATH [--dashboard-only] [--dashboard-rows N] [--clients N] [--seconds S]]")
      }
    }
    guard !binary.isEmpty, !work.isEmpty else { fail("--binary and --work are required") }
    guard !dashboardOnly || !serve.isEmpty else { fail("--dashboard-only needs --serve PATH (crm-roi-serve)") }
    try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
    if quick {
      try check(rows: 10_000)
      return
    }
    if dashboardOnly {
      print("crm-roi-serve under load, medians of \(runs) runs, \(ProcessInfo.processInfo.activeProcessorCount) cores")
      try dashboardBenchmark(serve: serve, rows: dashboardRows, clients: clients, seconds: seconds)
      return
    }

    print("crm-roi vs sqlite3 \(sqliteVersion()), medians of \(runs) runs, \(ProcessInfo.processInfo.activeProcessorCount) cores\n")
    var growth: [(rows: Int, importSeconds: Double, roiSeconds: Double)] = []
    var targets = Targets()
    let startCrm = try measure([binary, "--version"])
    let startSQLite = try measure(["sqlite3", ":memory:", "select 1"])
    row("start-up: --version vs select 1", startCrm, startSQLite)
    targets.startUp = startCrm.seconds / startSQLite.seconds
    if ordersOnly {
      for size in sizes {
        print("\n\(size.formatted()) order rows")
        let ratio = try ordersBenchmark(size: size)
        print(String(format: "  import orders: %.2f × sqlite3 .import + GROUP BY, target ≤ 2.0 ×: %@", ratio, ratio <= 2 ? "met" : "NOT MET"))
      }
      return
    }
    let metricsCSV = "\(work)/metrics.csv"
    try DataSet.metricsCSV().write(toFile: metricsCSV, atomically: true, encoding: .utf8)
    for size in sizes {
      print("\n\(size.formatted()) expense rows, \(DataSet.metricCount) metrics × \(DataSet.months.count) months")
      let csv = "\(work)/expenses-\(size).csv"
      try DataSet.expensesCSV(rows: size).write(toFile: csv, atomically: true, encoding: .utf8)

      let importCrm = try measure(prepare: { try freshDatabase("crm-\(size)") }) { db in [binary, "import", "expenses", csv, "--db", db] }
      // sqlite3's fastest of its ways to the same end state, each measured here.
      let variants = try SQLiteImport.allCases.map { variant in
        (variant, try measure(prepare: { try sqliteTable("sql-\(size)") }) { db in sqliteImport(db, csv, variant) })
      }
      let (fastest, importSQLite) = variants.min { $0.1.seconds < $1.1.seconds }!
      row("import expenses CSV vs sqlite3 fastest", importCrm, importSQLite,
          memory: (try peakMemory([binary, "import", "expenses", csv, "--db", try freshDatabase("crm-\(size)")]),
                   try peakMemory(sqliteImport(try sqliteTable("sql-\(size)"), csv, fastest))))
      print("    sqlite3: " + variants.map { String(format: "%@ %.2f ms", $0.0.rawValue, $0.1.seconds * 1000) }.joined(separator: ", "))

      // The same file again into the database it was imported into: every row is skipped.
      let db = try freshDatabase("report-\(size)")
      try run([binary, "import", "expenses", csv, "--db", db])
      let reimport = try measure([binary, "import", "expenses", csv, "--db", db])
      let (_, lock) = try withLockProbe(database: db) { try run([binary, "import", "expenses", csv, "--db", db]) }
      row("re-import, all skipped vs first import", reimport, importCrm, versus: "first",
          memory: (try peakMemory([binary, "import", "expenses", csv, "--db", db]), nil))
      print(String(format: "  %-40@ %.0f ms (the longest another writer waited for the lock)", "re-import: write lock held" as NSString, lock * 1000))

      for metric in DataSet.metrics { try run([binary, "metric", "add", metric.name] + metric.options + ["--db", db]) }
      try run([binary, "import", "metrics", metricsCSV, "--db", db])
      let roiCrm = try measure([binary, "roi", "--format", "json", "--db", db])
      let roiSQLite = try measure(["sqlite3", db, DataSet.quarterlySQL])
      row("roi --format json vs one SQL query", roiCrm, roiSQLite,
          memory: (try peakMemory([binary, "roi", "--format", "json", "--db", db]), try peakMemory(["sqlite3", db, DataSet.quarterlySQL])))

      let addCrm = try measure([binary, "expense", "add", "--db", db, "--date", "2025-05-01", "--category", "other", "--amount", "12.50"])
      let addSQLite = try measure(["sqlite3", db, "INSERT INTO expense (date, category, amount) VALUES ('2025-05-01', 'other', 1250)"])
      row("expense add vs one INSERT", addCrm, addSQLite)
      growth.append((size, importCrm.seconds, roiCrm.seconds))
      targets.rows = size
      targets.importRatio = importCrm.seconds / importSQLite.seconds
      targets.addRatio = addCrm.seconds / addSQLite.seconds
      targets.reimportRatio = reimport.seconds / importCrm.seconds
      targets.lockSeconds = lock
      targets.ordersRatio = try ordersBenchmark(size: size)
      for file in [csv, db, db + "-wal", db + "-shm"] { unlink(file) }
    }
    if growth.count > 1 {
      print("\nGrowth (time ∝ rows^slope; 1 is linear)")
      for (previous, next) in zip(growth, growth.dropFirst()) {
        let scale = log(Double(next.rows) / Double(previous.rows))
        print(String(format: "  %@ → %@ rows: import slope %.2f, roi slope %.2f",
                     previous.rows.formatted(), next.rows.formatted(),
                     log(next.importSeconds / previous.importSeconds) / scale, log(next.roiSeconds / previous.roiSeconds) / scale))
      }
    }
    targets.print()
    // The web app's dashboard under load, after the command line's figures.
    if !serve.isEmpty { try dashboardBenchmark(serve: serve, rows: dashboardRows, clients: clients, seconds: seconds) }
  }

  /// The four figures docs/performance.md promises, at the largest size run.
  struct Targets {
    var rows = 0
    var importRatio = Double.nan
    var addRatio = Double.nan
    var reimportRatio = Double.nan
    var lockSeconds = Double.nan
    var startUp = Double.nan
    var ordersRatio = Double.nan

    func print() {
      Swift.print("\nTargets at \(rows.formatted()) rows, medians of \(Bench.runs) runs")
      func line(_ name: String, _ value: Double, _ unit: String, _ target: Double, _ extra: String = "") {
        let figure = String(format: "%5.2f ×", value)
        let verdict = String(format: "target ≤ %.1f ×: %@", target, value <= target ? "met" : "NOT MET")
        Swift.print("  " + name.padding(toLength: 24, withPad: " ", startingAt: 0) + figure + " "
                    + unit.padding(toLength: 20, withPad: " ", startingAt: 0) + verdict + extra)
      }
      line("import expenses", importRatio, "sqlite3 fastest", 1.5)
      line("expense add", addRatio, "one INSERT", 1.3)
      line("re-import, all skipped", reimportRatio, "the first import", 1.5,
           String(format: "; write lock held %.0f ms, target < 1000 ms: %@", lockSeconds * 1000, lockSeconds < 1 ? "met" : "NOT MET"))
      line("start-up", startUp, "sqlite3 select 1", 1.2)
      line("import orders", ordersRatio, "sqlite3 + GROUP BY", 2.0)
    }
  }

  /// What the lock probe's thread shares with the driver, under its lock.
  final class Probe: @unchecked Sendable {
    let lock = NSLock()
    var stop = false
    var longest = 0.0
    var failure: String?
  }

  /// Runs `body` while another connection takes the write lock and lets it go again every 2 ms;
  /// returns what `body` returned and the longest that connection waited for the lock: how long
  /// `body` held it at most (to the millisecond).
  static func withLockProbe<T>(database: String, _ body: () throws -> T) throws -> (T, Double) {
    let probe = Probe()
    let thread = Thread {
      func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
      }
      do {
        let connection = try Database(path: database, mode: .readWrite)
        while !probe.lock.withLock({ probe.stop }) {
          let start = now()
          while true {
            do {
              try connection.execute("BEGIN IMMEDIATE")
              break
            } catch let error as SQLiteError where error.primaryCode == 5 {  // SQLITE_BUSY: another writer has it
              usleep(200)
            }
          }
          let waited = now() - start
          try connection.execute("ROLLBACK")
          probe.lock.withLock { probe.longest = max(probe.longest, waited) }
          usleep(2_000)
        }
      } catch {
        probe.lock.withLock { probe.failure = "\(error)" }
      }
    }
    thread.start()
    defer { probe.lock.withLock { probe.stop = true } }
    let result = try body()
    probe.lock.withLock { probe.stop = true }
    while !thread.isFinished { usleep(1_000) }
    if let failure = probe.lock.withLock({ probe.failure }) { fail("lock probe: \(failure)") }
    return (result, probe.lock.withLock { probe.longest })
  }

  static func row(_ name: String, _ crm: Measurement, _ other: Measurement, versus: String = "sqlite3", memory: (crm: Int, other: Int?)? = nil) {
    let ratio = crm.seconds / other.seconds
    var line = String(format: "  %-40@ crm-roi %9.2f ms   %@ %9.2f ms   ratio %5.2f", name as NSString,
                      crm.seconds * 1000, versus.padding(toLength: 7, withPad: " ", startingAt: 0) as NSString, other.seconds * 1000, ratio)
    if let memory {
      line += String(format: "   peak RSS %6.1f MB", Double(memory.crm) / 1024)
      if let other = memory.other { line += String(format: " (sqlite3 %6.1f MB)", Double(other) / 1024) }
    }
    print(line)
  }

  /// Peak resident memory of one run, in KB, as GNU time reports it. (A child's own rusage would
  /// count this driver's memory too: the child is the driver's copy until it executes.)
  static func peakMemory(_ command: [String]) throws -> Int {
    let report = "\(work)/time.txt"
    try run(["/usr/bin/time", "-f", "%M", "-o", report] + command)
    return Int(try String(contentsOfFile: report, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
  }

  /// A new crm-roi database with the benchmark's settings.
  static func freshDatabase(_ name: String) throws -> String {
    let path = "\(work)/\(name).sqlite"
    for file in [path, path + "-wal", path + "-shm"] { unlink(file) }
    try run([binary, "init", "--go-live", DataSet.goLive, "--db", path])
    return path
  }

  /// crm-roi's own `expense` table (its columns and CHECK constraints, as its migrations leave it)
  /// and its indexes, read from a database crm-roi made.
  nonisolated(unsafe) static var expenseSchema: (table: String, indexes: [String])?

  static func crmExpenseSchema() throws -> (table: String, indexes: [String]) {
    if let expenseSchema { return expenseSchema }
    let database = try Database(path: try freshDatabase("schema"), mode: .readWrite)
    let table = try database.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'expense'").rows { $0.text(0) }
    let indexes = try database.prepare(
      "SELECT sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'expense' AND sql IS NOT NULL ORDER BY name"
    ).rows { $0.text(0) }
    guard let first = table.first else { fail("no expense table in a new crm-roi database") }
    expenseSchema = (first, indexes)
    return (first, indexes)
  }

  /// An empty file with crm-roi's expense table, in WAL mode like crm-roi's; its indexes come after the load.
  static func sqliteTable(_ name: String) throws -> String {
    let path = "\(work)/\(name).sqlite"
    for file in [path, path + "-wal", path + "-shm"] { unlink(file) }
    try run(["sqlite3", path, "PRAGMA journal_mode = WAL", try crmExpenseSchema().table])
    return path
  }

  /// The ways the sqlite3 shell reaches crm-roi's end state fastest: `.import` into a temporary
  /// table, one `INSERT … SELECT` into crm-roi's table that turns amounts into cents and empty
  /// fields into NULL, then the same indexes; as separate statements, in one transaction, or with
  /// the temporary table in memory. bench/run takes the fastest of them on the machine at hand.
  enum SQLiteImport: String, CaseIterable {
    case statements = "separate statements"
    case transaction = "one transaction"
    case memory = "temporary table in memory"
  }

  static func sqliteImport(_ database: String, _ csv: String, _ variant: SQLiteImport) -> [String] {
    let indexes = (try? crmExpenseSchema().indexes) ?? []
    let steps = [
      "CREATE TEMP TABLE staging (date TEXT, category TEXT, amount TEXT, note TEXT, every TEXT, until_month TEXT)",
      ".import --csv --skip 1 --schema temp \(csv) staging",
      """
      INSERT INTO expense (date, category, amount, note, every, until_month)
      SELECT date, category, CAST(replace(amount, '.', '') AS INTEGER), nullif(note, ''), nullif(every, ''), nullif(until_month, '')
      FROM temp.staging
      """,
    ] + indexes
    switch variant {
    case .statements: return ["sqlite3", database] + steps
    case .transaction: return ["sqlite3", database, "BEGIN"] + steps + ["COMMIT"]
    case .memory: return ["sqlite3", database, "PRAGMA temp_store = MEMORY"] + steps
    }
  }

  static func measure(_ command: [String]) throws -> Measurement {
    try measure(prepare: { "" }) { _ in command }
  }

  /// Median wall time of `runs` runs, each after `prepare`.
  static func measure(prepare: () throws -> String, _ command: (String) -> [String]) throws -> Measurement {
    var times: [Double] = []
    for _ in 0..<runs {
      let argument = try prepare()
      times.append(try run(command(argument)).seconds)
    }
    return Measurement(seconds: times.sorted()[times.count / 2])
  }

  /// Runs `command` (looked up on PATH) with output discarded; its wall time.
  @discardableResult
  static func run(_ command: [String], output: String = "/dev/null") throws -> Measurement {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, "\(work)/stderr.txt", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    defer { posix_spawn_file_actions_destroy(&actions) }
    let arguments = command.map { strdup($0) } + [nil]
    defer { arguments.forEach { free($0) } }
    var start = timespec()
    clock_gettime(CLOCK_MONOTONIC, &start)
    var pid: pid_t = 0
    guard posix_spawnp(&pid, command[0], &actions, nil, arguments, environ) == 0 else { fail("cannot start \(command[0])") }
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    var end = timespec()
    clock_gettime(CLOCK_MONOTONIC, &end)
    if status != 0 {
      let message = (try? String(contentsOfFile: "\(work)/stderr.txt", encoding: .utf8)) ?? ""
      fail("\(command.prefix(4).joined(separator: " ")) failed (\(status)): \(message)")
    }
    let seconds = Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
    return Measurement(seconds: seconds)
  }

  static func sqliteVersion() -> String {
    let path = "\(work)/version.txt"
    _ = try? run(["sqlite3", "--version"], output: path)
    return ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: " ").first.map(String.init) ?? "?"
  }

  /// The quick check `swift test` runs: 10k rows through both, and crm-roi's JSON report carries
  /// the same quarterly cost and benefit as the SQL query.
  static func check(rows: Int) throws {
    runs = 1
    let csv = "\(work)/expenses.csv"
    try DataSet.expensesCSV(rows: rows).write(toFile: csv, atomically: true, encoding: .utf8)
    let metricsCSV = "\(work)/metrics.csv"
    try DataSet.metricsCSV().write(toFile: metricsCSV, atomically: true, encoding: .utf8)
    let db = try freshDatabase("check")
    try run([binary, "import", "expenses", csv, "--db", db])
    for metric in DataSet.metrics { try run([binary, "metric", "add", metric.name] + metric.options + ["--db", db]) }
    try run([binary, "import", "metrics", metricsCSV, "--db", db])
    let sqlite = try sqliteTable("check-sql")
    try run(sqliteImport(sqlite, csv, .statements))
    let stored = try Database(path: sqlite, mode: .readWrite).scalar("SELECT count(*) FROM expense")
    guard stored == Int64(rows) else { fail("sqlite3 imported \(stored ?? 0) rows, expected \(rows)") }
    try run([binary, "roi", "--format", "json", "--db", db], output: "\(work)/roi.json")
    try run(["sqlite3", "-csv", db, DataSet.quarterlySQL], output: "\(work)/quarters.csv")
    let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(work)/roi.json"))) as? [String: Any] ?? [:]
    let quarters = report["quarters"] as? [[String: Any]] ?? []
    let expected = try String(contentsOfFile: "\(work)/quarters.csv", encoding: .utf8).split(separator: "\n").map {
      $0.split(separator: ",").map { String($0) }
    }
    guard quarters.count == expected.count, !quarters.isEmpty else {
      fail("crm-roi has \(quarters.count) quarters, the SQL query \(expected.count)")
    }
    for (quarter, sql) in zip(quarters, expected) {
      let cost = (quarter["cost"] as? NSNumber)?.doubleValue ?? .nan
      let benefit = (quarter["benefit"] as? NSNumber)?.doubleValue ?? .nan
      guard quarter["quarter"] as? String == sql[0], abs(cost - Double(sql[1])!) < 0.005, abs(benefit - Double(sql[2])!) < 0.011 else {
        fail("quarter \(quarter["quarter"] ?? "?"): crm-roi cost \(cost) benefit \(benefit), SQL \(sql)")
      }
    }
    print("checked \(rows) rows: \(quarters.count) quarters agree with the SQL query")
  }

  static func fail(_ message: String) -> Never {
    stopServer()
    FileHandle.standardError.write(Data("crm-roi-bench: \(message)\n".utf8))
    exit(1)
  }
}
