import Testing

@testable import ROIEngine

/// Part 7: the as-of month, seasonal noise, objectives on the method's basis, warnings and the
/// seasonal-pattern test, against figures worked by hand.
@Suite struct AsOfAndWarningsTests {
  func month(_ text: String) -> Month { try! Month(parsing: text) }
  func euros(_ amount: Int64) -> Money { Money(minor: amount * 100) }
  func snapshot(_ metric: String, _ month: String, _ value: Int64) -> Snapshot {
    Snapshot(metric: metric, month: self.month(month), value: MetricValue(tenThousandths: value * 10_000))
  }
  func inEuros(_ minor: Rational) -> Rational { minor * Rational(1, 100) }

  /// Sales 1,000 a month before go-live (March 2026), 1,100 after, logged to October: a 10% margin
  /// gives 10 a month; a 1,000 licence; go-live + 8 months of data.
  func shopToOctober(extra: [Snapshot] = []) throws -> ROIReport {
    var snapshots = (3...12).map { snapshot("sales", String(format: "2025-%02d", $0), 1_000) }
      + (1...2).map { snapshot("sales", String(format: "2026-%02d", $0), 1_000) }
    snapshots += (3...10).map { snapshot("sales", String(format: "2026-%02d", $0), 1_100) }
    return try ROICalculator.report(
      settings: Settings(goLive: month("2026-03")),
      costItems: [CostItem(month: month("2026-03"), amount: euros(1_000))],
      metrics: [Metric(name: "sales", kind: .revenue(margin: Percent(tenThousandths: 100_000)))],
      snapshots: snapshots + extra, project: true)
  }

  @Test func monthsNotYetLoggedAreNeitherMissingNorZero() throws {
    let report = try shopToOctober()
    #expect(report.asOf == month("2026-10"))
    let q4 = try #require(report.quarters.last)
    #expect(q4.quarter.description == "2026Q4" && q4.isPartial)
    #expect(q4.missingMonths.isEmpty)  // November and December have not happened
    #expect(inEuros(q4.benefit) == Rational(10))
    // W = October, n = 8 (March to October): 80 × 12 / 8 / 1,000 = 12%, not 80 × 12 / 10.
    #expect(q4.rollingAnnualROI == Rational(12, 100))
    #expect(report.payback.projectedPaybackYears == Rational(100, 12))
    let projection = try #require(report.projection)
    // Run rate 80 / 8 = 10 a month; projected from November: 2026Q4 holds 2 projected months and no
    // cost (its row counts it), then whole quarters to the horizon end 2031-02.
    #expect(inEuros(projection.runRate) == Rational(10))
    #expect(projection.quarters.first?.quarter.description == "2026Q4")
    #expect(inEuros(projection.quarters[0].benefit) == Rational(20))
    #expect(projection.quarters[0].cost == .zero)
    // Lifetime benefit: 80 so far + 10 × (2031-02 − 2026-10 = 52 months) = 600.
    #expect(inEuros(projection.lifetimeBenefit) == Rational(600))
    #expect(report.warnings.map(\.code).contains(.partialQuarter))
  }

  @Test func aThinBaselineAndAShortHistoryAreSaidAndHaveNoBand() throws {
    // One baseline month and one month after go-live: no σ, so no band; both warnings.
    let report = try ROICalculator.report(
      settings: Settings(goLive: month("2026-03")),
      costItems: [CostItem(month: month("2026-03"), amount: euros(1_000))],
      metrics: [Metric(name: "sales", kind: .revenue(margin: Percent(tenThousandths: 100_000)))],
      snapshots: [snapshot("sales", "2026-02", 1_000), snapshot("sales", "2026-03", 1_400)])
    let row = try #require(report.quarters.last)
    #expect(row.benefitLow == nil && row.benefitHigh == nil && row.withinNoise == nil)
    #expect(row.rollingAnnualROILow == nil && report.payback.projectedPaybackYearsLow == nil)
    #expect(report.noiseUnavailable?.description.contains("'sales' needs at least 2 baseline values") == true)
    let codes = report.warnings.map(\.code)
    #expect(codes.contains(.thinBaseline) && codes.contains(.shortHistory))
  }

  @Test func seasonalNoiseIsTheSpreadAroundEachCalendarMonth() throws {
    // Two baseline years: each calendar month m has values 100 + 10m ± 3 (both years), so the
    // residuals are ±3 and σ² = Σ r² / (N − c) = 24 × 9 / (24 − 12) = 18, whatever the season.
    var snapshots: [Snapshot] = []
    for year in [2024, 2025] {
      for m in 1...12 {
        snapshots.append(snapshot("sales", String(format: "%04d-%02d", year, m), Int64(100 + 10 * m + (year == 2024 ? 3 : -3))))
      }
    }
    snapshots.append(snapshot("sales", "2026-01", 110))
    let settings = Settings(goLive: month("2026-01"), baselineMonths: 24, baselineMethod: .seasonal)
    let report = try ROICalculator.report(
      settings: settings, costItems: [CostItem(month: month("2026-01"), amount: euros(1_000))],
      metrics: [Metric(name: "sales", kind: .cost)], snapshots: snapshots)
    let row = try #require(report.quarters.first)
    // January's seasonal baseline 110: benefit 0; one month with a value: w = 2·√18 = 8.485281.
    #expect(row.benefit == .zero)
    #expect(inEuros(try #require(row.benefitHigh)).decimalString(places: 6) == "8.485281")
    // With one baseline year there is no σ for the seasonal method.
    let oneYear = try ROICalculator.report(
      settings: Settings(goLive: month("2026-01"), baselineMonths: 12, baselineMethod: .seasonal),
      costItems: [], metrics: [Metric(name: "sales", kind: .cost)], snapshots: snapshots)
    #expect(oneYear.quarters.first?.benefitLow == nil)
    #expect(oneYear.noiseUnavailable?.description.contains("two baseline years") == true)
  }

  @Test func objectivesUseTheSeasonalBaselineOfTheMonthsCompared() throws {
    // December baseline 160, other months 100; go-live January 2025; the last row is 2025Q4 with
    // October–December logged: the objective's baseline is (100 + 100 + 160) / 3 = 120.
    var snapshots = (1...12).map { snapshot("sales", String(format: "2024-%02d", $0), $0 == 12 ? 160 : 100) }
    snapshots += [snapshot("sales", "2025-10", 110), snapshot("sales", "2025-11", 110), snapshot("sales", "2025-12", 176)]
    let target = Metric(name: "sales", kind: .revenue(margin: Percent(tenThousandths: 500_000)), target: .relative(Percent(tenThousandths: 100_000)))
    let seasonal = try ROICalculator.report(
      settings: Settings(goLive: month("2025-01"), baselineMethod: .seasonal), costItems: [], metrics: [target], snapshots: snapshots)
    let objective = try #require(seasonal.objectives.first)
    #expect(objective.baseline == Rational(120))
    #expect(objective.current == Rational(132))  // (110 + 110 + 176) / 3
    #expect(objective.change == Rational(1, 10) && objective.met == true)
    let mean = try ROICalculator.report(
      settings: Settings(goLive: month("2025-01")), costItems: [], metrics: [target], snapshots: snapshots)
    #expect(mean.objectives.first?.baseline == Rational(105))  // (11 × 100 + 160) / 12
  }

  @Test func aRepeatPurchaseCountBesideSalesIsFlaggedAsCountedTwice() throws {
    let report = try ROICalculator.report(
      settings: Settings(goLive: month("2025-01")), costItems: [],
      metrics: [
        Metric(name: "sales", kind: .revenue(margin: Percent(tenThousandths: 350_000))),
        Metric(name: "repeat-purchases", kind: .count(unitValue: Money(minor: 1_850))),
        Metric(name: "tickets", kind: .count(unitValue: Money(minor: -1_250))),
      ],
      snapshots: [snapshot("sales", "2024-12", 1), snapshot("repeat-purchases", "2024-12", 1), snapshot("tickets", "2024-12", 1)])
    let doubles = report.warnings.filter { $0.code == .doubleCount }
    #expect(doubles.map(\.metric) == ["repeat-purchases"])  // tickets are worth negative money: no double count
    #expect(doubles.first?.message.contains("make it a kpi") == true)
  }

  @Test func missingMonthsAreNamedPerMetric() throws {
    // Go-live 2025-01, data to March: sales lacks February; returns lacks January and February.
    let report = try ROICalculator.report(
      settings: Settings(goLive: month("2025-01")), costItems: [],
      metrics: [
        Metric(name: "sales", kind: .revenue(margin: Percent(tenThousandths: 350_000))),
        Metric(name: "returns", kind: .cost),
      ],
      snapshots: [
        snapshot("sales", "2024-12", 1), snapshot("returns", "2024-12", 1),
        snapshot("sales", "2025-01", 1), snapshot("sales", "2025-03", 1), snapshot("returns", "2025-03", 1),
      ])
    let missing = report.warnings.filter { $0.code == .missingMonths }
    #expect(missing.map(\.metric) == ["returns", "sales"])
    #expect(missing[0].message.hasPrefix("'returns' has no value for 2025-01, 2025-02: those months count as no change"))
    #expect(missing[1].message.hasPrefix("'sales' has no value for 2025-02: that month counts as no change"))
  }

  @Test func expenseTotalsBreakTheTCODownByCategory() throws {
    // Horizon 1 year from 2025-01: it ends 2025-12.
    let settings = Settings(goLive: month("2025-01"), horizonYears: 1)
    func date(_ text: String) -> CalendarDate { try! CalendarDate(parsing: text) }
    let expenses = [
      // 7.5 h × 42.50 = 318.75
      Expense(date: date("2025-01-10"), category: .labor, amount: Money(minor: 31_875),
              labor: Labor(hundredthsOfHours: 750, rate: Money(minor: 4_250))),
      // March, April, May: 3 × 100 = 300
      Expense(date: date("2025-03-01"), category: .service, amount: euros(100),
              recurrence: Recurrence(every: .month, until: month("2025-05"))),
      // June, September, December: 3 × 50 = 150
      Expense(date: date("2025-06-15"), category: .service, amount: euros(50), recurrence: Recurrence(every: .quarter)),
      // After the horizon end: counts nowhere.
      Expense(date: date("2026-02-01"), category: .hardware, amount: euros(2_000)),
    ]
    let totals = ExpenseTotals(expenses, horizonEnd: settings.horizonEnd)
    #expect(totals.lifetime.map(\.occurrences) == [1, 3, 3, 0])
    #expect(totals.lifetime.map(\.total) == [Rational(31_875), Rational(30_000), Rational(15_000), .zero])
    #expect(totals.byCategory.map(\.category) == [.hardware, .labor, .service])
    #expect(totals.byCategory.map(\.total) == [.zero, Rational(31_875), Rational(45_000)])
    #expect(totals.total == Rational(76_875))
    // The report's TCO is the same sum.
    let items = expenses.map { CostItem(month: $0.date.month, amount: $0.amount, recurrence: $0.recurrence) }
    let report = try ROICalculator.report(settings: settings, costItems: items, metrics: [], snapshots: [])
    #expect(report.totalCostOfOwnership == totals.total)
  }

  @Test func theVerdictCountsWhatWasSpentToTheAsOfMonth() throws {
    // A 1,000 licence in March and a 10 fee every month: to October 1,000 + 8 × 10 = 1,080 spent,
    // though 2026Q4's cumulative cost runs to December (1,100).
    let snapshots = (3...12).map { snapshot("sales", String(format: "2025-%02d", $0), 1_000) }
      + (1...2).map { snapshot("sales", String(format: "2026-%02d", $0), 1_000) }
      + (3...10).map { snapshot("sales", String(format: "2026-%02d", $0), 1_100) }
    let report = try ROICalculator.report(
      settings: Settings(goLive: month("2026-03")),
      costItems: [
        CostItem(month: month("2026-03"), amount: euros(1_000)),
        CostItem(month: month("2026-03"), amount: euros(10), recurrence: Recurrence(every: .month)),
      ],
      metrics: [Metric(name: "sales", kind: .revenue(margin: Percent(tenThousandths: 100_000)))],
      snapshots: snapshots)
    #expect(inEuros(report.costToAsOf) == Rational(1_080))
    #expect(inEuros(try #require(report.quarters.last).cumulativeCost) == Rational(1_100))
  }

  @Test func valuesFollowTheirKind() throws {
    let revenue = Metric(name: "sales", kind: .revenue(margin: Percent(tenThousandths: 350_000)))
    let count = Metric(name: "repeat-purchases", kind: .count(unitValue: Money(minor: 1_850)))
    let kpi = Metric(name: "basket", kind: .kpi)
    #expect(throws: ValueError.self) { try revenue.parseValue("-100", currency: .euro) }
    #expect(throws: ValueError.self) { try count.parseValue("188.5", currency: .euro) }
    #expect(throws: ValueError.self) { try count.parseValue("-1", currency: .euro) }
    #expect(try count.parseValue("188", currency: .euro) == MetricValue(tenThousandths: 1_880_000))
    #expect(try kpi.parseValue("-3.25", currency: .euro) == MetricValue(tenThousandths: -32_500))
  }

  @Test func theRunningMonthIsRefusedUnlessAllowed() throws {
    let rules = SnapshotRules(metrics: [], currency: .euro, currentMonth: month("2026-11"), allowCurrent: false)
    #expect(throws: ValueError.self) { try rules.month("2026-11") }
    do {
      _ = try rules.month("2026-11")
    } catch let error as ValueError {
      #expect(error.expected.description.contains("2026-11 is still running") && error.expected.description.contains("from 2026-12-01"))
    }
    #expect(try rules.month("2026-10") == month("2026-10"))
    let allowed = SnapshotRules(metrics: [], currency: .euro, currentMonth: month("2026-11"), allowCurrent: true)
    #expect(try allowed.month("2026-11") == month("2026-11"))
    #expect(throws: ValueError.self) { try allowed.month("2026-12") }
  }
}

/// The seasonal-pattern test, by simulation (the README quotes these two rates).
@Suite struct SeasonalPatternSimulation {
  /// B = 12 baselines around 100,000 with uniform noise of ±5%; with `peak`, December ±30%.
  static func rate(peak: Bool, trials: Int, seed: UInt64) -> (fired: Int, trials: Int) {
    var generator = SplitMix(seed: seed)
    var fired = 0
    for trial in 0..<trials {
      var values: [Month: MetricValue] = [:]
      for number in 1...12 {
        let noise = Int64(generator.next() % 10_001) - 5_000  // −5,000 … +5,000 on 100,000
        var value: Int64 = 100_000 + noise
        if peak && number == 12 { value += trial % 2 == 0 ? 30_000 : -30_000 }
        values[Month(year: 2024, month: number)] = MetricValue(tenThousandths: value * 10_000)
      }
      if SeasonalPattern.standout(in: values) != nil { fired += 1 }
    }
    return (fired, trials)
  }

  @Test func firesOnAtMostFivePercentOfSeasonlessBaselines() {
    let (fired, trials) = SeasonalPatternSimulation.rate(peak: false, trials: 2_000, seed: 12)
    print("seasonal_pattern simulation: seasonless baselines, fired on \(fired) of \(trials)")
    #expect(fired * 100 <= trials * 5, "fired on \(fired) of \(trials)")
  }

  @Test func firesOnAtLeastNinetyFivePercentOfDecemberPeaks() {
    let (fired, trials) = SeasonalPatternSimulation.rate(peak: true, trials: 2_000, seed: 13)
    print("seasonal_pattern simulation: December ±30% peaks, fired on \(fired) of \(trials)")
    #expect(fired * 100 >= trials * 95, "fired on \(fired) of \(trials)")
  }
}
