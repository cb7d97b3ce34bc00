import Foundation
import Testing

/// Part 7's shop: CRM live since March 2026, a December peak, data to October (November is still
/// running), a 1,000 licence and a 10% margin. Every figure below is worked by hand.
@Suite struct ShopCaseTests {
  /// Baseline months from March of `firstYear` to February 2026: 1,000 a month, December 1,600; with
  /// `wobble`, the earlier year 10 lower and the later 10 higher. Then 1,100 a month March–October 2026.
  func shop(baselineMonths: Int, wobble: Bool) throws -> CLI {
    let cli = try CLI()
    try cli.ok("init", "--go-live", "2026-03", "--baseline-months", String(baselineMonths))
    try cli.ok("metric", "add", "sales", "--kind", "revenue", "--margin", "10%")
    try cli.ok("expense", "add", "--date", "2026-03-01", "--category", "license", "--amount", "1000")
    for offset in 1...baselineMonths {
      let index = 2026 * 12 + 2 - offset  // the month before March 2026 by `offset`, as year × 12 + month − 1
      let (year, number) = (index / 12, index % 12 + 1)
      let base = number == 12 ? 1_600 : 1_000
      let shift = !wobble ? 0 : (offset > 12 ? -10 : 10)
      try cli.ok("log", String(format: "%04d-%02d", year, number), "sales=\(base + shift)")
    }
    for number in 3...10 { try cli.ok("log", String(format: "2026-%02d", number), "sales=1100") }
    return cli
  }

  func quarter(_ json: [String: Any], _ label: String) throws -> [String: Any] {
    let quarters = try #require(json["quarters"] as? [[String: Any]])
    return try #require(quarters.first { $0["quarter"] as? String == label })
  }

  @Test func theMeanBaselineTakesTheSeasonForAnEffectAndSaysSo() throws {
    let cli = try shop(baselineMonths: 12, wobble: false)
    // Forced: `auto` would keep the mean too (one baseline year), and say so in the verdict instead.
    try cli.ok("settings", "set", "baseline-method", "mean")
    let json = try cli.json("roi", "--format", "json", "--project")
    #expect(json["as_of"] as? String == "2026-10")
    // Mean baseline (11 × 1,000 + 1,600) / 12 = 1,050: each month after go-live brings (1,100 − 1,050) × 10% = 5.
    let q4 = try quarter(json, "2026Q4")
    #expect(q4["partial"] as? Bool == true)
    #expect(q4["missing_months"] as? [String] == [])  // November and December have not happened
    #expect((q4["rolling_annual_roi"] as? NSNumber)?.doubleValue == 0.06)  // 40 × 12 / 8 / 1,000
    let projection = try #require(json["projection"] as? [String: Any])
    #expect((projection["run_rate"] as? NSNumber)?.doubleValue == 5)
    let payback = try #require(json["payback"] as? [String: Any])
    #expect((payback["projected_payback_years"] as? NSNumber)?.doubleValue == 16.666667)
    let codes = (json["warnings"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
    #expect(codes.contains("seasonal_pattern") && codes.contains("partial_quarter"))
    let table = try cli.ok("roi").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(table.contains("(December stands out)") && table.contains("consider: crm-roi settings set baseline-method seasonal"))
    // With `auto`, no warning contradicts the verdict: it says the season may distort the figures.
    try cli.ok("settings", "set", "baseline-method", "auto")
    let auto = try cli.ok("roi").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(!auto.contains("consider: crm-roi settings set baseline-method seasonal"))
    #expect(auto.contains("The season may distort these figures, up or down: December is"))
  }

  @Test func theSeasonalBaselineComparesLikeWithLike() throws {
    let cli = try shop(baselineMonths: 12, wobble: false)
    try cli.ok("settings", "set", "baseline-method", "seasonal")
    let json = try cli.json("roi", "--format", "json", "--project")
    // March–October are compared with March–October 2025 (1,000): 10 a month, 80 by October.
    let q4 = try quarter(json, "2026Q4")
    #expect((q4["rolling_annual_roi"] as? NSNumber)?.doubleValue == 0.12)  // 80 × 12 / 8 / 1,000
    #expect(((json["projection"] as? [String: Any])?["run_rate"] as? NSNumber)?.doubleValue == 10)
    #expect(((json["payback"] as? [String: Any])?["projected_payback_years"] as? NSNumber)?.doubleValue == 8.333333)
    // One baseline year: no σ for the seasonal method, so no band, and the report says why.
    #expect(q4["benefit_low"] is NSNull)
    #expect((json["noise_unavailable"] as? String)?.contains("two baseline years") == true)
    // A partial quarter is the normal state mid-quarter: `check` says it as a note and exits 0.
    let check = try cli.run(["check"])
    #expect(check.status == 0)
    #expect(check.stdout.contains("note (partial_quarter): 2026Q4 is partial: data to 2026-10 only"))
    #expect(check.stdout.hasSuffix("No problems found.\n"))
    // In the HTML chart, the projection carries the partial 2026Q4 on in the same slot, then one a quarter.
    let output = cli.directory.appendingPathComponent("shop.html").path
    try cli.ok("report", "--project", "--output", output)
    let html = try String(contentsOfFile: output, encoding: .utf8)
    func cx(_ series: String, _ quarter: String) throws -> Double {
      let marker = "data-series=\"\(series)\" data-quarter=\"\(quarter)\""
      let after = try #require(html.range(of: marker)).upperBound
      let tail = html[after...]
      let start = try #require(tail.range(of: "cx=\"")).upperBound
      return try #require(Double(tail[start...].prefix { $0 != "\"" }))
    }
    let actual = try cx("cumulative-benefit", "2026Q4")
    #expect(try cx("projected-cumulative-benefit", "2026Q4") == actual)
    let next = try cx("projected-cumulative-benefit", "2027Q1")
    let previous = try cx("cumulative-benefit", "2026Q3")
    #expect(next > actual && abs((next - actual) - (actual - previous)) < 0.02)  // x is printed to 2 decimals
    let codes = (json["warnings"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
    #expect(!codes.contains("seasonal_pattern"))
  }

  @Test func twoBaselineYearsGiveTheSeasonalBand() throws {
    let cli = try shop(baselineMonths: 24, wobble: true)
    try cli.ok("settings", "set", "baseline-method", "seasonal")
    let json = try cli.json("roi", "--format", "json")
    // Each calendar month's baseline is the mean of 990 and 1,010 (or 1,590 and 1,610): 1,000 or
    // 1,600, so the benefit is 10 a month as above; residuals ±10: σ² = 24 × 100 / (24 − 12) = 200.
    let q2 = try quarter(json, "2026Q2")
    #expect((q2["benefit"] as? NSNumber)?.doubleValue == 30)
    // Three months with a value: w = 2 · √(3 × 200 × 10%²) = 2 · √6 = 4.898979…, to the cent 4.90.
    #expect((q2["benefit_low"] as? NSNumber)?.doubleValue == 25.10)
    #expect((q2["benefit_high"] as? NSNumber)?.doubleValue == 34.90)
    #expect(json["noise_unavailable"] is NSNull)
  }
}
