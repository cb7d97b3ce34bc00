import ROIEngine

/// Which field of a `01/02/2026` date is the day.
public enum DateOrder: String, CaseIterable, Sendable {
  /// Day first: 01/02/2026 is 1 February (France, most of Europe). The default.
  case dmy
  /// Month first: 01/02/2026 is 2 January (the United States); only when asked for.
  case mdy
}

/// Dates and months as spreadsheets write them, turned into crm-roi's forms (YYYY-MM-DD, YYYY-MM).
public struct HumanDate: Sendable {
  public let order: DateOrder

  public init(order: DateOrder) { self.order = order }

  public var dateForm: Phrase { Phrase(order == .dmy ? .formDayFirstDate : .formMonthFirstDate) }
  public static let monthForm = Phrase(.formHumanMonth)

  /// `text` as a date (see `date`).
  public func calendarDate(_ text: String) throws -> CalendarDate {
    if text.utf8.count == 10, let date = try? CalendarDate(parsing: text) { return date }
    return try CalendarDate(parsing: try date(text))
  }

  /// `text` as YYYY-MM-DD. A time after the date (`2026-02-03 14:05:00 +0100`, `…T14:05:00Z`) is
  /// left out: the date is the day as written.
  public func date(_ text: String) throws -> String {
    // The common case: already YYYY-MM-DD.
    if text.utf8.count == 10, let date = try? CalendarDate(parsing: text) { return date.description }
    let trimmed = text.trimmingSpaces()
    let datePart = trimmed.split(whereSeparator: { $0 == " " || $0 == "T" }).first.map(String.init) ?? ""
    guard datePart.count < trimmed.count ? looksLikeTime(trimmed.dropFirst(datePart.count + 1)) : true else {
      throw ValueError(value: text, expected: dateForm)
    }
    let fields = datePart.split(omittingEmptySubsequences: false) { $0 == "/" || $0 == "." || $0 == "-" }
    let separators = Set(datePart.filter { $0 == "/" || $0 == "." || $0 == "-" })
    guard fields.count == 3, separators.count == 1, fields.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else {
      throw ValueError(value: text, expected: dateForm)
    }
    let numbers = fields.map { Int($0)! }
    let (year, month, day): (Int, Int, Int)
    if fields[0].count == 4 && separators == ["-"] {
      (year, month, day) = (numbers[0], numbers[1], numbers[2])
    } else if fields[2].count == 4, fields[0].count <= 2, fields[1].count <= 2 {
      if order == .mdy {
        guard separators == ["/"] else { throw ValueError(value: text, expected: dateForm) }
        (year, month, day) = (numbers[2], numbers[0], numbers[1])
      } else {
        if numbers[1] > 12 && numbers[0] <= 12 {
          throw ValueError(value: text, expected: Phrase(.formDayFirstNoMonth, ["month": "\(numbers[1])"]))
        }
        (year, month, day) = (numbers[2], numbers[1], numbers[0])
      }
    } else {
      throw ValueError(value: text, expected: dateForm)
    }
    let canonical = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    do {
      return try CalendarDate(parsing: canonical).description
    } catch let error as ValueError {
      // A date written day first that does not exist is said so in its own form.
      throw ValueError(
        value: text, expected: fields[0].count == 4 ? error.expected : Phrase(.formExistingDate, phrases: ["date": .text(canonical), "form": .phrase(dateForm)]))
    }
  }

  /// `text` as YYYY-MM: YYYY-MM, MM/YYYY, a month name (French or English, full or short, any
  /// case, with or without accents) and a year (`janv. 2025`, `Jan 2025`, Excel's `janv.-25`), or
  /// the first day of a month written as a date (Excel turns 2025-01 into 01/01/2025).
  public func month(_ text: String) throws -> String {
    let trimmed = text.trimmingSpaces()
    if let month = try? Month(parsing: trimmed) { return month.description }
    let fields = trimmed.split(omittingEmptySubsequences: true) { $0 == "/" || $0 == "." || $0 == "-" || $0 == " " }
    if fields.count == 2, fields.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }), fields[0].count <= 2, fields[1].count == 4 {
      return try checked("\(fields[1])-\(pad(Int(fields[0])!, 2))", text)
    }
    if fields.count == 2, let number = HumanDate.monthNumber(fields[0]), fields[1].allSatisfy(\.isASCIIDigit),
      fields[1].count == 4 || fields[1].count == 2
    {
      let year = fields[1].count == 4 ? Int(fields[1])! : 2000 + Int(fields[1])!
      return try checked("\(pad(year, 4))-\(pad(number, 2))", text)
    }
    if let date = try? date(trimmed), date.hasSuffix("-01") {
      return String(date.prefix(7))
    }
    throw ValueError(value: text, expected: HumanDate.monthForm)
  }

  private func checked(_ canonical: String, _ text: String) throws -> String {
    guard let month = try? Month(parsing: canonical) else { throw ValueError(value: text, expected: HumanDate.monthForm) }
    return month.description
  }

  private func looksLikeTime(_ rest: Substring) -> Bool {
    guard let first = rest.first, first.isASCIIDigit else { return false }
    return rest.allSatisfy { $0.isASCIIDigit || ":.+-Z ".contains($0) }
  }

  private func pad(_ number: Int, _ width: Int) -> String {
    let digits = String(number)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }

  /// French and English month names, full and short, folded (lower case, no accents, no dot).
  static let monthNames: [String: Int] = {
    let names = [
      ["janvier", "janv", "jan", "january"], ["fevrier", "fevr", "fev", "february", "feb"],
      ["mars", "mar", "march"], ["avril", "avr", "april", "apr"], ["mai", "may"], ["juin", "june", "jun"],
      ["juillet", "juil", "july", "jul"], ["aout", "august", "aug"], ["septembre", "sept", "sep", "september"],
      ["octobre", "oct", "october"], ["novembre", "nov", "november"], ["decembre", "dec", "december"],
    ]
    var table: [String: Int] = [:]
    for (index, spellings) in names.enumerated() { for name in spellings { table[name] = index + 1 } }
    return table
  }()

  static func monthNumber(_ text: Substring) -> Int? {
    var folded = Folding.key(String(text))
    if folded.hasSuffix(".") { folded.removeLast() }
    return monthNames[folded]
  }
}

/// Text folded for matching names people type: lower case, accents and combining marks removed,
/// œ and æ spelled out, spaces and underscores as '-'... only what headers and month names need.
enum Folding {
  private static let plain: [Character: String] = [
    "à": "a", "â": "a", "ä": "a", "á": "a", "ã": "a", "å": "a", "ç": "c", "é": "e", "è": "e", "ê": "e", "ë": "e",
    "î": "i", "ï": "i", "í": "i", "ì": "i", "ô": "o", "ö": "o", "ó": "o", "ò": "o", "õ": "o", "ù": "u", "û": "u",
    "ü": "u", "ú": "u", "ÿ": "y", "ñ": "n", "œ": "oe", "æ": "ae", "’": "'",
  ]

  static func key(_ text: String) -> String {
    var output = ""
    for character in text.trimmingSpaces().lowercased() {
      // Drop combining marks typed apart (e + U+0301) by keeping the base letter only.
      let base = Character(character.unicodeScalars.first!)
      if let replacement = plain[base] { output += replacement } else { output.append(base) }
    }
    return output
  }
}
