/// A signed integer of any size, so that exact arithmetic on user data never overflows.
///
/// Values that fit in `Int128` are kept as one and computed with overflow-checked `Int128`
/// operations; a result that does not fit moves to 32-bit limbs. This is the fallback that keeps
/// `Rational` exact on every history (attaswift/BigInt would do, but it links Foundation, which
/// costs every command about half a millisecond of start-up).
public struct BigInteger: Sendable {
  /// The value, while `limbs` is nil.
  private let small: Int128
  /// Past `Int128`: the magnitude, least significant limb first, no zero limb on top.
  private let limbs: [UInt32]?
  /// The sign of a value held in `limbs`.
  private let negative: Bool

  private init(small: Int128, limbs: [UInt32]?, negative: Bool) {
    (self.small, self.limbs, self.negative) = (small, limbs, negative)
  }

  public init(_ value: Int128) { self.init(small: value, limbs: nil, negative: false) }

  public init(_ value: Int64) { self.init(Int128(value)) }
  public init(_ value: Int) { self.init(Int128(value)) }

  /// Normalises a sign and magnitude: back to `Int128` when it fits.
  private init(negative: Bool, magnitude: [UInt32]) {
    var magnitude = magnitude
    while magnitude.last == 0 { magnitude.removeLast() }
    if magnitude.count <= 4 {
      var value: UInt128 = 0
      for limb in magnitude.reversed() { value = value << 32 | UInt128(limb) }
      if !negative, value <= UInt128(Int128.max) {
        self.init(Int128(value))
        return
      }
      if negative, value <= UInt128(Int128.max) + 1 {
        self.init(value == UInt128(Int128.max) + 1 ? Int128.min : -Int128(value))
        return
      }
    }
    self.init(small: 0, limbs: magnitude, negative: negative)
  }

  /// The value as `Int128`, when it fits.
  public var int128: Int128? { limbs == nil ? small : nil }

  public var signum: Int {
    if limbs != nil { return negative ? -1 : 1 }
    return small == 0 ? 0 : (small < 0 ? -1 : 1)
  }

  public var isZero: Bool { limbs == nil && small == 0 }

  private var isNegative: Bool { limbs != nil ? negative : small < 0 }

  /// The magnitude as limbs, least significant first.
  private var magnitudeLimbs: [UInt32] {
    if let limbs { return limbs }
    var value = small.magnitude
    var result: [UInt32] = []
    while value != 0 {
      result.append(UInt32(truncatingIfNeeded: value))
      value >>= 32
    }
    return result
  }

  public var magnitude: BigInteger { isNegative ? -self : self }

  // MARK: Arithmetic

  public static func + (lhs: BigInteger, rhs: BigInteger) -> BigInteger {
    if let a = lhs.int128, let b = rhs.int128 {
      let (sum, overflow) = a.addingReportingOverflow(b)
      if !overflow { return BigInteger(sum) }
    }
    return signedSum(lhs.isNegative, lhs.magnitudeLimbs, rhs.isNegative, rhs.magnitudeLimbs)
  }

  public static prefix func - (value: BigInteger) -> BigInteger {
    if let a = value.int128, a != Int128.min { return BigInteger(-a) }
    return BigInteger(negative: !value.isNegative, magnitude: value.magnitudeLimbs)
  }

  public static func - (lhs: BigInteger, rhs: BigInteger) -> BigInteger {
    if let a = lhs.int128, let b = rhs.int128 {
      let (difference, overflow) = a.subtractingReportingOverflow(b)
      if !overflow { return BigInteger(difference) }
    }
    return signedSum(lhs.isNegative, lhs.magnitudeLimbs, !rhs.isNegative, rhs.magnitudeLimbs)
  }

  public static func * (lhs: BigInteger, rhs: BigInteger) -> BigInteger {
    if let a = lhs.int128, let b = rhs.int128 {
      let (product, overflow) = a.multipliedReportingOverflow(by: b)
      if !overflow { return BigInteger(product) }
    }
    return BigInteger(
      negative: lhs.isNegative != rhs.isNegative, magnitude: Limbs.product(lhs.magnitudeLimbs, rhs.magnitudeLimbs))
  }

  /// Quotient rounded toward zero and remainder with the sign of `self`, as `Int128` does.
  /// `divisor` must not be zero.
  public func quotientAndRemainder(dividingBy divisor: BigInteger) -> (quotient: BigInteger, remainder: BigInteger) {
    precondition(!divisor.isZero, "division by zero")
    if let a = int128, let b = divisor.int128, !(a == Int128.min && b == -1) {
      return (BigInteger(a / b), BigInteger(a % b))
    }
    let (quotient, remainder) = Limbs.divide(magnitudeLimbs, by: divisor.magnitudeLimbs)
    return (
      BigInteger(negative: isNegative != divisor.isNegative, magnitude: quotient),
      BigInteger(negative: isNegative, magnitude: remainder)
    )
  }

  public static func / (lhs: BigInteger, rhs: BigInteger) -> BigInteger {
    lhs.quotientAndRemainder(dividingBy: rhs).quotient
  }

  public static func % (lhs: BigInteger, rhs: BigInteger) -> BigInteger {
    lhs.quotientAndRemainder(dividingBy: rhs).remainder
  }

  public static func += (lhs: inout BigInteger, rhs: BigInteger) { lhs = lhs + rhs }
  public static func -= (lhs: inout BigInteger, rhs: BigInteger) { lhs = lhs - rhs }
  public static func *= (lhs: inout BigInteger, rhs: BigInteger) { lhs = lhs * rhs }

  /// The greatest common divisor of the magnitudes; 0 only when both are 0.
  public static func gcd(_ a: BigInteger, _ b: BigInteger) -> BigInteger {
    if let x = a.int128, let y = b.int128 {
      var (p, q) = (x.magnitude, y.magnitude)
      while q != 0 { (p, q) = (q, p % q) }
      return BigInteger(negative: false, magnitude: BigInteger.limbs(of: p))
    }
    var (p, q) = (a.magnitude, b.magnitude)
    while !q.isZero { (p, q) = (q, p % q) }
    return p
  }

  /// ⌊√self⌋ by Newton's method; `self` must not be negative.
  public func squareRoot() -> BigInteger {
    precondition(!isNegative, "square root of a negative number")
    if let value = int128, value < 2 { return self }
    let bits = Limbs.bitWidth(magnitudeLimbs)
    var x = BigInteger(1).shiftedLeft(by: bits / 2 + 1)
    while true {
      let next = (x + self / x) / BigInteger(2)
      if next >= x { return x }
      x = next
    }
  }

  /// `self` × 2^`count`.
  func shiftedLeft(by count: Int) -> BigInteger {
    var result = self
    for _ in 0..<count / 32 { result = result * BigInteger(1 << 32) }
    return result * BigInteger(Int128(1) << (count % 32))
  }

  /// 10^`exponent`.
  public static func power10(_ exponent: Int) -> BigInteger {
    var result = BigInteger(1)
    var remaining = exponent
    while remaining >= 18 {
      result *= BigInteger(Int128(1_000_000_000_000_000_000))
      remaining -= 18
    }
    var tail: Int128 = 1
    for _ in 0..<remaining { tail *= 10 }
    return result * BigInteger(tail)
  }

  private static func limbs(of value: UInt128) -> [UInt32] {
    var value = value
    var result: [UInt32] = []
    while value != 0 {
      result.append(UInt32(truncatingIfNeeded: value))
      value >>= 32
    }
    return result
  }

  private static func signedSum(_ aNegative: Bool, _ a: [UInt32], _ bNegative: Bool, _ b: [UInt32]) -> BigInteger {
    if aNegative == bNegative { return BigInteger(negative: aNegative, magnitude: Limbs.sum(a, b)) }
    if Limbs.compare(a, b) >= 0 { return BigInteger(negative: aNegative, magnitude: Limbs.difference(a, b)) }
    return BigInteger(negative: bNegative, magnitude: Limbs.difference(b, a))
  }
}

extension BigInteger: Hashable, Comparable, ExpressibleByIntegerLiteral, CustomStringConvertible {
  public init(integerLiteral value: Int64) { self.init(value) }

  public static func < (lhs: BigInteger, rhs: BigInteger) -> Bool {
    if let a = lhs.int128, let b = rhs.int128 { return a < b }
    if lhs.isNegative != rhs.isNegative { return lhs.isNegative }
    let order = Limbs.compare(lhs.magnitudeLimbs, rhs.magnitudeLimbs)
    return lhs.isNegative ? order > 0 : order < 0
  }

  /// Decimal digits, with a leading "-" when negative.
  public var description: String {
    if let value = int128 { return String(value) }
    var chunks: [UInt32] = []
    var rest = magnitudeLimbs
    while !rest.isEmpty {
      let (quotient, remainder) = Limbs.divide(rest, by: [1_000_000_000])
      chunks.append(remainder.first ?? 0)
      rest = quotient
    }
    var text = isNegative ? "-" : ""
    text += String(chunks.removeLast())
    for chunk in chunks.reversed() {
      let digits = String(chunk)
      text += String(repeating: "0", count: 9 - digits.count) + digits
    }
    return text
  }
}

extension Int64 {
  /// `value` when it fits in 64 bits.
  public init?(exactly value: BigInteger) {
    guard let wide = value.int128, let narrow = Int64(exactly: wide) else { return nil }
    self = narrow
  }
}

/// Unsigned magnitudes as 32-bit limbs, least significant first.
private enum Limbs {
  static func compare(_ a: [UInt32], _ b: [UInt32]) -> Int {
    let a = trimmed(a)
    let b = trimmed(b)
    if a.count != b.count { return a.count < b.count ? -1 : 1 }
    for index in stride(from: a.count - 1, through: 0, by: -1) where a[index] != b[index] {
      return a[index] < b[index] ? -1 : 1
    }
    return 0
  }

  static func trimmed(_ limbs: [UInt32]) -> ArraySlice<UInt32> {
    var end = limbs.count
    while end > 0 && limbs[end - 1] == 0 { end -= 1 }
    return limbs[0..<end]
  }

  static func bitWidth(_ limbs: [UInt32]) -> Int {
    let limbs = trimmed(limbs)
    guard let top = limbs.last else { return 0 }
    return (limbs.count - 1) * 32 + (32 - top.leadingZeroBitCount)
  }

  static func sum(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
    var result: [UInt32] = []
    result.reserveCapacity(max(a.count, b.count) + 1)
    var carry: UInt64 = 0
    for index in 0..<max(a.count, b.count) {
      let total = UInt64(index < a.count ? a[index] : 0) + UInt64(index < b.count ? b[index] : 0) + carry
      result.append(UInt32(truncatingIfNeeded: total))
      carry = total >> 32
    }
    if carry != 0 { result.append(UInt32(carry)) }
    return result
  }

  /// a − b, for a ≥ b.
  static func difference(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
    var result: [UInt32] = []
    result.reserveCapacity(a.count)
    var borrow: Int64 = 0
    for index in 0..<a.count {
      var total = Int64(a[index]) - Int64(index < b.count ? b[index] : 0) - borrow
      borrow = 0
      if total < 0 {
        total += 1 << 32
        borrow = 1
      }
      result.append(UInt32(total))
    }
    return result
  }

  static func product(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
    guard !a.isEmpty, !b.isEmpty else { return [] }
    var result = [UInt32](repeating: 0, count: a.count + b.count)
    for i in 0..<a.count {
      var carry: UInt64 = 0
      let left = UInt64(a[i])
      for j in 0..<b.count {
        let total = left * UInt64(b[j]) + UInt64(result[i + j]) + carry
        result[i + j] = UInt32(truncatingIfNeeded: total)
        carry = total >> 32
      }
      result[i + b.count] = UInt32(carry)
    }
    return result
  }

  /// Quotient and remainder of magnitudes (Knuth's algorithm D, as in Hacker's Delight's divmnu).
  static func divide(_ dividend: [UInt32], by divisor: [UInt32]) -> (quotient: [UInt32], remainder: [UInt32]) {
    let u = Array(trimmed(dividend))
    let v = Array(trimmed(divisor))
    precondition(!v.isEmpty, "division by zero")
    if compare(u, v) < 0 { return ([], u) }
    if v.count == 1 { return divide(u, byLimb: v[0]) }
    let n = v.count
    let m = u.count - n
    let shift = UInt32(v[n - 1].leadingZeroBitCount)
    let vn = shifted(v, by: shift, extraLimb: false)
    var un = shifted(u, by: shift, extraLimb: true)
    var quotient = [UInt32](repeating: 0, count: m + 1)
    let base: UInt64 = 1 << 32
    for j in stride(from: m, through: 0, by: -1) {
      let top = UInt64(un[j + n]) << 32 | UInt64(un[j + n - 1])
      var qhat = top / UInt64(vn[n - 1])
      var rhat = top % UInt64(vn[n - 1])
      while qhat >= base || qhat * UInt64(vn[n - 2]) > (rhat << 32 | UInt64(un[j + n - 2])) {
        qhat -= 1
        rhat += UInt64(vn[n - 1])
        if rhat >= base { break }
      }
      var k: Int64 = 0
      var t: Int64 = 0
      for i in 0..<n {
        let p = qhat * UInt64(vn[i])
        t = Int64(un[i + j]) - k - Int64(p & 0xFFFF_FFFF)
        un[i + j] = UInt32(truncatingIfNeeded: t)
        k = Int64(p >> 32) - (t >> 32)
      }
      t = Int64(un[j + n]) - k
      un[j + n] = UInt32(truncatingIfNeeded: t)
      if t < 0 {
        qhat -= 1
        var carry: UInt64 = 0
        for i in 0..<n {
          let total = UInt64(un[i + j]) + UInt64(vn[i]) + carry
          un[i + j] = UInt32(truncatingIfNeeded: total)
          carry = total >> 32
        }
        un[j + n] = UInt32(truncatingIfNeeded: UInt64(un[j + n]) + carry)
      }
      quotient[j] = UInt32(qhat)
    }
    var remainder = [UInt32](repeating: 0, count: n)
    for i in 0..<n {
      let low = UInt64(un[i]) >> UInt64(shift)
      let high = shift == 0 ? 0 : UInt64(un[i + 1]) << (32 - UInt64(shift))
      remainder[i] = UInt32(truncatingIfNeeded: low | high)
    }
    return (quotient, remainder)
  }

  /// Quotient and remainder of a magnitude by one limb: schoolbook, a limb at a time.
  private static func divide(_ u: [UInt32], byLimb divisor: UInt32) -> (quotient: [UInt32], remainder: [UInt32]) {
    let d = UInt64(divisor)
    var quotient = [UInt32](repeating: 0, count: u.count)
    var remainder: UInt64 = 0
    for index in stride(from: u.count - 1, through: 0, by: -1) {
      let current = remainder << 32 | UInt64(u[index])
      quotient[index] = UInt32(current / d)
      remainder = current % d
    }
    return (quotient, remainder == 0 ? [] : [UInt32(remainder)])
  }

  /// `limbs` × 2^`shift` (shift < 32), with one more limb on top when `extraLimb`.
  private static func shifted(_ limbs: [UInt32], by shift: UInt32, extraLimb: Bool) -> [UInt32] {
    var result = [UInt32](repeating: 0, count: limbs.count + (extraLimb ? 1 : 0))
    var carry: UInt32 = 0
    for index in 0..<limbs.count {
      let value = UInt64(limbs[index]) << UInt64(shift)
      result[index] = UInt32(truncatingIfNeeded: value) | carry
      carry = UInt32(truncatingIfNeeded: value >> 32)
    }
    if extraLimb { result[limbs.count] = carry }
    return result
  }
}
