/// The ROI method: marginal profit against the months before go-live, divided by the CRM's total cost.
public enum ROICalculator {
  /// Computes the quarterly history of `costItems`, `metrics` and `snapshots` under `settings`.
  /// With `through`, rows stop at that quarter and payback and objectives are as of its end.
  public static func report(
    settings: Settings, costItems: [CostItem], metrics: [Metric], snapshots: [Snapshot],
    through: Quarter? = nil
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

    // Benefit of each money metric in each month from G on, in minor units.
    let moneyMetrics = metrics.filter(\.kind.addsMoney).sorted { $0.name < $1.name }
    var benefitByMetricMonth: [String: [Int: Rational]] = [:]
    for metric in moneyMetrics {
      let values = valuesByMetric[metric.name] ?? [:]
      guard let baseline = mean(of: values, in: settings.baselineWindow) else {
        throw ROIError.noBaseline(metric: metric.name, window: settings.baselineWindow)
      }
      let factor = metric.kind.moneyFactor(minorUnits: settings.currency.minorUnits)! * scale
      var benefits: [Int: Rational] = [:]
      for (month, value) in values where month >= goLive {
        benefits[month.index] = (value.rational - baseline) * factor
      }
      benefitByMetricMonth[metric.name] = benefits
    }
    func totalBenefit(at month: Month) -> Rational {
      moneyMetrics.reduce(Rational.zero) { $0 + (benefitByMetricMonth[$1.name]?[month.index] ?? .zero) }
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
        (metric: metric.name,
         benefit: months.reduce(Rational.zero) { $0 + (benefitByMetricMonth[metric.name]?[$1.index] ?? .zero) })
      }
      let benefit = byMetric.reduce(Rational.zero) { $0 + $1.benefit }
      cumulativeCost += cost
      cumulativeBenefit += benefit

      var rolling: Rational?
      let monthsSinceGoLive = goLive.distance(to: quarter.lastMonth) + 1
      if monthsSinceGoLive > 0 {
        let n = min(12, monthsSinceGoLive)
        let sum = (0..<n).reduce(Rational.zero) { $0 + totalBenefit(at: quarter.lastMonth.advanced(by: -$1)) }
        rolling = (sum * Rational(12, Int128(n))) / tco
      }
      let missing = months.filter { month in
        moneyMetrics.contains { valuesByMetric[$0.name]?[month] == nil }
      }
      rows.append(
        QuarterRow(
          quarter: quarter, cost: cost, benefit: benefit, benefitByMetric: byMetric,
          cumulativeCost: cumulativeCost, cumulativeBenefit: cumulativeBenefit,
          roi: benefit / tco, rollingAnnualROI: rolling,
          cumulativeNetROI: (cumulativeBenefit - cumulativeCost) / cumulativeCost,
          missingMonths: missing))
      quarter = quarter.next
    }

    let breakEven = rows.first { $0.cumulativeBenefit.signum > 0 && $0.cumulativeBenefit >= $0.cumulativeCost }
    var paybackYears: Rational?
    if let rolling = rows.last?.rollingAnnualROI, rolling.signum > 0 { paybackYears = Rational.one / rolling }

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
      settings: settings, totalCostOfOwnership: tco, quarters: rows,
      payback: Payback(breakEvenQuarter: breakEven?.quarter, projectedPaybackYears: paybackYears),
      objectives: objectives)
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
