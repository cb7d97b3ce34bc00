/// How a metric's baseline is taken from the months before go-live.
public enum BaselineMethod: String, CaseIterable, Sendable {
  /// The mean of all its snapshots in the baseline window (part 1's method).
  case mean
  /// For each month t, the mean of its window snapshots in t's calendar month: a December is
  /// compared with the Decembers before go-live.
  case seasonal
  /// Chosen for each report (`BaselineChoice`): seasonal when a money metric's baseline has a
  /// calendar month that stands out and the history allows it, mean otherwise. A new database's setting.
  case auto

  public init(parsing text: String) throws {
    guard let method = BaselineMethod(rawValue: text) else { throw ValueError(value: text, expected: Phrase(.formBaselineMethod)) }
    self = method
  }
}

/// The settings of one crm-roi database: the currency and the calendar of the method.
public struct Settings: Equatable, Sendable {
  public var currency: Currency
  /// G: the first month the CRM is in use.
  public var goLive: Month
  /// B: how many months before G form the baseline.
  public var baselineMonths: Int
  /// H: planned years of use; recurring costs run until the horizon end at most.
  public var horizonYears: Int
  /// F: the first month (1…12) of the fiscal year.
  public var fiscalYearStart: Int
  public var baselineMethod: BaselineMethod

  public static let baselineMonthsRange = 1...120
  public static let horizonYearsRange = 1...50
  public static let fiscalYearStartRange = 1...12

  public init(
    currency: Currency = .euro, goLive: Month, baselineMonths: Int = 12, horizonYears: Int = 5,
    fiscalYearStart: Int = 1, baselineMethod: BaselineMethod = .mean
  ) {
    self.currency = currency
    self.goLive = goLive
    self.baselineMonths = baselineMonths
    self.horizonYears = horizonYears
    self.fiscalYearStart = fiscalYearStart
    self.baselineMethod = baselineMethod
  }

  /// G + 12·H − 1: the last month recurring costs are counted in.
  public var horizonEnd: Month { goLive.advanced(by: 12 * horizonYears - 1) }

  /// Refuses settings whose months leave 1900–9999 (the horizon end must be a four-digit year), and
  /// a seasonal baseline over fewer than 12 months (no report could be made).
  public func validate() throws {
    if baselineMethod == .seasonal, baselineMonths < 12 {
      throw ValueError(
        value: "baseline-method seasonal, baseline-months \(baselineMonths)",  // no-catalogue: settings as typed
        expected: Phrase(.formSeasonalNeedsAYear))
    }
    guard horizonEnd.year <= Month.years.upperBound else {
      throw ValueError(
        value: "go-live \(goLive), horizon-years \(horizonYears)",
        expected: Phrase(.formHorizonEnd, ["year": "\(horizonEnd.year)"]))
    }
  }

  /// The B months before G.
  public var baselineWindow: ClosedRange<Month> { goLive.advanced(by: -baselineMonths)...goLive.advanced(by: -1) }

  public func quarter(containing month: Month) -> Quarter {
    Quarter(containing: month, fiscalYearStart: fiscalYearStart)
  }

  /// Parses a whole number setting and checks it against `range`.
  public static func parseInteger(_ text: String, in range: ClosedRange<Int>) throws -> Int {
    guard let value = Int(text), range.contains(value), text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
      throw ValueError(value: text, expected: Phrase(.formWholeNumberRange, ["low": "\(range.lowerBound)", "high": "\(range.upperBound)"]))
    }
    return value
  }
}
