#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import ROIEngine

/// One line of a FEC (fichier des écritures comptables), with the fields crm-roi reads.
public struct FECLine: Equatable, Sendable {
  /// The line's number in the file (1-based, the header is line 1).
  public let line: Int
  public let journal: String
  public let entryNumber: String
  public let date: CalendarDate
  public let account: String
  public let accountLabel: String
  /// `CompAuxLib`: the supplier's or customer's name on a 401…/411… line.
  public let auxiliaryLabel: String
  public let label: String
  /// `PieceRef`: the voucher (invoice number…); empty when the file has no such column.
  public let pieceRef: String
  /// Debit − Credit, in minor units of the database's currency.
  public let amount: Int64

  public init(
    line: Int, journal: String, entryNumber: String, date: CalendarDate, account: String, accountLabel: String = "",
    auxiliaryLabel: String = "", label: String, pieceRef: String = "", amount: Int64
  ) {
    (self.line, self.journal, self.entryNumber, self.date, self.account) = (line, journal, entryNumber, date, account)
    (self.accountLabel, self.auxiliaryLabel, self.label, self.pieceRef, self.amount) = (accountLabel, auxiliaryLabel, label, pieceRef, amount)
  }
}

/// A whole FEC, read and checked: the 18 columns of article A47 A-1 of the Livre des procédures
/// fiscales (`…|Debit|Credit|…`, or the variant with `Montant|Sens`), tab- or `|`-separated, dates
/// as YYYYMMDD, amounts with a decimal comma; UTF-8, else ISO-8859-15 or Windows-1252 (detected).
///
/// The file is not read as RFC 4180 CSV: a FEC has no quoting, so a `"` is plain text (a label like
/// `Licence "Pro"` is common) and each line of the file is one record, split at every delimiter.
/// The whole file is held in memory (a FEC is one company's year: a few hundred thousand lines at
/// most), since the lines of one entry need not be next to each other.
public struct FECFile: Sendable {
  /// The columns named by the standard, in order; the variant has `Montant|Sens` for `Debit|Credit`.
  public static let columns = [
    "JournalCode", "JournalLib", "EcritureNum", "EcritureDate", "CompteNum", "CompteLib", "CompAuxNum", "CompAuxLib",
    "PieceRef", "PieceDate", "EcritureLib", "Debit", "Credit", "EcritureLet", "DateLet", "ValidDate", "Montantdevise",
    "Idevise",
  ]
  public static let expectedHeader = Phrase(.fecHeader, ["columns": columns.joined(separator: "|")])

  public let file: String
  public let lines: [FECLine]
  public let encoding: TextEncoding
  /// Whether the file has `Montant|Sens` rather than `Debit|Credit`.
  public let signedAmounts: Bool
  /// Where the `EcritureDate` column is (1-based), to name it in an error about a month.
  public let dateColumn: Int
  /// The fiscal year's closing date that the file's name gives (`SIRENFECAAAAMMJJ`, as the
  /// standard names the file), or nil when the name does not follow it.
  public let closingDateFromName: CalendarDate?

  /// Reads `path` ("-": standard input), named `name` in messages when given; every bad value is
  /// collected and thrown as `ImportProblems`.
  public init(path: String, name shown: String? = nil, currency: Currency) throws {
    let (bytes, name) = try TextFile.contents(of: path, expected: Phrase(.aFECFile))
    try self.init(bytes: bytes, name: shown ?? name, currency: currency)
  }

  /// Reads a FEC already in memory, under `name` in messages.
  public init(bytes: [UInt8], name: String, currency: Currency) throws {
    file = name
    closingDateFromName = FECFile.closingDate(fromName: name)
    let text: [UInt8]
    (text, encoding) = try TextFile.decode(bytes, name: name)
    let records = FECFile.records(text)
    guard let header = records.first else {
      throw CSVError(file: name, line: 1, message: Phrase(.fecEmpty, phrases: ["expected": .phrase(FECFile.expectedHeader)]))
    }
    let tabs = header.bytes.count { $0 == UInt8(ascii: "\t") }
    let bars = header.bytes.count { $0 == UInt8(ascii: "|") }
    guard tabs > 0 || bars > 0 else {
      throw CSVError(file: name, line: header.line, message: Phrase(.fecNoSeparator, phrases: ["expected": .phrase(FECFile.expectedHeader)]))
    }
    let delimiter = bars > tabs ? UInt8(ascii: "|") : UInt8(ascii: "\t")
    func split(_ bytes: ArraySlice<UInt8>) -> [String] {
      bytes.split(separator: delimiter, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    }
    let names = split(header.bytes).map { $0.trimmingSpaces() }
    var index: [String: Int] = [:]
    for (position, column) in names.enumerated() where index[column.lowercased()] == nil { index[column.lowercased()] = position }
    signedAmounts = index["debit"] == nil && index["montant"] != nil
    let needed = ["JournalCode", "EcritureNum", "EcritureDate", "CompteNum", "CompteLib", "CompAuxLib", "EcritureLib"]
      + (signedAmounts ? ["Montant", "Sens"] : ["Debit", "Credit"])
    var positions: [String: Int] = [:]
    for column in needed {
      guard let position = index[column.lowercased()] else {
        throw CSVError(file: name, line: header.line, message: Phrase(.fecNoColumn, phrases: ["column": .text(column), "expected": .phrase(FECFile.expectedHeader)]))
      }
      positions[column] = position
    }
    dateColumn = positions["EcritureDate"]! + 1
    let pieceColumn = index["pieceref"]
    let separator = Phrase(delimiter == UInt8(ascii: "|") ? .fecPipes : .fecTabs)
    var problems = ImportProblems(file: name)
    var lines: [FECLine] = []
    lines.reserveCapacity(records.count - 1)
    for record in records.dropFirst() {
      // Every field counts, trailing empty ones too: a separator inside a label (`Licences CRM | 1500`)
      // makes one field more, which must be refused rather than shift the amounts.
      let fields = split(record.bytes)
      guard fields.count == names.count else {
        problems.append(CSVError(
          file: name, line: record.line,
          message: Phrase(fields.count == 1 ? .fecOneField : .fecFieldCount, phrases: [
            "count": .text("\(fields.count)"), "expected": .text("\(names.count)"), "separator": .phrase(separator),
          ])))
        continue
      }
      if record.bytes.contains(0) {
        problems.append(CSVError(file: name, line: record.line, message: Phrase(.nulByte)))
        continue
      }
      if let line = FECFile.line(record.line, fields, positions: positions, pieceColumn: pieceColumn, signedAmounts: signedAmounts, currency: currency, file: name, problems: &problems) {
        lines.append(line)
      }
    }
    try problems.check()
    self.lines = lines
  }

  /// The file's non-blank lines with their numbers. A line ends at LF, CR LF, CR CR LF (some
  /// software's) or a lone CR (old Mac files).
  static func records(_ text: [UInt8]) -> [(line: Int, bytes: ArraySlice<UInt8>)] {
    var records: [(line: Int, bytes: ArraySlice<UInt8>)] = []
    var start = 0
    var number = 1
    var cursor = 0
    while cursor < text.count {
      let byte = text[cursor]
      guard byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") else {
        cursor += 1
        continue
      }
      records.append((number, text[start..<cursor]))
      var end = cursor
      while end < text.count, text[end] == UInt8(ascii: "\r") { end += 1 }
      if end < text.count, text[end] == UInt8(ascii: "\n") { end += 1 } else if byte == UInt8(ascii: "\r") { end = cursor + 1 }
      (start, cursor, number) = (end, end, number + 1)
    }
    if start < text.count { records.append((number, text[start...])) }
    records = records.filter { !$0.bytes.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") } }
    return records
  }

  /// One line of the file from its `fields`; nil when a value is wrong, each wrong value added to `problems`.
  static func line(
    _ number: Int, _ fields: [String], positions: [String: Int], pieceColumn: Int?, signedAmounts: Bool, currency: Currency, file name: String,
    problems: inout ImportProblems
  ) -> FECLine? {
    var bad = false
    func field(_ column: String) -> String { fields[positions[column]!].trimmingSpaces() }
    func check<T>(_ column: String, _ parse: (String) throws -> T) -> T? {
      do {
        return try parse(field(column))
      } catch let error as ValueError {
        problems.append(CSVError(file: name, line: number, column: (positions[column]! + 1, column), error: error))
      } catch {
        problems.append(CSVError(file: name, line: number, column: (positions[column]! + 1, column), error: error))
      }
      bad = true
      return nil
    }
    func required(_ column: String) -> String? {
      check(column) { text in
        guard !text.isEmpty else { throw ValueError(value: "", expected: Phrase(.fecRequired, ["column": column])) }
        return text
      }
    }
    let journal = required("JournalCode")
    let entry = required("EcritureNum")
    let date = check("EcritureDate", FECFile.date)
    let account = required("CompteNum")
    let amount: Int64?
    if signedAmounts {
      let montant = check("Montant") { try FECFile.amount($0, currency: currency) }
      let sign = check("Sens", FECFile.sign)
      amount = montant.flatMap { montant in sign.flatMap { sign in sign * montant } }
    } else {
      let debit = check("Debit") { try FECFile.amount($0, currency: currency) }
      let credit = check("Credit") { try FECFile.amount($0, currency: currency) }
      let difference = debit.flatMap { debit in credit.map { debit.subtractingReportingOverflow($0) } }
      if let difference, difference.overflow {
        problems.append(CSVError(
          file: name, line: number, column: (positions["Debit"]! + 1, "Debit"),
          message: Phrase(.fecDifferenceOutOfRange, ["debit": field("Debit"), "credit": field("Credit")])))
        bad = true
      }
      amount = difference?.partialValue
    }
    guard !bad, let journal, let entry, let date, let account, let amount else { return nil }
    return FECLine(
      line: number, journal: journal, entryNumber: entry, date: date, account: account,
      accountLabel: field("CompteLib"), auxiliaryLabel: field("CompAuxLib"), label: field("EcritureLib"),
      pieceRef: pieceColumn.map { fields[$0].trimmingSpaces() } ?? "", amount: amount)
  }

  /// The closing date in a name like `123456789FEC20241231.txt` (the SIREN's digits, however many
  /// the software wrote; any folder, any extension, any case).
  static func closingDate(fromName name: String) -> CalendarDate? {
    let base = Array(name.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? name)
    let digits = base.prefix { $0.isASCII && $0.isNumber }.count
    guard digits > 0, base.count >= digits + 11, String(base[digits..<digits + 3]).uppercased() == "FEC",
      base[(digits + 3)..<(digits + 11)].allSatisfy({ $0.isASCII && $0.isNumber })
    else { return nil }
    return try? date(String(base[(digits + 3)..<(digits + 11)]))
  }

  /// `EcritureDate` as the standard writes it: YYYYMMDD.
  static func date(_ text: String) throws -> CalendarDate {
    let expected = Phrase(.fecDateForm)
    guard text.utf8.count == 8, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
      throw ValueError(value: text, expected: expected)
    }
    let digits = Array(text)
    do {
      return try CalendarDate(parsing: "\(String(digits[0..<4]))-\(String(digits[4..<6]))-\(String(digits[6..<8]))")
    } catch {
      throw ValueError(value: text, expected: Phrase(.fecRealDay))
    }
  }

  /// An amount as a FEC writes it: digits, a decimal comma (a point is taken too), no grouping;
  /// an empty field is 0. In minor units of `currency`, which the FEC's amounts are in.
  static func amount(_ text: String, currency: Currency) throws -> Int64 {
    let expected = currency.minorUnits == 0 ? Phrase(.fecWholeAmount) : Phrase(.fecAmount, ["places": "\(currency.minorUnits)"])
    guard !text.isEmpty else { return 0 }
    var body = Substring(text)
    if body.first == "-" || body.first == "+" { body = body.dropFirst() }
    let parts = body.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false).flatMap {
      $0.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    }
    guard !parts.isEmpty, parts.count <= 2, !parts[0].isEmpty, parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
      parts.count == 1 || !parts[1].isEmpty
    else { throw ValueError(value: text, expected: expected) }
    let plain = (text.hasPrefix("-") ? "-" : "") + parts.joined(separator: ".")
    guard let money = try? currency.parseAmount(plain) else { throw ValueError(value: text, expected: expected) }
    return money.minor
  }

  /// `Sens`: D (debit) is +1, C (credit) −1; the `+1`/`-1` some software writes are taken too.
  static func sign(_ text: String) throws -> Int64 {
    switch text.uppercased() {
    case "D", "+1", "1": 1
    case "C", "-1": -1
    default: throw ValueError(value: text, expected: Phrase(.fecSide))
    }
  }
}

/// A small text file read whole, and its encoding settled.
enum TextFile {
  /// The bytes of `path` ("-": standard input) and the name messages give it.
  static func contents(of path: String, expected: Phrase) throws -> (bytes: [UInt8], name: String) {
    let name = path == "-" ? "<stdin>" : path
    let descriptor = path == "-" ? 0 : open(path, O_RDONLY)
    guard descriptor >= 0 else {
      throw CSVError(file: path, line: 0, message: Phrase(.cannotOpen, phrases: ["reason": .phrase(.system(errno, String(cString: strerror(errno)))), "expected": .phrase(expected)]))
    }
    defer { if descriptor != 0 { close(descriptor) } }
    var info = stat()
    if fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
      throw CSVError(file: path, line: 0, message: Phrase(.isADirectory, phrases: ["expected": .phrase(expected)]))
    }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw CSVError(file: name, line: 0, message: Phrase(.cannotRead, phrases: ["reason": .phrase(.system(errno, String(cString: strerror(errno))))]))
      }
      if count == 0 { break }
      bytes += chunk[0..<count]
    }
    return (bytes, name)
  }

  /// `bytes` as UTF-8 without a byte order mark, and the encoding they were in: UTF-16 after its
  /// mark; UTF-8 when valid; else a single-byte encoding: Windows-1252 when some byte is in
  /// 0x80–0x9F (C1 controls in ISO-8859-15, letters and `€` in Windows-1252), else ISO-8859-15,
  /// the 8-bit encoding the FEC standard names (`€` is 0xA4 there).
  static func decode(_ bytes: [UInt8], name: String) throws -> (text: [UInt8], encoding: TextEncoding) {
    if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
      guard let text = TextEncoding.utf16ToUTF8(bytes[2...], bigEndian: bytes[0] == 0xFE) else {
        throw CSVError(file: name, line: 1, message: Phrase(.notUTF16Text))
      }
      return (text, .utf16)
    }
    let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes[3...]) : bytes
    if String(validating: body, as: UTF8.self) != nil { return (body, .utf8) }
    let latin9 = !body.contains { $0 >= 0x80 && $0 <= 0x9F }
    return (TextEncoding.singleByteToUTF8(body[...], latin9: latin9), latin9 ? .latin9 : .windows1252)
  }
}
