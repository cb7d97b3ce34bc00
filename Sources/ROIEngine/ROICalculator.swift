/// The ROI method: marginal profit against the months before go-live, divided by the CRM's total cost.
public enum ROICalculator {
  /// Computes the quarterly history of `costItems`, `metrics` and `snapshots` under `settings`.
  /// With `through`, rows stop at that quarter and payback and objectives are as of its end.
  public static func report(
    settings: Settings, costItems: [CostItem], metrics: [Metric], snapshots: [Snapshot],
    through: Quarter? = nil, discount: DiscountOptions = DiscountOptions(), project: Bool = false
  ) throws -> ROIReport {
    let goLive = settings.goLive
    let horizonEnd = settings.horizonEnd
    let scale = Rational(Rational.power10(settings.currency.minorUnits))

    var valuesByMetric: [String: [Month: MetricValue]] = [:]
    for snapshot in snapshots { valuesByMetric[snapshot.metric, default: [:]][snapshot.month] = snapshot.value }

    // Costs: TCO over the horizon, and the cost of each month for the rows.
    var totalCost: Int128 = 0
    var costByMonth: [Int: Int128] = [:]
    var firstMonth = goLive
    var lastMonth = max(goLive, snapshots.map(\.month).max() ?? goLive)
    for item in costItems {
      firstMonth = min(firstMonth, item.month)
      if item.recurrence == nil { lastMonth = max(lastMonth, item.month) }
      for month in item.occurrences(horizonEnd: horizonEnd) {
        totalCost += Int128(item.amount.minor)
        costByMonth[month, default: 0] += Int128(item.amount.minor)
      }
    }
    let tco = Rational(totalCost)

    // Each money metric's benefit in each month from G on, in minor units, and its noise.
    let moneyMetrics = try metrics.filter(\.kind.addsMoney).sorted { $0.name < $1.name }.map {
      try MoneyMetric($0, values: valuesByMetric[$0.name] ?? [:], settings: settings, scale: scale)
    }
    func totalBenefit(at month: Month) -> Rational {
      moneyMetrics.reduce(Rational.zero) { $0 + ($1.benefits[month.index] ?? .zero) }
    }
    /// w(S) = 2·√(Σ over months in S, over money metrics with a snapshot then, of (σ·f·a)²).
    func noiseWidth(_ months: [Month]) -> Rational {
      var sum = Rational.zero
      for month in months {
        for metric in moneyMetrics where metric.benefits[month.index] != nil { sum += metric.noise }
      }
      return Rational(2) * ExactRoots.squareRoot(sum)
    }

    // Rows.
    var rows: [QuarterRow] = []
    var quarter = settings.quarter(containing: firstMonth)
    var lastQuarter = settings.quarter(containing: lastMonth)
    if let through, through < lastQuarter { lastQuarter = through }
    var cumulativeCost = Rational.zero
    var cumulativeBenefit = Rational.zero
    while quarter <= lastQuarter {
      let months = quarter.months.filter { $0 >= goLive }
      let cost = Rational(quarter.months.reduce(Int128(0)) { $0 + (costByMonth[$1.index] ?? 0) })
      let byMetric = moneyMetrics.map { metric in
        (metric: metric.name, benefit: months.reduce(Rational.zero) { $0 + (metric.benefits[$1.index] ?? .zero) })
      }
      let benefit = byMetric.reduce(Rational.zero) { $0 + $1.benefit }
      let width = noiseWidth(months)
      cumulativeCost += cost
      cumulativeBenefit += benefit

      var rolling: (roi: Rational, low: Rational, high: Rational)?
      let monthsSinceGoLive = goLive.distance(to: quarter.lastMonth) + 1
      if monthsSinceGoLive > 0 {
        let n = min(12, monthsSinceGoLive)
        let window = (0..<n).map { quarter.lastMonth.advanced(by: -$0) }
        let sum = window.reduce(Rational.zero) { $0 + totalBenefit(at: $1) }
        let rollingWidth = noiseWidth(window)
        let annualise = Rational(12, Int128(n))
        if let roi = (sum * annualise) / tco {
          rolling = (roi, ((sum - rollingWidth) * annualise / tco)!, ((sum + rollingWidth) * annualise / tco)!)
        }
      }
      let missing = months.filter { month in moneyMetrics.contains { $0.benefits[month.index] == nil } }
      rows.append(
        QuarterRow(
          quarter: quarter, cost: cost, benefit: benefit, benefitByMetric: byMetric,
          cumulativeCost: cumulativeCost, cumulativeBenefit: cumulativeBenefit,
          roi: benefit / tco, rollingAnnualROI: rolling?.roi,
          cumulativeNetROI: (cumulativeBenefit - cumulativeCost) / cumulativeCost,
          missingMonths: missing, benefitLow: benefit - width, benefitHigh: benefit + width,
          rollingAnnualROILow: rolling?.low, rollingAnnualROIHigh: rolling?.high))
      quarter = quarter.next
    }

    func breaksEven(benefit: Rational, cost: Rational) -> Bool { benefit.signum > 0 && benefit >= cost }
    func years(_ roi: Rational?) -> Rational? { roi.flatMap { $0.signum > 0 ? Rational.one / $0 : nil } }
    let last = rows.last
    let payback = Payback(
      breakEvenQuarter: rows.first { breaksEven(benefit: $0.cumulativeBenefit, cost: $0.cumulativeCost) }?.quarter,
      projectedPaybackYears: years(last?.rollingAnnualROI),
      projectedPaybackYearsLow: years(last?.rollingAnnualROIHigh),
      projectedPaybackYearsHigh: years(last?.rollingAnnualROILow))

    // The discounted view: every month from the first row to the last, discounted to G.
    let discounted: DiscountedView
    do {
      let monthly = ExactRoots.monthlyFactor(annualRate: discount.rate.fraction)
      let kept = Rational.one - discount.risk.fraction
      let first = rows.first?.quarter.firstMonth ?? goLive
      let end = rows.last?.quarter.lastMonth ?? goLive
      // d = (1 + rate)^(−(t − G)/12) in fixed point, from G outwards.
      var factors: [Int: Int128] = [goLive.index: ExactRoots.one]
      if end > goLive {
        for index in (goLive.index + 1)...end.index {
          factors[index] = factors[index - 1]! * ExactRoots.one / monthly
        }
      }
      if first < goLive {
        for index in stride(from: goLive.index - 1, through: first.index, by: -1) {
          factors[index] = ExactRoots.multiply(factors[index + 1]!, monthly)
        }
      }
      let micro = Rational(Rational.power10(6))
      func present(_ amount: Rational, _ index: Int) -> Int128 {
        (amount * Rational(factors[index]!, ExactRoots.one) * micro).rounded()
      }
      var benefitSum: Int128 = 0
      var costSum: Int128 = 0
      var breakEven: Month?
      var month = first
      while month <= end {
        if month >= goLive { benefitSum += present(totalBenefit(at: month) * kept, month.index) }
        costSum += present(Rational(costByMonth[month.index] ?? 0), month.index)
        if breakEven == nil, benefitSum > 0, benefitSum >= costSum { breakEven = month }
        month = month.advanced(by: 1)
      }
      discounted = DiscountedView(
        options: discount, presentValueOfBenefit: Rational(benefitSum, Rational.power10(6)),
        presentValueOfCost: Rational(costSum, Rational.power10(6)), breakEvenMonth: breakEven)
    }

    // The projection: the last row's pace to the horizon end.
    var projection: Projection?
    if project, let last {
      let n = min(12, max(0, goLive.distance(to: last.quarter.lastMonth) + 1))
      let runRate = n == 0
        ? Rational.zero
        : ((0..<n).reduce(Rational.zero) { $0 + totalBenefit(at: last.quarter.lastMonth.advanced(by: -$1)) } / Rational(n))!
      var projected: [ProjectedQuarter] = []
      var cost = last.cumulativeCost
      var benefit = last.cumulativeBenefit
      var breakEven = payback.breakEvenQuarter
      var next = last.quarter.next
      while next.firstMonth <= horizonEnd {
        let months = next.months.filter { $0 <= horizonEnd }
        let quarterCost = Rational(months.reduce(Int128(0)) { $0 + (costByMonth[$1.index] ?? 0) })
        let quarterBenefit = runRate * Rational(months.filter { $0 >= goLive }.count)
        cost += quarterCost
        benefit += quarterBenefit
        if breakEven == nil, breaksEven(benefit: benefit, cost: cost) { breakEven = next }
        projected.append(ProjectedQuarter(
          quarter: next, cost: quarterCost, benefit: quarterBenefit, cumulativeCost: cost, cumulativeBenefit: benefit))
        next = next.next
      }
      projection = Projection(
        runRate: runRate, lifetimeBenefit: benefit, totalCostOfOwnership: tco, breakEvenQuarter: breakEven,
        quarters: projected)
    }

    let lastRowQuarter = rows.last?.quarter
    let objectives = metrics.sorted { $0.name < $1.name }.compactMap { metric -> Objective? in
      guard let target = metric.target else { return nil }
      let values = valuesByMetric[metric.name] ?? [:]
      let baseline = mean(of: values, in: settings.baselineWindow)
      let current = lastRowQuarter.flatMap { mean(of: values, in: $0.firstMonth...$0.lastMonth) }
      let lowerIsBetter: Bool
      let targetValue: Rational?
      switch target {
      case .relative(let percent):
        targetValue = baseline.map { $0 * (Rational.one + percent.fraction) }
        lowerIsBetter = percent.tenThousandths < 0 || (percent.tenThousandths == 0 && metric.kind.lowerIsBetter)
      case .absolute(let value):
        targetValue = value.rational
        lowerIsBetter = metric.kind.lowerIsBetter
      }
      var met: Bool?
      if let current, let targetValue { met = lowerIsBetter ? current <= targetValue : current >= targetValue }
      var change: Rational?
      if let current, let baseline { change = (current - baseline) / baseline }
      return Objective(
        metric: metric, baseline: baseline, current: current, change: change, targetValue: targetValue,
        met: met, lowerIsBetter: lowerIsBetter)
    }

    return ROIReport(
      settings: settings, totalCostOfOwnership: tco, quarters: rows, payback: payback, objectives: objectives,
      discounted: discounted, projection: projection)
  }

  /// A money metric prepared for the rows: its monthly benefit from G on and its noise term.
  private struct MoneyMetric {
    let name: String
    /// Benefit in minor units by month index, for the months from G on that have a snapshot.
    let benefits: [Int: Rational]
    /// (σ · f · a)² in minor units squared: one month's share of w².
    let noise: Rational

    init(_ metric: Metric, values: [Month: MetricValue], settings: Settings, scale: Rational) throws {
      name = metric.name
      let window = settings.baselineWindow
      let inWindow = values.filter { window.contains($0.key) }
      guard !inWindow.isEmpty else { throw ROIError.noBaseline(metric: metric.name, window: window) }

      // The baseline for a month: one mean, or one per calendar month.
      let baseline: (Month) -> Rational
      switch settings.baselineMethod {
      case .mean:
        let mean = ROICalculator.mean(of: values, in: window)!
        baseline = { _ in mean }
      case .seasonal:
        guard settings.baselineMonths >= 12 else { throw ROIError.seasonalNeedsAYear(baselineMonths: settings.baselineMonths) }
        var byCalendarMonth: [Int: [MetricValue]] = [:]
        for (month, value) in inWindow { byCalendarMonth[month.number, default: []].append(value) }
        let missing = (1...12).filter { byCalendarMonth[$0] == nil }
        guard missing.isEmpty else {
          throw ROIError.seasonalMonthsMissing(metric: metric.name, months: missing, window: window)
        }
        let means = byCalendarMonth.mapValues { values in
          Rational(values.reduce(Int128(0)) { $0 + Int128($1.tenThousandths) },
                   Int128(values.count) * Rational.power10(MetricValue.scale))
        }
        baseline = { means[$0.number]! }
      }

      let factor = metric.kind.moneyFactor(minorUnits: settings.currency.minorUnits)! * metric.attribution.fraction * scale
      var benefits: [Int: Rational] = [:]
      for (month, value) in values where month >= settings.goLive {
        benefits[month.index] = (value.rational - baseline(month)) * factor
      }
      self.benefits = benefits

      // Sample variance (n − 1) of the window's values; 0 with fewer than two.
      var variance = Rational.zero
      if inWindow.count >= 2 {
        let mean = ROICalculator.mean(of: values, in: window)!
        let squares = inWindow.values.reduce(Rational.zero) { sum, value in
          let deviation = value.rational - mean
          return sum + deviation * deviation
        }
        variance = (squares / Rational(inWindow.count - 1))!
      }
      noise = variance * factor * factor
    }
  }

  /// The mean of the values whose month falls in `range`; nil when there are none.
  static func mean(of values: [Month: MetricValue], in range: ClosedRange<Month>) -> Rational? {
    var sum: Int128 = 0
    var count = 0
    for (month, value) in values where range.contains(month) {
      sum += Int128(value.tenThousandths)
      count += 1
    }
    guard count > 0 else { return nil }
    return Rational(sum, Int128(count) * Rational.power10(MetricValue.scale))
  }
}

extension MetricKind {
  /// Whether a fall is the good direction for this kind: costs, and counts worth negative money.
  var lowerIsBetter: Bool {
    switch self {
    case .cost: true
    case .count(let unitValue): unitValue.minor < 0
    case .revenue, .kpi: false
    }
  }
}
