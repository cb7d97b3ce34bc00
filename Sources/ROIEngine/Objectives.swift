extension Objective {
  /// Each metric's objective as of `quarter`: the mean of its snapshots in that quarter's months up
  /// to A against its baseline on the method's basis: the mean of its baseline window, or with the
  /// seasonal method the mean of the seasonal baselines of the months compared.
  static func all(
    metrics: [Metric], valuesByMetric: [String: [Month: MetricValue]], settings: Settings, quarter: Quarter?, asOf: Month
  ) -> [Objective] {
    metrics.sorted { $0.name < $1.name }.compactMap { metric -> Objective? in
      guard let target = metric.target else { return nil }
      let values = valuesByMetric[metric.name] ?? [:]
      let compared = quarter.map { $0.months.filter { $0 <= asOf && values[$0] != nil } } ?? []
      var baseline = MoneyMetric.mean(of: values, in: settings.baselineWindow)
      // A kpi need not have every calendar month: without them its objective keeps the plain mean.
      if settings.baselineMethod == .seasonal, !compared.isEmpty, baseline != nil,
        let seasonal = try? MoneyMetric.seasonalMeans(
          metric, inWindow: values.filter { settings.baselineWindow.contains($0.key) }, settings: settings)
      {
        baseline = (compared.reduce(Rational.zero) { $0 + seasonal($1) } / Rational(compared.count))!
      }
      let current = compared.isEmpty
        ? nil : (compared.reduce(Rational.zero) { $0 + values[$1]!.rational } / Rational(compared.count))!
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
    case .cost, .hours: true
    case .count(let unitValue): unitValue.minor < 0
    case .revenue, .kpi: false
    }
  }
}
