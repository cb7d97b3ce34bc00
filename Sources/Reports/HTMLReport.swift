import ROIEngine

/// The report as one self-contained HTML page: no scripts, no network, inline SVG charts.
/// Every user text (metric names, notes) is escaped.
public enum HTMLReport {
  public static func render(_ report: ROIReport, expenses: [Expense], impacts: [MetricImpact] = [], language: Language = .en) -> String {
    let currency = report.currency
    let settings = report.settings
    let rows = report.quarters
    let labels = rows.map(\.quarter.description)
    func major(_ minor: Rational) -> Rational { currency.major(fromMinor: minor) }
    func moneyTick(_ tick: Rational) -> String {
      var text = currency.grouped(currency.minor(fromMajor: tick))
      if text.hasSuffix("." + String(repeating: "0", count: currency.minorUnits)) && currency.minorUnits > 0 {
        text.removeLast(currency.minorUnits + 1)
      }
      return "\(text) \(currency.code)"
    }
    func money(_ minor: Rational) -> String { "\(currency.grouped(minor)) \(currency.code)" }

    var html = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>CRM ROI report</title>
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
      dd.projected { font-style: italic; }
      .met { color: #2e933c; } .unmet { color: #d1495b; }
      </style>
      </head>
      <body>
      <h1>CRM ROI report</h1>
      <p>Currency \(escape(currency.code)), go-live \(settings.goLive), baseline \(settings.baselineMonths) months \
      (\(settings.baselineWindow.lowerBound) to \(settings.baselineWindow.upperBound)), horizon \(settings.horizonYears) \
      years to \(settings.horizonEnd), fiscal year from month \(settings.fiscalYearStart). As of \(report.asOf), \
      the latest month with logged values.</p>
      <p id="verdict"><strong>\(escape(TextReport.verdict(report)))</strong></p>
      <dl class="summary">
      <dt>Total cost of ownership</dt><dd id="tco" data-value="\(currency.plain(report.totalCostOfOwnership))">\(money(report.totalCostOfOwnership))</dd>
      <dt>Break-even quarter</dt><dd id="break-even">\(report.payback.breakEvenQuarter.map { "\($0)" } ?? "not reached")</dd>
      <dt>Projected payback</dt><dd id="payback">\(report.payback.projectedPaybackYears.map { $0.decimalString(places: 2) + " years" } ?? "none yet")</dd>
      <dt>Rolling annual ROI</dt><dd>\(rows.last?.rollingAnnualROI.percentText ?? "–") \
      (within noise \(rows.last?.rollingAnnualROILow.percentText ?? "–") to \(rows.last?.rollingAnnualROIHigh.percentText ?? "–"))\
      \(report.noiseUnavailable.map { noiseNote($0.text(language)) } ?? "")</dd>
      <dt>Baseline</dt><dd>\(settings.baselineMethod == .seasonal ? "seasonal (same calendar month)" : "mean of the window")</dd>
      <dt>Net present value</dt><dd id="npv" data-value="\(currency.plain(report.discounted.netPresentValue))">\(money(report.discounted.netPresentValue)) \
      at \(report.discounted.options.rate) a year, \(report.discounted.options.risk) risk \
      (ROI \(report.discounted.roi.percentText), break-even \(report.discounted.breakEvenMonth.map { "\($0)" } ?? "not reached"))</dd>
      \(report.projection.map { projection in
        "<dt>Projection to \(settings.horizonEnd)</dt><dd id=\"projection\" class=\"projected\">lifetime benefit \(money(projection.lifetimeBenefit)), "
          + "lifetime ROI \(projection.lifetimeROI.percentText), break-even \(projection.breakEvenQuarter.map { "\($0)" } ?? "not by the horizon end") "
          + "(a projection at \(money(projection.runRate)) a month)</dd>"
      } ?? "")
      </dl>

      """

    // Cost and benefit per quarter.
    let bars = SVGChart(
      quarters: labels, values: rows.flatMap { [major($0.cost), major($0.benefit)] }, tickLabel: moneyTick)
    html += "<h2>Cost and benefit per quarter</h2>\n"
    html += bars.frame(title: "Cost and benefit per quarter", description: "Bars: expense occurrences and measured benefit in each quarter.")
    for (index, row) in rows.enumerated() {
      for (series, value, offset) in [("cost", row.cost, -0.36), ("benefit", row.benefit, 0.01)] {
        let top = bars.y(max(major(value), .zero))
        let bottom = bars.y(min(major(value), .zero))
        html += """
          <rect class="\(series)" data-series="\(series)" data-quarter="\(row.quarter)" data-value="\(currency.plain(value))" \
          x="\(fmt(bars.x(center: index) + bars.slot * offset))" y="\(fmt(top))" width="\(fmt(bars.slot * 0.35))" \
          height="\(fmt(max(bottom - top, 0.5)))"><title>\(row.quarter) \(series): \(money(value))</title></rect>

          """
      }
    }
    html += bars.legend([("Cost", "cost"), ("Benefit", "benefit")]) + "</svg>\n"

    // Cumulative cost and benefit, with the break-even point, and the projection dashed after them.
    let projected = report.projection?.quarters ?? []
    // A partial last row and the projection's first quarter are the same quarter: one slot, where
    // the projection carries the row on to the quarter's end.
    let sharesLastSlot = projected.first != nil && projected.first?.quarter == rows.last?.quarter
    let firstProjectedSlot = rows.count - (sharesLastSlot ? 1 : 0)
    let lines = SVGChart(
      quarters: labels + projected.dropFirst(sharesLastSlot ? 1 : 0).map(\.quarter.description),
      values: rows.flatMap { [major($0.cumulativeCost), major($0.cumulativeBenefit)] }
        + projected.flatMap { [major($0.cumulativeCost), major($0.cumulativeBenefit)] },
      tickLabel: moneyTick)
    html += "<h2>Cumulative cost and benefit\(projected.isEmpty ? "" : " (dashed: projection)")</h2>\n"
    html += lines.frame(title: "Cumulative cost and benefit", description: "Lines: running sums; the dashed line marks break-even; dashed lines after the history are a projection.")
    if let last = rows.last, !projected.isEmpty {
      for (series, start, values) in [
        ("projected-cumulative-cost", last.cumulativeCost, projected.map(\.cumulativeCost)),
        ("projected-cumulative-benefit", last.cumulativeBenefit, projected.map(\.cumulativeBenefit)),
      ] {
        let cssClass = series.hasSuffix("cost") ? "cost" : "benefit"
        let slots: [(slot: Int, value: Rational)] = [(rows.count - 1, start)]
          + values.enumerated().map { (firstProjectedSlot + $0.offset, $0.element) }
        let points = slots.map { "\(fmt(lines.x(center: $0.slot))),\(fmt(lines.y(major($0.value))))" }
        html += "<polyline class=\"\(cssClass) projected\" data-series=\"\(series)\" points=\"\(points.joined(separator: " "))\"/>\n"
        for (offset, value) in values.enumerated() {
          html += """
            <circle class="\(cssClass) projected" data-series="\(series)" data-quarter="\(projected[offset].quarter)" \
            data-value="\(currency.plain(value))" cx="\(fmt(lines.x(center: firstProjectedSlot + offset)))" cy="\(fmt(lines.y(major(value))))" \
            r="2.5"><title>\(projected[offset].quarter) (projected): \(money(value))</title></circle>

            """
        }
      }
      if let breakEven = report.projection?.breakEvenQuarter, report.payback.breakEvenQuarter == nil,
        let offset = projected.firstIndex(where: { $0.quarter == breakEven })
      {
        let x = fmt(lines.x(center: firstProjectedSlot + offset))
        html += """
          <line class="break-even projected" data-quarter="\(breakEven)" x1="\(x)" y1="\(fmt(lines.top))" x2="\(x)" y2="\(fmt(lines.height - lines.bottom))"/>
          <text class="legend" x="\(x)" y="\(fmt(lines.top - 6))" text-anchor="middle">Projected break-even \(breakEven)</text>

          """
      }
    }
    for (series, values) in [("cumulative-cost", rows.map(\.cumulativeCost)), ("cumulative-benefit", rows.map(\.cumulativeBenefit))] {
      let cssClass = series == "cumulative-cost" ? "cost" : "benefit"
      let points = values.enumerated().map { "\(fmt(lines.x(center: $0.offset))),\(fmt(lines.y(major($0.element))))" }
      html += "<polyline class=\"\(cssClass)\" data-series=\"\(series)\" points=\"\(points.joined(separator: " "))\"/>\n"
      for (index, value) in values.enumerated() {
        html += """
          <circle class="\(cssClass)" data-series="\(series)" data-quarter="\(rows[index].quarter)" data-value="\(currency.plain(value))" \
          cx="\(fmt(lines.x(center: index)))" cy="\(fmt(lines.y(major(value))))" r="3.5"><title>\(rows[index].quarter) \
          \(series.replacingAll("-", with: " ")): \(money(value))</title></circle>

          """
      }
    }
    if let breakEven = report.payback.breakEvenQuarter, let index = rows.firstIndex(where: { $0.quarter == breakEven }) {
      let x = fmt(lines.x(center: index))
      html += """
        <line class="break-even" data-quarter="\(breakEven)" x1="\(x)" y1="\(fmt(lines.top))" x2="\(x)" y2="\(fmt(lines.height - lines.bottom))"/>
        <text class="legend" x="\(x)" y="\(fmt(lines.top - 6))" text-anchor="middle">Break-even \(breakEven)</text>

        """
    }
    html += lines.legend([("Cumulative cost", "cost"), ("Cumulative benefit", "benefit")]) + "</svg>\n"

    // Rolling annual ROI.
    let rolling = rows.enumerated().compactMap { index, row in row.rollingAnnualROI.map { (index, row, $0) } }
    let roiChart = SVGChart(quarters: labels, values: rolling.map(\.2), tickLabel: { $0.percentText })
    html += "<h2>Rolling annual ROI</h2>\n"
    html += roiChart.frame(title: "Rolling annual ROI", description: "Benefit of the last twelve months (fewer just after go-live) over the total cost of ownership.")
    html += "<polyline class=\"roi\" data-series=\"rolling-annual-roi\" points=\""
      + rolling.map { "\(fmt(roiChart.x(center: $0.0))),\(fmt(roiChart.y($0.2)))" }.joined(separator: " ") + "\"/>\n"
    for (index, row, value) in rolling {
      html += """
        <circle class="roi" data-series="rolling-annual-roi" data-quarter="\(row.quarter)" data-value="\(value.ratioText)" \
        cx="\(fmt(roiChart.x(center: index)))" cy="\(fmt(roiChart.y(value)))" r="3.5"><title>\(row.quarter): \(value.percentText)</title></circle>

        """
    }
    html += roiChart.legend([("Rolling annual ROI", "roi")]) + "</svg>\n"
    html += MetricCharts.benefitByMetric(rows, currency: currency)
    html += MetricCharts.render(impacts, currency: currency)

    // The quarterly table.
    html += "<h2>By quarter</h2>\n<table id=\"quarters\">\n<thead><tr><th>Quarter</th><th>Cost</th><th>Benefit</th><th>Cum. cost</th>"
      + "<th>Cum. benefit</th><th>ROI</th><th>Rolling annual ROI</th><th>Cum. net ROI</th><th>Benefit low</th><th>Benefit high</th><th class=\"text\">Missing months</th></tr></thead>\n<tbody>\n"
    for row in rows {
      let cells = [
        currency.grouped(row.cost), currency.grouped(row.benefit), currency.grouped(row.cumulativeCost),
        currency.grouped(row.cumulativeBenefit), row.roi.percentText, row.rollingAnnualROI.percentText,
        row.cumulativeNetROI.percentText, row.benefitLow.map(currency.grouped) ?? "–",
        row.benefitHigh.map(currency.grouped) ?? "–",
      ]
      html += "<tr\(row.isPartial ? " class=\"partial\"" : "")><td>\(row.quarter)\(row.isPartial ? "*" : "")</td>" + cells.map { "<td>\($0)</td>" }.joined()
        + "<td class=\"text\">\(row.missingMonths.map(\.description).joined(separator: " "))</td></tr>\n"
    }
    html += "</tbody>\n</table>\n"
    html += "<p class=\"legend\">\(escape(TextReport.legend(rows, asOf: report.asOf)).replacingNewlines())</p>\n"
    if !report.warnings.isEmpty {
      html += "<h2>Warnings</h2>\n<ul id=\"warnings\">\n"
      for warning in report.warnings {
        html += "<li data-code=\"\(warning.code.rawValue)\">\(escape(warning.message))</li>\n"
      }
      html += "</ul>\n"
    }

    // Objectives.
    html += "<h2>Objectives (\(report.lastQuarter.map { "\($0)" } ?? "no data"))</h2>\n"
    if report.objectives.isEmpty {
      html += "<p>No metric has a target yet: <code>crm-roi metric add NAME … --target +10%</code>.</p>\n"
    } else {
      html += "<table id=\"objectives\">\n<thead><tr><th>Metric</th><th>Kind</th><th>Target</th><th>Baseline</th><th>Current</th>"
        + "<th>Change</th><th>Target value</th><th class=\"text\">Met</th></tr></thead>\n<tbody>\n"
      for objective in report.objectives {
        func value(_ value: Rational?) -> String { objective.valueText(value, currency: currency, grouped: true) ?? "–" }
        let met = objective.met.map { $0 ? "<span class=\"met\">yes</span>" : "<span class=\"unmet\">no</span>" } ?? "–"
        html += "<tr><td>\(escape(objective.metric.name))</td><td class=\"text\">\(objective.metric.kind.name)</td>"
          + "<td>\(escape(objective.metric.target?.description ?? ""))</td><td>\(value(objective.baseline))</td>"
          + "<td>\(value(objective.current))</td><td>\(objective.change.percentText)</td>"
          + "<td>\(value(objective.targetValue))</td><td class=\"text\">\(met)</td></tr>\n"
      }
      html += "</tbody>\n</table>\n"
    }

    html += expensesTable(expenses, report: report)
    html += "<p><small>Money is exact to the minor unit, rounded half-to-even; ratios are fractions of the total cost of ownership. Made by crm-roi.</small></p>\n</body>\n</html>\n"
    return html
  }
}

extension HTMLReport {
  static func noiseNote(_ reason: String) -> String {
    "<br><small id=\"noise-unavailable\">\(escape(reason.prefix(1).uppercased() + reason.dropFirst())).</small>"
  }

  /// Every expense with labor as hours × rate and its total over the horizon; then the totals by
  /// category and the TCO.
  static func expensesTable(_ expenses: [Expense], report: ROIReport) -> String {
    let currency = report.currency
    let totals = ExpenseTotals(expenses, horizonEnd: report.settings.horizonEnd)
    var html = "<h2>Expenses</h2>\n<table id=\"expenses\">\n<thead><tr><th>Date</th><th class=\"text\">Category</th><th>Amount</th>"
      + "<th class=\"text\">Hours × rate</th><th class=\"text\">Recurs</th><th>Over the horizon</th><th class=\"text\">Note</th></tr></thead>\n<tbody>\n"
    for (expense, lifetime) in zip(expenses, totals.lifetime) {
      let recurs = expense.recurrence.map { "every \($0.every.rawValue) until \($0.until?.description ?? "the horizon end") (\(lifetime.occurrences)×)" } ?? "once"
      let labor = expense.labor.map { "\($0.hoursText) h × \(currency.grouped(Rational($0.rate.minor)))" } ?? ""
      html += "<tr><td>\(expense.date)</td><td class=\"text\">\(expense.category.rawValue)</td>"
        + "<td>\(currency.grouped(expense.amount.rational))</td><td class=\"text\">\(labor)</td><td class=\"text\">\(recurs)</td>"
        + "<td data-value=\"\(currency.plain(lifetime.total))\">\(currency.grouped(lifetime.total))</td>"
        + "<td class=\"text\">\(escape(expense.note ?? ""))</td></tr>\n"
    }
    html += "</tbody>\n<tfoot>\n"
    for (category, total) in totals.byCategory {
      html += "<tr class=\"category-total\"><th class=\"text\" colspan=\"5\">Total \(category.rawValue)</th>"
        + "<td data-value=\"\(currency.plain(total))\">\(currency.grouped(total))</td><td></td></tr>\n"
    }
    html += "<tr class=\"tco\"><th class=\"text\" colspan=\"5\">Total cost of ownership</th>"
      + "<td data-value=\"\(currency.plain(totals.total))\">\(currency.grouped(totals.total)) \(currency.code)</td><td></td></tr>\n"
    return html + "</tfoot>\n</table>\n"
  }
}

extension String {
  /// Line breaks as HTML line breaks (for text already escaped).
  fileprivate func replacingNewlines() -> String {
    split(separator: "\n", omittingEmptySubsequences: true).joined(separator: "<br>")
  }
}
