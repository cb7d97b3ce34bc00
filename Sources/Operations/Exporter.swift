import Interchange
import Reports
import ROIEngine
import Storage

/// The exports of `crm-roi export`, for the command line and the web app alike: every expense or
/// every monthly value as CSV (what the imports read back) or JSON, written piece by piece.
public enum Exporter {
  public enum Format: String, CaseIterable, Sendable {
    case csv, json
  }

  /// Every expense, on one read snapshot; `write` gets the text in pieces.
  public static func expenses(_ store: Store, format: Format, locale: CSVLocale, write: (String) throws -> Void) throws {
    try store.read { store in
      let currency = try store.settings().currency
      switch format {
      case .csv:
        if locale == .en {
          try write(ExpenseCSVWriter.header + "\n")
          try store.forEachExpense { try write(ExpenseCSVWriter.line($0, currency: currency) + "\n") }
        } else {
          try write(ExpenseCSVWriter.headerLine(locale: locale))
          try store.forEachExpense { try write(ExpenseCSVWriter.line($0, currency: currency, locale: locale)) }
        }
      case .json:
        var first = true
        try write("[")
        try store.forEachExpense { expense in
          try write((first ? "\n  " : ",\n  ") + JSONExport.expense(expense, currency: currency))
          first = false
        }
        try write(first ? "]\n" : "\n]\n")
      }
    }
  }

  /// Every monthly value, in the long layout.
  public static func metrics(_ store: Store, format: Format, locale: CSVLocale, write: (String) throws -> Void) throws {
    let snapshots = try store.read { try $0.snapshots() }
    switch format {
    case .csv:
      try write(MetricCSVWriter.headerLine(locale: locale))
      for snapshot in snapshots { try write(MetricCSVWriter.line(snapshot, locale: locale) + (locale == .en ? "\n" : "")) }
    case .json:
      let items: [String] = snapshots.map { "\n  " + JSONExport.snapshot($0) }
      try write("[" + items.joined(separator: ",") + (snapshots.isEmpty ? "]\n" : "\n]\n"))
    }
  }
}
