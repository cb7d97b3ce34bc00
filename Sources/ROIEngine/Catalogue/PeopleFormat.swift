/// Numbers, money, percents, quarters and months as a person reads them in a language: French
/// `1 234,56 €` (U+202F between thousands and before the symbol), `33,1 %`, `T2 2025`, `T1 EX2026`,
/// `avr. 2025`; English `1,234.56 EUR`, `33.1%`, `2025Q2`, `FY2026Q1`, `2025-04`. Plain Swift, no
/// ICU or Foundation formatter (start-up time).
public struct PeopleFormat: Sendable {
  public let language: Language

  public init(_ language: Language) { self.language = language }

  static let narrowSpace = "\u{202F}"

  /// The symbol French writes after an amount, for the currencies that have one; else the code.
  static let symbols: [String: String] = [
    "EUR": "€", "USD": "$\u{00A0}US", "GBP": "£", "JPY": "¥", "CHF": "CHF", "CNY": "¥", "CAD": "$\u{00A0}CA", "XOF": "F\u{00A0}CFA",
    "XAF": "F\u{00A0}CFA",
  ]

  /// How a currency is named beside amounts: `EUR` / `€`.
  public func currencyName(_ currency: Currency) -> String {
    language == .en ? currency.code : PeopleFormat.symbols[currency.code] ?? currency.code
  }

  /// An amount in minor units, grouped, without its currency: `1 234,56` / `1,234.56`.
  public func amount(_ minor: Rational, _ currency: Currency) -> String {
    localised(currency.grouped(minor))
  }

  /// An amount with its currency: `1 234,56 €` / `1,234.56 EUR`.
  public func money(_ minor: Rational, _ currency: Currency) -> String {
    switch language {
    case .en: currency.grouped(minor) + " " + currency.code
    case .fr: amount(minor, currency) + PeopleFormat.narrowSpace + currencyName(currency)
    }
  }

  /// A ratio as a percent with one decimal: `33,1 %` / `33.1%`; "–" for none.
  public func percent(_ ratio: Rational?) -> String {
    guard let ratio else { return "–" }
    let text = (ratio * Rational(100)).decimalString(places: 1)
    return language == .fr ? localised(text) + PeopleFormat.narrowSpace + "%" : text + "%"
  }

  /// A decimal written with the language's decimal mark: `3,97` / `3.97`.
  public func decimal(_ value: Rational, places: Int) -> String {
    localised(value.decimalString(places: places))
  }

  /// A share or target as typed (`10%`, `+5%`, `95`): `10 %`, `+5 %`, `95` in French.
  public func share(_ text: String) -> String {
    guard language == .fr else { return text }
    return text.hasSuffix("%") ? localised(String(text.dropLast())) + PeopleFormat.narrowSpace + "%" : localised(text)
  }

  /// A metric kind as people read it: `chiffre d’affaires` / `revenue` (the stored name does not change).
  public func kind(_ kind: MetricKind) -> String { self.kind(kind.kindName) }

  /// A kind's name as people read it, from the name typed (`revenue`).
  public func kind(_ name: MetricKind.Name) -> String {
    let message: Message = switch name {
    case .revenue: .kindRevenue
    case .cost: .kindCost
    case .count: .kindCount
    case .kpi: .kindKPI
    case .hours: .kindHours
    }
    return Catalogue.text(message, language)
  }

  /// `T2 2025`, `T1 EX2026` / `2025Q2`, `FY2026Q1`.
  public func quarter(_ quarter: Quarter) -> String {
    guard language == .fr else { return quarter.description }
    return quarter.fiscalYearStart == 1 ? "T\(quarter.number) \(quarter.fiscalYear)" : "T\(quarter.number) EX\(quarter.fiscalYear)"
  }

  /// Calendar months by name, in prose: `décembre` / `December`.
  public static func monthNames(_ language: Language) -> [String] {
    language == .fr
      ? ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
      : ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
  }

  static let frenchMonths = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]

  /// A month in prose: `avr. 2025` / `2025-04`.
  public func month(_ month: Month) -> String {
    language == .fr ? "\(PeopleFormat.frenchMonths[month.number - 1]) \(month.year)" : month.description
  }

  /// `1 month` / `{count} months` in this language.
  public func count(_ number: Int, _ one: Message, _ many: Message) -> String {
    number == 1 ? Catalogue.text(one, language) : Catalogue.text(many, language, ["count": "\(number)"])
  }

  /// A number of years with 2 decimals: `3.97 years` / `3,97 ans`, `0,39 an` (French's singular below 2).
  public func years(_ value: Rational) -> String {
    Catalogue.text(language == .fr && value < Rational(2) ? .yearsSingular : .years, language, ["count": decimal(value, places: 2)])
  }

  /// Whether `number` takes the singular: 1 in English, 0 and 1 in French.
  public func isSingular(_ number: Int) -> Bool {
    language == .fr ? (0...1).contains(number) : number == 1
  }

  /// `number` in the singular or plural message, as `isSingular` says: `0 ajoutée`, `2 ajoutées`.
  public func counted(_ number: Int, _ one: Message, _ many: Message) -> String {
    Catalogue.text(isSingular(number) ? one : many, language, ["count": "\(number)"])
  }

  /// English digits and marks (`-1,234.56`) in this language's: `-1 234,56` in French.
  public func localised(_ english: String) -> String {
    guard language == .fr else { return english }
    var output = ""
    for character in english {
      switch character {
      case ",": output += PeopleFormat.narrowSpace
      case ".": output += ","
      default: output.append(character)
      }
    }
    return output
  }
}
