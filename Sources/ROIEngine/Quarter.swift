/// A fiscal quarter: three months from `firstMonth`, in a fiscal year starting at month `fiscalYearStart`.
public struct Quarter: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let firstMonth: Month
  public let fiscalYearStart: Int

  /// The quarter that holds `month` in a fiscal year starting at month `fiscalYearStart` (1…12).
  public init(containing month: Month, fiscalYearStart: Int) {
    precondition((1...12).contains(fiscalYearStart))
    let offset = (month.number - fiscalYearStart + 12) % 12
    firstMonth = month.advanced(by: -(offset % 3))
    self.fiscalYearStart = fiscalYearStart
  }

  public var lastMonth: Month { firstMonth.advanced(by: 2) }
  public var months: [Month] { (0..<3).map(firstMonth.advanced(by:)) }
  public var next: Quarter { Quarter(containing: firstMonth.advanced(by: 3), fiscalYearStart: fiscalYearStart) }

  /// 1…4 within the fiscal year.
  public var number: Int { (firstMonth.number - fiscalYearStart + 12) % 12 / 3 + 1 }

  /// The calendar year in which this quarter's fiscal year ends.
  public var fiscalYear: Int {
    let fiscalYearFirstMonth = firstMonth.advanced(by: -3 * (number - 1))
    return fiscalYearFirstMonth.advanced(by: 11).year
  }

  /// "2025Q2" for calendar fiscal years, "FY2026Q1" otherwise.
  public var description: String {
    fiscalYearStart == 1 ? "\(fiscalYear)Q\(number)" : "FY\(fiscalYear)Q\(number)"
  }

  public static func expectedForm(fiscalYearStart: Int) -> Phrase {
    Phrase(fiscalYearStart == 1 ? .formQuarter : .formFiscalQuarter)
  }

  /// Parses the label `description` writes, for the same fiscal year start, or the French one
  /// (`T2 2025`, `T1 EX2026`) that the French reports write.
  public init(parsing text: String, fiscalYearStart: Int) throws {
    let error = ValueError(value: text, expected: Quarter.expectedForm(fiscalYearStart: fiscalYearStart))
    var body = Substring(Quarter.fromFrench(text.uppercased()))
    if fiscalYearStart != 1 {
      guard body.hasPrefix("FY") else { throw error }
      body = body.dropFirst(2)
    }
    let parts = body.split(separator: "Q", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[0].count == 4, parts[1].count == 1,
      parts[0].utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let year = Int(parts[0]), let number = Int(parts[1]),
      (1...4).contains(number), Month.years.contains(year)
    else { throw error }
    // The fiscal year that ends in `year` starts 11 months before its last month.
    let lastMonthOfYear = Month(year: year, month: (fiscalYearStart + 10) % 12 + 1)
    let first = lastMonthOfYear.advanced(by: -11 + 3 * (number - 1))
    self.init(containing: first, fiscalYearStart: fiscalYearStart)
  }

  /// `T2 2025` as `2025Q2`, `T1 EX2026` as `FY2026Q1`; any other text as it is.
  private static func fromFrench(_ text: String) -> String {
    let parts = text.split(separator: " ")
    guard parts.count == 2, parts[0].count == 2, parts[0].hasPrefix("T") else { return text }
    let number = parts[0].dropFirst()
    return parts[1].hasPrefix("EX") ? "FY\(parts[1].dropFirst(2))Q\(number)" : "\(parts[1])Q\(number)"
  }

  public static func < (lhs: Quarter, rhs: Quarter) -> Bool { lhs.firstMonth < rhs.firstMonth }
}
