import ROIEngine

/// Part 11's sections of the text report: the plan against the actuals, the control series, each
/// metric's risk, the TEI cash-flow table with IRR and benefit/cost ratio, and the intangibles.
enum FinanceText {
  /// A line of prose: a list item in Markdown (so that lines stay apart), else wrapped at 80 columns.
  static func line(_ text: String, markdown: Bool) -> String {
    markdown ? "- " + (text.hasPrefix("*") ? "\\" : "") + text + "\n" : TextReport.wrapped(text) + "\n"
  }

  /// A table, and in Markdown the blank line that ends it.
  static func table(_ table: Table, markdown: Bool) -> String {
    markdown ? table.markdown() + "\n" : table.plain()
  }

  static func sections(_ report: ROIReport, rows: [QuarterRow], markdown: Bool, tei: Bool, language: Language) -> String {
    var output = ""
    output += controls(report, markdown: markdown, language: language)
    if let plan = report.plan { output += self.plan(plan, rows: rows, report: report, markdown: markdown, language: language) }
    if tei, let table = report.tei { output += self.tei(table, report: report, markdown: markdown, language: language) }
    return output
  }

  static func controls(_ report: ROIReport, markdown: Bool, language: Language) -> String {
    guard !report.controls.isEmpty else { return "" }
    var output = "\n" + TextReport.heading(Catalogue.text(.controlsHeading, language), markdown: markdown)
    for (metric, control) in report.controls {
      output += "- " + TextReport.wrapped(Catalogue.text(.controlIsolates, language, ["metric": metric, "control": control]), width: 78)
        .split(separator: "\n").joined(separator: "\n  ") + "\n"
    }
    return output
  }

  /// Each money metric's risk, when some metric has a risk of its own.
  /// The risk set aside in the discounted view and the TEI table: one share, or each metric's when they differ.
  static func riskInForce(_ report: ROIReport, language: Language) -> String {
    let say = PeopleFormat(language)
    guard report.risks.contains(where: { $0.risk != report.discounted.options.risk }) else {
      return say.share(report.discounted.options.risk.description)
    }
    return report.risks.map { "\($0.metric) \(say.share($0.risk.description))" }.joined(separator: ", ")
  }

  static func risks(_ report: ROIReport, language: Language) -> String {
    guard report.risks.contains(where: { $0.risk != report.discounted.options.risk }) else { return "" }
    let say = PeopleFormat(language)
    let list = report.risks.map { "\($0.metric) \(say.share($0.risk.description))" }.joined(separator: ", ")
    return Catalogue.text(.riskByMetric, language, ["list": list]) + "\n"
  }

  static func plan(_ plan: PlanComparison, rows: [QuarterRow], report: ROIReport, markdown: Bool, language: Language) -> String {
    let say = PeopleFormat(language)
    let currency = report.currency
    func text(_ message: Message, _ values: [String: String] = [:]) -> String { Catalogue.text(message, language, values) }
    func amount(_ value: Rational?) -> String { value.map { say.amount($0, currency) } ?? "–" }
    var table = Table([
      (text(.columnQuarter), .left), (text(.columnPlannedCost), .right), (text(.columnCost), .right), (text(.columnVariance), .right),
      (text(.columnPlannedBenefit), .right), (text(.columnBenefit), .right), (text(.columnVariance), .right),
    ])
    for row in rows {
      table.append([
        say.quarter(row.quarter) + (row.isPartial ? "*" : ""), amount(row.planCost), amount(row.cost), amount(row.costVariance),
        amount(row.planBenefit), amount(row.benefit), amount(row.benefitVariance),
      ])
    }
    var output = "\n" + TextReport.heading(text(.planHeading), markdown: markdown)
    output += self.table(table, markdown: markdown)
    output += line(text(.planToDate, [
      "month": say.month(report.asOf), "cost": say.money(plan.costToDate, currency), "actualCost": say.money(plan.actualCostToDate, currency),
      "costVariance": say.money(plan.costVarianceToDate, currency), "benefit": say.money(plan.benefitToDate, currency),
      "actualBenefit": say.money(plan.actualBenefitToDate, currency), "benefitVariance": say.money(plan.benefitVarianceToDate, currency),
    ]), markdown: markdown)
    output += line(text(.planTCO, [
      "planned": say.money(plan.totalCostOfOwnership, currency), "actual": say.money(plan.actualTotalCostOfOwnership, currency),
    ]), markdown: markdown)
    output += line(text(.planPayback, [
      "planned": plan.paybackYears.map(say.years) ?? "–", "actual": plan.actualPaybackYears.map(say.years) ?? "–",
    ]), markdown: markdown)
    output += line(text(.planROI, ["planned": say.percent(plan.roi), "actual": say.percent(plan.actualROI)]), markdown: markdown)
    for (benefit, owner) in plan.benefits {
      let item = text(owner == nil ? .planBenefitLine : .planBenefitLineOwned, [
        "metric": benefit.metric, "amount": say.money(benefit.monthly.rational, currency), "from": say.month(benefit.from),
        "ramp": PlanText.ramp(benefit, language), "owner": TerminalText.visible(owner ?? ""),
      ])
      output += markdown ? "- " + item + "\n" : "- " + TextReport.wrapped(item, width: 78).split(separator: "\n").joined(separator: "\n  ") + "\n"
    }
    return output
  }

  static func tei(_ table: TEITable, report: ROIReport, markdown: Bool, language: Language) -> String {
    let say = PeopleFormat(language)
    let currency = report.currency
    func text(_ message: Message, _ values: [String: String] = [:]) -> String { Catalogue.text(message, language, values) }
    let columns = [table.initial] + table.years
    let labels = columns.map { column in
      column.year == 0 ? text(.teiInitial) : text(.teiYear, ["year": "\(column.year)"]) + (column.isProjected ? "*" : "")
    }
    var grid = Table([("", .left)] + labels.map { ($0, .right) } + [(text(.teiTotal), .right), (text(.teiPresentValue), .right)])
    let presentNet = table.netPresentValue
    var cumulative = columns.map { say.amount($0.cumulativeNet, currency) }
    cumulative += ["", ""]
    grid.append([text(.teiCosts)] + columns.map { say.amount($0.cost, currency) } + [say.amount(table.totalCost, currency), say.amount(table.presentValueOfCost, currency)])
    grid.append([text(.teiBenefits)] + columns.map { say.amount($0.benefit, currency) }
      + [say.amount(table.totalBenefit, currency), say.amount(table.presentValueOfBenefit, currency)])
    grid.append([text(.teiNet)] + columns.map { say.amount($0.net, currency) } + [say.amount(table.totalNet, currency), say.amount(presentNet, currency)])
    grid.append([text(.teiCumulative)] + cumulative)
    let heading = text(.teiHeading, ["rate": say.share(table.rate.description)])
    var output = "\n" + TextReport.heading(markdown ? heading : TextReport.wrapped(heading), markdown: markdown)
    output += self.table(grid, markdown: markdown)
    if columns.contains(where: \.isProjected) { output += line(text(.teiProjectedLegend, ["month": say.month(report.asOf)]), markdown: markdown) }
    output += line(text(.teiROI, ["percent": say.percent(table.roi)]), markdown: markdown)
    output += line(text(.teiBenefitCostRatio, ["ratio": table.benefitCostRatio.map { say.decimal($0, places: 2) } ?? "–"]), markdown: markdown)
    output += line(text(.teiPayback, ["months": table.paybackMonths.map { say.count($0, .month, .months) + " (" + say.month(report.settings.goLive.advanced(by: $0 - 1)) + ")" } ?? text(.notByHorizonEnd)]), markdown: markdown)
    output += line(irrLine(table.internalRateOfReturn, language: language), markdown: markdown)
    output += line(text(.roiWhyDiffer, ["asOf": say.month(report.asOf), "end": say.month(report.settings.horizonEnd)]), markdown: markdown)
    return output
  }

  /// The largest IRR shown as a figure: 1,000 % a year.
  static let irrShownUpTo = Rational(10)

  static func irrLine(_ irr: InternalRateOfReturn, language: Language) -> String {
    Catalogue.text(.teiIRR, language, ["rate": irrText(irr, language: language)])
  }

  /// The IRR as a percent, or "none: " and why there is none.
  static func irrText(_ irr: InternalRateOfReturn, language: Language) -> String {
    if irr == .aboveRange { return Catalogue.text(.irrAbove, language) }
    guard let rate = irr.annualRate else {
      return Catalogue.text(.irrNone, language, ["reason": irrReason(irr, language: language) ?? ""])
    }
    // Two decimals: a rate of a few tenths of a percent keeps its figures and its sign. Above
    // 1,000 % a year the figure tells a reader nothing more (JSON keeps it).
    let say = PeopleFormat(language)
    if rate > irrShownUpTo {
      return Catalogue.text(.irrAbove, language)
    }
    return say.decimal(rate * Rational(100), places: 2) + (language == .fr ? "\u{202F}%" : "%")
  }

  /// Why there is no IRR; nil when there is one.
  static func irrReason(_ irr: InternalRateOfReturn, language: Language) -> String? {
    switch irr {
    case .rate: nil
    case .noSignChange: Catalogue.text(.irrNoSignChange, language)
    case .severalSignChanges(let count): Catalogue.text(.irrSeveralSignChanges, language, ["count": "\(count)"])
    case .outOfRange: Catalogue.text(.irrOutOfRange, language)
    case .aboveRange: Catalogue.text(.irrAboveRange, language)
    case .benefitsFirst: Catalogue.text(.irrBenefitsFirst, language)
    }
  }

  static func intangibles(_ report: ROIReport, markdown: Bool, language: Language) -> String {
    guard !report.intangibles.isEmpty else { return "" }
    var output = "\n" + TextReport.heading(Catalogue.text(.intangiblesHeading, language), markdown: markdown)
    for intangible in report.intangibles { output += "- " + TerminalText.visible(intangible.text) + "\n" }
    return output
  }
}
