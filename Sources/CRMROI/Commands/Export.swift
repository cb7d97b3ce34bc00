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

      func run() throws {
        let store = try database.open()
        let output = standardOutput
        try store.read { store in
          let currency = try store.settings().currency
          switch format {
          case .csv:
            try output.line(ExpenseCSVWriter.header)
            try store.forEachExpense { try output.line(ExpenseCSVWriter.line($0, currency: currency)) }
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

      func run() throws {
        let store = try database.open()
        let snapshots = try store.read { try $0.snapshots() }
        let output = standardOutput
        switch format {
        case .csv:
          try output.line(MetricCSVWriter.header)
          for snapshot in snapshots { try output.line(MetricCSVWriter.line(snapshot)) }
        case .json:
          try output.line("[" + snapshots.map { "\n  " + JSONExport.snapshot($0) }.joined(separator: ",") + (snapshots.isEmpty ? "]" : "\n]"))
        }
      }
    }
  }
}
