/// A percentage, exactly: ten-thousandths of a percent (35% is 350000, −15% is −150000).
public struct Percent: Hashable, Sendable, CustomStringConvertible {
  public let tenThousandths: Int64

  public init(tenThousandths: Int64) { self.tenThousandths = tenThousandths }

  public static let expectedForm = Phrase(.formPercent)

  /// "35", "35%", "+10%", "-15%", "12.5%".
  public init(parsing text: String) throws {
    let body = text.hasSuffix("%") ? String(text.dropLast()) : text
    guard let decimal = ExactDecimal(body), let value = decimal.scaled(to: 4) else {
      throw ValueError(value: text, expected: Phrase.decimalPoint(instead: text) ?? Percent.expectedForm)
    }
    tenThousandths = value
  }

  /// Refuses a share typed as a fraction without `%` (`0.38`): it reads as 0.38%, yet the JSON
  /// writes shares as fractions, so 38% is likelier meant. `0.38%` is taken as written.
  public static func refuseFractionLookalike(_ text: String, _ percent: Percent) throws {
    guard !text.hasSuffix("%"), percent.tenThousandths > 0, percent.tenThousandths < 10_000 else { return }
    throw ValueError(value: text, expected: Phrase(.formPercentWithSign, ["percent": DecimalText.format(Int128(percent.tenThousandths) * 100, scale: 4).trimmingFraction(), "text": text]))
  }

  /// A share of a whole typed as a percent: at most 100%, above 0% unless `allowingZero`; a
  /// fraction lookalike (`0.38`) is refused. Out of range: `expected`.
  public init(share text: String, allowingZero: Bool, expected: Phrase) throws {
    let percent = try Percent(parsing: text)
    try Percent.refuseFractionLookalike(text, percent)
    guard percent.tenThousandths > (allowingZero ? -1 : 0), percent.tenThousandths <= 1_000_000 else {
      throw ValueError(value: text, expected: expected)
    }
    self = percent
  }

  /// As a fraction: 35% is 7/20.
  public var fraction: Rational { Rational(Int128(tenThousandths), 1_000_000) }

  public var description: String {
    DecimalText.format(Int128(tenThousandths), scale: 4).trimmingFraction() + "%"
  }
}

/// A metric value, exactly: ten-thousandths of the metric's unit.
public struct MetricValue: Hashable, Comparable, Sendable {
  public let tenThousandths: Int64

  public init(tenThousandths: Int64) { self.tenThousandths = tenThousandths }

  public static let scale = 4

  public var rational: Rational { Rational(mantissa: tenThousandths, scale: MetricValue.scale) }

  public static func < (lhs: MetricValue, rhs: MetricValue) -> Bool { lhs.tenThousandths < rhs.tenThousandths }

  public var plain: String { DecimalText.format(Int128(tenThousandths), scale: MetricValue.scale).trimmingFraction() }
}

/// How a metric's change turns into money.
public enum MetricKind: Hashable, Sendable {
  /// (value − baseline) × gross margin.
  case revenue(margin: Percent)
  /// −(value − baseline): lower is better.
  case cost
  /// (value − baseline) × money per unit (negative for things that should go down).
  case count(unitValue: Money)
  /// Tracked against its target; adds no money.
  case kpi
  /// Hours spent a month on a task: (baseline − value) × hourly cost × realisation (Nucleus
  /// Research's correction: not every saved hour turns into money).
  case hours(hourlyCost: Money, realisation: Percent)

  public var kindName: Name {
    switch self {
    case .revenue: .revenue
    case .cost: .cost
    case .count: .count
    case .kpi: .kpi
    case .hours: .hours
    }
  }

  public var name: String { kindName.rawValue }

  /// The kinds as stored and typed: the one list of them (the schema's CHECK is tested against it).
  public enum Name: String, CaseIterable, Sendable {
    case revenue, cost, count, kpi, hours
  }

  public static let names = Name.allCases.map(\.rawValue)

  /// Whether its values are money in the settings' currency.
  public var valuesAreMoney: Bool {
    switch self {
    case .revenue, .cost: true
    case .count, .kpi, .hours: false
    }
  }

  /// Whether it adds to the benefit.
  public var addsMoney: Bool {
    if case .kpi = self { return false }
    return true
  }

  /// Money per unit of change in the metric's value, as a fraction of one major unit, for money kinds.
  func moneyFactor(minorUnits: Int) -> Rational? {
    switch self {
    case .revenue(let margin): margin.fraction
    case .cost: Rational(-1)
    case .count(let unitValue): Rational(mantissa: unitValue.minor, scale: minorUnits)
    case .kpi: nil
    case .hours(let hourlyCost, let realisation):
      -Rational(mantissa: hourlyCost.minor, scale: minorUnits) * realisation.fraction
    }
  }
}

/// The objective set for a metric: relative to its baseline, or an absolute value.
public enum Target: Hashable, Sendable, CustomStringConvertible {
  case relative(Percent)
  case absolute(MetricValue)

  public static let expectedForm = Phrase(.formTarget)

  /// "+10%" and "-15%" are relative; a plain number is absolute.
  public init(parsing text: String) throws {
    if text.hasSuffix("%") {
      self = .relative(try Percent(parsing: text))
    } else if let decimal = ExactDecimal(text), let value = decimal.scaled(to: MetricValue.scale) {
      self = .absolute(MetricValue(tenThousandths: value))
    } else {
      throw ValueError(value: text, expected: Target.expectedForm)
    }
  }

  public var description: String {
    switch self {
    case .relative(let percent): (percent.tenThousandths >= 0 ? "+" : "") + percent.description
    case .absolute(let value): value.plain
    }
  }
}

/// A business figure the CRM should move.
public struct Metric: Hashable, Sendable {
  public var id: Int64?
  public var name: String
  public var kind: MetricKind
  public var target: Target?
  /// The share of the metric's change credited to the CRM (100% unless said otherwise).
  public var attribution: Percent
  /// The order series its monthly values come from, when they are derived from stored orders.
  public var fromOrders: OrderSeries?
  /// For a control series (a kpi the CRM did not touch): the metric whose change it isolates.
  public var controlFor: String?
  /// The share of its benefit set aside as uncertain (TEI's risk adjustment); nil: the report's --risk.
  public var risk: Percent?
  /// Who answers for its planned benefit.
  public var owner: String?

  public static let fullAttribution = Percent(tenThousandths: 1_000_000)

  public init(
    id: Int64? = nil, name: String, kind: MetricKind, target: Target? = nil, attribution: Percent = Metric.fullAttribution,
    fromOrders: OrderSeries? = nil, controlFor: String? = nil, risk: Percent? = nil, owner: String? = nil
  ) {
    self.fromOrders = fromOrders
    self.controlFor = controlFor
    self.risk = risk
    self.owner = owner
    self.id = id
    self.name = name
    self.kind = kind
    self.target = target
    self.attribution = attribution
  }

  /// Parses an attribution share: above 0% and at most 100%.
  public static func parseAttribution(_ text: String) throws -> Percent {
    try Percent(share: text, allowingZero: false, expected: Phrase(.formAttribution))
  }

  /// Parses a benefit line's risk: from 0% to 100%.
  public static func parseRisk(_ text: String) throws -> Percent {
    try Percent(share: text, allowingZero: true, expected: Phrase(.formPercentRange, ["low": "0%", "high": "100%"]))
  }

  public static let nameForm = Phrase(.formMetricName)

  /// Checks that `name` is a lower-case name, scalar by scalar: a letter first (a–z, or a lower-case
  /// or caseless letter of any script), then letters, ASCII digits, '-' or accents typed apart
  /// (U+0300–U+036F, after a letter), at most 64 scalars (SQLite's `length`), no trailing '-', and
  /// not mixing Latin, Greek and Cyrillic (`sаles` with a Cyrillic а would pass for `sales`).
  /// Invisible characters (joiners, variation selectors, tags) are refused.
  public static func validateName(_ name: String) throws {
    let refused = ValueError(value: name, expected: nameForm)
    let scalars = Array(name.unicodeScalars)
    guard let first = scalars.first, isNameLetter(first), scalars.count <= 64, scalars.last != "-", name == name.lowercased() else {
      throw refused
    }
    var scripts: Set<Int> = []
    var afterLetter = false
    for scalar in scalars {
      if isNameLetter(scalar) {
        if let script = confusableScript(scalar) { scripts.insert(script) }
        afterLetter = true
      } else if (0x300...0x36F).contains(scalar.value), scalar.value != 0x34F, afterLetter {
        continue  // an accent on the letter before it
      } else if ("0"..."9").contains(scalar) || scalar == "-" {
        afterLetter = false
      } else {
        throw refused
      }
    }
    guard scripts.count <= 1 else { throw refused }
  }

  private static func isNameLetter(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII { return ("a"..."z").contains(scalar) }
    switch scalar.properties.generalCategory {
    case .lowercaseLetter, .otherLetter, .modifierLetter: return true
    default: return false
    }
  }

  /// 0 Latin, 1 Greek, 2 Cyrillic: the scripts whose letters look alike; nil for the others.
  private static func confusableScript(_ scalar: Unicode.Scalar) -> Int? {
    switch scalar.value {
    case 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF, 0x2C60...0x2C7F, 0xA720...0xA7FF: 0
    case 0x370...0x3FF, 0x1F00...0x1FFF: 1
    case 0x400...0x52F, 0x1C80...0x1C8F, 0x2DE0...0x2DFF, 0xA640...0xA69F: 2
    default: nil
    }
  }

  /// Parses a value typed for this metric: money kinds take the currency's decimals, others up to 4.
  public func parseValue(_ text: String, currency: Currency) throws -> MetricValue {
    let places = kind.valuesAreMoney ? currency.minorUnits : MetricValue.scale
    guard let decimal = ExactDecimal(text), decimal.scale <= places,
      let value = decimal.scaled(to: MetricValue.scale)
    else {
      let expected = kind.valuesAreMoney
        ? currency.amountForm(for: text)
        : Phrase.numberForm(for: text, places: MetricValue.scale, otherwise: Phrase.decimalPoint(instead: text) ?? Phrase(.formPlainDecimal))
      throw ValueError(value: text, expected: expected)
    }
    switch kind {
    case .revenue, .cost:
      guard value >= 0 else { throw ValueError(value: text, expected: Phrase(.formAmountNotNegative, ["metric": name, "kind": kind.name])) }
    case .count:
      guard value >= 0, value % 10_000 == 0 else {
        throw ValueError(value: text, expected: Phrase(.formWholeCount, ["metric": name]))
      }
    case .kpi:
      // A control series is a ratio's denominator: below 0 it has no meaning.
      guard controlFor == nil || value >= 0 else { throw ValueError(value: text, expected: Phrase(.formControlNotNegative, ["metric": name])) }
    case .hours:
      guard value >= 0 else { throw ValueError(value: text, expected: Phrase(.formHoursNotNegative, ["metric": name])) }
    }
    return MetricValue(tenThousandths: value)
  }
}

/// One value of one metric for one month.
public struct Snapshot: Hashable, Sendable {
  public var metric: String
  public var month: Month
  public var value: MetricValue

  public init(metric: String, month: Month, value: MetricValue) {
    self.metric = metric
    self.month = month
    self.value = value
  }
}

extension Snapshot {
  /// What makes a snapshot unique: one value per metric and month.
  public struct Key: Hashable, Sendable {
    public let metric: String
    public let month: Month
  }

  public var key: Key { Key(metric: metric, month: month) }
}
