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

    @Flag(help: "Accept the month still running (its figures are partial until it ends).")
    var allowCurrent = false

    func run() throws {
      guard !values.isEmpty else {
        throw InputError(source: Phrase(.sourceValues), error: ValueError(value: "", expected: Phrase(.formSomePair)))
      }
      let store = try database.open()
      _ = try write(store, { store in
        let rules = SnapshotRules(
          metrics: try store.metrics(), currency: try store.settings().currency, currentMonth: try RunningMonth.current(),
          allowCurrent: allowCurrent)
        let logged = try parsed(from: Phrase(.sourceMonth)) { try rules.month(month) }
        var seen: Set<String> = []
        let snapshots = try values.map { pair -> Snapshot in
          guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
            throw InputError(source: Phrase(.sourceValues), error: ValueError(value: pair, expected: Phrase(.formPair)))
          }
          let name = try rules.metric(named: String(pair[..<equals])).name
          guard seen.insert(name).inserted else {
            throw InputError(source: Phrase(.sourceValues), error: ValueError(value: pair, expected: Phrase(.formMetricOnce)))
          }
          return try parsed(from: Phrase(.sourceValueOf, ["metric": name])) {
            try rules.snapshot(metric: name, month: logged, value: TypedNumber.plain(String(pair[pair.index(after: equals)...]), currentLanguage()))
          }
        }
        return (logged, try store.log(snapshots))
      }, confirming: { (logged, counts) in
        try say(.logged, [
          "month": PeopleFormat(currentLanguage()).month(logged), "added": counted(counts.added, .addedOne, .addedMany),
          "replaced": counted(counts.replaced, .replacedOne, .replacedMany), "unchanged": counted(counts.unchanged, .unchangedOne, .unchangedMany),
        ])
      })
    }
  }
}
