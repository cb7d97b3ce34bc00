import Testing

#if canImport(Glibc)
  import Glibc
#endif

@testable import ROIEngine

/// Part 6: exact arithmetic that never traps, on the histories that made part 5 die with SIGILL.
@Suite struct BigIntegerTests {
  @Test func agreesWithInt128WhereInt128Suffices() {
    var generator = SplitMix(seed: 7)
    for _ in 0..<2_000 {
      let a = Int128(Int64(bitPattern: generator.next()))
      let b = Int128(Int64(bitPattern: generator.next()) | 1)
      #expect((BigInteger(a) * BigInteger(b)).int128 == a * b)
      #expect((BigInteger(a) + BigInteger(b)).int128 == a + b)
      #expect((BigInteger(a) / BigInteger(b)).int128 == a / b)
      #expect((BigInteger(a) % BigInteger(b)).int128 == a % b)
      #expect((BigInteger(a) < BigInteger(b)) == (a < b))
    }
  }

  @Test func divisionOfLargeNumbersSatisfiesItsIdentity() {
    var generator = SplitMix(seed: 11)
    func large(_ words: Int) -> BigInteger {
      var value = BigInteger(1)
      for _ in 0..<words { value = value * BigInteger(Int128(generator.next() >> 1) + 1) }
      return generator.next() % 2 == 0 ? value : -value
    }
    for _ in 0..<500 {
      let u = large(Int(generator.next() % 8) + 1)
      let v = large(Int(generator.next() % 4) + 1)
      let (q, r) = u.quotientAndRemainder(dividingBy: v)
      #expect(q * v + r == u)
      #expect(r.magnitude < v.magnitude)
      #expect(r.isZero || r.signum == u.signum)
      #expect((u * v) / v == u)
      #expect(((u * v) % v).isZero)
    }
  }

  @Test func writesLargeNumbersInDecimal() {
    var power = BigInteger(1)
    for _ in 0..<200 { power = power * 2 }
    #expect(power.description == "1606938044258990275541962092341162602522202993782792835301376")
    #expect((-power).description.hasPrefix("-1606938044"))
    #expect(BigInteger.power10(40).description == "1" + String(repeating: "0", count: 40))
    #expect((power.squareRoot()) == BigInteger.power10(0).shiftedLeft(by: 100))
  }

  @Test func fractionsWithCoprimeDenominatorsStayExact() {
    // Σ 1/p over the primes below 400 has a denominator of 162 digits.
    let primes = (2..<400).filter { n in (2..<n).allSatisfy { n % $0 != 0 } }
    var sum = Rational.zero
    for p in primes { sum += Rational(1, Int128(p)) }
    var back = sum
    for p in primes { back = back - Rational(1, Int128(p)) }
    #expect(back == .zero)
    #expect(sum.shortDecimalString(maxPlaces: 6) == "2.058777")  // Python: float(sum(Fraction(1, p))) = 2.0587765…
    #expect(Rational(5, 2).rounded() == 2 && Rational(-7, 2).rounded() == -4)
  }
}

@Suite struct NoTrapTests {
  func month(_ text: String) -> Month { try! Month(parsing: text) }

  /// Each snapshot of `metrics` over the months in `range` from `value(metric, month)`.
  func snapshots(_ metrics: [Metric], _ range: ClosedRange<Month>, _ value: (Int, Month) -> Int64) -> [Snapshot] {
    var result: [Snapshot] = []
    var month = range.lowerBound
    while month <= range.upperBound {
      for (index, metric) in metrics.enumerated() {
        result.append(Snapshot(metric: metric.name, month: month, value: MetricValue(tenThousandths: value(index, month))))
      }
      month = month.advanced(by: 1)
    }
    return result
  }

  @Test func anExpenseLongBeforeGoLiveAtAHighRateIsDiscountedWithoutOverflow() throws {
    // Part 5 trapped in the discount factors: 8 years before go-live at 100% (and 55 years at 10%).
    for (expense, rate) in [("2017-04", 1_000_000), ("1970-03", 100_000)] {
      let report = try ROICalculator.report(
        settings: Settings(goLive: month("2025-04")),
        costItems: [CostItem(month: month(expense), amount: Money(minor: 950_000))],
        metrics: [], snapshots: [], discount: DiscountOptions(rate: Percent(tenThousandths: Int64(rate))))
      // One cost of 9,500.00 k months before G is worth (1 + rate)^(k/12) × 9,500.00 at G.
      let years = month(expense).distance(to: month("2025-04"))
      let pvCost = report.discounted.presentValueOfCost
      #expect(pvCost > Rational(950_000))
      if rate == 1_000_000 {
        // 2^8 × 9,500.00 = 2,432,000.00, to the cent.
        #expect(years == 96)
        #expect((pvCost - Rational(243_200_000)).rounded().magnitude <= 1)
      }
    }
  }

  @Test func aLargeRevenueInRupiahHasANoiseBand() throws {
    // Around 200,000,000,000 IDR a month, ±20%: the squares of its deviations overflowed Int128.
    let sales = Metric(name: "sales", kind: .revenue(margin: Percent(tenThousandths: 350_000)))
    let base: Int64 = 200_000_000_000 * 10_000
    let history = snapshots([sales], month("2024-01")...month("2025-12")) { _, m in
      base + (m.number % 2 == 0 ? 1 : -1) * base / 5 + Int64(m.number) * 1_234_567
    }
    let report = try ROICalculator.report(
      settings: Settings(currency: try Currency(code: "IDR"), goLive: month("2025-01")),
      costItems: [CostItem(month: month("2025-01"), amount: Money(minor: 1_000_000_000_00))],
      metrics: [sales], snapshots: history, project: true)
    let row = try #require(report.quarters.last)
    #expect(try #require(row.benefitLow) < row.benefit && row.benefit < (try #require(row.benefitHigh)))
    #expect(report.projection != nil)
  }

  @Test func manyMetricsWithCoprimeBaselinesAndOddAttributionsStayExact() throws {
    // 8 revenue metrics at 35% over a 48-month baseline, each starting 2 months after the previous,
    // and 10 with attributions like 33.3333% over 12 months: both overflowed the Int128 fractions.
    let staggered = (0..<8).map { Metric(name: "m\($0)", kind: .revenue(margin: Percent(tenThousandths: 350_000))) }
    var history: [Snapshot] = []
    for (index, metric) in staggered.enumerated() {
      history += snapshots([metric], month("2021-01").advanced(by: 2 * index)...month("2025-06")) { _, m in
        Int64(1_000_000 + 7_919 * m.index % 104_729 + index * 31) * 10_000 + 3_333
      }
    }
    let attributed = (0..<10).map {
      Metric(name: "a\($0)", kind: .revenue(margin: Percent(tenThousandths: 333_333 + Int64($0))),
             attribution: Percent(tenThousandths: 333_333 + Int64($0) * 7))
    }
    history += snapshots(attributed, month("2024-01")...month("2025-06")) { index, m in
      Int64(50_000 + (m.index * 7_919 + index * 104_729) % 9_973) * 10_000 + Int64(index)
    }
    let report = try ROICalculator.report(
      settings: Settings(goLive: month("2025-01"), baselineMonths: 48),
      costItems: [CostItem(month: month("2025-01"), amount: Money(minor: 5_000_000))],
      metrics: staggered + attributed, snapshots: history,
      discount: DiscountOptions(rate: Percent(tenThousandths: 123_457), risk: Percent(tenThousandths: 33_333)),
      project: true)
    for row in report.quarters {
      #expect(row.benefit == reference(row, metrics: staggered + attributed, snapshots: history, report: report))
    }
  }

  /// A row's benefit computed straight from the method's definition, with exact fractions.
  func reference(_ row: QuarterRow, metrics: [Metric], snapshots: [Snapshot], report: ROIReport) -> Rational {
    let settings = report.settings
    let window = settings.baselineWindow
    var total = Rational.zero
    for metric in metrics where metric.kind.addsMoney {
      let values = snapshots.filter { $0.metric == metric.name }
      let baseValues = values.filter { window.contains($0.month) }
      var sum = Rational.zero
      for value in baseValues { sum += value.value.rational }
      let baseline = (sum / Rational(baseValues.count))!
      let factor = metric.kind.moneyFactor(minorUnits: settings.currency.minorUnits)! * metric.attribution.fraction
        * Rational(Int128(100))
      for value in values where value.month >= settings.goLive && row.quarter.months.contains(value.month) {
        total += (value.value.rational - baseline) * factor
      }
    }
    return total
  }

  /// Section 2's property: random histories up to 120 baseline months, 100 metrics, 4-decimal
  /// margins and attributions, values up to 10¹⁵ minor units, rates 0–100%. CRM_ROI_FULL_PROPERTY=1
  /// runs it at full size (see the README); `swift test` runs a fast size.
  @Test func randomHistoriesNeverTrapAndMatchTheReference() throws {
    let full = (getenvString("CRM_ROI_FULL_PROPERTY") ?? "").isEmpty == false
    var generator = SplitMix(seed: 2026)
    for _ in 0..<(full ? 40 : 6) {
      let baselineMonths = Int(generator.next() % UInt64(full ? 120 : 24)) + 1
      let metricCount = Int(generator.next() % UInt64(full ? 100 : 8)) + 1
      let goLive = Month(year: 2020, month: 1).advanced(by: Int(generator.next() % 60))
      let metrics = (0..<metricCount).map { index -> Metric in
        let kind: MetricKind = switch generator.next() % 3 {
        case 0: .revenue(margin: Percent(tenThousandths: Int64(generator.next() % 1_000_000) + 1))
        case 1: .cost
        default: .count(unitValue: Money(minor: Int64(generator.next() % 1_000_000) + 1))
        }
        return Metric(name: "m\(index)", kind: kind, attribution: Percent(tenThousandths: Int64(generator.next() % 1_000_000) + 1))
      }
      let scale = Int64(generator.next() % 15) + 1
      var ceiling: Int64 = 1
      for _ in 0..<scale { ceiling *= 10 }
      let history = snapshots(metrics, goLive.advanced(by: -baselineMonths)...goLive.advanced(by: Int(generator.next() % 30))) { _, _ in
        // Up to 10^15 minor units of a 2-decimal currency: 10^13 units, in ten-thousandths.
        Int64(generator.next() % UInt64(ceiling)) * 10_000 / 100 + Int64(generator.next() % 10_000)
      }
      let rate = Int64(generator.next() % 1_000_001)
      let report = try ROICalculator.report(
        settings: Settings(goLive: goLive, baselineMonths: baselineMonths),
        costItems: [CostItem(month: goLive, amount: Money(minor: Int64(generator.next() % 1_000_000_000_000) + 1))],
        metrics: metrics, snapshots: history, discount: DiscountOptions(rate: Percent(tenThousandths: rate)), project: true)
      for row in report.quarters {
        let expected = reference(row, metrics: metrics, snapshots: history, report: report)
        #expect((row.benefit - expected).rounded(scale: 2).magnitude <= 1)
      }
      #expect(report.discounted.presentValueOfCost.signum > 0)
    }
  }
}

/// A small deterministic generator (SplitMix64), so that a failure can be replayed.
struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

func getenvString(_ name: String) -> String? {
  getenv(name).map { String(cString: $0) }
}
