import Foundation
import Testing

/// Part 8: CSV files as French Excel and other spreadsheets write them, imported, re-imported
/// (nothing added) and checked figure by figure; and CSV out for French Excel, read back.
@Suite struct SpreadsheetCSVTests {
  /// A database with go-live 2025-04, EUR, and sales (revenue, 30%) and returns (cost).
  func shop() throws -> CLI {
    let cli = try CLI()
    try cli.ok("init", "--go-live", "2025-04", "--baseline-months", "3")
    try cli.ok("metric", "add", "sales", "--kind", "revenue", "--margin", "30%")
    try cli.ok("metric", "add", "returns", "--kind", "cost")
    return cli
  }

  /// Writes `text` in Windows-1252 (every character here has a byte there).
  func windows1252(_ cli: CLI, _ name: String, _ text: String) throws -> String {
    let table: [Character: UInt8] = ["é": 0xE9, "è": 0xE8, "à": 0xE0, "ç": 0xE7, "€": 0x80, "œ": 0x9C, "\u{00A0}": 0xA0, "ô": 0xF4]
    let bytes = text.map { character -> UInt8 in
      if let byte = table[character] { return byte }
      precondition(character.isASCII, "no Windows-1252 byte for \(character) in this test")
      return character.asciiValue!
    }
    let path = cli.directory.appendingPathComponent(name).path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }

  @Test func aFrenchExcelExpensesFileInWindows1252() throws {
    let cli = try shop()
    // French headers, ';', decimal commas, NBSP thousands (Windows-1252 has no U+202F), a euro sign,
    // day-first dates, French categories, Excel's trailing empty column, CRLF.
    let path = try windows1252(cli, "depenses.csv", """
      Date;Catégorie;Montant;Libellé;\r
      01/03/2025;Matériel;"2\u{00A0}280,00";Ordinateurs portables;\r
      15/03/2025;licence;1\u{00A0}099,90 €;Licences CRM;\r
      20/03/2025;Formation;450;Journée de formation à l'outil;\r

      """)
    let imported = try cli.ok("import", "expenses", path)
    #expect(imported == "Imported \(path): 3 added, 0 replaced, 0 skipped (already stored); read as Windows-1252, semicolon-separated, decimal comma.\n")
    let list = try cli.ok("expense", "list")
    #expect(list.contains("2025-03-01  hardware  2,280.00") && list.contains("Ordinateurs portables"))
    #expect(list.contains("2025-03-15  license   1,099.90") && list.contains("Journée de formation à l'outil"))
    // 2,280.00 + 1,099.90 + 450.00 = 3,829.90
    try cli.ok("log", "2025-03", "sales=1", "returns=1")
    let json = try cli.json("roi", "--format", "json")
    #expect((json["total_cost_of_ownership"] as? NSNumber)?.doubleValue == 3_829.90)
    #expect(try cli.ok("import", "expenses", path).contains("0 added, 0 replaced, 3 skipped"))
  }

  @Test func aUTF16MetricsFileWithMonthNamesAndGroupedNumbers() throws {
    let cli = try shop()
    // Excel's "Unicode text": UTF-16 LE after its mark, tab-separated, decimal commas, NNBSP thousands.
    let text = "Mois\tSales\tReturns\r\njanv. 2025\t12\u{202F}000,50\t310\r\nfévr. 2025\t12\u{202F}400\t\r\n03/2025\t13\u{202F}100,25\t290,5\r\n"
    let path = cli.directory.appendingPathComponent("mois.txt").path
    try Data([0xFF, 0xFE] + Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }).write(to: URL(fileURLWithPath: path))
    let imported = try cli.ok("import", "metrics", path)
    #expect(imported.hasSuffix("5 added, 0 replaced, 0 skipped (same value stored); read as UTF-16, tab-separated, decimal comma.\n"))
    #expect(try cli.ok("export", "metrics") == """
      month,metric,value
      2025-01,returns,310
      2025-01,sales,12000.5
      2025-02,sales,12400
      2025-03,returns,290.5
      2025-03,sales,13100.25

      """)
    #expect(try cli.ok("import", "metrics", path).contains("0 added, 0 replaced, 5 skipped"))
  }

  @Test func anAmbiguousValueIsRefusedWithItsLineNeverGuessed() throws {
    let cli = try shop()
    try cli.ok("metric", "add", "basket", "--kind", "kpi")
    let before = try cli.contents()
    // Line 2 groups thousands with a space, so "1,234" on line 3 could be 1.234 or 1234.
    let path = try cli.file("m.csv", "mois;sales;basket\n01/2025;1 200,00;1,5\n02/2025;1 300,00;1,234\n")
    let result = try cli.run(["import", "metrics", path])
    #expect(result.status == 65)
    #expect(result.stderr.contains("m.csv:3:3 (basket): '1,234' could be 1.234 or a grouped 1234"))
    #expect(try cli.contents() == before)
    // Without grouping elsewhere, it reads as 1.234.
    let plain = try cli.file("p.csv", "mois;basket\n02/2025;1,234\n")
    try cli.ok("import", "metrics", plain)
    #expect(try cli.ok("export", "metrics").contains("2025-02,basket,1.234"))
  }

  @Test func unknownColumnsAreRefusedUntilIgnored() throws {
    let cli = try shop()
    let path = try cli.file("e.csv", "date,category,amount,project\n2025-03-01,Hardware,\"1,200.00\",Dell\n")
    let refused = try cli.run(["import", "expenses", path])
    #expect(refused.status == 65)
    #expect(refused.stderr.contains("unknown column 'project'") && refused.stderr.contains("--ignore-column 'project'"))
    #expect(try cli.ok("import", "expenses", path, "--ignore-column", "Project").contains("1 added"))
    #expect(try cli.ok("expense", "list").contains("2025-03-01  hardware  1,200.00"))
    let metrics = try cli.file("w.csv", "month,sales,region\n2025-01,100,north\n")
    #expect(try cli.run(["import", "metrics", metrics]).stderr.contains("--ignore-column 'region'"))
    #expect(try cli.ok("import", "metrics", metrics, "--ignore-column", "region").contains("1 added"))
  }

  @Test func monthFirstDatesNeedTheirOption() throws {
    let cli = try shop()
    let path = try cli.file("us.csv", "date,category,amount\n03/15/2025,license,100\n")
    let refused = try cli.run(["import", "expenses", path])
    #expect(refused.status == 65 && refused.stderr.contains("if this file writes the month first, import it with --date-format mdy"))
    try cli.ok("import", "expenses", path, "--date-format", "mdy")
    #expect(try cli.ok("expense", "list").contains("2025-03-15"))
  }

  @Test func anotherCurrencyIsRefused() throws {
    let cli = try shop()
    let path = try cli.file("e.csv", "date;category;amount\n01/03/2025;license;100,00 USD\n")
    let result = try cli.run(["import", "expenses", path])
    #expect(result.status == 65 && result.stderr.contains("e.csv:2:3 (amount): '100,00 USD' is not valid; expected an amount in EUR, the database's currency, not USD"))
  }

  @Test func frenchCSVOutOpensInColumnsAndReadsBack() throws {
    let cli = try shop()
    try cli.ok("expense", "add", "--date", "2025-03-25", "--category", "labor", "--hours", "7.5", "--rate", "42.50", "--note", "Migration; phase 1")
    try cli.ok("expense", "add", "--date", "2025-04-01", "--category", "service", "--amount", "350.5", "--every", "month", "--until", "2026-03")
    try cli.ok("log", "2025-01", "sales=12000.5", "returns=310")
    let expenses = try cli.ok("export", "expenses", "--locale", "fr")
    // 7.5 × 42.50 = 318.75
    // French headers, categories and frequencies, which the import reads back.
    #expect(expenses == "\u{FEFF}date;catégorie;montant;note;heures;taux horaire;périodicité;fin;fournisseur\r\n"
      + "2025-03-25;main-d’œuvre;318,75;\"Migration; phase 1\";7,5;42,50;;;\r\n2025-04-01;prestation;350,50;;;;mensuel;2026-03;\r\n")
    let metrics = try cli.ok("export", "metrics", "--locale", "fr")
    #expect(metrics == "\u{FEFF}mois;indicateur;valeur\r\n2025-01;returns;310\r\n2025-01;sales;12000,5\r\n")
    // Read back into a fresh database: the same data.
    let other = try shop()
    try other.ok("import", "expenses", try other.file("e.csv", expenses))
    try other.ok("import", "metrics", try other.file("m.csv", metrics))
    #expect(try other.ok("export", "expenses") == (try cli.ok("export", "expenses")))
    #expect(try other.ok("export", "metrics") == (try cli.ok("export", "metrics")))
    let roi = try cli.ok("roi", "--format", "csv", "--locale", "fr")
    #expect(roi.hasPrefix("\u{FEFF}trimestre;premier mois;dernier mois;coût;bénéfice;"))
    #expect(roi.contains("\r\n2025Q1;2025-01;2025-03;318,75;"))
    // Ratios as percentages French Excel reads as such, flags as oui/non.
    #expect(roi.contains(";oui\r\n") || roi.contains(";non\r\n"))
    #expect(!roi.contains("true") && !roi.contains("false"))
    #expect(try cli.ok("impact", "--format", "csv", "--locale", "fr").hasPrefix("\u{FEFF}indicateur;mois;valeur;référence;écart;effet;dans la bande\r\n"))
  }
}

/// The manual's spreadsheet examples (docs/import-export.md), imported as it says.
@Suite struct ReadmeSpreadsheetExamples {
  @Test func theFrenchExcelFileReadsAsTheREADMESays() throws {
    let cli = try CLI()
    try cli.ok("init", "--go-live", "2025-04")
    let text = try CLI.readmeExample("depenses.csv").replacingOccurrences(of: "\n", with: "\r\n")
    let table: [Character: UInt8] = ["é": 0xE9, "è": 0xE8, "€": 0x80]
    let bytes = text.map { table[$0] ?? $0.asciiValue! }
    let path = cli.directory.appendingPathComponent("depenses.csv").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    #expect(try cli.ok("import", "expenses", path)
      == "Imported \(path): 2 added, 0 replaced, 0 skipped (already stored); read as Windows-1252, semicolon-separated, decimal comma.\n")
    #expect(try cli.ok("export", "expenses") == """
      date,category,amount,note,hours,rate,every,until,supplier
      2025-03-01,hardware,2280.00,Ordinateurs portables,,,,,
      2025-03-15,license,1099.90,Licences CRM,,,,,

      """)
  }

  /// The first `if` that matches a row decides: a later `skip` does not undo a category, and a
  /// later category does not override an earlier one.
  @Test func theFirstMatchingIfDecides() throws {
    let cli = try CLI()
    try cli.ok("init", "--go-live", "2025-04")
    let csv = try cli.file("f.csv", "Date;Libellé;Montant\n2025-03-01;Salesforce licences (total annuel);1440,00\n2025-03-02;Frais Salesforce;10,00\n2025-03-03;TOTAL;1450,00\n")
    let rules = try cli.file("f.rules", """
      column "Date" date
      column "Libellé" note
      column "Montant" amount
      category other
      if "Libellé" ~ /salesforce/ category license
      if "Libellé" ~ /total/ skip
      if "Libellé" ~ /frais/ category service

      """)
    #expect(try cli.ok("import", "expenses", csv, "--rules", rules).contains("2 added"))
    #expect(try cli.ok("export", "expenses") == """
      date,category,amount,note,hours,rate,every,until,supplier
      2025-03-01,license,1440.00,Salesforce licences (total annuel),,,,,
      2025-03-02,license,10.00,Frais Salesforce,,,,,

      """)
    let reordered = try cli.file("g.rules", """
      column "Date" date
      column "Libellé" note
      column "Montant" amount
      category other
      if "Libellé" ~ /frais/ category other
      if "Libellé" ~ /salesforce/ category license
      if "Libellé" ~ /^total/ skip

      """)
    let other = try CLI()
    try other.ok("init", "--go-live", "2025-04")
    #expect(try other.ok("import", "expenses", csv, "--rules", reordered).contains("2 added"))
    // "Frais Salesforce" matches /frais/ first: other, though other is also the default category.
    #expect(try other.ok("export", "expenses").contains("2025-03-02,other,10.00,Frais Salesforce"))
  }

  @Test func theBankStatementThroughItsRules() throws {
    let cli = try CLI()
    try cli.ok("init", "--go-live", "2025-04")
    let csv = try cli.file("banque.csv", try CLI.readmeExample("banque.csv"))
    let rules = try cli.file("banque.rules", try CLI.readmeExample("banque.rules"))
    #expect(try cli.ok("import", "expenses", csv, "--rules", rules).contains("3 added"))
    #expect(try cli.ok("export", "expenses") == """
      date,category,amount,note,hours,rate,every,until,supplier
      2025-03-01,license,1440.00,Abonnement CRM mars,,,,,Salesforce
      2025-03-05,hardware,1099.90,Ordinateur portable,,,,,Dell
      2025-03-12,other,450.00,Formation équipe,,,,,Cegos

      """)
    // A bad value keeps its line in the bank's file (line 5, after the title lines).
    let bad = try cli.file("b.csv", try CLI.readmeExample("banque.csv").replacingOccurrences(of: "05/03/2025", with: "32/03/2025"))
    let result = try cli.run(["import", "expenses", bad, "--rules", rules])
    #expect(result.status == 65 && result.stderr.contains("b.csv:5:1 (date): '32/03/2025' is not valid"))
    let broken = try cli.file("x.rules", "skip 2\ncolumn \"Datum\" date\n")
    #expect(try cli.run(["import", "expenses", csv, "--rules", broken]).stderr.contains("x.rules:2: no column 'datum' in \(csv)"))
    let unknown = try cli.file("y.rules", "skip 2\nfields date\n")
    #expect(try cli.run(["import", "expenses", csv, "--rules", unknown]).stderr.contains("y.rules:2: 'fields' is not a rule; expected skip, column, category, if or negate"))
  }

  @Test func theOrderExportThroughItsRules() throws {
    let cli = try CLI()
    try cli.ok("init", "--go-live", "2025-02", "--baseline-months", "1")
    try cli.ok("metric", "add", "sales", "--kind", "revenue", "--margin", "30%", "--from-orders", "net-sales")
    try cli.ok("metric", "add", "refunds", "--kind", "kpi", "--from-orders", "refunds")
    try cli.ok("metric", "add", "repeats", "--kind", "kpi", "--from-orders", "repeat-orders")
    let csv = try cli.file("commandes.csv", try CLI.readmeExample("commandes.csv"))
    let rules = try cli.file("commandes.rules", try CLI.readmeExample("commandes.rules"))
    #expect(try cli.ok("import", "orders", csv, "--rules", rules).contains("2 orders added"))
    #expect(try cli.ok("export", "metrics") == """
      month,metric,value
      2025-01,refunds,0
      2025-01,repeats,0
      2025-01,sales,100
      2025-02,refunds,10
      2025-02,repeats,1
      2025-02,sales,50

      """)
  }
}
