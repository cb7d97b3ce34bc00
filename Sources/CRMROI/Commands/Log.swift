import ArgumentParser
import ROIEngine
import Storage

extension CRMROI {
  struct Log: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "log",
      abstract: "Log one month's values of any number of metrics; a value logged again replaces the old one.",
      discussion: "Example: crm-roi log 2025-05 sales=182000 returns-cost=2100.50 repeat-purchases=410")

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The month, YYYY-MM.")
    var month: String

    @Argument(help: "NAME=VALUE pairs.")
    var values: [String]

    func run() throws {
      let logged = try parsed(from: "month") { try Month(parsing: month) }
      let today = currentMonth()
      if logged > today {
        throw InputError(source: "month", error: ValueError(value: logged.description, expected: "a month no later than \(today)"))
      }
      guard !values.isEmpty else {
        throw InputError(source: "values", error: ValueError(value: "", expected: "at least one NAME=VALUE, like sales=182000"))
      }
      let store = try database.open()
      let counts = try store.write {
        let currency = try store.settings().currency
        let metrics = Dictionary(uniqueKeysWithValues: try store.metrics().map { ($0.name, $0) })
        var seen: Swift.Set<String> = []
        let snapshots = try values.map { pair -> Snapshot in
          guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
            throw InputError(source: "values", error: ValueError(value: pair, expected: "NAME=VALUE, like sales=182000"))
          }
          let name = String(pair[..<equals])
          guard let metric = metrics[name] else { throw StoreError.unknownMetric(name: name, known: metrics.keys.sorted()) }
          guard seen.insert(name).inserted else {
            throw InputError(source: "values", error: ValueError(value: pair, expected: "each metric once per command"))
          }
          let value = try parsed(from: "value of \(name)") { try metric.parseValue(String(pair[pair.index(after: equals)...]), currency: currency) }
          return Snapshot(metric: name, month: logged, value: value)
        }
        return try store.log(snapshots)
      }
      try show("Logged \(logged): \(counts.summary).")
    }
  }
}
