import Testing

@testable import ROIEngine

/// Every expected figure below was computed by hand from the method in the README.
@Suite struct ROICalculatorTests {
  func month(_ text: String) -> Month { try! Month(parsing: text) }

  func euros(_ amount: Int64) -> Money { Money(minor: amount * 100) }

  /// `value` for every month from `first` through `last`.
  func series(_ metric: String, _ first: String, _ last: String, _ value: Int64) -> [Snapshot] {
    (month(first).index...month(last).index).map {
      Snapshot(metric: metric, month: Month(index: $0), value: MetricValue(tenThousandths: value * 10_000))
    }
  }

  func snapshot(_ metric: String, _ month: String, _ value: Int64) -> Snapshot {
    Snapshot(metric: metric, month: self.month(month), value: MetricValue(tenThousandths: value * 10_000))
  }

  /// Money in euros from minor units, exactly.
  func inEuros(_ minor: Rational) -> Rational { minor * Rational(1, 100) }

  @Test func sevenAndAHalfPercentAQuarterIsThirtyAYearAndPaysBackInThreeAndAThirdYears() throws {
    // TCO 100,000; sales up 5,000 a month at a 50% margin: 2,500 a month, 7,500 a quarter.
    let report = try ROICalculator.report(
      settings: Settings(goLive: month("2025-01")),
      costItems: [CostItem(month: month("2025-01"), amount: euros(100_000))],
      metrics: [Metric(name: "sales", kind: .revenue(margin: try Percent(parsing: "50%")))],
      snapshots: series("sales", "2024-01", "2024-12", 100_000) + series("sales", "2025-01", "2025-12", 105_000))

    #expect(report.totalCostOfOwnership == Rational(10_000_000))
    #expect(report.quarters.map(\.quarter.description) == ["2025Q1", "2025Q2", "2025Q3", "2025Q4"])
    for row in report.quarters {
      #expect(inEuros(row.benefit) == Rational(7_500))
      #expect(row.roi == Rational(75, 1000))
      #expect(row.rollingAnnualROI == Rational(3, 10))
    }
    #expect(inEuros(report.quarters[0].cost) == Rational(100_000))
    #expect(report.quarters[1].cost == .zero)
    #expect(report.quarters[3].cumulativeNetROI == Rational(-7, 10))  // (30,000 − 100,000) / 100,000
    #expect(report.payback.projectedPaybackYears == Rational(10, 3))
    #expect(report.payback.projectedPaybackYears?.decimalString(places: 2) == "3.33")
    #expect(report.payback.breakEvenQuarter == nil)
  }

  @Test func fiscalYearFromAprilWithAPartialBaselineAndMissingMonths() throws {
    // Go-live May 2025, fiscal year from April. Baseline of returns: (500 + 700) / 2 = 600.
    let report = try ROICalculator.report(
      settings: Settings(goLive: month("2025-05"), fiscalYearStart: 4),
      costItems: [CostItem(month: month("2025-04"), amount: euros(1_000))],
      metrics: [Metric(name: "returns", kind: .cost)],
      snapshots: [
        snapshot("returns", "2024-06", 500), snapshot("returns", "2025-01", 700),
        snapshot("returns", "2025-05", 550), snapshot("returns", "2025-06", 480), snapshot("returns", "2025-07", 600),
      ])

    #expect(report.quarters.map(\.quarter.description) == ["FY2026Q1", "FY2026Q2"])
    let (first, second) = (report.quarters[0], report.quarters[1])
    #expect(first.quarter.firstMonth == month("2025-04"))
    #expect(inEuros(first.cost) == Rational(1_000))
    #expect(inEuros(first.benefit) == Rational(170))  // 50 in May + 120 in June; April is before go-live
    #expect(first.missingMonths.isEmpty)
    #expect(first.rollingAnnualROI == Rational(102, 100))  // 170 × 12 / 2 / 1,000
    // Data runs to A = July: August and September have not been logged yet, so they are neither
    // missing nor months of no benefit; the quarter is partial.
    #expect(report.asOf == month("2025-07"))
    #expect(inEuros(second.benefit) == .zero)  // July at baseline
    #expect(second.missingMonths.isEmpty && second.isPartial && !first.isPartial)
    #expect(second.rollingAnnualROI == Rational(68, 100))  // 170 × 12 / 3 / 1,000 (May to July)
    #expect(second.cumulativeNetROI == Rational(-830, 1000))  // (170 − 1,000) / 1,000
  }

  @Test func fiscalYearFromJulyLabelsTheRows() throws {
    let report = try ROICalculator.report(
      settings: Settings(goLive: month("2025-07"), fiscalYearStart: 7),
      costItems: [CostItem(month: month("2025-06"), amount: euros(10))], metrics: [], snapshots: [])
    #expect(report.quarters.map(\.quarter.description) == ["FY2025Q4", "FY2026Q1"])
  }

  @Test func recurringExpensesWithAndWithoutAnEnd() throws {
    // Horizon: one year from January 2025, so recurring costs stop after 2025-12.
    let settings = Settings(goLive: month("2025-01"), horizonYears: 1)
    let items = [
      CostItem(month: month("2025-01"), amount: euros(100), recurrence: Recurrence(every: .month, until: month("2025-06"))),
      CostItem(month: month("2024-07"), amount: euros(1_200), recurrence: Recurrence(every: .year)),
      CostItem(month: month("2025-02"), amount: euros(300), recurrence: Recurrence(every: .quarter)),
    ]
    let report = try ROICalculator.report(settings: settings, costItems: items, metrics: [], snapshots: [])

    // 6 × 100 + 2 × 1,200 (2024-07, 2025-07) + 4 × 300 (Feb, May, Aug, Nov)
    #expect(inEuros(report.totalCostOfOwnership) == Rational(4_200))
    // Rows stop at go-live's quarter: future occurrences count in TCO only.
    #expect(report.quarters.map(\.quarter.description) == ["2024Q3", "2024Q4", "2025Q1"])
    #expect(report.quarters.map { inEuros($0.cost) } == [Rational(1_200), .zero, Rational(600)])
    #expect(inEuros(report.quarters[2].cumulativeCost) == Rational(1_800))
  }

  @Test func aOneTimeExpenseExtendsTheRows() throws {
    let report = try ROICalculator.report(
      settings: Settings(goLive: month("2025-01")),
      costItems: [CostItem(month: month("2025-10"), amount: euros(50))], metrics: [], snapshots: [])
    #expect(report.quarters.first?.quarter.description == "2025Q1")
    #expect(report.quarters.last?.quarter.description == "2025Q4")
    #expect(report.quarters.first?.cumulativeNetROI == nil)  // no cost yet
  }

  @Test func countsWithANegativeUnitValueRewardAFall() throws {
    // Support tickets: baseline 200, now 150, each ticket costs 12.50: (150 − 200) × −12.50 = 625.
    let report = try ROICalculator.report(
      settings: Settings(goLive: month("2025-01")),
      costItems: [CostItem(month: month("2025-01"), amount: euros(1_000))],
      metrics: [Metric(name: "tickets", kind: .count(unitValue: Money(minor: -1_250)))],
      snapshots: [
        snapshot("tickets", "2024-12", 200), snapshot("tickets", "2025-01", 150), snapshot("tickets", "2025-03", 150),
      ])
    #expect(inEuros(report.quarters[0].benefit) == Rational(1_250))  // January and March
    #expect(report.quarters[0].benefitByMetric.map(\.metric) == ["tickets"])
    #expect(report.quarters[0].missingMonths == [month("2025-02")])
  }

  @Test func aMoneyMetricWithoutBaselineIsAnError() {
    #expect(throws: ROIError.noBaseline(metric: "sales", window: month("2024-01")...month("2024-12"))) {
      try ROICalculator.report(
        settings: Settings(goLive: month("2025-01")), costItems: [],
        metrics: [Metric(name: "sales", kind: .revenue(margin: Percent(tenThousandths: 350_000)))],
        snapshots: [self.snapshot("sales", "2025-01", 10)])
    }
  }

  @Test func meansAreExactAndMarginsAreNotRoundedEarly() throws {
    // Baseline (100 + 100 + 101) / 3 = 301/3; January 101 at a 35% margin: (101 − 301/3) × 0.35 = 7/30 euro.
    let report = try ROICalculator.report(
      settings: Settings(goLive: month("2025-01"), baselineMonths: 3),
      costItems: [CostItem(month: month("2025-01"), amount: euros(1))],
      metrics: [Metric(name: "sales", kind: .revenue(margin: Percent(tenThousandths: 350_000)))],
      snapshots: [snapshot("sales", "2024-10", 100), snapshot("sales", "2024-11", 100),
                  snapshot("sales", "2024-12", 101), snapshot("sales", "2025-01", 101)])
    #expect(inEuros(report.quarters[0].benefit) == Rational(7, 30))
    #expect(Currency.euro.plain(report.quarters[0].benefit) == "0.23")
  }

  @Test func breakEvenIsTheFirstQuarterWhoseBenefitCoversItsCost() throws {
    // Cost 10,000 up front; 4,000 a quarter (2,000 more sales a month at ~66.67%).
    let report = try ROICalculator.report(
      settings: Settings(goLive: month("2025-01")),
      costItems: [CostItem(month: month("2025-01"), amount: euros(10_000))],
      metrics: [Metric(name: "leads", kind: .count(unitValue: euros(10)))],
      snapshots: series("leads", "2024-12", "2024-12", 1_000) + series("leads", "2025-01", "2025-09", 1_133)
        + [snapshot("leads", "2025-10", 1_134)])
    // 133 × 10 = 1,330 a month: cumulative 3,990, 7,980, 11,970 → break-even in 2025Q3.
    #expect(report.payback.breakEvenQuarter?.description == "2025Q3")
    #expect(inEuros(report.quarters[2].cumulativeBenefit) == Rational(11_970))
  }

  @Test func objectivesCompareTheLastQuarterWithTheTarget() throws {
    let report = try ROICalculator.report(
      settings: Settings(goLive: month("2025-01")),
      costItems: [CostItem(month: month("2025-01"), amount: euros(100))],
      metrics: [
        Metric(name: "order-size", kind: .kpi, target: .absolute(MetricValue(tenThousandths: 900_000))),
        Metric(name: "returns", kind: .cost, target: .relative(Percent(tenThousandths: -100_000))),
      ],
      snapshots: [
        snapshot("order-size", "2024-12", 86), snapshot("order-size", "2025-04", 88),
        snapshot("order-size", "2025-05", 92), snapshot("order-size", "2025-06", 91),
        snapshot("returns", "2024-12", 1_000), snapshot("returns", "2025-06", 950),
      ])
    #expect(report.quarters.last?.quarter.description == "2025Q2")
    let orderSize = try #require(report.objectives.first { $0.metric.name == "order-size" })
    #expect(orderSize.baseline == Rational(86))
    #expect(orderSize.current == Rational(271, 3))  // (88 + 92 + 91) / 3
    #expect(orderSize.met == true)
    #expect(orderSize.change == Rational(271 - 258, 258))  // (271/3 − 86) / 86
    let returns = try #require(report.objectives.first { $0.metric.name == "returns" })
    #expect(returns.targetValue == Rational(900))
    #expect(returns.lowerIsBetter)
    #expect(returns.met == false)  // 950 is above 900
    #expect(report.quarters.flatMap(\.benefitByMetric).allSatisfy { $0.metric == "returns" })  // kpi adds no money
  }

  @Test func throughStopsTheRowsAndTakesPaybackAsOfThen() throws {
    let settings = Settings(goLive: month("2025-01"))
    let report = try ROICalculator.report(
      settings: settings,
      costItems: [CostItem(month: month("2025-01"), amount: euros(100_000))],
      metrics: [Metric(name: "sales", kind: .revenue(margin: try Percent(parsing: "50%")))],
      snapshots: series("sales", "2024-01", "2024-12", 100_000) + series("sales", "2025-01", "2025-03", 105_000)
        + series("sales", "2025-04", "2025-12", 100_000),
      through: try Quarter(parsing: "2025Q1", fiscalYearStart: 1))
    #expect(report.quarters.count == 1)
    #expect(report.payback.projectedPaybackYears == Rational(10, 3))
  }
}
