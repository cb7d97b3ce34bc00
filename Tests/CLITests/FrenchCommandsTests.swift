import Foundation
import SQLite
import Testing

/// Part 9: every command says its text in French when the language is French (the database's
/// setting here, so no environment is needed), with French numbers; the machine formats do not change.
@Suite struct FrenchCommandsTests {
  /// The demo's database made in French (its notes too), its language set to French.
  static func frenchDemo() throws -> CLI {
    let cli = try CLI()
    _ = try cli.ok("demo", "--lang", "fr")
    #expect(try cli.ok("settings", "set", "language", "fr").contains("language           fr\n"))
    return cli
  }

  @Test func listsAndSettingsInFrench() throws {
    let cli = try Self.frenchDemo()
    let expenses = try cli.ok("expense", "list")
    // The demo's licence: 14,400.00 EUR a year; the migration: 160 h × 42.50 = 6,800.00.
    #expect(expenses.hasPrefix("N°  Date        Catégorie       Montant  Récurrence    Jusqu’à  Note\n"))
    #expect(expenses.contains(" 1  2025-03-01  licence       14\u{202F}400,00  chaque année  horizon  Licences CRM, 24 utilisateurs\n"))
    #expect(expenses.contains("main-d’œuvre   6\u{202F}800,00  une fois               160 h × 42,50\u{202F}; Migration des données"))
    let metrics = try cli.ok("metric", "list")
    // Kinds in French; the stored name (revenue) does not change.
    #expect(metrics.contains("sales               chiffre d’affaires  marge 35\u{202F}%"))
    #expect(metrics.contains("average-order-size  indicateur "))
    #expect(metrics.contains("1 € de moins, 1 € gagné"))
    let settings = try cli.ok("settings")
    #expect(settings.contains("baseline-months    12 (2024-04 à 2025-03)\n"))
    #expect(settings.contains("fiscal-year-start  1 (mise en service au T2 2025)\n"))
    let impact = try cli.ok("impact")
    #expect(impact.hasPrefix("Chaque indicateur avant et après la mise en service (données à fin mars 2026)\n"))
    #expect(impact.contains("Mois        Valeur  Référence  Écart  Effet  Dans la bande"))
    #expect(try cli.ok("check") == "Aucun problème trouvé.\n")
    #expect(try cli.ok("history", "--limit", "1").hasPrefix(" N°  Heure (UTC)"))
  }

  @Test func confirmationsAndErrorsInFrench() throws {
    let cli = try Self.frenchDemo()
    #expect(try cli.ok("expense", "add", "--date", "2026-01-05", "--category", "matériel", "--amount", "1234.5")
      == "Dépense 7 ajoutée\u{202F}: 2026-01-05 matériel 1\u{202F}234,50\u{202F}€.\n")
    #expect(try cli.ok("expense", "add", "--date", "2026-01-05", "--category", "hardware", "--amount", "10", "--lang", "en")
      == "Added expense 8: 2026-01-05 hardware 10.00 EUR.\n")
    #expect(try cli.ok("expense", "remove", "8") == "Dépense 8 supprimée\u{202F}; pour l’annuler\u{202F}: crm-roi expense restore 8.\n")
    #expect(try cli.ok("log", "2026-04", "sales=1000") == "Valeurs saisies pour avr. 2026\u{202F}: 1 ajoutée, 0 remplacée, 0 inchangée.\n")
    let month = try cli.run(["log", "2025-13", "sales=1"])
    #expect(month.status == 65)
    #expect(month.stderr == "crm-roi: erreur : mois\u{202F}: «\u{202F}2025-13\u{202F}» n’est pas valide\u{202F}; attendu\u{202F}: un mois au format AAAA-MM, de 1900-01 à 9999-12, comme 2025-04\n")
    let unknown = try cli.run(["log", "2025-05", "slaes=1"])
    #expect(unknown.stderr == "crm-roi: erreur : indicateur inconnu «\u{202F}slaes\u{202F}»\u{202F}; attendu\u{202F}: un indicateur parmi average-order-size, repeat-purchases, returns-cost, sales (vouliez-vous dire sales\u{202F}?)\n")
    let refused = try cli.run(["metric", "remove", "sales"])
    #expect(refused.stderr.hasPrefix("crm-roi: erreur : l’indicateur «\u{202F}sales\u{202F}» a 25 valeurs saisies\u{202F}; ajoutez --force"))
    // Every bad value of a file, then the summary; nothing imported.
    let file = try cli.file("bad.csv", "date,category,amount\n2025-01-01,license,abc\n2025-01-02,lunch,5\n")
    let bad = try cli.run(["import", "expenses", file])
    #expect(bad.status == 65)
    #expect(bad.stderr.split(separator: "\n").map(String.init) == [
      "crm-roi: erreur : \(file):2:3 (amount)\u{202F}: «\u{202F}abc\u{202F}» n’est pas valide\u{202F}; attendu\u{202F}: un nombre comme 1234.56 ou 1,234.56, avec EUR ou son symbole s’il y en a",
      "crm-roi: erreur : \(file):3:2 (category)\u{202F}: «\u{202F}lunch\u{202F}» n’est pas valide\u{202F}; attendu\u{202F}: une catégorie parmi licence, installation, matériel, main-d’œuvre, prestation, formation, entretien, autre",
      "crm-roi: erreur : \(file)\u{202F}: 2 valeurs incorrectes\u{202F}; rien n’a été importé",
    ])
    // Before the database is read, the environment decides.
    let missing = try cli.run(["roi", "--db", cli.directory.appendingPathComponent("none.sqlite").path], database: false, environment: ["LANG": "fr_FR.UTF-8"])
    #expect(missing.stderr.hasPrefix("crm-roi: erreur : aucune base crm-roi à «\u{202F}"))
  }

  /// A language the file holds that this crm-roi does not know (written by another program) counts
  /// as none: every command still runs, and `settings set language` mends it.
  @Test func anUnknownStoredLanguageLocksNothing() throws {
    let cli = try Self.frenchDemo()
    do {
      let database = try Database(path: cli.database, mode: .readWrite)
      try database.execute("PRAGMA ignore_check_constraints = 1")
      try database.execute("UPDATE settings SET language = 'de'")
    }
    let copy = cli.directory.appendingPathComponent("copy.sqlite").path
    #expect(try cli.ok("backup", copy).hasPrefix("Backed up "))
    #expect(try cli.ok("roi", "--format", "json").contains("\"currency\": \"EUR\""))
    #expect(try cli.ok("settings", "set", "language", "None").contains("language           not set"))
    #expect(try cli.ok("history", "--limit", "1").contains("language  de"))
  }

  @Test func machineFormatsDoNotChangeWithTheLanguage() throws {
    let cli = try Self.frenchDemo()
    for arguments in [["roi", "--format", "json"], ["roi", "--format", "csv"], ["impact", "--format", "json"], ["export", "expenses"]] {
      let french = try cli.run(arguments + ["--lang", "fr"])
      let english = try cli.run(arguments + ["--lang", "en"])
      #expect(french.status == 0 && french.stdout == english.stdout, "\(arguments)")
    }
  }

  @Test func theHTMLReportInFrench() throws {
    let cli = try Self.frenchDemo()
    let path = cli.directory.appendingPathComponent("r.html").path
    #expect(try cli.ok("report", "--project", "--output", path) == "Écrit\u{202F}: \(path)\n")
    let html = try String(contentsOfFile: path, encoding: .utf8)
    #expect(html.contains("<html lang=\"fr\">"))
    #expect(html.contains("Coût total de possession") && html.contains("132\u{202F}500,00\u{202F}€"))
    #expect(html.contains("Seuil de rentabilité projeté T3 2027"))
    #expect(html.contains("Total main-d’œuvre"))
    // The machine attributes stay: the TCO's value as typed, the quarters' ids.
    #expect(html.contains("id=\"tco\" data-value=\"132500.00\""))
    #expect(html.contains("data-quarter=\"2026Q1\""))
    for english in [">Total cost of ownership<", "Cost and benefit per quarter", "Rolling annual ROI", ">Expenses<", "Objectives", "every month"] {
      #expect(!html.contains(english), "\(english)")
    }
    let englishPath = cli.directory.appendingPathComponent("en.html").path
    _ = try cli.ok("report", "--output", englishPath, "--lang", "en")
    #expect(try String(contentsOfFile: englishPath, encoding: .utf8).contains("<html lang=\"en\">"))
  }
}

/// The README's French tour, line by line, as a new user types it.
@Suite struct FrenchTourTests {
  @Test func theTourRunsAsWritten() throws {
    let cli = try CLI()
    var last = ""
    var environment: [String: String] = [:]
    for line in try CLI.readmeExample("tour-fr").split(separator: "\n") {
      let command = line.split(separator: "#")[0].split(separator: " ").map(String.init)
      if command.first == "export" {
        for pair in command.dropFirst() { environment[String(pair.split(separator: "=")[0])] = String(pair.split(separator: "=")[1]) }
        continue
      }
      #expect(command.first == "crm-roi")
      let result = try cli.run(Array(command.dropFirst()), environment: environment)
      #expect(result.status == 0, "\(line): \(result.stderr)")
      last = result.stdout
    }
    // 182,000 against a baseline of 176,000 at a 35% margin: 2,100.00 in 2025-05.
    #expect(last.hasPrefix("Retour sur investissement du CRM par trimestre\n"))
    #expect(last.contains("2\u{202F}100,00"))
  }
}
