import ArgumentParser
import ROIEngine
import Reports
import Storage

extension CRMROI {
  struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "plan",
      abstract: "Record the business case: planned costs and benefits, and who answers for each benefit.",
      discussion: """
        The report then sets the plan against the actual figures quarter by quarter (roi, report).
        Examples:
          crm-roi plan cost --date 2025-01-15 --category license --amount 12000
          crm-roi plan benefit sales --monthly 2500 --from 2025-04 --ramp 6
          crm-roi plan owner sales "Claire Martin"
        """,
      subcommands: [Cost.self, Benefit.self, List.self, Remove.self, Owner.self])

    struct Cost: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "cost", abstract: "Add a planned cost: the options of expense add (one-time, labor, recurring).")

      @OptionGroup var database: DatabaseOptions
      @OptionGroup var fields: ExpenseFieldOptions

      func run() throws {
        try fields.add(to: database, { store, expense in
          try withinHorizon(expense.date.description, expense.date.month, from: "--date", settings: try store.settings())
          return try store.addPlanCost(expense)
        }, confirming: .planCostAdded)
      }
    }

    struct Benefit: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "benefit",
        abstract: "Set a metric's planned monthly benefit, rising linearly over --ramp months (month k gets k/N of it).")

      @OptionGroup var database: DatabaseOptions

      @Argument(help: "A money metric's name.")
      var metric: String

      @Option(parsing: .unconditional, help: "The planned benefit a month once the ramp is over, like 2500.")
      var monthly: String

      @Option(help: "The first month of the benefit, YYYY-MM.")
      var from: String

      @Option(help: "Months over which the benefit rises to --monthly (default 0: all of it from --from).")
      var ramp: String = "0"

      func run() throws {
        let store = try database.open()
        _ = try write(store, { store in
          let currency = try store.settings().currency
          let amount = try parsed(from: "--monthly") {
            let money = try currency.parseAmount(TypedNumber.plain(monthly, currentLanguage()))
            guard money.minor > 0 else { throw ValueError(value: monthly, expected: Phrase(.formPositiveAmount)) }
            return money
          }
          let first = try parsed(from: "--from") { try Month(parsing: from) }
          try withinHorizon(from, first, from: "--from", settings: try store.settings())
          let benefit = PlannedBenefit(
            metric: metric.lowercased(), monthly: amount, from: first,
            ramp: try parsed(from: "--ramp") { try ROIEngine.Settings.parseInteger(ramp, in: PlannedBenefit.rampRange) })
          try store.setPlannedBenefit(benefit)
          return (benefit, currency)
        }, confirming: { (benefit, currency) in
          let people = PeopleFormat(currentLanguage())
          try say(.planBenefitSet, [
            "metric": benefit.metric, "amount": people.money(benefit.monthly.rational, currency), "from": people.month(benefit.from),
            "ramp": PlanText.ramp(benefit, currentLanguage()),
          ])
        })
      }
    }

    struct List: ParsableCommand {
      static let configuration = CommandConfiguration(commandName: "list", abstract: "List the planned costs and benefits.")

      @OptionGroup var database: DatabaseOptions

      func run() throws {
        let store = try database.open()
        let (plan, metrics, settings) = try store.read { store in (try store.businessCase(), try store.metrics(), try store.settings()) }
        guard !plan.isEmpty else {
          try say(.noPlanYet)
          return
        }
        try show(PlanText.list(plan, metrics: metrics, settings: settings, currentLanguage()), terminator: "")
      }
    }

    struct Remove: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove a planned cost by its id, or a metric's planned benefit by the metric's name.")

      @OptionGroup var database: DatabaseOptions

      @Argument(help: "A planned cost's id (see plan list), or a metric's name.")
      var item: String

      func run() throws {
        let store = try database.open()
        if !item.isEmpty, item.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
          let id = Int64(item) ?? Int64.max
          try write(store, { store in try store.removePlanCost(id: id) }, confirming: { _ in try say(.planCostRemoved, ["id": "\(id)"]) })
        } else {
          try write(store, { store in try store.removePlannedBenefit(metric: item.lowercased()) }, confirming: {
            try say(.planBenefitRemoved, ["metric": item.lowercased()])
          })
        }
      }
    }

    struct Owner: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "owner", abstract: "Name who answers for a metric's benefit (none: nobody).")

      @OptionGroup var database: DatabaseOptions

      @Argument(help: "The metric's name.")
      var metric: String

      @Argument(help: "A person's name, up to 200 characters.")
      var name: String

      func run() throws {
        let owner = name == "none" ? nil : try parsed(from: Phrase(.sourceOwnerName)) { try PlannedBenefit.validateOwner(name) }
        let store = try database.open()
        try write(store, { store in try store.setOwner(metric: metric.lowercased(), owner: owner) }, confirming: {
          try say(owner == nil ? .planOwnerCleared : .planOwnerSet, ["metric": metric.lowercased(), "name": TerminalText.visible(owner ?? "")])
        })
      }
    }
  }
}

/// Refuses a planned date after the horizon end: it would count in no figure.
private func withinHorizon(_ text: String, _ month: Month, from option: String, settings: ROIEngine.Settings) throws {
  guard month > settings.horizonEnd else { return }
  throw InputError(
    source: option, error: ValueError(value: text, expected: Phrase(.formNoLaterThanHorizonEnd, ["month": "\(settings.horizonEnd)"])))
}
