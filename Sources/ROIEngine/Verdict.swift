/// The one answer an owner reads first: has the CRM paid for itself, will it within its horizon at
/// this pace, or is it too early to tell. Every page and output says it from this one value.
public struct Verdict: Sendable {
  public enum Status: String, Sendable {
    /// The benefit to date covers the cost to date.
    case paidBack = "paid_back"
    /// Not yet, but the payback month falls within the horizon.
    case onTrack = "on_track"
    /// The payback falls after the horizon, or never at this pace.
    case offTrack = "off_track"
    /// Fewer than `minimumMonths` months since go-live, or the benefit to date within its noise band.
    case tooEarly = "too_early"
  }

  /// Why a verdict is `tooEarly`.
  public enum TooEarly: Sendable {
    case fewMonths
    case withinNoise
  }

  public let status: Status
  public let tooEarly: TooEarly?
  /// Months from G to A (0 when A is before G).
  public let months: Int
  /// A: the month the figures to date run to.
  public let asOf: Month
  /// Every cost that fell up to A, before go-live included.
  public let cost: Rational
  /// The benefit from G to A, before any risk.
  public let benefit: Rational
  public var net: Rational { benefit - cost }
  /// The first month from which the running net (benefits less costs as they fall, undiscounted;
  /// actual to A, then the current pace less each metric's risk on its gains) stays at or above 0 to
  /// the horizon end: the TEI table's payback. nil when there is none within the horizon.
  public let paybackMonth: Month?
  /// Months from G to the payback month, that month counted.
  public let paybackMonths: Int?
  /// Whether the payback is not within the horizon at this pace.
  public let beyondHorizon: Bool
  /// (projected benefit − TCO) / TCO over the horizon, the benefit as in the TEI table; nil without cost.
  public let lifetimeROI: Rational?
  /// Whether no cost is recorded at all (nothing to pay back).
  public let noCost: Bool
  /// With `auto`, a month stands out but there is too little history for a seasonal baseline: the
  /// figures may be the season's; with the baseline window that the months logged would allow.
  public let seasonalCaveat: (standout: SeasonalStandout, widerWindow: Int?)?
  /// When the latest figures are older than they should be: the last complete month they stop before.
  public let staleBefore: Month?

  /// Months since go-live below which it is too early to tell.
  public static let minimumMonths = 3
}

extension Verdict {
  init(
    settings: Settings, asOf: Month, cost: Rational, benefit: Rational, noise: Rational?, tei: TEITable,
    totalCost: Rational, choice: BaselineChoice, staleBefore: Month?
  ) {
    let months = max(0, settings.goLive.distance(to: asOf) + 1)
    let withinNoise = noise.map { (benefit - $0).signum <= 0 && (benefit + $0).signum >= 0 } ?? false
    let payback = tei.paybackMonths.map { settings.goLive.advanced(by: $0 - 1) }
    let tooEarly: TooEarly? = months < Verdict.minimumMonths ? .fewMonths : withinNoise ? .withinNoise : nil
    let status: Status
    if tooEarly != nil {
      status = .tooEarly
    } else if benefit.signum > 0 || cost.signum > 0, benefit >= cost {
      status = .paidBack
    } else {
      status = payback == nil ? .offTrack : .onTrack
    }
    var caveat: (standout: SeasonalStandout, widerWindow: Int?)?
    if case .patternTooLittleHistory(let standout, let wider) = choice.reason { caveat = (standout, wider) }
    self.init(
      status: status, tooEarly: tooEarly, months: months, asOf: asOf, cost: cost, benefit: benefit, paybackMonth: payback,
      paybackMonths: tei.paybackMonths, beyondHorizon: payback == nil, lifetimeROI: (tei.totalBenefit - totalCost) / totalCost,
      noCost: totalCost.isZero, seasonalCaveat: caveat, staleBefore: staleBefore)
  }
}
