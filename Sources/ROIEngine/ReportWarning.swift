/// Something that makes the report's figures less trustworthy, with what to do about it.
public struct ReportWarning: Hashable, Sendable {
  /// The warnings' codes, as the JSON contract names them.
  public enum Code: String, CaseIterable, Sendable {
    case shortHistory = "short_history"
    case thinBaseline = "thin_baseline"
    case seasonalPattern = "seasonal_pattern"
    case doubleCount = "double_count"
    case withinNoise = "within_noise"
    case missingMonths = "missing_months"
    case partialQuarter = "partial_quarter"
    case customerHistoryShort = "customer_history_short"
    case incompleteMonth = "incomplete_month"
    case fecEntriesRegrouped = "fec_entries_regrouped"
    case possibleDuplicateExpense = "possible_duplicate_expense"
    case ordersWithoutCustomer = "orders_without_customer"
    case staleData = "stale_data"
  }

  public let code: Code
  /// The metric it is about, if it is about one.
  public let metric: String?
  /// In English, as the JSON contract gives it.
  public var message: String { text(.en) }
  /// The figures the message is made of, by name (months as YYYY-MM, counts as digits), for a
  /// renderer that says it in another language.
  public let details: [String: String]

  init(code: Code, metric: String?, details: [String: String] = [:]) {
    self.code = code
    self.metric = metric
    self.details = details
  }

  /// Fewer baseline values than this make a baseline thin.
  public static let thinBaseline = 6
  /// Fewer months from G to A than this make a short history.
  public static let shortHistory = 3

  static func all(settings: Settings, metrics: [Metric], benefits: Benefits, rows: [QuarterRow], asOf: Month) -> [ReportWarning] {
    var warnings: [ReportWarning] = []
    let months = settings.goLive.distance(to: asOf) + 1
    if months >= 1, months < shortHistory {
      warnings.append(ReportWarning(
        code: .shortHistory, metric: nil,
        details: ["months": "\(max(0, months))", "goLive": "\(settings.goLive)", "asOf": "\(asOf)", "settle": "\(shortHistory)"]))
    }
    for metric in benefits.metrics where metric.baselineCount < thinBaseline {
      warnings.append(ReportWarning(
        code: .thinBaseline, metric: metric.name,
        details: ["metric": metric.name, "count": "\(metric.baselineCount)", "fewer": "\(thinBaseline)"]))
    }
    if settings.baselineMethod != .seasonal {
      for metric in benefits.metrics {
        let inWindow = metric.values.filter { settings.baselineWindow.contains($0.key) }
        if let month = SeasonalPattern.standout(in: inWindow) {
          warnings.append(ReportWarning(
            code: .seasonalPattern, metric: metric.name,
            details: ["metric": metric.name, "calendarMonth": "\(month)"]))
        }
      }
    }
    if let revenue = metrics.first(where: { if case .revenue = $0.kind { true } else { false } }) {
      for metric in metrics {
        guard case .count(let unitValue) = metric.kind, unitValue.minor > 0 else { continue }
        warnings.append(ReportWarning(
          code: .doubleCount, metric: metric.name,
          details: ["metric": metric.name, "revenue": revenue.name]))
      }
    }
    if let last = rows.last, let low = last.rollingAnnualROILow, let high = last.rollingAnnualROIHigh, low.signum <= 0, high.signum >= 0 {
      warnings.append(ReportWarning(
        code: .withinNoise, metric: nil,
        details: ["quarter": "\(last.quarter.firstMonth)", "fiscalYearStart": "\(last.quarter.fiscalYearStart)"]))
    }
    return warnings + missing(benefits: benefits, rows: rows) + partial(rows: rows, settings: settings, asOf: asOf)
  }

  /// Each metric's months missing from the quarters, its own or its control series'.
  static func missing(benefits: Benefits, rows: [QuarterRow]) -> [ReportWarning] {
    var warnings: [ReportWarning] = []
    let rowMissing = rows.flatMap(\.missingMonths)
    for metric in benefits.metrics {
      let missing = rowMissing.filter { metric.benefits[$0.index] == nil }
      // A month the metric has a value for is missing because its control series has none.
      let own = missing.filter { metric.values[$0] == nil }
      let control = missing.filter { metric.values[$0] != nil }
      if !own.isEmpty {
        warnings.append(ReportWarning(
          code: .missingMonths, metric: metric.name,
          details: ["metric": metric.name, "months": own.map(\.description).joined(separator: " ")]))
      }
      if let name = metric.control, !control.isEmpty {
        warnings.append(ReportWarning(
          code: .missingMonths, metric: metric.name,
          details: ["metric": metric.name, "control": name, "months": control.map(\.description).joined(separator: " ")]))
      }
    }
    return warnings
  }

  /// The quarters only partly logged. Before any value since go-live, the "As of" line says so.
  static func partial(rows: [QuarterRow], settings: Settings, asOf: Month) -> [ReportWarning] {
    var warnings: [ReportWarning] = []
    for row in rows where row.isPartial && asOf >= settings.goLive {
      warnings.append(ReportWarning(
        code: .partialQuarter, metric: nil,
        details: [
          "quarter": "\(row.quarter.firstMonth)", "fiscalYearStart": "\(row.quarter.fiscalYearStart)", "asOf": "\(asOf)",
          "covered": "\(row.quarter.months.filter { $0 <= asOf && $0 >= settings.goLive }.count)",
        ]))
    }
    return warnings
  }
}

/// The test behind the `seasonal_pattern` warning, on one metric's baseline values (docs/method.md shows
/// how often it fires, by simulation): a calendar month stands out when the mean of its values lies
/// more than 4 sample standard deviations of the other months' values from their mean. It needs a
/// value in each of the 12 calendar months; it is computed exactly (squares, no root).
public enum SeasonalPattern {
  /// How many standard deviations make a month stand out.
  public static let threshold = 4

  /// The calendar month (1…12) that stands out most, if one does.
  public static func standout(in values: [Month: MetricValue]) -> Int? { detail(in: values)?.month }

  /// The month that stands out most, with the mean of its values and the mean of the other months' values.
  static func detail(in values: [Month: MetricValue]) -> (month: Int, own: Rational, others: Rational)? {
    var byCalendarMonth: [Int: [Rational]] = [:]
    for (month, value) in values { byCalendarMonth[month.number, default: []].append(value.rational) }
    guard byCalendarMonth.count == 12 else { return nil }
    var best: (month: Int, score: Rational, own: Rational, others: Rational)?
    for (month, own) in byCalendarMonth {
      let rest = byCalendarMonth.filter { $0.key != month }.flatMap(\.value)
      guard rest.count >= 3 else { continue }
      let mean = (rest.reduce(Rational.zero, +) / Rational(rest.count))!
      let variance = (rest.reduce(Rational.zero) { $0 + ($1 - mean) * ($1 - mean) } / Rational(rest.count - 1))!
      let ownMean = (own.reduce(Rational.zero, +) / Rational(own.count))!
      let distance = (ownMean - mean) * (ownMean - mean)
      let limit = variance * Rational(threshold * threshold)
      guard distance > limit else { continue }
      // Score: distance² / variance, compared as fractions (variance may be 0: any distance stands out).
      let score = variance.isZero ? distance * Rational(1_000_000) : (distance / variance)!
      if best == nil || score > best!.score { best = (month, score, ownMean, mean) }
    }
    return best.map { ($0.month, $0.own, $0.others) }
  }
}
