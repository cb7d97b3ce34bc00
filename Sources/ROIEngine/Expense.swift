/// What an expense paid for.
public enum ExpenseCategory: String, CaseIterable, Sendable {
  case license, installation, hardware, labor, service, training, maintenance, other

  public static let expectedForm = Phrase(.formCategory)

  /// The category's name in people's text: `hardware` / `matériel` (both typed the same way).
  public var message: Message {
    switch self {
    case .license: .categoryLicense
    case .installation: .categoryInstallation
    case .hardware: .categoryHardware
    case .labor: .categoryLabor
    case .service: .categoryService
    case .training: .categoryTraining
    case .maintenance: .categoryMaintenance
    case .other: .categoryOther
    }
  }

  /// The names a French user types, and English spellings, for each category (any case).
  public static let aliases: [String: ExpenseCategory] = [
    "licence": .license, "licences": .license, "licenses": .license, "logiciel": .license,
    "matériel": .hardware, "materiel": .hardware, "ordinateur": .hardware, "ordinateurs": .hardware,
    "formation": .training, "main-d'œuvre": .labor, "main-d'oeuvre": .labor, "main d'œuvre": .labor,
    "main d'oeuvre": .labor, "main-d’œuvre": .labor, "main-d’oeuvre": .labor, "main d’œuvre": .labor,
    "main d’oeuvre": .labor, "travail": .labor, "abonnement": .service,
    "abonnements": .service, "prestation": .service, "autre": .other, "autres": .other,
    "entretien": .maintenance, "mise en place": .installation,  // no-catalogue: names a person may type
  ]

  /// A category's name or alias, in any case; an unknown one is refused with the closest name.
  public init(parsing text: String) throws {
    let key = text.lowercased()
    if let category = ExpenseCategory(rawValue: key) ?? ExpenseCategory.aliases[key] {
      self = category
      return
    }
    let names = ExpenseCategory.allCases.map(\.rawValue) + ExpenseCategory.aliases.keys.sorted()
    let guess = closest(to: key, in: names).map { ExpenseCategory(rawValue: $0) ?? ExpenseCategory.aliases[$0]! }
    throw ValueError(
      value: text, expected: guess.map { Phrase(.formCategoryGuess, phrases: ["guess": .phrase(Phrase($0.message))]) } ?? ExpenseCategory.expectedForm)
  }
}

/// How often a recurring expense comes back.
public enum Frequency: String, CaseIterable, Sendable {
  case month, quarter, year

  public var months: Int {
    switch self {
    case .month: 1
    case .quarter: 3
    case .year: 12
    }
  }

  /// The French words a user types for each (any case): mois, mensuel, trimestre, an, annuel…
  public static let aliases: [String: Frequency] = [
    "mois": .month, "mensuel": .month, "mensuelle": .month, "monthly": .month, "trimestre": .quarter,
    "trimestriel": .quarter, "trimestrielle": .quarter, "quarterly": .quarter, "an": .year, "année": .year,
    "annee": .year, "annuel": .year, "annuelle": .year, "yearly": .year,
  ]

  public init(parsing text: String) throws {
    guard let frequency = Frequency(rawValue: text) ?? Frequency.aliases[text.lowercased()] ?? Frequency(rawValue: text.lowercased()) else {
      throw ValueError(value: text, expected: Phrase(.formFrequency))
    }
    self = frequency
  }
}

/// A recurring expense: every month, quarter or year from its date, until `until` (inclusive) or the horizon end.
public struct Recurrence: Hashable, Sendable {
  public var every: Frequency
  public var until: Month?

  public init(every: Frequency, until: Month? = nil) {
    self.every = every
    self.until = until
  }
}

/// Labor entered as hours × hourly rate.
public struct Labor: Hashable, Sendable {
  /// Hours in hundredths: 7.5 hours is 750.
  public var hundredthsOfHours: Int64
  public var rate: Money

  public init(hundredthsOfHours: Int64, rate: Money) {
    self.hundredthsOfHours = hundredthsOfHours
    self.rate = rate
  }

  public static let hoursForm = Phrase(.formHours)

  public static func parseHours(_ text: String) throws -> Int64 {
    guard let decimal = ExactDecimal(text), let hundredths = decimal.scaled(to: 2), hundredths > 0 else {
      throw ValueError(value: text, expected: hoursForm)
    }
    return hundredths
  }

  /// hours × rate, rounded half-to-even to the minor unit; nil past the 64-bit range.
  public var amount: Money? {
    let exact = Rational(Int128(hundredthsOfHours) * Int128(rate.minor), 100).rounded()
    guard let minor = Int64(exactly: exact) else { return nil }
    return Money(minor: minor)
  }

  public var hoursText: String { DecimalText.format(Int128(hundredthsOfHours), scale: 2).trimmingFraction() }
}

extension String {
  /// "120.00" → "120", "7.50" → "7.5".
  func trimmingFraction() -> String {
    guard contains(".") else { return self }
    var text = self
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
  }
}

/// What the ROI method needs of an expense: when it is paid, how much, and how it recurs.
/// Expenses with the same month and recurrence can be summed into one item.
extension Expense {
  /// What the ROI method counts of it: its month, amount and recurrence.
  public var costItem: CostItem { CostItem(month: date.month, amount: amount, recurrence: recurrence) }
}

public struct CostItem: Hashable, Sendable {
  public var month: Month
  public var amount: Money
  public var recurrence: Recurrence?

  public init(month: Month, amount: Money, recurrence: Recurrence? = nil) {
    self.month = month
    self.amount = amount
    self.recurrence = recurrence
  }

  /// The months it is paid in: once, or every period from `month` to min(until, `horizonEnd`).
  public func occurrences(horizonEnd: Month) -> StrideThrough<Int> {
    guard let recurrence else { return stride(from: month.index, through: month.index, by: 1) }
    let last = min(recurrence.until ?? horizonEnd, horizonEnd)
    return stride(from: month.index, through: last.index, by: recurrence.every.months)
  }
}
