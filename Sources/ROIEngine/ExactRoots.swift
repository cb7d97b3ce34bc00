/// Square and twelfth roots without floating point, for the two figures of part 5 that are not
/// rational: the noise band (a square root) and the monthly discount factor (a twelfth root).
enum ExactRoots {
  /// √`value`, to a millionth (rounded down).
  static func squareRoot(_ value: Rational) -> Rational {
    precondition(value.signum >= 0, "square root of a negative number")
    let scaled = (value * Rational(Rational.power10(12))).rounded()
    return Rational(Int128(integerSquareRoot(UInt128(scaled))), Rational.power10(6))
  }

  /// ⌊√n⌋ by Newton's method.
  static func integerSquareRoot(_ n: UInt128) -> UInt128 {
    guard n > 1 else { return n }
    var x = UInt128(1) << ((UInt128.bitWidth - n.leadingZeroBitCount) / 2 + 1)
    while true {
      let next = (x + n / x) / 2
      if next >= x { return x }
      x = next
    }
  }

  /// Fixed-point numbers with 18 decimals.
  static let one: Int128 = 1_000_000_000_000_000_000

  static func multiply(_ a: Int128, _ b: Int128) -> Int128 { a * b / one }

  /// (1 + `rate`)^(1/12) in fixed point, by bisection: the largest x with x¹² ≤ 1 + rate.
  static func monthlyFactor(annualRate rate: Rational) -> Int128 {
    let target = (Rational.one + rate) * Rational(one)
    let goal = target.rounded()
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
