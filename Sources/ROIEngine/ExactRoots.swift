/// Square and twelfth roots without floating point, for the two figures of part 5 that are not
/// rational: the noise band (a square root) and the monthly discount factor (a twelfth root).
enum ExactRoots {
  /// √`value`, to a millionth (rounded down).
  static func squareRoot(_ value: Rational) -> Rational {
    precondition(value.signum >= 0, "square root of a negative number")
    let scaled = value.rounded(scale: 12)
    return Rational(numerator: scaled.squareRoot(), denominator: BigInteger.power10(6))
  }

  /// Fixed-point numbers with 18 decimals.
  static let one = BigInteger.power10(18)

  static func multiply(_ a: BigInteger, _ b: BigInteger) -> BigInteger { a * b / one }

  /// (1 + `rate`)^(1/12) in fixed point, by bisection: the largest x with x¹² ≤ 1 + rate.
  static func monthlyFactor(annualRate rate: Rational) -> BigInteger {
    let goal = (Rational.one + rate).rounded(scale: 18)
    var low = one
    var high = max(goal, one)
    while low < high {
      let middle = (low + high + 1) / 2
      var power = one
      for _ in 0..<12 { power = multiply(power, middle) }
      if power <= goal { low = middle } else { high = middle - 1 }
    }
    return low
  }
}
