/// A money metric prepared for the rows: its monthly benefit from G on and its noise term.
struct MoneyMetric {
  let name: String
  /// Benefit in minor units by month index, for the months from G on that have a snapshot (and,
  /// for a metric with a control series, a control value).
  let benefits: [Int: Rational]
  /// (σ · f · a)² in minor units squared: one month's share of w²; nil when the metric has no σ.
  let noise: Rational?
  /// How many snapshots its baseline has.
  let baselineCount: Int
  /// Its baseline for each month (one mean, or one per calendar month).
  let baseline: (Month) -> Rational
  /// Its snapshots by month.
  let values: [Month: MetricValue]
  /// The metric as defined.
  let metric: Metric
  /// The control series isolating it, if any.
  let control: String?

  init(
    _ metric: Metric, values: [Month: MetricValue], control: (metric: Metric, values: [Month: MetricValue])? = nil,
    settings: Settings
  ) throws {
    name = metric.name
    let window = settings.baselineWindow
    let inWindow = values.filter { window.contains($0.key) }
    guard !inWindow.isEmpty else { throw ROIError.noBaseline(metric: metric.name, window: window) }
    let counterfactual = try Counterfactual(metric, values: values, inWindow: inWindow, control: control, settings: settings)
    baseline = counterfactual.baseline
    self.values = values
    self.metric = metric
    self.control = control?.metric.name
    baselineCount = inWindow.count

    let scale = Rational(BigInteger.power10(settings.currency.minorUnits))
    let factor = metric.kind.moneyFactor(minorUnits: settings.currency.minorUnits)! * metric.attribution.fraction * scale
    var benefits: [Int: Rational] = [:]
    for (month, value) in values where month >= settings.goLive {
      if let expected = counterfactual.at(month) { benefits[month.index] = (value.rational - expected) * factor }
    }
    self.benefits = benefits
    noise = counterfactual.variance(inWindow, method: settings.baselineMethod).map { $0 * factor * factor }
  }

  /// 1 − its risk (or `defaultRisk` when it has none): the share of its benefit counted as certain.
  func keptShare(defaultRisk: Percent) -> Rational { Rational.one - (metric.risk ?? defaultRisk).fraction }

  /// The baseline for a month: one mean, or one per calendar month.
  static func baseline(
    _ metric: Metric, values: [Month: MetricValue], inWindow: [Month: MetricValue], settings: Settings
  ) throws -> (Month) -> Rational {
    let window = settings.baselineWindow
    switch settings.baselineMethod {
    case .mean, .auto:  // `auto` is resolved to one of the two before a report is computed
      let mean = MoneyMetric.mean(of: values, in: window)!
      return { _ in mean }
    case .seasonal:
      return try seasonalMeans(metric, inWindow: inWindow, settings: settings)
    }
  }

  /// The mean of the window's snapshots in each calendar month; every calendar month must have one.
  static func seasonalMeans(_ metric: Metric, inWindow: [Month: MetricValue], settings: Settings) throws -> (Month) -> Rational {
    let window = settings.baselineWindow
    guard settings.baselineMonths >= 12 else { throw ROIError.seasonalNeedsAYear(baselineMonths: settings.baselineMonths) }
    var byCalendarMonth: [Int: [MetricValue]] = [:]
    for (month, value) in inWindow { byCalendarMonth[month.number, default: []].append(value) }
    let missing = (1...12).filter { byCalendarMonth[$0] == nil }
    guard missing.isEmpty else {
      throw ROIError.seasonalMonthsMissing(metric: metric.name, months: missing, window: window)
    }
    let means = byCalendarMonth.mapValues { values in
      Rational(
        numerator: values.reduce(BigInteger(0)) { $0 + BigInteger($1.tenThousandths) },
        denominator: BigInteger(values.count) * BigInteger.power10(MetricValue.scale))
    }
    return { means[$0.number]! }
  }

  /// The mean of the values whose month falls in `range`; nil when there are none.
  static func mean(of values: [Month: MetricValue], in range: ClosedRange<Month>) -> Rational? {
    var sum = BigInteger(0)
    var count = 0
    for (month, value) in values where range.contains(month) {
      sum += BigInteger(value.tenThousandths)
      count += 1
    }
    guard count > 0 else { return nil }
    return Rational(numerator: sum, denominator: BigInteger(count) * BigInteger.power10(MetricValue.scale))
  }
}

/// Every money metric's benefit, month by month, and the noise band's width over a set of months.
struct Benefits {
  let metrics: [MoneyMetric]

  /// A: benefit counts for months from G to A only.
  let asOf: Month

  init(metrics: [Metric], valuesByMetric: [String: [Month: MetricValue]], settings: Settings, asOf: Month) throws {
    self.metrics = try metrics.filter(\.kind.addsMoney).sorted { $0.name < $1.name }.map { metric in
      try MoneyMetric(
        metric, values: valuesByMetric[metric.name] ?? [:],
        control: Counterfactual.control(of: metric, among: metrics, valuesByMetric: valuesByMetric), settings: settings)
    }
    self.asOf = asOf
  }

  func total(at month: Month) -> Rational {
    guard month <= asOf else { return .zero }
    return metrics.reduce(Rational.zero) { $0 + ($1.benefits[month.index] ?? .zero) }
  }

  /// The month's benefit with each metric's own risk set aside (`defaultRisk` for metrics without
  /// one). Risk discounts a gain only: a metric's loss in a month counts whole, so that a more
  /// cautious risk never makes the figures better.
  func riskAdjusted(at month: Month, defaultRisk: Percent) -> Rational {
    guard month <= asOf else { return .zero }
    return metrics.reduce(Rational.zero) { sum, metric in
      let benefit = metric.benefits[month.index] ?? .zero
      return sum + (benefit.signum > 0 ? benefit * metric.keptShare(defaultRisk: defaultRisk) : benefit)
    }
  }

  /// Whether every money metric has a σ, so that noise bands can be drawn.
  var hasNoise: Bool { metrics.allSatisfy { $0.noise != nil } }

  /// w(S) = 2·√(Σ over months in S up to A, over money metrics with a snapshot then, of (σ·f·a)²);
  /// nil when a money metric has no σ.
  func noiseWidth(_ months: [Month]) -> Rational? {
    guard hasNoise else { return nil }
    var sum = Rational.zero
    for month in months where month <= asOf {
      for metric in metrics where metric.benefits[month.index] != nil { sum += metric.noise! }
    }
    return Rational(2) * ExactRoots.squareRoot(sum)
  }

  /// Months in which some money metric has no snapshot (it adds 0 there).
  func missing(_ months: [Month]) -> [Month] {
    months.filter { month in metrics.contains { $0.benefits[month.index] == nil } }
  }
}
