import ArgumentParser
import Interchange
import Operations
import Reports
import ROIEngine
import Storage

extension CRMROI {
  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "export",
      abstract: "Write expenses or metric values as CSV (what import reads back) or JSON.",
      subcommands: [Expenses.self, Metrics.self])

    typealias Format = Exporter.Format

    struct Expenses: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "expenses", abstract: "Write every expense to standard output.")

      @OptionGroup var database: DatabaseOptions

      @Option(help: "csv or json.")
      var format: Format = .csv

      @OptionGroup var csv: CSVLocaleOption

      func run() throws {
        let output = standardOutput
        try Exporter.expenses(try database.open(), format: format, locale: csv.locale, write: output.append)
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
        let output = standardOutput
        try Exporter.metrics(try database.open(), format: format, locale: csv.locale, write: output.append)
      }
    }
  }
}

extension Exporter.Format: ExpressibleByArgument {}
