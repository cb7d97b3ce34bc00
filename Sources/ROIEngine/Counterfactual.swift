/// What a metric would have been without the CRM, month by month: its baseline b(t); or, isolated
/// by a control series c the CRM did not touch, b(t) × c(t) / b_c(t), b_c being the control's own
/// baseline for t (the ratio form of difference-in-differences, CausalImpact's idea).
struct Counterfactual {
  /// b(t): the metric's baseline (one mean, or one per calendar month).
  let baseline: (Month) -> Rational
  /// The control series, its values and its baseline b_c(t), when the metric has one.
  let control: (name: String, values: [Month: MetricValue], baseline: (Month) -> Rational)?

  /// `inWindow`: the metric's values in the baseline window (not empty). `control`: the metric's
  /// control series and its values, if it has one; a control without baseline values, or whose
  /// baseline is 0, is refused (the ratio would be undefined).
  init(
    _ metric: Metric, values: [Month: MetricValue], inWindow: [Month: MetricValue],
    control: (metric: Metric, values: [Month: MetricValue])?, settings: Settings
  ) throws {
    baseline = try MoneyMetric.baseline(metric, values: values, inWindow: inWindow, settings: settings)
    guard let control else {
      self.control = nil
      return
    }
    let controlWindow = control.values.filter { settings.baselineWindow.contains($0.key) }
    guard !controlWindow.isEmpty else {
      throw ROIError.noControlBaseline(control: control.metric.name, metric: metric.name, window: settings.baselineWindow)
    }
    // A ratio to a series whose baseline is negative, or that goes through 0, has no meaning: a
    // control going from −10 to +10 would say the metric "should" have changed sign.
    if let negative = control.values.filter({ $0.value.rational.signum < 0 }).keys.min() {
      throw ROIError.controlNotPositive(control: control.metric.name, metric: metric.name, month: negative)
    }
    let controlBaseline = try MoneyMetric.baseline(control.metric, values: control.values, inWindow: controlWindow, settings: settings)
    let months = settings.baselineMethod == .mean ? [settings.goLive] : (1...12).map { Month(year: settings.goLive.year, month: $0) }
    if let zero = months.first(where: { controlBaseline($0).isZero }) {
      throw ROIError.controlBaselineZero(control: control.metric.name, metric: metric.name, month: zero.number, seasonal: settings.baselineMethod == .seasonal)
    }
    self.control = (control.metric.name, control.values, controlBaseline)
  }

  /// The counterfactual of `month`; nil when the control series has no value then.
  func at(_ month: Month) -> Rational? {
    guard let control else { return baseline(month) }
    guard let value = control.values[month] else { return nil }
    return (baseline(month) * value.rational / control.baseline(month))!
  }

  /// σ² of the baseline months' residuals v − counterfactual (months without a control value left
  /// out): with the mean method Σ r² / (n − 1); with the seasonal one Σ r² / (N − c), c the number
  /// of calendar months. nil with fewer than 2 residuals, or (seasonal) a calendar month with fewer than 2.
  func variance(_ inWindow: [Month: MetricValue], method: BaselineMethod) -> Rational? {
    var residuals: [Month: Rational] = [:]
    for (month, value) in inWindow {
      if let expected = at(month) { residuals[month] = value.rational - expected }
    }
    guard residuals.count >= 2 else { return nil }
    let squares = residuals.values.reduce(Rational.zero) { $0 + $1 * $1 }
    switch method {
    case .mean, .auto:  // `auto` is resolved before a report is computed
      return (squares / Rational(residuals.count - 1))!
    case .seasonal:
      var perCalendarMonth: [Int: Int] = [:]
      for month in residuals.keys { perCalendarMonth[month.number, default: 0] += 1 }
      guard perCalendarMonth.values.allSatisfy({ $0 >= 2 }) else { return nil }
      return (squares / Rational(residuals.count - perCalendarMonth.count))!
    }
  }

  /// The control series of `metric` among `metrics`, with its values.
  static func control(
    of metric: Metric, among metrics: [Metric], valuesByMetric: [String: [Month: MetricValue]]
  ) -> (metric: Metric, values: [Month: MetricValue])? {
    metrics.first { $0.controlFor == metric.name }.map { ($0, valuesByMetric[$0.name] ?? [:]) }
  }
}
