/// The quarterly history: one row per fiscal quarter from the first expense to the last data.
enum QuarterRows {
  /// Rows from the quarter of `first` to that of `last`, cumulative figures from the first row on.
  static func build(
    from first: Month, to last: Month, settings: Settings, costs: CostSchedule, benefits: Benefits
  ) -> [QuarterRow] {
    let goLive = settings.goLive
    let tco = costs.totalCost
    var rows: [QuarterRow] = []
    var quarter = settings.quarter(containing: first)
    let lastQuarter = settings.quarter(containing: last)
    var cumulativeCost = Rational.zero
    var cumulativeBenefit = Rational.zero
    let asOf = benefits.asOf
    while quarter <= lastQuarter {
      let months = quarter.months.filter { $0 >= goLive && $0 <= asOf }
      let cost = costs.cost(of: quarter.months)
      let byMetric = benefits.metrics.map { metric in
        (metric: metric.name, benefit: months.reduce(Rational.zero) { $0 + (metric.benefits[$1.index] ?? .zero) })
      }
      let benefit = byMetric.reduce(Rational.zero) { $0 + $1.benefit }
      let width = benefits.noiseWidth(months)
      cumulativeCost += cost
      cumulativeBenefit += benefit
      let rolling = rollingAnnualROI(endingAt: min(quarter.lastMonth, asOf), goLive: goLive, tco: tco, benefits: benefits)
      rows.append(
        QuarterRow(
          quarter: quarter, cost: cost, benefit: benefit, benefitByMetric: byMetric,
          cumulativeCost: cumulativeCost, cumulativeBenefit: cumulativeBenefit,
          roi: benefit / tco, rollingAnnualROI: rolling?.roi,
          cumulativeNetROI: (cumulativeBenefit - cumulativeCost) / cumulativeCost,
          missingMonths: benefits.missing(months), isPartial: quarter.lastMonth > asOf,
          benefitLow: width.map { benefit - $0 }, benefitHigh: width.map { benefit + $0 },
          rollingAnnualROILow: rolling?.low, rollingAnnualROIHigh: rolling?.high))
      quarter = quarter.next
    }
    return rows
  }

  /// The rows with the business case's cost of each quarter and its benefit of the months from G to A.
  static func addingPlan(_ plan: BusinessCase, costs: CostSchedule, to rows: [QuarterRow], settings: Settings, asOf: Month) -> [QuarterRow] {
    var cumulative = (cost: Rational.zero, benefit: Rational.zero)
    return rows.map { row in
      var row = row
      let cost = costs.cost(of: row.quarter.months)
      let benefit = row.quarter.months.filter { $0 >= settings.goLive && $0 <= asOf }.reduce(Rational.zero) { $0 + plan.benefit(at: $1) }
      cumulative = (cumulative.cost + cost, cumulative.benefit + benefit)
      (row.planCost, row.planBenefit) = (cost, benefit)
      (row.cumulativePlanCost, row.cumulativePlanBenefit) = cumulative
      return row
    }
  }

  /// The months of the rolling window ending at W = `end` (already capped at A): the
  /// n = min(12, W − G + 1) months up to W; empty when W is before G.
  static func rollingWindow(endingAt end: Month, goLive: Month) -> [Month] {
    let n = min(12, goLive.distance(to: end) + 1)
    guard n > 0 else { return [] }
    return (0..<n).map { end.advanced(by: -$0) }
  }

  /// The window's benefit × 12 / n / TCO, with its band (nil bounds when there is no σ).
  private static func rollingAnnualROI(
    endingAt end: Month, goLive: Month, tco: Rational, benefits: Benefits
  ) -> (roi: Rational, low: Rational?, high: Rational?)? {
    let window = rollingWindow(endingAt: end, goLive: goLive)
    guard !window.isEmpty else { return nil }
    let sum = window.reduce(Rational.zero) { $0 + benefits.total(at: $1) }
    let annualise = Rational(12, Int128(window.count))
    guard let roi = (sum * annualise) / tco else { return nil }
    let width = benefits.noiseWidth(window)
    return (roi, width.map { ((sum - $0) * annualise / tco)! }, width.map { ((sum + $0) * annualise / tco)! })
  }
}

extension Payback {
  /// Break-even from the rows; the projected payback from the last row's rolling annual ROI.
  init(rows: [QuarterRow]) {
    func years(_ roi: Rational?) -> Rational? { roi.flatMap { $0.signum > 0 ? Rational.one / $0 : nil } }
    let last = rows.last
    self.init(
      breakEvenQuarter: rows.first { breaksEven(benefit: $0.cumulativeBenefit, cost: $0.cumulativeCost) }?.quarter,
      projectedPaybackYears: years(last?.rollingAnnualROI),
      projectedPaybackYearsLow: years(last?.rollingAnnualROIHigh),
      projectedPaybackYearsHigh: years(last?.rollingAnnualROILow))
  }
}

/// Whether a cumulative benefit is positive and covers the cumulative cost.
func breaksEven(benefit: Rational, cost: Rational) -> Bool { benefit.signum > 0 && benefit >= cost }
