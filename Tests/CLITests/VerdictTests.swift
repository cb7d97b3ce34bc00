import Foundation
import Testing

/// Part 14: one verdict an owner can trust, on histories built for each status and checked by hand.
/// Every history: go-live 2025-01, a 3-month baseline of `sales` (revenue, 50 % margin), read in
/// April 2025 (`CRM_ROI_TODAY`), so that the figures are current.
@Suite struct VerdictTests {
  static let today = ["CRM_ROI_TODAY": "2025-04"]

  /// Baseline 1,000 a month (σ = 0: no noise band to hide in), then `after` for January to March.
  static func shop(baseline: [String] = ["1000", "1000", "1000"], after: [String], cost: String? = "300") throws -> CLI {
    let cli = try CLI()
    try cli.ok("init", "--go-live", "2025-01", "--baseline-months", "3")
    try cli.ok("metric", "add", "sales", "--kind", "revenue", "--margin", "50%")
    for (month, value) in zip(["2024-10", "2024-11", "2024-12"], baseline) { try cli.ok("log", month, "sales=\(value)") }
    for (month, value) in zip(["2025-01", "2025-02", "2025-03"], after) { try cli.ok("log", month, "sales=\(value)") }
    if let cost { try cli.ok("expense", "add", "--date", "2025-01-01", "--category", "installation", "--amount", cost) }
    return cli
  }

  static func sentence(_ cli: CLI, _ language: String = "en") throws -> String {
    let output = try cli.run(["roi", "--lang", language], environment: today)
    #expect(output.status == 0, "\(output.stderr)")
    let lines = output.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    // The sentence is the paragraph after the title.
    return lines.dropFirst(2).prefix { !$0.isEmpty }.joined(separator: " ")
  }

  static func verdict(_ cli: CLI) throws -> [String: Any] {
    let output = try cli.run(["roi", "--format", "json"], environment: today)
    let json = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as! [String: Any]
    return try #require(json["verdict"] as? [String: Any])
  }

  /// 1,400 a month: (1,400 − 1,000) × 50 % = 200 a month, 600 to date against 300 spent. The running
  /// net is −100 in January and +100 in February, and only grows: paid back in 2025-02.
  @Test func paidBack() throws {
    let cli = try Self.shop(after: ["1400", "1400", "1400"])
    #expect(try Self.sentence(cli) == """
      The CRM has paid for itself. Since go-live (3 months, to 2025-03) it has brought 600.00 EUR more profit \
      than the months before, against 300.00 EUR spent. It paid for itself in 2025-02, 2 months after go-live.
      """)
    #expect(try Self.sentence(cli, "fr") == """
      Le CRM est rentabilisé. Depuis la mise en service (3 mois, jusqu’à mars 2025), il a rapporté 600,00\u{202F}€ \
      de marge de plus que les mois d’avant, pour 300,00\u{202F}€ dépensés. Il a été rentabilisé en févr. 2025, 2 mois \
      après la mise en service.
      """)
    let verdict = try Self.verdict(cli)
    #expect(verdict["status"] as? String == "paid_back")
    #expect(verdict["payback_month"] as? String == "2025-02")
    #expect(verdict["beyond_horizon"] as? Bool == false)
    let toDate = try #require(verdict["to_date"] as? [String: Any])
    #expect((toDate["cost"] as? NSNumber)?.doubleValue == 300 && (toDate["benefit"] as? NSNumber)?.doubleValue == 600)
    #expect((toDate["net"] as? NSNumber)?.doubleValue == 300)
    // Lifetime: 60 months × 200 = 12,000 against a TCO of 300: (12,000 − 300) / 300 = 39.
    #expect((verdict["lifetime_roi"] as? NSNumber)?.doubleValue == 39)
  }

  /// 3,000 spent: −2,400 at March; 200 a month more closes it after 12 months, in 2026-03,
  /// 15 months after go-live, within the 5-year horizon.
  @Test func onTrack() throws {
    let cli = try Self.shop(after: ["1400", "1400", "1400"], cost: "3000")
    #expect(try Self.sentence(cli) == """
      The CRM has not paid for itself yet, and is on track to. Since go-live (3 months, to 2025-03) it has \
      brought 600.00 EUR more profit than the months before, against 3,000.00 EUR spent. At this pace it pays \
      for itself in 2026-03, 1 year and 3 months after go-live.
      """)
    #expect(try Self.sentence(cli, "fr").hasSuffix(
      "À ce rythme, il sera rentabilisé en mars 2026, 1 an et 3 mois après la mise en service."))
    let verdict = try Self.verdict(cli)
    #expect(verdict["status"] as? String == "on_track")
    #expect(verdict["payback_month"] as? String == "2026-03")
    // The TEI table's payback is the same month: 15 months from go-live.
    let tei = try #require(try cli.json("roi", "--format", "json")["tei"] as? [String: Any])
    #expect((tei["payback_months"] as? NSNumber)?.intValue == 15)
  }

  /// 600 a month: profit 200 a month lower, 600 to date, on top of 300 spent; it never pays back.
  /// The sentence never says a loss was "brought".
  @Test func offTrack() throws {
    let cli = try Self.shop(after: ["600", "600", "600"])
    let english = try Self.sentence(cli)
    #expect(english == """
      The CRM is not on track to pay for itself. Since go-live (3 months, to 2025-03) profit has been 600.00 EUR \
      lower than in the months before, on top of the 300.00 EUR the CRM has cost. At this pace it does not pay \
      for itself within the CRM's 5-year horizon (to 2029-12).
      """)
    let french = try Self.sentence(cli, "fr")
    #expect(french.contains("la marge a été inférieure de 600,00\u{202F}€ à celle des mois d’avant, en plus des 300,00\u{202F}€ que le CRM a coûté."))
    #expect(french.contains("il n’est pas rentabilisé dans l’horizon de 5 ans du CRM (jusqu’à déc. 2029)"))
    for text in [english, french] { #expect(!text.contains("brought -") && !text.contains("rapporté -") && !text.contains("-600")) }
    let verdict = try Self.verdict(cli)
    #expect(verdict["status"] as? String == "off_track")
    #expect(verdict["payback_month"] is NSNull && verdict["beyond_horizon"] as? Bool == true)
  }

  /// Two months since go-live: too early, whatever the figures.
  @Test func tooEarlyAfterTwoMonths() throws {
    let cli = try Self.shop(after: ["1400", "1400"])
    #expect(try Self.sentence(cli).hasPrefix("Too early to tell: 2 months since go-live, and the figures need at least 3."))
    #expect(try Self.sentence(cli, "fr").hasPrefix("Trop tôt pour conclure\u{202F}: 2 mois depuis la mise en service, et il en faut au moins 3."))
    let verdict = try Self.verdict(cli)
    #expect(verdict["status"] as? String == "too_early" && verdict["too_early_reason"] as? String == "few_months")
  }

  /// Baseline 900, 1,000, 1,100: σ = 100, so a month's benefit varies by ±(2 × 100 × 50 %); over
  /// three months w = 2 × √(3 × 50²) = 173.21. A gain of 50 a month (75 to date) lies within it.
  @Test func tooEarlyWithinNoise() throws {
    let cli = try Self.shop(baseline: ["900", "1000", "1100"], after: ["1050", "1050", "1050"], cost: "10")
    #expect(try Self.sentence(cli).hasPrefix("""
      Too early to tell: the change is within what months vary by themselves. Since go-live (3 months, to \
      2025-03) it has brought 75.00 EUR more profit
      """))
    #expect(try Self.sentence(cli, "fr").hasPrefix("Trop tôt pour conclure\u{202F}: l’écart reste dans ce que les mois varient d’eux-mêmes."))
    let verdict = try Self.verdict(cli)
    #expect(verdict["status"] as? String == "too_early" && verdict["too_early_reason"] as? String == "within_noise")
    // 1,200 a month brings (1,200 − 1,000) × 50 % × 3 = 300 to date, outside ±173.21: no longer too early.
    let clear = try Self.shop(baseline: ["900", "1000", "1100"], after: ["1200", "1200", "1200"], cost: "10")
    #expect(try Self.verdict(clear)["status"] as? String == "paid_back")
  }

  /// The demo: the verdict's 2027-08 is the TEI table's 29 months (worked in docs/method.md).
  @Test func theDemosPaybackIsTheTEITables() throws {
    let cli = try CLI()
    try cli.ok("demo", "--db", cli.database)
    let json = try cli.json("roi", "--format", "json")
    let verdict = try #require(json["verdict"] as? [String: Any])
    let tei = try #require(json["tei"] as? [String: Any])
    #expect(verdict["payback_month"] as? String == "2027-08")
    #expect((tei["payback_months"] as? NSNumber)?.intValue == 29)
    #expect(verdict["status"] as? String == "on_track")
  }

  /// A yearly licence of 1,200 from go-live and 200 a month of benefit: the running net is 200k − 1,200
  /// in month k of the first year, 0 in June; each January's licence takes it back to +200, never
  /// below: 2025-06, the TEI table's 6 months.
  @Test func aYearlyLicencesPaybackIsTheTEITables() throws {
    let cli = try Self.shop(after: ["1400", "1400", "1400"], cost: nil)
    try cli.ok("expense", "add", "--date", "2025-01-01", "--category", "license", "--amount", "1200", "--every", "year")
    let output = try cli.run(["roi", "--format", "json", "--tei"], environment: Self.today)
    let json = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as! [String: Any]
    let verdict = try #require(json["verdict"] as? [String: Any])
    let tei = try #require(json["tei"] as? [String: Any])
    #expect(verdict["payback_month"] as? String == "2025-06")
    #expect((tei["payback_months"] as? NSNumber)?.intValue == 6)
    #expect(verdict["status"] as? String == "on_track")
    #expect(try Self.sentence(cli).hasSuffix("At this pace it pays for itself in 2025-06, 6 months after go-live."))
  }

  /// Data logged to 2025-03 and read in December 2025: the verdict and `check` say the figures are stale.
  @Test func staleFiguresAreSaid() throws {
    let cli = try Self.shop(after: ["1400", "1400", "1400"])
    let late = ["CRM_ROI_TODAY": "2025-12"]
    let roi = try cli.run(["roi"], environment: late).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(roi.contains("The latest figures are for 2025-03: log the months to 2025-11 to bring this answer up to date."))
    let check = try cli.run(["check"], environment: late)
    #expect(check.status == 1 && check.stdout.contains("warning (stale_data): the latest figures are for 2025-03"))
    // Read in May 2025, 2025-03 is one month before the last complete month: current.
    #expect(!(try cli.run(["check"], environment: ["CRM_ROI_TODAY": "2025-05"]).stdout.contains("stale_data")))
    let bad = try cli.run(["roi"], environment: ["CRM_ROI_TODAY": "2025-13"])
    #expect(bad.status == 65 && bad.stdout.isEmpty)
    #expect(bad.stderr == "crm-roi: error: CRM_ROI_TODAY: '2025-13' is not valid; expected a month as YYYY-MM from 1900-01 to 9999-12, like 2025-04\n")
  }

  /// Paid back to date (600 against 500), but a 3,000 cost in June 2025 takes the running net from
  /// +700 to −2,300; 200 a month brings it back to +100 in June 2026, 18 months after go-live.
  @Test func paidBackButALaterCostDipsBelowZero() throws {
    let cli = try Self.shop(after: ["1400", "1400", "1400"], cost: "500")
    try cli.ok("expense", "add", "--date", "2025-06-01", "--category", "hardware", "--amount", "3000")
    #expect(try Self.sentence(cli) == """
      The CRM has paid for itself. Since go-live (3 months, to 2025-03) it has brought 600.00 EUR more profit \
      than the months before, against 500.00 EUR spent. Costs still to come take it below zero again for a while: \
      at this pace it pays for itself for good in 2026-06, 1 year and 6 months after go-live.
      """)
    #expect(try Self.verdict(cli)["payback_month"] as? String == "2026-06")
  }

  /// No cost at all: nothing to pay back, and no status is claimed in words.
  @Test func nothingToPayBackClaimsNoStatus() throws {
    let cli = try Self.shop(after: ["600", "600", "600"], cost: nil)
    #expect(try Self.sentence(cli) == """
      Since go-live (3 months, to 2025-03) profit has been 600.00 EUR lower than in the months before, on top of \
      the 0.00 EUR the CRM has cost. No cost is recorded yet, so there is nothing to pay back.
      """)
  }

  /// A view of the past (`--to`) is not stale: staleness is judged by the latest month logged.
  @Test func aViewOfThePastIsNotStale() throws {
    let cli = try Self.shop(after: ["1400", "1400", "1400"])
    let output = try cli.run(["roi", "--to", "2025Q1", "--format", "json"], environment: ["CRM_ROI_TODAY": "2025-05"])
    let json = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as! [String: Any]
    #expect((json["verdict"] as? [String: Any])?["stale_before"] is NSNull)
    #expect(!(json["warnings"] as? [[String: Any]] ?? []).contains { $0["code"] as? String == "stale_data" })
  }
}
