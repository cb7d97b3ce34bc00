import ROIEngine

/// The report as one self-contained HTML page: no scripts, no network, inline SVG charts.
/// Every user text (metric names, notes) is escaped.
public enum HTMLReport {
  /// `expenseRows`: how many of the latest expenses the table lists (nil: all; the totals always count all).
  public static func render(
    _ report: ROIReport, expenses: [Expense], impacts: [MetricImpact] = [], language: Language = .en, expenseRows: Int? = nil
  ) -> String {
    let text = Texts(language)
    var html = """
      <!DOCTYPE html>
      <html lang="\(language.rawValue)">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(text(.htmlTitle))</title>
      \(style)
      </head>
      <body>
      <h1>\(text(.htmlTitle))</h1>
      \(verdictBlock(report, language: language))
      \(summary(report, language: language))

      """
    html += costAndBenefitChart(report, language: language)
    html += cumulativeChart(report, language: language)
    html += rollingChart(report, language: language)
    html += MetricCharts.benefitByMetric(report.quarters, currency: report.currency, language: language)
    html += MetricCharts.render(impacts, currency: report.currency, language: language)
    html += quartersTable(report, language: language)
    html += FinanceHTML.sections(report, rows: report.quarters, language: language)
    if !report.warnings.isEmpty {
      html += "<h2>\(text(.warningsHeading))</h2>\n<ul id=\"warnings\">\n"
      for warning in report.warnings {
        html += "<li data-code=\"\(warning.code.rawValue)\">\(escape(warning.text(language)))</li>\n"
      }
      html += "</ul>\n"
    }
    html += objectivesSection(report, language: language)
    html += FinanceHTML.intangibles(report, language: language)
    html += expensesTable(expenses, report: report, language: language, rows: expenseRows)
    html += Glossary.html(language: language)
    html += "<p><small>\(text(.htmlFooter))</small></p>\n</body>\n</html>\n"
    return html
  }

  /// What every chart of the report says its figures with: the currency, the quarters and their
  /// labels, the language's formats and texts.
  struct ChartWords {
    let currency: Currency
    let rows: [QuarterRow]
    let say: PeopleFormat
    let text: Texts
    let labels: [String]

    init(_ report: ROIReport, language: Language) {
      let say = PeopleFormat(language)
      (currency, rows, self.say, text) = (report.currency, report.quarters, say, Texts(language))
      labels = report.quarters.map { say.quarter($0.quarter) }
    }

    func major(_ minor: Rational) -> Rational { currency.major(fromMinor: minor) }
    func money(_ minor: Rational) -> String { say.money(minor, currency) }
  }

  /// A language's texts, called as `text(.message, values)`.
  struct Texts {
    let language: Language
    init(_ language: Language) { self.language = language }
    func callAsFunction(_ message: Message, _ values: [String: String] = [:]) -> String { Catalogue.text(message, language, values) }
  }

  /// The page's styles: no script, nothing from the network.
  static let style = """
    <style>
    body { font: 15px/1.45 system-ui, sans-serif; color: #1d2733; margin: 2rem auto; max-width: 62rem; padding: 0 1rem; }
    h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.2rem; margin-top: 2.2rem; }
    table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
    th, td { padding: .3rem .5rem; border-bottom: 1px solid #d8dee6; text-align: right; }
    th:first-child, td:first-child, .text { text-align: left; }
    #expenses td:first-child, #expenses td:nth-child(4) { white-space: nowrap; }
    dl.summary { display: grid; grid-template-columns: max-content auto; gap: .2rem 1.2rem; }
    dl.summary dt { color: #5b6878; } dl.summary dd { margin: 0; font-weight: 600; }
    .chart { width: 100%; height: auto; margin: .5rem 0 1rem; }
    .chart .grid { stroke: #e6eaef; } .chart .axis { stroke: #5b6878; }
    .chart text { font-size: 11px; fill: #3b4654; }
    .cost { fill: #d1495b; stroke: #d1495b; } .benefit { fill: #2e933c; stroke: #2e933c; }
    .roi { fill: #1f6fb2; stroke: #1f6fb2; }
    .value { fill: #1f6fb2; stroke: #1f6fb2; } .baseline { fill: #5b6878; stroke: #5b6878; stroke-dasharray: 6 4; }
    .band { fill: #1f6fb2; stroke: none; opacity: .12; } .keys .key { margin-right: 1rem; font-size: 13px; }
    .keys .swatch { display: inline-block; width: 12px; height: 12px; margin-right: .3rem; vertical-align: -1px; } .go-live { stroke: #1d2733; stroke-dasharray: 3 3; }
    .chart polyline { fill: none; stroke-width: 2.5; }
    .break-even { stroke: #1d2733; stroke-dasharray: 5 4; }
    .chart .projected { stroke-dasharray: 6 5; opacity: .75; }
    .chart .planned { stroke-dasharray: 2 4; stroke-width: 2; opacity: .9; } .planned-key { fill: #9aa5b1; stroke: #9aa5b1; }
    .counterfactual { fill: #e0a100; stroke: #e0a100; stroke-dasharray: 4 3; } rect.swatch { stroke-dasharray: none; }
    #tei td:first-child { white-space: nowrap; } #tei th.projected, #tei td.projected { font-style: italic; }
    dd.projected { font-style: italic; }
    .met { color: #2e933c; } .unmet { color: #d1495b; }
    a.term { color: inherit; text-decoration: underline dotted; text-underline-offset: 3px; }
    @media (max-width: 640px) {
      /* A phone: the page never scrolls sideways; a wide table or chart scrolls in its own box, its
         first column kept in view, and chart text stays at least 10 CSS px (11 units at 720 wide). */
      table { display: block; overflow-x: auto; max-width: 100%; }
      th:first-child, td:first-child { position: sticky; left: 0; background: #fff; }
      .chart-box { overflow-x: auto; } .chart-box .chart { min-width: 660px; }
      dl.summary { grid-template-columns: 1fr; } dl.summary dd { margin-bottom: .4rem; }
      body { margin: 1rem auto; }
    }
    #glossary dt { font-weight: 600; margin-top: .6rem; } #glossary dd { margin: .1rem 0 0 0; }
    </style>
    """

  /// The settings, the baseline and the summary of figures, with the notes under them.
  static func summary(_ report: ROIReport, language: Language) -> String {
    let (currency, settings, rows) = (report.currency, report.settings, report.quarters)
    let say = PeopleFormat(language)
    let text = Texts(language)
    let riskInForce = FinanceText.riskInForce(report, language: language)
    func money(_ minor: Rational) -> String { say.money(minor, currency) }
    func quarter(_ quarter: Quarter?, else none: Message) -> String { quarter.map(say.quarter) ?? text(none) }
    let projectionItem = report.projection.map { projection in
      "<dt>\(text(.htmlProjectionTo, ["month": say.month(settings.horizonEnd)]))</dt><dd id=\"projection\" class=\"projected\">"
        + text(.htmlProjectionDetail, [
          "benefit": money(projection.lifetimeBenefit), "roi": say.percent(projection.lifetimeROI),
          "breakEven": quarter(projection.breakEvenQuarter, else: .notByHorizonEnd), "runRate": money(projection.runRate),
        ]) + "</dd>"
    } ?? ""

    return """
      <p>\(escape(text(.htmlSettings, [
        "currency": currency.code, "goLive": say.month(settings.goLive), "baselineMonths": "\(settings.baselineMonths)",
        "baselineStart": say.month(settings.baselineWindow.lowerBound), "baselineEnd": say.month(settings.baselineWindow.upperBound),
        "horizon": say.count(settings.horizonYears, .year, .years), "horizonEnd": say.month(settings.horizonEnd),
        "fiscalYearStart": language == .fr ? PeopleFormat.monthNames(.fr)[settings.fiscalYearStart - 1] : "\(settings.fiscalYearStart)", "asOf": say.month(report.asOf),
      ])))</p>
      \(TextReport.incompleteAsOf(report, language: language).map { "<p id=\"as-of-incomplete\">\(escape($0))</p>" } ?? "")
      \(baselineLine(report, language: language))
      <dl class="summary">
      <dt>\(Glossary.link(escape(text(.htmlTotalCostOfOwnership)), "tco"))</dt><dd id="tco" data-value="\(currency.plain(report.totalCostOfOwnership))">\(money(report.totalCostOfOwnership))</dd>
      <dt>\(text(.htmlBreakEvenQuarter))</dt><dd id="break-even">\(quarter(report.payback.breakEvenQuarter, else: .notReached))</dd>
      <dt>\(Glossary.link(escape(text(.htmlProjectedPayback)), "payback"))</dt><dd id="payback">\(report.payback.projectedPaybackYears.map(say.years) ?? text(.htmlNoneYet))</dd>
      <dt>\(Glossary.link(escape(text(.columnRolling)), "roi"))</dt><dd>\(text(.htmlWithinNoise, [
        "percent": say.percent(rows.last?.rollingAnnualROI), "low": say.percent(rows.last?.rollingAnnualROILow),
        "high": say.percent(rows.last?.rollingAnnualROIHigh),
      ]))\(report.noiseUnavailable.map { noiseNote($0.text(language)) } ?? "")</dd>
      <dt>\(Glossary.link(escape(text(.htmlNetPresentValue)), "present-value"))</dt><dd id="npv" data-value="\(currency.plain(report.discounted.netPresentValue))">\(text(.htmlNetPresentValueDetail, [
        "amount": money(report.discounted.netPresentValue), "rate": say.share(report.discounted.options.rate.description),
        "risk": riskInForce, "roi": say.percent(report.discounted.roi),
        "breakEven": report.discounted.breakEvenMonth.map(say.month) ?? text(.notReached),
      ]))</dd>
      \(projectionItem)
      </dl>
      \(paybackNote(report, language: language))
      """
  }

  /// Cost and benefit per quarter, as bars.
  static func costAndBenefitChart(_ report: ROIReport, language: Language) -> String {
    let chart = ChartWords(report, language: language)
    let (currency, rows, say, text, labels) = (chart.currency, chart.rows, chart.say, chart.text, chart.labels)
    var html = ""
    let bars = SVGChart(
      quarters: labels, values: rows.flatMap { [chart.major($0.cost), chart.major($0.benefit)] }, tickLabel: { moneyTick($0, currency, say) })
    html += "<h2>\(text(.htmlCostAndBenefit))</h2>\n"
    html += bars.frame(id: "cost-and-benefit-per-quarter", title: text(.htmlCostAndBenefit), description: text(.htmlCostAndBenefitDescription))
    for (index, row) in rows.enumerated() {
      for (series, value, offset, tip) in [("cost", row.cost, -0.36, Message.htmlCostTip), ("benefit", row.benefit, 0.01, .htmlBenefitTip)] {
        let top = bars.y(max(chart.major(value), .zero))
        let bottom = bars.y(min(chart.major(value), .zero))
        html += """
          <rect class="\(series)" data-series="\(series)" data-quarter="\(row.quarter)" data-value="\(currency.plain(value))" \
          x="\(fmt(bars.x(center: index) + bars.slot * offset))" y="\(fmt(top))" width="\(fmt(bars.slot * 0.35))" \
          height="\(fmt(max(bottom - top, 0.5)))"><title>\(text(tip, ["quarter": say.quarter(row.quarter), "amount": chart.money(value)]))</title></rect>

          """
      }
    }
    html += bars.legend([(text(.columnCost), "cost"), (text(.columnBenefit), "benefit")]) + SVGChart.end

    return html
  }

  /// Cumulative cost and benefit, with the break-even point, and the projection dashed after them.
  static func cumulativeChart(_ report: ROIReport, language: Language) -> String {
    let chart = ChartWords(report, language: language)
    let (currency, rows, say, text, labels) = (chart.currency, chart.rows, chart.say, chart.text, chart.labels)
    var html = ""
    let projected = report.projection?.quarters ?? []
    // A partial last row and the projection's first quarter are the same quarter: one slot, where
    // the projection carries the row on to the quarter's end.
    let sharesLastSlot = projected.first != nil && projected.first?.quarter == rows.last?.quarter
    let firstProjectedSlot = rows.count - (sharesLastSlot ? 1 : 0)
    let values: [Rational] = rows.flatMap { [chart.major($0.cumulativeCost), chart.major($0.cumulativeBenefit)] }
      + projected.flatMap { [chart.major($0.cumulativeCost), chart.major($0.cumulativeBenefit)] }
      + rows.flatMap { [$0.cumulativePlanCost, $0.cumulativePlanBenefit].compactMap { $0.map(chart.major) } }
    let lines = SVGChart(
      quarters: labels + projected.dropFirst(sharesLastSlot ? 1 : 0).map { say.quarter($0.quarter) }, values: values,
      tickLabel: { moneyTick($0, currency, say) })
    html += "<h2>\(text(projected.isEmpty ? .htmlCumulative : .htmlCumulativeWithProjection))</h2>\n"
    html += lines.frame(id: "cumulative-cost-and-benefit", title: text(.htmlCumulative), description: text(.htmlCumulativeDescription))
    html += projectedLines(report, chart: lines, firstProjectedSlot: firstProjectedSlot, language: language)
    for (series, values, tip) in [
      ("cumulative-cost", rows.map(\.cumulativeCost), Message.htmlCumulativeCostTip),
      ("cumulative-benefit", rows.map(\.cumulativeBenefit), .htmlCumulativeBenefitTip),
    ] {
      let cssClass = series == "cumulative-cost" ? "cost" : "benefit"
      let points = values.enumerated().map { "\(fmt(lines.x(center: $0.offset))),\(fmt(lines.y(chart.major($0.element))))" }
      html += "<polyline class=\"\(cssClass)\" data-series=\"\(series)\" points=\"\(points.joined(separator: " "))\"/>\n"
      for (index, value) in values.enumerated() {
        html += """
          <circle class="\(cssClass)" data-series="\(series)" data-quarter="\(rows[index].quarter)" data-value="\(currency.plain(value))" \
          cx="\(fmt(lines.x(center: index)))" cy="\(fmt(lines.y(chart.major(value))))" r="3.5">\
          <title>\(text(tip, ["quarter": say.quarter(rows[index].quarter), "amount": chart.money(value)]))</title></circle>

          """
      }
    }
    if let breakEven = report.payback.breakEvenQuarter, let index = rows.firstIndex(where: { $0.quarter == breakEven }) {
      let x = fmt(lines.x(center: index))
      html += """
        <line class="break-even" data-quarter="\(breakEven)" x1="\(x)" y1="\(fmt(lines.top))" x2="\(x)" y2="\(fmt(lines.height - lines.bottom))"/>
        <text class="legend" x="\(x)" y="\(fmt(lines.top - 6))" text-anchor="middle">\(text(.htmlBreakEven, ["quarter": say.quarter(breakEven)]))</text>

        """
    }
    let planned = FinanceHTML.plannedLines(rows, chart: lines, currency: currency, language: language)
    html += planned + lines.legend(
      [(text(.htmlCumulativeCost), "cost"), (text(.htmlCumulativeBenefit), "benefit")]
        + (planned.isEmpty ? [] : [(text(.htmlPlannedCumulative), "planned-key")])) + SVGChart.end

    return html
  }

  /// The projection's cumulative lines, dashed after the last quarter, with its break-even.
  static func projectedLines(_ report: ROIReport, chart lines: SVGChart, firstProjectedSlot: Int, language: Language) -> String {
    let chart = ChartWords(report, language: language)
    let (currency, rows, say, text) = (chart.currency, chart.rows, chart.say, chart.text)
    let projected = report.projection?.quarters ?? []
    var html = ""
    if let last = rows.last, !projected.isEmpty {
      for (series, start, values) in [
        ("projected-cumulative-cost", last.cumulativeCost, projected.map(\.cumulativeCost)),
        ("projected-cumulative-benefit", last.cumulativeBenefit, projected.map(\.cumulativeBenefit)),
      ] {
        let cssClass = series.hasSuffix("cost") ? "cost" : "benefit"
        let slots: [(slot: Int, value: Rational)] = [(rows.count - 1, start)]
          + values.enumerated().map { (firstProjectedSlot + $0.offset, $0.element) }
        let points = slots.map { "\(fmt(lines.x(center: $0.slot))),\(fmt(lines.y(chart.major($0.value))))" }
        html += "<polyline class=\"\(cssClass) projected\" data-series=\"\(series)\" points=\"\(points.joined(separator: " "))\"/>\n"
        for (offset, value) in values.enumerated() {
          html += """
            <circle class="\(cssClass) projected" data-series="\(series)" data-quarter="\(projected[offset].quarter)" \
            data-value="\(currency.plain(value))" cx="\(fmt(lines.x(center: firstProjectedSlot + offset)))" cy="\(fmt(lines.y(chart.major(value))))" \
            r="2.5"><title>\(text(.htmlProjectedTip, ["quarter": say.quarter(projected[offset].quarter), "amount": chart.money(value)]))</title></circle>

            """
        }
      }
      if let breakEven = report.projection?.breakEvenQuarter, report.payback.breakEvenQuarter == nil,
        let offset = projected.firstIndex(where: { $0.quarter == breakEven })
      {
        let x = fmt(lines.x(center: firstProjectedSlot + offset))
        html += """
          <line class="break-even projected" data-quarter="\(breakEven)" x1="\(x)" y1="\(fmt(lines.top))" x2="\(x)" y2="\(fmt(lines.height - lines.bottom))"/>
          <text class="legend" x="\(x)" y="\(fmt(lines.top - 6))" text-anchor="middle">\(text(.htmlProjectedBreakEven, ["quarter": say.quarter(breakEven)]))</text>

          """
      }
    }
    return html
  }

  /// The rolling annual ROI, quarter by quarter.
  static func rollingChart(_ report: ROIReport, language: Language) -> String {
    let chart = ChartWords(report, language: language)
    let (rows, say, text, labels) = (chart.rows, chart.say, chart.text, chart.labels)
    var html = ""
    let rolling = rows.enumerated().compactMap { index, row in row.rollingAnnualROI.map { (index, row, $0) } }
    let roiChart = SVGChart(quarters: labels, values: rolling.map(\.2), tickLabel: { say.percent($0) })
    html += "<h2>\(text(.columnRolling))</h2>\n"
    html += roiChart.frame(id: "rolling-annual-roi", title: text(.columnRolling), description: text(.htmlRollingDescription))
    html += "<polyline class=\"roi\" data-series=\"rolling-annual-roi\" points=\""
      + rolling.map { "\(fmt(roiChart.x(center: $0.0))),\(fmt(roiChart.y($0.2)))" }.joined(separator: " ") + "\"/>\n"
    for (index, row, value) in rolling {
      html += """
        <circle class="roi" data-series="rolling-annual-roi" data-quarter="\(row.quarter)" data-value="\(value.ratioText)" \
        cx="\(fmt(roiChart.x(center: index)))" cy="\(fmt(roiChart.y(value)))" r="3.5"><title>\(text(.htmlTip, ["label": say.quarter(row.quarter), "value": say.percent(value)]))</title></circle>

        """
    }
    html += roiChart.legend([(text(.columnRolling), "roi")]) + SVGChart.end
    return html
  }

  /// The quarters' table, with its legend.
  static func quartersTable(_ report: ROIReport, language: Language) -> String {
    let (currency, rows) = (report.currency, report.quarters)
    let say = PeopleFormat(language)
    let text = Texts(language)
    var html = ""
    let headings: [Message] = [
      .columnQuarter, .columnCost, .columnBenefit, .htmlColumnCumulativeCost, .htmlColumnCumulativeBenefit, .columnROI,
      .columnRolling, .columnCumulativeNet, .columnBenefitLow, .columnBenefitHigh,
    ]
    html += "<h2>\(text(.htmlByQuarter))</h2>\n<table id=\"quarters\">\n<thead><tr>" + headings.map { "<th>\(text($0))</th>" }.joined()
      + "<th class=\"text\">\(text(.htmlColumnMissingMonths))</th></tr></thead>\n<tbody>\n"
    for row in rows {
      let cells = [row.cost, row.benefit, row.cumulativeCost, row.cumulativeBenefit].map { say.amount($0, currency) }
        + [row.roi, row.rollingAnnualROI, row.cumulativeNetROI].map(say.percent)
        + [row.benefitLow, row.benefitHigh].map { $0.map { say.amount($0, currency) } ?? "–" }
      html += "<tr\(row.isPartial ? " class=\"partial\"" : "")><td>\(say.quarter(row.quarter))\(row.isPartial ? "*" : "")</td>"
        + cells.map { "<td>\($0)</td>" }.joined()
        + "<td class=\"text\">\(row.missingMonths.map(say.month).joined(separator: language == .fr ? ", " : " "))</td></tr>\n"
    }
    html += "</tbody>\n</table>\n"
    html += "<p class=\"legend\">\(escape(TextReport.legend(rows, asOf: report.asOf, language: language)).replacingNewlines())</p>\n"
    return html
  }

  /// The objectives of the last quarter, each against its target (and its control series).
  static func objectivesSection(_ report: ROIReport, language: Language) -> String {
    let currency = report.currency
    let say = PeopleFormat(language)
    let text = Texts(language)
    func quarter(_ quarter: Quarter?, else none: Message) -> String { quarter.map(say.quarter) ?? text(none) }
    var html = ""
    html += "<h2>\(text(.objectivesHeading, ["quarter": quarter(report.lastQuarter, else: .noData)]))</h2>\n"
    if report.objectives.isEmpty {
      html += "<p>\(text(.htmlNoTargets, ["command": "<code>\(escape(text(.htmlTargetCommand)))</code>"]))</p>\n"
    } else {
      let headings: [Message] = [.columnTarget, .columnBaseline, .columnCurrent, .columnChange, .columnTargetValue]
      html += "<table id=\"objectives\">\n<thead><tr><th>\(text(.columnMetric))</th><th>\(text(.columnKind))</th>"
        + headings.map { "<th>\(text($0))</th>" }.joined() + "<th class=\"text\">\(text(.columnMet))</th></tr></thead>\n<tbody>\n"
      for objective in report.objectives {
        func value(_ value: Rational?) -> String { objective.valueText(value, currency: currency, grouped: true).map(say.localised) ?? "–" }
        let met = objective.met.map { $0 ? "<span class=\"met\">\(text(.yes))</span>" : "<span class=\"unmet\">\(text(.no))</span>" } ?? "–"
        html += "<tr><td>\(escape(objective.metric.name))</td><td class=\"text\">\(escape(say.kind(objective.metric.kind)))</td>"
          + "<td>\(escape(say.share(objective.metric.target?.description ?? "")))</td><td>\(value(objective.baseline))</td>"
          + "<td>\(value(objective.current))</td><td>\(say.percent(objective.change))</td>"
          + "<td>\(value(objective.targetValue))</td><td class=\"text\">\(met)</td></tr>\n"
      }
      html += "</tbody>\n</table>\n"
      for objective in report.objectives {
        guard let control = objective.control else { continue }
        html += "<p class=\"legend\" data-objective=\"\(escape(objective.metric.name))\">" + escape(text(.objectiveControlled, [
          "metric": objective.metric.name, "control": control, "change": say.percent(objective.plainChange),
        ])) + "</p>\n"
      }
    }

    return html
  }
}

extension HTMLReport {
  static func noiseNote(_ reason: String) -> String {
    "<br><small id=\"noise-unavailable\">\(escape(reason.prefix(1).uppercased() + reason.dropFirst())).</small>"
  }

  /// Every expense with labor as hours × rate and its total over the horizon; then the totals by
  /// category and the TCO.
  public static func expensesTable(_ expenses: [Expense], report: ROIReport, language: Language, rows: Int? = nil) -> String {
    let currency = report.currency
    let say = PeopleFormat(language)
    func text(_ message: Message, _ values: [String: String] = [:]) -> String { Catalogue.text(message, language, values) }
    let totals = ExpenseTotals(expenses, horizonEnd: report.settings.horizonEnd)
    let texts = ExpenseText.shownTextFields(expenses, besides: [.note])
    var html = "<h2>\(text(.htmlExpenses))</h2>\n<table id=\"expenses\">\n<thead><tr><th>\(text(.columnDate))</th>"
      + "<th class=\"text\">\(text(.columnCategory))</th><th>\(text(.columnAmount))</th><th class=\"text\">\(text(.htmlColumnLabor))</th>"
      + "<th class=\"text\">\(text(.columnRecurs))</th><th>\(text(.htmlColumnOverHorizon))</th><th class=\"text\">\(text(.columnNote))</th>"
      + texts.map { "<th class=\"text\">\(escape(text($0.declaration.label)))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
    let listed = min(rows ?? expenses.count, expenses.count)
    for (expense, lifetime) in zip(expenses.suffix(listed), totals.lifetime.suffix(listed)) {
      let recurs = expense.recurrence.map { recurrence in
        text(recurrence.until == nil ? .htmlRecursToHorizonEnd : .htmlRecursUntil, [
          "every": ExpenseText.frequency(recurrence.every, language), "until": recurrence.until.map(say.month) ?? "",
          "count": "\(lifetime.occurrences)",
        ])
      } ?? text(.once)
      let labor = expense.labor.map { text(.laborNote, ["hours": say.localised($0.hoursText), "rate": say.amount(Rational($0.rate.minor), currency)]) } ?? ""
      html += "<tr><td>\(expense.date)</td><td class=\"text\">\(ExpenseText.category(expense.category, language))</td>"
        + "<td>\(say.amount(expense.amount.rational, currency))</td><td class=\"text\">\(labor)</td><td class=\"text\">\(recurs)</td>"
        + "<td data-value=\"\(currency.plain(lifetime.total))\">\(say.amount(lifetime.total, currency))</td>"
        + "<td class=\"text\">\(escape(expense.note ?? ""))</td>"
        + texts.map { "<td class=\"text\">\(escape($0.textAccess!.get(expense) ?? ""))</td>" }.joined() + "</tr>\n"
    }
    html += "</tbody>\n<tfoot>\n"
    let rest = "<td colspan=\"\(1 + texts.count)\"></td></tr>\n"
    for (category, total) in totals.byCategory {
      html += "<tr class=\"category-total\"><th class=\"text\" colspan=\"5\">\(text(.htmlTotalCategory, ["category": ExpenseText.category(category, language)]))</th>"
        + "<td data-value=\"\(currency.plain(total))\">\(say.amount(total, currency))</td>" + rest
    }
    html += "<tr class=\"tco\"><th class=\"text\" colspan=\"5\">\(text(.htmlTotalCostOfOwnership))</th>"
      + "<td data-value=\"\(currency.plain(totals.total))\">\(say.money(totals.total, currency))</td>" + rest
    html += "</tfoot>\n</table>\n"
    if listed < expenses.count {
      html += "<p id=\"expenses-listed\">\(text(.htmlLatestExpenses, ["shown": "\(listed)", "count": "\(expenses.count)"]))</p>\n"
    }
    return html
  }
}

extension String {
  /// Line breaks as HTML line breaks (for text already escaped).
  fileprivate func replacingNewlines() -> String {
    split(separator: "\n", omittingEmptySubsequences: true).joined(separator: "<br>")
  }
}

extension HTMLReport {
  /// The verdict, first on the page, its status as `data-status`.
  public static func verdictBlock(_ report: ROIReport, language: Language) -> String {
    """
    <p id="verdict" data-status="\(report.verdict?.status.rawValue ?? "")"><strong>\(escape(VerdictText.sentence(report, language: language)))</strong></p>
    """
  }

  /// The baseline used and why, with the glossary's entry.
  static func baselineLine(_ report: ROIReport, language: Language) -> String {
    """
    <p id="baseline-choice" data-method="\(report.settings.baselineMethod.rawValue)">\(escape(VerdictText.baseline(report, language: language))) \
    <small>\(Glossary.link(escape(Catalogue.text(.glossaryBaselineTerm, language)), "baseline"))</small></p>
    """
  }

  /// Under the summary: why its payback differs from the verdict's, and why its ROIs differ.
  public static func paybackNote(_ report: ROIReport, language: Language) -> String {
    let rois = "<p class=\"legend\" id=\"rois-why\">\(escape(Catalogue.text(.roisWhyDiffer, language)))</p>"
    guard let verdict = report.verdict, verdict.months >= 1, !verdict.noCost else { return rois }
    return "<p class=\"legend\" id=\"payback-why\">\(escape(Catalogue.text(.paybackWhyDiffer, language)))</p>\n" + rois
  }
}
