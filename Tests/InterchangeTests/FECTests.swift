import ROIEngine
import Testing

@testable import Interchange

/// The FEC reader, the rules file and the picking, on the sample FEC of Tests/Fixtures/fec in its
/// two column variants, against figures worked by hand.
@Suite struct FECTests {
  static let fixtures: String = {
    var path = #filePath
    for _ in 0..<2 { path = String(path[..<path.lastIndex(of: "/")!]) }
    return path + "/Fixtures/fec/"
  }()

  func rules() throws -> FECRules { try FECRules(path: FECTests.fixtures + "rules.txt") }

  @Test func bothVariantsReadToTheSameLines() throws {
    let bars = try FECFile(path: FECTests.fixtures + "fec-2025.txt", currency: .euro)
    let tabs = try FECFile(path: FECTests.fixtures + "fec-2025-montant-sens.txt", currency: .euro)
    #expect(bars.encoding == .utf8 && !bars.signedAmounts)
    // No byte in 0x80–0x9F, so not Windows-1252: the FEC standard's ISO-8859-15.
    #expect(tabs.encoding == .latin9 && tabs.signedAmounts)
    #expect(bars.lines == tabs.lines)
    #expect(bars.lines.count == 28)
    // Line 2: AC 000101, 651000, Debit 1200,00, Credit 0,00 → +120000 cents.
    #expect(bars.lines[0] == FECLine(
      line: 2, journal: "AC", entryNumber: "000101", date: try CalendarDate(parsing: "2025-03-05"), account: "651000",
      accountLabel: "Licences logiciels", auxiliaryLabel: "", label: "Salesforce licences mars", pieceRef: "F-2025-031", amount: 120_000))
    // Line 4: the 401 line, Credit 1440,00 → −144000; line 14 (Montant 100,00, Sens C) → −10000.
    #expect(bars.lines[2].amount == -144_000 && bars.lines[2].auxiliaryLabel == "Salesforce France")
    #expect(tabs.lines[12].line == 14 && tabs.lines[12].amount == -10_000 && tabs.lines[12].label == "Avoir Salesforce licence inutilisée")
  }

  @Test func thePickWorkedByHand() throws {
    let fec = try FECFile(path: FECTests.fixtures + "fec-2025.txt", currency: .euro)
    let pick = try FECPick(fec, rules: try rules())
    // AC 000101 line 1: 651000, 1200,00 − 0 = 1200.00, rule `account 651 license` (rules line 2).
    // AC 000102 line 1: 604000 matches no account rule; its 401 line's CompAuxLib "OVH SAS" contains
    //   OVH: `supplier "OVH" service` (line 7), 80.00. Its 445660 line is VAT and its 401 line is
    //   neither class 6 nor 2.
    // AC 000103 line 1: 218300, `account 2183 matériel` → hardware (line 4), 2280.00; its 445620 is VAT.
    // AC 000104 line 1: 622800, "Formation CRM équipe ventes" matches /formation.*crm/ (line 8), 450.00.
    // AC 000105 line 2: 651000 with 0 − 100,00 = −100.00: a credit line, left out.
    // AC 000106 (EDF, 606100) and the sales journal match no expense rule.
    // Each supplier is the CompAuxLib of the entry's 401/404 line (fixture lines 4, 7, 10, 12).
    let expected: [(String, ExpenseCategory, Int64, String, String, Int, String)] = [
      ("2025-03-05", .license, 120_000, "Salesforce licences mars", "fec:20251231:AC:000101:1", 2, "Salesforce France"),
      ("2025-03-12", .service, 8_000, "OVH hébergement CRM mars", "fec:20251231:AC:000102:1", 7, "OVH SAS"),
      ("2025-03-20", .hardware, 228_000, "Portables commerciaux", "fec:20251231:AC:000103:1", 5, "Dell"),
      ("2025-03-25", .training, 45_000, "Formation CRM équipe ventes", "fec:20251231:AC:000104:1", 8, "Form'Pro"),
    ]
    #expect(pick.items.count == expected.count)
    for (item, (date, category, minor, note, source, ruleLine, supplier)) in zip(pick.items, expected) {
      #expect(item.expense == Expense(
        date: try CalendarDate(parsing: date), category: category, amount: Money(minor: minor), note: note, supplier: supplier))
      #expect(item.source == source && item.ruleLine == ruleLine)
    }
    // 1200 + 80 + 2280 + 450 = 4010.00
    #expect(pick.items.map(\.expense.amount.minor).reduce(0, +) == 401_000)
    #expect(pick.creditLinesLeftOut == 1)
    // returns-cost, 2025-04: 709000 Debit 150,00 → 150.00.
    // sales, 2025-03: 706000 Credit 5000,00 + 707000 Credit 1000,00 = 6000.00.
    // sales, 2025-04: 706000 Credit 2000,00 − 709000 Debit 150,00 (709 is a 70… account too) = 1850.00.
    #expect(pick.metricSums.map { "\($0.metric) \($0.month) \($0.minor)" } == [
      "returns-cost 2025-04 15000", "sales 2025-03 600000", "sales 2025-04 185000",
    ])
  }

  /// Without CompAuxLib, a supplier's own account (401SFDC) names it by its label; the collective
  /// 401000 ("Fournisseurs") names no one.
  @Test func theSupplierComesFromTheAuxiliaryLabelOrTheSuppliersOwnAccount() throws {
    let date = try CalendarDate(parsing: "2025-03-05")
    func line(_ number: Int, _ entry: String, _ account: String, _ label: String, _ amount: Int64, auxiliary: String = "") -> FECLine {
      FECLine(line: number, journal: "AC", entryNumber: entry, date: date, account: account, accountLabel: label, auxiliaryLabel: auxiliary, label: "x", amount: amount)
    }
    let lines = [
      line(2, "1", "651000", "Licences", 100), line(3, "1", "401SFDC", "Salesforce", -100),
      line(4, "2", "651000", "Licences", 50), line(5, "2", "40100000", "Fournisseurs", -50),
      line(6, "3", "651000", "Licences", 70), line(7, "3", "401000", "Fournisseurs", -70, auxiliary: " OVH SAS "),
    ]
    let keys = lines.map { FECEntries.Key(journal: $0.journal, number: $0.entryNumber) }
    let names = FECPick.supplierNames(lines, keys: keys)
    #expect(names == [keys[0]: "Salesforce", keys[4]: "OVH SAS"])
  }

  @Test func snapshotsFollowTheMetricRules() throws {
    let fec = try FECFile(path: FECTests.fixtures + "fec-2025.txt", currency: .euro)
    let rules = try rules()
    let pick = try FECPick(fec, rules: rules)
    let metrics = [Metric(name: "sales", kind: .revenue(margin: Percent(tenThousandths: 300_000))), Metric(name: "returns-cost", kind: .cost)]
    let finished = SnapshotRules(metrics: metrics, currency: .euro, currentMonth: try Month(parsing: "2026-01"), allowCurrent: false)
    #expect(try pick.snapshots(finished, fec: fec, rules: rules).map { "\($0.metric) \($0.month) \($0.value.plain)" } == [
      "returns-cost 2025-04 150", "sales 2025-03 6000", "sales 2025-04 1850",
    ])
    let running = SnapshotRules(metrics: metrics, currency: .euro, currentMonth: try Month(parsing: "2025-04"), allowCurrent: false)
    #expect(throws: CSVError.self) { try pick.snapshots(running, fec: fec, rules: rules) }
    do {
      _ = try pick.snapshots(running, fec: fec, rules: rules)
    } catch let error as CSVError {
      // The first 2025-04 line of returns-cost is line 27 (709000), EcritureDate is column 4.
      #expect(error.description.hasPrefix("\(fec.file):27:4 (EcritureDate): the month of metric returns-cost (\(rules.file):12): '2025-04' is not valid; expected a finished month"))
    }
    let unknown = SnapshotRules(metrics: [metrics[0]], currency: .euro, currentMonth: try Month(parsing: "2026-01"), allowCurrent: false)
    #expect(throws: CSVError(file: rules.file, line: 12, message: .verbatim("unknown metric 'returns-cost'; expected one of: sales"))) {
      try pick.snapshots(unknown, fec: fec, rules: rules)
    }
  }

  @Test func windows1252IsToldFromISO8859_15ByItsC1Bytes() throws {
    // "Écran 27\"" with € (0x80 in Windows-1252): a quote is plain text in a FEC.
    let header = "JournalCode|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxLib|EcritureLib|Debit|Credit\n"
    let body: [UInt8] = Array("AC|1|20250301|218300|Mat".utf8) + [0xE9] + Array("riel||".utf8) + [0xC9] + Array("cran 27\" ".utf8) + [0x80]
      + Array("|199,90|\n".utf8)
    let fec = try FECFile(bytes: Array(header.utf8) + body, name: "w.txt", currency: .euro)
    #expect(fec.encoding == .windows1252)
    #expect(fec.lines[0].label == "Écran 27\" €" && fec.lines[0].accountLabel == "Matériel" && fec.lines[0].amount == 19_990)
    let latin9 = try FECFile(bytes: Array(header.utf8) + body.map { $0 == 0x80 ? 0xA4 : $0 }, name: "l.txt", currency: .euro)
    #expect(latin9.encoding == .latin9 && latin9.lines[0].label == "Écran 27\" €")
  }

  @Test(arguments: [
    ("AC|1|2025-03-01|651|L||x|10,00|0\n", "f.txt:2:3 (EcritureDate): '2025-03-01' is not valid; expected a date as YYYYMMDD, like 20250315"),
    ("AC|1|20250231|651|L||x|10,00|0\n", "f.txt:2:3 (EcritureDate): '20250231' is not valid; expected a date as YYYYMMDD, like 20250315 (a real day)"),
    ("AC|1|20250301|651|L||x|1 000,00|0\n", "f.txt:2:8 (Debit): '1 000,00' is not valid; expected an amount like 1234,56 (digits, a decimal comma, at most 2 decimals, no thousands separator)"),
    ("AC|1|20250301|651|L||x|10,005|0\n", "f.txt:2:8 (Debit): '10,005' is not valid; expected an amount like 1234,56 (digits, a decimal comma, at most 2 decimals, no thousands separator)"),
    ("AC|1|20250301|651|L||x|10,00\n", "f.txt:2: 8 fields; expected 9 as in the header, separated by '|'"),
    ("AC||20250301|651|L||x|10,00|0\n", "f.txt:2:2 (EcritureNum): missing; expected a EcritureNum on every line of a FEC"),
  ])
  func badLinesNameFileLineColumnAndForm(line: String, message: String) throws {
    let header = "JournalCode|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxLib|EcritureLib|Debit|Credit\n"
    do {
      _ = try FECFile(bytes: Array((header + line).utf8), name: "f.txt", currency: .euro)
      Issue.record("accepted \(line)")
    } catch let problems as ImportProblems {
      #expect(problems.problems.map(\.description) == [message])
    }
  }

  @Test func aHeaderWithoutItsColumnsIsRefused() throws {
    #expect(throws: CSVError(file: "f.txt", line: 1, message: .verbatim("no column 'Debit'; expected \(FECFile.expectedHeader)"))) {
      try FECFile(bytes: Array("JournalCode|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxLib|EcritureLib|Amount\n".utf8), name: "f.txt", currency: .euro)
    }
    #expect(throws: CSVError(file: "f.txt", line: 1, message: .verbatim("no tab or | in the header; expected \(FECFile.expectedHeader)"))) {
      try FECFile(bytes: Array("date,amount\n".utf8), name: "f.txt", currency: .euro)
    }
    #expect(throws: CSVError.self) { try FECFile(bytes: [], name: "f.txt", currency: .euro) }
  }

  @Test(arguments: [
    ("acount 651 license", "rules.txt:1: 'acount' is not a rule; expected account, supplier, label or metric"),
    ("account 651 licnse", "rules.txt:1: 'licnse' is not valid; expected one of license, installation, hardware, labor, service, training, maintenance, other (did you mean license?)"),
    ("account 651", "rules.txt:1: 'account 651' is incomplete; expected account PREFIX CATEGORY, like account 651 license"),
    ("account 65.1 license", "rules.txt:1: '65.1' is not an account prefix; expected digits, like 651, in account PREFIX CATEGORY, like account 651 license"),
    ("account 44566 other", "rules.txt:1: '44566' takes in VAT accounts (4456…), which never count; expected an expense account prefix like 651"),
    ("account 651 license extra", "rules.txt:1: unexpected 'extra' after the rule; expected account PREFIX CATEGORY, like account 651 license"),
    ("supplier \"OVH service", "rules.txt:1: a quote is never closed; expected \"NAME\""),
    ("label CRM license", "rules.txt:1: 'CRM' is not a pattern; expected label /PATTERN/ CATEGORY, like label /CRM|Salesforce/ license"),
    ("label /CRM license", "rules.txt:1: a pattern is never closed; expected /PATTERN/"),
    ("metric sales account 70 both", "rules.txt:1: 'both' is not valid; expected debit (Debit − Credit) or credit (Credit − Debit) in metric NAME account PREFIX debit|credit, like metric sales account 70 credit"),
    ("# nothing", "rules.txt:1: no rules; expected lines like account 651 license (expected account, supplier, label or metric)"),
  ])
  func badRulesAreRefusedWithTheirLine(text: String, message: String) {
    #expect(throws: CSVError.self) { try FECRules(text: text, file: "rules.txt") }
    do {
      _ = try FECRules(text: text, file: "rules.txt")
    } catch {
      #expect("\(error)" == message)
    }
  }

  @Test func rulesReadQuotesPatternsAndComments() throws {
    let rules = try FECRules(
      text: "\n# a comment\nsupplier \"Dupont & Fils\" Abonnement  # their CRM\r\nlabel /a\\/b|#1/ other\nmetric Sales account 706 credit\n",
      file: "r.txt")
    #expect(rules.expenseRules.count == 2 && rules.metricRules.count == 1)
    guard case .supplier(let name) = rules.expenseRules[0].match else { Issue.record("not a supplier rule"); return }
    #expect(name == "dupont & fils" && rules.expenseRules[0].category == .service && rules.expenseRules[0].line == 3)
    guard case .label(let pattern) = rules.expenseRules[1].match else { Issue.record("not a label rule"); return }
    #expect(pattern.source == "a/b|#1" && pattern.matches("invoice A/B") && !pattern.matches("invoice A-B"))
    #expect(rules.metricRules[0].metric == "sales" && rules.metricRules[0].side == .credit && rules.metricRules[0].line == 5)
    let broken = "label /(/ license"
    #expect(throws: CSVError.self) { try FECRules(text: broken, file: "r.txt") }
  }
}
