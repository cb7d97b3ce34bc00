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

/// Rules' patterns, matched without backtracking (`LinearPattern`): the same answers as Swift's
/// Regex, in work linear in the text on the shapes that make a backtracking matcher take minutes.
@Suite struct LinearPatternTests {
  static let patterns = [
    "OVH|Scaleway", "^TOTAL", "^(abonnement|licence)", "(ab)+", "a+b+c*", "[(a+)]+", "\\(a+\\)+", "(?:crm)\\s+\\d{2,}",
    "formation.*crm", "^total$", "\\bcrm\\b", "[a-c]{2,3}x", "colou?r", "^(a+)+$", "(\\w*)*z", "(a|aa){2,}", "[^0-9]+$",
    "\\d{4}-\\d{2}", "é+", "SALES?FORCE", "x{0,2}y", "[A-Z][a-z]+ [A-Z]", "\\.csv$", "a.c", "\\Bcrm",
    "x{,3}", "[Z-a]", "^[0-Z]+$", "a||b", "()", "(|)", "a*?b", "^$"
  ]
  static let texts = [
    "", "OVH SAS", "Facture Scaleway", "TOTAL", "Sous-total", "abonnement CRM", "Licence Pro", "ababab", "aabbb", "(a+)",
    "Formation CRM équipe", "crm 2025", "CRM  12", "total", "ÉÉ", "salesforce", "Sales Force", "xxy", "y", "Jean Dupont",
    "file.csv", "abc", "a\nc", "scrm", "aaaa", "aaaz", "12345", "2025-03", "colour", "color", "x-y",
    "Z", "a_b", "]", "b]x", "]x", "zzz"
  ]

  @Test func answersAsSwiftsRegexDoes() throws {
    for pattern in LinearPatternTests.patterns {
      let linear = try LinearPattern(pattern)
      let regex = try Regex(pattern).ignoresCase()
      for text in LinearPatternTests.texts {
        #expect(linear.matches(text) == ((try? regex.firstMatch(in: text)) != nil), "/\(pattern)/ on \(text.debugDescription)")
      }
    }
  }

  /// The worst shapes for a backtracking matcher, on a 1 MiB field that never matches: the states
  /// followed stay within a small multiple of the text's length (no timing: the work is counted).
  @Test(arguments: ["a*a*a*b", ".*x", "^(a+)+$b", "(a|aa){2,}c", "(x+x+)+y", "(a*)*b", "(.*a){20}b"])
  func theWorkIsLinearInTheText(pattern: String) throws {
    let linear = try LinearPattern(pattern)
    let text = String(repeating: "a", count: 1 << 20)
    var steps = 0
    #expect(!linear.matches(text, steps: &steps))
    // Each character visits each state of the automaton at most twice (followed, then tested).
    #expect(steps <= 2 * (text.utf8.count + 1) * linear.stateCount, "\(steps) steps for \(linear.stateCount) states")
    #expect(linear.stateCount < 200)
  }

  /// An empty group repeated makes no state and is read at once (it looped 10¹² times).
  @Test func anEmptyGroupRepeatedIsNothing() throws {
    let pattern = try LinearPattern("x((((){1000}){1000}){1000}){1000}y")
    #expect(pattern.matches("axyb") && !pattern.matches("x y"))
    #expect(pattern.stateCount < 10)
  }

  /// Thousands of states, on a 1 MiB field: each set of states reached is kept with the one that
  /// follows it, so the work after the first characters is one step a character.
  @Test func aLargeAutomatonOnALongFieldStaysLinear() throws {
    let linear = try LinearPattern("(.*){0,1000}x")
    let text = String(repeating: "a", count: 1 << 20)
    var steps = 0
    #expect(!linear.matches(text, steps: &steps))
    #expect(linear.stateCount > 2_000)
    #expect(steps <= text.utf8.count + 1 + 10 * 2 * linear.stateCount, "\(steps) steps for \(linear.stateCount) states")
    // Every character another (300,000 ideographs): a character is kept by the tests it passes.
    let distinct = String(String.UnicodeScalarView((0..<300_000).map { Unicode.Scalar(0x4E00 + UInt32($0 % 20_000))! }))
    var distinctSteps = 0
    #expect(!linear.matches(distinct, steps: &distinctSteps))
    #expect(distinctSteps <= 300_001 + 10 * 2 * linear.stateCount, "\(distinctSteps) steps")
  }

  @Test(arguments: [
    ("(?=crm)", "a lookaround or a named group, (?…) is not supported"), ("(a)\\1", "a back-reference (\\1, \\k) is not supported"),
    ("a{2000}", "a count of repetitions above 1000"), ("(ab", "a parenthesis, a bracket, a range or a count that is not closed"),
    ("*a", "'*' with nothing before it to repeat"), ("[z-a]", "not closed or not in order"),
    (String(repeating: "(", count: 50_000) + "a" + String(repeating: ")", count: 50_000), "groups nested more than 100 deep"),
    (String(repeating: "a{1000}", count: 30), "the pattern makes more than 20000 states"),
    ("a" + String(repeating: "*", count: 4000), "'*' with nothing before it to repeat"), ("x{2}{3}", "with nothing before it to repeat"),
    ("[[:alpha:]]", "a POSIX class like [:alpha:]"),
  ])
  func whatItCannotMatchIsRefusedWithItsReason(pattern: String, reason: String) {
    do {
      _ = try LinearPattern(pattern)
      Issue.record("/\(pattern)/ accepted")
    } catch {
      #expect(error.phrase.text(.en).contains(reason), "\(error.phrase.text(.en))")
    }
  }
}
