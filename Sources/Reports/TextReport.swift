import ROIEngine

/// The ROI report for people (an aligned table or Markdown) and for spreadsheets (CSV).
public enum TextReport {
  /// The quarterly table, then TCO, payback and objectives.
  public static func render(_ report: ROIReport, rows: [QuarterRow], markdown: Bool) -> String {
    let currency = report.currency
    var quarters = Table([
      ("Quarter", .left), ("Cost", .right), ("Benefit", .right), ("Cum. cost", .right),
      ("Cum. benefit", .right), ("ROI", .right), ("Rolling annual ROI", .right), ("Cum. net ROI", .right),
      ("Missing months", .left),
    ])
    for row in rows {
      quarters.append([
        row.quarter.description, currency.grouped(row.cost), currency.grouped(row.benefit),
        currency.grouped(row.cumulativeCost), currency.grouped(row.cumulativeBenefit), row.roi.percentText,
        row.rollingAnnualROI.percentText, row.cumulativeNetROI.percentText,
        row.missingMonths.map(\.description).joined(separator: " "),
      ])
    }
    let settings = report.settings
    var output = heading("CRM ROI by quarter", markdown: markdown)
    output += "Currency \(currency.code), go-live \(settings.goLive), baseline \(settings.baselineMonths) months,"
      + " horizon \(settings.horizonYears) year\(settings.horizonYears == 1 ? "" : "s") to \(settings.horizonEnd)\n\n"
    output += markdown ? quarters.markdown() : quarters.plain()
    output += "\n"
    output += "Total cost of ownership: \(currency.grouped(report.totalCostOfOwnership)) \(currency.code)\n"
    output += "Break-even quarter:      \(report.payback.breakEvenQuarter?.description ?? "not reached")\n"
    let years = report.payback.projectedPaybackYears.map { $0.decimalString(places: 2) + " years" }
    output += "Projected payback:       \(years ?? "none (no positive rolling annual ROI yet)")\n"

    if !report.objectives.isEmpty {
      var objectives = Table([
        ("Metric", .left), ("Target", .right), ("Baseline", .right), ("Current", .right), ("Change", .right),
        ("Target value", .right), ("Met", .left),
      ])
      for objective in report.objectives {
        func value(_ value: Rational?) -> String {
          objective.valueText(value, currency: currency, grouped: true) ?? "–"
        }
        objectives.append([
          objective.metric.name, objective.metric.target?.description ?? "", value(objective.baseline),
          value(objective.current), objective.change.percentText, value(objective.targetValue),
          objective.met.map { $0 ? "yes" : "no" } ?? "–",
        ])
      }
      output += "\n" + heading("Objectives (\(report.quarters.last?.quarter.description ?? "no data"))", markdown: markdown)
      output += markdown ? objectives.markdown() : objectives.plain()
    }
    return output
  }

  private static func heading(_ text: String, markdown: Bool) -> String {
    markdown ? "## \(text)\n\n" : "\(text)\n\n"
  }

  /// One line per quarter with the JSON field names; ratios as fractions, missing months space-separated.
  public static func csv(_ report: ROIReport, rows: [QuarterRow]) -> String {
    let currency = report.currency
    let metricNames = rows.first?.benefitByMetric.map(\.metric) ?? []
    var lines = [
      (["quarter", "first_month", "last_month", "cost", "benefit"] + metricNames.map { "benefit_\($0)" }
        + ["cumulative_cost", "cumulative_benefit", "roi", "rolling_annual_roi", "cumulative_net_roi",
           "missing_months"]).joined(separator: ",")
    ]
    for row in rows {
      let fields = [row.quarter.description, row.quarter.firstMonth.description, row.quarter.lastMonth.description,
                    currency.plain(row.cost), currency.plain(row.benefit)]
        + row.benefitByMetric.map { currency.plain($0.benefit) }
        + [currency.plain(row.cumulativeCost), currency.plain(row.cumulativeBenefit),
           row.roi?.ratioText ?? "", row.rollingAnnualROI?.ratioText ?? "", row.cumulativeNetROI?.ratioText ?? "",
           row.missingMonths.map(\.description).joined(separator: " ")]
      lines.append(fields.joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
