import ROIEngine

/// How a FEC's lines form entries (écritures), within one fiscal year: the key each line's entry
/// has, its position in that entry, the journals whose numbers do not identify entries, and the
/// opening (à-nouveaux) entries. Pure: built from the lines alone.
///
/// An entry is `JournalCode` + `EcritureNum`, as the standard says. Some software writes an
/// `EcritureNum` that does not identify entries (0 on every line, or one number a day): a journal
/// where one number spans more than one `EcritureDate`, or whose lines under one number do not
/// balance, has its lines grouped by `JournalCode` + `EcritureDate` + `PieceRef` + `EcritureLib`
/// instead (the voucher, as an accountant would read the journal).
public struct FECEntries {
  /// One entry's identity within its fiscal year.
  public struct Key: Hashable, Sendable {
    public let journal: String
    /// `EcritureNum`, or `DATE/PIECEREF/LABEL` in a regrouped journal.
    public let number: String
  }

  /// A journal whose `EcritureNum` did not identify entries: how many entries it was read as.
  public struct Regrouped: Equatable, Sendable {
    public let journal: String
    public let entries: Int
    public let lines: Int
  }

  /// The fiscal year the file covers: its first and closing days.
  public let firstDay: CalendarDate
  public let closing: CalendarDate
  /// For each line of the file, in order: its entry and its position in the entry (1-based).
  public private(set) var keys: [Key] = []
  public private(set) var positions: [Int] = []
  public private(set) var regrouped: [Regrouped] = []
  /// The entries that carry the previous year's balances forward.
  public private(set) var opening: Set<Key> = []

  /// The opening-balance journal's usual code, and words that mark an opening entry's label
  /// (compared without case or accents).
  public static let openingJournal = "AN"
  /// Words that mark an opening entry anywhere in its label (`a nouveau` alone also means "again",
  /// so it counts only at the label's start: `A nouveau`, `A-nouveaux 2025`).
  public static let openingWordsAtStart = ["a nouveau", "a-nouveau", "anouveau"]  // no-catalogue: words matched in the files
  public static let openingWords = ["reprise des soldes", "solde d'ouverture", "soldes d'ouverture", "bilan d'ouverture", "report a nouveau"]  // no-catalogue: words matched in the files

  public init(_ lines: [FECLine], closing: CalendarDate) {
    self.closing = closing
    let start = closing.month.advanced(by: -11)
    firstDay = CalendarDate(month: start, day: 1)
    let unreliable = FECEntries.journalsWithoutEntryNumbers(lines)
    var counts: [Key: Int] = [:]
    var regroupedEntries: [String: (entries: Set<String>, lines: Int)] = [:]
    keys.reserveCapacity(lines.count)
    positions.reserveCapacity(lines.count)
    for line in lines {
      let key: Key
      if unreliable.contains(line.journal) {
        key = Key(journal: line.journal, number: "\(line.date)/\(line.pieceRef)/\(line.label)")
        regroupedEntries[line.journal, default: ([], 0)].entries.insert(key.number)
        regroupedEntries[line.journal, default: ([], 0)].lines += 1
      } else {
        key = Key(journal: line.journal, number: line.entryNumber)
      }
      counts[key, default: 0] += 1
      keys.append(key)
      positions.append(counts[key]!)
    }
    regrouped = regroupedEntries.sorted { $0.key < $1.key }.map { Regrouped(journal: $0.key, entries: $0.value.entries.count, lines: $0.value.lines) }
    opening = FECEntries.openingEntries(lines, keys: keys, firstDay: firstDay)
  }

  /// Where the fiscal year's closing date was read.
  public enum ClosingSource: Equatable, Sendable {
    /// The file's name (`SIRENFECAAAAMMJJ`).
    case name
    /// The lines' dates and the fiscal year start: the name does not follow the standard.
    case dates
    /// The lines' dates: the name's date (given) does not fit them (a line after it, or more than
    /// 24 months before it, the longest a fiscal year may run).
    case datesNotName(CalendarDate)
  }

  /// The fiscal year's closing date: from the file's name when it follows the standard and fits
  /// the lines, else the end of the fiscal year (starting in month `fiscalYearStart`) that holds
  /// most of the file's lines (a stray line of another year does not move it).
  public static func closing(of fec: FECFile, fiscalYearStart: Int) -> (date: CalendarDate, source: ClosingSource) {
    let first = fec.lines.map(\.date).min()
    let last = fec.lines.map(\.date).max()
    if let named = fec.closingDateFromName {
      guard let first, let last else { return (named, .name) }
      if last <= named, first.month >= named.month.advanced(by: -24) { return (named, .name) }
      return (mostLinesYearEnd(fec.lines, fiscalYearStart: fiscalYearStart), .datesNotName(named))
    }
    return (mostLinesYearEnd(fec.lines, fiscalYearStart: fiscalYearStart), .dates)
  }

  static func yearEnd(holding date: CalendarDate, fiscalYearStart: Int) -> CalendarDate {
    var start = Month(year: date.month.year, month: fiscalYearStart)
    if start > date.month { start = start.advanced(by: -12) }
    let last = min(start.advanced(by: 11), Month(year: 9999, month: 12))
    return CalendarDate(month: last, day: CalendarDate.days(in: last))
  }

  /// The end of the fiscal year that holds most of `lines` (the later one on a tie).
  static func mostLinesYearEnd(_ lines: [FECLine], fiscalYearStart: Int) -> CalendarDate {
    var counts: [CalendarDate: Int] = [:]
    for line in lines { counts[yearEnd(holding: line.date, fiscalYearStart: fiscalYearStart), default: 0] += 1 }
    return counts.max { ($0.value, $0.key) < ($1.value, $1.key) }?.key ?? CalendarDate(month: Month(year: 2000, month: 12), day: 31)
  }

  /// The journals where one `EcritureNum` spans several dates or does not balance.
  static func journalsWithoutEntryNumbers(_ lines: [FECLine]) -> Set<String> {
    struct Seen {
      var date: CalendarDate
      var manyDates = false
      var sum: Int64 = 0
      var overflow = false
    }
    var entries: [Key: Seen] = [:]
    for line in lines {
      let key = Key(journal: line.journal, number: line.entryNumber)
      var seen = entries[key] ?? Seen(date: line.date)
      if seen.date != line.date { seen.manyDates = true }
      let (sum, overflow) = seen.sum.addingReportingOverflow(line.amount)
      (seen.sum, seen.overflow) = (sum, seen.overflow || overflow)
      entries[key] = seen
    }
    return Set(entries.filter { $0.value.manyDates || $0.value.sum != 0 || $0.value.overflow }.map(\.key.journal))
  }

  /// The entries of the opening journal (`AN`), those whose label says they carry balances
  /// forward, and those dated on the fiscal year's first day with balance-sheet accounts only
  /// (classes 1 to 5).
  static func openingEntries(_ lines: [FECLine], keys: [Key], firstDay: CalendarDate) -> Set<Key> {
    var opening: Set<Key> = []
    var balanceSheetOnly: [Key: Bool] = [:]
    for (line, key) in zip(lines, keys) {
      if key.journal.uppercased() == openingJournal {
        opening.insert(key)
        continue
      }
      let label = Folding.key(line.label)
      if openingWords.contains(where: label.contains) || openingWordsAtStart.contains(where: label.hasPrefix) { opening.insert(key) }
      if line.date == firstDay {
        let balanceSheet = line.account.first.map { "12345".contains($0) } ?? false
        balanceSheetOnly[key] = (balanceSheetOnly[key] ?? true) && balanceSheet
      } else {
        balanceSheetOnly[key] = false
      }
    }
    for (key, only) in balanceSheetOnly where only { opening.insert(key) }
    return opening
  }
}
