import ArgumentParser
import Interchange
import ROIEngine
import Reports
import Storage

extension CRMROI {
  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "export",
      abstract: "Write expenses or metric values as CSV (what import reads back) or JSON.",
      subcommands: [Expenses.self, Metrics.self])

    enum Format: String, ExpressibleByArgument, CaseIterable {
      case csv, json
    }

    struct Expenses: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "expenses", abstract: "Write every expense to standard output.")

      @OptionGroup var database: DatabaseOptions

      @Option(help: "csv or json.")
      var format: Format = .csv

      @OptionGroup var csv: CSVLocaleOption

      func run() throws {
        let store = try database.open()
        let output = standardOutput
        let locale = csv.locale
        try store.read { store in
          let currency = try store.settings().currency
          switch format {
          case .csv:
            if locale == .en {
              try output.line(ExpenseCSVWriter.header)
              try store.forEachExpense { try output.line(ExpenseCSVWriter.line($0, currency: currency)) }
            } else {
              try output.append(ExpenseCSVWriter.headerLine(locale: locale))
              try store.forEachExpense { try output.append(ExpenseCSVWriter.line($0, currency: currency, locale: locale)) }
            }
          case .json:
            var first = true
            try output.append("[")
            try store.forEachExpense { expense in
              try output.append((first ? "\n  " : ",\n  ") + JSONExport.expense(expense, currency: currency))
              first = false
            }
            try output.line(first ? "]" : "\n]")
          }
        }
      }
    }

    struct Metrics: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "metrics", abstract: "Write every monthly value to standard output (long layout).")

      @OptionGroup var database: DatabaseOptions

      @Option(help: "csv or json.")
      var format: Format = .csv

      @OptionGroup var csv: CSVLocaleOption

      func run() throws {
        let store = try database.open()
        let snapshots = try store.read { try $0.snapshots() }
        let locale = csv.locale
        let output = standardOutput
        switch format {
        case .csv:
          try output.append(MetricCSVWriter.headerLine(locale: locale))
          for snapshot in snapshots { try output.append(MetricCSVWriter.line(snapshot, locale: locale) + (locale == .en ? "\n" : "")) }
        case .json:
          try output.line("[" + snapshots.map { "\n  " + JSONExport.snapshot($0) }.joined(separator: ",") + (snapshots.isEmpty ? "]" : "\n]"))
        }
      }
    }
  }
}
