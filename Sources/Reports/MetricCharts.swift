import ROIEngine

/// The HTML report's charts of each money metric before and after go-live: its monthly values, its
/// baseline (flat, or seasonal), the band of ± twice the baseline's standard deviation shaded, and
/// go-live marked. Every value point carries its exact figure in `data-value`.
enum MetricCharts {
  static func render(_ impacts: [MetricImpact], currency: Currency, language: Language) -> String {
    var html = ""
    for impact in impacts where impact.metric.kind.addsMoney && !(impact.before.isEmpty && impact.months.isEmpty) {
      html += chart(impact, currency: currency, language: language)
    }
    return html.isEmpty ? "" : "<h2>\(Catalogue.text(.htmlEachMetric, language))</h2>\n" + html
  }

  /// Each quarter's benefit stacked by metric: gains upwards from 0, losses downwards.
  static func benefitByMetric(_ rows: [QuarterRow], currency: Currency, language: Language) -> String {
    guard let names = rows.first?.benefitByMetric.map(\.metric), !names.isEmpty else { return "" }
    let palette = ["#1f6fb2", "#2e933c", "#e0a100", "#8e44ad", "#d1495b", "#16a2a2", "#6c757d", "#b5651d"]
    func major(_ minor: Rational) -> Rational { currency.major(fromMinor: minor) }
    // The stack's extent in each quarter: the sum of its gains and the sum of its losses.
    let extents = rows.flatMap { row in
      [row.benefitByMetric.filter { $0.benefit.signum > 0 }.reduce(Rational.zero) { $0 + major($1.benefit) },
       row.benefitByMetric.filter { $0.benefit.signum < 0 }.reduce(Rational.zero) { $0 + major($1.benefit) }]
    }
    let say = PeopleFormat(language)
    let chart = SVGChart(quarters: rows.map { say.quarter($0.quarter) }, values: extents) { moneyTick($0, currency, say) }
    let title = Catalogue.text(.htmlBenefitByMetric, language)
    var svg = "<h2>\(title)</h2>\n"
      + chart.frame(id: "benefit-by-metric-per-quarter", title: title, description: Catalogue.text(.htmlBenefitByMetricDescription, language))
    for (index, row) in rows.enumerated() {
      var up = Rational.zero
      var down = Rational.zero
      for (position, entry) in row.benefitByMetric.enumerated() where !entry.benefit.isZero {
        let value = major(entry.benefit)
        let (from, to) = value.signum > 0 ? (up, up + value) : (down + value, down)
        if value.signum > 0 { up = to } else { down = from }
        let tip = Catalogue.text(.htmlTip, language, ["label": say.quarter(row.quarter) + " " + entry.metric, "value": say.money(entry.benefit, currency)])
        svg += """
          <rect class="stack" style="fill: \(palette[position % palette.count])" data-series="benefit-\(escape(entry.metric))" \
          data-quarter="\(row.quarter)" data-value="\(currency.plain(entry.benefit))" x="\(fmt(chart.x(center: index) - chart.slot * 0.3))" \
          y="\(fmt(chart.y(to)))" width="\(fmt(chart.slot * 0.6))" height="\(fmt(max(chart.y(from) - chart.y(to), 0.5)))">\
          <title>\(escape(tip))</title></rect>

          """
      }
    }
    var legend = ""
    for (position, name) in names.enumerated() {
      legend += "<span class=\"key\"><span class=\"swatch\" style=\"background: \(palette[position % palette.count])\"></span>\(escape(name))</span>\n"
    }
    return svg + SVGChart.end + "<p class=\"keys\">\(legend)</p>\n"
  }

  private static func chart(_ impact: MetricImpact, currency: Currency, language: Language) -> String {
    let metric = impact.metric
    let say = PeopleFormat(language)
    func text(_ message: Message, _ values: [String: String] = [:]) -> String { Catalogue.text(message, language, values) }
    let points = impact.before.map { (month: $0.month, value: $0.value, baseline: $0.baseline) }
      + impact.months.map { (month: $0.month, value: $0.value, baseline: $0.baseline) }
    let band = impact.band ?? .zero
    // With a control series, the counterfactual of each month after go-live, dashed.
    let counterfactual = impact.months.enumerated().compactMap { offset, month in
      month.counterfactual.map { (slot: impact.before.count + offset, month: month.month, value: $0) }
    }
    let extremes = points.flatMap { [$0.value, $0.baseline - band, $0.baseline + band] }
      + counterfactual.flatMap { [$0.value - band, $0.value + band] }
    func label(_ value: Rational) -> String {
      metric.kind.valuesAreMoney ? currency.grouped(currency.minor(fromMajor: value)) : value.shortDecimalString(maxPlaces: 1)
    }
    let chart = SVGChart(quarters: points.map { say.month($0.month) }, values: extremes, includingZero: false) { say.localised(label($0)) }
    var svg = chart.frame(
      id: "\(metric.name)--values-and-baseline", title: text(.htmlMetricChartTitle, ["metric": metric.name]),
      description: text(.htmlMetricChartDescription, ["metric": metric.name]))
    if impact.band != nil {
      // The band is around what each month is compared with: the counterfactual where there is one.
      let centers = impact.before.map(\.baseline) + impact.months.map { $0.counterfactual ?? $0.baseline }
      let upper = centers.enumerated().map { "\(fmt(chart.x(center: $0.offset))),\(fmt(chart.y($0.element + band)))" }
      let lower = centers.enumerated().reversed().map { "\(fmt(chart.x(center: $0.offset))),\(fmt(chart.y($0.element - band)))" }
      svg += "<polygon class=\"band\" points=\"\((upper + lower).joined(separator: " "))\"/>\n"
    }
    let baseline = points.enumerated().map { "\(fmt(chart.x(center: $0.offset))),\(fmt(chart.y($0.element.baseline)))" }
    svg += "<polyline class=\"baseline\" points=\"\(baseline.joined(separator: " "))\"/>\n"
    svg += counterfactualLine(counterfactual, metric: metric.name, chart: chart, label: label, language: language)
    let values = points.enumerated().map { "\(fmt(chart.x(center: $0.offset))),\(fmt(chart.y($0.element.value)))" }
    svg += "<polyline class=\"value\" points=\"\(values.joined(separator: " "))\"/>\n"
    for (offset, point) in points.enumerated() {
      svg += """
        <circle class="value" data-series="metric-\(escape(metric.name))" data-month="\(point.month)" \
        data-value="\(label(point.value).replacingOccurrences(of: ",", with: ""))" cx="\(fmt(chart.x(center: offset)))" \
        cy="\(fmt(chart.y(point.value)))" r="2"><title>\(escape(text(.htmlTip, ["label": say.month(point.month), "value": say.localised(label(point.value))])))</title></circle>

        """
    }
    if !impact.before.isEmpty, !impact.months.isEmpty {
      let x = fmt(chart.x(center: impact.before.count) - chart.slot / 2)
      svg += """
        <line class="go-live" x1="\(x)" y1="\(fmt(chart.top))" x2="\(x)" y2="\(fmt(chart.height - chart.bottom))"/>
        <text class="legend" x="\(x)" y="\(fmt(chart.top - 6))" text-anchor="middle">\(text(.htmlGoLive))</text>

        """
    }
    svg += chart.legend(
      [(text(.htmlValue), "value"), (text(.columnBaseline), "baseline")] + (impact.band != nil ? [(text(.glossaryNoiseTerm), "band")] : [])
        + (counterfactual.isEmpty ? [] : [(text(.htmlCounterfactualKey, ["control": impact.control ?? ""]), "counterfactual")]))
    return "<h3>\(escape(metric.name))</h3>\n" + svg + SVGChart.end
  }
}

extension MetricCharts {
  /// With a control series, the counterfactual of each month after go-live, dashed, each point with its tip.
  static func counterfactualLine(
    _ points: [(slot: Int, month: Month, value: Rational)], metric: String, chart: SVGChart, label: (Rational) -> String, language: Language
  ) -> String {
    guard !points.isEmpty else { return "" }
    let say = PeopleFormat(language)
    func text(_ message: Message, _ values: [String: String] = [:]) -> String { Catalogue.text(message, language, values) }
    let line = points.map { "\(fmt(chart.x(center: $0.slot))),\(fmt(chart.y($0.value)))" }
    var svg = "<polyline class=\"counterfactual\" data-series=\"counterfactual-\(escape(metric))\" points=\"\(line.joined(separator: " "))\"/>\n"
    for point in points {
      let tip = text(.htmlTip, ["label": say.month(point.month) + " " + text(.columnCounterfactual), "value": say.localised(label(point.value))])
      svg += """
        <circle class="counterfactual" data-series="counterfactual-\(escape(metric))" data-month="\(point.month)" \
        data-value="\(label(point.value).replacingOccurrences(of: ",", with: ""))" cx="\(fmt(chart.x(center: point.slot)))" \
        cy="\(fmt(chart.y(point.value)))" r="1.5"><title>\(escape(tip))</title></circle>

        """
    }
    return svg
  }
}

extension String {
  fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
    split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
