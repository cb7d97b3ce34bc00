import Testing

@testable import ROIEngine

/// Part 5's figures against values computed by hand (in euros; the engine works in cents).
@Suite struct HonestROITests {
  func month(_ text: String) -> Month { try! Month(parsing: text) }
  func euros(_ amount: Int64) -> Money { Money(minor: amount * 100) }
  func snapshot(_ metric: String, _ month: String, _ value: Int64) -> Snapshot {
    Snapshot(metric: metric, month: self.month(month), value: MetricValue(tenThousandths: value * 10_000))
  }
  func inEuros(_ minor: Rational) -> Rational { minor * Rational(1, 100) }

  /// Sales of 100 a month in 2024 but 160 in December; in 2025 the same pattern again.
  func seasonalHistory(_ method: BaselineMethod, months: [String]? = nil) throws -> ROIReport {
    let baselineMonths = months ?? (1...12).map { String(format: "2024-%02d", $0) }
    let snapshots = baselineMonths.map { snapshot("sales", $0, $0.hasSuffix("-12") ? 160 : 100) }
      + [snapshot("sales", "2025-01", 100), snapshot("sales", "2025-12", 160)]
    return try ROICalculator.report(
      settings: Settings(goLive: month("2025-01"), baselineMethod: method),
      costItems: [CostItem(month: month("2025-01"), amount: euros(1_000))],
      metrics: [Metric(name: "sales", kind: .revenue(margin: Percent(tenThousandths: 500_000)))],
      snapshots: snapshots)
  }

  @Test func theSeasonalBaselineDoesNotCreditADecemberPeak() throws {
    // Mean baseline: (11 × 100 + 160) / 12 = 105. December: (160 − 105) × 50% = 27.50; January (100 − 105) × 50% = −2.50.
    let mean = try seasonalHistory(.mean)
    #expect(inEuros(mean.quarters.first { $0.quarter.description == "2025Q4" }!.benefit) == Rational(55, 2))
    #expect(inEuros(mean.quarters[0].benefit) == Rational(-5, 2))
    // Seasonal: December is compared with December (160), January with January (100): nothing to credit.
    let seasonal = try seasonalHistory(.seasonal)
    #expect(seasonal.quarters.allSatisfy { $0.benefit == .zero })
    #expect(seasonal.settings.baselineMethod == .seasonal)
  }

  @Test func theSeasonalBaselineNeedsEveryCalendarMonth() throws {
    let withoutMarch = (1...12).filter { $0 != 3 }.map { String(format: "2024-%02d", $0) }
    #expect(throws: ROIError.seasonalMonthsMissing(metric: "sales", months: [3], window: month("2024-01")...month("2024-12"))) {
      try self.seasonalHistory(.seasonal, months: withoutMarch)
    }
    #expect(throws: ROIError.seasonalNeedsAYear(baselineMonths: 6)) {
      try ROICalculator.report(
        settings: Settings(goLive: self.month("2025-01"), baselineMonths: 6, baselineMethod: .seasonal), costItems: [],
        metrics: [Metric(name: "sales", kind: .cost)], snapshots: [self.snapshot("sales", "2024-12", 1)])
    }
  }

  @Test func attributionCreditsOnlyTheCRMsShare() throws {
    // Returns fall from 1,000 to 800: 200 saved, half of it credited to the CRM.
    let report = try ROICalculator.report(
      settings: Settings(goLive: month("2025-01")),
      costItems: [CostItem(month: month("2025-01"), amount: euros(1_000))],
      metrics: [Metric(name: "returns", kind: .cost, attribution: try Metric.parseAttribution("50%"))],
      snapshots: [snapshot("returns", "2024-12", 1_000), snapshot("returns", "2025-01", 800)])
    #expect(inEuros(report.quarters[0].benefit) == Rational(100))
    #expect(throws: ValueError.self) { try Metric.parseAttribution("0%") }
    #expect(throws: ValueError.self) { try Metric.parseAttribution("101%") }
  }

  @Test func noiseBandsAroundTheBenefit() throws {
    // Baseline 90 and 110: mean 100, sample variance (10² + 10²) / 1 = 200, so each month with a value
    // adds 200 to w². Two such months: w = 2·√400 = 40.
    let report = try ROICalculator.report(
      settings: Settings(goLive: month("2025-01")),
      costItems: [CostItem(month: month("2025-01"), amount: euros(1_000))],
      metrics: [Metric(name: "returns", kind: .cost)],
      snapshots: [
        snapshot("returns", "2024-11", 90), snapshot("returns", "2024-12", 110),
        snapshot("returns", "2025-01", 95), snapshot("returns", "2025-02", 95),
        snapshot("returns", "2025-04", 60), snapshot("returns", "2025-05", 60),
      ])
    let (first, second) = (report.quarters[0], report.quarters[1])
    // 2025Q1: benefit 5 + 5 = 10, band −30 to 50: it may be noise.
    #expect(inEuros(first.benefit) == Rational(10))
    #expect(inEuros(try #require(first.benefitLow)) == Rational(-30))
    #expect(inEuros(try #require(first.benefitHigh)) == Rational(50))
    #expect(first.withinNoise == true)
    // 2025Q2: benefit 40 + 40 = 80, band 40 to 120: it is not.
    #expect(inEuros(try #require(second.benefitLow)) == Rational(40))
    #expect(inEuros(try #require(second.benefitHigh)) == Rational(120))
    #expect(second.withinNoise == false)
    // Rolling at 2025Q1, n = 3: (10 ∓ 40) × 12 / 3 / 1,000.
    #expect(first.rollingAnnualROI == Rational(4, 100))
    #expect(first.rollingAnnualROILow == Rational(-12, 100))
    #expect(first.rollingAnnualROIHigh == Rational(20, 100))
    // 2025Q2 is partial: data to A = 2025-05, so W = 2025-05 and n = 5 (June has not been logged,
    // it does not count as a month without benefit). Four months with values: w = 2·√800 = 56.5685…;
    // rolling 90 × 12 / 5 / 1,000 = 0.216.
    #expect(report.asOf == month("2025-05"))
    #expect(second.isPartial && !first.isPartial)
    #expect(second.rollingAnnualROI == Rational(216, 1000))
    #expect(report.payback.projectedPaybackYears?.decimalString(places: 2) == "4.63")  // 1 / 0.216
    #expect(report.payback.projectedPaybackYearsLow?.decimalString(places: 2) == "2.84")  // 1 / 0.351765
    #expect(report.payback.projectedPaybackYearsHigh?.decimalString(places: 2) == "12.46")  // 1 / 0.080235
  }

  @Test func netPresentValueAtTenPercentWithTwentyPercentRisk() throws {
    // Costs: 1,000 at go-live and 500 a year before it (grown by 10%: 550). Benefit: returns fall by
    // 1,100 in the month a year after go-live: 1,100 × 80% / 1.1 = 800.
    let report = try ROICalculator.report(
      settings: Settings(goLive: month("2025-01")),
      costItems: [CostItem(month: month("2025-01"), amount: euros(1_000)), CostItem(month: month("2024-01"), amount: euros(500))],
      metrics: [Metric(name: "returns", kind: .cost)],
      snapshots: [snapshot("returns", "2024-12", 2_000), snapshot("returns", "2026-01", 900)],
      discount: DiscountOptions(rate: try Percent(parsing: "10%"), risk: try Percent(parsing: "20%")))
    let view = report.discounted
    #expect(Currency.euro.plain(view.presentValueOfBenefit) == "800.00")
    #expect(Currency.euro.plain(view.presentValueOfCost) == "1550.00")
    #expect(Currency.euro.plain(view.netPresentValue) == "-750.00")
    #expect(view.roi?.decimalString(places: 6) == "-0.483871")  // −750 / 1,550
    #expect(view.breakEvenMonth == nil)
    // Exact to a millionth of a cent, not merely to the cent.
    #expect((view.presentValueOfBenefit - Rational(80_000)).rounded(scale: 4).magnitude <= 1)
  }

  @Test func discountedBreakEvenMonth() throws {
    // 1,210 saved a year after go-live is worth 1,100 at go-live: more than the 1,000 spent then.
    let report = try ROICalculator.report(
      settings: Settings(goLive: month("2025-01")),
      costItems: [CostItem(month: month("2025-01"), amount: euros(1_000))],
      metrics: [Metric(name: "returns", kind: .cost)],
      snapshots: [snapshot("returns", "2024-12", 2_000), snapshot("returns", "2026-01", 790)])
    #expect(Currency.euro.plain(report.discounted.presentValueOfBenefit) == "1100.00")
    #expect(report.discounted.breakEvenMonth == month("2026-01"))
    #expect(report.discounted.roi?.decimalString(places: 2) == "0.10")
  }

  @Test func aProjectionThatBreaksEvenBeforeTheHorizon() throws {
    // 3,000 spent; returns 500 lower each month of 2025Q1 (1,500). At 500 a month the CRM has paid
    // for itself by the end of 2025Q2; to the horizon end (2026-12) it brings 1,500 + 21 × 500 = 12,000.
    let report = try ROICalculator.report(
      settings: Settings(goLive: month("2025-01"), horizonYears: 2),
      costItems: [CostItem(month: month("2025-01"), amount: euros(3_000))],
      metrics: [Metric(name: "returns", kind: .cost)],
      snapshots: [snapshot("returns", "2024-12", 1_000)] + ["2025-01", "2025-02", "2025-03"].map { snapshot("returns", $0, 500) },
      project: true)
    #expect(report.payback.breakEvenQuarter == nil)
    let projection = try #require(report.projection)
    #expect(inEuros(projection.runRate) == Rational(500))
    #expect(projection.breakEvenQuarter?.description == "2025Q2")
    #expect(inEuros(projection.lifetimeBenefit) == Rational(12_000))
    #expect(projection.lifetimeROI == Rational(3))
    #expect(projection.quarters.map(\.quarter.description) == ["2025Q2", "2025Q3", "2025Q4", "2026Q1", "2026Q2", "2026Q3", "2026Q4"])
    #expect(inEuros(projection.quarters.last!.cumulativeCost) == Rational(3_000))
  }

  @Test func squareRootsAndTwelfthRootsWithoutFloatingPoint() {
    #expect(ExactRoots.squareRoot(Rational(400)) == Rational(20))
    #expect(ExactRoots.squareRoot(Rational(2)).decimalString(places: 6) == "1.414213")
    let monthly = ExactRoots.monthlyFactor(annualRate: Rational(1, 10))
    var power = ExactRoots.one
    for _ in 0..<12 { power = ExactRoots.multiply(power, monthly) }
    #expect((power - 1_100_000_000_000_000_000).magnitude < 1_000)  // (1.1^(1/12))^12 = 1.1 to 15 digits
  }
}
