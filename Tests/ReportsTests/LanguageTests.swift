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
    #expect(throws: ValueError(value: "de", expected: "CRM_ROI_LANG to be fr or en")) {
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
      let english = Catalogue.english[message]
      let french = Catalogue.french[message]
      #expect(english != nil && french != nil, "\(message)")
      if let english, let french {
        #expect(Catalogue.placeholders(in: english) == Catalogue.placeholders(in: french), "\(message)")
      }
    }
    #expect(Catalogue.english.count == Message.allCases.count && Catalogue.french.count == Message.allCases.count)
  }

  @Test func placeholdersAreFilledByName() {
    #expect(Catalogue.text(.totalCostOfOwnership, .fr, ["amount": "132\u{202F}500,00\u{202F}€"]) == "Coût total de possession (TCO) : 132\u{202F}500,00\u{202F}€")
    #expect(Catalogue.text(.errorPrefix, .fr) == "crm-roi: erreur : ")
    #expect(Catalogue.text(.legendPartial, .en, ["month": "2026-10"]) == "* partial quarter: values logged to 2026-10 only.")
  }
}
