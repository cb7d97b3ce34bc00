/// The rate and risk of the discounted view (`roi --discount-rate --risk`).
public struct DiscountOptions: Sendable {
  /// Annual discount rate: money a year later is worth 1 / (1 + rate) of money now.
  public var rate: Percent
  /// Share of the measured benefit set aside as uncertain, for metrics without a risk of their own.
  public var risk: Percent

  public init(rate: Percent = Percent(tenThousandths: 100_000), risk: Percent = Percent(tenThousandths: 0)) {
    self.rate = rate
    self.risk = risk
  }

  public static let rateRange: ClosedRange<Int64> = 0...1_000_000
  public static let riskRange: ClosedRange<Int64> = 0...1_000_000
}

/// Total Economic Impact-style figures: monthly cash flows discounted to the go-live month.
/// Money here is exact to a millionth of a minor unit (the discount factors are not rational).
public struct DiscountedView: Sendable {
  public let options: DiscountOptions
  public let presentValueOfBenefit: Rational
  public let presentValueOfCost: Rational
  public var netPresentValue: Rational { presentValueOfBenefit - presentValueOfCost }
  /// NPV / present value of the cost; nil when there is no cost.
  public var roi: Rational? { netPresentValue / presentValueOfCost }
  /// The first month at which the running discounted benefit is positive and covers the running discounted cost.
  public let breakEvenMonth: Month?
}

/// The history carried forward to the horizon end at the current pace (`roi --project`).
public struct Projection: Sendable {
  /// Benefit per month: the last row's rolling sum / n.
  public let runRate: Rational
  public let lifetimeBenefit: Rational
  public let totalCostOfOwnership: Rational
  /// (lifetime benefit − TCO) / TCO.
  public var lifetimeROI: Rational? { (lifetimeBenefit - totalCostOfOwnership) / totalCostOfOwnership }
  /// The first quarter, actual or projected, whose cumulative benefit is positive and covers its cumulative cost.
  public let breakEvenQuarter: Quarter?
  /// The projected quarters after the last row, to the horizon end.
  public let quarters: [ProjectedQuarter]
}

/// One quarter after the history: recurring costs as scheduled, benefit at the run rate.
public struct ProjectedQuarter: Sendable {
  public let quarter: Quarter
  public let cost: Rational
  public let benefit: Rational
  public let cumulativeCost: Rational
  public let cumulativeBenefit: Rational
}

extension DiscountedView {
  /// Every month from `first` to `end` discounted to G: costs as they fall, benefits from G on, less
  /// each metric's risk.
  /// With no months (a report that stops before any data), both present values are 0.
  init(options: DiscountOptions, months: ClosedRange<Month>?, goLive: Month, costs: CostSchedule, benefits: Benefits) {
    guard let months else {
      self.init(options: options, presentValueOfBenefit: .zero, presentValueOfCost: .zero, breakEvenMonth: nil)
      return
    }
    let factors = DiscountedView.factors(annualRate: options.rate, months: months, goLive: goLive)
    let one = Rational(ExactRoots.one)
    /// Present value in millionths of a minor unit.
    func present(_ amount: Rational, _ month: Month) -> BigInteger {
      (amount * (Rational(factors[month.index]!) / one)!).rounded(scale: 6)
    }
    var benefitSum = BigInteger(0)
    var costSum = BigInteger(0)
    var breakEven: Month?
    var month = months.lowerBound
    while month <= months.upperBound {
      if month >= goLive { benefitSum += present(benefits.riskAdjusted(at: month, defaultRisk: options.risk), month) }
      costSum += present(costs.cost(of: [month]), month)
      if breakEven == nil, benefitSum.signum > 0, benefitSum >= costSum { breakEven = month }
      month = month.advanced(by: 1)
    }
    self.init(
      options: options, presentValueOfBenefit: Rational(numerator: benefitSum, denominator: BigInteger.power10(6)),
      presentValueOfCost: Rational(numerator: costSum, denominator: BigInteger.power10(6)), breakEvenMonth: breakEven)
  }

  /// d(t) = (1 + rate)^(−(t − G)/12) in 18-digit fixed point, by month index, from G outwards.
  private static func factors(annualRate: Percent, months: ClosedRange<Month>, goLive: Month) -> [Int: BigInteger] {
    let monthly = ExactRoots.monthlyFactor(annualRate: annualRate.fraction)
    var factors: [Int: BigInteger] = [goLive.index: ExactRoots.one]
    if months.upperBound > goLive {
      for index in (goLive.index + 1)...months.upperBound.index {
        factors[index] = factors[index - 1]! * ExactRoots.one / monthly
      }
    }
    if months.lowerBound < goLive {
      for index in stride(from: goLive.index - 1, through: months.lowerBound.index, by: -1) {
        factors[index] = ExactRoots.multiply(factors[index + 1]!, monthly)
      }
    }
    return factors
  }
}

extension Projection {
  /// The pace of the last row's rolling window carried from A + 1 to the horizon end: benefit at
  /// the run rate, recurring costs as scheduled. A quarter that is also an actual row gets only its
  /// projected months' benefit and no cost (the row counts its costs).
  init(last: QuarterRow, breakEven: Quarter?, settings: Settings, costs: CostSchedule, benefits: Benefits) {
    let goLive = settings.goLive
    let horizonEnd = settings.horizonEnd
    let asOf = benefits.asOf
    let window = QuarterRows.rollingWindow(endingAt: min(last.quarter.lastMonth, asOf), goLive: goLive)
    let runRate = window.isEmpty
      ? Rational.zero
      : (window.reduce(Rational.zero) { $0 + benefits.total(at: $1) } / Rational(window.count))!
    var projected: [ProjectedQuarter] = []
    var cost = last.cumulativeCost
    var benefit = last.cumulativeBenefit
    var breakEven = breakEven
    let firstProjected = max(asOf.advanced(by: 1), goLive)
    var next = settings.quarter(containing: firstProjected)
    while next.firstMonth <= horizonEnd {
      let isActualRow = next <= last.quarter
      let months = next.months.filter { $0 >= firstProjected && $0 <= horizonEnd }
      let quarterCost = isActualRow ? Rational.zero : costs.cost(of: next.months.filter { $0 <= horizonEnd })
      let quarterBenefit = runRate * Rational(months.count)
      cost += quarterCost
      benefit += quarterBenefit
      if breakEven == nil, breaksEven(benefit: benefit, cost: cost) { breakEven = next }
      projected.append(ProjectedQuarter(
        quarter: next, cost: quarterCost, benefit: quarterBenefit, cumulativeCost: cost, cumulativeBenefit: benefit))
      next = next.next
    }
    self.init(
      runRate: runRate, lifetimeBenefit: benefit, totalCostOfOwnership: costs.totalCost, breakEvenQuarter: breakEven,
      quarters: projected)
  }
}
