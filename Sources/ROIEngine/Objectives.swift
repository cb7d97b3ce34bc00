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
      var current = compared.isEmpty
        ? nil : (compared.reduce(Rational.zero) { $0 + values[$1]!.rational } / Rational(compared.count))!
      // With a control series the objective is judged against the counterfactual of the months
      // compared (those with a control value); the change against the plain baseline is kept beside it.
      var plainChange: Rational?
      let control = Counterfactual.control(of: metric, among: metrics, valuesByMetric: valuesByMetric)
      let inWindow = values.filter { settings.baselineWindow.contains($0.key) }
      if let control, !inWindow.isEmpty,
        let counterfactual = try? Counterfactual(metric, values: values, inWindow: inWindow, control: control, settings: settings)
      {
        let expected = compared.compactMap { month in counterfactual.at(month).map { (month, $0) } }
        if let plainBaseline = baseline, let plainCurrent = current { plainChange = Objective.relative(plainCurrent, to: plainBaseline) }
        if expected.isEmpty {
          (baseline, current) = (nil, nil)
        } else {
          baseline = (expected.reduce(Rational.zero) { $0 + $1.1 } / Rational(expected.count))!
          current = (expected.reduce(Rational.zero) { $0 + values[$1.0]!.rational } / Rational(expected.count))!
        }
      }
      let lowerIsBetter: Bool
      let targetValue: Rational?
      switch target {
      case .relative(let percent):
        // Against |baseline|: +10 % of an NPS of −20 is −18.
        targetValue = baseline.map { $0 + ($0.signum < 0 ? Rational.zero - $0 : $0) * percent.fraction }
        lowerIsBetter = percent.tenThousandths < 0 || (percent.tenThousandths == 0 && metric.kind.lowerIsBetter)
      case .absolute(let value):
        targetValue = value.rational
        lowerIsBetter = metric.kind.lowerIsBetter
      }
      var met: Bool?
      if let current, let targetValue { met = lowerIsBetter ? current <= targetValue : current >= targetValue }
      var change: Rational?
      if let current, let baseline { change = Objective.relative(current, to: baseline) }
      var objective = Objective(
        metric: metric, baseline: baseline, current: current, change: change, targetValue: targetValue,
        met: met, lowerIsBetter: lowerIsBetter)
      objective.control = control?.metric.name
      objective.plainChange = plainChange
      return objective
    }
  }
}

extension Objective {
  /// (value − reference) / |reference|: a rise is positive whatever the reference's sign; nil when it is 0.
  public static func relative(_ value: Rational, to reference: Rational) -> Rational? {
    (value - reference) / (reference.signum < 0 ? Rational.zero - reference : reference)
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
