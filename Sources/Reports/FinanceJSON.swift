import ROIEngine

/// Part 11's members of the JSON contract: `plan` and `tei` (documented in docs/json.md).
enum FinanceJSON {
  static func plan(_ plan: PlanComparison, money: (Rational) -> JSON, ratio: (Rational?) -> JSON) -> JSON {
    .object([
      ("total_cost_of_ownership", money(plan.totalCostOfOwnership)),
      ("payback_years", ratio(plan.paybackYears)),
      ("roi", ratio(plan.roi)),
      ("actual_total_cost_of_ownership", money(plan.actualTotalCostOfOwnership)),
      ("actual_payback_years", ratio(plan.actualPaybackYears)),
      ("actual_roi", ratio(plan.actualROI)),
      ("cost_to_date", money(plan.costToDate)),
      ("actual_cost_to_date", money(plan.actualCostToDate)),
      ("cost_variance_to_date", money(plan.costVarianceToDate)),
      ("benefit_to_date", money(plan.benefitToDate)),
      ("actual_benefit_to_date", money(plan.actualBenefitToDate)),
      ("benefit_variance_to_date", money(plan.benefitVarianceToDate)),
      ("benefits", .array(plan.benefits.map { benefit, owner in
        .object([
          ("metric", .string(benefit.metric)), ("monthly", money(benefit.monthly.rational)), ("from", .string(benefit.from.description)),
          ("ramp_months", .number("\(benefit.ramp)")), ("owner", owner.map(JSON.string) ?? .null),
        ])
      })),
      ("costs", .array(plan.costs.map { cost($0, money: money) })),
    ])
  }

  /// A planned cost: its id, date, category, amount, recurrence and free-text fields.
  static func cost(_ cost: Expense, money: (Rational) -> JSON) -> JSON {
    let fixed: [(String, JSON)] = [
      ("id", .number("\(cost.id ?? 0)")), ("date", .string(cost.date.description)), ("category", .string(cost.category.rawValue)),
      ("amount", money(cost.amount.rational)), ("every", cost.recurrence.map { .string($0.every.rawValue) } ?? .null),
      ("until", (cost.recurrence?.until).map { .string($0.description) } ?? .null),
    ]
    let texts: [(String, JSON)] = ExpenseFields.Field.textFields.map { field in
      (field.rawValue, field.textAccess!.get(cost).map(JSON.string) ?? .null)
    }
    return .object(fixed + texts)
  }

  static func tei(_ table: TEITable, money: (Rational) -> JSON, ratio: (Rational?) -> JSON) -> JSON {
    // Why there is no IRR, in English like `noise_unavailable`.
    let irrReason = FinanceText.irrReason(table.internalRateOfReturn, language: .en)
    return .object([
      ("rate", ratio(table.rate.fraction)),
      ("columns", .array(([table.initial] + table.years).map { column in
        .object([
          ("label", .string(column.year == 0 ? "initial" : "year \(column.year)")),
          ("cost", money(column.cost)), ("benefit", money(column.benefit)), ("net", money(column.net)),
          ("cumulative_net", money(column.cumulativeNet)), ("projected", .bool(column.isProjected)),
        ])
      })),
      ("total_cost", money(table.totalCost)),
      ("total_benefit", money(table.totalBenefit)),
      ("total_net", money(table.totalNet)),
      ("pv_cost", money(table.presentValueOfCost)),
      ("pv_benefit", money(table.presentValueOfBenefit)),
      ("npv", money(table.netPresentValue)),
      ("roi", ratio(table.roi)),
      ("benefit_cost_ratio", ratio(table.benefitCostRatio)),
      ("payback_months", table.paybackMonths.map { .number("\($0)") } ?? .null),
      ("irr", ratio(table.internalRateOfReturn.annualRate)),
      ("irr_unavailable", irrReason.map(JSON.string) ?? .null),
    ])
  }
}
