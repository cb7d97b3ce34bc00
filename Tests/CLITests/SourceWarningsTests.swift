import Foundation
import SQLite
import Testing

/// Part 13, points 2, 5, 6 and 7: the warnings about where the data came from, in `check` and in
/// the JSON's `warnings[]`, on histories built for each.
@Suite struct SourceWarningsTests {
  let header = "order_id,date,customer,net_amount,refunded_amount,status\n"

  /// Go-live 2025-04 with a 3-month baseline (2025-01 to 2025-03); sales from net sales, and the
  /// customer series.
  func shop() throws -> CLI {
    let cli = try CLI()
    try cli.ok("init", "--go-live", "2025-04", "--baseline-months", "3")
    try cli.ok("metric", "add", "sales", "--kind", "revenue", "--margin", "35%", "--from-orders", "net-sales")
    try cli.ok("metric", "add", "new-customers", "--kind", "kpi", "--from-orders", "new-customers")
    return cli
  }

  /// `count` orders a day from `first` to `last` (days of one month), each from its own customer.
  func orders(_ month: String, days: ClosedRange<Int>, perDay: Int = 1, prefix: String, customer: (Int) -> String = { "c\($0)" }) -> String {
    var text = ""
    var number = 0
    for day in days {
      for _ in 0..<perDay {
        number += 1
        text += "\(prefix)\(number),\(month)-\(String(format: "%02d", day)),\(customer(number)),10.00,0,paid\n"
      }
    }
    return text
  }

  func warnings(_ cli: CLI, _ extra: String...) throws -> [String: String] {
    let result = try cli.run(["roi", "--format", "json"] + extra)
    #expect(result.status == 0, "\(result.stderr)")
    let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
    var found: [String: String] = [:]
    for warning in json["warnings"] as? [[String: Any]] ?? [] { found[warning["code"] as! String] = warning["message"] as? String }
    found["as_of"] = json["as_of"] as? String
    return found
  }

  @Test func anExportTakenMidMonthStopsTheReportAtTheMonthBefore() throws {
    let cli = try shop()
    var text = header
    for (index, month) in ["2025-01", "2025-02", "2025-03", "2025-04", "2025-05"].enumerated() {
      text += orders(month, days: 1...28, prefix: "M\(index)-")
    }
    // June 1–15, one order a day: 15 more days without an order at that pace has a chance of
    // e^(−15) — the export was taken mid-month.
    text += orders("2025-06", days: 1...15, prefix: "J-")
    try cli.ok("import", "orders", try cli.file("o.csv", text))
    let found = try warnings(cli)
    #expect(found["as_of"] == "2025-05")
    #expect(found["incomplete_month"] == "The orders of 2025-06 stop on 2025-06-15 (15 orders), too early in the month for its pace: the export was taken before the month ended. The report stops at the month before; import an export that covers 2025-06, or use --allow-incomplete.")
    let allowed = try warnings(cli, "--allow-incomplete")
    #expect(allowed["as_of"] == "2025-06")
    #expect(allowed["incomplete_month"]?.hasSuffix("The month is counted as asked (--allow-incomplete), so its benefit is understated.") == true)
    #expect(try cli.ok("roi").contains("As of 2025-05: the last month whose orders are complete (2025-06 is left out: its orders stop early)"))
    #expect(try cli.run(["check"]).stdout.contains("incomplete_month"))
    // impact stops at May too, and says why under its table.
    let impact = try cli.ok("impact", "sales")
    #expect(impact.contains("warning (incomplete_month): The orders of 2025-06 stop on 2025-06-15") && !impact.contains("2025-06  "), "\(impact)")
    // The rest of June lifts it: 16 June to 30 June.
    try cli.ok("import", "orders", try cli.file("p.csv", header + orders("2025-06", days: 16...30, prefix: "K-")))
    let after = try warnings(cli)
    #expect(after["incomplete_month"] == nil && after["as_of"] == "2025-06")
  }

  @Test func aSlowMonthsLastOrderIsNotTakenForAnEarlyExport() throws {
    let cli = try shop()
    // Three orders in June, the last on the 20th: 10 days without one at 3 in 20 days has a chance
    // of e^(−1.5) ≈ 22 %: a quiet end of month, not a cut export.
    var text = header + orders("2025-01", days: 1...3, prefix: "J-") + orders("2025-02", days: 1...3, prefix: "F-")
      + orders("2025-03", days: 1...3, prefix: "M-") + orders("2025-05", days: 1...3, prefix: "A-")
    text += "B1,2025-06-02,x,10,0,paid\nB2,2025-06-11,y,10,0,paid\nB3,2025-06-20,z,10,0,paid\n"
    try cli.ok("import", "orders", try cli.file("o.csv", text))
    let found = try warnings(cli)
    #expect(found["incomplete_month"] == nil && found["as_of"] == "2025-06")
  }

  @Test func customerSeriesNeedAYearOfOrdersBeforeTheBaseline() throws {
    let cli = try shop()
    // Orders from 2024-06: a year of history reaches 2025-06, after the baseline's first month 2025-01.
    var text = header
    for month in ["2024-06", "2024-09", "2025-01", "2025-02", "2025-03", "2025-04"] { text += orders(month, days: 1...3, prefix: month + "-") }
    try cli.ok("import", "orders", try cli.file("o.csv", text))
    let message = try warnings(cli)["customer_history_short"]
    #expect(message?.contains("new-customers need 12 months of orders before they are used: the orders start in 2024-06") == true, "\(message ?? "none")")
    #expect(message?.contains("taken for new until 2025-06, and the baseline starts in 2025-01") == true)
    // Orders from 2023-12 on: 12 months before the baseline, no warning.
    try cli.ok("import", "orders", try cli.file("p.csv", header + "OLD1,2023-12-05,old,10,0,paid\n"))
    #expect(try warnings(cli)["customer_history_short"] == nil)
  }

  @Test func monthsWithManyOrdersWithoutACustomerAreNamed() throws {
    let cli = try shop()
    // January: 20 orders, 1 without a customer (5 %: not more than 5 %). February: 20, 2 without (10 %).
    var text = header + orders("2025-01", days: 1...20, prefix: "A-") { $0 == 1 ? "" : "a\($0)" }
    text += orders("2025-02", days: 1...20, prefix: "B-") { $0 <= 2 ? "" : "b\($0)" }
    let output = try cli.ok("import", "orders", try cli.file("o.csv", text))
    #expect(output.contains("3 orders without an e-mail, phone or customer id: counted in sales and orders, left out of new-customers and repeat-orders: lines 2, 22, 23"), "\(output)")
    let message = try warnings(cli)["orders_without_customer"]
    #expect(message == "2 orders without an e-mail, a phone or a customer id in 2025-02 (more than 5 % of those months' orders): new-customers leave them out, so they count fewer customers than bought.")
  }

  @Test func anExpenseFromTheFECAndTheSameTypedAreNamedAsLikelyDuplicates() throws {
    let cli = try shop()
    let fec = try cli.file("123456789FEC20251231.txt", FECYearsTests.header
      + FECYearsTests.purchase("000001", "20250310", "651000", "Licences", "1440,00", supplier: "S"))
    try cli.ok("import", "fec", fec, "--rules", try cli.file("r.txt", "account 651 license\n"))
    try cli.ok("expense", "add", "--date", "2025-03-14", "--category", "license", "--amount", "1440")
    try cli.ok("expense", "add", "--date", "2025-03-30", "--category", "license", "--amount", "1440")
    // 2023-12-01 is 16 months before go-live.
    try cli.ok("expense", "add", "--date", "2023-12-01", "--category", "hardware", "--amount", "900")
    let check = try cli.run(["check"])
    #expect(check.status == 1)
    #expect(check.stdout.contains("possible_duplicate_expense") && check.stdout.contains("Expenses 1 and 2 have the same amount 4 days apart, one from the FEC and one typed or from a CSV"), "\(check.stdout)")
    // 20 days apart: not named.
    #expect(!check.stdout.contains("Expenses 1 and 3"))
    #expect(check.stdout.contains("expense 4 is dated 2023-12-01, more than 12 months before go-live (2025-04)"))
  }

  @Test func expensesFromARegroupedJournalAreNamed() throws {
    let cli = try shop()
    let line = { (day: String, account: String, piece: String, label: String, debit: String, credit: String) in
      "HA|Achats|0|\(day)|\(account)|Compte||X|\(piece)|\(day)|\(label)|\(debit)|\(credit)|||\(day)||\n"
    }
    let fec = try cli.file("fec.txt", FECYearsTests.header
      + line("20250105", "651000", "F1", "Licence", "100,00", "0,00") + line("20250105", "401000", "F1", "Licence", "0,00", "100,00")
      + line("20250205", "651000", "F2", "Licence", "100,00", "0,00") + line("20250205", "401000", "F2", "Licence", "0,00", "100,00"))
    try cli.ok("import", "fec", fec, "--rules", try cli.file("r.txt", "account 651 license\n"))
    #expect(try cli.run(["check"]).stdout.contains("warning (fec_entries_regrouped): 2 expenses come from FEC journal HA, whose EcritureNum did not identify entries"))
  }
}
