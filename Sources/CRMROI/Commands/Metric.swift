import ArgumentParser
import ROIEngine
import Reports
import Storage

extension CRMROI {
  struct MetricCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "metric",
      abstract: "Define the business figures the CRM should move, and their objectives.",
      subcommands: [Add.self, Change.self, List.self, Remove.self])

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
        let fields = MetricFields([
          .name: name, .kind: kind, .margin: margin, .unitValue: unitValue, .target: target, .attribution: attribution,
        ].compactMapValues { $0 })
        let store = try database.open()
        try write(store, { store in
          do {
            try store.add(try fields.metric(currency: try store.settings().currency))
          } catch let error as MetricFieldError {
            throw InputError(source: error.field == .name ? "metric name" : "--\(error.field.rawValue)", error: error.error)
          }
        }, confirming: { try show("Added metric \(name) (\(kind)).") })
      }
    }

    struct Change: ParsableCommand {
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
        try write(store, { store in
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
        }, confirming: { try show("Updated metric \(name).") })
      }
    }

    struct List: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the metrics.")

      @OptionGroup var database: DatabaseOptions

      func run() throws {
        let store = try database.open()
        let (metrics, currency) = try store.read { store in (try store.metrics(), try store.settings().currency) }
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
        try write(store, { store in try store.removeMetric(named: name, force: force) }, confirming: {
          try show("Removed metric \(name).")
        })
      }
    }
  }
}
