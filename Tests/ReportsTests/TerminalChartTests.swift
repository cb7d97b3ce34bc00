import Testing

@testable import ROIEngine
@testable import Reports

@Suite struct TerminalChartTests {
  /// Two quarters: −1,000 then +500 net, so the loss fills the width and the gain half of it.
  func rows() throws -> [QuarterRow] {
    try ROICalculator.report(
      settings: Settings(goLive: try Month(parsing: "2025-01")),
      costItems: [CostItem(month: try Month(parsing: "2025-01"), amount: Money(minor: 100_000))],
      metrics: [Metric(name: "leads", kind: .count(unitValue: Money(minor: 100)))],
      snapshots: [
        Snapshot(metric: "leads", month: try Month(parsing: "2024-12"), value: MetricValue(tenThousandths: 0)),
        Snapshot(metric: "leads", month: try Month(parsing: "2025-04"), value: MetricValue(tenThousandths: 1_500 * 10_000)),
      ]
    ).quarters
  }

  @Test func lossesGoLeftAndGainsRightInProportion() throws {
    let chart = TerminalChart.render(try rows(), currency: .euro, colors: false, width: 10)
    #expect(chart == """
      Cumulative net position (EUR)
      2025Q1  -1,000.00 ██████████│
      2025Q2     500.00           │█████

      """)
  }

  @Test func colorsOnlyWhenAsked() throws {
    let colored = TerminalChart.render(try rows(), currency: .euro, colors: true, width: 10)
    #expect(colored.contains("\u{1B}[31m██████████\u{1B}[0m│"))
    #expect(colored.contains("│\u{1B}[32m█████\u{1B}[0m"))
    #expect(!TerminalChart.render(try rows(), currency: .euro, colors: false).contains("\u{1B}"))
  }
}
