/// An ISO 4217 currency and how many decimals its minor unit has.
public struct Currency: Hashable, Sendable, CustomStringConvertible {
  public let code: String
  public let minorUnits: Int

  /// Active ISO 4217 currencies (list of 2026), by minor units. Fund codes (BOV, CLF, USN…) and the
  /// X-codes that are no currency (XAU gold, XDR, XTS for testing…) are left out; the CFA and CFP
  /// francs and the East Caribbean dollar and Caribbean guilder (XAF, XOF, XPF, XCD, XCG) are in.
  private static let zeroDecimal: Set<String> = [
    "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF",
  ]
  private static let threeDecimal: Set<String> = ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"]
  private static let twoDecimal: Set<String> = [
    "AED", "AFN", "ALL", "AMD", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BGN", "BMD", "BND", "BOB",
    "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF", "CHF", "CNY", "COP", "CRC", "CUP", "CVE", "CZK", "DKK",
    "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP", "GMD", "GTQ", "GYD", "HKD",
    "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IRR", "JMD", "KES", "KGS", "KHR", "KPW", "KYD", "KZT", "LAK", "LBP",
    "LKR", "LRD", "LSL", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MYR",
    "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "QAR", "RON", "RSD",
    "RUB", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL",
    "THB", "TJS", "TMT", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "USD", "UYU", "UZS", "VED", "VES", "WST", "XCD",
    "XCG", "YER", "ZAR", "ZMW", "ZWG",
  ]

  public static let euro = Currency(code: "EUR", minorUnits: 2)

  private init(code: String, minorUnits: Int) {
    self.code = code
    self.minorUnits = minorUnits
  }

  /// An active ISO 4217 currency code, like EUR; its minor units follow ISO 4217.
  public init(code: String) throws {
    let minorUnits: Int
    if Currency.twoDecimal.contains(code) {
      minorUnits = 2
    } else if Currency.zeroDecimal.contains(code) {
      minorUnits = 0
    } else if Currency.threeDecimal.contains(code) {
      minorUnits = 3
    } else {
      throw ValueError(value: code, expected: Phrase(.formCurrency))
    }
    self.init(code: code, minorUnits: minorUnits)
  }

  /// A code as a database stores it with its minor units: kept even if ISO 4217 withdrew it since.
  public init(stored code: String, minorUnits: Int) {
    self.init(code: code, minorUnits: minorUnits)
  }

  public var description: String { code }

  /// Parses an amount of money: a plain decimal with at most `minorUnits` decimals.
  public func parseAmount(_ text: String) throws -> Money {
    guard let decimal = ExactDecimal(text), let minor = decimal.scaled(to: minorUnits) else {
      throw ValueError(value: text, expected: amountForm(for: text))
    }
    return Money(minor: minor)
  }

  public var amountForm: Phrase {
    minorUnits == 0
      ? Phrase(.formWholeAmount, ["code": code])
      : Phrase(.formDecimalAmount, [
        "places": "\(minorUnits)", "code": code, "example": minorUnits == 3 ? "8750.125" : "8750.50",
      ])
  }

  /// What an amount should be, for `text` refused (see `Phrase.numberForm`).
  public func amountForm(for text: String) -> Phrase {
    Phrase.numberForm(for: text, places: minorUnits, otherwise: Phrase.decimalPoint(instead: text) ?? amountForm)
  }

  /// `minor` written in major units with all its decimals: 875050 → "8750.50".
  public func plain(_ minor: Int64) -> String { DecimalText.format(Int128(minor), scale: minorUnits) }

  /// An exact amount in minor units rounded half-to-even to one minor unit, in major units.
  public func plain(_ minor: Rational) -> String { DecimalText.format(minor.rounded(), scale: minorUnits) }

  /// Minor units per major unit: 100 for EUR, 1 for JPY.
  public var minorPerMajor: Rational { Rational(BigInteger.power10(minorUnits)) }

  /// An exact amount in major units (a metric's value, a chart tick) in minor units.
  public func minor(fromMajor value: Rational) -> Rational { value * minorPerMajor }

  /// An exact amount in minor units in major units.
  public func major(fromMinor value: Rational) -> Rational { (value / minorPerMajor)! }

  /// For people: thousands separators, all decimals: 1234567.5 → "1,234,567.50".
  public func grouped(_ minor: Rational) -> String {
    DecimalText.format(minor.rounded(), scale: minorUnits, groupThousands: true)
  }
}

/// An amount of money in integer minor units of the settings' currency (cents for EUR).
public struct Money: Hashable, Comparable, Sendable {
  public let minor: Int64

  public init(minor: Int64) { self.minor = minor }

  public var rational: Rational { Rational(minor) }

  public static func < (lhs: Money, rhs: Money) -> Bool { lhs.minor < rhs.minor }
}

extension Phrase {
  /// The form a refused number should take: for a plain number (digits, one '.', a sign) with no
  /// more than `places` decimals but more digits than a stored value holds, "a smaller amount"
  /// (said in words, never as the 19-digit limit); else `otherwise`.
  public static func numberForm(for text: String, places: Int, otherwise: Phrase) -> Phrase {
    let bytes = Array(text.utf8)
    let digits = bytes.filter { $0 >= 48 && $0 <= 57 }.count
    let plain = bytes.allSatisfy { ($0 >= 48 && $0 <= 57) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") }
    let decimals = bytes.firstIndex(of: UInt8(ascii: ".")).map { bytes.count - $0 - 1 } ?? 0
    return plain && decimals <= places && digits > 15 ? Phrase(.formAmountTooLarge) : otherwise
  }
}
