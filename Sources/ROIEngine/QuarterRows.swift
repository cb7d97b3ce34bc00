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
    while quarter <= lastQuarter {
      let months = quarter.months.filter { $0 >= goLive }
      let cost = costs.cost(of: quarter.months)
      let byMetric = benefits.metrics.map { metric in
        (metric: metric.name, benefit: months.reduce(Rational.zero) { $0 + (metric.benefits[$1.index] ?? .zero) })
      }
      let benefit = byMetric.reduce(Rational.zero) { $0 + $1.benefit }
      let width = benefits.noiseWidth(months)
      cumulativeCost += cost
      cumulativeBenefit += benefit
      let rolling = rollingAnnualROI(endingAt: quarter.lastMonth, goLive: goLive, tco: tco, benefits: benefits)
      rows.append(
        QuarterRow(
          quarter: quarter, cost: cost, benefit: benefit, benefitByMetric: byMetric,
          cumulativeCost: cumulativeCost, cumulativeBenefit: cumulativeBenefit,
          roi: benefit / tco, rollingAnnualROI: rolling?.roi,
          cumulativeNetROI: (cumulativeBenefit - cumulativeCost) / cumulativeCost,
          missingMonths: benefits.missing(months), benefitLow: benefit - width, benefitHigh: benefit + width,
          rollingAnnualROILow: rolling?.low, rollingAnnualROIHigh: rolling?.high))
      quarter = quarter.next
    }
    return rows
  }

  /// The benefit of the last n = min(12, months since G) months × 12 / n / TCO, with its band.
  private static func rollingAnnualROI(
    endingAt end: Month, goLive: Month, tco: Rational, benefits: Benefits
  ) -> (roi: Rational, low: Rational, high: Rational)? {
    let monthsSinceGoLive = goLive.distance(to: end) + 1
    guard monthsSinceGoLive > 0 else { return nil }
    let n = min(12, monthsSinceGoLive)
    let window = (0..<n).map { end.advanced(by: -$0) }
    let sum = window.reduce(Rational.zero) { $0 + benefits.total(at: $1) }
    let width = benefits.noiseWidth(window)
    let annualise = Rational(12, Int128(n))
    guard let roi = (sum * annualise) / tco else { return nil }
    return (roi, ((sum - width) * annualise / tco)!, ((sum + width) * annualise / tco)!)
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
