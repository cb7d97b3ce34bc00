import ROIEngine

/// Part 11's sections of the HTML report: the control series, the plan against the actuals (and
/// its cumulative lines on the cumulative chart), the TEI cash-flow table with IRR and benefit/cost
/// ratio, each metric's risk, and the intangibles. User text is escaped.
enum FinanceHTML {
  static func sections(_ report: ROIReport, rows: [QuarterRow], language: Language) -> String {
    var html = ""
    if !report.controls.isEmpty {
      html += "<h2>\(Catalogue.text(.controlsHeading, language))</h2>\n<ul id=\"controls\">\n"
      for (metric, control) in report.controls {
        html += "<li data-metric=\"\(escapeField(metric))\" data-control=\"\(escapeField(control))\">"
          + escape(Catalogue.text(.controlIsolates, language, ["metric": metric, "control": control])) + "</li>\n"
      }
      html += "</ul>\n"
    }
    if let plan = report.plan { html += self.plan(plan, rows: rows, report: report, language: language) }
    if let tei = report.tei { html += self.tei(tei, report: report, language: language) }
    return html
  }

  /// The planned cumulative cost and benefit, dotted, on the cumulative chart; "" without a plan.
  static func plannedLines(_ rows: [QuarterRow], chart: SVGChart, currency: Currency, language: Language) -> String {
    guard rows.contains(where: { $0.cumulativePlanCost != nil }) else { return "" }
    let say = PeopleFormat(language)
    var html = ""
    for (series, cssClass, values) in [
      ("planned-cumulative-cost", "cost", rows.map(\.cumulativePlanCost)),
      ("planned-cumulative-benefit", "benefit", rows.map(\.cumulativePlanBenefit)),
    ] {
      let points = values.enumerated().compactMap { index, value in
        value.map { "\(fmt(chart.x(center: index))),\(fmt(chart.y(currency.major(fromMinor: $0))))" }
      }
      html += "<polyline class=\"\(cssClass) planned\" data-series=\"\(series)\" points=\"\(points.joined(separator: " "))\"/>\n"
      for (index, value) in values.enumerated() {
        guard let value else { continue }
        let tip = Catalogue.text(.htmlPlannedTip, language, ["quarter": say.quarter(rows[index].quarter), "amount": say.money(value, currency)])
        html += """
          <circle class="\(cssClass) planned" data-series="\(series)" data-quarter="\(rows[index].quarter)" \
          data-value="\(currency.plain(value))" cx="\(fmt(chart.x(center: index)))" cy="\(fmt(chart.y(currency.major(fromMinor: value))))" \
          r="2"><title>\(escape(tip))</title></circle>

          """
      }
    }
    return html
  }

  static func plan(_ plan: PlanComparison, rows: [QuarterRow], report: ROIReport, language: Language) -> String {
    let say = PeopleFormat(language)
    let currency = report.currency
    func text(_ message: Message, _ values: [String: String] = [:]) -> String { Catalogue.text(message, language, values) }
    func cell(_ value: Rational?) -> String {
      value.map { "<td data-value=\"\(currency.plain($0))\">\(say.amount($0, currency))</td>" } ?? "<td>–</td>"
    }
    let headings: [Message] = [
      .columnQuarter, .columnPlannedCost, .columnCost, .columnVariance, .columnPlannedBenefit, .columnBenefit, .columnVariance,
    ]
    var html = "<h2>\(text(.planHeading))</h2>\n<table id=\"plan\">\n<thead><tr>" + headings.map { "<th>\(text($0))</th>" }.joined()
      + "</tr></thead>\n<tbody>\n"
    for row in rows {
      html += "<tr data-quarter=\"\(row.quarter)\"><td>\(say.quarter(row.quarter))\(row.isPartial ? "*" : "")</td>"
        + [row.planCost, row.cost, row.costVariance, row.planBenefit, row.benefit, row.benefitVariance].map(cell).joined() + "</tr>\n"
    }
    html += "</tbody>\n</table>\n<dl class=\"summary\" id=\"plan-summary\">\n"
    let items: [(String, String, String)] = [
      ("plan-to-date", text(.htmlPlanToDate, ["month": say.month(report.asOf)]), text(.htmlPlanToDateDetail, [
        "cost": say.money(plan.costToDate, currency), "actualCost": say.money(plan.actualCostToDate, currency),
        "costVariance": say.money(plan.costVarianceToDate, currency), "benefit": say.money(plan.benefitToDate, currency),
        "actualBenefit": say.money(plan.actualBenefitToDate, currency), "benefitVariance": say.money(plan.benefitVarianceToDate, currency),
      ])),
      ("plan-tco", text(.htmlTotalCostOfOwnership), text(.htmlPlannedAgainstActual, [
        "planned": say.money(plan.totalCostOfOwnership, currency), "actual": say.money(plan.actualTotalCostOfOwnership, currency),
      ])),
      ("plan-payback", text(.htmlProjectedPayback), text(.htmlPlannedAgainstPace, [
        "planned": plan.paybackYears.map(say.years) ?? "–", "actual": plan.actualPaybackYears.map(say.years) ?? "–",
      ])),
      ("plan-roi", text(.htmlLifetimeROI), text(.htmlPlannedAgainstPace, ["planned": say.percent(plan.roi), "actual": say.percent(plan.actualROI)])),
    ]
    for (id, term, detail) in items { html += "<dt>\(escape(term))</dt><dd id=\"\(id)\">\(escape(detail))</dd>\n" }
    html += "</dl>\n<ul id=\"plan-benefits\">\n"
    for (benefit, owner) in plan.benefits {
      html += "<li>" + escape(text(owner == nil ? .planBenefitLine : .planBenefitLineOwned, [
        "metric": benefit.metric, "amount": say.money(benefit.monthly.rational, currency), "from": say.month(benefit.from),
        "ramp": PlanText.ramp(benefit, language), "owner": owner ?? "",
      ])) + "</li>\n"
    }
    return html + "</ul>\n"
  }

  static func tei(_ table: TEITable, report: ROIReport, language: Language) -> String {
    let say = PeopleFormat(language)
    let currency = report.currency
    func text(_ message: Message, _ values: [String: String] = [:]) -> String { Catalogue.text(message, language, values) }
    func cell(_ value: Rational, projected: Bool = false) -> String {
      "<td\(projected ? " class=\"projected\"" : "") data-value=\"\(currency.plain(value))\">\(say.amount(value, currency))</td>"
    }
    let columns = [table.initial] + table.years
    var html = "<h2>\(Glossary.link(escape(text(.teiHeading, ["rate": say.share(table.rate.description)])), "tei"))</h2>\n<table id=\"tei\">\n<thead><tr><th></th>"
    for column in columns {
      let label = column.year == 0 ? text(.teiInitial) : text(.teiYear, ["year": "\(column.year)"]) + (column.isProjected ? "*" : "")
      html += "<th\(column.isProjected ? " class=\"projected\"" : "")>\(escape(label))</th>"
    }
    html += "<th>\(text(.teiTotal))</th><th>\(text(.teiPresentValue))</th></tr></thead>\n<tbody>\n"
    let rows: [(String, Message, (TEITable.Column) -> Rational, Rational?, Rational?)] = [
      ("costs", .teiCosts, \.cost, table.totalCost, table.presentValueOfCost),
      ("benefits", .teiBenefits, \.benefit, table.totalBenefit, table.presentValueOfBenefit),
      ("net", .teiNet, \.net, table.totalNet, table.netPresentValue),
      ("cumulative", .teiCumulative, \.cumulativeNet, nil, nil),
    ]
    for (id, label, value, total, present) in rows {
      html += "<tr data-row=\"\(id)\"><td>\(escape(text(label)))</td>" + columns.map { cell(value($0), projected: $0.isProjected) }.joined()
        + (total.map { cell($0) } ?? "<td></td>") + (present.map { cell($0) } ?? "<td></td>") + "</tr>\n"
    }
    html += "</tbody>\n</table>\n"
    if columns.contains(where: \.isProjected) {
      html += "<p class=\"legend\">\(escape(text(.teiProjectedLegend, ["month": say.month(report.asOf)])))</p>\n"
    }
    html += "<dl class=\"summary\" id=\"tei-summary\">\n"
    let items: [(String, String, String, String)] = [
      ("tei-roi", text(.htmlTEIROI), say.percent(table.roi), table.roi?.ratioText ?? ""),
      ("tei-bcr", text(.htmlBenefitCostRatio), table.benefitCostRatio.map { say.decimal($0, places: 2) } ?? "–", table.benefitCostRatio?.ratioText ?? ""),
      ("tei-payback", text(.htmlTEIPayback), table.paybackMonths.map { say.count($0, .month, .months) + " (" + say.month(report.settings.goLive.advanced(by: $0 - 1)) + ")" } ?? text(.notByHorizonEnd),
       table.paybackMonths.map { "\($0)" } ?? ""),
      ("tei-irr", text(.htmlIRR), FinanceText.irrText(table.internalRateOfReturn, language: language),
       table.internalRateOfReturn.annualRate?.ratioText ?? ""),
    ]
    for (id, term, detail, value) in items {
      let glossary = ["tei-roi": "roi", "tei-payback": "payback", "tei-irr": "irr"][id]
      html += "<dt>\(glossary.map { Glossary.link(escape(term), $0) } ?? escape(term))</dt><dd id=\"\(id)\" data-value=\"\(value)\">\(escape(detail))</dd>\n"
    }
    if report.risks.contains(where: { $0.risk != report.discounted.options.risk }) {
      html += "<dt>\(text(.htmlRiskByMetric))</dt><dd id=\"risk-by-metric\">"
        + escape(report.risks.map { "\($0.metric) \(say.share($0.risk.description))" }.joined(separator: ", ")) + "</dd>\n"
    }
    html += "</dl>\n<p class=\"legend\" id=\"roi-why\">" + escape(text(.roiWhyDiffer, [
      "asOf": say.month(report.asOf), "end": say.month(report.settings.horizonEnd),
    ])) + "</p>\n"
    return html
  }

  static func intangibles(_ report: ROIReport, language: Language) -> String {
    guard !report.intangibles.isEmpty else { return "" }
    return "<h2>\(Catalogue.text(.intangiblesHeading, language))</h2>\n<ul id=\"intangibles\">\n"
      + report.intangibles.map { "<li>\(escape($0.text))</li>\n" }.joined() + "</ul>\n"
  }
}
