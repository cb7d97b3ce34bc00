extension Objective {
  /// Each metric's objective as of `quarter`: the mean of its snapshots in that quarter against the
  /// mean of its baseline window.
  static func all(metrics: [Metric], valuesByMetric: [String: [Month: MetricValue]], settings: Settings, quarter: Quarter?)
    -> [Objective]
  {
    metrics.sorted { $0.name < $1.name }.compactMap { metric -> Objective? in
      guard let target = metric.target else { return nil }
      let values = valuesByMetric[metric.name] ?? [:]
      let baseline = MoneyMetric.mean(of: values, in: settings.baselineWindow)
      let current = quarter.flatMap { MoneyMetric.mean(of: values, in: $0.firstMonth...$0.lastMonth) }
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
