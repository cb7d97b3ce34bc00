import Testing

@testable import ROIEngine

@Suite struct ValueParsingTests {
  let euro = Currency.euro

  @Test(arguments: [("12000", 1_200_000), ("8750.5", 875_050), ("8750.50", 875_050), ("0.01", 1), ("-12.50", -1_250)])
  func amountsInMinorUnits(text: String, minor: Int64) throws {
    #expect(try euro.parseAmount(text) == Money(minor: minor))
  }

  @Test(arguments: ["", "abc", "1e3", "NaN", "1,000", "12.345", "12.", ".5.", " 12", "--1"])
  func badAmountsNameTheValue(text: String) {
    #expect(throws: ValueError(value: text, expected: euro.amountForm)) { try euro.parseAmount(text) }
  }

  /// An amount past what the store holds is said in words, never as the 19-digit limit.
  @Test(arguments: ["99999999999999999999", "-99999999999999999999", "92233720368547758.08"])
  func tooLargeAmountsAreSaidInWords(text: String) {
    #expect(throws: ValueError(value: text, expected: Phrase(.formAmountTooLarge))) { try euro.parseAmount(text) }
    #expect(!Phrase(.formAmountTooLarge).text(.fr).contains("92"))
  }

  @Test func currenciesHaveTheirMinorUnits() throws {
    #expect(try Currency(code: "JPY").minorUnits == 0)
    #expect(try Currency(code: "KWD").minorUnits == 3)
    #expect(try Currency(code: "USD").minorUnits == 2)
    #expect(try Currency(code: "JPY").parseAmount("1200") == Money(minor: 1200))
    #expect(throws: ValueError.self) { try Currency(code: "JPY").parseAmount("12.5") }
    #expect(try Currency(code: "KWD").parseAmount("1.125") == Money(minor: 1125))
    #expect(throws: ValueError.self) { try Currency(code: "eur") }
    #expect(throws: ValueError.self) { try Currency(code: "EURO") }
  }

  @Test(arguments: ["2025-13", "2025-00", "2025-1", "25-01", "2025/01", "2025-01-01", "", "abcd-ef"])
  func badMonths(text: String) {
    #expect(throws: ValueError(value: text, expected: Month.expectedForm)) { try Month(parsing: text) }
  }

  @Test func monthsAndDates() throws {
    #expect(try Month(parsing: "2025-04") == Month(year: 2025, month: 4))
    #expect(Month(year: 2025, month: 11).advanced(by: 3).description == "2026-02")
    #expect(try CalendarDate(parsing: "2024-02-29").description == "2024-02-29")
    for bad in ["2025-02-29", "2025-02-30", "1900-02-29", "25-01-01", "2025/01/01", "2025-1-01", "2025-04-31"] {
      #expect(throws: ValueError.self, "\(bad)") { try CalendarDate(parsing: bad) }
    }
    #expect(try CalendarDate(parsing: "2000-02-29").month.number == 2)
  }

  @Test func percentsAndTargets() throws {
    #expect(try Percent(parsing: "35%").fraction == Rational(7, 20))
    #expect(try Percent(parsing: "35").fraction == Rational(7, 20))
    #expect(try Percent(parsing: "12.5%").tenThousandths == 125_000)
    #expect(try Target(parsing: "+10%") == .relative(Percent(tenThousandths: 100_000)))
    #expect(try Target(parsing: "-15%") == .relative(Percent(tenThousandths: -150_000)))
    #expect(try Target(parsing: "250000") == .absolute(MetricValue(tenThousandths: 2_500_000_000)))
    #expect(try Target(parsing: "-15%").description == "-15%")
    #expect(throws: ValueError.self) { try Target(parsing: "ten") }
  }

  @Test func metricNamesAreLowerCaseWordsInAnyScript() throws {
    try Metric.validateName("returns-cost")
    try Metric.validateName("q2-sales")
    try Metric.validateName("coût-retours")
    try Metric.validateName("sälj")
    try Metric.validateName("cou\u{0302}t")  // the accent typed apart (as macOS writes file names)
    try Metric.validateName("продажи")
    try Metric.validateName("ventes-中国")
    try Metric.validateName(String(repeating: "e\u{0301}", count: 32))
    try Metric.validateName(String(repeating: "é", count: 64))
    for bad in [
      "Sales", "2sales", "sales_total", "sales-", "", "a b", "Coût", "ÉTÉ", "a=b", "a;b", "€uros", "-x",
      "a\u{00A0}b", "ventes\u{2019}", "x\u{0007}", "١٢", String(repeating: "é", count: 65),
      String(repeating: "e\u{0301}", count: 33),  // 33 characters, 66 code points: SQLite counts 66
      "sаles",  // a Cyrillic а among Latin letters
      "sales\u{200C}", "sales\u{034F}", "sales\u{FE0F}", "sales\u{E0069}",  // invisible joiner, CGJ, selector, tag
      "a1\u{FE0F}\u{20E3}", "a0\u{0301}", "\u{0345}ab", "a😀",  // keycap, an accent on a digit, a mark first, emoji
    ] {
      #expect(throws: ValueError.self, "\(bad)") { try Metric.validateName(bad) }
    }
  }

  @Test func metricValuesTakeTheCurrencyDecimalsForMoneyKinds() throws {
    let sales = Metric(name: "sales", kind: .revenue(margin: Percent(tenThousandths: 350_000)))
    let orders = Metric(name: "orders", kind: .kpi)
    #expect(try sales.parseValue("2100.50", currency: euro) == MetricValue(tenThousandths: 21_005_000))
    #expect(throws: ValueError.self) { try sales.parseValue("2100.505", currency: euro) }
    #expect(try orders.parseValue("87.3333", currency: euro) == MetricValue(tenThousandths: 873_333))
    #expect(throws: ValueError.self) { try orders.parseValue("1e3", currency: euro) }
  }

  @Test func laborIsRoundedHalfToEven() throws {
    func amount(_ hours: String, _ rate: String) throws -> Int64? {
      Labor(hundredthsOfHours: try Labor.parseHours(hours), rate: try euro.parseAmount(rate)).amount?.minor
    }
    #expect(try amount("120", "42.50") == 510_000)  // 5,100.00
    #expect(try amount("7.25", "42.50") == 30_812)  // 308.125 → 308.12 (2 is even)
    #expect(try amount("7.75", "42.50") == 32_938)  // 329.375 → 329.38 (7 is odd)
    #expect(try amount("0.5", "0.05") == 2)  // 0.025 → 0.02
    #expect(try amount("1.5", "0.05") == 8)  // 0.075 → 0.08
    #expect(throws: ValueError.self) { try Labor.parseHours("7.125") }
    #expect(throws: ValueError.self) { try Labor.parseHours("0") }
  }

  @Test func rationalRoundingIsHalfToEven() {
    #expect(Rational(5, 2).rounded() == 2)
    #expect(Rational(7, 2).rounded() == 4)
    #expect(Rational(-5, 2).rounded() == -2)
    #expect(Rational(-7, 2).rounded() == -4)
    #expect(Rational(1, 3).decimalString(places: 2) == "0.33")
    #expect(Rational(-2, 3).decimalString(places: 2) == "-0.67")
    #expect(Rational(3, 40).shortDecimalString(maxPlaces: 6) == "0.075")
    #expect(Rational(1, 10) + Rational(2, 10) == Rational(3, 10))
    #expect(Currency.euro.plain(Rational(10) + Rational(20)) == "0.30")
    #expect(Currency.euro.grouped(Rational(123_456_789)) == "1,234,567.89")
    #expect(Currency.euro.grouped(Rational(-123_456_789)) == "-1,234,567.89")
  }
}
