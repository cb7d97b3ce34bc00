import Foundation
import SQLite
import Testing

/// Part 15, point 1: `supplier`, the field added through the fields' declarations, end to end on the
/// built binary: typed, listed, exported and read back in both languages, edited away, planned,
/// filled by a FEC import from CompAuxLib, and migrated into a file made before it.
@Suite struct SupplierTests {
  func shop() throws -> CLI {
    let cli = try CLI()
    try cli.ok("init", "--go-live", "2025-04")
    return cli
  }

  @Test func typedListedExportedAndReadBack() throws {
    let cli = try shop()
    #expect(try cli.ok("expense", "add", "--date", "2025-03-10", "--category", "license", "--amount", "1200", "--supplier", "Salesforce France")
      .hasPrefix("Added expense 1"))
    try cli.ok("expense", "add", "--date", "2025-03-11", "--category", "hardware", "--amount", "80")
    let list = try cli.ok("expense", "list")
    #expect(list.split(separator: "\n").first?.hasSuffix("Supplier") == true)
    #expect(list.contains("Salesforce France"))
    let csv = try cli.ok("export", "expenses")
    #expect(csv == "date,category,amount,note,hours,rate,every,until,supplier\n"
      + "2025-03-10,license,1200.00,,,,,,Salesforce France\n2025-03-11,hardware,80.00,,,,,,\n")
    let json = try cli.ok("export", "expenses", "--format", "json")
    #expect(json.contains("\"supplier\": \"Salesforce France\"") && json.contains("\"supplier\": null"))
    let french = try cli.ok("export", "expenses", "--locale", "fr")
    #expect(french.hasPrefix("\u{FEFF}date;catégorie;montant;note;heures;taux horaire;périodicité;fin;fournisseur\r\n"))
    // Both files read back into fresh databases give the same expenses; again, nothing is added.
    for file in [csv, french] {
      let other = try shop()
      let path = try other.file("e.csv", file)
      #expect(try other.ok("import", "expenses", path).contains("2 added"))
      #expect(try other.ok("export", "expenses") == csv)
      #expect(try other.ok("import", "expenses", path).contains("0 added"))
    }
  }

  @Test func theFrenchHeaderFournisseurAndTheDuplicateKey() throws {
    let cli = try shop()
    let path = try cli.file("f.csv", "Date;Catégorie;Montant;Fournisseur\n10/03/2025;licence;1 200,00;OVH SAS\n11/03/2025;licence;80,00;\n")
    #expect(try cli.ok("import", "expenses", path).contains("2 added"))
    // Naming the supplier of an imported expense later does not make the file, imported again, add it twice.
    try cli.ok("expense", "edit", "2", "--supplier", "Dell")
    #expect(try cli.ok("import", "expenses", path).contains("0 added, 0 replaced, 2 skipped"))
    #expect(try cli.ok("export", "expenses").hasSuffix(",OVH SAS\n2025-03-11,license,80.00,,,,,,Dell\n"))
  }

  @Test func editedAwayAndPlanned() throws {
    let cli = try shop()
    try cli.ok("expense", "add", "--date", "2025-03-10", "--category", "license", "--amount", "1200", "--supplier", "Dell")
    #expect(try cli.ok("expense", "edit", "1", "--supplier", "Dell Technologies").hasPrefix("Updated expense 1"))
    #expect(try cli.ok("export", "expenses").hasSuffix(",Dell Technologies\n"))
    #expect(try cli.ok("history").contains("supplier=\"Dell Technologies\""))
    try cli.ok("expense", "edit", "1", "--supplier", "")
    #expect(try cli.ok("export", "expenses").hasSuffix("2025-03-10,license,1200.00,,,,,,\n"))
    try cli.ok("plan", "cost", "--date", "2025-01-01", "--category", "service", "--amount", "500", "--supplier", "Partner SAS")
    let plan = try cli.json("roi", "--format", "json")["plan"] as? [String: Any]
    let costs = plan?["costs"] as? [[String: Any]]
    #expect(costs?.first?["supplier"] as? String == "Partner SAS")
  }

  /// A supplier is a name: its surrounding spaces go (blank is none), and past 200 characters it is refused.
  @Test func aSupplierIsTrimmedAndLimited() throws {
    let cli = try shop()
    try cli.ok("expense", "add", "--date", "2025-03-10", "--category", "license", "--amount", "10", "--supplier", "  Dell  ")
    try cli.ok("expense", "add", "--date", "2025-03-11", "--category", "license", "--amount", "10", "--supplier", "   ")
    let long = String(repeating: "x", count: 201)
    let refused = try cli.run(["expense", "add", "--date", "2025-03-12", "--category", "license", "--amount", "10", "--supplier", long])
    #expect(refused.status != 0 && refused.stderr.hasSuffix("expected a name of at most 200 characters\n"))
    let csv = try cli.file("s.csv", "date,category,amount,supplier\n2025-03-13,license,10,\" OVH \"\n2025-03-14,license,10,\(long)\n")
    let bad = try cli.run(["import", "expenses", csv])
    #expect(bad.status == 65 && bad.stderr.contains("s.csv:3:4 (supplier)") && bad.stderr.contains("at most 200 characters"))
    let good = try cli.file("t.csv", "date,category,amount,supplier\n2025-03-13,license,10,\" OVH \"\n")
    try cli.ok("import", "expenses", good)
    #expect(try cli.ok("export", "expenses").hasSuffix(",Dell\n2025-03-11,license,10.00,,,,,,\n2025-03-13,license,10.00,,,,,,OVH\n"))
  }

  @Test func aFECImportFillsItFromCompAuxLib() throws {
    let cli = try shop()
    try cli.ok("metric", "add", "sales", "--kind", "revenue", "--margin", "30%")
    try cli.ok("metric", "add", "returns-cost", "--kind", "cost")
    try cli.ok("import", "fec", FECImportTests.fixtures + "fec-2025.txt", "--rules", FECImportTests.rules)
    // Fixture lines 4, 7, 10, 12: the CompAuxLib of each entry's 401/404 line.
    let suppliers = try Database(path: cli.database, mode: .readWrite).prepare("SELECT supplier FROM expense ORDER BY id").rows { $0.text(0) }
    #expect(suppliers == ["Salesforce France", "OVH SAS", "Dell", "Form'Pro"])
  }
}
