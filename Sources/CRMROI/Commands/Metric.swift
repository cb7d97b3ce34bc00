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
          count --unit-value MONEY (benefit = change × unit value), kpi (tracked, adds no money),
          hours --hourly-cost MONEY [--realisation PCT] (benefit = hours saved × hourly cost × realisation).
          A control series is a kpi the CRM did not touch: --control-for METRIC, with no --kind.
          Examples: crm-roi metric add sales --kind revenue --margin 35% --target +10%
                    crm-roi metric add admin-hours --kind hours --hourly-cost 42.50 --realisation 50%
                    crm-roi metric add market-sales --control-for sales
          """)

      @OptionGroup var database: DatabaseOptions

      @Argument(help: "A lower-case slug, like returns-cost.")
      var name: String

      @Option(help: "revenue, cost, count, kpi or hours (kpi with --control-for).")
      var kind: String?

      @Option(parsing: .unconditional, help: "Gross margin of a revenue metric, like 35%.")
      var margin: String?

      @Option(parsing: .unconditional, help: "Money per unit of a count metric; negative when fewer is better.")
      var unitValue: String?

      @Option(parsing: .unconditional, help: "Objective: +10% or -15% against the baseline, or an absolute value.")
      var target: String?

      @Option(parsing: .unconditional, help: "Share of the change credited to the CRM, like 50% (default 100%).")
      var attribution: String?

      @Option(help: "Take the monthly values from the stored orders: net-sales, refunds, orders, repeat-orders, new-customers or average-order-value.")
      var fromOrders: String?

      @OptionGroup var part11: MetricPart11Options

      func run() throws {
        if kind == nil && part11.controlFor == nil {
          throw InputError(source: "--kind", error: ValueError(value: "", expected: Phrase(.formOneOf, ["names": MetricKind.names.joined(separator: ", ")])))
        }
        let fields = MetricFields([
          .name: name, .kind: kind ?? MetricKind.Name.kpi.rawValue, .margin: margin, .unitValue: unitValue, .target: target,
          .attribution: attribution, .fromOrders: fromOrders, .hourlyCost: part11.hourlyCost, .realisation: part11.realisation,
          .controlFor: part11.controlFor, .risk: part11.risk,
        ].compactMapValues { $0 })
        let store = try database.open()
        try write(store, { store in
          do {
            let metric = try fields.typed(currentLanguage()).metric(currency: try store.settings().currency)
            try store.add(metric)
            return metric
          } catch let error as MetricFieldError {
            throw InputError(source: error.field == .name ? Phrase(.sourceMetricName) : .verbatim("--\(error.field.rawValue)"), error: error.error)
          }
        }, confirming: { metric in try say(.metricAdded, ["name": metric.name, "kind": metric.kind.name]) })
      }
    }

    struct Change: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Change a metric's definition: kind, margin, unit value, target, attribution, risk, control or name.",
        discussion: """
          Examples: crm-roi metric set sales --margin 40% --attribution 50% --target +8%
                    crm-roi metric set repeat-purchases --kind kpi
                    crm-roi metric set returns --rename returns-cost
          A kind that the stored values do not fit (a negative value for revenue, a fraction for a count) is refused.
          """)

      @OptionGroup var database: DatabaseOptions

      @Argument(help: "The metric's name.")
      var name: String

      @Option(help: "New kind: revenue, cost, count, kpi or hours.")
      var kind: String?

      @Option(parsing: .unconditional, help: "New gross margin of a revenue metric, like 40%.")
      var margin: String?

      @Option(parsing: .unconditional, help: "New money per unit of a count metric.")
      var unitValue: String?

      @Option(parsing: .unconditional, help: "New objective: +10%, -15% or an absolute value; none removes it.")
      var target: String?

      @Option(parsing: .unconditional, help: "New share of the change credited to the CRM, like 50%.")
      var attribution: String?

      @Option(help: "A new name for the metric; its values follow it.")
      var rename: String?

      @Option(help: "Take the monthly values from the stored orders (a series, as for metric add), or none to type them again.")
      var fromOrders: String?

      @OptionGroup var part11: MetricPart11Options

      func run() throws {
        let more = [part11.hourlyCost, part11.realisation, part11.controlFor, part11.risk]
        guard ([kind, margin, unitValue, target, attribution, rename, fromOrders] + more).contains(where: { $0 != nil }) else {
          throw InputError(
            source: "metric set",  // no-catalogue: a command
            error: ValueError(value: "", expected: Phrase(.formSomeMetricOption)))
        }
        let store = try database.open()
        try write(store, { store in
          let metrics = try store.metrics()
          guard let old = metrics.first(where: { $0.name == name.lowercased() }) else {
            throw StoreError.unknownMetric(name: name, known: metrics.map(\.name))
          }
          let currency = try store.settings().currency
          // Only the numbers typed now are read in the run's language; the stored ones are plain.
          let typed: MetricFields
          do {
            typed = try MetricFields([
              .margin: margin, .unitValue: unitValue, .target: target, .attribution: attribution, .hourlyCost: part11.hourlyCost,
              .realisation: part11.realisation, .risk: part11.risk,
            ].compactMapValues { $0 }).typed(currentLanguage())
          } catch let error as MetricFieldError {
            throw InputError(source: "--\(error.field.rawValue)", error: error.error)
          }
          let margin = typed.values[.margin], unitValue = typed.values[.unitValue], target = typed.values[.target]
          let attribution = typed.values[.attribution]
          let hourlyCost = typed.values[.hourlyCost], realisation = typed.values[.realisation], risk = typed.values[.risk]
          var fields = MetricFields(metric: old, currency: currency)
          if let kind, kind.lowercased() != old.kind.name {
            for field in [MetricFields.Field.margin, .unitValue, .hourlyCost, .realisation] { fields.values[field] = nil }
            fields.values[.kind] = kind
          }
          fields.values[.hourlyCost] = hourlyCost ?? fields.values[.hourlyCost]
          fields.values[.realisation] = realisation ?? fields.values[.realisation]
          if let control = part11.controlFor {
            if control != "none", kind == nil, old.kind.kindName != .kpi {
              throw InputError(
                source: "--control-for",
                error: ValueError(value: control, expected: Phrase(.formControlMustBeKPI, ["metric": old.name, "kind": old.kind.name])))
            }
            fields.values[.controlFor] = control == "none" ? nil : control
          }
          if let risk { fields.values[.risk] = risk == "none" ? nil : risk }
          fields.values[.margin] = margin ?? fields.values[.margin]
          fields.values[.unitValue] = unitValue ?? fields.values[.unitValue]
          fields.values[.attribution] = attribution ?? fields.values[.attribution]
          fields.values[.name] = rename ?? fields.values[.name]
          if let target { fields.values[.target] = target == "none" ? nil : target }
          if let fromOrders { fields.values[.fromOrders] = fromOrders == "none" ? nil : fromOrders }
          do {
            var metric = try fields.metric(currency: currency)
            metric.id = old.id
            metric.owner = old.owner
            if metric != old { try store.update(metric, named: old.name) }
          } catch let error as MetricFieldError {
            throw InputError(source: error.field == .name ? "--rename" : "--\(error.field.rawValue)", error: error.error)
          }
        }, confirming: { try say(.metricUpdated, ["name": (rename ?? name).lowercased()]) })
      }
    }

    /// The options part 11 added to `metric add` and `metric set`.
    struct MetricPart11Options: ParsableArguments {
      @Option(parsing: .unconditional, help: "Money per hour of an hours metric, like 42.50.")
      var hourlyCost: String?

      @Option(parsing: .unconditional, help: "Share of the saved hours that turns into money, for an hours metric (default 100%).")
      var realisation: String?

      @Option(help: "Make this a control series for METRIC: a kpi the CRM did not touch that gives METRIC's counterfactual (none: unlink).")
      var controlFor: String?

      @Option(parsing: .unconditional, help: "Share of this metric's benefit set aside as uncertain in the discounted view and the TEI table, like 20% (none: the report's --risk).")
      var risk: String?
    }

    struct List: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the metrics.")

      @OptionGroup var database: DatabaseOptions

      func run() throws {
        let store = try database.open()
        let (metrics, currency) = try store.read { store in (try store.metrics(), try store.settings().currency) }
        var table = Table([
          (text(.columnName), .left), (text(.columnKind), .left), (text(.columnMoneyPerChange), .left), (text(.columnTarget), .left),
          (text(.columnAttribution), .right),
        ])
        for metric in metrics { table.append(MetricText.row(metric, currency: currency, currentLanguage())) }
        try show(metrics.isEmpty ? text(.noMetricsYet) : table.plain(), terminator: metrics.isEmpty ? "\n" : "")
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
        try write(store, { store in try store.removeMetric(named: name.lowercased(), force: force) }, confirming: {
          try say(.metricRemoved, ["name": name])
        })
      }
    }
  }
}
