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
  case months, month, years, year, yes, no, never
  case noiseHeading, columnBenefitLow, columnBenefitHigh, columnInNoise, columnRollingLow, columnRollingHigh
  case discountedHeading, presentValueOfBenefit, presentValueOfCost, netPresentValue, discountedROI, discountedBreakEven
  case projectionHeading, runRate, lifetimeBenefit, lifetimeROI, projectedBreakEven, notByHorizonEnd
  case objectivesHeading, noData, columnMetric, columnTarget, columnBaseline, columnCurrent, columnChange, columnTargetValue, columnMet
  case warningsHeading
  case warningShortHistory, warningThinBaselineOne, warningThinBaselineMany, warningSeasonal, warningDoubleCount
  case warningWithinNoise, warningMissingOne, warningMissingMany, warningPartial, andMore
  case demoDatabase
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
    .yes: "yes", .no: "no", .never: "never",
    .noiseHeading: "Noise bands (± twice the baseline months' own variation)",
    .columnBenefitLow: "Benefit low", .columnBenefitHigh: "Benefit high", .columnInNoise: "In noise",
    .columnRollingLow: "Rolling low", .columnRollingHigh: "Rolling high",
    .discountedHeading: "Discounted view (rate {rate}, risk {risk}, to {month})",
    .presentValueOfBenefit: "Present value of benefit: {amount}",
    .presentValueOfCost: "Present value of cost:    {amount}",
    .netPresentValue: "Net present value:        {amount}",
    .discountedROI: "ROI (NPV / PV of cost):   {percent}",
    .discountedBreakEven: "Discounted break-even:    {month}",
    .projectionHeading: "Projection to {month} at the pace of the last {span} (a projection, not history)",
    .runRate: "Run rate:                 {amount} a month",
    .lifetimeBenefit: "Lifetime benefit:         {amount}",
    .lifetimeROI: "Lifetime ROI:             {percent} of TCO {amount}",
    .projectedBreakEven: "Break-even quarter:       {quarter}",
    .notByHorizonEnd: "not by the horizon end",
    .objectivesHeading: "Objectives ({quarter})", .noData: "no data",
    .columnMetric: "Metric", .columnTarget: "Target", .columnBaseline: "Baseline", .columnCurrent: "Current",
    .columnChange: "Change", .columnTargetValue: "Target value", .columnMet: "Met",
    .warningsHeading: "Warnings",
    .warningShortHistory: "only {span} of data since go-live ({goLive} to {asOf}): too early to judge; the figures will settle after {settle} months",
    .warningThinBaselineOne: "'{metric}' has 1 baseline value (fewer than {fewer}): its baseline, and every benefit measured against it, is uncertain; log more months before go-live",
    .warningThinBaselineMany: "'{metric}' has {count} baseline values (fewer than {fewer}): its baseline, and every benefit measured against it, is uncertain; log more months before go-live",
    .warningSeasonal: "'{metric}' varies by season before go-live ({monthName} stands out): the mean baseline takes the season for the CRM's effect; consider: crm-roi settings set baseline-method seasonal",
    .warningDoubleCount: "'{metric}' adds money per unit beside the revenue metric '{revenue}': if these purchases are already in {revenue}, make it a kpi (crm-roi metric set {metric} --kind kpi)",
    .warningWithinNoise: "the latest rolling annual ROI ({quarter}) lies within the baseline's own variation: it may be chance",
    .warningMissingOne: "'{metric}' has no value for {names}: that month counts as no change; log it with crm-roi log",
    .warningMissingMany: "'{metric}' has no value for {names}: those months count as no change; log them with crm-roi log",
    .warningPartial: "{quarter} is partial: data to {asOf} only, so its benefit covers {covered} of its 3 months",
    .andMore: " and {count} more",
    .demoDatabase: "Sample database: {path}. Explore it with, for example:",
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
    .yes: "oui", .no: "non", .never: "jamais",
    .noiseHeading: "Bandes de bruit (± deux fois la variation propre des mois de référence)",
    .columnBenefitLow: "Bénéfice bas", .columnBenefitHigh: "Bénéfice haut", .columnInNoise: "Bruit",
    .columnRollingLow: "Glissant bas", .columnRollingHigh: "Glissant haut",
    .discountedHeading: "Vue actualisée (taux {rate}, risque {risk}, ramenée à {month})",
    .presentValueOfBenefit: "Valeur actuelle du bénéfice :    {amount}",
    .presentValueOfCost: "Valeur actuelle du coût :        {amount}",
    .netPresentValue: "Valeur actuelle nette (VAN) :    {amount}",
    .discountedROI: "ROI (VAN / valeur du coût) :     {percent}",
    .discountedBreakEven: "Seuil de rentabilité actualisé : {month}",
    .projectionHeading: "Projection jusqu’à {month} au rythme des {span} écoulés (une projection, pas l’historique)",
    .runRate: "Rythme :                         {amount} par mois",
    .lifetimeBenefit: "Bénéfice sur l’horizon :         {amount}",
    .lifetimeROI: "ROI sur l’horizon :              {percent} du TCO de {amount}",
    .projectedBreakEven: "Seuil de rentabilité :           {quarter}",
    .notByHorizonEnd: "pas avant la fin de l’horizon",
    .objectivesHeading: "Objectifs ({quarter})", .noData: "aucune donnée",
    .columnMetric: "Indicateur", .columnTarget: "Objectif", .columnBaseline: "Référence", .columnCurrent: "Actuel",
    .columnChange: "Évolution", .columnTargetValue: "Valeur cible", .columnMet: "Atteint",
    .warningsHeading: "Avertissements",
    .warningShortHistory: "seulement {span} de données depuis la mise en service ({goLive} à {asOf}) : trop tôt pour juger ; les chiffres se stabiliseront après {settle} mois",
    .warningThinBaselineOne: "'{metric}' n’a qu’une valeur de référence (moins de {fewer}) : son scénario de référence, et tout bénéfice mesuré par rapport à lui, est incertain ; saisissez plus de mois avant la mise en service",
    .warningThinBaselineMany: "'{metric}' n’a que {count} valeurs de référence (moins de {fewer}) : son scénario de référence, et tout bénéfice mesuré par rapport à lui, est incertain ; saisissez plus de mois avant la mise en service",
    .warningSeasonal: "'{metric}' est saisonnier avant la mise en service ({monthName} se distingue) : la référence moyenne prend la saison pour l’effet du CRM ; envisagez : crm-roi settings set baseline-method seasonal",
    .warningDoubleCount: "'{metric}' ajoute de l’argent par unité à côté de l’indicateur de chiffre d’affaires '{revenue}' : si ces achats sont déjà dans {revenue}, faites-en un kpi (crm-roi metric set {metric} --kind kpi)",
    .warningWithinNoise: "le dernier ROI annuel glissant ({quarter}) est dans la variation propre de la référence : il peut être dû au hasard",
    .warningMissingOne: "'{metric}' n’a pas de valeur pour {names} : ce mois compte comme sans changement ; saisissez-le avec crm-roi log",
    .warningMissingMany: "'{metric}' n’a pas de valeur pour {names} : ces mois comptent comme sans changement ; saisissez-les avec crm-roi log",
    .warningPartial: "{quarter} est partiel : données jusqu’à {asOf} seulement, son bénéfice couvre donc {covered} de ses 3 mois",
    .andMore: " et {count} autres",
    .demoDatabase: "Base d’exemple : {path}. Explorez-la par exemple avec :",
  ]

  static func templates(_ language: Language) -> [Message: String] {
    language == .fr ? french : english
  }

  /// `message` in `language`, each `{name}` replaced by `values[name]`.
  public static func text(_ message: Message, _ language: Language, _ values: [String: String] = [:]) -> String {
    guard let template = templates(language)[message] else { preconditionFailure("no \(language) text for \(message)") }
    var output = ""
    scan(template) { literal, name in
      output += literal
      guard let name else { return }
      guard let value = values[name] else { preconditionFailure("no value for {\(name)} in \(message)") }
      output += value
    }
    return output
  }

  /// The `{name}`s a template uses.
  static func placeholders(in template: String) -> Set<String> {
    var names: Set<String> = []
    scan(template) { _, name in if let name { names.insert(name) } }
    return names
  }

  /// Walks `template`: each run of literal text, then the placeholder name after it (nil at the end).
  private static func scan(_ template: String, _ body: (Substring, String?) -> Void) {
    var rest = Substring(template)
    while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
      body(rest[..<open], String(rest[rest.index(after: open)..<close]))
      rest = rest[rest.index(after: close)...]
    }
    body(rest, nil)
  }
}
