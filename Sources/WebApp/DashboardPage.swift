import Operations
import Reports
import ROIEngine
import Storage

/// `/`: the HTML report, live from the database, with the views of `roi` as form controls; and
/// `/report.html`, the same page as a self-contained file to download.
extension WebApp {
  /// The dashboard's controls, read from the query: `from`, `to`, `method`, `rate`, `risk`, `project`.
  struct View {
    var from: Quarter?
    var to: Quarter?
    var method: BaselineMethod?
    var discount = DiscountOptions()
    var project = false

    /// `typed`: a number as the page's language writes it, in the parsers' form (see `Page.typed`).
    init(_ query: [String: String], fiscalYearStart: Int, typed: (String) throws -> String = { $0 }) throws {
      func quarter(_ name: String) throws -> Quarter? {
        guard let text = query[name], !text.isEmpty else { return nil }
        return try Quarter(parsing: text, fiscalYearStart: fiscalYearStart)
      }
      from = try quarter("from")
      to = try quarter("to")
      if let text = query["method"], !text.isEmpty { method = try BaselineMethod(parsing: text) }
      func percent(_ name: String, in range: ClosedRange<Int64>) throws -> Percent? {
        guard let text = query[name], !text.isEmpty else { return nil }
        let value = try Percent(parsing: typed(text))
        guard range.contains(value.tenThousandths) else {
          throw ValueError(value: text, expected: Phrase(.formPercentRange, [
            "low": "\(Percent(tenThousandths: range.lowerBound))", "high": "\(Percent(tenThousandths: range.upperBound))",
          ]))
        }
        return value
      }
      discount = DiscountOptions(
        rate: try percent("rate", in: DiscountOptions.rateRange) ?? discount.rate, risk: try percent("risk", in: DiscountOptions.riskRange) ?? discount.risk)
      project = query["project"] == "1"
    }
  }

  /// The report the query's view asks for.
  func report(_ query: [String: String], _ page: Page) throws -> ROIReport {
    try store.read { store in
      let view = try View(query, fiscalYearStart: try store.settings().fiscalYearStart, typed: page.typed)
      return try store.report(from: view.from, through: view.to, discount: view.discount, project: view.project, baselineMethod: view.method)
    }
  }

  /// How many of the latest expenses the dashboard lists (the Expenses page and the downloaded
  /// report list them all): with 100,000 of them the page would weigh 20 MB.
  static let dashboardExpenses = 50

  /// The HTML report of the query's view, listing the latest `expenseRows` expenses (nil: all).
  func reportPage(_ request: WebRequest, _ page: Page, expenseRows: Int? = nil) throws -> String {
    let (report, expenses, impacts) = try store.read { store in
      let view = try View(request.query, fiscalYearStart: try store.settings().fiscalYearStart, typed: page.typed)
      let report = try store.report(from: view.from, through: view.to, discount: view.discount, project: view.project, baselineMethod: view.method)
      // On the report's baseline: the view's method, or the one `auto` chose.
      let impacts = try ROICalculator.impact(settings: report.settings, metrics: try store.metrics(), snapshots: try store.snapshots())
      return (report, try store.expenses(), impacts)
    }
    return HTMLReport.render(report, expenses: expenses, impacts: impacts, language: page.language, expenseRows: expenseRows)
  }

  /// The dashboard. The last one served is kept, keyed on the file's `PRAGMA data_version` (which
  /// changes when another connection commits; this app's own changes empty the cache), the view,
  /// the language, the running month, and the session when the page carries its token.
  func dashboardResponse(_ request: WebRequest, _ page: Page) throws -> WebResponse {
    let key = "\(try store.dataVersion()) \(page.language.rawValue) \(WebApp.currentMonth()) \(page.signsOut ? page.session : "") \(WebApp.viewQuery(request))"
    if let cached = dashboardCache, cached.key == key { return cached.response }
    let response = WebResponse.html(try dashboard(request, page))
    dashboardCache = (key, response)
    return response
  }

  func dashboard(_ request: WebRequest, _ page: Page) throws -> String {
    let report: String
    do {
      report = try reportPage(request, page, expenseRows: WebApp.dashboardExpenses)
    } catch {
      let message = Phrase(error: error).text(page.language)
      let content = controls(request, page) + "<p class=\"problem\" role=\"alert\">\(escape(message))</p>"
        + "<p>\(escape(page.text(.webFixOnMonths)))</p>"
      return page.render(title: page.text(.webDashboard), active: "/", content)
    }
    // The report's own page, with the navigation and the controls put in front of its content.
    let navigation = page.render(title: "", active: "/", "")
    let nav = navigation.range(of: "<nav>").flatMap { start in navigation.range(of: "</nav>").map { String(navigation[start.lowerBound..<$0.upperBound]) } } ?? ""
    guard let body = report.range(of: "<body>\n") else { return report }
    // Laid out as every other page: the navigation across the top, the report in the same centred column.
    let opened = report.replacingCharacters(
      in: body, with: "<body>\n<style>\(Page.style) body { max-width: none; margin: 0; padding: 0; }</style>\n\(nav)\n<main>\(controls(request, page))\n")  // no-catalogue: CSS and markup
    guard let end = opened.range(of: "</body>", options: .backwards) else { return opened }
    return opened.replacingCharacters(in: end, with: "</main>\n</body>")
  }

  /// The view's controls, a GET form (bookmarkable), and the link to the same page as a file.
  func controls(_ request: WebRequest, _ page: Page) -> String {
    let query = request.query
    func field(_ name: String, _ label: Message, placeholder: String) -> String {
      "<label>\(escape(page.text(label))) <input name=\"\(name)\" value=\"\(escapeField(query[name] ?? ""))\" placeholder=\"\(escape(placeholder))\" size=\"22\"></label>"
    }
    let method = query["method"] ?? ""
    let options = [("", page.text(.webStoredSetting)), ("auto", "auto"), ("mean", "mean"), ("seasonal", "seasonal")].map { value, label in
      "<option value=\"\(value)\"\(value == method ? " selected" : "")>\(escape(label))</option>"
    }.joined()
    let view = WebApp.viewQuery(request)
    let download = "/report.html" + view
    return """
      <form method="get" action="/" class="controls"><fieldset><legend>\(escape(page.text(.webView)))</legend>
      \(field("from", .webFrom, placeholder: page.text(.webHintFirstQuarter))) \(field("to", .webTo, placeholder: page.text(.webHintLatestQuarter)))
      <label>\(escape(page.text(.webBaselineMethod))) <select name="method">\(options)</select></label>
      \(field("rate", .webDiscountRate, placeholder: page.text(.webHintDefault, ["value": PeopleFormat(page.language).share("10%")]))) \(field("risk", .webRisk, placeholder: page.text(.webHintDefault, ["value": PeopleFormat(page.language).share("0%")])))
      <label><input type="checkbox" name="project" value="1"\(query["project"] == "1" ? " checked" : "")> \(escape(page.text(.webProject)))</label>
      <button type="submit">\(escape(page.text(.webShow)))</button>
      <a href="\(escape(download))" download="crm-roi-report.html">\(escape(page.text(.webDownload)))</a>
      <a href="\(escape("/export" + view))">\(escape(page.text(.webOtherFormats)))</a>
      </fieldset></form>
      """
  }

  /// The request's query again (`?from=2025Q2&…`), for links that keep the dashboard's view.
  static func viewQuery(_ request: WebRequest) -> String {
    request.query.isEmpty ? "" : "?" + request.query.sorted { $0.key < $1.key }.map { "\(formEncoded($0.key))=\(formEncoded($0.value))" }.joined(separator: "&")
  }

  func reportFile(_ request: WebRequest, _ page: Page) throws -> WebResponse {
    var response = WebResponse.html(try reportPage(request, page))
    response.headers.append(("Content-Disposition", "attachment; filename=\"crm-roi-report.html\""))
    return response
  }
}

/// `text` for a URL's query: letters, digits and `-._~` as they are, every other byte `%XX`.
func formEncoded(_ text: String) -> String {
  var encoded = ""
  for byte in text.utf8 {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
      UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
      encoded.append(Character(Unicode.Scalar(byte)))
    default:
      let hex = String(byte, radix: 16, uppercase: true)
      encoded += "%" + (hex.count == 1 ? "0" : "") + hex
    }
  }
  return encoded
}
