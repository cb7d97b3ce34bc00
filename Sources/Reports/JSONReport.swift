import ROIEngine

/// The JSON contract of `crm-roi roi --format json`, documented in docs/json.md. Money is written
/// from minor units as a JSON number with the currency's decimals; ratios as fractions.
public enum JSONReport {
  /// The verdict's `sentence` is in English, as the warnings' `message`: the JSON is the same in every language.
  public static func render(_ report: ROIReport, rows: [QuarterRow]) -> String {
    let language = Language.en
    let currency = report.currency
    func money(_ minor: Rational) -> JSON { .number(currency.plain(minor)) }
    func ratio(_ value: Rational?) -> JSON { value.map { .number($0.ratioText) } ?? .null }
    let quarters = rows.map { quarter($0, money: money, ratio: ratio) }
    let objectives = report.objectives.map { objective($0, currency: currency, ratio: ratio) }
    var members: [(String, JSON)] = [
      ("currency", .string(currency.code)),
      ("go_live", .string(report.settings.goLive.description)),
      ("as_of", .string(report.asOf.description)),
      ("baseline_method", .string(report.settings.baselineMethod.rawValue)),
      ("baseline_choice", baselineChoice(report.baselineChoice)),
      ("verdict", report.verdict.map { verdict(report, $0, language: language, money: money, ratio: ratio) } ?? .null),
      ("total_cost_of_ownership", money(report.totalCostOfOwnership)),
      ("quarters", .array(quarters)),
      ("payback", .object([
        ("break_even_quarter", report.payback.breakEvenQuarter.map { .string($0.description) } ?? .null),
        ("projected_payback_years", ratio(report.payback.projectedPaybackYears)),
        ("projected_payback_years_low", ratio(report.payback.projectedPaybackYearsLow)),
        ("projected_payback_years_high", ratio(report.payback.projectedPaybackYearsHigh)),
      ])),
      ("objectives", .array(objectives)),
      ("noise_unavailable", report.noiseUnavailable.map { JSON.string($0.description) } ?? .null),
      ("warnings", .array(report.warnings.map { warning in
        .object([
          ("code", .string(warning.code.rawValue)), ("metric", warning.metric.map(JSON.string) ?? .null),
          ("message", .string(warning.message)),
        ])
      })),
      ("discounted", discounted(report.discounted, report: report, money: money, ratio: ratio)),
      ("controls", .array(report.controls.map { .object([("metric", .string($0.metric)), ("control", .string($0.control))]) })),
      ("plan", report.plan.map { FinanceJSON.plan($0, money: money, ratio: ratio) } ?? .null),
      ("tei", report.tei.map { FinanceJSON.tei($0, money: money, ratio: ratio) } ?? .null),
      ("intangibles", .array(report.intangibles.map { .string($0.text) })),
    ]
    if let projection = report.projection { members.append(("projection", self.projection(projection, money: money, ratio: ratio))) }
    let document = JSON.object(members)
    var output = ""
    document.write(to: &output, indent: 0)
    return output + "\n"
  }

  static func quarter(_ row: QuarterRow, money: (Rational) -> JSON, ratio: (Rational?) -> JSON) -> JSON {
    .object([
      ("quarter", .string(row.quarter.description)),
      ("first_month", .string(row.quarter.firstMonth.description)),
      ("last_month", .string(row.quarter.lastMonth.description)),
      ("cost", money(row.cost)),
      ("benefit", money(row.benefit)),
      ("benefit_by_metric", .object(row.benefitByMetric.map { ($0.metric, money($0.benefit)) })),
      ("cumulative_cost", money(row.cumulativeCost)),
      ("cumulative_benefit", money(row.cumulativeBenefit)),
      ("roi", ratio(row.roi)),
      ("rolling_annual_roi", ratio(row.rollingAnnualROI)),
      ("cumulative_net_roi", ratio(row.cumulativeNetROI)),
      ("missing_months", .array(row.missingMonths.map { .string($0.description) })),
      ("benefit_low", row.benefitLow.map(money) ?? .null),
      ("benefit_high", row.benefitHigh.map(money) ?? .null),
      ("within_noise", row.withinNoise.map(JSON.bool) ?? .null),
      ("rolling_annual_roi_low", ratio(row.rollingAnnualROILow)),
      ("rolling_annual_roi_high", ratio(row.rollingAnnualROIHigh)),
      ("partial", .bool(row.isPartial)),
      ("plan_cost", row.planCost.map(money) ?? .null),
      ("plan_benefit", row.planBenefit.map(money) ?? .null),
      ("cost_variance", row.costVariance.map(money) ?? .null),
      ("benefit_variance", row.benefitVariance.map(money) ?? .null),
    ])
  }

  static func objective(_ objective: Objective, currency: Currency, ratio: (Rational?) -> JSON) -> JSON {
    func value(_ value: Rational?) -> JSON {
      objective.valueText(value, currency: currency, grouped: false).map(JSON.number) ?? .null
    }
    return .object([
      ("metric", .string(objective.metric.name)),
      ("kind", .string(objective.metric.kind.name)),
      ("target", .string(objective.metric.target?.description ?? "")),
      ("direction", .string(objective.lowerIsBetter ? "decrease" : "increase")),
      ("baseline", value(objective.baseline)),
      ("current", value(objective.current)),
      ("change", ratio(objective.change)),
      ("target_value", value(objective.targetValue)),
      ("met", objective.met.map(JSON.bool) ?? .null),
      ("control", objective.control.map(JSON.string) ?? .null),
      ("plain_change", ratio(objective.plainChange)),
    ])
  }

  static func discounted(_ discounted: DiscountedView, report: ROIReport, money: (Rational) -> JSON, ratio: (Rational?) -> JSON) -> JSON {
    .object([
      ("rate", ratio(discounted.options.rate.fraction)),
      ("risk", ratio(discounted.options.risk.fraction)),
      ("pv_benefit", money(discounted.presentValueOfBenefit)),
      ("pv_cost", money(discounted.presentValueOfCost)),
      ("npv", money(discounted.netPresentValue)),
      ("roi", ratio(discounted.roi)),
      ("break_even_month", discounted.breakEvenMonth.map { .string($0.description) } ?? .null),
      ("risk_by_metric", .object(report.risks.map { ($0.metric, ratio($0.risk.fraction)) })),
    ])
  }

  static func projection(_ projection: Projection, money: (Rational) -> JSON, ratio: (Rational?) -> JSON) -> JSON {
    .object([
      ("run_rate", money(projection.runRate)),
      ("lifetime_benefit", money(projection.lifetimeBenefit)),
      ("total_cost_of_ownership", money(projection.totalCostOfOwnership)),
      ("lifetime_roi", ratio(projection.lifetimeROI)),
      ("break_even_quarter", projection.breakEvenQuarter.map { .string($0.description) } ?? .null),
      ("quarters", .array(projection.quarters.map { quarter in
        .object([
          ("quarter", .string(quarter.quarter.description)),
          ("cost", money(quarter.cost)),
          ("benefit", money(quarter.benefit)),
          ("cumulative_cost", money(quarter.cumulativeCost)),
          ("cumulative_benefit", money(quarter.cumulativeBenefit)),
        ])
      })),
    ])
  }
}

extension JSONReport {
  static func verdict(
    _ report: ROIReport, _ verdict: Verdict, language: Language, money: (Rational) -> JSON, ratio: (Rational?) -> JSON
  ) -> JSON {
    .object([
      ("status", .string(verdict.status.rawValue)),
      ("too_early_reason", verdict.tooEarly.map { .string($0 == .fewMonths ? "few_months" : "within_noise") } ?? .null),
      ("to_date", .object([("cost", money(verdict.cost)), ("benefit", money(verdict.benefit)), ("net", money(verdict.net))])),
      ("payback_month", verdict.paybackMonth.map { .string($0.description) } ?? .null),
      ("beyond_horizon", .bool(verdict.beyondHorizon)),
      ("lifetime_roi", ratio(verdict.lifetimeROI)),
      ("stale_before", verdict.staleBefore.map { .string($0.description) } ?? .null),
      ("sentence", .string(VerdictText.sentence(report, language: language))),
    ])
  }

  static func baselineChoice(_ choice: BaselineChoice) -> JSON {
    let (reason, standout): (String, SeasonalStandout?) = switch choice.reason {
    case .set: ("set", nil)
    case .noPattern: ("no_pattern", nil)
    case .notTested: ("not_tested", nil)
    case .view: ("view", nil)
    case .pattern(let found): ("pattern", found)
    case .patternTooLittleHistory(let found, _): ("pattern_too_little_history", found)
    }
    var widerWindow: JSON = .null
    if case .patternTooLittleHistory(_, let months?) = choice.reason { widerWindow = .number("\(months)") }
    return .object([
      ("method", .string(choice.method.rawValue)), ("reason", .string(reason)),
      ("metric", standout.map { .string($0.metric) } ?? .null),
      ("calendar_month", standout.map { .number("\($0.calendarMonth)") } ?? .null),
      ("change", standout?.change.map { .number($0.ratioText) } ?? .null),
      ("baseline_months_needed", widerWindow),
    ])
  }
}

/// A JSON value with ordered keys, numbers kept as the exact decimal text given.
enum JSON {
  case null
  case bool(Bool)
  case number(String)
  case string(String)
  case array([JSON])
  case object([(String, JSON)])

  func write(to output: inout String, indent: Int) {
    let pad = String(repeating: "  ", count: indent + 1)
    let closing = String(repeating: "  ", count: indent)
    switch self {
    case .null: output += "null"
    case .bool(let value): output += value ? "true" : "false"
    case .number(let text): output += text
    case .string(let text): JSON.writeString(text, to: &output)
    case .array(let items):
      if items.isEmpty { output += "[]"; return }
      if items.allSatisfy({ if case .string = $0 { true } else { false } }) {
        output += "["
        for (index, item) in items.enumerated() {
          if index > 0 { output += ", " }
          item.write(to: &output, indent: indent)
        }
        output += "]"
        return
      }
      output += "[\n"
      for (index, item) in items.enumerated() {
        output += pad
        item.write(to: &output, indent: indent + 1)
        output += index == items.count - 1 ? "\n" : ",\n"
      }
      output += closing + "]"
    case .object(let members):
      if members.isEmpty { output += "{}"; return }
      output += "{\n"
      for (index, (key, value)) in members.enumerated() {
        output += pad
        JSON.writeString(key, to: &output)
        output += ": "
        value.write(to: &output, indent: indent + 1)
        output += index == members.count - 1 ? "\n" : ",\n"
      }
      output += closing + "}"
    }
  }

  static func writeString(_ text: String, to output: inout String) {
    output += "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value):  // C0, DEL and C1 controls
        let hex = String(scalar.value, radix: 16)
        output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: output.unicodeScalars.append(scalar)
      }
    }
    output += "\""
  }
}
