import Foundation
import SQLite
import Testing

/// Part 14: the baseline chosen for the owner, signs below zero, objectives against a control's
/// counterfactual, limits said in words, the IRR as a reader takes it, and French exports.
@Suite struct OwnersFiguresTests {
  static let today = ["CRM_ROI_TODAY": "2025-04"]

  /// `sales` at 1,000 every month of the baseline but December, at 1,410 (41 % above the others),
  /// then 1,000 in January to March 2025.
  static func seasonalShop(baselineMonths: Int) throws -> CLI {
    let cli = try CLI()
    try cli.ok("init", "--go-live", "2025-01", "--baseline-months", "\(baselineMonths)")
    try cli.ok("metric", "add", "sales", "--kind", "revenue", "--margin", "50%")
    let goLive = 2025 * 12  // January 2025, as months since year 0
    for index in (goLive - baselineMonths)..<goLive {
      let (year, month) = (index / 12, index % 12 + 1)
      try cli.ok("log", String(format: "%04d-%02d", year, month), "sales=\(month == 12 ? 1410 : 1000)")
    }
    for month in ["2025-01", "2025-02", "2025-03"] { try cli.ok("log", month, "sales=1000") }
    try cli.ok("expense", "add", "--date", "2025-01-01", "--category", "installation", "--amount", "100")
    return cli
  }

  static func report(_ cli: CLI, _ arguments: String...) throws -> String {
    try cli.run(["roi"] + arguments, environment: today).stdout.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
  }

  /// Two Decembers at 1,410 against months at 1,000: the test fires and each calendar month has 2
  /// values, so `auto` takes the seasonal baseline: January against the Januaries, no change.
  @Test func autoTakesTheSeasonalBaselineWhenTheHistoryAllowsIt() throws {
    let cli = try Self.seasonalShop(baselineMonths: 24)
    #expect(try cli.ok("settings").contains("baseline-method    auto"))
    let text = try Self.report(cli)
    #expect(text.contains("Baseline: seasonal (each month against the same calendar month before go-live), chosen because December is 41.0% above the other months in 'sales'."))
    let json = try cli.json("roi", "--format", "json")
    #expect(json["baseline_method"] as? String == "seasonal")
    let choice = try #require(json["baseline_choice"] as? [String: Any])
    #expect(choice["reason"] as? String == "pattern" && choice["metric"] as? String == "sales")
    #expect((choice["calendar_month"] as? NSNumber)?.intValue == 12 && (choice["change"] as? NSNumber)?.doubleValue == 0.41)
    // January to March equal their seasonal baselines: no benefit at all.
    let quarters = try #require(json["quarters"] as? [[String: Any]])
    #expect((quarters.last?["cumulative_benefit"] as? NSNumber)?.doubleValue == 0)
    #expect(try Self.report(cli, "--lang", "fr").contains("choisie car décembre est 41,0\u{202F}% au-dessus des autres mois pour «\u{202F}sales\u{202F}»."))
    // Forced, it says so.
    try cli.ok("settings", "set", "baseline-method", "mean")
    #expect(try Self.report(cli).contains("Baseline: the mean of the months before go-live, as set."))
    #expect((try cli.json("roi", "--format", "json")["baseline_choice"] as? [String: Any])?["reason"] as? String == "set")
  }

  /// Two years logged before go-live but a baseline window of 12 months: the verdict says the
  /// months already logged allow a seasonal baseline over 24 months.
  @Test func aWiderWindowIsNamedWhenTheMonthsAreLogged() throws {
    let cli = try Self.seasonalShop(baselineMonths: 24)
    try cli.ok("settings", "set", "baseline-months", "12")
    let text = try Self.report(cli)
    #expect(text.contains("The months logged before go-live allow a seasonal baseline over 24 months: set baseline-months to 24."))
    let choice = try #require(try cli.json("roi", "--format", "json")["baseline_choice"] as? [String: Any])
    #expect((choice["baseline_months_needed"] as? NSNumber)?.intValue == 24)
  }

  /// `impact`, the HTML charts and the dashboard use the baseline `auto` chose: January to March
  /// against the Januaries to Marches (1,000), not the mean (22 × 1,000 + 2 × 1,410) / 24 = 1,017.08.
  @Test func impactUsesTheBaselineAutoChose() throws {
    let cli = try Self.seasonalShop(baselineMonths: 24)
    let impact = try cli.run(["impact", "sales"], environment: Self.today).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(impact.contains("sales (revenue): baseline 1,000.00, since go-live 1,000.00, difference 0.00 (0.0%)"))
    #expect(impact.contains("2025-01 1,000.00 1,000.00 0.00 0.00 yes"))
  }

  /// One December only: the mean is kept (a seasonal baseline needs 2 values a calendar month) and
  /// the verdict says the figures may be the season's. The mean is (11 × 1,000 + 1,410) / 12 =
  /// 1,034.17, so January to March read as a loss of 34.17 × 50 % = 17.08 a month.
  @Test func tooLittleHistoryKeepsTheMeanAndSaysSo() throws {
    let cli = try Self.seasonalShop(baselineMonths: 12)
    let text = try Self.report(cli)
    #expect(text.contains("Baseline: the mean of the months before go-live; December is 41.0% above the other months in 'sales', but a seasonal baseline needs 2 values of each calendar month."))
    #expect(text.contains("The season may distort these figures, up or down: December is 41.0% above the other months in 'sales', and a seasonal baseline needs 2 values of each calendar month before go-live; more months before go-live, or a control series, would settle it."))
    #expect(text.contains("profit has been 51.25 EUR lower than in the months before"))
    let choice = try #require(try cli.json("roi", "--format", "json")["baseline_choice"] as? [String: Any])
    #expect(choice["reason"] as? String == "pattern_too_little_history")
  }

  /// An NPS of −20 before go-live and −10 after: up 50 %, a +10 % target is −18 (met), an absolute
  /// target of −22 is met too.
  @Test func aNegativeBaselineKeepsItsSigns() throws {
    let cli = try CLI()
    try cli.ok("init", "--go-live", "2025-01", "--baseline-months", "3")
    try cli.ok("metric", "add", "nps", "--kind", "kpi", "--target", "+10%")
    try cli.ok("metric", "add", "churn", "--kind", "kpi", "--target", "-22")
    for month in ["2024-10", "2024-11", "2024-12"] { try cli.ok("log", month, "nps=-20", "churn=-20") }
    for month in ["2025-01", "2025-02", "2025-03"] { try cli.ok("log", month, "nps=-10", "churn=-10") }
    let json = try cli.json("roi", "--format", "json")
    let objectives = try #require(json["objectives"] as? [[String: Any]])
    let nps = try #require(objectives.first { $0["metric"] as? String == "nps" })
    #expect((nps["change"] as? NSNumber)?.doubleValue == 0.5)
    #expect((nps["target_value"] as? NSNumber)?.doubleValue == -18)
    #expect(nps["met"] as? Bool == true)
    let churn = try #require(objectives.first { $0["metric"] as? String == "churn" })
    #expect(churn["met"] as? Bool == true && (churn["change"] as? NSNumber)?.doubleValue == 0.5)
    let text = try cli.ok("roi")
    #expect(text.contains("nps       +10%       -20      -10   50.0%           -18  yes"))
    #expect(try cli.ok("impact", "nps").contains("nps (kpi): baseline -20, since go-live -10, difference 10 (50.0%)"))
  }

  /// A control going from −10 to +10 would give a counterfactual of −100 for a metric at 100. Such
  /// a value can no longer be logged; one already in a file (an older crm-roi let it in) makes every
  /// report refuse, with the reason and the month.
  @Test func aControlBelowZeroIsRefused() throws {
    let cli = try CLI()
    try cli.ok("init", "--go-live", "2025-01", "--baseline-months", "3")
    try cli.ok("metric", "add", "sales", "--kind", "revenue", "--margin", "50%")
    try cli.ok("metric", "add", "region", "--kind", "kpi", "--control-for", "sales")
    for month in ["2024-10", "2024-11", "2024-12"] { try cli.ok("log", month, "sales=100", "region=10") }
    for month in ["2025-01", "2025-02", "2025-03"] { try cli.ok("log", month, "sales=100", "region=10") }
    try Database(path: cli.database, mode: .readWrite).execute(
      "UPDATE snapshot SET value = -100000 WHERE month < '2025-01' AND metric_id = (SELECT id FROM metric WHERE name = 'region')")
    let result = try cli.run(["roi"])
    #expect(result.status != 0 && result.stdout.isEmpty)
    #expect(result.stderr.hasPrefix("crm-roi: error: control series 'region' of 'sales' is negative in 2024-10: the metric is compared with it as a ratio"))
    #expect(result.stderr.split(separator: "\n").count == 1)
  }

  /// With a control: the region without the CRM grew 15 %, the metric 21.3 %. The objective (+10 %)
  /// is judged against the counterfactual 1,000 × 1.15 = 1,150: 1,213 / 1,150 − 1 = 5.5 %, not
  /// met; the plain change, 21.3 %, is shown beside it.
  @Test func anObjectiveIsJudgedAgainstTheControlsCounterfactual() throws {
    let cli = try CLI()
    try cli.ok("init", "--go-live", "2025-01", "--baseline-months", "3")
    try cli.ok("metric", "add", "sales", "--kind", "revenue", "--margin", "50%", "--target", "+10%")
    try cli.ok("metric", "add", "region", "--kind", "kpi", "--control-for", "sales")
    for month in ["2024-10", "2024-11", "2024-12"] { try cli.ok("log", month, "sales=1000", "region=200") }
    for month in ["2025-01", "2025-02", "2025-03"] { try cli.ok("log", month, "sales=1213", "region=230") }
    let json = try cli.json("roi", "--format", "json")
    let objective = try #require((json["objectives"] as? [[String: Any]])?.first)
    #expect(objective["control"] as? String == "region")
    #expect((objective["baseline"] as? NSNumber)?.doubleValue == 1150)
    #expect((objective["target_value"] as? NSNumber)?.doubleValue == 1265)
    #expect(objective["met"] as? Bool == false)
    #expect((objective["change"] as? NSNumber)?.doubleValue == 0.054783)
    #expect((objective["plain_change"] as? NSNumber)?.doubleValue == 0.213)
    let text = try cli.ok("roi").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(text.contains("sales is judged against what region says it would have been without the CRM; against the plain baseline its change is 21.3%."))
  }

  @Test func aLimitIsSaidInWords() throws {
    let cli = try CLI()
    try cli.ok("init", "--go-live", "2025-01")
    for language in ["en", "fr"] {
      let result = try cli.run(["expense", "add", "--date", "2025-01-01", "--category", "other", "--amount", "999999999999999999999", "--lang", language])
      #expect(result.status == 65)
      #expect(!result.stderr.contains("92") && !result.stderr.contains("758"))
    }
    #expect(try cli.run(["expense", "add", "--date", "2025-01-01", "--category", "other", "--amount", "999999999999999999999"]).stderr
      == "crm-roi: error: --amount: '999999999999999999999' is not valid; expected a smaller amount: one this large is not supported\n")
  }

  /// 10,000 spent in January and 5,000 a month of benefit from February on: the monthly IRR is far
  /// above 1,000 % a year, shown as "> 1,000% a year"; JSON keeps the number.
  @Test func aHugeIRRIsShownAsMoreThanAThousandPercent() throws {
    let cli = try CLI()
    try cli.ok("init", "--go-live", "2025-01", "--baseline-months", "3")
    try cli.ok("metric", "add", "sales", "--kind", "revenue", "--margin", "50%")
    for month in ["2024-10", "2024-11", "2024-12", "2025-01"] { try cli.ok("log", month, "sales=1000") }
    for month in ["2025-02", "2025-03"] { try cli.ok("log", month, "sales=11000") }
    try cli.ok("expense", "add", "--date", "2025-01-01", "--category", "installation", "--amount", "10000")
    let text = try cli.run(["roi", "--tei"], environment: Self.today).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(text.contains("Internal rate of return (each year's flows taken as they fall, month by month, annualised): > 1,000% a year"))
    let tei = try #require(try cli.json("roi", "--format", "json")["tei"] as? [String: Any])
    #expect(((tei["irr"] as? NSNumber)?.doubleValue ?? 0) > 10)
    #expect(try cli.run(["roi", "--tei", "--lang", "fr"], environment: Self.today).stdout.contains("> 1\u{202F}000\u{202F}% par an"))
  }

  /// Kinds in French in every French output; the glossary and its links on the HTML report.
  @Test func frenchPagesSayFrenchWordsAndExplainThem() throws {
    let cli = try CLI()
    try cli.ok("demo", "--db", cli.database)
    let html = cli.directory.appendingPathComponent("r.html").path
    try cli.ok("report", "--output", html, "--lang", "fr")
    let page = try String(contentsOfFile: html, encoding: .utf8)
    #expect(page.contains("<td class=\"text\">chiffre d’affaires</td>") && !page.contains("<td class=\"text\">revenue</td>"))
    #expect(page.contains("<section id=\"glossary\">") && page.contains("<dt id=\"glossary-irr\">Taux de rentabilité interne (TRI)</dt>"))
    #expect(page.contains("href=\"#glossary-tco\"") && page.contains("href=\"#glossary-baseline\""))
    #expect(page.contains("id=\"verdict\" data-status=\"on_track\"") && page.contains("id=\"payback-why\""))
    #expect(try cli.ok("impact", "sales", "--lang", "fr").contains("(chiffre d’affaires)"))
  }

  /// A negative control value is refused when it is logged, and a metric holding one cannot become
  /// a control series.
  @Test func aNegativeControlValueIsRefusedAtEntry() throws {
    let cli = try CLI()
    try cli.ok("init", "--go-live", "2025-01", "--baseline-months", "3")
    try cli.ok("metric", "add", "sales", "--kind", "revenue", "--margin", "50%")
    try cli.ok("metric", "add", "region", "--kind", "kpi", "--control-for", "sales")
    let logged = try cli.run(["log", "2024-10", "region=-5"])
    #expect(logged.status == 65)
    #expect(logged.stderr == "crm-roi: error: value of region: '-5' is not valid; expected a value of 0 or more: 'region' is a control series, which the metric it isolates is compared with as a ratio\n")
    try cli.ok("metric", "add", "k2", "--kind", "kpi")
    try cli.ok("log", "2024-10", "k2=-3")
    try cli.ok("metric", "set", "region", "--control-for", "none")
    let set = try cli.run(["metric", "set", "k2", "--control-for", "sales"])
    #expect(set.status != 0 && set.stderr.contains("metric 'k2' holds -3 in 2024-10: a control series is compared as a ratio"))
  }

  /// A settings row edited past its CHECKs is named in one line, never trusted into a trap.
  @Test func aCorruptedSettingsRowIsNamed() throws {
    for (column, value) in [("baseline_months", "0"), ("fiscal_year_start", "13"), ("horizon_years", "5000"), ("minor_units", "7")] {
      let cli = try CLI()
      try cli.ok("init", "--go-live", "2025-01")
      try Database(path: cli.database, mode: .readWrite).execute("PRAGMA ignore_check_constraints = 1; UPDATE settings SET \(column) = \(value)")
      for command in [["roi"], ["settings"], ["impact"]] {
        let result = try cli.run(command)
        #expect(result.status == 65, "\(column) \(command)")
        #expect(result.stderr.hasPrefix("crm-roi: error: table settings, row 1, column \(column) holds '\(value)'"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
      }
    }
  }

  /// Whether a month stands out cannot be tested without all 12 calendar months: said so, not
  /// "no calendar month stands out".
  @Test func aSeasonTestThatCannotRunIsSaid() throws {
    let cli = try Self.seasonalShop(baselineMonths: 12)
    try cli.ok("settings", "set", "baseline-months", "11")
    #expect(try Self.report(cli).contains("whether a calendar month stands out cannot be tested without a value in each of the 12 calendar months."))
    #expect((try cli.json("roi", "--format", "json")["baseline_choice"] as? [String: Any])?["reason"] as? String == "not_tested")
  }

  /// 0.01 spent and 5,000 a month gained: a rate above +1,000 % a month, shown as "> 1,000% a year",
  /// not "none".
  @Test func anIRRAboveTheSearchIsShownAsLarge() throws {
    let cli = try CLI()
    try cli.ok("init", "--go-live", "2025-01", "--baseline-months", "3")
    try cli.ok("metric", "add", "sales", "--kind", "revenue", "--margin", "50%")
    for month in ["2024-10", "2024-11", "2024-12"] { try cli.ok("log", month, "sales=1000") }
    for month in ["2025-01", "2025-02", "2025-03"] { try cli.ok("log", month, "sales=11000") }
    try cli.ok("expense", "add", "--date", "2024-12-01", "--category", "other", "--amount", "0.01")
    let text = try cli.run(["roi", "--tei"], environment: Self.today).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(text.contains("annualised): > 1,000% a year"))
    let tei = try #require(try cli.json("roi", "--format", "json")["tei"] as? [String: Any])
    #expect((tei["irr_unavailable"] as? String)?.hasPrefix("it lies above +1,000% a month") == true)
  }
}
