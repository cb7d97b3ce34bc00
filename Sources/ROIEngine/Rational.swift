/// An exact fraction over `Int128`, always reduced, denominator positive.
/// Means, margins and ratios are computed with it so that nothing is rounded before display.
public struct Rational: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let numerator: Int128
  public let denominator: Int128

  public static let zero = Rational(0)
  public static let one = Rational(1)

  public init(_ numerator: Int128, _ denominator: Int128 = 1) {
    precondition(denominator != 0, "Rational with a zero denominator")
    let divisor = Rational.gcd(numerator.magnitude, denominator.magnitude)
    let sign: Int128 = denominator < 0 ? -1 : 1
    self.numerator = sign * numerator / Int128(divisor)
    self.denominator = sign * denominator / Int128(divisor)
  }

  public init(_ value: Int64) { self.init(Int128(value)) }
  public init(_ value: Int) { self.init(Int128(value)) }

  /// `mantissa` × 10^-`scale`, as written in a decimal literal.
  public init(mantissa: Int64, scale: Int) {
    self.init(Int128(mantissa), Rational.power10(scale))
  }

  private static func gcd(_ a: UInt128, _ b: UInt128) -> UInt128 {
    var (a, b) = (a, b)
    while b != 0 { (a, b) = (b, a % b) }
    return a == 0 ? 1 : a
  }

  static func power10(_ exponent: Int) -> Int128 {
    var result: Int128 = 1
    for _ in 0..<exponent { result *= 10 }
    return result
  }

  public var isZero: Bool { numerator == 0 }
  public var signum: Int { numerator == 0 ? 0 : (numerator < 0 ? -1 : 1) }

  public static func + (lhs: Rational, rhs: Rational) -> Rational {
    if lhs.denominator == rhs.denominator { return Rational(lhs.numerator + rhs.numerator, lhs.denominator) }
    let divisor = Int128(gcd(lhs.denominator.magnitude, rhs.denominator.magnitude))
    let left = rhs.denominator / divisor
    let right = lhs.denominator / divisor
    return Rational(lhs.numerator * left + rhs.numerator * right, lhs.denominator * left)
  }

  public static prefix func - (value: Rational) -> Rational {
    Rational(-value.numerator, value.denominator)
  }

  public static func - (lhs: Rational, rhs: Rational) -> Rational { lhs + -rhs }

  public static func * (lhs: Rational, rhs: Rational) -> Rational {
    // Cross-reduce first so intermediate products stay small.
    let a = Int128(gcd(lhs.numerator.magnitude, rhs.denominator.magnitude))
    let b = Int128(gcd(rhs.numerator.magnitude, lhs.denominator.magnitude))
    return Rational((lhs.numerator / a) * (rhs.numerator / b), (lhs.denominator / b) * (rhs.denominator / a))
  }

  /// Division; nil when `rhs` is zero.
  public static func / (lhs: Rational, rhs: Rational) -> Rational? {
    guard !rhs.isZero else { return nil }
    return lhs * Rational(rhs.denominator, rhs.numerator)
  }

  public static func += (lhs: inout Rational, rhs: Rational) { lhs = lhs + rhs }

  public static func < (lhs: Rational, rhs: Rational) -> Bool { (lhs - rhs).numerator < 0 }

  /// The integer nearest to `self` × 10^`scale`, ties to even.
  public func rounded(scale: Int = 0) -> Int128 {
    let scaled = self * Rational(Rational.power10(scale))
    let quotient = scaled.numerator / scaled.denominator
    let remainder = (scaled.numerator % scaled.denominator).magnitude * 2
    let denominator = scaled.denominator.magnitude
    if remainder < denominator { return quotient }
    let away: Int128 = scaled.numerator < 0 ? quotient - 1 : quotient + 1
    if remainder > denominator { return away }
    return quotient % 2 == 0 ? quotient : away
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

  public var description: String { "\(numerator)/\(denominator)" }
}

/// Decimal text from scaled integers, without floating point.
enum DecimalText {
  static func format(_ scaled: Int128, scale: Int, groupThousands: Bool = false) -> String {
    let digits = String(scaled.magnitude)
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
    return (scaled < 0 ? "-" : "") + whole + (scale > 0 ? "." + fraction : "")
  }
}
