import ROIEngine

/// How figures are written for people (tables) and for scripts (CSV, JSON).
extension Rational {
  /// A ratio for scripts: a fraction with up to 6 decimals, 0.075.
  var ratioText: String { shortDecimalString(maxPlaces: 6) }

  /// A ratio for people: a percent with one decimal, "7.5%".
  var percentText: String { (self * Rational(100)).decimalString(places: 1) + "%" }
}

extension Optional where Wrapped == Rational {
  var percentText: String { map(\.percentText) ?? "–" }
}

extension Objective {
  /// Decimals shown for this metric's values: the currency's for money kinds; otherwise up to 4 for
  /// scripts and up to 1 for people (`grouped`).
  func valueText(_ value: Rational?, currency: Currency, grouped: Bool) -> String? {
    guard let value else { return nil }
    if metric.kind.valuesAreMoney {
      let minor = currency.minor(fromMajor: value)
      return grouped ? currency.grouped(minor) : currency.plain(minor)
    }
    return value.shortDecimalString(maxPlaces: grouped ? 1 : 4)
  }
}
