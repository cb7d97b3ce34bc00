/// An exact fraction, always reduced, denominator positive. Means, margins and ratios are
/// computed with it so that nothing is rounded before display; its integers grow as needed
/// (`BigInteger`), so no history can overflow it.
public struct Rational: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let numerator: BigInteger
  public let denominator: BigInteger

  public static let zero = Rational(0)
  public static let one = Rational(1)

  public init(numerator: BigInteger, denominator: BigInteger = 1) {
    precondition(!denominator.isZero, "Rational with a zero denominator")
    var divisor = BigInteger.gcd(numerator, denominator)
    if divisor.isZero { divisor = 1 }
    if denominator.signum < 0 { divisor = -divisor }
    if divisor == 1 {
      (self.numerator, self.denominator) = (numerator, denominator)
    } else {
      (self.numerator, self.denominator) = (numerator / divisor, denominator / divisor)
    }
  }

  public init(_ numerator: Int128, _ denominator: Int128 = 1) {
    self.init(numerator: BigInteger(numerator), denominator: BigInteger(denominator))
  }

  public init(_ value: Int64) { self.init(numerator: BigInteger(value)) }
  public init(_ value: Int) { self.init(numerator: BigInteger(value)) }
  public init(_ value: BigInteger) { self.init(numerator: value) }

  /// `mantissa` × 10^-`scale`, as written in a decimal literal.
  public init(mantissa: Int64, scale: Int) {
    self.init(numerator: BigInteger(mantissa), denominator: BigInteger.power10(scale))
  }

  /// Already reduced, denominator positive.
  private init(reduced numerator: BigInteger, _ denominator: BigInteger) {
    (self.numerator, self.denominator) = (numerator, denominator)
  }

  public var isZero: Bool { numerator.isZero }
  public var signum: Int { numerator.signum }

  public static func + (lhs: Rational, rhs: Rational) -> Rational {
    if lhs.denominator == rhs.denominator { return Rational(numerator: lhs.numerator + rhs.numerator, denominator: lhs.denominator) }
    let divisor = BigInteger.gcd(lhs.denominator, rhs.denominator)
    let left = rhs.denominator / divisor
    let right = lhs.denominator / divisor
    return Rational(numerator: lhs.numerator * left + rhs.numerator * right, denominator: lhs.denominator * left)
  }

  public static prefix func - (value: Rational) -> Rational {
    Rational(reduced: -value.numerator, value.denominator)
  }

  public static func - (lhs: Rational, rhs: Rational) -> Rational { lhs + -rhs }

  public static func * (lhs: Rational, rhs: Rational) -> Rational {
    // Cross-reduce first: the result is then reduced, and intermediate products stay small.
    if lhs.isZero || rhs.isZero { return .zero }
    let a = BigInteger.gcd(lhs.numerator, rhs.denominator)
    let b = BigInteger.gcd(rhs.numerator, lhs.denominator)
    return Rational(
      reduced: (lhs.numerator / a) * (rhs.numerator / b), (lhs.denominator / b) * (rhs.denominator / a))
  }

  /// Division; nil when `rhs` is zero.
  public static func / (lhs: Rational, rhs: Rational) -> Rational? {
    guard !rhs.isZero else { return nil }
    let sign: BigInteger = rhs.numerator.signum < 0 ? -1 : 1
    return lhs * Rational(reduced: rhs.denominator * sign, rhs.numerator * sign)
  }

  public static func += (lhs: inout Rational, rhs: Rational) { lhs = lhs + rhs }

  public static func < (lhs: Rational, rhs: Rational) -> Bool {
    lhs.numerator * rhs.denominator < rhs.numerator * lhs.denominator
  }

  /// The integer nearest to `self` × 10^`scale`, ties to even.
  public func rounded(scale: Int = 0) -> BigInteger {
    let scaled = self * Rational(BigInteger.power10(scale))
    let (quotient, remainder) = scaled.numerator.quotientAndRemainder(dividingBy: scaled.denominator)
    let twice = remainder.magnitude * 2
    if twice < scaled.denominator { return quotient }
    let away = scaled.numerator.signum < 0 ? quotient - 1 : quotient + 1
    if twice > scaled.denominator { return away }
    return (quotient % 2).isZero ? quotient : away
  }

  /// The largest integer not above `self`.
  public func floor() -> BigInteger {
    let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)
    return remainder.signum < 0 ? quotient - 1 : quotient
  }

  /// Written as a decimal rounded half-to-even to `places`, trailing zeros kept.
  public func decimalString(places: Int) -> String {
    DecimalText.format(rounded(scale: places), scale: places)
  }

  /// Written as a decimal rounded half-to-even to at most `places`, trailing zeros dropped.
  public func shortDecimalString(maxPlaces places: Int) -> String {
    let text = decimalString(places: places).trimmingFraction()
    return text == "-0" ? "0" : text
  }

  /// Nearest floating-point value: for chart geometry only, never for a figure shown.
  public var approximation: Double {
    let places = 12
    let scaled = rounded(scale: places)
    guard let small = scaled.int128 else { return signum < 0 ? -1e300 : 1e300 }
    return Double(small) / 1e12
  }

  public var description: String { "\(numerator)/\(denominator)" }
}

/// Decimal text from scaled integers, without floating point.
enum DecimalText {
  static func format(_ scaled: Int128, scale: Int, groupThousands: Bool = false) -> String {
    format(BigInteger(scaled), scale: scale, groupThousands: groupThousands)
  }

  static func format(_ scaled: BigInteger, scale: Int, groupThousands: Bool = false) -> String {
    let digits = scaled.magnitude.description
    let padded = String(repeating: "0", count: max(0, scale + 1 - digits.count)) + digits
    var whole = String(padded.dropLast(scale))
    let fraction = String(padded.suffix(scale))
    if groupThousands {
      var grouped = ""
      for (index, character) in whole.enumerated() {
        if index > 0 && (whole.count - index) % 3 == 0 { grouped.append(",") }
        grouped.append(character)
      }
      whole = grouped
    }
    return (scaled.signum < 0 ? "-" : "") + whole + (scale > 0 ? "." + fraction : "")
  }
}
