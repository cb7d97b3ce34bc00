import ArgumentParser
import Interchange
import ROIEngine
import SQLite
import Storage

/// crm-roi: does the CRM pay for itself? Expenses and monthly metrics in, quarterly ROI out.
@main
struct CRMROI: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "crm-roi",
    abstract: "Track what a CRM costs and what it brings, and compute its ROI quarter by quarter.",
    version: "0.1.0",
    subcommands: [
      Init.self, Settings.self, Metric.self, Log.self, Expense.self, ROI.self, Report.self, Import.self, Export.self,
      History.self, Check.self, Backup.self, Demo.self,
    ]
  )

  /// Parses and runs; the tool's own errors become one line on stderr and exit status 65
  /// (bad data), argument errors keep swift-argument-parser's usage message and status 64.
  static func main() {
    do {
      var command: ParsableCommand
      switch FastPath.parse(CommandLine.arguments.dropFirst()) {
      case .version(let version)?:
        print(version)
        return
      case .command(let parsed)?: command = parsed
      case nil: command = try parseAsRoot()
      }
      try command.run()
    } catch let problems as ImportProblems {
      for line in problems.lines.dropLast() { writeError("crm-roi: error: \(line)\n") }
      fail(problems.lines.last!)
    } catch let error as CSVError {
      fail(error.description)
    } catch let error as InputError {
      fail(error.description)
    } catch let error as ValueError {
      fail(error.description)
    } catch let error as StoreError {
      fail(error.description)
    } catch let error as ROIError {
      fail(error.description)
    } catch let error as SQLiteError {
      fail(error.description, status: 74)
    } catch {
      exit(withError: error)
    }
  }

  private static func fail(_ message: String, status: Int32 = 65) -> Never {
    writeError("crm-roi: error: \(message)\n")
    Self.exit(withError: ExitCode(status))
  }
}
