import ArgumentParser
import ROIEngine
import Reports
import Storage

extension CRMROI {
  struct Metric: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "metric",
      abstract: "Define the business figures the CRM should move, and their objectives.",
      subcommands: [Add.self, Set.self, List.self, Remove.self])

    struct Add: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a metric.",
        discussion: """
          Kinds: revenue --margin PCT (benefit = change × margin), cost (benefit = −change),
          count --unit-value MONEY (benefit = change × unit value), kpi (tracked, adds no money).
          Example: crm-roi metric add sales --kind revenue --margin 35% --target +10%
          """)

      @OptionGroup var database: DatabaseOptions

      @Argument(help: "A lower-case slug, like returns-cost.")
      var name: String

      @Option(help: "revenue, cost, count or kpi.")
      var kind: String

      @Option(parsing: .unconditional, help: "Gross margin of a revenue metric, like 35%.")
      var margin: String?

      @Option(parsing: .unconditional, help: "Money per unit of a count metric; negative when fewer is better.")
      var unitValue: String?

      @Option(parsing: .unconditional, help: "Objective: +10% or -15% against the baseline, or an absolute value.")
      var target: String?

      @Option(parsing: .unconditional, help: "Share of the change credited to the CRM, like 50% (default 100%).")
      var attribution: String?

      func run() throws {
        let store = try database.open()
        try store.write {
          let currency = try store.settings().currency
          let metric = ROIEngine.Metric(
            name: try parsed(from: "metric name") { try ROIEngine.Metric.validateName(name); return name },
            kind: try metricKind(currency: currency),
            target: try target.map { target in try parsed(from: "--target") { try Target(parsing: target) } },
            attribution: try attribution.map { share in try parsed(from: "--attribution") { try ROIEngine.Metric.parseAttribution(share) } }
              ?? ROIEngine.Metric.fullAttribution)
          try store.add(metric)
        }
        try show("Added metric \(name) (\(kind)).")
      }

      private func metricKind(currency: Currency) throws -> MetricKind {
        func refuse(_ option: String, _ value: String?) throws {
          guard let value else { return }
          throw InputError(source: option, error: ValueError(value: value, expected: "no \(option) for a \(kind) metric"))
        }
        switch kind {
        case "revenue":
          try refuse("--unit-value", unitValue)
          guard let margin else {
            throw InputError(source: "--margin", error: ValueError(value: "", expected: "a gross margin like 35% for a revenue metric"))
          }
          let percent = try parsed(from: "--margin") { () throws -> Percent in
            let percent = try Percent(parsing: margin)
            guard percent.tenThousandths > 0, percent.tenThousandths <= 1_000_000 else {
              throw ValueError(value: margin, expected: "a margin above 0% and at most 100%")
            }
            return percent
          }
          return .revenue(margin: percent)
        case "count":
          try refuse("--margin", margin)
          guard let unitValue else {
            throw InputError(source: "--unit-value", error: ValueError(value: "", expected: "money per unit like 18.50 for a count metric"))
          }
          let money = try parsed(from: "--unit-value") { () throws -> Money in
            let money = try currency.parseAmount(unitValue)
            guard money.minor != 0 else { throw ValueError(value: unitValue, expected: "a non-zero amount, like 18.50 or -12.50") }
            return money
          }
          return .count(unitValue: money)
        case "cost", "kpi":
          try refuse("--margin", margin)
          try refuse("--unit-value", unitValue)
          return kind == "cost" ? .cost : .kpi
        default:
          throw InputError(source: "--kind", error: ValueError(value: kind, expected: "one of " + MetricKind.names.joined(separator: ", ")))
        }
      }
    }

    struct Set: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Change a metric's target or attribution.",
        discussion: "Example: crm-roi metric set sales --attribution 50% --target +8%")

      @OptionGroup var database: DatabaseOptions

      @Argument(help: "The metric's name.")
      var name: String

      @Option(parsing: .unconditional, help: "New objective: +10%, -15% or an absolute value; none removes it.")
      var target: String?

      @Option(parsing: .unconditional, help: "New share of the change credited to the CRM, like 50%.")
      var attribution: String?

      func run() throws {
        guard target != nil || attribution != nil else {
          throw InputError(source: "metric set", error: ValueError(value: "", expected: "--target or --attribution"))
        }
        let store = try database.open()
        try store.write {
          guard var metric = try store.metrics().first(where: { $0.name == name }) else {
            throw StoreError.unknownMetric(name: name, known: try store.metrics().map(\.name))
          }
          if let target {
            metric.target = target == "none" ? nil : try parsed(from: "--target") { try Target(parsing: target) }
          }
          if let attribution {
            metric.attribution = try parsed(from: "--attribution") { try ROIEngine.Metric.parseAttribution(attribution) }
          }
          try store.update(metric)
        }
        try show("Updated metric \(name).")
      }
    }

    struct List: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the metrics.")

      @OptionGroup var database: DatabaseOptions

      func run() throws {
        let store = try database.open()
        let (metrics, currency) = try store.read { (try store.metrics(), try store.settings().currency) }
        var table = Table([("Name", .left), ("Kind", .left), ("Money per change", .left), ("Target", .left), ("Attribution", .right)])
        for metric in metrics {
          let factor: String
          switch metric.kind {
          case .revenue(let margin): factor = "margin \(margin)"
          case .count(let unitValue): factor = "\(currency.plain(unitValue.minor)) \(currency.code) per unit"
          case .cost: factor = "each \(currency.code) less is saved"
          case .kpi: factor = "none"
          }
          table.append([metric.name, metric.kind.name, factor, metric.target?.description ?? "", metric.attribution.description])
        }
        try show(metrics.isEmpty ? "No metrics yet: add one with crm-roi metric add." : table.plain(), terminator: metrics.isEmpty ? "\n" : "")
      }
    }

    struct Remove: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove a metric.")

      @OptionGroup var database: DatabaseOptions

      @Argument(help: "The metric's name.")
      var name: String

      @Flag(help: "Also remove its snapshots.")
      var force = false

      func run() throws {
        let store = try database.open()
        try store.write { try store.removeMetric(named: name, force: force) }
        try show("Removed metric \(name).")
      }
    }
  }
}
