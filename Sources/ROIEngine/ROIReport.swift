/// Everything the method computes from a database's history. Money is in exact minor units,
/// ratios are exact fractions; rounding happens only when a renderer writes them.
public struct ROIReport: Sendable {
  public let settings: Settings
  /// Every one-time expense plus every occurrence of every recurring expense up to the horizon end.
  public let totalCostOfOwnership: Rational
  /// Every occurrence up to A: what has been spent while the benefit was measured.
  public let costToAsOf: Rational
  /// The rows asked for (from `--from` on).
  public let quarters: [QuarterRow]
  /// Every row of the history, `--from` or not (the verdict speaks of all of it).
  public let allRows: [QuarterRow]
  /// The last quarter of the history as computed (the end of `--to`, or of the data): what payback
  /// and objectives are as of, whether or not `--from` shows its row.
  public let lastQuarter: Quarter?
  /// A: the latest month holding a snapshot of any metric, capped at the end of `--to`; G − 1 when
  /// there is none. Benefit is counted for the months from G to A only.
  public let asOf: Month
  /// n: how many months the last row's rolling window (and so the projection's run rate) covers.
  public let rollingMonths: Int
  /// Why the noise band fields are null, when they are: a money metric has no σ.
  public let noiseUnavailable: Phrase?
  /// What makes these figures less trustworthy, worst first.
  public let warnings: [ReportWarning]
  public let payback: Payback
  public let objectives: [Objective]
  public let discounted: DiscountedView
  /// Present when asked for.
  public let projection: Projection?
  /// Forrester's yearly cash-flow table, with the IRR and the benefit/cost ratio.
  public var tei: TEITable? = nil
  /// The business case against the actual figures; nil when no plan is recorded.
  public var plan: PlanComparison? = nil
  /// Each metric isolated by a control series, and that series, in metric name order.
  public var controls: [(metric: String, control: String)] = []
  /// The risk applied to each money metric's benefit in the discounted view and the TEI table.
  public var risks: [(metric: String, risk: Percent)] = []
  /// What the CRM brings that carries no money, as listed.
  public var intangibles: [Intangible] = []
  /// The one answer: paid back, on track, off track or too early; nil only in a report built by hand.
  public var verdict: Verdict? = nil
  /// The baseline used (`settings.baselineMethod` is always it, never `auto`) and why.
  public var baselineChoice = BaselineChoice(method: .mean, reason: .set)

  public var currency: Currency { settings.currency }
}

/// One fiscal quarter of the history.
public struct QuarterRow: Sendable {
  public let quarter: Quarter
  public let cost: Rational
  public let benefit: Rational
  /// Benefit per money metric, by metric name in name order.
  public let benefitByMetric: [(metric: String, benefit: Rational)]
  public let cumulativeCost: Rational
  public let cumulativeBenefit: Rational
  /// benefit / TCO; nil while TCO is 0.
  public let roi: Rational?
  /// With W = min(its last month, A): the benefit of the n = min(12, W − G + 1) months ending at W,
  /// × 12 / n / TCO; nil when W is before G.
  public let rollingAnnualROI: Rational?
  /// (cumulative benefit − cumulative cost) / cumulative cost; nil while that cost is 0.
  public let cumulativeNetROI: Rational?
  /// Months from G to A in which a money metric has no snapshot (it adds 0 there).
  public let missingMonths: [Month]
  /// Whether some of its months are after A: not all of it has happened or been logged yet.
  public let isPartial: Bool
  /// benefit ∓ w(its months from G to A): the range the baseline months' own variation spans;
  /// nil when a money metric has no σ (see `ROIReport.noiseUnavailable`).
  public let benefitLow: Rational?
  public let benefitHigh: Rational?
  /// Whether 0 lies within that range: the quarter's benefit may be noise.
  public var withinNoise: Bool? {
    guard let benefitLow, let benefitHigh else { return nil }
    return benefitLow.signum <= 0 && benefitHigh.signum >= 0
  }
  /// The rolling annual ROI with the rolling sum ∓ w(those months).
  public let rollingAnnualROILow: Rational?
  public let rollingAnnualROIHigh: Rational?
  /// The business case's cost of the quarter's months, and its benefit of the months the benefit
  /// counts (G to A); nil without a plan.
  public var planCost: Rational? = nil
  public var planBenefit: Rational? = nil
  /// Actual − planned; nil without a plan.
  public var costVariance: Rational? { planCost.map { cost - $0 } }
  public var benefitVariance: Rational? { planBenefit.map { benefit - $0 } }
  /// The planned figures summed from the first row on.
  public var cumulativePlanCost: Rational? = nil
  public var cumulativePlanBenefit: Rational? = nil
}

/// Something the CRM brings that is not counted in money (the Phillips ROI methodology lists them
/// beside the figures).
public struct Intangible: Hashable, Sendable {
  public let id: Int64
  public let text: String

  public init(id: Int64, text: String) {
    self.id = id
    self.text = text
  }

  /// The text without its outer spaces: 1 to 500 characters (as SQLite counts them), no control characters.
  public static func validate(_ text: String) throws -> String {
    try checkedLine(text, atMost: 500, expected: Phrase(.formIntangible))
  }
}

/// When the CRM pays for itself.
public struct Payback: Sendable {
  /// The first quarter whose cumulative benefit is positive and covers its cumulative cost.
  public let breakEvenQuarter: Quarter?
  /// 1 / the last row's rolling annual ROI, when that is positive.
  public let projectedPaybackYears: Rational?
  /// 1 / the last row's rolling_annual_roi_high, when that is positive.
  public let projectedPaybackYearsLow: Rational?
  /// 1 / the last row's rolling_annual_roi_low, when that is positive.
  public let projectedPaybackYearsHigh: Rational?
}

/// A metric's objective and where it stands in the last quarter of the report.
public struct Objective: Sendable {
  public let metric: Metric
  /// Mean of its snapshots in the baseline window; nil when there are none.
  public let baseline: Rational?
  /// Mean of its snapshots in the last row's quarter; nil when there are none.
  public let current: Rational?
  /// (current − baseline) / |baseline|.
  public let change: Rational?
  /// The value to reach, in the metric's unit.
  public let targetValue: Rational?
  /// Whether current reaches the target (at most it, for metrics where lower is better).
  public let met: Bool?
  public let lowerIsBetter: Bool
  /// The control series the objective is judged by, when the metric has one: baseline and current
  /// are then the counterfactual's and the value's means over the quarter's months with a control value.
  public var control: String? = nil
  /// With a control, the change against the plain baseline (the mean of the months before go-live).
  public var plainChange: Rational? = nil
}

/// The history could not be turned into a report.
public enum ROIError: ExplainedError, Equatable {

  /// A money metric has no snapshot in the baseline window, so its change cannot be measured.
  case noBaseline(metric: String, window: ClosedRange<Month>)
  /// The seasonal baseline needs a window of at least 12 months.
  case seasonalNeedsAYear(baselineMonths: Int)
  /// The seasonal baseline needs every calendar month in the window for every money metric.
  case seasonalMonthsMissing(metric: String, months: [Int], window: ClosedRange<Month>)
  /// `--from` after `--to`.
  case emptyQuarterRange(from: Quarter, to: Quarter)
  /// A control series without a value in the baseline window.
  case noControlBaseline(control: String, metric: String, window: ClosedRange<Month>)
  /// A control series whose baseline is 0 (in calendar month `month` with the seasonal method).
  case controlBaselineZero(control: String, metric: String, month: Int, seasonal: Bool)
  /// A control series with a negative value (its baseline negative, or crossing 0): a ratio to it has no meaning.
  case controlNotPositive(control: String, metric: String, month: Month)

  public var phrase: Phrase {
    switch self {
    case .noBaseline(let metric, let window):
      Phrase(.noBaseline, ["metric": metric, "first": "\(window.lowerBound)", "last": "\(window.upperBound)"])
    case .seasonalNeedsAYear(let months):
      Phrase(.seasonalNeedsAYear, ["count": "\(months)"])
    case .seasonalMonthsMissing(let metric, let months, let window):
      Phrase(.seasonalMonthsMissing, phrases: [
        "metric": .text(metric), "names": .calendarMonths(months),
        "first": .text("\(window.lowerBound)"), "last": .text("\(window.upperBound)"),
      ])
    case .emptyQuarterRange(let from, let to):
      Phrase(.emptyQuarterRange, ["from": "\(from)", "to": "\(to)"])
    case .noControlBaseline(let control, let metric, let window):
      Phrase(.noControlBaseline, ["control": control, "metric": metric, "first": "\(window.lowerBound)", "last": "\(window.upperBound)"])
    case .controlNotPositive(let control, let metric, let month):
      Phrase(.controlNotPositive, ["control": control, "metric": metric, "month": "\(month)"])
    case .controlBaselineZero(let control, let metric, let month, let seasonal):
      seasonal
        ? Phrase(.controlBaselineZeroSeasonal, phrases: ["control": .text(control), "metric": .text(metric), "names": .calendarMonths([month])])
        : Phrase(.controlBaselineZero, ["control": control, "metric": metric])
    }
  }
}
