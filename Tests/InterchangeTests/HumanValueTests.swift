import ROIEngine
import Testing

@testable import Interchange

/// Numbers, dates and months as spreadsheets write them, against their plain forms worked by hand.
@Suite struct HumanValueTests {
  let comma = HumanNumber(decimalComma: true, currency: .euro)
  let point = HumanNumber(decimalComma: false, currency: .euro)

  @Test(arguments: [
    ("2 280,00", "2280.00"), ("1\u{202F}234,56", "1234.56"), ("1\u{00A0}234,56", "1234.56"), ("1.234,56", "1234.56"),
    ("-1.000,00 €", "-1000.00"), ("1099,90 €", "1099.90"), ("€ 12,50", "12.50"), ("EUR 12,5", "12.5"), ("12,50 EUR", "12.50"),
    ("(1 234,56)", "-1234.56"), ("1 234,56-", "-1234.56"), ("1'234,5", "1234.5"), ("12", "12"), (",5", "0.5"), ("-0,5", "-0.5"),
    ("1.234.567,8", "1234567.8"),
  ])
  func decimalCommaNumbers(text: String, plain: String) throws {
    #expect(try comma.read(text).plain == plain)
  }

  @Test(arguments: [("1,234.56", "1234.56"), ("1099.90 €", "1099.90"), ("-12.5", "-12.5"), ("1 000", "1000"), ("(5.25)", "-5.25")])
  func decimalPointNumbers(text: String, plain: String) throws {
    #expect(try point.read(text).plain == plain)
  }

  @Test(arguments: ["12.50", "1 23,4", "1,2,3", "12,5,0", "1.23,4", "abc", "", "€", "--5", "(-5)", "5 - 3", "1 234.567,8", "12,50 €€"])
  func malformedNumbersAreRefused(text: String) {
    #expect(throws: ValueError.self, "\(text)") { try comma.read(text) }
  }

  @Test func anotherCurrencyIsRefusedAndNamed() throws {
    #expect(throws: ValueError(value: "12,50 USD", expected: .verbatim("an amount in EUR, the database's currency, not USD"))) { try comma.read("12,50 USD") }
    #expect(throws: ValueError.self) { try comma.read("$12,50") }
    #expect(try HumanNumber(decimalComma: false, currency: try Currency(code: "USD")).read("$1,200.00").plain == "1200.00")
  }

  @Test func oneCommaAndThreeDigitsCouldBeEitherReading() throws {
    let reading = try comma.read("1,234")
    #expect(reading == HumanNumber.Reading(plain: "1.234", grouped: false, ambiguous: true))
    #expect(try comma.read("1 234,5").grouped)
    #expect(try comma.read("12,345").ambiguous)
    #expect(try !comma.read("1234,567").ambiguous && !comma.read("1,23").ambiguous)
  }

  @Test(arguments: [
    ("2026-02-01", "2026-02-01"), ("01/02/2026", "2026-02-01"), ("1/2/2026", "2026-02-01"), ("01.02.2026", "2026-02-01"),
    ("01-02-2026", "2026-02-01"), ("2026-02-03 14:05:00 +0100", "2026-02-03"), ("2026-02-03T14:05:00Z", "2026-02-03"),
    ("31/12/2025", "2025-12-31"),
  ])
  func dayFirstDates(text: String, date: String) throws {
    #expect(try HumanDate(order: .dmy).date(text) == date)
  }

  @Test func monthFirstDatesOnlyWhenAsked() throws {
    #expect(try HumanDate(order: .mdy).date("02/13/2026") == "2026-02-13")
    #expect(throws: ValueError(
      value: "02/13/2026",
      expected: .verbatim("a day-first date (there is no month 13); if this file writes the month first, import it with --date-format mdy"))) {
      try HumanDate(order: .dmy).date("02/13/2026")
    }
    #expect(throws: ValueError.self) { try HumanDate(order: .dmy).date("31/02/2026") }
    #expect(throws: ValueError.self) { try HumanDate(order: .dmy).date("2026/02/01") }
  }

  @Test(arguments: [
    ("2025-01", "2025-01"), ("01/2025", "2025-01"), ("1/2025", "2025-01"), ("janv. 2025", "2025-01"), ("Jan 2025", "2025-01"),
    ("janvier 2025", "2025-01"), ("févr. 2025", "2025-02"), ("FÉVRIER 2025", "2025-02"), ("août 2025", "2025-08"),
    ("déc. 2025", "2025-12"), ("December 2025", "2025-12"), ("janv.-25", "2025-01"), ("01/01/2025", "2025-01"),
    ("sept. 2025", "2025-09"),
  ])
  func months(text: String, month: String) throws {
    #expect(try HumanDate(order: .dmy).month(text) == month)
  }

  @Test(arguments: ["15/01/2025", "13/2025", "janvember 2025", "2025", "jan"])
  func notMonths(text: String) {
    #expect(throws: ValueError.self, "\(text)") { try HumanDate(order: .dmy).month(text) }
  }

  @Test func encodingsBecomeUTF8() throws {
    // é € œ in Windows-1252; € Œ in ISO-8859-15; "a€" in UTF-16 LE and BE after their marks.
    #expect(TextEncoding.singleByteToUTF8([0xE9, 0x80, 0x9C], latin9: false) == Array("é€œ".utf8))
    #expect(TextEncoding.singleByteToUTF8([0xA4, 0xBC], latin9: true) == Array("€Œ".utf8))
    #expect(TextEncoding.utf16ToUTF8([0x61, 0x00, 0xAC, 0x20], bigEndian: false) == Array("a€".utf8))
    #expect(TextEncoding.utf16ToUTF8([0x00, 0x61, 0x20, 0xAC], bigEndian: true) == Array("a€".utf8))
    #expect(TextEncoding.utf16ToUTF8([0x00, 0xD8, 0x61, 0x00], bigEndian: false) == nil)  // a lone surrogate
  }

  @Test func theDelimiterIsTheOneTheHeaderHoldsMost() {
    func sniff(_ text: String) -> UInt8 {
      CSVReader(bytes: Array(text.utf8), name: "t").sniffDelimiter(among: CSVDialect.delimiters)
    }
    #expect(sniff("date;category;amount\n1,5;x;y\n") == UInt8(ascii: ";"))
    #expect(sniff("date,category,amount\n") == UInt8(ascii: ","))
    #expect(sniff("\"a;b\",c\n") == UInt8(ascii: ","))
    #expect(sniff("mois\tventes\n") == UInt8(ascii: "\t"))
    #expect(sniff("month\n") == UInt8(ascii: ","))
  }
}

@Suite struct PatternSafetyTests {
  @Test(arguments: ["^(a+)+$", "(\\w*)*", "(a|aa){2,}", "((ab)+c)+", "(x+y*)*z"])
  func repeatedGroupsThatRepeatInsideAreRefused(pattern: String) {
    #expect(PatternSafety.problem(in: pattern) != nil, "\(pattern)")
  }

  @Test(arguments: ["OVH|Scaleway", "^TOTAL", "^(abonnement|licence)", "(ab)+", "a+b+c*", "[(a+)]+", "\\(a+\\)+", "(?:crm)\\s+\\d{2,}"])
  func otherPatternsAreAccepted(pattern: String) {
    #expect(PatternSafety.problem(in: pattern) == nil, "\(pattern)")
  }
}
