import ROIEngine

/// The texts people read, each written once per language with named placeholders (`{amount}`).
/// Plain Swift data in one place: a test checks that every message exists in both languages with
/// the same placeholders.
public enum Message: String, CaseIterable, Sendable {
  case errorPrefix
  case reportTitle
  case settingsLine
  case asOf, asOfNothing
  case totalCostOfOwnership, breakEvenQuarter, notReached
  case projectedPayback, projectedPaybackNone, withinNoise
  case legendROI, legendRolling, legendCumulative, legendPartial
  case columnQuarter, columnCost, columnBenefit, columnROI, columnRolling, columnCumulativeNet
  case verdictSince, verdictPays, verdictNoCost, verdictTooEarly, verdictNotPaying, verdictNothingYet
  case months, month, years, year
}

public enum Catalogue {
  static let english: [Message: String] = [
    .errorPrefix: "crm-roi: error: ",
    .reportTitle: "CRM ROI by quarter",
    .settingsLine: "Currency {currency}, go-live {goLive}, baseline {baselineMonths} months, horizon {horizon} to {horizonEnd}",
    .asOf: "As of {month}: the latest month with logged values",
    .asOfNothing: "As of {month}: nothing logged since go-live yet",
    .totalCostOfOwnership: "Total cost of ownership: {amount}",
    .breakEvenQuarter: "Break-even quarter:      {quarter}",
    .notReached: "not reached",
    .projectedPayback: "Projected payback:       {years} years",
    .projectedPaybackNone: "Projected payback:       none (no positive rolling annual ROI yet)",
    .withinNoise: " (within noise: {low} to {high})",
    .legendROI: "ROI = the quarter's benefit / the TCO over the horizon.",
    .legendRolling: "Rolling annual ROI = the last 12 months' benefit / the TCO (fewer months since go-live are scaled to a year).",
    .legendCumulative: "Cum. net ROI = (benefit so far − cost so far) / cost so far.",
    .legendPartial: "* partial quarter: values logged to {month} only.",
    .columnQuarter: "Quarter", .columnCost: "Cost", .columnBenefit: "Benefit", .columnROI: "ROI",
    .columnRolling: "Rolling annual ROI", .columnCumulativeNet: "Cum. net ROI",
    .verdictSince: "Since go-live ({span}, to {month}), the CRM has brought {benefit} against {spent} spent",
    .verdictPays: "; at this pace it pays its TCO of {tco} in {years} years.",
    .verdictNoCost: "; no cost is recorded yet, so there is no TCO to pay back (add the expenses with crm-roi expense add).",
    .verdictTooEarly: "; when it pays for itself cannot be said yet: {reason}.",
    .verdictNotPaying: "; at this pace it does not pay for itself (no positive benefit over the last {span}).",
    .verdictNothingYet: "No value has been logged since go-live ({goLive}) yet: log each month with crm-roi log.",
    .months: "{count} months", .month: "1 month", .years: "{count} years", .year: "1 year",
  ]

  static let french: [Message: String] = [
    .errorPrefix: "crm-roi: erreur : ",
    .reportTitle: "Retour sur investissement du CRM par trimestre",
    .settingsLine: "Devise {currency}, mise en service {goLive}, scénario de référence sur {baselineMonths} mois, horizon {horizon} jusqu’à {horizonEnd}",
    .asOf: "Données à fin {month} : dernier mois saisi",
    .asOfNothing: "Données à fin {month} : rien de saisi depuis la mise en service",
    .totalCostOfOwnership: "Coût total de possession (TCO) : {amount}",
    .breakEvenQuarter: "Seuil de rentabilité :           {quarter}",
    .notReached: "non atteint",
    .projectedPayback: "Délai de récupération projeté :  {years} ans",
    .projectedPaybackNone: "Délai de récupération projeté :  aucun (pas encore de ROI annuel glissant positif)",
    .withinNoise: " (dans la bande de bruit : {low} à {high})",
    .legendROI: "ROI = bénéfice marginal du trimestre / TCO sur l’horizon.",
    .legendRolling: "ROI annuel glissant = bénéfice des 12 derniers mois / TCO (ramené à un an s’il y a moins de mois depuis la mise en service).",
    .legendCumulative: "ROI net cumulé = (bénéfice à date − coût à date) / coût à date.",
    .legendPartial: "* trimestre partiel : valeurs saisies jusqu’à {month} seulement.",
    .columnQuarter: "Trimestre", .columnCost: "Coût", .columnBenefit: "Bénéfice", .columnROI: "ROI",
    .columnRolling: "ROI annuel glissant", .columnCumulativeNet: "ROI net cumulé",
    .verdictSince: "Depuis la mise en service ({span}, jusqu’à {month}), le CRM a rapporté {benefit} pour {spent} dépensés",
    .verdictPays: " ; à ce rythme, il rembourse son TCO de {tco} en {years} ans.",
    .verdictNoCost: " ; aucun coût n’est encore saisi, donc pas de TCO à rembourser (saisissez les dépenses avec crm-roi expense add).",
    .verdictTooEarly: " ; on ne peut pas encore dire quand il sera rentable : {reason}.",
    .verdictNotPaying: " ; à ce rythme, il n’est pas rentable (aucun bénéfice positif sur : {span}).",
    .verdictNothingYet: "Aucune valeur saisie depuis la mise en service ({goLive}) : saisissez chaque mois avec crm-roi log.",
    .months: "{count} mois", .month: "1 mois", .years: "{count} ans", .year: "1 an",
  ]

  static func templates(_ language: Language) -> [Message: String] {
    language == .fr ? french : english
  }

  /// `message` in `language`, each `{name}` replaced by `values[name]`.
  public static func text(_ message: Message, _ language: Language, _ values: [String: String] = [:]) -> String {
    guard let template = templates(language)[message] else { preconditionFailure("no \(language) text for \(message)") }
    var output = ""
    var rest = Substring(template)
    while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
      output += rest[..<open]
      let name = String(rest[rest.index(after: open)..<close])
      guard let value = values[name] else { preconditionFailure("no value for {\(name)} in \(message)") }
      output += value
      rest = rest[rest.index(after: close)...]
    }
    return output + rest
  }

  /// The `{name}`s a template uses.
  static func placeholders(in template: String) -> Set<String> {
    var names: Set<String> = []
    var rest = Substring(template)
    while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
      names.insert(String(rest[rest.index(after: open)..<close]))
      rest = rest[rest.index(after: close)...]
    }
    return names
  }
}
