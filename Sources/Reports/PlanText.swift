import ROIEngine

/// The business case as people read it (`plan list`): the planned costs, each metric's planned
/// benefit with its ramp and owner, and the planned TCO.
public enum PlanText {
  /// "reached over 6 months", or "in full from the first month" without a ramp.
  public static func ramp(_ benefit: PlannedBenefit, _ language: Language) -> String {
    benefit.ramp == 0
      ? Catalogue.text(.planNoRamp, language)
      : Catalogue.text(.planRampOver, language, ["months": PeopleFormat(language).count(benefit.ramp, .month, .months)])
  }

  public static func list(_ plan: BusinessCase, metrics: [Metric], settings: Settings, _ language: Language) -> String {
    let say = PeopleFormat(language)
    let currency = settings.currency
    func text(_ message: Message, _ values: [String: String] = [:]) -> String { Catalogue.text(message, language, values) }
    var output = ""
    if !plan.costs.isEmpty {
      output += text(.planCostsHeading) + "\n" + ExpenseText.table(plan.costs, currency: currency, language).plain()
      let total = ExpenseTotals(plan.costs, horizonEnd: settings.horizonEnd).total
      output += text(.planTotalCost, ["month": say.month(settings.horizonEnd), "amount": say.money(total, currency)]) + "\n"
    }
    if !plan.benefits.isEmpty {
      if !output.isEmpty { output += "\n" }
      var table = Table([
        (text(.columnMetric), .left), (text(.columnMonthly), .right), (text(.columnFrom), .left), (text(.columnRamp), .right),
        (text(.columnOwner), .left),
      ])
      let owners = Dictionary(metrics.map { ($0.name, $0.owner) }, uniquingKeysWith: { first, _ in first })
      for benefit in plan.benefits {
        table.append([
          benefit.metric, say.amount(benefit.monthly.rational, currency), say.month(benefit.from),
          benefit.ramp == 0 ? "–" : say.count(benefit.ramp, .month, .months), TerminalText.visible((owners[benefit.metric] ?? nil) ?? ""),
        ])
      }
      output += text(.planBenefitsHeading) + "\n" + table.plain()
    }
    return output
  }
}
