import Foundation
import Testing

@testable import ROIEngine

/// Part 11's figures against values worked by hand (in euros; the engine works in cents).
@Suite struct BusinessCaseTests {
  func month(_ text: String) -> Month { try! Month(parsing: text) }
  func euros(_ amount: Int64) -> Money { Money(minor: amount * 100) }
  func snapshot(_ metric: String, _ month: String, _ value: Int64) -> Snapshot {
    Snapshot(metric: metric, month: self.month(month), value: MetricValue(tenThousandths: value * 10_000))
  }
  func inEuros(_ minor: Rational) -> Rational { minor * Rational(1, 100) }
  func percent(_ value: Int64) -> Percent { Percent(tenThousandths: value * 10_000) }
  let fullMargin = MetricKind.revenue(margin: Percent(tenThousandths: 1_000_000))

  @Test func aRampRisesLinearlyThenStays() {
    let plan = PlannedBenefit(metric: "sales", monthly: euros(300), from: month("2025-01"), ramp: 3)
    #expect(inEuros(plan.amount(at: month("2024-12"))) == .zero)
    #expect(inEuros(plan.amount(at: month("2025-01"))) == Rational(100))
    #expect(inEuros(plan.amount(at: month("2025-02"))) == Rational(200))
    #expect(inEuros(plan.amount(at: month("2025-03"))) == Rational(300))
    #expect(inEuros(plan.amount(at: month("2030-07"))) == Rational(300))
    #expect(inEuros(PlannedBenefit(metric: "sales", monthly: euros(300), from: month("2025-01")).amount(at: month("2025-01"))) == Rational(300))
  }

  @Test func thePlanAgainstTheActuals() throws {
    // Plan: 1,000 at go-live and 50 a month; sales +300 a month from go-live, ramped over 3 months
    // (100, 200, 300, then 300). Actual: 1,200 spent; sales 1,000 before, then 1,100, 1,150, 1,200
    // at a 50% margin: 50, 75, 100.
    let sales = Metric(name: "sales", kind: .revenue(margin: percent(50)), owner: "Claire")
    let plan = BusinessCase(
      costs: [
        Expense(id: 1, date: try CalendarDate(parsing: "2025-01-15"), category: .license, amount: euros(1_000)),
        Expense(id: 2, date: try CalendarDate(parsing: "2025-01-01"), category: .service, amount: euros(50), recurrence: Recurrence(every: .month)),
      ],
      benefits: [PlannedBenefit(metric: "sales", monthly: euros(300), from: month("2025-01"), ramp: 3)])
    let report = try ROICalculator.report(
      settings: Settings(goLive: month("2025-01"), horizonYears: 1),
      costItems: [CostItem(month: month("2025-01"), amount: euros(1_200))], metrics: [sales],
      snapshots: [snapshot("sales", "2024-12", 1_000), snapshot("sales", "2025-01", 1_100), snapshot("sales", "2025-02", 1_150),
                  snapshot("sales", "2025-03", 1_200)],
      plan: plan)
    let row = try #require(report.quarters.first)
    #expect(report.quarters.count == 1)
    #expect(inEuros(try #require(row.planCost)) == Rational(1_150))  // 1,000 + 3 × 50
    #expect(inEuros(try #require(row.planBenefit)) == Rational(600))  // 100 + 200 + 300
    #expect(inEuros(try #require(row.costVariance)) == Rational(50))  // 1,200 − 1,150
    #expect(inEuros(try #require(row.benefitVariance)) == Rational(-375))  // 225 − 600
    let comparison = try #require(report.plan)
    #expect(inEuros(comparison.totalCostOfOwnership) == Rational(1_600))  // 1,000 + 12 × 50
    // Planned benefit over the first full year: 100 + 200 + 10 × 300 = 3,300; payback 1,600 / 3,300 years.
    #expect(comparison.paybackYears == Rational(16, 33))
    #expect(comparison.roi == Rational(1_700, 1_600))  // (3,300 − 1,600) / 1,600
    #expect(inEuros(comparison.benefitVarianceToDate) == Rational(-375))
    #expect(inEuros(comparison.costVarianceToDate) == Rational(50))
    #expect(comparison.benefits.first?.owner == "Claire")
    // Without a plan the fields are absent.
    let plain = try ROICalculator.report(
      settings: Settings(goLive: month("2025-01"), horizonYears: 1), costItems: [], metrics: [sales],
      snapshots: [snapshot("sales", "2024-12", 1_000), snapshot("sales", "2025-01", 1_100)])
    #expect(plain.plan == nil && plain.quarters[0].planCost == nil && plain.quarters[0].benefitVariance == nil)
  }

  /// The market (the control) grows 10% and the CRM adds 5% on top: sales = 1.10 × 1.05 × baseline.
  func controlledHistory(control: Bool, dropControlIn dropped: String? = nil) throws -> (ROIReport, [MetricImpact]) {
    let baseline = (1...12).map { String(format: "2024-%02d", $0) }
    let after = ["2025-01", "2025-02", "2025-03"]
    let snapshots = baseline.map { snapshot("sales", $0, 1_000) } + baseline.map { snapshot("market", $0, 200) }
      + after.map { snapshot("sales", $0, 1_155) } + after.filter { $0 != dropped }.map { snapshot("market", $0, 220) }
    let metrics = [
      Metric(name: "sales", kind: fullMargin), Metric(name: "market", kind: .kpi, controlFor: control ? "sales" : nil),
    ]
    let settings = Settings(goLive: month("2025-01"))
    return (
      try ROICalculator.report(settings: settings, costItems: [CostItem(month: month("2025-01"), amount: euros(100))], metrics: metrics, snapshots: snapshots),
      try ROICalculator.impact(settings: settings, metrics: metrics, snapshots: snapshots, names: ["sales"])
    )
  }

  @Test func aControlSeriesIsolatesTheCRMsShare() throws {
    // Counterfactual 1,000 × 220 / 200 = 1,100: the isolated change is 55 a month (0.055 × baseline);
    // without the control it is 155 (0.155 × baseline).
    let (isolated, impacts) = try controlledHistory(control: true)
    #expect(inEuros(isolated.quarters[0].benefit) == Rational(3 * 55))
    #expect(isolated.controls.map(\.control) == ["market"] && isolated.controls.map(\.metric) == ["sales"])
    let first = try #require(impacts.first?.months.first)
    #expect(first.counterfactual == Rational(1_100))
    #expect(first.difference == Rational(55))
    #expect(impacts.first?.difference == Rational(55))
    #expect(impacts.first?.control == "market")
    let (plain, plainImpacts) = try controlledHistory(control: false)
    #expect(inEuros(plain.quarters[0].benefit) == Rational(3 * 155))
    #expect(plainImpacts.first?.months.first?.counterfactual == nil)
    // A month without a control value is missing for the metric.
    let (gap, _) = try controlledHistory(control: true, dropControlIn: "2025-02")
    #expect(inEuros(gap.quarters[0].benefit) == Rational(2 * 55))
    #expect(gap.quarters[0].missingMonths == [month("2025-02")])
  }

  @Test func theNoiseBandIsTakenOverTheResidualsAgainstTheControl() throws {
    // Baseline months alternate: market 180 / 220, sales 900 / 1,100. Means 200 and 1,000; residuals
    // v − 1,000 × c / 200 are all 0, so σ = 0 with the control; without it σ² = 12 × 100² / 11.
    let baseline = (1...12).map { String(format: "2024-%02d", $0) }
    let snapshots = baseline.enumerated().flatMap { index, month in
      [snapshot("sales", month, index % 2 == 0 ? 900 : 1_100), snapshot("market", month, index % 2 == 0 ? 180 : 220)]
    } + [snapshot("sales", "2025-01", 1_155), snapshot("market", "2025-01", 220)]
    let settings = Settings(goLive: month("2025-01"))
    func band(control: Bool) throws -> Rational? {
      let metrics = [Metric(name: "sales", kind: fullMargin), Metric(name: "market", kind: .kpi, controlFor: control ? "sales" : nil)]
      return try ROICalculator.impact(settings: settings, metrics: metrics, snapshots: snapshots, names: ["sales"]).first?.band
    }
    #expect(try band(control: true) == .zero)
    let plain = try #require(try band(control: false))
    // 2σ = 2 × √(120,000 / 11) ≈ 208.89.
    #expect(plain > Rational(20_888, 100) && plain < Rational(20_890, 100))
  }

  @Test func aControlWhoseBaselineIsZeroIsRefused() throws {
    let metrics = [Metric(name: "sales", kind: fullMargin), Metric(name: "market", kind: .kpi, controlFor: "sales")]
    #expect(throws: ROIError.controlBaselineZero(control: "market", metric: "sales", month: 1, seasonal: false)) {
      try ROICalculator.report(
        settings: Settings(goLive: self.month("2025-01")), costItems: [], metrics: metrics,
        snapshots: [self.snapshot("sales", "2024-12", 10), self.snapshot("market", "2024-12", 0), self.snapshot("sales", "2025-01", 12)])
    }
  }

  @Test func hoursSavedAreWorthTheirCostTimesTheRealisation() throws {
    // 100 hours a month before, 60 after: 40 hours × 42.50 × 50% = 850.00.
    let report = try ROICalculator.report(
      settings: Settings(goLive: month("2025-01")), costItems: [CostItem(month: month("2025-01"), amount: euros(1_000))],
      metrics: [Metric(name: "admin-hours", kind: .hours(hourlyCost: Money(minor: 4_250), realisation: percent(50)))],
      snapshots: [snapshot("admin-hours", "2024-12", 100), snapshot("admin-hours", "2025-01", 60)])
    #expect(inEuros(report.quarters[0].benefit) == Rational(850))
  }

  @Test func eachMetricsRiskInTheDiscountedView() throws {
    // Two benefits of 100 at a 0% rate: one with its own 50% risk, one with the default 10%: 50 + 90.
    let report = try ROICalculator.report(
      settings: Settings(goLive: month("2025-01")), costItems: [CostItem(month: month("2025-01"), amount: euros(100))],
      metrics: [Metric(name: "a", kind: .cost, risk: percent(50)), Metric(name: "b", kind: .cost)],
      snapshots: [snapshot("a", "2024-12", 200), snapshot("b", "2024-12", 200), snapshot("a", "2025-01", 100), snapshot("b", "2025-01", 100)],
      discount: DiscountOptions(rate: percent(0), risk: percent(10)))
    #expect(inEuros(report.discounted.presentValueOfBenefit) == Rational(140))
    #expect(report.risks.map(\.risk) == [percent(50), percent(10)])
  }

  @Test func theTEITableWithAnInitialCostThreeYearsAndTenPercent() throws {
    // 10,000 before go-live, 1,000 at the start of each year; returns fall from 1,000 to 500 a month
    // through 2025 (A = 2025-12), a 20% risk: 400 a month, 4,800 a year, carried into 2026 and 2027.
    let report = try ROICalculator.report(
      settings: Settings(goLive: month("2025-01"), horizonYears: 3),
      costItems: [
        CostItem(month: month("2024-11"), amount: euros(10_000)),
        CostItem(month: month("2025-01"), amount: euros(1_000), recurrence: Recurrence(every: .year)),
      ],
      metrics: [Metric(name: "returns", kind: .cost, risk: percent(20))],
      snapshots: [snapshot("returns", "2024-12", 1_000)] + (1...12).map { snapshot("returns", String(format: "2025-%02d", $0), 500) },
      discount: DiscountOptions(rate: percent(10)))
    let tei = try #require(report.tei)
    #expect(inEuros(tei.initial.cost) == Rational(10_000) && tei.initial.benefit == .zero)
    #expect(tei.years.map { inEuros($0.cost) } == [1_000, 1_000, 1_000].map { Rational($0) })
    #expect(tei.years.map { inEuros($0.benefit) } == [4_800, 4_800, 4_800].map { Rational($0) })
    #expect(tei.years.map { inEuros($0.cumulativeNet) } == [-6_200, -2_400, 1_400].map { Rational($0) })
    #expect(tei.years.map(\.isProjected) == [false, true, true])
    #expect(inEuros(tei.totalCost) == Rational(13_000) && inEuros(tei.totalBenefit) == Rational(14_400))
    // PV(costs) = 10,000 + 1,000 × (1/1.1 + 1/1.21 + 1/1.331) = 10,000 + 3,310,000 / 1,331.
    #expect(inEuros(tei.presentValueOfCost) == Rational(16_620_000, 1_331))
    #expect(inEuros(tei.presentValueOfBenefit) == Rational(15_888_000, 1_331))  // 4,800 × 3,310 / 1,331
    #expect(inEuros(tei.netPresentValue) == Rational(-732_000, 1_331))
    #expect(tei.roi == Rational(-732_000, 16_620_000))
    #expect(tei.benefitCostRatio == Rational(15_888_000, 16_620_000))
    // Running net: −6,200 after 2025, −2,400 after 2026, −3,000 after 2027-01, then +400 a month:
    // 0 or more in 2027-09, the 33rd month from go-live.
    #expect(tei.paybackMonths == 33)
    // The flows change sign five times (a yearly fee in each January), but their running total
    // once (in 2027-09): Norström's criterion, a single positive rate. At it the monthly flows are
    // worth 0 (checked in floating point here, to a part in a million of the costs).
    let irr = try #require(tei.internalRateOfReturn.annualRate)
    let monthly = pow(1 + irr.approximation, 1.0 / 12) - 1
    var flows = [-10_000.0, 0, -600] + Array(repeating: 400.0, count: 11)
    flows += [-600] + Array(repeating: 400.0, count: 11) + [-600] + Array(repeating: 400.0, count: 11)
    let present = flows.enumerated().reduce(0.0) { $0 + $1.element / pow(1 + monthly, Double($1.offset)) }
    #expect(abs(present) < 0.01)
    #expect(irr > .zero && irr < Rational(1, 10))
  }

  @Test func theIRRAgainstClosedForms() throws {
    func irr(_ flows: [Int64]) -> InternalRateOfReturn { InternalRateOfReturn(monthlyFlows: flows.map { BigInteger($0) }) }
    // −1,000 now and 1,210 in 24 months: (1 + m)^24 = 1.21, so (1 + m)^12 − 1 = 10%.
    let tenPercent = try #require(irr([-1_000] + Array(repeating: 0, count: 23) + [1_210]).annualRate)
    #expect(tenPercent > Rational(99_999, 1_000_000) && tenPercent < Rational(100_001, 1_000_000))
    // −1,000 now and 1,000 in 12 months: 0%.
    let zero = try #require(irr([-1_000] + Array(repeating: 0, count: 11) + [1_000]).annualRate)
    #expect(zero > Rational(-1, 1_000_000) && zero < Rational(1, 1_000_000))
    // −100 now, 150 next month: m = 50%, annual 1.5^12 − 1 = 128.746337890625.
    let fast = try #require(irr([-100, 150]).annualRate)
    #expect(fast > Rational(128_746_337, 1_000_000) && fast < Rational(128_746_339, 1_000_000))
    #expect(irr([-5, -5]) == .noSignChange)
    // −5, +10, −5 = −5 (1 − x)², x = 1 / (1 + m): a double root at 0%.
    #expect(irr([-5, 10, -5]).annualRate == .zero)
    // −100, +230, −132: two rates, 10% and 20% a month (the roots of 100x² − 230x + 132, x = 1 + m);
    // the running total −100, 130, −2 changes sign twice.
    #expect(irr([-100, 230, -132]) == .severalSignChanges(2))
    // −100, +60, −10, +66: the running total −100, −40, −50, 16 changes sign once: a positive rate,
    // and NPV = 0 there.
    let norstrom = try #require(irr([-100, 60, -10, 66]).annualRate)
    let m = pow(1 + norstrom.approximation, 1.0 / 12) - 1
    #expect(abs(-100 + 60 / (1 + m) - 10 / pow(1 + m, 2) + 66 / pow(1 + m, 3)) < 1e-6)
    // −1 then +1,000,000: the rate is 99,999,900 % a month, above the search: "above", not "none".
    #expect(irr([-1, 1_000_000]) == .aboveRange)
    // −1,000,000 then +1: a rate of −99.9999 % a month, below −99 %: out of range.
    #expect(irr([-1_000_000, 1]) == .outOfRange)
    // Gains first, then a cost: a borrowing rate, not a return.
    #expect(irr(Array(repeating: 1_000, count: 11) + [-15_000]) == .benefitsFirst)
  }

  @Test func paybackIsWhenTheRunningNetStaysCovered() throws {
    // Sales 100 → 200 a month at a 100% margin from go-live; 12,000 paid in February. January's
    // +100 is not a payback: the running net falls below 0 in February and never recovers (−10,800).
    let report = try ROICalculator.report(
      settings: Settings(goLive: month("2025-01"), horizonYears: 1),
      costItems: [CostItem(month: month("2025-02"), amount: euros(12_000))],
      metrics: [Metric(name: "sales", kind: fullMargin)],
      snapshots: (1...12).map { snapshot("sales", String(format: "2024-%02d", $0), 100) }
        + (1...12).map { snapshot("sales", String(format: "2025-%02d", $0), 200) })
    let tei = try #require(report.tei)
    #expect(inEuros(tei.years[0].cumulativeNet) == Rational(-10_800))
    #expect(tei.paybackMonths == nil)
  }

  @Test func theInitialColumnHoldsEveryCostBeforeGoLiveEvenBeforeTheRows() throws {
    // --to before the first cost: no rows, yet the TEI table still starts at the first cost.
    let report = try ROICalculator.report(
      settings: Settings(goLive: month("2025-01"), horizonYears: 1),
      costItems: [CostItem(month: month("2024-10"), amount: euros(5_000)), CostItem(month: month("2025-03"), amount: euros(1_000))],
      metrics: [Metric(name: "returns", kind: .cost)], snapshots: [snapshot("returns", "2024-12", 10)],
      through: try Quarter(parsing: "2024Q1", fiscalYearStart: 1))
    let tei = try #require(report.tei)
    #expect(inEuros(tei.initial.cost) == Rational(5_000))
    #expect(inEuros(tei.totalCost) == Rational(6_000))
  }

  @Test func aMonthWithoutAControlValueIsBlamedOnTheControl() throws {
    let (gap, _) = try controlledHistory(control: true, dropControlIn: "2025-02")
    let warning = try #require(gap.warnings.first { $0.code == .missingMonths })
    #expect(warning.message == "control series 'market' has no value for 2025-02: that month counts as no change for 'sales'; log it with crm-roi log")
  }

  @Test func riskSetsAsideGainsNotLosses() throws {
    // At a 0% rate: a gain of 100 with a 50% risk counts 50; a loss of 40 counts whole, whatever the risk.
    func presentBenefit(_ value: Int64) throws -> Rational {
      let report = try ROICalculator.report(
        settings: Settings(goLive: month("2025-01")), costItems: [CostItem(month: month("2025-01"), amount: euros(100))],
        metrics: [Metric(name: "returns", kind: .cost, risk: percent(50))],
        snapshots: [snapshot("returns", "2024-12", 200), snapshot("returns", "2025-01", value)],
        discount: DiscountOptions(rate: percent(0)))
      return inEuros(report.discounted.presentValueOfBenefit)
    }
    #expect(try presentBenefit(100) == Rational(50))
    #expect(try presentBenefit(240) == Rational(-40))
  }

  @Test func theProjectedPaceTakesTheRiskOffItsAverageGain() throws {
    // Costs alternate 4,000 and 6,000 against a 5,000 baseline: gains and losses of 1,000 that
    // average 0. With a 50% risk the years after A are 0, not a loss made up by the risk.
    let report = try ROICalculator.report(
      settings: Settings(goLive: month("2020-01"), horizonYears: 2),
      costItems: [CostItem(month: month("2019-12"), amount: euros(10_000))],
      metrics: [Metric(name: "c", kind: .cost, risk: percent(50))],
      snapshots: [snapshot("c", "2019-06", 5_000)] + (1...12).map { snapshot("c", String(format: "2020-%02d", $0), $0 % 2 == 1 ? 4_000 : 6_000) })
    let tei = try #require(report.tei)
    #expect(tei.years[1].isProjected && tei.years[1].benefit == .zero)
    // Year 1 is actual: six gains of 1,000 at half, six losses of 1,000 whole: −3,000.
    #expect(inEuros(tei.years[0].benefit) == Rational(-3_000))
  }
}
