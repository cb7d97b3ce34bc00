/// An ISO 4217 currency and how many decimals its minor unit has.
public struct Currency: Hashable, Sendable, CustomStringConvertible {
  public let code: String
  public let minorUnits: Int

  private static let zeroDecimal: Set<String> = [
    "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV",
    "XAF", "XOF", "XPF",
  ]
  private static let threeDecimal: Set<String> = ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"]

  public static let euro = try! Currency(code: "EUR")

  /// A three-letter upper-case ISO code; its minor units follow ISO 4217 (2 unless listed).
  public init(code: String) throws {
    guard code.count == 3, code.utf8.allSatisfy({ $0 >= 65 && $0 <= 90 }) else {
      throw ValueError(value: code, expected: "a three-letter ISO 4217 currency code, like EUR")
    }
    self.code = code
    minorUnits = Currency.zeroDecimal.contains(code) ? 0 : Currency.threeDecimal.contains(code) ? 3 : 2
  }

  public var description: String { code }

  /// Parses an amount of money: a plain decimal with at most `minorUnits` decimals.
  public func parseAmount(_ text: String) throws -> Money {
    guard let decimal = ExactDecimal(text), let minor = decimal.scaled(to: minorUnits) else {
      throw ValueError(value: text, expected: amountForm)
    }
    return Money(minor: minor)
  }

  public var amountForm: String {
    minorUnits == 0
      ? "a whole number of \(code) with no separators, like 12000"
      : "a plain decimal with '.' and at most \(minorUnits) decimals for \(code), like \(minorUnits == 3 ? "8750.125" : "8750.50")"
  }

  /// `minor` written in major units with all its decimals: 875050 → "8750.50".
  public func plain(_ minor: Int64) -> String { DecimalText.format(Int128(minor), scale: minorUnits) }

  /// An exact amount in minor units rounded half-to-even to one minor unit, in major units.
  public func plain(_ minor: Rational) -> String { DecimalText.format(minor.rounded(), scale: minorUnits) }

  /// For people: thousands separators, all decimals: 1234567.5 → "1,234,567.50".
  public func grouped(_ minor: Rational) -> String {
    DecimalText.format(minor.rounded(), scale: minorUnits, groupThousands: true)
  }
}

/// An amount of money in integer minor units of the settings' currency (cents for EUR).
public struct Money: Hashable, Comparable, Sendable {
  public let minor: Int64

  public init(minor: Int64) { self.minor = minor }

  public static let zero = Money(minor: 0)

  public var rational: Rational { Rational(minor) }

  public static func + (lhs: Money, rhs: Money) -> Money { Money(minor: lhs.minor + rhs.minor) }
  public static func < (lhs: Money, rhs: Money) -> Bool { lhs.minor < rhs.minor }
}
