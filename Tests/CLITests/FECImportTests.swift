import Foundation
import SQLite
import Testing

/// Part 8: `import fec`, end to end on the sample FEC of Tests/Fixtures/fec (README's worked
/// example) in both column variants: imported, re-imported (nothing added), figures checked by hand.
@Suite struct FECImportTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/fec").path + "/"
  static let rules = fixtures + "rules.txt"

  /// A database with go-live 2025-04, EUR, and the metrics the rules file names.
  func shop() throws -> CLI {
    let cli = try CLI()
    try cli.ok("init", "--go-live", "2025-04")
    try cli.ok("metric", "add", "sales", "--kind", "revenue", "--margin", "30%")
    try cli.ok("metric", "add", "returns-cost", "--kind", "cost")
    return cli
  }

  /// The summary line of an import's output, with its newline.
  func firstLine(_ output: String) -> String {
    String(output.prefix { $0 != "\n" }) + "\n"
  }

  func sources(_ cli: CLI) throws -> [String] {
    try Database(path: cli.database, mode: .readWrite).prepare("SELECT source FROM expense ORDER BY id").rows { $0.text(0) }
  }

  @Test(arguments: [("fec-2025.txt", "UTF-8"), ("fec-2025-montant-sens.txt", "ISO-8859-15")])
  func theSampleInBothVariantsImportsOnce(name: String, encoding: String) throws {
    let cli = try shop()
    let path = FECImportTests.fixtures + name
    // Picked, by hand (see FECTests.thePickWorkedByHand): AC 000101 651000 1200.00 license;
    // AC 000102 604000 80.00 service (supplier OVH); AC 000103 218300 2280.00 hardware;
    // AC 000104 622800 450.00 training (label). AC 000105's 651000 line is −100.00: left out.
    // Metrics: sales 2025-03 = 5000 + 1000 = 6000; sales 2025-04 = 2000 − 150 = 1850;
    // returns-cost 2025-04 = 150.
    #expect(try firstLine(cli.ok("import", "fec", path, "--rules", FECImportTests.rules)) == """
      Imported \(path): 4 expenses added, 0 skipped (already imported), 1 credit lines left out; 3 metric values added, 0 replaced; read as \(encoding).

      """)
    let list = try cli.ok("expense", "list")
    #expect(list.contains("2025-03-05  license   1,200.00") && list.contains("Salesforce licences mars"))
    #expect(list.contains("2025-03-12  service      80.00") && list.contains("OVH hébergement CRM mars"))
    #expect(list.contains("2025-03-20  hardware  2,280.00") && list.contains("Portables commerciaux"))
    #expect(list.contains("2025-03-25  training    450.00") && list.contains("Formation CRM équipe ventes"))
    #expect(try sources(cli) == ["fec:20251231:AC:000101:1", "fec:20251231:AC:000102:1", "fec:20251231:AC:000103:1", "fec:20251231:AC:000104:1"])
    #expect(try cli.ok("export", "metrics") == """
      month,metric,value
      2025-03,sales,6000
      2025-04,returns-cost,150
      2025-04,sales,1850

      """)
    // 1200 + 80 + 2280 + 450 = 4010.00 (the report needs a baseline value of each metric).
    try cli.ok("log", "2025-03", "returns-cost=0")
    let json = try cli.json("roi", "--format", "json")
    #expect((json["total_cost_of_ownership"] as? NSNumber)?.doubleValue == 4_010.00)
    let again = try cli.ok("import", "fec", path, "--rules", FECImportTests.rules)
    #expect(firstLine(again).hasSuffix(": 0 expenses added, 4 skipped (already imported), 1 credit lines left out; 0 metric values added, 0 replaced; read as \(encoding).\n"))
    // A removed expense stays removed: its source is still stored.
    try cli.ok("expense", "remove", "2")
    #expect(try cli.ok("import", "fec", path, "--rules", FECImportTests.rules).contains(": 0 expenses added, 4 skipped"))
  }

  @Test func theOtherVariantAfterTheFirstAddsNothing() throws {
    let cli = try shop()
    try cli.ok("import", "fec", FECImportTests.fixtures + "fec-2025.txt", "--rules", FECImportTests.rules)
    let before = try cli.contents()
    let other = try cli.ok("import", "fec", FECImportTests.fixtures + "fec-2025-montant-sens.txt", "--rules", FECImportTests.rules)
    #expect(other.contains(": 0 expenses added, 4 skipped (already imported), 1 credit lines left out; 0 metric values added, 0 replaced"))
    // Only the audit trail grows (the import of unchanged metric values is recorded).
    #expect(try cli.contents().split(separator: "\n").filter { !$0.hasPrefix("audit:") } == before.split(separator: "\n").filter { !$0.hasPrefix("audit:") })
  }

  @Test func aLaterFECAddsOnlyItsNewLines() throws {
    let cli = try shop()
    try cli.ok("import", "fec", FECImportTests.fixtures + "fec-2025.txt", "--rules", FECImportTests.rules)
    // The same books a month on: one more licence invoice and one more sale.
    let later = try String(contentsOfFile: FECImportTests.fixtures + "fec-2025.txt", encoding: .utf8) + """
      AC|Achats|000107|20250405|651000|Licences logiciels|||F-2025-041|20250405|Salesforce licences avril|1200,00|0,00|||20250405||
      AC|Achats|000107|20250405|445660|TVA déductible|||F-2025-041|20250405|Salesforce licences avril|240,00|0,00|||20250405||
      AC|Achats|000107|20250405|401000|Fournisseurs|401SFDC|Salesforce France|F-2025-041|20250405|Salesforce licences avril|0,00|1440,00|||20250405||
      VE|Ventes|000205|20250420|411000|Clients|411MAR|Martin|V-2025-105|20250420|Facture Martin|600,00|0,00|||20250420||
      VE|Ventes|000205|20250420|706000|Prestations de services|||V-2025-105|20250420|Facture Martin|0,00|500,00|||20250420||
      VE|Ventes|000205|20250420|445710|TVA collectée|||V-2025-105|20250420|Facture Martin|0,00|100,00|||20250420||

      """
    let path = try cli.file("fec-2025-05.txt", later)
    // New: AC 000107 line 1, 1200.00 license. sales 2025-04 = 1850 + 500 = 2350: replaced;
    // sales 2025-03 and returns-cost 2025-04 are unchanged.
    #expect(try firstLine(cli.ok("import", "fec", path, "--rules", FECImportTests.rules)) == """
      Imported \(path): 1 expenses added, 4 skipped (already imported), 1 credit lines left out; 0 metric values added, 1 replaced; read as UTF-8.

      """)
    #expect(try sources(cli).last == "fec:20251231:AC:000107:1")
    #expect(try cli.ok("export", "metrics").contains("2025-04,sales,2350\n"))
    // 4010 + 1200 = 5210.00
    try cli.ok("log", "2025-03", "returns-cost=0")
    #expect((try cli.json("roi", "--format", "json")["total_cost_of_ownership"] as? NSNumber)?.doubleValue == 5_210.00)
  }

  @Test func aDryRunWritesNothing() throws {
    let cli = try shop()
    let before = try cli.contents()
    let path = FECImportTests.fixtures + "fec-2025.txt"
    #expect(try firstLine(cli.ok("import", "fec", path, "--rules", FECImportTests.rules, "--dry-run")) == """
      Dry run, nothing written: would import \(path): 4 expenses added, 0 skipped (already imported), 1 credit lines left out; 3 metric values added, 0 replaced; read as UTF-8.

      """)
    #expect(try cli.contents() == before)
  }

  /// Runs the import, expects it refused with `message` on standard error and nothing written.
  func refused(_ cli: CLI, _ arguments: [String], _ message: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let before = try cli.contents()
    let result = try cli.run(["import", "fec"] + arguments)
    #expect(result.status == 65, sourceLocation: sourceLocation)
    #expect(result.stderr.contains(message), "\(result.stderr)", sourceLocation: sourceLocation)
    #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
    #expect(try cli.contents() == before, sourceLocation: sourceLocation)
  }

  @Test func badFilesAreRefusedWithTheirPlaceAndWriteNothing() throws {
    let cli = try shop()
    let good = FECImportTests.fixtures + "fec-2025.txt"
    let sample = try String(contentsOfFile: good, encoding: .utf8)
    // A bad amount on a line after the sample's 29: all or nothing, so the 4 good expenses are not added either.
    let badAmount = try cli.file("bad.txt", sample + "VE|Ventes|000206|20250425|706000|Prestations|||V|20250425|Facture|0,00|1.000,00|||20250425||\n")
    try refused(
      cli, [badAmount, "--rules", FECImportTests.rules],
      "crm-roi: error: \(badAmount):30:13 (Credit): '1.000,00' is not valid; expected an amount like 1234,56 (digits, a decimal comma, at most 2 decimals, no thousands separator)\n")
    let badSens = try cli.file("sens.txt", "JournalCode\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxLib\tEcritureLib\tMontant\tSens\nAC\t1\t20250301\t651000\tL\t\tx\t10,00\tX\n")
    try refused(cli, [badSens, "--rules", FECImportTests.rules], "\(badSens):2:9 (Sens): 'X' is not valid; expected D (debit) or C (credit)\n")
    let rules = try cli.file("rules.txt", "account 651 license\n\nacount 6135 service\n")
    try refused(cli, [good, "--rules", rules], "crm-roi: error: \(rules):3: 'acount' is not a rule; expected account, supplier, label or metric\n")
    let category = try cli.file("category.txt", "account 651 licnse\n")
    try refused(cli, [good, "--rules", category], "\(category):1: 'licnse' is not valid; expected one of license")
    let metric = try cli.file("metric.txt", "account 651 licence\nmetric revenue account 70 credit\n")
    try refused(cli, [good, "--rules", metric], "\(metric):2: unknown metric 'revenue'; expected one of: returns-cost, sales")
    try refused(cli, [cli.directory.path + "/none.txt", "--rules", FECImportTests.rules], "none.txt: cannot open: No such file or directory; expected a FEC file")
  }

  @Test func theMonthStillRunningIsRefusedUnlessAllowed() throws {
    let cli = try shop()
    let now = Calendar(identifier: .gregorian).dateComponents([.year, .month], from: Date())
    let day = String(format: "%04d%02d01", now.year!, now.month!)
    let month = String(format: "%04d-%02d", now.year!, now.month!)
    let path = try cli.file("now.txt", """
      JournalCode|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxLib|EcritureLib|Debit|Credit
      VE|1|\(day)|706000|Prestations||Facture|0|100,00

      """)
    try refused(
      cli, [path, "--rules", FECImportTests.rules],
      "\(path):2:3 (EcritureDate): the month of metric sales (\(FECImportTests.rules):11): '\(month)' is not valid; expected a finished month")
    #expect(try cli.ok("import", "fec", path, "--rules", FECImportTests.rules, "--allow-current").contains("0 expenses added, 0 skipped (already imported), 0 credit lines left out; 1 metric values added"))
    #expect(try cli.ok("export", "metrics").contains("\(month),sales,100\n"))
  }

  /// The manual's FEC and rules are the fixtures; its session (run by DocumentationTests) prints this.
  @Test func theManualsExampleIsTheSampleAndPrintsWhatItSays() throws {
    let fec = try String(contentsOfFile: FECImportTests.fixtures + "fec-2025.txt", encoding: .utf8)
    let rules = try String(contentsOfFile: FECImportTests.rules, encoding: .utf8)
    #expect(try CLI.readmeExample("fec-2025.txt") == fec)
    #expect(try CLI.readmeExample("rules.txt") == rules)
    let page = try DocumentationPage("docs/import-export.md").text
    let cli = try shop()
    _ = try cli.file("fec-2025.txt", fec)
    _ = try cli.file("rules.txt", rules)
    // By hand: 4 expenses (the credit note left out); sales in March and April, returns-cost in April.
    let first = try cli.ok("import", "fec", "fec-2025.txt", "--rules", "rules.txt")
    #expect(first.contains("4 expenses added, 0 skipped (already imported), 1 credit lines left out; 3 metric values added"))
    #expect(page.contains("$ crm-roi import fec fec-2025.txt --rules rules.txt\n" + first))
    #expect(try cli.ok("import", "fec", "fec-2025.txt", "--rules", "rules.txt").contains("0 expenses added, 4 skipped"))
  }
}
