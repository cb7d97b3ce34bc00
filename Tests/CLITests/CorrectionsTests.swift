import Foundation
import SQLite
import Testing

/// Part 7: mistakes fixed in place, audited, and names as people type them.
@Suite struct CorrectionsTests {
  func shop() throws -> CLI {
    let cli = try CLI()
    try cli.ok("init", "--go-live", "2025-04")
    try cli.ok("metric", "add", "sales", "--kind", "revenue", "--margin", "30%")
    try cli.ok("metric", "add", "repeat-purchases", "--kind", "count", "--unit-value", "18.50")
    try cli.ok("log", "2025-03", "sales=1000", "repeat-purchases=40")
    try cli.ok("log", "2025-04", "Sales=1100", "REPEAT-PURCHASES=44")  // names in any case
    return cli
  }

  @Test func unlogRemovesOneMonthsValuesAndKeepsThemInTheHistory() throws {
    let cli = try shop()
    #expect(try cli.ok("unlog", "2025-04", "sales").contains("Removed 1 value of 2025-04."))
    let json = try cli.run(["export", "metrics", "--format", "json"]).stdout
    #expect(!json.contains(#""month": "2025-04", "metric": "sales""#))
    #expect(try cli.ok("unlog", "2025-04").contains("Removed 1 value of 2025-04."))  // repeat-purchases
    let history = try cli.ok("history").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(history.contains("remove snapshot sales 2025-04 1100"))
    #expect(try cli.run(["unlog", "2025-04", "nosuch"]).status == 65)
  }

  @Test func anExpenseIsEditedInPlaceAndAudited() throws {
    let cli = try shop()
    try cli.ok("expense", "add", "--date", "2025-04-01", "--category", "licence", "--amount", "1000", "--note", "Seats")
    #expect(try cli.ok("expense", "list").contains("license"))  // the French alias is stored as its category
    #expect(try cli.ok("expense", "edit", "1", "--amount", "1200").contains("Updated expense 1: 2025-04-01 license 1200.00 EUR."))
    try cli.ok("expense", "edit", "1", "--hours", "10", "--rate", "42.50")
    let list = try cli.ok("expense", "list")
    #expect(list.contains("425.00") && list.contains("10 h × 42.50; Seats"))
    try cli.ok("expense", "edit", "1", "--every", "month", "--until", "2025-06")
    #expect(try cli.run(["roi", "--format", "json"]).stdout.contains(#""total_cost_of_ownership": 1275.00"#))  // 3 × 425
    let history = try cli.ok("history").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(history.contains("replace expense 1 date=2025-04-01 category=license amount=1000.00 note=\"Seats\" date=2025-04-01 category=license amount=1200.00"))
    let refused = try cli.run(["expense", "edit", "1", "--date", "2025-02-30"])
    #expect(refused.status == 65 && refused.stderr.contains("--date: '2025-02-30' is not valid"))
    #expect(try cli.run(["expense", "edit", "9", "--amount", "1"]).status == 65)
  }

  @Test func metricSetTakesEveryOptionAndRefusesAKindTheValuesDoNotFit() throws {
    let cli = try shop()
    try cli.ok("metric", "set", "sales", "--margin", "40%", "--target", "+5%", "--attribution", "50%")
    let list = try cli.ok("metric", "list")
    #expect(list.contains("margin 40%") && list.contains("+5%") && list.contains("50%"))
    try cli.ok("metric", "set", "repeat-purchases", "--kind", "kpi")
    #expect(try cli.ok("metric", "list").contains("repeat-purchases  kpi"))
    try cli.ok("metric", "set", "repeat-purchases", "--rename", "repeats")
    #expect(try cli.run(["export", "metrics"]).stdout.contains("2025-03,repeats,40"))
    try cli.ok("metric", "add", "basket", "--kind", "kpi")
    try cli.ok("log", "2025-03", "basket=-2.5")
    let refused = try cli.run(["metric", "set", "basket", "--kind", "count", "--unit-value", "1"])
    #expect(refused.status == 65)
    #expect(refused.stderr.contains("its value -2.5 for 2025-03 does not fit that kind"), "\(refused.stderr)")
  }

  @Test func namesAreForgivingButNeverGuessed() throws {
    let cli = try shop()
    let typo = try cli.run(["log", "2025-05", "sals=1"])
    #expect(typo.status == 65 && typo.stderr.contains("(did you mean sales?)"))
    let category = try cli.run(["expense", "add", "--date", "2025-04-01", "--category", "hardwar", "--amount", "1"])
    #expect(category.status == 65 && category.stderr.contains("(did you mean hardware?)"))
    try cli.ok("expense", "add", "--date", "2025-04-01", "--category", "Matériel", "--amount", "1")
    #expect(try cli.ok("expense", "list").contains("hardware"))
    let negative = try cli.run(["log", "2025-05", "sales=-100"])
    #expect(negative.status == 65 && negative.stderr.contains("an amount of 0 or more for sales, a revenue metric"))
    let fraction = try cli.run(["log", "2025-05", "repeat-purchases=188.5"])
    #expect(fraction.status == 65 && fraction.stderr.contains("a whole number of 0 or more for repeat-purchases"))
  }

  @Test func metricNamesTakeLettersBeyondASCII() throws {
    let cli = try CLI()
    try cli.ok("init", "--go-live", "2025-01", "--baseline-months", "1")
    #expect(try cli.ok("metric", "add", "Coût-Retours", "--kind", "cost").contains("coût-retours"))
    // The same name with its accent typed apart (U+0302) is the same metric.
    let twin = try cli.run(["metric", "add", "cou\u{0302}t-retours", "--kind", "cost"])
    #expect(twin.status == 65 && twin.stderr.contains("already"))
    try cli.ok("log", "2024-12", "coût-retours=100")
    try cli.ok("log", "2025-01", "COÛT-RETOURS=80")  // any case, as the import header
    try cli.ok("import", "metrics", try cli.file("m.csv", "month,Coût-retours\n2025-02,70\n"))
    let json = try cli.json("roi", "--format", "json")
    let quarter = try #require((json["quarters"] as? [[String: Any]])?.first)
    // A cost metric's benefit is baseline − value: (100 − 80) + (100 − 70) = 50.
    let byMetric = try #require(quarter["benefit_by_metric"] as? [String: Any])
    #expect((byMetric["coût-retours"] as? NSNumber)?.doubleValue == 50)
    #expect(try cli.ok("metric", "list").contains("coût-retours"))
    try cli.ok("unlog", "2025-02", "cou\u{0302}t-retours")
    try cli.ok("metric", "remove", "Coût-retours", "--force")
    #expect(try !cli.ok("metric", "list").contains("coût"))
    let bad = try cli.run(["metric", "add", "€uros", "--kind", "cost"])
    #expect(bad.status == 65 && bad.stderr.contains("'€uros'") && bad.stderr.contains("like returns-cost or coût-retours"))
  }

  @Test func theVerdictSaysWhatWasSpentWhileTheBenefitWasMeasured() throws {
    let cli = try CLI()
    try cli.ok("init", "--go-live", "2026-03", "--baseline-months", "1")
    try cli.ok("metric", "add", "sales", "--kind", "revenue", "--margin", "10%")
    try cli.ok("log", "2026-02", "sales=1000")
    try cli.ok("log", "2026-03", "sales=1100")
    try cli.ok("log", "2026-04", "sales=1100")
    try cli.ok("expense", "add", "--date", "2026-03-01", "--category", "license", "--amount", "1000")
    try cli.ok("expense", "add", "--date", "2026-03-01", "--category", "service", "--amount", "10", "--every", "month")
    // Data to April: 1,000 + 2 × 10 spent by then (the 2026Q2 row's cumulative cost runs to June: 1,040).
    let text = try cli.run(["roi"], environment: ["CRM_ROI_TODAY": "2026-05"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(text.contains("Since go-live (2 months, to 2026-04) it has brought 20.00 EUR more profit than the months before, against 1,020.00 EUR spent."))
    #expect(text.contains("2026Q2* 30.00 10.00"))
    let quarters = try #require(try cli.json("roi", "--format", "json")["quarters"] as? [[String: Any]])
    #expect((quarters.last?["cumulative_cost"] as? NSNumber)?.doubleValue == 1_040)
  }

  @Test func slipsANewUserMakesAreCaught() throws {
    let cli = try shop()
    // A margin typed as a fraction would be 0.38%: refused, with both readings offered.
    let margin = try cli.run(["metric", "set", "sales", "--margin", "0.38"])
    #expect(margin.status == 65 && margin.stderr.contains("expected a percentage with its %: 38% for the share 0.38, or 0.38%"))
    try cli.ok("metric", "set", "sales", "--margin", "0.5%")
    // `once`, as the list shows it, makes an expense one-time; an empty value is refused.
    try cli.ok("expense", "add", "--date", "2025-04-01", "--category", "service", "--amount", "10", "--every", "month")
    let id = try #require(try cli.ok("expense", "list").split(separator: "\n").last?.split(separator: " ").first.map(String.init))
    #expect(try cli.run(["expense", "edit", id, "--every", ""]).status == 65)
    #expect(try cli.ok("expense", "edit", id, "--every", "once").hasPrefix("Updated expense"))
    // Editing to what is stored changes nothing and leaves no audit record.
    let before = try cli.ok("history")
    #expect(try cli.ok("expense", "edit", id, "--amount", "10") == "Expense \(id) already reads so: nothing changed.\n")
    #expect(try cli.ok("history") == before)
  }

  @Test func theRunningMonthNeedsAllowCurrent() throws {
    let cli = try shop()
    var now = time(nil)
    var parts = tm()
    localtime_r(&now, &parts)
    let current = String(format: "%04d-%02d", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1)
    let refused = try cli.run(["log", current, "sales=1"])
    #expect(refused.status == 65 && refused.stderr.contains("\(current) is still running"))
    #expect(refused.stderr.contains("--allow-current"))
    try cli.ok("log", current, "sales=1", "--allow-current")
    let csv = try cli.file("m.csv", "month,metric,value\n\(current),sales,2\n")
    #expect(try cli.run(["import", "metrics", csv]).status == 65)
    try cli.ok("import", "metrics", csv, "--allow-current")
    let check = try cli.run(["check"])
    #expect(check.stdout.contains("\(current): values logged for a month that has not ended yet"))
  }
}

/// Part 7: `impact`, the method's step 3, on the demo's history (figures worked by hand in the README).
@Suite struct ImpactTests {
  @Test func eachMetricBeforeAndAfterGoLive() throws {
    let cli = try CLI()
    #expect(try cli.run(["demo"], database: false).status == 0)
    let demo = cli.directory.appendingPathComponent("crm-roi-demo.sqlite").path
    // Sales: baseline 180,000 (the seasons cancel over a year); April 2025 to March 2026 average
    // 187,125 (lift 1,500 … 9,000 then 9,000 for six months: (31,500 + 54,000) / 12 = 7,125 above);
    // × 35% = 2,493.75 a month. Returns: 2,400 → 2,115, 285 a month saved.
    let table = try cli.run(["impact", "--db", demo], database: false).stdout
    #expect(table.contains("sales (revenue): baseline 180,000.00, since go-live 187,125.00, difference\n7,125.00 (4.0%), worth 2,493.75 EUR a month"))
    #expect(table.contains("returns-cost (cost): baseline 2,400.00, since go-live 2,115.00, difference\n-285.00 (-11.9%), worth 285.00 EUR a month"))
    // The two money effects, × 12, are the first year's benefit of the quarterly table: 33,345.
    let json = try cli.run(["impact", "sales", "returns-cost", "--format", "json", "--db", demo], database: false).stdout
    #expect(json.contains(#""monthly_effect": 2493.75"#) && json.contains(#""monthly_effect": 285.00"#))
    #expect(json.contains(#""as_of": "2026-03""#))
    let csv = try cli.run(["impact", "Sales", "--format", "csv", "--db", demo], database: false).stdout
    #expect(csv.hasPrefix("metric,month,value,baseline,difference,effect,within_band\n"))
    #expect(csv.contains("sales,2025-04,181500.00,180000.00,1500.00,525.00,"))
    #expect(try cli.run(["impact", "nosuch", "--db", demo], database: false).status == 65)
  }

  @Test func theHTMLReportChartsEachMoneyMetricBeforeAndAfter() throws {
    let cli = try CLI()
    #expect(try cli.run(["demo"], database: false).status == 0)
    let demo = cli.directory.appendingPathComponent("crm-roi-demo.sqlite").path
    let output = cli.directory.appendingPathComponent("r.html").path
    #expect(try cli.run(["report", "--output", output, "--db", demo], database: false).status == 0)
    let html = try String(contentsOfFile: output, encoding: .utf8)
    #expect(html.contains("<h2>Each metric before and after go-live</h2>"))
    // Sales in April 2025: 180,000 + 0 of season + 1,500 of lift; returns in March 2026: 2,400 − 50 − 360.
    #expect(html.contains(#"data-series="metric-sales" data-month="2025-04" data-value="181500.00""#))
    #expect(html.contains(#"data-series="metric-returns-cost" data-month="2026-03" data-value="1990.00""#))
    #expect(!html.contains("metric-average-order-size"))  // a kpi adds no money: no chart
    // The stacked bars carry each metric's benefit of the quarter: 2025Q2 sales 4,200, returns 310.
    #expect(html.contains(#"data-series="benefit-sales" data-quarter="2025Q2" data-value="4200.00""#))
    #expect(html.contains(#"data-series="benefit-returns-cost" data-quarter="2025Q2" data-value="310.00""#))
    #expect(html.components(separatedBy: "class=\"go-live\"").count - 1 == 2)
    // The expenses: labor as hours × rate; over the horizon (2025-04 to 2030-03) the yearly licence
    // from 2025-03 comes 6 times (86,400) and the monthly hosting 60 times (21,000); the TCO 132,500.
    #expect(html.contains("<td class=\"text\">160 h × 42.50</td>"))
    #expect(html.contains("every year until the horizon end (6×)</td><td data-value=\"86400.00\">86,400.00</td>"))
    #expect(html.contains("every month until the horizon end (60×)</td><td data-value=\"21000.00\">21,000.00</td>"))
    #expect(html.contains("Total license</th><td data-value=\"86400.00\">"))
    #expect(html.contains("Total labor</th><td data-value=\"6800.00\">"))
    #expect(html.contains("Total cost of ownership</th><td data-value=\"132500.00\">132,500.00 EUR</td>"))
  }
}

/// Part 7: what an adversarial trial of the new commands found.
@Suite struct PartSevenAttackTests {
  @Test func twoSpellingsOfOneStoredNameNeverTrap() throws {
    let cli = try CLI()
    try cli.ok("init", "--go-live", "2026-01")
    try cli.ok("metric", "add", "café", "--kind", "kpi")
    // Another program writes the same name with its accent typed apart (the CHECK lets it in).
    try Database(path: cli.database, mode: .readWrite).execute("INSERT INTO metric (name, kind) VALUES ('cafe' || char(769), 'kpi')")
    #expect(try cli.run(["log", "2025-12", "café=1"]).status == 0)
    #expect(try cli.run(["import", "metrics", try cli.file("m.csv", "month,café\n2025-11,1\n")]).status == 0)
  }

  @Test func theHTMLReportShowsHiddenCharactersAsTheTablesDo() throws {
    let cli = try CLI()
    try cli.ok("init", "--go-live", "2026-01")
    try cli.ok("metric", "add", "sales", "--kind", "revenue", "--margin", "10%")
    try cli.ok("log", "2025-12", "sales=1")
    try cli.ok("expense", "add", "--date", "2026-01-01", "--category", "other", "--amount", "1", "--note", "\u{1B}[31mred\u{202E}gnp.exe\u{2028}x")
    let output = cli.directory.appendingPathComponent("r.html").path
    try cli.ok("report", "--output", output)
    let html = try String(contentsOfFile: output, encoding: .utf8)
    #expect(html.contains("\\u{1B}[31mred\\u{202E}gnp.exe\\u{2028}x"))
    #expect(!html.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" || $0 == "\u{2028}" })
    #expect(try cli.ok("expense", "list").contains("\\u{2028}x"))
  }

  @Test func aHugeUnknownNameIsAnsweredQuicklyAndShortly() throws {
    let cli = try CLI()
    try cli.ok("init", "--go-live", "2026-01")
    for index in 0..<30 { try cli.ok("metric", "add", "metric-\(index)", "--kind", "kpi") }
    let long = String(repeating: "m", count: 200_000)
    let result = try cli.run(["import", "metrics", try cli.file("m.csv", "month,\(long)\n2025-11,1\n")])
    #expect(result.status == 65)
    #expect(result.stderr.contains("unknown metric '\(String(repeating: "m", count: 64))… (200000 characters)'"))
    #expect(result.stderr.utf8.count < 2_000)
  }

  @Test func aSeasonalReportSurvivesAKPIWithAMissingCalendarMonth() throws {
    let cli = try CLI()
    #expect(try cli.run(["demo"], database: false).status == 0)
    let demo = cli.directory.appendingPathComponent("crm-roi-demo.sqlite").path
    _ = try cli.run(["unlog", "2024-07", "average-order-size", "--db", demo], database: false)
    #expect(try cli.run(["settings", "set", "baseline-method", "seasonal", "--db", demo], database: false).status == 0)
    let roi = try cli.run(["roi", "--db", demo], database: false)
    #expect(roi.status == 0, "\(roi.stderr)")
    #expect(!roi.stdout.contains("within noise: – to never"))  // one baseline year: no band, and no range shown
  }

  @Test func settingsThatNoReportCouldUseAreRefused() throws {
    let cli = try CLI()
    try cli.ok("init", "--go-live", "2025-04", "--baseline-months", "6")
    let refused = try cli.run(["settings", "set", "baseline-method", "seasonal"])
    #expect(refused.status == 65 && refused.stderr.contains("at least 12 baseline months for the seasonal method"))
  }

  @Test func anEndMonthForAOneTimeExpenseIsRefused() throws {
    let cli = try CLI()
    try cli.ok("init", "--go-live", "2025-04")
    try cli.ok("expense", "add", "--date", "2025-04-01", "--category", "service", "--amount", "350", "--every", "month")
    let refused = try cli.run(["expense", "edit", "1", "--every", "none", "--until", "2026-01"])
    #expect(refused.status == 65 && refused.stderr.contains("--until: '2026-01' is not valid"))
    #expect(try cli.ok("expense", "list").contains("every month"))
    let unknown = try cli.run(["metric", "remove", "sale"])
    #expect(unknown.stderr.contains("expected one of: (none yet") || unknown.stderr.contains("did you mean"))
  }
}
