import ArgumentParser
import ROIEngine
import Storage

extension CRMROI {
  struct Unlog: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "unlog",
      abstract: "Remove one month's values: of the metrics named, or of every metric.",
      discussion: "Example: crm-roi unlog 2026-11 sales returns-cost. The history keeps each old value.")

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The month, YYYY-MM.")
    var month: String

    @Argument(help: "Metric names; none for every metric.")
    var names: [String] = []

    func run() throws {
      let logged = try parsed(from: Phrase(.sourceMonth)) { try Month(parsing: month) }
      let store = try database.open()
      try write(store, { store in try store.unlog(month: logged, names: names) }, confirming: { removed in
        let format = PeopleFormat(currentLanguage())
        try say(format.isSingular(removed) ? .unloggedOne : .unlogged, ["count": "\(removed)", "month": format.month(logged)])
      })
    }
  }
}
