/// A metric definition as typed, one text per field, checked into a `Metric` by one set of rules
/// for `metric add` and any other way in.
public struct MetricFields: Sendable {
  /// The fields, named as the command line's options are (without "--").
  public enum Field: String, CaseIterable, Sendable {
    case name, kind, margin, unitValue = "unit-value", target, attribution, fromOrders = "from-orders"
    case hourlyCost = "hourly-cost", realisation, controlFor = "control-for", risk
  }

  public var values: [Field: String]

  public init(_ values: [Field: String]) {
    self.values = values
  }

  /// The fields of a stored definition, as `metric` would take them back.
  public init(metric: Metric, currency: Currency) {
    var values: [Field: String] = [.name: metric.name, .kind: metric.kind.name, .attribution: metric.attribution.description]
    switch metric.kind {
    case .revenue(let margin): values[.margin] = margin.description
    case .count(let unitValue): values[.unitValue] = currency.plain(unitValue.minor)
    case .hours(let hourlyCost, let realisation):
      values[.hourlyCost] = currency.plain(hourlyCost.minor)
      values[.realisation] = realisation.description
    case .cost, .kpi: break
    }
    values[.target] = metric.target?.description
    values[.fromOrders] = metric.fromOrders?.rawValue
    values[.controlFor] = metric.controlFor
    values[.risk] = metric.risk?.description
    self.values = values
  }

  /// The fields that hold numbers, amounts or percents (`TypedNumber`).
  public static let numberFields: [Field] = [.margin, .unitValue, .target, .attribution, .hourlyCost, .realisation, .risk]

  /// The fields with their numbers as a person types them in `language` made plain (`8,5 %` in
  /// French is 8.5%); a number that reads two ways throws naming its field.
  public func typed(_ language: Language) throws(MetricFieldError) -> MetricFields {
    MetricFields(try TypedNumber.plain(values, fields: MetricFields.numberFields, language, failing: MetricFieldError.init))
  }

  /// The checked metric; the first wrong field throws a `MetricFieldError`.
  public func metric(currency: Currency) throws(MetricFieldError) -> Metric {
    let name = try check(.name) { name in try Metric.validateName(name.lowercased()); return name.lowercased() }
    let kind = try check(.kind) { try MetricKind.Name(parsing: $0.lowercased()) }
    let metricKind = try self.kind(kind, currency: currency)
    if let control = values[.controlFor], kind != .kpi {
      throw MetricFieldError(
        field: .kind, error: ValueError(value: kind.rawValue, expected: Phrase(.formControlNeedsKPI, ["control": control.lowercased()])))
    }
    let controlFor = try values[.controlFor].map { text throws(MetricFieldError) in
      try check(.controlFor) { _ in
        let target = text.lowercased()
        guard target != name else { throw ValueError(value: text, expected: Phrase(.formControlOfItself, ["name": name])) }
        return target
      }
    }
    let risk = try values[.risk].map { text throws(MetricFieldError) in
      try check(.risk) { _ in
        guard metricKind.addsMoney else { throw ValueError(value: text, expected: Phrase(.formRiskNeedsMoney, ["kind": kind.rawValue])) }
        return try Metric.parseRisk(text)
      }
    }
    let target = values[.target] == nil ? nil : try check(.target, Target.init(parsing:))
    let attribution = values[.attribution] == nil ? Metric.fullAttribution : try check(.attribution, Metric.parseAttribution)
    let fromOrders = values[.fromOrders] != nil ? try check(.fromOrders) { text in
      let series = try OrderSeries(parsing: text)
      guard series.fits(metricKind) else {
        throw ValueError(value: text, expected: Phrase(series.isMoney ? .formCountSeries : .formMoneySeries, ["kind": kind.rawValue]))
      }
      return series
    } : nil
    return Metric(
      name: name, kind: metricKind, target: target, attribution: attribution, fromOrders: fromOrders, controlFor: controlFor,
      risk: risk)
  }

  /// The kind with what it needs (a revenue's margin, a count's unit value, hours' cost and
  /// realisation); an option another kind takes is refused.
  private func kind(_ kind: MetricKind.Name, currency: Currency) throws(MetricFieldError) -> MetricKind {
    func refuseAll(but kept: Set<Field>) throws(MetricFieldError) {
      for field in [Field.margin, .unitValue, .hourlyCost, .realisation] where !kept.contains(field) {
        guard let value = values[field] else { continue }
        throw MetricFieldError(
          field: field, error: ValueError(value: value, expected: Phrase(.formNoOptionForKind, ["option": field.rawValue, "kind": kind.rawValue])))
      }
    }
    func required(_ field: Field, _ expected: Message) throws(MetricFieldError) {
      if values[field] == nil { throw MetricFieldError(field: field, error: ValueError(value: "", expected: Phrase(expected))) }
    }
    switch kind {
    case .revenue:
      try refuseAll(but: [.margin])
      try required(.margin, .formMarginRequired)
      return .revenue(margin: try check(.margin, MetricKind.parseMargin))
    case .count:
      try refuseAll(but: [.unitValue])
      try required(.unitValue, .formUnitValueRequired)
      return .count(unitValue: try check(.unitValue) { try MetricKind.parseUnitValue($0, currency: currency) })
    case .hours:
      try refuseAll(but: [.hourlyCost, .realisation])
      try required(.hourlyCost, .formHourlyCostRequired)
      let hourlyCost = try check(.hourlyCost) { text in
        let money = try currency.parseAmount(text)
        guard money.minor > 0 else { throw ValueError(value: text, expected: Phrase(.formPositiveAmount)) }
        return money
      }
      let realisation = values[.realisation] == nil ? Metric.fullAttribution : try check(.realisation, MetricKind.parseRealisation)
      return .hours(hourlyCost: hourlyCost, realisation: realisation)
    case .cost, .kpi:
      try refuseAll(but: [])
      return kind == .cost ? .cost : .kpi
    }
  }

  /// A field's value parsed by `body`; its ValueError becomes a MetricFieldError naming the field.
  private func check<T>(_ field: Field, _ body: (String) throws -> T) throws(MetricFieldError) -> T {
    try ValueError.naming(field, values[field] ?? "", body, failing: MetricFieldError.init)
  }
}

/// A value that is wrong in a named field of a metric definition.
public struct MetricFieldError: Error, Equatable, Sendable {
  public let field: MetricFields.Field
  public let error: ValueError

  public init(field: MetricFields.Field, error: ValueError) {
    (self.field, self.error) = (field, error)
  }
}

extension MetricKind.Name {
  public init(parsing text: String) throws {
    guard let name = MetricKind.Name(rawValue: text) else {
      throw ValueError(value: text, expected: Phrase(.formOneOf, ["names": MetricKind.names.joined(separator: ", ")]))
    }
    self = name
  }
}

extension MetricKind {
  /// A revenue metric's gross margin: above 0% and at most 100%.
  public static func parseMargin(_ text: String) throws -> Percent {
    try Percent(share: text, allowingZero: false, expected: Phrase(.formMargin))
  }

  /// The share of saved hours that turns into money: above 0% and at most 100%.
  public static func parseRealisation(_ text: String) throws -> Percent {
    try Percent(share: text, allowingZero: false, expected: Phrase(.formRealisation))
  }

  /// A count metric's money per unit: any amount but 0 (negative when fewer is better).
  public static func parseUnitValue(_ text: String, currency: Currency) throws -> Money {
    let money = try currency.parseAmount(text)
    guard money.minor != 0 else { throw ValueError(value: text, expected: Phrase(.formNonZeroAmount)) }
    return money
  }
}

/// The rules a logged value follows, whether typed with `log` or read from a metrics file:
/// a known metric, a month no later than `latestMonth`, a value in the metric's form.
public struct SnapshotRules: Sendable {
  public let metrics: [String: Metric]
  public let currency: Currency
  public let latestMonth: Month
  /// The calendar month still running, when it is refused: its figures are not complete yet.
  public let runningMonth: Month?

  public init(metrics: [Metric], currency: Currency, latestMonth: Month, runningMonth: Month? = nil) {
    // Two stored names may be the same text in two Unicode spellings (a file edited by another
    // program): the first is kept, never a trap.
    self.metrics = Dictionary(metrics.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    self.currency = currency
    self.latestMonth = latestMonth
    self.runningMonth = runningMonth
  }

  /// The rules on `today`'s month: the running month is refused unless `allowCurrent`.
  public init(metrics: [Metric], currency: Currency, currentMonth: Month, allowCurrent: Bool) {
    self.init(
      metrics: metrics, currency: currency, latestMonth: allowCurrent ? currentMonth : currentMonth.advanced(by: -1),
      runningMonth: allowCurrent ? nil : currentMonth)
  }

  public func month(_ text: String) throws -> Month {
    let month = try Month(parsing: text)
    if let runningMonth, month == runningMonth {
      throw ValueError(
        value: text,
        expected: Phrase(.formFinishedMonth, ["month": "\(runningMonth)", "next": "\(runningMonth.advanced(by: 1))"]))
    }
    guard month <= latestMonth else { throw ValueError(value: text, expected: Phrase(.formMonthNoLaterThan, ["month": "\(latestMonth)"])) }
    return month
  }

  /// The metric named `name`, in any case (names are stored in lower case).
  public func metric(named name: String) throws -> Metric {
    guard let metric = metrics[name] ?? metrics[name.lowercased()] else {
      throw UnknownMetric(name: name, known: metrics.keys.sorted())
    }
    return metric
  }

  public func snapshot(metric name: String, month: Month, value text: String) throws -> Snapshot {
    let metric = try metric(named: name)
    if let series = metric.fromOrders {
      throw ValueError(
        value: text,
        expected: Phrase(.formNoValueFromOrders, ["metric": metric.name, "series": series.rawValue]))
    }
    return Snapshot(metric: metric.name, month: month, value: try metric.parseValue(text, currency: currency))
  }
}

/// A metric name that is not defined.
public struct UnknownMetric: ExplainedError, Equatable {
  public let name: String
  public let known: [String]

  public init(name: String, known: [String]) {
    (self.name, self.known) = (name, known)
  }

  public var phrase: Phrase {
    let shown: Phrase.Value = name.count > 80
      ? .phrase(Phrase(.longNameShown, ["start": String(name.prefix(64)), "count": "\(name.count)"])) : .text(name)
    guard !known.isEmpty else { return Phrase(.unknownMetricNoneYet, phrases: ["name": shown]) }
    let names = Phrase.Value.text(known.joined(separator: ", "))
    guard let guess = closest(to: name, in: known) else { return Phrase(.unknownMetric, phrases: ["name": shown, "names": names]) }
    return Phrase(.unknownMetricGuess, phrases: ["name": shown, "names": names, "guess": .text(guess)])
  }
}
