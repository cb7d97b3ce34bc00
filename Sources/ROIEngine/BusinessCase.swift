/// The business case the CRM was bought on (benefits-realisation practice): the costs planned and
/// each metric's planned monthly benefit, to be set against the actual figures quarter by quarter.
public struct BusinessCase: Sendable {
  /// Planned costs, in the form of expenses (one-time, labor, recurring), each with its id.
  public var costs: [Expense]
  public var benefits: [PlannedBenefit]

  public init(costs: [Expense] = [], benefits: [PlannedBenefit] = []) {
    self.costs = costs
    self.benefits = benefits
  }

  public var isEmpty: Bool { costs.isEmpty && benefits.isEmpty }

  /// The planned benefit of `month`, in minor units.
  func benefit(at month: Month) -> Rational {
    benefits.reduce(Rational.zero) { $0 + $1.amount(at: month) }
  }
}

/// One metric's planned benefit: `monthly` a month from `from`, rising linearly over `ramp` months.
public struct PlannedBenefit: Hashable, Sendable {
  public var metric: String
  public var monthly: Money
  public var from: Month
  /// N: month k of the ramp (k = 1…N) gets k/N of `monthly`; 0 means the whole of it from `from`.
  public var ramp: Int

  public static let rampRange = 0...120

  /// An owner's name without its outer spaces: 1 to 200 characters (as SQLite counts them), no control characters.
  public static func validateOwner(_ text: String) throws -> String {
    try checkedLine(text, atMost: 200, expected: Phrase(.formOwner))
  }

  public init(metric: String, monthly: Money, from: Month, ramp: Int = 0) {
    self.metric = metric
    self.monthly = monthly
    self.from = from
    self.ramp = ramp
  }

  /// Its benefit in `month`, in minor units: 0 before `from`, k/N × monthly in month k of the ramp,
  /// then monthly.
  public func amount(at month: Month) -> Rational {
    let k = from.distance(to: month) + 1
    guard k >= 1 else { return .zero }
    guard ramp > 0, k < ramp else { return monthly.rational }
    return (monthly.rational * Rational(k) / Rational(ramp))!
  }
}

/// The business case against the actual figures, as of A.
public struct PlanComparison: Sendable {
  /// Every planned cost up to the horizon end.
  public let totalCostOfOwnership: Rational
  /// Planned TCO / the planned benefit of the first full year of benefit (the 12 months from the
  /// earliest planned benefit's first month); nil without a planned benefit.
  public let paybackYears: Rational?
  /// (planned benefit from G to the horizon end − planned TCO) / planned TCO; nil without planned costs.
  public let roi: Rational?
  /// The same three figures from the actual history: the TCO, the projected payback (1 / the rolling
  /// annual ROI) and the lifetime ROI of the projection at the current pace.
  public let actualTotalCostOfOwnership: Rational
  public let actualPaybackYears: Rational?
  public let actualROI: Rational?
  /// Planned cost of every month to A, and planned benefit of the months from G to A.
  public let costToDate: Rational
  public let benefitToDate: Rational
  /// The actual cost and benefit over the same months.
  public let actualCostToDate: Rational
  public let actualBenefitToDate: Rational
  public var costVarianceToDate: Rational { actualCostToDate - costToDate }
  public var benefitVarianceToDate: Rational { actualBenefitToDate - benefitToDate }
  /// The planned benefits, with the owner of each metric (nil when none is named).
  public let benefits: [(benefit: PlannedBenefit, owner: String?)]
  public let costs: [Expense]
}

extension PlanComparison {
  init(
    _ plan: BusinessCase, costs: CostSchedule, metrics: [Metric], settings: Settings, asOf: Month, actualCosts: CostSchedule,
    benefits: Benefits, payback: Payback, pace: Projection?
  ) {
    let goLive = settings.goLive
    let toDate = goLive <= asOf ? Array(stride(from: goLive.index, through: asOf.index, by: 1)).map(Month.init(index:)) : []
    let lifetime = Array(stride(from: goLive.index, through: settings.horizonEnd.index, by: 1)).map(Month.init(index:))
    let plannedLifetime = lifetime.reduce(Rational.zero) { $0 + plan.benefit(at: $1) }
    let firstYear = plan.benefits.map(\.from).min().map { start in
      (0..<12).reduce(Rational.zero) { $0 + plan.benefit(at: start.advanced(by: $1)) }
    }
    let owners = Dictionary(metrics.map { ($0.name, $0.owner) }, uniquingKeysWith: { first, _ in first })
    self.init(
      totalCostOfOwnership: costs.totalCost,
      paybackYears: firstYear.flatMap { $0.isZero ? nil : costs.totalCost / $0 },
      roi: (plannedLifetime - costs.totalCost) / costs.totalCost,
      actualTotalCostOfOwnership: actualCosts.totalCost, actualPaybackYears: payback.projectedPaybackYears,
      actualROI: pace?.lifetimeROI,
      costToDate: costs.cost(through: asOf), benefitToDate: toDate.reduce(Rational.zero) { $0 + plan.benefit(at: $1) },
      actualCostToDate: actualCosts.cost(through: asOf), actualBenefitToDate: toDate.reduce(Rational.zero) { $0 + benefits.total(at: $1) },
      benefits: plan.benefits.sorted { $0.metric < $1.metric }.map { ($0, owners[$0.metric] ?? nil) }, costs: plan.costs)
  }
}

/// `text` without its outer spaces, refused (as `expected`) when empty, longer than `limit` scalars
/// (SQLite's `length`) or holding a control character.
func checkedLine(_ text: String, atMost limit: Int, expected: Phrase) throws -> String {
  let scalars = text.unicodeScalars.drop { $0.properties.isWhitespace }.reversed().drop { $0.properties.isWhitespace }.reversed()
  guard !scalars.isEmpty, scalars.count <= limit, !scalars.contains(where: { $0.properties.generalCategory == .control }) else {
    throw ValueError(value: text, expected: expected)
  }
  return String(String.UnicodeScalarView(scalars))
}
