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

  public static let expectedForm = Phrase(.formMonth)

  /// Parses exactly "YYYY-MM" with a month from 01 to 12.
  public init(parsing text: String) throws {
    var bytes = text
    guard let month = bytes.withUTF8({ Month(bytes: $0) }) else {
      throw ValueError(value: text, expected: Month.expectedForm)
    }
    self = month
  }

  /// Parses UTF-8 bytes, as `init(parsing:)` does text; nil when they are not "YYYY-MM".
  public init?(bytes: UnsafeBufferPointer<UInt8>) {
    guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"),
      let year = decimalNumber(bytes, 0..<4), let month = decimalNumber(bytes, 5..<7),
      (1...12).contains(month), Month.years.contains(year)
    else { return nil }
    self.init(year: year, month: month)
  }

  /// The years crm-roi accepts: older dates are typos, and month text has four digits.
  public static let years = 1900...9999

  public func advanced(by months: Int) -> Month { Month(index: index + months) }

  /// Whole months from `self` to `other`.
  public func distance(to other: Month) -> Int { other.index - index }

  public static func < (lhs: Month, rhs: Month) -> Bool { lhs.index < rhs.index }

  public var description: String {
    String(unsafeUninitializedCapacity: 7) { buffer in
      writeDigits(year, count: 4, into: buffer, at: 0)
      buffer[4] = UInt8(ascii: "-")
      writeDigits(number, count: 2, into: buffer, at: 5)
      return 7
    }
  }
}

/// The number written in `bytes[range]`, all ASCII digits; nil otherwise.
@inline(__always)
func decimalNumber(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
  var value = 0
  for index in range {
    let digit = Int(bytes[index]) - 48
    guard digit >= 0, digit <= 9 else { return nil }
    value = value * 10 + digit
  }
  return value
}

/// Writes `value` as `count` zero-padded digits (for years 0…9999, months and days).
@inline(__always)
func writeDigits(_ value: Int, count: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, at offset: Int) {
  var value = value
  for position in stride(from: offset + count - 1, through: offset, by: -1) {
    buffer[position] = UInt8(48 + value % 10)
    value /= 10
  }
}

/// A calendar day, "YYYY-MM-DD", checked against the real calendar (leap years included).
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let month: Month
  public let day: Int

  public static let expectedForm = Phrase(.formDate)

  public init(parsing text: String) throws {
    var bytes = text
    guard let date = bytes.withUTF8({ CalendarDate(bytes: $0) }) else {
      throw ValueError(value: text, expected: CalendarDate.expectedForm)
    }
    self = date
  }

  /// Parses UTF-8 bytes, as `init(parsing:)` does text; nil when they are not a real "YYYY-MM-DD".
  public init?(bytes: UnsafeBufferPointer<UInt8>) {
    guard bytes.count == 10, bytes[7] == UInt8(ascii: "-"),
      let month = Month(bytes: UnsafeBufferPointer(rebasing: bytes[0..<7])),
      let day = decimalNumber(bytes, 8..<10), day >= 1, day <= CalendarDate.days(in: month)
    else { return nil }
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

  /// A count of days (Howard Hinnant's days_from_civil): the difference of two is the days
  /// between them.
  public var dayIndex: Int {
    let year = month.year - (month.number <= 2 ? 1 : 0)
    let era = (year >= 0 ? year : year - 399) / 400
    let yearOfEra = year - era * 400
    let dayOfYear = (153 * ((month.number + 9) % 12) + 2) / 5 + day - 1
    return era * 146_097 + yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
  }

  public var description: String {
    String(unsafeUninitializedCapacity: 10) { buffer in
      writeDigits(month.year, count: 4, into: buffer, at: 0)
      buffer[4] = UInt8(ascii: "-")
      writeDigits(month.number, count: 2, into: buffer, at: 5)
      buffer[7] = UInt8(ascii: "-")
      writeDigits(day, count: 2, into: buffer, at: 8)
      return 10
    }
  }
}
