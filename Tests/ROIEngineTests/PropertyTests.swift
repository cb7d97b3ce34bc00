import PropertyBased
import Testing

@testable import ROIEngine

/// The value parsers checked over many generated inputs, not a handful of examples.
@Suite struct PropertyTests {
  @Test(arguments: ["EUR", "JPY", "KWD"])
  func everyAmountWrittenParsesBackToTheSameMinorUnits(code: String) async throws {
    let currency = try Currency(code: code)
    await propertyCheck(count: 500, input: Gen.int64(in: -999_999_999_999_999...999_999_999_999_999)) { minor in
      #expect((try? currency.parseAmount(currency.plain(minor))) == Money(minor: minor))
    }
  }

  @Test func moreDecimalsThanTheCurrencyHasAreRefused() async {
    await propertyCheck(input: Gen.int64(in: 0...99_999_999), Gen.int(in: 1...9)) { cents, digit in
      let text = Currency.euro.plain(cents) + String(digit)
      #expect(throws: ValueError.self) { try Currency.euro.parseAmount(text) }
    }
  }

  @Test func everyMonthWrittenParsesBack() async {
    await propertyCheck(input: Gen.int(in: 1900...9999), Gen.int(in: 1...12)) { year, number in
      let month = Month(year: year, month: number)
      #expect((try? Month(parsing: month.description)) == month)
      #expect(month.description.count == 7)
    }
  }

  @Test func monthTextThatIsNotYYYYMMIsRefused() async {
    let characters = Gen<Character?>.element(of: Array("0123456789-/ aZ")).compactMap { $0 }
    await propertyCheck(count: 1000, input: characters.array(of: 0...9)) { typed in
      let text = String(typed)
      let digitsInPlace = text.enumerated().allSatisfy { $0.offset == 4 || ($0.element.isASCII && $0.element.isNumber) }
      let wellFormed = text.count == 7 && text.dropFirst(4).first == "-" && digitsInPlace
        && (1...12).contains(Int(text.suffix(2)) ?? 0) && Month.years.contains(Int(text.prefix(4)) ?? 0)  // 1900…9999
      let parsed = (try? Month(parsing: text)) != nil
      #expect(parsed == wellFormed, "\(text)")
    }
  }

  @Test func arbitraryTextNeverCrashesTheAmountParserAndWhatItAcceptsIsExact() async {
    let characters = Gen<Character?>.element(of: Array("0123456789.-+e, ")).compactMap { $0 }
    await propertyCheck(count: 1000, input: characters.array(of: 0...14)) { typed in
      let text = String(typed)
      if let money = try? Currency.euro.parseAmount(text), let decimal = ExactDecimal(text) {
        #expect(Rational(Int128(money.minor), 100) == decimal.rational)
      }
    }
  }
}
