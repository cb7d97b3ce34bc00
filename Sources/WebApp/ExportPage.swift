import Interchange
import Operations
import Reports
import ROIEngine
import Storage

/// `/export`: downloads of every export and report format of the command line — the expenses and
/// the monthly values as CSV (English or French Excel) or JSON, and the report as CSV, JSON,
/// Markdown, text or a self-contained HTML page, for the dashboard's view when one is chosen.
extension WebApp {
  /// The files offered, by name: what `crm-roi` command writes the same bytes.
  static let exports: [(file: String, command: String)] = [
    ("expenses.csv", "crm-roi export expenses"), ("expenses-fr.csv", "crm-roi export expenses --locale fr"),  // no-catalogue: commands
    ("expenses.json", "crm-roi export expenses --format json"), ("metrics.csv", "crm-roi export metrics"),  // no-catalogue: commands
    ("metrics-fr.csv", "crm-roi export metrics --locale fr"), ("metrics.json", "crm-roi export metrics --format json"),  // no-catalogue: commands
    ("roi.csv", "crm-roi roi --format csv"), ("roi-fr.csv", "crm-roi roi --format csv --locale fr"), ("roi.json", "crm-roi roi --format json"),  // no-catalogue: commands
    ("roi.md", "crm-roi roi --format markdown"), ("roi.txt", "crm-roi roi"), ("report.html", "crm-roi report"),  // no-catalogue: commands
  ]

  func exportPage(_ request: WebRequest, _ page: Page) -> String {
    let query = WebApp.viewQuery(request)
    let items = WebApp.exports.map { export in
      let view = export.file.hasPrefix("roi") || export.file.hasPrefix("report") ? query : ""
      let path = export.file == "report.html" ? "/report.html" : "/export/\(export.file)"
      return "<li><a href=\"\(escape(path + view))\" download=\"crm-roi-\(export.file)\">crm-roi-\(escape(export.file))</a> <small>(\(escape(export.command)))</small></li>"
    }.joined(separator: "\n")
    let content = """
      <p>\(escape(page.text(.webExportHint)))</p>
      <ul id="exports">
      \(items)
      </ul>
      """
    return page.render(title: page.text(.webExport), active: "/export", content)
  }

  /// `/export/FILE`: the file, as its command writes it, to download.
  func exportFile(_ file: String, _ request: WebRequest, _ page: Page) throws -> WebResponse? {
    var text = ""
    let type: String
    switch file {
    case "expenses.csv", "expenses-fr.csv", "expenses.json", "metrics.csv", "metrics-fr.csv", "metrics.json":
      let format: Exporter.Format = file.hasSuffix(".json") ? .json : .csv
      let locale: CSVLocale = file.contains("-fr") ? .fr : .en
      let write: (String) -> Void = { text += $0 }
      if file.hasPrefix("expenses") {
        try Exporter.expenses(store, format: format, locale: locale, write: write)
      } else {
        try Exporter.metrics(store, format: format, locale: locale, write: write)
      }
      type = format == .json ? "application/json" : "text/csv"
    case "roi.csv", "roi-fr.csv":
      let report = try report(request.query, page)
      text = TextReport.csv(report, rows: report.quarters, locale: file == "roi.csv" ? .en : .fr)
      type = "text/csv"
    case "roi.json":
      let report = try report(request.query, page)
      text = JSONReport.render(report, rows: report.quarters)
      type = "application/json"
    case "roi.md", "roi.txt":
      let report = try report(request.query, page)
      text = TextReport.render(report, rows: report.quarters, markdown: file == "roi.md", language: page.language)
      type = file == "roi.md" ? "text/markdown" : "text/plain"
    default:
      return nil
    }
    return WebResponse(
      status: 200,
      headers: [("Content-Type", "\(type); charset=utf-8"), ("Content-Disposition", "attachment; filename=\"crm-roi-\(file)\"")],
      body: Array(text.utf8))
  }
}
