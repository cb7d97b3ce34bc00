import Foundation
import SQLite
import Testing

/// Part 13, point 1 and 2 and the attacker's FEC defects: FECs of consecutive fiscal years, a FEC
/// whose EcritureNum does not identify entries, opening balances, a `|` inside a label, and the
/// dry run's listing. Every file is written here, in the shape of the real ones.
@Suite struct FECYearsTests {
  static let header = "JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|PieceDate|EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise\n"

  /// One purchase entry: the expense line, its VAT and the supplier's 401 line.
  static func purchase(_ number: String, _ day: String, _ account: String, _ label: String, _ amount: String, supplier: String) -> String {
    let net = Int(amount.split(separator: ",")[0])!
    let vat = net / 5
    return """
      AC|Achats|\(number)|\(day)|\(account)|Compte|||F\(number)|\(day)|\(label)|\(amount)|0,00|||\(day)||
      AC|Achats|\(number)|\(day)|445660|TVA déductible|||F\(number)|\(day)|\(label)|\(vat),00|0,00|||\(day)||
      AC|Achats|\(number)|\(day)|401000|Fournisseurs|401X|\(supplier)|F\(number)|\(day)|\(label)|0,00|\(net + vat),00|||\(day)||

      """
  }

  func shop() throws -> CLI {
    let cli = try CLI()
    try cli.ok("init", "--go-live", "2025-01")
    return cli
  }

  func rules(_ cli: CLI, _ text: String = "account 651 license\naccount 2183 hardware\naccount 6226 installation\n") throws -> String {
    try cli.file("rules.txt", text)
  }

  func total(_ cli: CLI) throws -> Int64 {
    try Database(path: cli.database, mode: .readWrite).scalar("SELECT coalesce(sum(amount), 0) FROM expense WHERE removed_at IS NULL") ?? -1
  }

  @Test func twoFiscalYearsWithTheSameEntryNumbersAreTwoEntries() throws {
    let cli = try shop()
    let rules = try rules(cli)
    // Both years number their entries from 000001: the 2025 licence, integrator invoice and
    // laptops have the same journal, number and line as 2024's.
    let year2024 = FECYearsTests.header
      + FECYearsTests.purchase("000001", "20240115", "651000", "Licences CRM 2024", "9000,00", supplier: "Salesforce")
      + FECYearsTests.purchase("000002", "20240210", "622600", "Intégrateur", "4000,00", supplier: "Intégra")
    let year2025 = FECYearsTests.header
      + FECYearsTests.purchase("000001", "20250115", "651000", "Licences CRM 2025", "9600,00", supplier: "Salesforce")
      + FECYearsTests.purchase("000002", "20250210", "622600", "Intégrateur phase 2", "4800,00", supplier: "Intégra")
      + FECYearsTests.purchase("000003", "20250301", "218300", "Portables", "3147,00", supplier: "Dell")
    let first = try cli.file("123456789FEC20241231.txt", year2024)
    let second = try cli.file("123456789FEC20251231.txt", year2025)
    let one = try cli.ok("import", "fec", first, "--rules", rules)
    #expect(one.contains(": 2 expenses added, 0 skipped"))
    #expect(one.contains("Fiscal year closing 2024-12-31 (from the file's name)"))
    let two = try cli.ok("import", "fec", second, "--rules", rules)
    // By hand: 9,600 + 4,800 + 3,147 = 17,547 added; with 2024's 9,000 + 4,000: 30,547.00.
    #expect(two.contains(": 3 expenses added, 0 skipped"), "\(two)")
    #expect(try total(cli) == 3_054_700)
    let sources = try Database(path: cli.database, mode: .readWrite).prepare("SELECT source FROM expense ORDER BY id").rows { $0.text(0) }
    #expect(sources == ["fec:20241231:AC:000001:1", "fec:20241231:AC:000002:1", "fec:20251231:AC:000001:1", "fec:20251231:AC:000002:1", "fec:20251231:AC:000003:1"])
    // Each file again adds nothing, and says which lines it skipped.
    let again = try cli.ok("import", "fec", second, "--rules", rules)
    #expect(again.contains(": 0 expenses added, 3 skipped"))
    #expect(again.contains("3 lines already imported (the same fiscal year, journal, entry and line): lines 2, 5, 8"))
    #expect(try cli.ok("import", "fec", first, "--rules", rules).contains(": 0 expenses added, 2 skipped"))
    #expect(try total(cli) == 3_054_700)
  }

  @Test func withoutTheStandardNameTheFiscalYearComesFromTheDates() throws {
    let cli = try shop()
    try cli.ok("settings", "set", "fiscal-year-start", "7")
    let rules = try rules(cli)
    // Fiscal years from July: a line of 2025-03 is in the year closing 2025-06-30.
    let path = try cli.file("export.txt", FECYearsTests.header + FECYearsTests.purchase("000001", "20250301", "651000", "Licences", "100,00", supplier: "S"))
    let output = try cli.ok("import", "fec", path, "--rules", rules)
    #expect(output.contains("Fiscal year closing 2025-06-30 (from the dates of most of its lines and the fiscal year start"))
    #expect(try Database(path: cli.database, mode: .readWrite).prepare("SELECT source FROM expense").rows { $0.text(0) } == ["fec:20250630:AC:000001:1"])
  }

  /// Software writes other SIREN lengths (`0000000001FEC20220831.txt`); a name whose date the
  /// lines do not fit is not believed.
  @Test func theNamesDateWhenItFitsTheLines() throws {
    let cli = try shop()
    let rules = try rules(cli)
    let ten = try cli.file("0000000001FEC20250831.txt", FECYearsTests.header + FECYearsTests.purchase("000001", "20250301", "651000", "Licences", "100,00", supplier: "S"))
    #expect(try cli.ok("import", "fec", ten, "--rules", rules).contains("Fiscal year closing 2025-08-31 (from the file's name)"))
    // Named 2024-12-31, its lines are of 2025: read by the dates (fiscal years from January).
    let wrong = try cli.file("111111111FEC20241231.txt", FECYearsTests.header + FECYearsTests.purchase("000001", "20250301", "651000", "Licences", "100,00", supplier: "S"))
    #expect(try cli.ok("import", "fec", wrong, "--rules", rules).contains(
      "Fiscal year closing 2025-12-31 (from the lines' dates: the file's name says 2024-12-31, which its lines do not fit)"))
  }

  @Test func expensesImportedBeforeFiscalYearsCountedAreNotAddedAgain() throws {
    let cli = try shop()
    let rules = try rules(cli)
    let path = try cli.file("123456789FEC20251231.txt", FECYearsTests.header
      + FECYearsTests.purchase("000001", "20250115", "651000", "Licences", "9600,00", supplier: "S")
      + FECYearsTests.purchase("000002", "20250210", "622600", "Intégrateur", "4800,00", supplier: "I"))
    try cli.ok("import", "fec", path, "--rules", rules)
    // As an older crm-roi stored them: `fec:JOURNAL:NUM:LINE`.
    let database = try Database(path: cli.database, mode: .readWrite)
    try database.execute("UPDATE expense SET source = substr(source, 1, 4) || substr(source, 14)")
    #expect(try database.prepare("SELECT source FROM expense ORDER BY id").rows { $0.text(0) } == ["fec:AC:000001:1", "fec:AC:000002:1"])
    #expect(try cli.ok("import", "fec", path, "--rules", rules).contains(": 0 expenses added, 2 skipped"))
    #expect(try total(cli) == 1_440_000)
  }

  /// A journal whose EcritureNum is 0 on every line, as in a real FEC reader's fixture.
  @Test func entriesWithoutNumbersAreRegroupedByDatePieceAndLabel() throws {
    let cli = try shop()
    let rules = try rules(cli, "supplier \"ITALIAN FOOD\" service\n")
    func line(_ day: String, _ account: String, _ aux: String, _ piece: String, _ label: String, _ debit: String, _ credit: String) -> String {
      "HA|Achats|0|\(day)|\(account)|Compte||\(aux)|\(piece)|\(day)|\(label)|\(debit)|\(credit)|||\(day)||\n"
    }
    let text = FECYearsTests.header
      // The supplier's two invoices: 1,200.00 and 310.50 of purchases.
      + line("20250105", "607000", "", "F100", "ITALIAN FOOD F100", "1200,00", "0,00")
      + line("20250105", "445660", "", "F100", "ITALIAN FOOD F100", "66,00", "0,00")
      + line("20250105", "401000", "ITALIAN FOOD", "F100", "ITALIAN FOOD F100", "0,00", "1266,00")
      + line("20250120", "607000", "", "F101", "ITALIAN FOOD F101", "310,50", "0,00")
      + line("20250120", "401000", "ITALIAN FOOD", "F101", "ITALIAN FOOD F101", "0,00", "310,50")
      // Electricity and the auditor, the same journal and the same EcritureNum 0.
      + line("20250105", "606100", "", "E55", "EDF janvier", "800,00", "0,00")
      + line("20250105", "401000", "EDF", "E55", "EDF janvier", "0,00", "800,00")
      + line("20250131", "622600", "", "K9", "Commissaire aux comptes", "2500,00", "0,00")
      + line("20250131", "401000", "CABINET AUDIT", "K9", "Commissaire aux comptes", "0,00", "2500,00")
    let path = try cli.file("fec.txt", text)
    let output = try cli.ok("import", "fec", path, "--rules", rules)
    // Read by EcritureNum, all nine lines would be one entry holding the supplier: 4,810.50.
    #expect(output.contains(": 2 expenses added, 0 skipped"), "\(output)")
    #expect(output.contains("Journal HA: EcritureNum does not identify its entries (one number spans several dates or does not balance); its 9 lines were grouped by EcritureDate, PieceRef and EcritureLib into 4 entries."))
    #expect(try total(cli) == 151_050)
    #expect(try cli.ok("import", "fec", path, "--rules", rules).contains(": 0 expenses added, 2 skipped"))
  }

  @Test func openingBalancesAreNeverTakenAsExpenses() throws {
    let cli = try shop()
    let rules = try rules(cli)
    let text = FECYearsTests.header
      // The AN journal carries the laptops bought last year forward.
      + "AN|A nouveaux|000001|20260101|218300|Matériel informatique|||AN|20260101|A nouveau|2280,00|0,00|||20260101||\n"
      + "AN|A nouveaux|000001|20260101|401000|Fournisseurs|||AN|20260101|A nouveau|0,00|2280,00|||20260101||\n"
      // Another journal's opening entry, by its label.
      + "OD|Opérations diverses|000001|20260101|651000|Licences|||R1|20260101|Reprise des soldes|8450,00|0,00|||20260101||\n"
      + "OD|Opérations diverses|000001|20260101|471000|Attente|||R1|20260101|Reprise des soldes|0,00|8450,00|||20260101||\n"
      // On the first day with balance-sheet accounts only, without a telling label.
      + "OD|Opérations diverses|000002|20260101|218300|Matériel|||R2|20260101|Bilan 2025|300,00|0,00|||20260101||\n"
      + "OD|Opérations diverses|000002|20260101|101000|Capital|||R2|20260101|Bilan 2025|0,00|300,00|||20260101||\n"
      + FECYearsTests.purchase("000001", "20260110", "651000", "Licences 2026", "1000,00", supplier: "S")
    let path = try cli.file("123456789FEC20261231.txt", text)
    let output = try cli.ok("import", "fec", path, "--rules", rules)
    #expect(output.contains(": 1 expenses added, 0 skipped"), "\(output)")
    #expect(output.contains("3 opening-balance lines (journal AN or an à-nouveaux entry: last year's balances carried forward, not a new cost): lines 2, 4, 6"))
    #expect(try total(cli) == 100_000)
  }

  @Test func aSeparatorInsideALabelIsRefusedNotShifted() throws {
    let cli = try shop()
    let rules = try rules(cli)
    // 19 fields where the header has 18: read as 18 it would store 300.00 instead of 1,200.00.
    let path = try cli.file("fec.txt", FECYearsTests.header + "AC|Achats|000001|20250305|651000|Licences|||F1|20250305|Licences CRM | 1500|1200,00|0,00|||20250305||\n")
    let result = try cli.run(["import", "fec", path, "--rules", rules])
    #expect(result.status == 65)
    #expect(result.stderr.contains("\(path):2: 19 fields; expected 18 as in the header"), "\(result.stderr)")
    #expect(try total(cli) == 0)
  }

  @Test func aDryRunListsEveryLineTakenAndEachRule() throws {
    let cli = try shop()
    try cli.ok("metric", "add", "sales", "--kind", "revenue", "--margin", "30%")
    let rules = try rules(cli, "account 651 license\naccount 6135 service\nmetric sales account 70 credit\n")
    let text = FECYearsTests.header
      + FECYearsTests.purchase("000001", "20250115", "651000", "Licences CRM", "1200,00", supplier: "S")
      + "AC|Achats|000002|20250120|651000|Licences|||A1|20250120|Avoir licences|0,00|100,00|||20250120||\n"
      + "AC|Achats|000002|20250120|401000|Fournisseurs|||A1|20250120|Avoir licences|100,00|0,00|||20250120||\n"
      + "VE|Ventes|000001|20250118|706000|Prestations|||V1|20250118|Facture Dupont|0,00|5000,00|||20250118||\n"
      + "VE|Ventes|000001|20250118|411000|Clients|||V1|20250118|Facture Dupont|5000,00|0,00|||20250118||\n"
    let path = try cli.file("fec.txt", text)
    let before = try cli.contents()
    let output = try cli.ok("import", "fec", path, "--rules", rules, "--dry-run")
    #expect(try cli.contents() == before)
    #expect(output.contains("Rule at line 1: 1 line, 2025-01-15 to 2025-01-15, total 1,200.00 EUR."))
    #expect(output.contains("Rule at line 2: took no line."))
    #expect(output.contains("Rule at line 3: 1 line, 2025-01-18 to 2025-01-18, total 5,000.00 EUR."))
    #expect(output.contains("  1 credit lines (Debit − Credit ≤ 0: a credit note or a reversal): lines 5"))
    #expect(output.contains("Lines taken (3):"))
    #expect(output.contains("  \(path):2  2025-01-15  651000  Licences CRM  1,200.00  rule 1 → expense, license\n"))
    #expect(output.contains("  \(path):5  2025-01-20  651000  Avoir licences  -100.00  rule 1 → left out: a credit\n"))
    #expect(output.contains("  \(path):7  2025-01-18  706000  Facture Dupont  5,000.00  rule 3 → sales for 2025-01\n"))
    // Without --dry-run the listing is left out; the rules' lines stay.
    let real = try cli.ok("import", "fec", path, "--rules", rules)
    #expect(!real.contains("Lines taken") && real.contains("Rule at line 1: 1 line,"))
    // A dry run after the import says which lines are stored already.
    #expect(try cli.ok("import", "fec", path, "--rules", rules, "--dry-run").contains("  \(path):2  2025-01-15  651000  Licences CRM  1,200.00  rule 1 → expense, license, imported already\n"))
  }

  /// What the attacker found: CR line ends, a stray line of another year, a journal regrouped in
  /// a later export, "à nouveau" meaning "again".
  @Test func crLineEndsAStrayOldLineAndALaterRegroupedExport() throws {
    let cli = try shop()
    let rules = try rules(cli)
    let text = FECYearsTests.header
      + FECYearsTests.purchase("000001", "20250115", "651000", "Licences CRM", "1200,00", supplier: "S")
      + FECYearsTests.purchase("000002", "20250210", "651000", "Salesforce : licences ajoutées à nouveau", "300,00", supplier: "S")
    // CR-only line ends read as LF ones; the label with "à nouveau" inside is a cost, not an opening.
    let cr = try cli.file("cr.txt", text.replacingOccurrences(of: "\n", with: "\r"))
    let first = try cli.ok("import", "fec", cr, "--rules", rules)
    #expect(first.contains(": 2 expenses added, 0 skipped"), "\(first)")
    #expect(first.contains("Fiscal year closing 2025-12-31"))
    // The same books with one stray entry of 2019: still the 2025 fiscal year, nothing added twice.
    let stray = try cli.file("stray.txt", text + FECYearsTests.purchase("000009", "20190315", "606100", "EDF", "10,00", supplier: "E"))
    let again = try cli.ok("import", "fec", stray, "--rules", rules)
    #expect(again.contains(": 0 expenses added, 2 skipped") && again.contains("Fiscal year closing 2025-12-31"), "\(again)")
    // A later export where journal AC no longer balances: its lines get other keys, and are not added again.
    let unbalanced = try cli.file("later.txt", text + "AC|Achats|000003|20250415|606100|Compte|||F3|20250415|EDF|10,00|0,00|||20250415||\n")
    let later = try cli.ok("import", "fec", unbalanced, "--rules", rules)
    #expect(later.contains("Journal AC: EcritureNum does not identify its entries"), "\(later)")
    #expect(later.contains(": 0 expenses added, 2 skipped"), "\(later)")
    #expect(try total(cli) == 150_000)
  }
}
