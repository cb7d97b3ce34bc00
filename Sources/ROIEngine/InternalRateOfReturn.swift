/// The internal rate of return of monthly cash flows (Nucleus Research reports it beside ROI): the
/// monthly rate m at which their present value is 0, annualised as (1 + m)^12 − 1.
public enum InternalRateOfReturn: Sendable, Equatable {
  case rate(Rational)
  /// The flows never change sign (all costs, or all benefits): no rate makes them sum to 0.
  case noSignChange
  /// The flows change sign more than once, and so does their running total: there may be several
  /// rates, or none.
  case severalSignChanges(Int)
  /// The rate lies outside −99% to +1,000% a month.
  case outOfRange
  /// The rate lies above +1,000% a month: the gains repay the costs almost at once.
  case aboveRange
  /// The first flow is a gain: the rate would be a cost of borrowing, not a return.
  case benefitsFirst

  /// The monthly search bracket, in 10⁻¹⁸: −99% to +1,000% a month.
  static let lowest = BigInteger(-99) * BigInteger.power10(16)
  static let highest = BigInteger(10) * BigInteger.power10(18)

  /// `flows`: one per month, oldest first, in any fixed unit. The rate is unique, and searched for,
  /// when the flows change sign exactly once (Descartes: anywhere from −99% to +1,000% a month), or
  /// else when their running total does (Norström's criterion: a unique positive rate, searched
  /// from 0% to +1,000% a month). Bisection until the bracket is narrower than 10⁻¹⁰ (the annual
  /// rate to 10⁻⁶ and better).
  public init(monthlyFlows flows: [BigInteger]) {
    let changes = InternalRateOfReturn.signChanges(flows)
    if changes > 0, flows.first(where: { $0.signum != 0 })?.signum == 1 {
      self = .benefitsFirst
      return
    }
    var running = BigInteger(0)
    let totals = flows.map { flow in
      running += flow
      return running
    }
    let lowest: BigInteger
    if changes == 1 {
      lowest = InternalRateOfReturn.lowest
    } else if changes > 1, InternalRateOfReturn.signChanges(totals) == 1, totals.first(where: { $0.signum != 0 })?.signum == -1 {
      lowest = BigInteger(0)
    } else {
      self = changes == 0 ? .noSignChange : .severalSignChanges(changes)
      return
    }
    self = InternalRateOfReturn.bisect(flows, from: lowest)
  }

  /// The number of sign changes of the nonzero values.
  static func signChanges(_ values: [BigInteger]) -> Int {
    let signs = values.map(\.signum).filter { $0 != 0 }
    return zip(signs, signs.dropFirst()).filter { $0 != $1 }.count
  }

  /// The rate between `from` and +1,000% a month where the present value changes sign.
  static func bisect(_ flows: [BigInteger], from lowest: BigInteger) -> InternalRateOfReturn {
    var low = lowest
    var high = InternalRateOfReturn.highest
    let lowSign = presentValueSign(flows, monthlyRate: low)
    guard lowSign != 0 else { return .rate(annual(low)) }
    // Costs first: the present value falls as the rate rises, so one still positive at the top
    // of the bracket means a rate above it.
    guard lowSign != presentValueSign(flows, monthlyRate: high) else { return lowSign > 0 ? .aboveRange : .outOfRange }
    let tolerance = BigInteger.power10(8)
    while high - low > tolerance {
      let middle = (low + high) / BigInteger(2)
      let sign = presentValueSign(flows, monthlyRate: middle)
      if sign == 0 { return .rate(annual(middle)) }
      if sign == lowSign { low = middle } else { high = middle }
    }
    return .rate(annual((low + high) / BigInteger(2)))
  }

  /// The sign of Σ f_t / (1 + r)^t, r in 10⁻¹⁸, with the discount factors in 18-digit fixed point.
  static func presentValueSign(_ flows: [BigInteger], monthlyRate rate: BigInteger) -> Int {
    let one = BigInteger.power10(18)
    let perMonth = (one * one) / (one + rate)
    var factor = one
    var sum = BigInteger(0)
    for flow in flows {
      sum += flow * factor
      factor = (factor * perMonth) / (one)
    }
    return sum.signum
  }

  /// (1 + m)^12 − 1 for m in 10⁻¹⁸.
  static func annual(_ monthly: BigInteger) -> Rational {
    let one = BigInteger.power10(18)
    var power = Rational.one
    let base = Rational(numerator: one + monthly, denominator: one)
    for _ in 0..<12 { power = power * base }
    return power - Rational.one
  }

  /// The annual rate, when there is one.
  public var annualRate: Rational? {
    if case .rate(let rate) = self { return rate }
    return nil
  }
}
