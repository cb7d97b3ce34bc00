import Foundation
import Testing

/// Part 13, point 10: French spreadsheets as Excel writes them (empty rows, a closing total, the
/// hint for a date in the file's own form) and numbers typed in French on the command line.
@Suite struct FrenchSpreadsheetRowsTests {
  /// Runs in French; expects success and returns standard output.
  func french(_ cli: CLI, _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
    let result = try cli.run(arguments, environment: ["CRM_ROI_LANG": "fr"])
    #expect(result.status == 0, "\(result.stderr)", sourceLocation: sourceLocation)
    return result.stdout
  }

  func shop() throws -> CLI {
    let cli = try CLI()
    try cli.ok("init", "--go-live", "2025-04")
    return cli
  }

  @Test func emptyRowsAndAClosingTotalAreSkippedAndNamed() throws {
    let cli = try shop()
    let path = try cli.file("depenses.csv", """
      Date;Catégorie;Montant;Libellé
      10/03/2025;licence;1 200,50;Salesforce
      ;;;
      15/03/2025;matériel;2 280,00;Portables
      ;;;
      TOTAL;;3 480,50;

      """)
    let output = try cli.ok("import", "expenses", path)
    #expect(output.contains(": 2 added, 0 replaced, 0 skipped"), "\(output)")
    #expect(output.hasSuffix("Left out:\n  2 empty rows and 1 total row skipped: lines 3, 5, 6\n"))
    #expect(try cli.ok("export", "expenses").contains("2025-03-15,hardware,2280.00,Portables"))
    let french = try french(cli, ["import", "expenses", path, "--dry-run"])
    #expect(french.contains("2 lignes vides écartées et 1 ligne de total écartée : lignes 3, 5, 6"), "\(french)")
  }

  @Test func aTotalRowWithRowsAfterItIsRefused() throws {
    let cli = try shop()
    let path = try cli.file("d.csv", "Date;Catégorie;Montant\n10/03/2025;licence;100,00\nSomme;;100,00\n12/03/2025;licence;5,00\n")
    let result = try cli.run(["import", "expenses", path])
    #expect(result.status == 65)
    #expect(result.stderr.contains("d.csv:3: a total row (its first cell Total, Somme or Sous-total, no date) with more rows after it (line 4)"), "\(result.stderr)")
    #expect(try cli.ok("export", "expenses") == "date,category,amount,note,hours,rate,every,until,supplier\n")
  }

  @Test func aBadDateIsToldInTheFormTheFileUses() throws {
    let cli = try shop()
    let path = try cli.file("d.csv", "Date;Catégorie;Montant\n10/03/2025;licence;100,00\n2025-13-01;licence;5,00\n")
    let result = try cli.run(["import", "expenses", path])
    #expect(result.stderr.contains("d.csv:3:1 (Date): '2025-13-01' is not valid; expected a date like 2026-02-01, 01/02/2026, 01.02.2026 or 01-02-2026 (day first)"), "\(result.stderr)")
  }

  @Test func numbersTypedInFrenchOnTheCommandLine() throws {
    let cli = try shop()
    try cli.ok("metric", "add", "ventes", "--kind", "revenue", "--margin", "35%")
    try cli.ok("metric", "add", "clients", "--kind", "count", "--unit-value", "10")
    let fr = ["CRM_ROI_LANG": "fr"]
    _ = try french(cli, ["log", "2025-05", "ventes=18431,84"])
    _ = try french(cli, ["log", "2025-06", "ventes=18 431,84"])
    _ = try french(cli, ["expense", "add", "--date", "2025-03-01", "--category", "license", "--amount", "1 200,50"])
    _ = try french(cli, ["metric", "set", "ventes", "--margin", "32,5 %"])
    #expect(try cli.ok("export", "metrics").contains("2025-05,ventes,18431.84\n2025-06,ventes,18431.84\n"))
    #expect(try cli.ok("export", "expenses").contains("2025-03-01,license,1200.50"))
    #expect(try cli.ok("metric", "list").contains("32.5%"))
    // `1.234` in French: 1234 or 1,234? Refused with both readings, nothing written.
    let twoWays = try cli.run(["log", "2025-07", "clients=1.234"], environment: fr)
    #expect(twoWays.status == 65)
    #expect(twoWays.stderr.contains("1.234") && twoWays.stderr.contains("ceci pourrait être 1234 (un point des milliers) ou 1,234"), "\(twoWays.stderr)")
    // In English the decimal comma is refused, naming the point.
    let english = try cli.run(["log", "2025-07", "ventes=18431,84"])
    #expect(english.status == 65)
    #expect(english.stderr.contains("'18431,84' is not valid; expected a decimal point, not a comma: 18431.84"), "\(english.stderr)")
    #expect(!(try cli.ok("export", "metrics")).contains("2025-07"))
  }
}

/// A Windows-1252 file that is valid UTF-8 by chance (`É` then a no-break space is C9 A0, U+0260
/// in UTF-8): read as UTF-8, and the summary says how the other reading looks and how to choose it.
@Suite struct ChanceUTF8Tests {
  @Test func aWindows1252FileValidAsUTF8ByChanceIsNamed() throws {
    let cli = try CLI()
    try cli.ok("init", "--go-live", "2025-04")
    let path = cli.directory.appendingPathComponent("w.csv").path
    try Data(Array("date,category,amount,note\n2025-01-02,service,80,PAY".utf8) + [0xC9, 0xA0] + Array(": OVH\n".utf8)).write(to: URL(fileURLWithPath: path))
    let output = try cli.ok("import", "expenses", path, "--dry-run")
    #expect(output.contains("read as UTF-8, comma-separated, decimal point (its only accented letters are pairs that Windows-1252 text makes by chance, as in '"), "\(output)")
    #expect(output.contains("PAYÉ\u{00A0}: OVH") && output.contains("add --encoding windows-1252 if that is how it reads)"))
    #expect(try cli.ok("import", "expenses", path, "--encoding", "windows-1252").contains("read as Windows-1252"))
    #expect(try cli.ok("expense", "list").contains("PAYÉ\u{00A0}: OVH"))
    // A real UTF-8 é says nothing more.
    let utf8 = try cli.file("u.csv", "date,category,amount,note\n2025-01-02,service,80,Payé OVH\n")
    #expect(!(try cli.ok("import", "expenses", utf8, "--dry-run")).contains("by chance"))
  }
}

/// One reading of numbers on every import path (the attacker's "reads two ways" and "the same text,
/// two numbers"), each with its ambiguity check.
@Suite struct OneReadingOfNumbersTests {
  /// With a 3-decimal currency, `1.234` in a file that groups thousands elsewhere is refused on
  /// the fast path (ISO dates), the general one (day-first dates) and in orders alike.
  @Test(arguments: [
    ("expenses", "date,category,amount\n2025-01-02,other,1.234\n2025-01-03,other,\"1,234.500\"\n", "e.csv:2:3 (amount)"),
    ("expenses", "date,category,amount\n02/01/2025,other,1.234\n03/01/2025,other,\"1,234.500\"\n", "e.csv:2:3 (amount)"),
    ("orders", "order_id,date,customer,net_amount,refunded_amount,status\nA,2025-01-02,c,1.234,0,paid\nB,2025-01-03,d,\"1,234.500\",0,paid\n", "e.csv:2:4 (net_amount)"),
  ])
  func aValueThatReadsTwoWaysIsRefusedOnEveryPath(kind: String, text: String, place: String) throws {
    let cli = try CLI()
    try cli.ok("init", "--go-live", "2025-04", "--currency", "KWD")
    let before = try cli.contents()
    let result = try cli.run(["import", kind, try cli.file("e.csv", text)])
    #expect(result.status == 65)
    #expect(result.stderr.contains("\(place): '1.234' could be 1.234 or a grouped 1234"), "\(result.stderr)")
    #expect(try cli.contents() == before)
  }

  /// `1.500` in a `;` file: 1500 when another value shows the decimal comma; refused with both
  /// readings when none does; as the option says when one is given.
  @Test func aPointAndThreeDigitsInAFrenchFile() throws {
    let cli = try CLI()
    try cli.ok("init", "--go-live", "2025-04")
    try cli.ok("metric", "add", "heures", "--kind", "kpi")
    let alone = try cli.file("a.csv", "mois;heures\n01/2025;1.500\n02/2025;12\n")
    let refused = try cli.run(["import", "metrics", alone])
    #expect(refused.status == 65)
    #expect(refused.stderr.contains("a.csv:2:2 (heures): '1.500' reads two ways: 1500 (a thousands point) or 1,500 (a decimal point, written with this file's decimal comma), and no other value of the file shows which"), "\(refused.stderr)")
    let shown = try cli.file("b.csv", "mois;heures\n01/2025;1.500\n02/2025;12,5\n")
    #expect(try cli.ok("import", "metrics", shown).contains("2 added"))
    #expect(try cli.ok("export", "metrics").contains("2025-01,heures,1500\n"))
    #expect(try cli.ok("import", "metrics", alone, "--decimal-point").contains("0 added, 2 replaced"))
    #expect(try cli.ok("export", "metrics").contains("2025-01,heures,1.5\n"))
  }
}
