/// Forrester's Total Economic Impact cash-flow table: Initial (everything before G), Year 1 … Year H
/// (12-month years from G), Total and Present value at the discount rate (Initial undiscounted, Year
/// k divided by (1 + rate)^k). Benefits are risk-adjusted metric by metric; months after A take the
/// pace of the last rolling window (the projection's run rate), and their years are marked.
/// It sits beside the monthly discounted view, which discounts month by month to G.
public struct TEITable: Sendable {
  /// One column: Initial, or a year of use.
  public struct Column: Sendable {
    /// 0 for Initial, k for Year k.
    public let year: Int
    public let cost: Rational
    /// Risk-adjusted benefit.
    public let benefit: Rational
    public var net: Rational { benefit - cost }
    /// The net of this column and every one before it.
    public let cumulativeNet: Rational
    /// Whether some of its months are after A, so that part of its benefit is projected.
    public let isProjected: Bool
  }

  public let rate: Percent
  public let initial: Column
  public let years: [Column]
  public let totalCost: Rational
  public let totalBenefit: Rational
  public var totalNet: Rational { totalBenefit - totalCost }
  public let presentValueOfCost: Rational
  public let presentValueOfBenefit: Rational
  public var netPresentValue: Rational { presentValueOfBenefit - presentValueOfCost }
  /// NPV / PV(costs); nil without costs.
  public var roi: Rational? { netPresentValue / presentValueOfCost }
  /// PV(benefits) / PV(costs) (Phillips's benefit/cost ratio); nil without costs.
  public var benefitCostRatio: Rational? { presentValueOfBenefit / presentValueOfCost }
  /// Months from G to the first month from which the running net (monthly flows from the first
  /// cost, risk adjusted, undiscounted) stays 0 or more to the horizon end, with a positive running
  /// benefit, that month counted; nil when there is none.
  public let paybackMonths: Int?
  public let internalRateOfReturn: InternalRateOfReturn
}

extension TEITable {
  /// `first`: the first row's first month (flows start at the earlier of it, G and the first cost).
  /// The risk of each metric is its own, else `defaultRisk`.
  init(
    rate: Percent, defaultRisk: Percent, first: Month, settings: Settings, costs: CostSchedule, benefits: Benefits
  ) {
    let goLive = settings.goLive
    let asOf = benefits.asOf
    let runRate = TEITable.runRate(settings: settings, benefits: benefits, defaultRisk: defaultRisk)
    var month = min(first, goLive, costs.firstMonth ?? goLive)
    var flows: [(month: Month, cost: Rational, benefit: Rational)] = []
    while month <= settings.horizonEnd {
      let benefit = month < goLive ? Rational.zero : month <= asOf ? benefits.riskAdjusted(at: month, defaultRisk: defaultRisk) : runRate
      flows.append((month, costs.cost(of: [month]), benefit))
      month = month.advanced(by: 1)
    }
    var columns: [Column] = []
    var cumulative = Rational.zero
    for year in 0...settings.horizonYears {
      let inYear = flows.filter { year == 0 ? $0.month < goLive : goLive.distance(to: $0.month) / 12 == year - 1 && $0.month >= goLive }
      let cost = inYear.reduce(Rational.zero) { $0 + $1.cost }
      let benefit = inYear.reduce(Rational.zero) { $0 + $1.benefit }
      cumulative += benefit - cost
      columns.append(Column(
        year: year, cost: cost, benefit: benefit, cumulativeNet: cumulative,
        isProjected: year > 0 && inYear.contains { $0.month > asOf }))
    }
    let onePlusRate = Rational.one + rate.fraction
    var discount = Rational.one
    var presentCost = Rational.zero
    var presentBenefit = Rational.zero
    for column in columns {
      if column.year > 0 { discount = discount * onePlusRate }
      presentCost += (column.cost / discount)!
      presentBenefit += (column.benefit / discount)!
    }
    // The month from which the running net stays 0 or more to the horizon end (a later cost that
    // takes it below 0 again undoes an earlier crossing).
    var running = (net: Rational.zero, benefit: Rational.zero)
    var payback: Int?
    for flow in flows {
      running.net += flow.benefit - flow.cost
      running.benefit += flow.benefit
      if running.net.signum < 0 {
        payback = nil
      } else if payback == nil, flow.month >= goLive, running.benefit.signum > 0 {
        payback = goLive.distance(to: flow.month) + 1
      }
    }
    self.init(
      rate: rate, initial: columns[0], years: Array(columns.dropFirst()),
      totalCost: columns.reduce(Rational.zero) { $0 + $1.cost }, totalBenefit: columns.reduce(Rational.zero) { $0 + $1.benefit },
      presentValueOfCost: presentCost, presentValueOfBenefit: presentBenefit, paybackMonths: payback,
      internalRateOfReturn: InternalRateOfReturn(monthlyFlows: flows.map { ($0.benefit - $0.cost).rounded(scale: 6) }))
  }

  /// Each metric's benefit over the rolling window ending at A, / n, less its risk when it is a
  /// gain, summed: the risk-adjusted benefit a month carried past A. 0 when A is before G.
  static func runRate(settings: Settings, benefits: Benefits, defaultRisk: Percent) -> Rational {
    let window = QuarterRows.rollingWindow(endingAt: benefits.asOf, goLive: settings.goLive)
    guard !window.isEmpty else { return .zero }
    return benefits.metrics.reduce(Rational.zero) { sum, metric in
      let pace = (window.reduce(Rational.zero) { $0 + (metric.benefits[$1.index] ?? .zero) } / Rational(window.count))!
      return sum + (pace.signum > 0 ? pace * metric.keptShare(defaultRisk: defaultRisk) : pace)
    }
  }
}
