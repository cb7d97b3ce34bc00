import Foundation
import SQLite
import Testing

/// The built binary end to end on temporary databases. Expected figures are computed by hand.
@Suite struct CommandLineTests {
  /// Go-live 2025-01, sales 100,000 a month before and 105,000 after at a 50% margin, a 100,000 licence:
  /// 7,500 benefit a quarter, 7.5% ROI a quarter, 30% a year, payback in 3.33 years.
  func sevenAndAHalfPercentCase() throws -> CLI {
    let cli = try CLI()
    try cli.ok("init", "--go-live", "2025-01")
    try cli.ok("metric", "add", "sales", "--kind", "revenue", "--margin", "50%", "--target", "+5%")
    for month in 1...12 { try cli.ok("log", String(format: "2024-%02d", month), "sales=100000") }
    for month in 1...3 { try cli.ok("log", String(format: "2025-%02d", month), "sales=105000") }
    try cli.ok("expense", "add", "--date", "2025-01-15", "--category", "license", "--amount", "100000")
    return cli
  }

  /// `--version` and the plain form of `expense add` are parsed without swift-argument-parser
  /// (FastPath.swift); every other form goes through it. Both give the same rows, output and errors.
  @Test func theFastPathAndTheFullParserAgree() throws {
    let cli = try CLI()
    try cli.ok("init", "--go-live", "2025-01")
    #expect(try cli.run(["--version"], database: false).stdout == "0.1.0 (source build)\n")
    // The web app's executable says the same (one BuildInfo, which scripts/release stamps).
    let serve = CLI.binary.deletingLastPathComponent().appendingPathComponent("crm-roi-serve")
    #expect(try CLI.launch(serve, ["--version"], in: cli.directory, environment: CLI.environment).stdout == "0.1.0 (source build)\n")

    // The same expenses, once in the plain form and once with --name=value (the full parser).
    let expenses: [[(String, String)]] = [
      [("date", "2025-01-02"), ("category", "other"), ("amount", "5"), ("note", "-minus first")],
      [("date", "2025-01-03"), ("category", "labor"), ("hours", "7.25"), ("rate", "42.50")],
      [("date", "2025-02-01"), ("category", "service"), ("amount", "350"), ("every", "month"), ("until", "2026-01")],
    ]
    for expense in expenses {
      let plain = try cli.run(["expense", "add"] + expense.flatMap { ["--\($0.0)", $0.1] })
      let full = try cli.run(["expense", "add"] + expense.map { "--\($0.0)=\($0.1)" })
      #expect(plain.status == 0 && full.status == 0, "\(plain.stderr) \(full.stderr)")
      let id = { (text: String) in text.split(separator: ":").first.map(String.init) ?? "" }
      #expect(plain.stdout.dropFirst(id(plain.stdout).count) == full.stdout.dropFirst(id(full.stdout).count))
    }
    let database = try Database(path: cli.database, mode: .readWrite)
    let rows = try database.prepare(
      "SELECT date, category, amount, note, hours_centi, rate, every, until_month FROM expense ORDER BY id"
    ).rows { row in (0..<row.columnCount).map { row.optionalText($0) ?? "NULL" }.joined(separator: "|") }
    #expect(rows.count == 6)
    for pair in stride(from: 0, to: rows.count, by: 2) { #expect(rows[pair] == rows[pair + 1]) }

    // Refusals read the same either way, and forms the fast path declines still work or fail as before.
    func same(_ plain: [String], _ full: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
      let (a, b) = (try cli.run(["expense", "add"] + plain), try cli.run(["expense", "add"] + full))
      #expect(a.status == b.status && a.stderr == b.stderr, "\(a.stderr) | \(b.stderr)", sourceLocation: sourceLocation)
      #expect(a.status != 0, sourceLocation: sourceLocation)
    }
    try same(["--date", "2025-13-01", "--category", "other", "--amount", "5"], ["--date=2025-13-01", "--category=other", "--amount=5"])
    try same(["--date", "2025-01-02", "--category", "lunch", "--amount", "5"], ["--date=2025-01-02", "--category=lunch", "--amount=5"])
    try same(["--date", "2025-01-02", "--amount", "5"], ["--date=2025-01-02", "--amount=5"])  // no --category
    try same(["--date", "2025-01-02", "--category", "-x", "--amount", "5"], ["--date=2025-01-02", "--category", "-x", "--amount=5"])
    try same(["--date", "2025-01-02", "--category", "other", "--amount", "5", "--colour", "red"], ["--date=2025-01-02", "--category=other", "--amount=5", "--colour=red"])
    #expect(try cli.run(["expense", "add", "--help"]).stdout.contains("--category <category>"))
    #expect(try database.scalar("SELECT count(*) FROM expense") == 6)
  }

  @Test func theRoiReportInEveryFormat() throws {
    let cli = try sevenAndAHalfPercentCase()

    let table = try cli.ok("roi", "--wide")
    #expect(table.contains("2025Q1   100,000.00  7,500.00  100,000.00      7,500.00  7.5%               30.0%        -92.5%"))
    #expect(table.contains("Total cost of ownership: 100,000.00 EUR"))
    #expect(table.contains("Payback rule of thumb (TCO / a year's benefit at this pace): 3.33 years"))
    #expect(table.contains("Break-even quarter, to date: not reached"))
    // Objective: +5% on a 100,000 baseline is 105,000, reached.
    #expect(table.contains("sales      +5%  100,000.00  105,000.00    5.0%    105,000.00  yes"))

    let json = try cli.run(["roi", "--format", "json"]).stdout
    #expect(json.contains(#""total_cost_of_ownership": 100000.00"#))
    #expect(json.contains(#""benefit": 7500.00"#))
    #expect(json.contains(#""roi": 0.075"#))
    #expect(json.contains(#""rolling_annual_roi": 0.3"#))
    #expect(json.contains(#""cumulative_net_roi": -0.925"#))
    #expect(json.contains(#""projected_payback_years": 3.333333"#))
    let parsed = try cli.json("roi", "--format", "json")
    #expect(parsed["currency"] as? String == "EUR")
    #expect(parsed["go_live"] as? String == "2025-01")
    let quarters = try #require(parsed["quarters"] as? [[String: Any]])
    #expect(quarters.map { $0["quarter"] as? String } == ["2025Q1"])
    #expect(quarters[0]["missing_months"] as? [String] == [])
    #expect((quarters[0]["benefit_by_metric"] as? [String: Any])?.keys.sorted() == ["sales"])
    let payback = try #require(parsed["payback"] as? [String: Any])
    #expect(payback["break_even_quarter"] is NSNull)

    let csv = try cli.ok("roi", "--format", "csv")
    #expect(csv.hasPrefix("quarter,first_month,last_month,cost,benefit,benefit_sales,cumulative_cost,"))
    #expect(csv.contains("\n2025Q1,2025-01,2025-03,100000.00,7500.00,7500.00,100000.00,7500.00,0.075,0.3,-0.925,,7500.00,7500.00,false,0.3,0.3,false\n"))

    let markdown = try cli.ok("roi", "--format", "markdown")
    #expect(markdown.contains("| 2025Q1 | 100,000.00 | 7,500.00 |"))
  }

  @Test func aMonthLoggedTwiceKeepsTheSecondValue() throws {
    let cli = try sevenAndAHalfPercentCase()
    let output = try cli.ok("log", "2025-02", "sales=110000")
    #expect(output.contains("0 added, 1 replaced, 0 unchanged"))
    // January 2,500 + February (110,000 − 100,000) × 50% = 5,000 + March 2,500.
    #expect(try cli.run(["roi", "--format", "json"]).stdout.contains(#""benefit": 10000.00"#))
  }

  @Test func laborIsHoursTimesRateRoundedHalfToEven() throws {
    let cli = try CLI()
    try cli.ok("init", "--go-live", "2025-01")
    let added = try cli.ok("expense", "add", "--date", "2025-01-05", "--category", "labor", "--hours", "7.25", "--rate", "42.50")
    #expect(added.contains("308.12 EUR"))  // 7.25 × 42.50 = 308.125, ties to the even cent
    let list = try cli.ok("expense", "list")
    #expect(list.contains("7.25 h × 42.50"))
  }

  @Test func recurringExpensesAndFiscalQuarters() throws {
    let cli = try CLI()
    try cli.ok("init", "--go-live", "2025-05", "--fiscal-year-start", "4", "--horizon-years", "1")
    try cli.ok("expense", "add", "--date", "2025-04-01", "--category", "service", "--amount", "350", "--every", "month", "--until", "2025-09")
    try cli.ok("expense", "add", "--date", "2025-04-01", "--category", "license", "--amount", "1200", "--every", "quarter")
    try cli.ok("expense", "add", "--date", "2025-08-01", "--category", "training", "--amount", "99.99")
    let json = try cli.run(["roi", "--format", "json"]).stdout
    // 6 × 350 + licence quarterly from 2025-04 to the horizon end 2026-04 (5 times) × 1,200 + 99.99
    #expect(json.contains(#""total_cost_of_ownership": 8199.99"#))
    #expect(json.contains(#""quarter": "FY2026Q1""#))
    #expect(json.contains(#""quarter": "FY2026Q2""#))
    #expect(!json.contains("FY2026Q3"))
    let fromSecond = try cli.run(["roi", "--format", "json", "--from", "FY2026Q2"]).stdout
    #expect(!fromSecond.contains(#""quarter": "FY2026Q1""#))
    // FY2026Q1 is 3 × 350 + 1,200 = 2,250; FY2026Q2 (July–September) 3 × 350 + 1,200 + 99.99 = 2,349.99.
    #expect(fromSecond.contains(#""cost": 2349.99"#))
    #expect(fromSecond.contains(#""cumulative_cost": 4599.99"#))
  }

  @Test func theDemoShowsTheWorkedExample() throws {
    let cli = try CLI()
    let output = try cli.run(["demo"], database: false)
    #expect(output.status == 0)
    // The README's worked example, computed by hand there: TCO 132,500; 2025Q2 brings 4,510
    // (sales 12,000 × 35% + returns 310); the first year after go-live brings 33,345: 3.97 years.
    #expect(output.stdout.contains("Total cost of ownership: 132,500.00 EUR"))
    #expect(output.stdout.contains("2025Q2    3,450.00   4,510.00   3.4%               13.6%        -88.9%"))
    #expect(output.stdout.contains("2026Q1   15,450.00   4,980.00   3.8%               25.2%        -42.6%"))
    #expect(output.stdout.contains("Payback rule of thumb (TCO / a year's benefit at this pace): 3.97 years (noise"))
    // The verdict's payback, by hand: the running net is −10,010 after year 2 (the TEI table's
    // cumulative row); each month of year 3 adds 33,345 / 12 − 350 hosting = 2,428.75, so 5 months
    // (Apr–Aug 2027) take it to +2,133.75, and the March 2028 licence leaves it at +4,735: 2027-08.
    #expect(output.stdout.contains("The CRM has not paid for itself yet, and is on track to."))
    #expect(output.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains(
      "At this pace it pays for itself in 2027-08, 2 years and 5 months after go-live."))
    #expect(output.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
    let wide = try cli.run(["roi", "--wide", "--db", cli.directory.appendingPathComponent("crm-roi-demo.sqlite").path], database: false).stdout
    #expect(wide.contains("2026Q1   15,450.00   4,980.00  58,100.00     33,345.00   3.8%               25.2%        -42.6%"))
    #expect(output.stdout.contains("As of 2026-03"))
    // docs/method.md shows this output as a console block, which DocumentationTests checks.
    #expect(FileManager.default.fileExists(atPath: cli.directory.appendingPathComponent("crm-roi-demo.sqlite").path))
    // A second demo replaces the first; a real database is never replaced.
    #expect(try cli.run(["demo"], database: false).status == 0)
    try cli.ok("init", "--go-live", "2025-01")
    let refused = try cli.run(["demo", "--db", cli.database], database: false)
    #expect(refused.status == 65)
    #expect(refused.stderr.contains(cli.database))
  }

  @Test func theDatabasePathComesFromTheEnvironment() throws {
    let cli = try CLI()
    let fromVariable = cli.directory.appendingPathComponent("env.sqlite").path
    #expect(try cli.run(["init", "--go-live", "2025-01"], database: false, environment: ["CRM_ROI_DB": fromVariable]).status == 0)
    #expect(FileManager.default.fileExists(atPath: fromVariable))
    let dataHome = cli.directory.appendingPathComponent("data").path
    #expect(try cli.run(["init", "--go-live", "2025-01"], database: false, environment: ["XDG_DATA_HOME": dataHome]).status == 0)
    #expect(FileManager.default.fileExists(atPath: dataHome + "/crm-roi/crm-roi.sqlite"))
  }

  @Test func aMissingDatabaseIsNamedAndNotCreated() throws {
    let cli = try CLI()
    let result = try cli.run(["roi"])
    #expect(result.status == 65)
    #expect(result.stderr.contains(cli.database))
    #expect(!FileManager.default.fileExists(atPath: cli.database))
  }

  @Test func usageErrorsExitWith64() throws {
    let cli = try CLI()
    let result = try cli.run(["init"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("--go-live"))
  }

  static let badInputs: [(arguments: [String], named: String)] = [
    (["log", "2025-02", "nosuch=5"], "'nosuch'"),
    (["log", "2025-13", "sales=1"], "'2025-13'"),
    (["log", "2099-01", "sales=1"], "'2099-01'"),
    (["log", "2025-02", "sales=12.345"], "'12.345'"),
    (["log", "2025-02", "sales=1,000"], "'1,000'"),
    (["log", "2025-02", "sales"], "'sales'"),
    (["expense", "add", "--date", "2025-01-02", "--category", "license", "--amount", "-5"], "'-5'"),
    (["expense", "add", "--date", "2025-01-02", "--category", "license", "--amount", "0"], "'0'"),
    (["expense", "add", "--date", "2025-01-02", "--category", "license", "--amount", ""], "--amount: missing"),
    (["expense", "add", "--date", "2025-01-02", "--category", "license", "--amount", "abc"], "'abc'"),
    (["expense", "add", "--date", "2025-01-02", "--category", "license", "--amount", "1,000"], "'1,000'"),
    (["expense", "add", "--date", "25-01-01", "--category", "license", "--amount", "5"], "'25-01-01'"),
    (["expense", "restore", "1"], "expense 1 is not removed"),
    (["expense", "add", "--date", "2025-01-02", "--category", "license", "--amount", "12.345"], "'12.345'"),
    (["expense", "add", "--date", "2025-01-02", "--category", "license", "--amount", "1e3"], "'1e3'"),
    (["expense", "add", "--date", "2025-01-02", "--category", "license", "--amount", "NaN"], "'NaN'"),
    (["expense", "add", "--date", "2025-01-02", "--category", "license", "--amount", "99999999999999999999"], "'99999999999999999999'"),
    (["expense", "add", "--date", "2025-02-30", "--category", "license", "--amount", "5"], "'2025-02-30'"),
    (["expense", "add", "--date", "2025/01/01", "--category", "license", "--amount", "5"], "'2025/01/01'"),
    (["expense", "add", "--date", "2025-01-02", "--category", "lunch", "--amount", "5"], "'lunch'"),
    (["expense", "add", "--date", "2025-01-02", "--category", "labor", "--hours", "10"], "--rate: missing; expected an hourly rate"),
    (["expense", "add", "--date", "2025-03-02", "--category", "service", "--amount", "5", "--every", "week"], "'week'"),
    (["expense", "add", "--date", "2025-03-02", "--category", "service", "--amount", "5", "--every", "month", "--until", "2025-02"], "'2025-02'"),
    (["expense", "remove", "999"], "999"),
    (["metric", "add", "Sales", "--kind", "cost"], "metric 'sales' already exists"),  // names match in any case
    (["metric", "add", "sales", "--kind", "cost"], "'sales' already exists"),
    (["metric", "add", "leads", "--kind", "volume"], "'volume'"),
    (["metric", "add", "leads", "--kind", "revenue", "--margin", "0"], "'0'"),
    (["metric", "add", "leads", "--kind", "revenue", "--margin", "101%"], "'101%'"),
    (["metric", "add", "leads", "--kind", "count"], "--unit-value"),
    (["metric", "add", "leads", "--kind", "count", "--unit-value", "0"], "'0'"),
    (["metric", "add", "bad_name", "--kind", "kpi"], "'bad_name'"),
    (["log", "2025-1", "sales=1"], "'2025-1'"),
    (["log", "2025-02", "sales=99999999999999999"], "'99999999999999999'"),
    (["history", "--limit", "0"], "'0'"),
    (["settings", "set", "baseline-method", "median"], "'median'"),
    (["metric", "add", "leads", "--kind", "cost", "--attribution", "150%"], "'150%'"),
    (["metric", "set", "sales", "--attribution", "0%"], "'0%'"),
    (["metric", "set", "nosuch", "--attribution", "50%"], "'nosuch'"),
    (["roi", "--discount-rate", "150%"], "'150%'"),
    (["roi", "--risk", "-5%"], "'-5%'"),
    (["metric", "remove", "sales"], "'sales' has 16 snapshots"),
    (["metric", "remove", "nosuch"], "'nosuch'"),
    (["settings", "set", "baseline-months", "0"], "'0'"),
    (["settings", "set", "horizon-years", "0"], "'0'"),
    (["settings", "set", "fiscal-year-start", "13"], "'13'"),
    (["settings", "set", "currency", "JPY"], "'JPY'"),
    (["settings", "set", "colour", "blue"], "'colour'"),
    (["roi", "--from", "2025Q5"], "'2025Q5'"),
    (["init", "--go-live", "2025-01"], "already initialised"),
  ]

  @Test(arguments: badInputs)
  func badInputIsRefusedNamedAndWritesNothing(arguments: [String], named: String) throws {
    let cli = try sevenAndAHalfPercentCase()
    try cli.ok("log", "2025-04", "sales=105000")
    let before = try cli.contents()
    let result = try cli.run(arguments)
    #expect(result.status == 65, "\(arguments): \(result.stderr)")
    #expect(result.stderr.contains(named), "\(result.stderr)")
    #expect(result.stderr.hasPrefix("crm-roi: error: "))
    #expect(result.stderr.split(separator: "\n").count == 1)
    #expect(result.stdout.isEmpty)
    #expect(try cli.contents() == before)
  }

  @Test func partFiveFiguresAreAddedBesidePartOnes() throws {
    let cli = try sevenAndAHalfPercentCase()
    let plain = try cli.run(["roi", "--format", "json"]).stdout
    #expect(plain.contains(#""baseline_method": "mean""#))
    #expect(plain.contains(#""benefit_low": 7500.00"#))  // every baseline month was 100,000: no noise
    #expect(plain.contains(#""within_noise": false"#))
    #expect(plain.contains(#""rolling_annual_roi_high": 0.3"#))
    #expect(plain.contains(#""projected_payback_years_low": 3.333333"#))
    #expect(plain.contains(#""discounted": {"#) && plain.contains(#""rate": 0.1"#) && plain.contains(#""risk": 0,"#))
    #expect(!plain.contains(#""projection""#))
    // Part 1's fields are unchanged by the additions.
    #expect(plain.contains(#""roi": 0.075"#) && plain.contains(#""projected_payback_years": 3.333333"#))

    // Half the change credited to the CRM halves the benefit: 3,750.
    try cli.ok("metric", "set", "sales", "--attribution", "50%")
    #expect(try cli.ok("metric", "list").contains("50%"))
    let halved = try cli.run(["roi", "--format", "json", "--project", "--discount-rate", "5%", "--risk", "20%"]).stdout
    #expect(halved.contains(#""benefit": 3750.00"#))
    #expect(halved.contains(#""rate": 0.05"#) && halved.contains(#""risk": 0.2"#))
    // 3 months at 1,250 a month, then 57 more to the horizon end 2029-12: 3,750 + 71,250 = 75,000.
    #expect(halved.contains(#""run_rate": 1250.00"#))
    #expect(halved.contains(#""lifetime_benefit": 75000.00"#))
    #expect(halved.contains(#""lifetime_roi": -0.25"#))
    try cli.ok("settings", "set", "baseline-method", "seasonal")
    let seasonal = try cli.run(["roi", "--format", "json"])
    #expect(seasonal.status == 0)
    #expect(seasonal.stdout.contains(#""baseline_method": "seasonal""#))
    let table = try cli.ok("roi", "--project")
    #expect(table.contains("Noise bands") && table.contains("Discounted view") && table.contains("a projection, not history"))
  }

  @Test func theChartIsPlainTextWhenNotOnATerminal() throws {
    let cli = try sevenAndAHalfPercentCase()
    let output = try cli.ok("roi", "--chart")
    #expect(output.contains("Cumulative net position (EUR)\n2025Q1  -92,500.00 ████████████████████████│\n"))
    #expect(!output.contains("\u{1B}"))
  }

  @Test(arguments: ["bash", "zsh", "fish"])
  func completionScriptsKnowTheCommands(shell: String) throws {
    let script = try CLI().run(["--generate-completion-script", shell], database: false)
    #expect(script.status == 0)
    for command in ["init", "expense", "import", "export", "report", "roi"] {
      #expect(script.stdout.contains(command))
    }
  }

  @Test func removingWithForceAndAnExpenseById() throws {
    let cli = try sevenAndAHalfPercentCase()
    try cli.ok("metric", "remove", "sales", "--force")
    #expect(try cli.ok("metric", "list").contains("No metrics yet"))
    try cli.ok("expense", "remove", "1")
    #expect(try cli.ok("expense", "list").contains("No expenses yet"))
  }
}

/// Part 9 (started): the demo's report head in French, figure by figure against the English one.
@Suite struct FrenchReportHeadTests {
  @Test func theDemoInFrenchHasTheEnglishFigures() throws {
    let cli = try CLI()
    let english = try cli.run(["demo", "--db", cli.directory.appendingPathComponent("en.sqlite").path, "--lang", "en"], database: false).stdout
    let french = try cli.run(["demo", "--db", cli.directory.appendingPathComponent("fr.sqlite").path], database: false,
                             environment: ["LANG": "fr_FR.UTF-8"]).stdout
    #expect(english.contains("Since go-live (12\nmonths, to 2026-03) it has brought 33,345.00 EUR more profit than the months"))
    let flat = french.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")  // U+202F kept
    #expect(flat.contains("Depuis la mise en service (12 mois, jusqu’à mars 2026), il a rapporté 33\u{202F}345,00\u{202F}€ de marge de plus que les mois d’avant, pour 58\u{202F}100,00\u{202F}€ dépensés."))
    #expect(flat.contains("À ce rythme, il sera rentabilisé en août 2027, 2 ans et 5 mois après la mise en service."))
    // 2026Q1: 15,450.00 cost, 4,980.00 benefit, 3.8%, 25.2%, −42.6% (the README's worked example).
    #expect(english.contains("2026Q1   15,450.00   4,980.00   3.8%               25.2%        -42.6%"))
    #expect(flat.contains("T1 2026 15\u{202F}450,00 4\u{202F}980,00 3,8\u{202F}% 25,2\u{202F}% -42,6\u{202F}%"))
    #expect(flat.contains("Coût total de possession\u{202F}: 132\u{202F}500,00\u{202F}€"))
    #expect(flat.contains("Récupération, règle approximative (coût total / un an de bénéfice à ce rythme)\u{202F}: 3,97 ans (dans la bande de bruit\u{202F}: 2,91 à 6,28)"))
    #expect(french.contains("Base d’exemple\u{202F}: ") && english.contains("Sample database: "))
    // No English heading or label is left in the French report.
    for english in ["Quarter", "Noise bands", "Discounted view", "Objectives", "Warnings", "Sample database", "Total cost"] {
      #expect(!french.contains(english), "\(english)")
    }
    let error = try cli.run(["roi", "--db", "/nonexistent/x.sqlite", "--lang", "fr"], database: false)
    #expect(error.stderr.hasPrefix("crm-roi: erreur : "))
  }
}
