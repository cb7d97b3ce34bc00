import ArgumentParser
import Operations
import Reports
import ROIEngine
import Storage

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension CRMROI {
  struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "demo",
      abstract: "Write a sample history to a new database and show its ROI report.",
      discussion: "It replaces a database only if an earlier demo wrote it.")

    @Option(help: "Where to write the sample database.")
    var db = "crm-roi-demo.sqlite"

    @OptionGroup var lang: LanguageOption

    func run() throws {
      let language = try lang.language(nil)
      runLanguage = language
      let path = try databaseFilePath(db, from: "--db")
      try refuseAnythingButAnEarlierDemo(at: path)
      // Built in a new file beside `path` and renamed over it once complete: a demo killed half-way
      // leaves at most a temporary file, never a database that the next demo refuses.
      let file = try FileReplacement(target: path, sidecars: ["-wal", "-shm", "-journal"], replacingDatabase: true)
      let report: ROIReport
      do {
        let store = try Store.openOrCreate(path: file.temporaryPath, followingSymlinks: false)
        report = try store.write { store in
          try store.initialize(SampleHistory.settings, isDemo: true)
          for expense in SampleHistory.expenses(language) { try store.add(expense) }
          for metric in SampleHistory.metrics { try store.add(metric) }
          try store.log(SampleHistory.snapshots)
          return try store.report()
        }
      }
      // Shown before the file takes its place: output that cannot be written leaves no new demo file.
      let shown = TerminalText.visible(path)
      try show(TextReport.render(report, rows: report.quarters, markdown: false, language: language), terminator: "")
      try show("\n" + Catalogue.text(.demoDatabase, language, ["path": shown, "lang": language == .en ? "" : " --lang \(language)"]))
      try standardOutput.flush()
      try file.commit(mode: 0o600)
    }

    /// Refuses an existing file at `path` that an earlier demo did not write.
    private func refuseAnythingButAnEarlierDemo(at path: String) throws {
      var info = stat()
      guard lstat(path, &info) == 0 else { return }
      let isDemo = (try? Store.open(path: path).read { try $0.isDemo() }) ?? false
      guard isDemo else { throw StoreError.notEmpty(path: path) }
    }
  }
}

/// A small company's CRM history, two years around a go-live in April 2025; see the worked example of docs/method.md.
enum SampleHistory {
  static let settings = ROIEngine.Settings(goLive: Month(year: 2025, month: 4), baselineMethod: .auto)

  /// The expenses, their notes in `language`.
  static func expenses(_ language: Language) -> [ROIEngine.Expense] {
    func note(_ message: Message) -> String { Catalogue.text(message, language) }
    return [
      expense("2025-03-01", .license, 1_440_000, note(.demoLicences), every: .year),
      expense("2025-03-10", .installation, 950_000, note(.demoInstallation)),
      expense("2025-03-20", .hardware, 640_000, note(.demoLaptops)),
      ROIEngine.Expense(
        date: try! CalendarDate(parsing: "2025-03-25"), category: .labor, amount: Money(minor: 680_000),
        note: note(.demoMigration), labor: Labor(hundredthsOfHours: 16_000, rate: Money(minor: 4_250))),
      expense("2025-04-01", .service, 35_000, note(.demoHosting), every: .month),
      expense("2025-04-20", .training, 240_000, note(.demoTraining)),
    ]
  }

  static let metrics: [ROIEngine.Metric] = [
    .init(name: "average-order-size", kind: .kpi, target: .relative(Percent(tenThousandths: 30_000))),
    // A kpi, not a count worth money: the revenue of repeat purchases is already in sales.
    .init(name: "repeat-purchases", kind: .kpi, target: .relative(Percent(tenThousandths: 150_000))),
    .init(name: "returns-cost", kind: .cost, target: .relative(Percent(tenThousandths: -150_000))),
    .init(name: "sales", kind: .revenue(margin: Percent(tenThousandths: 350_000)),
          target: .relative(Percent(tenThousandths: 50_000))),
  ]

  /// Sales vary by season around 180,000; after go-live sales, repeat purchases and order size
  /// ramp up over six months while returns fall.
  static let snapshots: [Snapshot] = (-12..<12).flatMap { offset -> [Snapshot] in
    let month = settings.goLive.advanced(by: offset)
    let seasonal: [Int64] = [-6_000, -8_000, -2_000, 0, 2_000, 1_000, -3_000, -5_000, 2_000, 4_000, 6_000, 9_000]
    let ramp = Int64(offset < 0 ? 0 : min(offset + 1, 6))
    let wobble: Int64 = offset % 2 == 0 ? 50 : -50
    let cycle: Int64 = ((offset % 3) + 3) % 3 == 0 ? 10 : -5
    func value(_ units: Int64, _ tenThousandths: Int64 = 0) -> MetricValue {
      MetricValue(tenThousandths: units * 10_000 + tenThousandths)
    }
    return [
      Snapshot(metric: "sales", month: month, value: value(180_000 + seasonal[month.number - 1] + ramp * 1_500)),
      Snapshot(metric: "returns-cost", month: month, value: value(2_400 + wobble - ramp * 60)),
      Snapshot(metric: "repeat-purchases", month: month, value: value(400 + cycle + ramp * 10)),
      Snapshot(metric: "average-order-size", month: month, value: value(86, 5_000 + ramp * 5_000)),
    ]
  }

  private static func expense(
    _ date: String, _ category: ExpenseCategory, _ minor: Int64, _ note: String, every: Frequency? = nil
  ) -> ROIEngine.Expense {
    ROIEngine.Expense(
      date: try! CalendarDate(parsing: date), category: category, amount: Money(minor: minor), note: note,
      recurrence: every.map { Recurrence(every: $0) })
  }
}
