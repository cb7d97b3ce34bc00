/// The rate and risk of the discounted view (`roi --discount-rate --risk`).
public struct DiscountOptions: Sendable {
  /// Annual discount rate: money a year later is worth 1 / (1 + rate) of money now.
  public var rate: Percent
  /// Share of the measured benefit set aside as uncertain.
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
