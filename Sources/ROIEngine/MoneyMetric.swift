/// A money metric prepared for the rows: its monthly benefit from G on and its noise term.
struct MoneyMetric {
  let name: String
  /// Benefit in minor units by month index, for the months from G on that have a snapshot.
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

  init(_ metric: Metric, values: [Month: MetricValue], settings: Settings) throws {
    name = metric.name
    let window = settings.baselineWindow
    let inWindow = values.filter { window.contains($0.key) }
    guard !inWindow.isEmpty else { throw ROIError.noBaseline(metric: metric.name, window: window) }
    let baseline = try MoneyMetric.baseline(metric, values: values, inWindow: inWindow, settings: settings)
    self.baseline = baseline
    self.values = values
    self.metric = metric
    baselineCount = inWindow.count

    let scale = Rational(BigInteger.power10(settings.currency.minorUnits))
    let factor = metric.kind.moneyFactor(minorUnits: settings.currency.minorUnits)! * metric.attribution.fraction * scale
    var benefits: [Int: Rational] = [:]
    for (month, value) in values where month >= settings.goLive {
      benefits[month.index] = (value.rational - baseline(month)) * factor
    }
    self.benefits = benefits
    noise = MoneyMetric.variance(inWindow, baseline: baseline, method: settings.baselineMethod).map { $0 * factor * factor }
  }

  /// σ²: with the mean method the sample variance (n − 1) of the baseline snapshots; with the
  /// seasonal method Σ r² / (N − c), r being each snapshot's difference from its calendar month's
  /// mean and c the number of calendar months. nil with fewer than 2 snapshots, or (seasonal) when
  /// a calendar month has fewer than 2.
  static func variance(_ inWindow: [Month: MetricValue], baseline: (Month) -> Rational, method: BaselineMethod) -> Rational? {
    guard inWindow.count >= 2 else { return nil }
    var squares = Rational.zero
    for (month, value) in inWindow {
      let residual = value.rational - baseline(month)
      squares += residual * residual
    }
    switch method {
    case .mean:
      return (squares / Rational(inWindow.count - 1))!
    case .seasonal:
      var perCalendarMonth: [Int: Int] = [:]
      for month in inWindow.keys { perCalendarMonth[month.number, default: 0] += 1 }
      guard perCalendarMonth.values.allSatisfy({ $0 >= 2 }) else { return nil }
      return (squares / Rational(inWindow.count - perCalendarMonth.count))!
    }
  }

  /// The baseline for a month: one mean, or one per calendar month.
  static func baseline(
    _ metric: Metric, values: [Month: MetricValue], inWindow: [Month: MetricValue], settings: Settings
  ) throws -> (Month) -> Rational {
    let window = settings.baselineWindow
    switch settings.baselineMethod {
    case .mean:
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
    self.metrics = try metrics.filter(\.kind.addsMoney).sorted { $0.name < $1.name }.map {
      try MoneyMetric($0, values: valuesByMetric[$0.name] ?? [:], settings: settings)
    }
    self.asOf = asOf
  }

  func total(at month: Month) -> Rational {
    guard month <= asOf else { return .zero }
    return metrics.reduce(Rational.zero) { $0 + ($1.benefits[month.index] ?? .zero) }
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
