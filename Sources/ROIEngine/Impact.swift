/// Each metric before and after go-live (the method's step 3): its baseline, its average since
/// go-live, the difference and what that is worth a month, and month by month.
public struct MetricImpact: Sendable {
  public let metric: Metric
  /// The mean of its baseline snapshots (with the seasonal method, of the baselines of the months
  /// compared); nil without baseline snapshots.
  public let baseline: Rational?
  /// The mean of its values from G to A; nil without any.
  public let average: Rational?
  /// average − baseline.
  public let difference: Rational?
  /// The money a month that difference is worth (minor units, attribution applied); nil for a kpi.
  public let monthlyEffect: Rational?
  public let months: [MonthImpact]
  /// Its values in the baseline window, with the baseline each is compared with, oldest first.
  public var before: [(month: Month, value: Rational, baseline: Rational)] = []
  /// 2σ of the baseline, to a millionth, in the metric's unit; nil when it has no σ.
  public var band: Rational? = nil
  /// The control series isolating it, if any.
  public var control: String? = nil
}

/// One month from G to A with a value.
public struct MonthImpact: Sendable {
  public let month: Month
  public let value: Rational
  public let baseline: Rational
  /// With a control series: b(t) × c(t) / b_c(t), what the value is compared with in place of the baseline.
  public var counterfactual: Rational? = nil
  public var difference: Rational { value - (counterfactual ?? baseline) }
  /// The month's benefit in minor units; nil for a kpi.
  public let effect: Rational?
  /// Whether |difference| ≤ 2σ of the baseline; nil when the metric has no σ.
  public let withinBand: Bool?
}

extension ROICalculator {
  /// The impact of each metric named (every metric when `names` is empty), as of A.
  public static func impact(
    settings: Settings, metrics: [Metric], snapshots: [Snapshot], names: [String] = [], through: Quarter? = nil
  ) throws -> [MetricImpact] {
    var asOf = snapshots.map(\.month).max() ?? settings.goLive.advanced(by: -1)
    if let through { asOf = min(asOf, through.lastMonth) }
    var valuesByMetric: [String: [Month: MetricValue]] = [:]
    for snapshot in snapshots { valuesByMetric[snapshot.metric, default: [:]][snapshot.month] = snapshot.value }
    // The baseline the report uses: with `auto`, the one the history calls for.
    var settings = settings
    settings.baselineMethod = BaselineChoice.resolve(settings: settings, metrics: metrics, valuesByMetric: valuesByMetric).method
    let chosen = names.isEmpty ? metrics : try names.map { name in
      guard let metric = metrics.first(where: { $0.name == name.lowercased() }) else {
        throw UnknownMetric(name: name, known: metrics.map(\.name))
      }
      return metric
    }
    return try chosen.sorted { $0.name < $1.name }.map { metric in
      let values = valuesByMetric[metric.name] ?? [:]
      let inWindow = values.filter { settings.baselineWindow.contains($0.key) }
      let after = values.filter { $0.key >= settings.goLive && $0.key <= asOf }.sorted { $0.key < $1.key }
      guard !inWindow.isEmpty else {
        return MetricImpact(metric: metric, baseline: nil, average: mean(after.map(\.value.rational)), difference: nil, monthlyEffect: nil, months: [])
      }
      let control = Counterfactual.control(of: metric, among: metrics, valuesByMetric: valuesByMetric)
      let counterfactual = try Counterfactual(metric, values: values, inWindow: inWindow, control: control, settings: settings)
      let baseline = counterfactual.baseline
      let variance = counterfactual.variance(inWindow, method: settings.baselineMethod)
      let factor = metric.kind.moneyFactor(minorUnits: settings.currency.minorUnits).map {
        $0 * metric.attribution.fraction * Rational(BigInteger.power10(settings.currency.minorUnits))
      }
      let months = after.compactMap { month, value -> MonthImpact? in
        guard let expected = counterfactual.at(month) else { return nil }
        let difference = value.rational - expected
        var impact = MonthImpact(
          month: month, value: value.rational, baseline: baseline(month), effect: factor.map { difference * $0 },
          withinBand: variance.map { difference * difference <= Rational(4) * $0 })
        if control != nil { impact.counterfactual = expected }
        return impact
      }
      let baselineMean = after.isEmpty ? MoneyMetric.mean(of: values, in: settings.baselineWindow) : mean(months.map(\.baseline))
      let average = mean(months.map(\.value))
      // The mean of the months' differences: average − baseline without a control series.
      let difference = months.isEmpty ? nil : mean(months.map(\.difference))
      var result = MetricImpact(
        metric: metric, baseline: baselineMean, average: average, difference: difference,
        monthlyEffect: factor.flatMap { f in difference.map { $0 * f } }, months: months)
      result.before = inWindow.sorted { $0.key < $1.key }.map { ($0.key, $0.value.rational, baseline($0.key)) }
      result.band = variance.map { Rational(2) * ExactRoots.squareRoot($0) }
      result.control = control?.metric.name
      return result
    }
  }

  private static func mean(_ values: [Rational]) -> Rational? {
    values.isEmpty ? nil : (values.reduce(Rational.zero, +) / Rational(values.count))!
  }
}
