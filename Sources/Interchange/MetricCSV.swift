import ROIEngine

/// Monthly metric values in CSV, in either layout, told apart by the header:
/// long, `month,metric,value` (any order), one value per record; or wide, `month` and one
/// column per metric name, one month per record (an empty cell is no value).
public final class MetricCSVReader {
  public enum Layout: Sendable { case long, wide }

  public let layout: Layout
  private let reader: CSVReader
  private let header: Header
  private let rules: SnapshotRules
  private var seen: [Snapshot.Key: Int] = [:]

  public var file: String { reader.name }

  private let dialect: CSVDialect.Resolved
  private let numbers: HumanNumber
  private var ambiguity: Ambiguity

  /// `rules`: which months and values are accepted (see `SnapshotRules`).
  public convenience init(path: String, rules: SnapshotRules) throws {
    let (reader, dialect) = try CSVDialect().open(path)
    try self.init(reader: reader, dialect: dialect, rules: rules)
  }

  public convenience init(reader: CSVReader, metrics: [Metric], currency: Currency, latestMonth: Month) throws {
    try self.init(reader: reader, rules: SnapshotRules(metrics: metrics, currency: currency, latestMonth: latestMonth))
  }

  /// The long layout's columns in French or English (any case, without accents).
  static let headerAliases: [String: String] = [
    "month": "month", "mois": "month", "metric": "metric", "metrique": "metric", "indicateur": "metric",
    "value": "value", "valeur": "value",
  ]

  public init(
    reader: CSVReader, dialect: CSVDialect.Resolved = CSVDialect.Resolved(encoding: .utf8, delimiter: UInt8(ascii: ","), decimalComma: false, dateOrder: .dmy),
    ignoring: [String] = [], rules: SnapshotRules
  ) throws {
    self.reader = reader
    self.rules = rules
    self.dialect = dialect
    numbers = dialect.numbers(rules.currency)
    ambiguity = Ambiguity(decimalCommaInferred: dialect.decimalCommaInferred)
    guard let first = try reader.next() else {
      throw CSVError(file: reader.name, line: 1, message: Phrase(.metricsEmptyFile))
    }
    header = try Header(first, file: reader.name, aliases: MetricCSVReader.headerAliases, ignoring: ignoring)
    reader.columnNames = header.names
    if Set(header.readNames.map(\.name)) == ["month", "metric", "value"] {
      layout = .long
      return
    }
    guard header.position(of: "month") != nil else {
      throw CSVError(file: reader.name, line: first.line,
                     message: Phrase(.metricsNoMonth, ["header": first.fields.joined(separator: String(decoding: [reader.delimiter], as: UTF8.self)).shortened]))
    }
    for (position, name) in header.readNames where name != "month" {
      do {
        _ = try rules.metric(named: name)
      } catch {
        throw CSVError(file: reader.name, line: first.line, column: header.column(position),
                       message: Phrase(.metricColumnUnknown, phrases: ["error": .phrase(Phrase(error: error)), "name": .text(name.shortened)]))
      }
    }
    layout = .wide
  }

  /// Problems seen only once the whole file is read (see `ExpenseCSVReader.problemsAtEnd`).
  public func problemsAtEnd() -> [CSVError] { ambiguity.problems }

  /// The values of the next record and the problems in it; nil at the end of the file.
  public func next() throws -> (snapshots: [Snapshot], problems: [CSVError])? {
    guard let record = try reader.next() else { return nil }
    if let problem = header.valueWithoutName(record.fields, file: reader.name, line: record.line) { return ([], [problem]) }
    guard header.fieldCounts.contains(record.fields.count) else {
      return ([], [CSVError(file: reader.name, line: record.line,
                            message: Phrase(.fieldCount, ["count": "\(record.fields.count)", "expected": "\(header.names.count)"]))])
    }
    func field(_ name: String) -> (text: String, position: Int) {
      let position = header.position(of: name)!
      return (position < record.fields.count ? record.fields[position].trimmingSpaces() : "", position)
    }
    func problem(_ position: Int, _ message: Phrase) -> CSVError {
      CSVError(file: reader.name, line: record.line, column: header.column(position), message: message)
    }

    let (monthText, monthPosition) = field("month")
    let month: Month
    do {
      let canonical = try dialect.dates.month(monthText)
      do {
        month = try rules.month(canonical)
      } catch let error as ValueError where error.value == canonical {
        throw ValueError(value: monthText, expected: error.expected)  // as the file writes it
      }
    } catch {
      return ([], [problem(monthPosition, Phrase(error: error))])
    }

    let cells: [(name: String, text: String, position: Int)]
    switch layout {
    case .long:
      let (name, namePosition) = field("metric")
      do {
        _ = try rules.metric(named: name)
      } catch {
        return ([], [problem(namePosition, Phrase(error: error))])
      }
      let (text, position) = field("value")
      cells = [(name, text, position)]
    case .wide:
      cells = header.readNames.compactMap { position, name in
        let text = position < record.fields.count ? record.fields[position].trimmingSpaces() : ""
        return name == "month" || text.isEmpty ? nil : (name, text, position)
      }
    }

    return values(cells, month: month, line: record.line)
  }

  /// The snapshots of one record's cells (metric name, text, column) in `month`, and the problems in them.
  private func values(_ cells: [(name: String, text: String, position: Int)], month: Month, line: Int) -> (snapshots: [Snapshot], problems: [CSVError]) {
    func problem(_ position: Int, _ message: Phrase) -> CSVError {
      CSVError(file: reader.name, line: line, column: header.column(position), message: message)
    }
    var snapshots: [Snapshot] = []
    var problems: [CSVError] = []
    for (name, text, position) in cells {
      do {
        let reading = try numbers.read(text)
        let snapshot: Snapshot
        do {
          snapshot = try rules.snapshot(metric: name, month: month, value: reading.plain)
        } catch let error as ValueError where error.value == reading.plain {
          // As the file writes it, with the file's decimal mark in the form expected.
          throw ValueError(value: text, expected: numbers.said(error.expected))
        }
        ambiguity.note(reading, text: text, file: reader.name, line: line, column: header.column(position))
        if let earlier = seen.updateValue(line, forKey: snapshot.key) {
          problems.append(problem(position, Phrase(.valueTwice, ["metric": name, "month": "\(month)", "line": "\(earlier)"])))
        } else {
          snapshots.append(snapshot)
        }
      } catch {
        problems.append(problem(position, Phrase(error: error)))
      }
    }
    return (snapshots, problems)
  }
}

/// Metric values out, in the long layout.
public enum MetricCSVWriter {
  public static let header = "month,metric,value"

  public static func headerLine(locale: CSVLocale = .en) -> String {
    locale.start + locale.line(locale == .fr ? ["mois", "indicateur", "valeur"] : ["month", "metric", "value"])  // no-catalogue: column names read back
  }

  /// One value as a line, without its line end in the `en` locale (with it in the others).
  public static func line(_ snapshot: Snapshot, locale: CSVLocale = .en) -> String {
    let fields = [snapshot.month.description, locale.field(snapshot.metric), locale.number(snapshot.value.plain)]
    return locale == .en ? fields.joined(separator: ",") : locale.line(fields)
  }
}
