/// The ROI method: marginal profit against the months before go-live, divided by the CRM's total cost.
public enum ROICalculator {
  /// Computes the quarterly history of `costItems`, `metrics` and `snapshots` under `settings`.
  /// With `through`, the history stops at that quarter: payback, objectives and the discounted view
  /// are as of its end. With `from`, rows before that quarter are left out of `quarters` (their
  /// costs and benefits still count in the cumulative figures).
  public static func report(
    settings: Settings, costItems: [CostItem], metrics: [Metric], snapshots: [Snapshot],
    from: Quarter? = nil, through: Quarter? = nil, discount: DiscountOptions = DiscountOptions(), project: Bool = false,
    plan: BusinessCase = BusinessCase(), intangibles: [Intangible] = [], sources: SourceFacts? = nil
  ) throws -> ROIReport {
    if let from, let through, through < from { throw ROIError.emptyQuarterRange(from: from, to: through) }
    let goLive = settings.goLive
    var valuesByMetric: [String: [Month: MetricValue]] = [:]
    for snapshot in snapshots { valuesByMetric[snapshot.metric, default: [:]][snapshot.month] = snapshot.value }
    let choice = BaselineChoice.resolve(settings: settings, metrics: metrics, valuesByMetric: valuesByMetric)
    var settings = settings
    settings.baselineMethod = choice.method

    let costs = CostSchedule(costItems, horizonEnd: settings.horizonEnd)
    var asOf = snapshots.map(\.month).max() ?? goLive.advanced(by: -1)
    if let through { asOf = min(asOf, through.lastMonth) }
    let benefits = try Benefits(metrics: metrics, valuesByMetric: valuesByMetric, settings: settings, asOf: asOf)
    let planCosts = CostSchedule(plan.costs.map(\.costItem), horizonEnd: settings.horizonEnd)
    // Rows start at the earliest cost, actual or planned, so that every planned cost to A is in a row.
    let first = min(goLive, costs.firstMonth ?? goLive, planCosts.firstMonth ?? goLive)
    var last = max(goLive, snapshots.map(\.month).max() ?? goLive, costs.lastOneTimeMonth ?? goLive)
    if let through { last = min(last, through.lastMonth) }
    var rows = first <= last
      ? QuarterRows.build(from: first, to: last, settings: settings, costs: costs, benefits: benefits) : []
    if !plan.isEmpty { rows = QuarterRows.addingPlan(plan, costs: planCosts, to: rows, settings: settings, asOf: asOf) }

    let payback = Payback(rows: rows)
    let span = rows.first.flatMap { first in rows.last.map { first.quarter.firstMonth...$0.quarter.lastMonth } }
    let discounted = DiscountedView(options: discount, months: span, goLive: goLive, costs: costs, benefits: benefits)
    let pace = rows.last.map { Projection(last: $0, breakEven: payback.breakEvenQuarter, settings: settings, costs: costs, benefits: benefits) }
    let projection = project ? pace : nil
    let objectives = Objective.all(
      metrics: metrics, valuesByMetric: valuesByMetric, settings: settings, quarter: rows.last?.quarter, asOf: asOf)
    let noiseUnavailable = benefits.metrics.first { $0.noise == nil }.map { metric in
      Phrase(settings.baselineMethod == .seasonal ? .noNoiseBandSeasonal : .noNoiseBand, ["metric": metric.name])
    }
    // Stale by the latest month logged, not the end of `--to`: a view of the past is not stale.
    let staleBefore = snapshots.map(\.month).max().flatMap { latest in sources?.staleBefore(asOf: latest, hasValues: true) }
    let warnings = self.warnings(
      settings: settings, metrics: metrics, benefits: benefits, rows: rows, asOf: asOf, sources: sources, staleBefore: staleBefore, choice: choice)
    var report = ROIReport(
      settings: settings, totalCostOfOwnership: costs.totalCost, costToAsOf: costs.cost(through: asOf),
      quarters: rows.filter { row in from.map { row.quarter >= $0 } ?? true }, allRows: rows, lastQuarter: rows.last?.quarter,
      asOf: asOf,
      rollingMonths: rows.last.map { QuarterRows.rollingWindow(endingAt: min($0.quarter.lastMonth, asOf), goLive: goLive).count } ?? 0,
      noiseUnavailable: noiseUnavailable, warnings: warnings, payback: payback, objectives: objectives, discounted: discounted,
      projection: projection)
    report.tei = TEITable(
      rate: discount.rate, defaultRisk: discount.risk, first: rows.first?.quarter.firstMonth ?? goLive, settings: settings,
      costs: costs, benefits: benefits)
    if !plan.isEmpty {
      report.plan = PlanComparison(
        plan, costs: planCosts, metrics: metrics, settings: settings, asOf: asOf, actualCosts: costs, benefits: benefits,
        payback: payback, pace: pace)
    }
    completing(&report, metrics: metrics, benefits: benefits, costs: costs, discount: discount, choice: choice, staleBefore: staleBefore)
    report.intangibles = intangibles
    return report
  }

  /// The warnings of a report: the method's, the data sources', stale data; with `auto`, the
  /// season's is left to the baseline line and the verdict, which say what to do.
  static func warnings(
    settings: Settings, metrics: [Metric], benefits: Benefits, rows: [QuarterRow], asOf: Month, sources: SourceFacts?,
    staleBefore: Month?, choice: BaselineChoice
  ) -> [ReportWarning] {
    var warnings = ReportWarning.all(settings: settings, metrics: metrics, benefits: benefits, rows: rows, asOf: asOf)
      + (sources.map { SourceWarnings.all($0, settings: settings, metrics: metrics) } ?? [])
      + (staleBefore.map { [ReportWarning(code: .staleData, metric: nil, details: ["asOf": "\(asOf)", "lastComplete": "\($0)"])] } ?? [])
    if choice.reason != .set { warnings.removeAll { $0.code == .seasonalPattern } }
    return warnings
  }

  /// The controls, the risks, the baseline chosen and the verdict, from the rest of the report.
  static func completing(
    _ report: inout ROIReport, metrics: [Metric], benefits: Benefits, costs: CostSchedule, discount: DiscountOptions,
    choice: BaselineChoice, staleBefore: Month?
  ) {
    let (settings, asOf, goLive) = (report.settings, report.asOf, report.settings.goLive)
    report.controls = metrics.compactMap { control in control.controlFor.map { (metric: $0, control: control.name) } }
      .sorted { $0.metric < $1.metric }
    report.risks = benefits.metrics.map { ($0.name, $0.metric.risk ?? discount.risk) }
    report.baselineChoice = choice
    let toDate = settings.goLive <= asOf ? Array(sequence(first: goLive) { $0 < asOf ? $0.advanced(by: 1) : nil }) : []
    report.verdict = Verdict(
      settings: settings, asOf: asOf, cost: report.costToAsOf, benefit: report.allRows.last?.cumulativeBenefit ?? .zero,
      noise: toDate.isEmpty ? nil : benefits.noiseWidth(toDate), tei: report.tei!, totalCost: costs.totalCost, choice: choice,
      staleBefore: staleBefore)
  }
}
