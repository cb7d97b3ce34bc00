import ROIEngine

/// How a CSV file is written: what the user said (`--delimiter`, `--decimal-comma`, `--date-format`,
/// `--encoding`, `--ignore-column`) and, where they said nothing, what the file shows.
public struct CSVDialect: Sendable {
  /// `,`, `;` or tab; nil: the one the header line holds most.
  public var delimiter: UInt8?
  /// nil: a decimal comma with `;` or tab, a point with `,`.
  public var decimalComma: Bool?
  public var dateOrder: DateOrder
  /// nil: UTF-16 after its mark, UTF-8 when valid, else Windows-1252.
  public var encoding: TextEncoding?
  /// Columns to leave out, matched as headers are (any case, without accents).
  public var ignoredColumns: [String]

  public init(
    delimiter: UInt8? = nil, decimalComma: Bool? = nil, dateOrder: DateOrder = .dmy, encoding: TextEncoding? = nil,
    ignoredColumns: [String] = []
  ) {
    self.delimiter = delimiter
    self.decimalComma = decimalComma
    self.dateOrder = dateOrder
    self.encoding = encoding
    self.ignoredColumns = ignoredColumns
  }

  /// The delimiters a CSV file may use, the first winning a tie.
  public static let delimiters: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")]

  /// `--delimiter`'s value: `,`, `;`, `tab` or `\t`.
  public static func delimiter(option text: String) -> UInt8? {
    switch text {
    case ",": UInt8(ascii: ",")
    case ";": UInt8(ascii: ";")
    case "tab", "\\t", "\t": UInt8(ascii: "\t")
    default: nil
    }
  }

  /// Opens `path` (standard input for "-") and settles encoding and delimiter.
  /// `skipping`: lines before the header, passed over when the delimiter is sniffed; `name`: the
  /// file's name in messages, when not its path.
  public func open(_ path: String, skipping: Int = 0, name: String? = nil) throws -> (reader: CSVReader, resolved: Resolved) {
    let reader = try CSVReader(path: path, name: name)
    try reader.settleEncoding(encoding)
    reader.delimiter = delimiter ?? reader.sniffDelimiter(among: CSVDialect.delimiters, afterLines: skipping)
    let comma = decimalComma ?? (reader.delimiter != UInt8(ascii: ","))
    var resolved = Resolved(encoding: reader.encoding, delimiter: reader.delimiter, decimalComma: comma, dateOrder: dateOrder)
    resolved.alsoWindows1252 = reader.alsoWindows1252
    resolved.decimalCommaInferred = decimalComma == nil
    return (reader, resolved)
  }

  /// The dialect a file was read in, for the import's summary.
  public struct Resolved: Sendable {
    public let encoding: TextEncoding
    public let delimiter: UInt8
    public let decimalComma: Bool
    public let dateOrder: DateOrder

    /// Text around the first pair that makes a Windows-1252 file valid UTF-8 by chance, read as
    /// Windows-1252 (`CSVReader.alsoWindows1252`).
    public var alsoWindows1252: String?
    /// Whether the decimal mark was inferred from the separator rather than given.
    public var decimalCommaInferred = false

    public init(encoding: TextEncoding, delimiter: UInt8, decimalComma: Bool, dateOrder: DateOrder) {
      self.encoding = encoding
      self.delimiter = delimiter
      self.decimalComma = decimalComma
      self.dateOrder = dateOrder
    }

    /// "UTF-8, comma-separated, decimal point".
    public func summary(_ language: Language) -> String {
      let separated: Message = switch delimiter {
      case UInt8(ascii: ";"): .semicolonSeparated
      case UInt8(ascii: "\t"): .tabSeparated
      default: .commaSeparated
      }
      return Catalogue.text(.dialectSummary, language, [
        "encoding": encoding.displayName, "separated": Catalogue.text(separated, language),
        "decimal": Catalogue.text(decimalComma ? .decimalComma : .decimalPoint, language),
        "dates": dateOrder == .mdy ? Catalogue.text(.monthFirstDates, language) : "",
      ]) + (alsoWindows1252.map { Catalogue.text(.alsoWindows1252, language, ["sample": $0]) } ?? "")
    }

    /// Whether values in canonical form (ISO dates, `1234.56`) read as they are.
    var isCanonical: Bool { !decimalComma }

    public func numbers(_ currency: Currency) -> HumanNumber { HumanNumber(decimalComma: decimalComma, currency: currency) }
    public var dates: HumanDate { HumanDate(order: dateOrder) }
  }
}
