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

  /// `rules`: which months and values are accepted (see `SnapshotRules`).
  public convenience init(path: String, rules: SnapshotRules) throws {
    try self.init(reader: try CSVReader(path: path), rules: rules)
  }

  public convenience init(reader: CSVReader, metrics: [Metric], currency: Currency, latestMonth: Month) throws {
    try self.init(reader: reader, rules: SnapshotRules(metrics: metrics, currency: currency, latestMonth: latestMonth))
  }

  public init(reader: CSVReader, rules: SnapshotRules) throws {
    self.reader = reader
    self.rules = rules
    guard let first = try reader.next() else {
      throw CSVError(file: reader.name, line: 1, message: "the file is empty; expected a header row: month,metric,value or month,NAME,NAME…")
    }
    header = try Header(first, file: reader.name)
    reader.columnNames = header.names
    if Set(header.names) == ["month", "metric", "value"] {
      layout = .long
      return
    }
    guard header.position(of: "month") != nil else {
      throw CSVError(file: reader.name, line: first.line,
                     message: "the header '\(first.fields.joined(separator: ","))' has no month column; expected month,metric,value or month,NAME,NAME…")
    }
    for (position, name) in header.names.enumerated() where name != "month" {
      do {
        _ = try rules.metric(named: name)
      } catch {
        throw CSVError(file: reader.name, line: first.line, column: header.column(position), message: "\(error)")
      }
    }
    layout = .wide
  }

  /// The values of the next record and the problems in it; nil at the end of the file.
  public func next() throws -> (snapshots: [Snapshot], problems: [CSVError])? {
    guard let record = try reader.next() else { return nil }
    guard record.fields.count == header.names.count else {
      return ([], [CSVError(file: reader.name, line: record.line,
                            message: "\(record.fields.count) fields; expected \(header.names.count), one per header column")])
    }
    func field(_ name: String) -> (text: String, position: Int) {
      let position = header.position(of: name)!
      return (record.fields[position].trimmingSpaces(), position)
    }
    func problem(_ position: Int, _ message: String) -> CSVError {
      CSVError(file: reader.name, line: record.line, column: header.column(position), message: message)
    }

    let (monthText, monthPosition) = field("month")
    let month: Month
    do {
      month = try rules.month(monthText)
    } catch {
      return ([], [problem(monthPosition, "\(error)")])
    }

    let cells: [(name: String, text: String, position: Int)]
    switch layout {
    case .long:
      let (name, namePosition) = field("metric")
      do {
        _ = try rules.metric(named: name)
      } catch {
        return ([], [problem(namePosition, "\(error)")])
      }
      let (text, position) = field("value")
      cells = [(name, text, position)]
    case .wide:
      cells = header.names.enumerated().compactMap { position, name in
        let text = record.fields[position].trimmingSpaces()
        return name == "month" || text.isEmpty ? nil : (name, text, position)
      }
    }

    var snapshots: [Snapshot] = []
    var problems: [CSVError] = []
    for (name, text, position) in cells {
      do {
        let snapshot = try rules.snapshot(metric: name, month: month, value: text)
        if let earlier = seen.updateValue(record.line, forKey: snapshot.key) {
          problems.append(problem(position, "\(name) for \(month) is also on line \(earlier); expected one value per metric and month"))
        } else {
          snapshots.append(snapshot)
        }
      } catch {
        problems.append(problem(position, "\(error)"))
      }
    }
    return (snapshots, problems)
  }
}

/// Metric values out, in the long layout.
public enum MetricCSVWriter {
  public static let header = "month,metric,value"

  public static func line(_ snapshot: Snapshot) -> String {
    "\(snapshot.month),\(snapshot.metric),\(snapshot.value.plain)"
  }
}
