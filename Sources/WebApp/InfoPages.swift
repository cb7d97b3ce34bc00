import Operations
import Reports
import ROIEngine
import Storage

/// `/settings`, `/history` (the audit trail, paged) and `/check` (the `check` findings).
extension WebApp {
  func settings(_ page: Page) throws -> String {
    let (settings, stored) = try store.read { (try $0.settings(), (try? $0.storedLanguage()) ?? nil) }
    let say = PeopleFormat(page.language)
    let rows: [(String, String)] = [
      ("currency", settings.currency.code), ("go-live", say.month(settings.goLive)),
      ("baseline-months", "\(settings.baselineMonths) (\(say.month(settings.baselineWindow.lowerBound)) – \(say.month(settings.baselineWindow.upperBound)))"),
      ("horizon-years", "\(settings.horizonYears) (\(say.month(settings.horizonEnd)))"), ("fiscal-year-start", "\(settings.fiscalYearStart)"),
      ("baseline-method", settings.baselineMethod.rawValue), ("language", stored?.rawValue ?? page.text(.languageNotSet)),
    ]
    let table = rows.map { "<tr><th class=\"text\">\(escape($0.0))</th><td class=\"text\">\(escape($0.1))</td></tr>" }.joined(separator: "\n")
    return page.render(
      title: page.text(.webSettings), active: "/settings",
      "<table id=\"settings\">\n\(table)\n</table>\n<p>\(escape(page.text(.webSettingsHint)))</p>")
  }

  static let historyPage = 50

  func history(_ request: WebRequest, _ page: Page) throws -> String {
    let number = max(1, min(Int(request.query["page"] ?? "") ?? 1, 100_000))
    let entries = try store.read { try $0.history(limit: number * WebApp.historyPage + 1) }
    let shown = entries.dropFirst((number - 1) * WebApp.historyPage).prefix(WebApp.historyPage)
    let rows = shown.map { entry in
      "<tr><td>\(entry.id)</td><td class=\"text\">\(escape(entry.at))</td><td class=\"text\">\(escape(entry.origin == .webApp ? page.text(.historyFromWebApp, ["action": entry.action.rawValue]) : entry.action.rawValue))</td>"
        + "<td class=\"text\">\(escape(entry.subject))</td><td class=\"text\">\(escape(entry.oldValue ?? ""))</td><td class=\"text\">\(escape(entry.newValue ?? ""))</td></tr>"
    }.joined(separator: "\n")
    var links: [String] = []
    if number > 1 { links.append("<a href=\"/history?page=\(number - 1)\">\(escape(page.text(.webNewer)))</a>") }
    if entries.count > number * WebApp.historyPage { links.append("<a href=\"/history?page=\(number + 1)\">\(escape(page.text(.webOlder)))</a>") }
    let table = shown.isEmpty ? "<p>\(escape(page.text(.noHistoryYet)))</p>" : """
      <div class="scroll"><table id="history"><thead><tr><th>\(escape(page.text(.columnID)))</th><th class="text">\(escape(page.text(.columnTime)))</th>\
      <th class="text">\(escape(page.text(.columnAction)))</th><th class="text">\(escape(page.text(.columnSubject)))</th>\
      <th class="text">\(escape(page.text(.columnOld)))</th><th class="text">\(escape(page.text(.columnNew)))</th></tr></thead>
      <tbody>
      \(rows)
      </tbody></table></div>
      """
    return page.render(title: page.text(.webHistory), active: "/history", table + "<p>\(links.joined(separator: " · "))</p>")
  }

  func check(_ page: Page) throws -> String {
    let findings = try store.check(latestMonth: WebApp.currentMonth())
    let problems = findings.filter { !$0.isNote }
    let items = findings.map { "<li\($0.isNote ? " class=\"note\"" : "")>\(escape($0.text(page.language)))</li>" }.joined(separator: "\n")
    let summary = problems.isEmpty
      ? page.text(.noProblems) : PeopleFormat(page.language).counted(problems.count, .oneFinding, .findings)
    return page.render(title: page.text(.webCheck), active: "/check", (items.isEmpty ? "" : "<ul id=\"findings\">\n\(items)\n</ul>\n") + "<p>\(escape(summary))</p>")
  }
}
