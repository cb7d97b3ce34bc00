import Testing

@testable import ROIEngine

@Suite struct QuarterTests {
  func label(_ year: Int, _ month: Int, fiscalYearStart: Int) -> String {
    Quarter(containing: Month(year: year, month: month), fiscalYearStart: fiscalYearStart).description
  }

  @Test func calendarQuarters() {
    #expect(label(2025, 1, fiscalYearStart: 1) == "2025Q1")
    #expect(label(2025, 5, fiscalYearStart: 1) == "2025Q2")
    #expect(label(2025, 12, fiscalYearStart: 1) == "2025Q4")
  }

  @Test func fiscalYearStartingInApril() {
    // April–June 2025 is FY2026Q1: that fiscal year ends in March 2026.
    #expect(label(2025, 4, fiscalYearStart: 4) == "FY2026Q1")
    #expect(label(2025, 6, fiscalYearStart: 4) == "FY2026Q1")
    #expect(label(2025, 7, fiscalYearStart: 4) == "FY2026Q2")
    #expect(label(2026, 1, fiscalYearStart: 4) == "FY2026Q4")
    #expect(label(2025, 3, fiscalYearStart: 4) == "FY2025Q4")
  }

  @Test func fiscalYearStartingInJuly() {
    #expect(label(2025, 7, fiscalYearStart: 7) == "FY2026Q1")
    #expect(label(2025, 10, fiscalYearStart: 7) == "FY2026Q2")
    #expect(label(2026, 2, fiscalYearStart: 7) == "FY2026Q3")
    #expect(label(2026, 6, fiscalYearStart: 7) == "FY2026Q4")
    let quarter = Quarter(containing: Month(year: 2026, month: 5), fiscalYearStart: 7)
    #expect(quarter.firstMonth == Month(year: 2026, month: 4))
    #expect(quarter.lastMonth == Month(year: 2026, month: 6))
  }

  @Test(arguments: [1, 2, 4, 7, 10, 12])
  func labelsParseBack(fiscalYearStart: Int) throws {
    var quarter = Quarter(containing: Month(year: 2024, month: 1), fiscalYearStart: fiscalYearStart)
    for _ in 0..<12 {
      #expect(try Quarter(parsing: quarter.description, fiscalYearStart: fiscalYearStart) == quarter)
      quarter = quarter.next
    }
  }

  @Test func badQuarterLabels() {
    #expect(throws: ValueError.self) { try Quarter(parsing: "2025Q5", fiscalYearStart: 1) }
    #expect(throws: ValueError.self) { try Quarter(parsing: "2025-Q1", fiscalYearStart: 1) }
    #expect(throws: ValueError.self) { try Quarter(parsing: "2026Q1", fiscalYearStart: 4) }
  }
}
