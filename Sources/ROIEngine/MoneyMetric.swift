/// A money metric prepared for the rows: its monthly benefit from G on and its noise term.
struct MoneyMetric {
  let name: String
  /// Benefit in minor units by month index, for the months from G on that have a snapshot.
  let benefits: [Int: Rational]
  /// (σ · f · a)² in minor units squared: one month's share of w².
  let noise: Rational

  init(_ metric: Metric, values: [Month: MetricValue], settings: Settings) throws {
    name = metric.name
    let window = settings.baselineWindow
    let inWindow = values.filter { window.contains($0.key) }
    guard !inWindow.isEmpty else { throw ROIError.noBaseline(metric: metric.name, window: window) }
    let baseline = try MoneyMetric.baseline(metric, values: values, inWindow: inWindow, settings: settings)

    let scale = Rational(BigInteger.power10(settings.currency.minorUnits))
    let factor = metric.kind.moneyFactor(minorUnits: settings.currency.minorUnits)! * metric.attribution.fraction * scale
    var benefits: [Int: Rational] = [:]
    for (month, value) in values where month >= settings.goLive {
      benefits[month.index] = (value.rational - baseline(month)) * factor
    }
    self.benefits = benefits

    // Sample variance (n − 1) of the window's values; 0 with fewer than two.
    var variance = Rational.zero
    if inWindow.count >= 2 {
      let mean = MoneyMetric.mean(of: values, in: window)!
      let squares = inWindow.values.reduce(Rational.zero) { sum, value in
        let deviation = value.rational - mean
        return sum + deviation * deviation
      }
      variance = (squares / Rational(inWindow.count - 1))!
    }
    noise = variance * factor * factor
  }

  /// The baseline for a month: one mean, or one per calendar month.
  private static func baseline(
    _ metric: Metric, values: [Month: MetricValue], inWindow: [Month: MetricValue], settings: Settings
  ) throws -> (Month) -> Rational {
    let window = settings.baselineWindow
    switch settings.baselineMethod {
    case .mean:
      let mean = MoneyMetric.mean(of: values, in: window)!
      return { _ in mean }
    case .seasonal:
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

  init(metrics: [Metric], valuesByMetric: [String: [Month: MetricValue]], settings: Settings) throws {
    self.metrics = try metrics.filter(\.kind.addsMoney).sorted { $0.name < $1.name }.map {
      try MoneyMetric($0, values: valuesByMetric[$0.name] ?? [:], settings: settings)
    }
  }

  func total(at month: Month) -> Rational {
    metrics.reduce(Rational.zero) { $0 + ($1.benefits[month.index] ?? .zero) }
  }

  /// w(S) = 2·√(Σ over months in S, over money metrics with a snapshot then, of (σ·f·a)²).
  func noiseWidth(_ months: [Month]) -> Rational {
    var sum = Rational.zero
    for month in months {
      for metric in metrics where metric.benefits[month.index] != nil { sum += metric.noise }
    }
    return Rational(2) * ExactRoots.squareRoot(sum)
  }

  /// Months in which some money metric has no snapshot (it adds 0 there).
  func missing(_ months: [Month]) -> [Month] {
    months.filter { month in metrics.contains { $0.benefits[month.index] == nil } }
  }
}
