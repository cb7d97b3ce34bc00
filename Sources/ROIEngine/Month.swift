/// A calendar month, "YYYY-MM". Ordered, and steps by whole months.
public struct Month: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// Months since January of year 0.
  public let index: Int

  public init(year: Int, month: Int) {
    precondition((1...12).contains(month), "month \(month) out of 1...12")
    index = year * 12 + month - 1
  }

  init(index: Int) { self.index = index }

  public var year: Int { index / 12 }
  /// 1 for January … 12 for December.
  public var number: Int { index % 12 + 1 }

  public static let expectedForm = "a month as YYYY-MM, like 2025-04"

  /// Parses exactly "YYYY-MM" with a month from 01 to 12.
  public init(parsing text: String) throws {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
      let year = Int(parts[0]), let month = Int(parts[1]),
      parts.allSatisfy({ $0.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }),
      (1...12).contains(month), year >= 1
    else { throw ValueError(value: text, expected: Month.expectedForm) }
    self.init(year: year, month: month)
  }

  public func advanced(by months: Int) -> Month { Month(index: index + months) }

  /// Whole months from `self` to `other`.
  public func distance(to other: Month) -> Int { other.index - index }

  public static func < (lhs: Month, rhs: Month) -> Bool { lhs.index < rhs.index }

  public var description: String {
    let year = String(self.year)
    let month = String(number)
    return String(repeating: "0", count: max(0, 4 - year.count)) + year + "-" + (month.count == 1 ? "0" : "") + month
  }
}

/// A calendar day, "YYYY-MM-DD", checked against the real calendar (leap years included).
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let month: Month
  public let day: Int

  public static let expectedForm = "a date as YYYY-MM-DD, like 2025-03-10"

  public init(parsing text: String) throws {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[2].count == 2, let day = Int(parts[2]),
      parts[2].utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
      let month = try? Month(parsing: parts[0] + "-" + parts[1]),
      (1...CalendarDate.days(in: month)).contains(day)
    else { throw ValueError(value: text, expected: CalendarDate.expectedForm) }
    self.month = month
    self.day = day
  }

  public init(month: Month, day: Int) {
    precondition((1...CalendarDate.days(in: month)).contains(day), "no day \(day) in \(month)")
    self.month = month
    self.day = day
  }

  public static func days(in month: Month) -> Int {
    switch month.number {
    case 2:
      let year = month.year
      return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
    (lhs.month, lhs.day) < (rhs.month, rhs.day)
  }

  public var description: String { month.description + (day < 10 ? "-0" : "-") + String(day) }
}
