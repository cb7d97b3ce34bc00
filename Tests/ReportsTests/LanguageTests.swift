import ROIEngine
import Testing

@testable import Reports

/// Part 9's foundation: which language, numbers as each language writes them, and a catalogue
/// with every message in both languages.
@Suite struct LanguageTests {
  @Test func theFirstFoundWins() throws {
    #expect(try Language.resolve(flag: "FR", environment: ["CRM_ROI_LANG": "en"], stored: .en) == .fr)
    #expect(try Language.resolve(flag: nil, environment: ["CRM_ROI_LANG": "fr", "LANG": "en_GB.UTF-8"], stored: nil) == .fr)
    #expect(try Language.resolve(flag: nil, environment: ["LC_ALL": "C", "LC_MESSAGES": "fr_CA.UTF-8", "LANG": "en_US"], stored: nil) == .fr)
    #expect(try Language.resolve(flag: nil, environment: ["LC_ALL": "POSIX", "LANG": "de_DE.UTF-8"], stored: .fr) == .fr)
    #expect(try Language.resolve(flag: nil, environment: ["LANG": "en_US.UTF-8"], stored: .fr) == .en)
    #expect(try Language.resolve(flag: nil, environment: [:], stored: nil) == .en)
    #expect(throws: ValueError(value: "de", expected: Phrase(.formLanguageVariable))) {
      try Language.resolve(flag: nil, environment: ["CRM_ROI_LANG": "de"], stored: nil)
    }
    #expect(throws: ValueError.self) { try Language.resolve(flag: "es", environment: [:], stored: nil) }
  }

  @Test func numbersAsEachLanguageWritesThem() throws {
    let fr = PeopleFormat(.fr)
    let en = PeopleFormat(.en)
    #expect(fr.money(Rational(123_456), .euro) == "1\u{202F}234,56\u{202F}€")
    #expect(en.money(Rational(123_456), .euro) == "1,234.56 EUR")
    #expect(fr.money(Rational(-1_200_000_000), .euro) == "-12\u{202F}000\u{202F}000,00\u{202F}€")
    #expect(fr.money(Rational(12_000), try Currency(code: "JPY")) == "12\u{202F}000\u{202F}¥")
    #expect(fr.percent(Rational(331, 1_000)) == "33,1\u{202F}%")
    #expect(en.percent(Rational(331, 1_000)) == "33.1%")
    #expect(fr.percent(nil) == "–")
    let quarter = Quarter(containing: Month(year: 2025, month: 5), fiscalYearStart: 1)
    #expect(fr.quarter(quarter) == "T2 2025" && en.quarter(quarter) == "2025Q2")
    let fiscal = Quarter(containing: Month(year: 2025, month: 4), fiscalYearStart: 4)
    #expect(fr.quarter(fiscal) == "T1 EX2026" && en.quarter(fiscal) == "FY2026Q1")
    #expect(fr.month(Month(year: 2025, month: 4)) == "avr. 2025" && en.month(Month(year: 2025, month: 4)) == "2025-04")
    #expect(fr.decimal(Rational(397, 100), places: 2) == "3,97")
  }

  @Test func everyMessageInBothLanguagesWithTheSamePlaceholders() {
    for message in Message.allCases {
      let (english, french) = message.templates
      #expect(!english.isEmpty && !french.isEmpty, "\(message)")
      #expect(Catalogue.placeholders(in: english) == Catalogue.placeholders(in: french), "\(message)")
    }
  }

  @Test func aDecimalCommaTypedOnTheCommandLineIsNamed() throws {
    #expect(Phrase.decimalPoint(instead: "12,50")?.text(.en) == "a decimal point, not a comma: 12.50")
    #expect(Phrase.decimalPoint(instead: "35,5%")?.text(.fr) == "un point décimal, pas une virgule\u{202F}: 35.5%")
    #expect(Phrase.decimalPoint(instead: "1,000") == nil)  // perhaps a thousand
    #expect(Phrase.decimalPoint(instead: "1,2,3") == nil && Phrase.decimalPoint(instead: "abc") == nil)
    #expect(throws: ValueError(value: "12,50", expected: .verbatim("a decimal point, not a comma: 12.50"))) { try Currency.euro.parseAmount("12,50") }
  }

  @Test func quartersAsTheFrenchReportsWriteThem() throws {
    #expect(try Quarter(parsing: "T2 2025", fiscalYearStart: 1) == Quarter(containing: Month(year: 2025, month: 4), fiscalYearStart: 1))
    #expect(try Quarter(parsing: "t1 ex2026", fiscalYearStart: 4) == Quarter(containing: Month(year: 2025, month: 4), fiscalYearStart: 4))
    #expect(throws: ValueError.self) { try Quarter(parsing: "T5 2025", fiscalYearStart: 1) }
  }

  @Test func placeholdersAreFilledByName() {
    #expect(Catalogue.text(.totalCostOfOwnership, .fr, ["amount": "132\u{202F}500,00\u{202F}€"]) == "Coût total de possession\u{202F}: 132\u{202F}500,00\u{202F}€")
    #expect(Catalogue.text(.errorPrefix, .fr) == "crm-roi: erreur : ")
    #expect(Catalogue.text(.legendPartial, .en, ["month": "2026-10"]) == "* partial quarter: values logged to 2026-10 only.")
  }
}

/// The warnings through the catalogue: in English exactly the engine's JSON message; in French
/// with the same figures.
@Suite struct WarningTextTests {
  func month(_ text: String) -> Month { try! Month(parsing: text) }
  func snapshot(_ metric: String, _ month: String, _ value: Int64) -> Snapshot {
    Snapshot(metric: metric, month: self.month(month), value: MetricValue(tenThousandths: value * 10_000))
  }

  @Test func englishIsTheEnginesMessageForEveryCode() throws {
    // Go-live 2026-03, data to April: a December peak in sales (seasonal), returns with 2 baseline
    // values (thin) and no April value (missing), repeat purchases worth money beside sales (double
    // count), 2 months (short history), 2026Q2 partial, sales after go-live at the mean (within noise).
    var snapshots: [Snapshot] = []
    for number in 3...12 {
      let value: Int64 = number == 12 ? 1_600 : 1_000 + Int64(number % 3)
      snapshots.append(snapshot("sales", "2025-" + (number < 10 ? "0" : "") + "\(number)", value))
    }
    for number in 1...2 { snapshots.append(snapshot("sales", "2026-0\(number)", 1_000 + Int64(number))) }
    snapshots += [snapshot("sales", "2026-03", 1_050), snapshot("sales", "2026-04", 1_051)]
    snapshots += [snapshot("returns", "2026-01", 100), snapshot("returns", "2026-02", 90), snapshot("returns", "2026-03", 80)]
    snapshots += [snapshot("repeats", "2026-02", 10)]
    let report = try ROICalculator.report(
      settings: Settings(goLive: month("2026-03")),
      costItems: [CostItem(month: month("2026-03"), amount: Money(minor: 100_000))],
      metrics: [
        Metric(name: "sales", kind: .revenue(margin: Percent(tenThousandths: 100_000))), Metric(name: "returns", kind: .cost),
        Metric(name: "repeats", kind: .count(unitValue: Money(minor: 500))),
      ],
      snapshots: snapshots)
    let codes = Set(report.warnings.map(\.code))
    #expect(codes.isSuperset(of: [.shortHistory, .thinBaseline, .seasonalPattern, .doubleCount, .missingMonths, .partialQuarter]), "\(codes)")
    // The JSON's English message, written out here by hand.
    #expect(report.warnings.map(\.message).contains(
      "only 2 months of data since go-live (2026-03 to 2026-04): too early to judge; the figures will settle after 3 months"))
    #expect(report.warnings.map(\.message).contains("2026Q2 is partial: data to 2026-04 only, so its benefit covers 1 of its 3 months"))
    let french = report.warnings.map { $0.text(.fr) }
    #expect(french.contains("seulement 2 mois de données depuis la mise en service (mars 2026 à avr. 2026)\u{202F}: trop tôt pour juger\u{202F}; les chiffres se stabiliseront après 3 mois"))
    #expect(french.contains { $0.hasPrefix("«\u{202F}sales\u{202F}» est saisonnier avant la mise en service (décembre se distingue)") })
    #expect(french.contains("«\u{202F}returns\u{202F}» n’a pas de valeur pour avr. 2026\u{202F}: ce mois compte comme sans changement\u{202F}; saisissez-le avec crm-roi log"))
    #expect(french.contains("T2 2026 est partiel\u{202F}: données jusqu’à avr. 2026 seulement, son bénéfice couvre donc 1 de ses 3 mois"))
  }
}
