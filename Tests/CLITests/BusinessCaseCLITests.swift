import Foundation
import Testing

/// Part 11 end to end: the README's example on the demo's database, and the refusals.
@Suite struct BusinessCaseCLITests {
  /// Runs `script` with bash in the test's folder, the built crm-roi first on the PATH.
  func bash(_ cli: CLI, _ script: String) throws -> CLI.Result {
    try CLI.launch(
      URL(fileURLWithPath: "/bin/bash"), ["-c", "set -euo pipefail\n" + script], in: cli.directory, environment: CLI.scriptEnvironment)
  }

  @Test func theREADMEsExampleOnTheDemo() throws {
    let cli = try CLI()
    let example = try CLI.readmeExample("business-case")
    let result = try bash(cli, "crm-roi demo > /dev/null\n" + example)
    #expect(result.status == 0, "\(result.stderr)")
    // plan list: 9,000 + 5 × 14,400 + 60 × 350.
    #expect(result.stdout.contains("Planned total cost of ownership to 2030-03: 116,400.00 EUR"))
    #expect(result.stdout.contains("sales         3,000.00  2025-04  6 months  Claire Martin"))
    // impact: counterfactual 180,000 × 51,500 / 50,000; average 187,125 is 1,725 above it; × 35%.
    #expect(result.stdout.contains("185,400.00"))
    // 1,725 / 185,400 = 0.93%: the relative change against the counterfactual.
    #expect(result.stdout.replacingOccurrences(of: "\n", with: " ").contains("1,725.00 (0.9%), worth 603.75 EUR a month"))
    #expect(result.stdout.contains("Payback rule of thumb (TCO / a year's benefit): 3.58 years planned"))
    #expect(result.stdout.contains("TEI cash flows"))
    #expect(result.stdout.contains("- Customers get an answer the same day"))
    let html = try String(contentsOf: cli.directory.appendingPathComponent("report.html"), encoding: .utf8)
    for id in ["id=\"plan\"", "id=\"tei\"", "id=\"controls\"", "id=\"intangibles\"", "data-series=\"planned-cumulative-benefit\"", "class=\"counterfactual\""] {
      #expect(html.contains(id), "report.html lacks \(id)")
    }

    let json = try bash(cli, "crm-roi roi --format json --db crm-roi-demo.sqlite")
    let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let plan = try #require(report["plan"] as? [String: Any])
    #expect((plan["total_cost_of_ownership"] as? Double) == 116_400)
    #expect((plan["payback_years"] as? Double) == 3.581538)  // 116,400 / 32,500
    // 2025Q2 planned: sales 500 + 1,000 + 1,500, returns-cost 400 in June; planned cost 3 × 350.
    let quarters = try #require(report["quarters"] as? [[String: Any]])
    let second = try #require(quarters.first { $0["quarter"] as? String == "2025Q2" })
    #expect((second["plan_benefit"] as? Double) == 3_400)
    #expect((second["plan_cost"] as? Double) == 1_050)
    #expect((second["cost_variance"] as? Double) == 2_400)  // 3,450 − 1,050
    #expect((report["controls"] as? [[String: String]]) == [["metric": "sales", "control": "other-shops"]])
    #expect((report["intangibles"] as? [String]) == ["Customers get an answer the same day"])
    let tei = try #require(report["tei"] as? [String: Any])
    #expect((tei["columns"] as? [[String: Any]])?.count == 6)
    #expect(tei["irr"] is NSNull && tei["irr_unavailable"] is String)
    let risks = try #require((report["discounted"] as? [String: Any])?["risk_by_metric"] as? [String: Double])
    #expect(risks["sales"] == 0.2 && risks["returns-cost"] == 0)
    // 2026Q1: admin-hours saved 40 hours in 2026-03 (baseline (118 + 122) / 2 = 120): 40 × 42.50 × 50%.
    let last = try #require(quarters.last?["benefit_by_metric"] as? [String: Double])
    #expect(last["admin-hours"] == 850)
  }

  @Test func refusalsNameTheValueAndWriteNothing() throws {
    let cli = try CLI()
    try cli.ok("init", "--go-live", "2025-01")
    try cli.ok("metric", "add", "sales", "--kind", "revenue", "--margin", "40%")
    try cli.ok("metric", "add", "visits", "--kind", "kpi")
    try cli.ok("metric", "add", "market", "--control-for", "sales")
    let before = try cli.contents()
    let cases: [([String], String)] = [
      (["metric", "add", "north", "--control-for", "sales"], "'sales' already has the control series 'market'"),
      (["metric", "add", "east", "--control-for", "market"], "'market' is itself a control series"),
      (["metric", "add", "west", "--control-for", "nothing"], "nothing"),
      (["metric", "add", "south", "--control-for", "sales", "--kind", "revenue", "--margin", "5%"], "--control-for"),
      (["metric", "add", "time", "--kind", "hours"], "an hourly cost for an hours metric"),
      (["metric", "add", "time", "--kind", "hours", "--hourly-cost", "40", "--realisation", "0%"], "a realisation share above 0%"),
      (["metric", "add", "time", "--kind", "cost", "--hourly-cost", "40"], "--hourly-cost"),
      (["metric", "set", "sales", "--risk", "120%"], "a percent from 0% to 100%"),
      (["plan", "benefit", "visits", "--monthly", "100", "--from", "2025-01"], "adds no money"),
      (["plan", "benefit", "sales", "--monthly", "0", "--from", "2025-01"], "--monthly"),
      (["plan", "benefit", "sales", "--monthly", "100", "--from", "2025-13"], "--from"),
      (["plan", "benefit", "sales", "--monthly", "100", "--from", "2025-01", "--ramp", "121"], "--ramp"),
      (["plan", "remove", "7"], "no planned cost has id 7"),
      (["plan", "remove", "sales"], "has no planned benefit"),
      (["plan", "owner", "sales", "Eve\u{1B}[2J"], "owner's name"),
      (["plan", "cost", "--date", "2025-01-01", "--category", "license", "--amount", "-5"], "--amount"),
      (["intangible", "add", "   "], "a text of 1 to 500 characters"),
      (["intangible", "add", String(repeating: "x", count: 501)], "a text of 1 to 500 characters"),
      (["intangible", "remove", "3"], "no intangible has id 3"),
      (["intangible", "remove", "x"], "a positive whole number"),
      (["plan", "remove", "0"], "no planned cost has id 0"),
      (["metric", "set", "sales", "--control-for", "visits"], "--control-for: 'visits' is not valid; expected a kpi metric"),
      (["metric", "set", "visits", "--risk", "10%"], "no --risk for a kpi metric"),
    ]
    for (arguments, message) in cases {
      let result = try cli.run(arguments)
      #expect(result.status == 65, "\(arguments): \(result.stderr)")
      #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
      #expect(result.stderr.split(separator: "\n").count == 1, "\(arguments): \(result.stderr)")
    }
    #expect(try cli.contents() == before)
  }

  @Test func removingAMetricUnlinksItsControlAndRemovesItsPlan() throws {
    let cli = try CLI()
    try cli.ok("init", "--go-live", "2025-01")
    try cli.ok("metric", "add", "sales", "--kind", "revenue", "--margin", "40%")
    try cli.ok("metric", "add", "market", "--control-for", "sales")
    try cli.ok("plan", "benefit", "sales", "--monthly", "1000", "--from", "2025-01", "--ramp", "4")
    try cli.ok("plan", "owner", "sales", "Claire")
    try cli.ok("metric", "set", "sales", "--rename", "revenue")  // the plan, owner and control follow the rename
    let list = try cli.ok("plan", "list")
    #expect(list.contains("revenue  1,000.00  2025-01  4 months  Claire"))
    #expect(try cli.ok("metric", "list").contains("none (control series of revenue)"))
    try cli.ok("metric", "remove", "revenue")
    #expect(try cli.ok("plan", "list") == "No plan yet: add planned costs with crm-roi plan cost and planned benefits with crm-roi plan benefit.\n")
    #expect(try cli.ok("metric", "list").contains("market  kpi   none "))
    let history = try cli.ok("history")
    #expect(history.contains("plan benefit revenue"))
    #expect(history.contains("metric market"))
  }

  @Test func planAmountsAndHourlyCostsKeepTheirMeaningAcrossACurrencyChange() throws {
    let cli = try CLI()
    try cli.ok("init", "--go-live", "2025-01")
    try cli.ok("plan", "cost", "--date", "2025-01-01", "--category", "license", "--amount", "1000.50")
    let refused = try cli.run(["settings", "set", "currency", "JPY"])
    #expect(refused.status == 65 && refused.stderr.contains("JPY"), "\(refused.stderr)")
    let relabel = try cli.run(["settings", "set", "currency", "USD"])
    #expect(relabel.status == 65 && relabel.stderr.contains("--relabel"), "\(relabel.stderr)")
    let hours = try CLI()
    try hours.ok("init", "--go-live", "2025-01")
    try hours.ok("metric", "add", "admin", "--kind", "hours", "--hourly-cost", "42.50")
    #expect(try hours.run(["settings", "set", "currency", "JPY"]).status == 65)
  }

  @Test func aPlannedBenefitIsRemovedInAnyUnicodeSpellingOfItsMetric() throws {
    let cli = try CLI()
    try cli.ok("init", "--go-live", "2025-01")
    try cli.ok("metric", "add", "co\u{FB}t", "--kind", "cost")
    try cli.ok("plan", "benefit", "cou\u{302}t", "--monthly", "5", "--from", "2025-01")
    try cli.ok("plan", "remove", "cou\u{302}t")
    #expect(try cli.ok("plan", "list").hasPrefix("No plan yet"))
  }

  @Test func aPlanPastTheHorizonIsRefused() throws {
    let cli = try CLI()
    try cli.ok("init", "--go-live", "2025-01", "--horizon-years", "1")
    try cli.ok("metric", "add", "sales", "--kind", "revenue", "--margin", "40%")
    for arguments in [
      ["plan", "cost", "--date", "2026-01-01", "--category", "license", "--amount", "5"],
      ["plan", "benefit", "sales", "--monthly", "5", "--from", "2026-01"],
    ] {
      let result = try cli.run(arguments)
      #expect(result.status == 65 && result.stderr.contains("no later than the horizon end, 2025-12"), "\(result.stderr)")
    }
  }

  @Test func checkNamesAPlanThatASettingsChangeLeftPastTheHorizon() throws {
    let cli = try CLI()
    try cli.ok("init", "--go-live", "2025-01", "--horizon-years", "1")
    try cli.ok("metric", "add", "c", "--kind", "cost")
    try cli.ok("log", "2024-06", "c=100")
    try cli.ok("plan", "cost", "--date", "2025-12-01", "--category", "license", "--amount", "1000")
    try cli.ok("plan", "benefit", "c", "--monthly", "100", "--from", "2025-12")
    try cli.ok("settings", "set", "go-live", "2024-07")
    let check = try cli.run(["check"])
    #expect(check.status == 1)
    #expect(check.stdout.contains("planned cost 1 on 2025-12-01 is after the horizon end 2025-06"), "\(check.stdout)")
    #expect(check.stdout.contains("the planned benefit of c starts in 2025-12, after the horizon end 2025-06"), "\(check.stdout)")
  }
}
