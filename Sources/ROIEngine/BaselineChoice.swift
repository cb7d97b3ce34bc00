/// A calendar month whose baseline values stand out from the other months' (the seasonal test).
public struct SeasonalStandout: Equatable, Sendable {
  public let metric: String
  /// 1…12.
  public let calendarMonth: Int
  /// (the month's mean − the other months' mean) / |the other months' mean|; nil when that mean is 0.
  public let change: Rational?
}

/// The baseline a report used, and why: the setting that forces one, or with `auto` the seasonal test.
public struct BaselineChoice: Equatable, Sendable {
  public enum Reason: Equatable, Sendable {
    /// `baseline-method mean` or `seasonal` is set (or the view asked for one).
    case set
    /// `auto`, and no money metric has a calendar month that stands out.
    case noPattern
    /// `auto`, no month stands out, but some money metric lacks a calendar month in the window,
    /// so the test could not run on it: mean.
    case notTested
    /// A view (the dashboard's, `roi`'s) asked for this method in place of the setting.
    case view
    /// `auto`, a month stands out and every calendar month has at least 2 baseline values: seasonal.
    case pattern(SeasonalStandout)
    /// `auto`, a month stands out but some calendar month has fewer than 2 baseline values: mean,
    /// and the figures may be the season's. `widerWindow`: the smallest baseline window (in whole
    /// years, at most 120 months) whose months already logged would allow the seasonal baseline.
    case patternTooLittleHistory(SeasonalStandout, widerWindow: Int?)
  }

  /// `mean` or `seasonal`, never `auto`.
  public let method: BaselineMethod
  public let reason: Reason

  public init(method: BaselineMethod, reason: Reason) {
    (self.method, self.reason) = (method, reason)
  }

  /// Values of each calendar month a seasonal baseline chosen for the owner needs (2 give it a noise band).
  public static let valuesPerCalendarMonth = 2

  /// Resolves `settings.baselineMethod` against the money metrics' baseline values (and their control series').
  static func resolve(settings: Settings, metrics: [Metric], valuesByMetric: [String: [Month: MetricValue]]) -> BaselineChoice {
    guard settings.baselineMethod == .auto else { return BaselineChoice(method: settings.baselineMethod, reason: .set) }
    let window = settings.baselineWindow
    func inWindow(_ name: String) -> [Month: MetricValue] { (valuesByMetric[name] ?? [:]).filter { window.contains($0.key) } }
    let money = metrics.filter(\.kind.addsMoney).sorted { $0.name < $1.name }
    let standout = money.lazy.compactMap { metric -> SeasonalStandout? in
      SeasonalPattern.detail(in: inWindow(metric.name)).map { found in
        let others = found.others.signum < 0 ? Rational.zero - found.others : found.others
        return SeasonalStandout(metric: metric.name, calendarMonth: found.month, change: (found.own - found.others) / others)
      }
    }.first
    guard let standout else {
      let testable = money.allSatisfy { Set(inWindow($0.name).keys.map(\.number)).count == 12 }
      return BaselineChoice(method: .mean, reason: testable ? .noPattern : .notTested)
    }
    let series = money.map(\.name) + metrics.filter { $0.controlFor.map { name in money.contains { $0.name == name } } ?? false }.map(\.name)
    func enough(_ window: ClosedRange<Month>) -> Bool {
      series.allSatisfy { name in
        var counts: [Int: Int] = [:]
        for month in (valuesByMetric[name] ?? [:]).keys where window.contains(month) { counts[month.number, default: 0] += 1 }
        return (1...12).allSatisfy { counts[$0, default: 0] >= valuesPerCalendarMonth }
      }
    }
    if enough(window) { return BaselineChoice(method: .seasonal, reason: .pattern(standout)) }
    let wider = stride(from: (settings.baselineMonths / 12 + 1) * 12, through: Settings.baselineMonthsRange.upperBound, by: 12)
      .first { enough(settings.goLive.advanced(by: -$0)...settings.goLive.advanced(by: -1)) }
    return BaselineChoice(method: .mean, reason: .patternTooLittleHistory(standout, widerWindow: wider))
  }
}
