import ROIEngine
import Reports
import Storage

/// `/months`: a grid of months × metrics; `/months/YYYY-MM`: one form with every metric of that
/// month, saved in one transaction under `log`'s rules (a finished month, values by kind).
extension WebApp {
  func months(_ page: Page) throws -> String {
    let (settings, metrics, snapshots) = try store.read { (try $0.settings(), try $0.metrics(), try $0.snapshots()) }
    var values: [Month: [String: MetricValue]] = [:]
    for snapshot in snapshots { values[snapshot.month, default: [:]][snapshot.metric] = snapshot.value }
    let running = WebApp.currentMonth()
    let first = min(settings.baselineWindow.lowerBound, values.keys.min() ?? running)
    let latestLogged = values.keys.max()
    let say = PeopleFormat(page.language)
    func row(_ month: Month) -> String {
      let cells = metrics.map { metric in
        "<td>\(values[month]?[metric.name].map { escape(value($0, of: metric, settings.currency, say)) } ?? "–")</td>"
      }.joined()
      return "<tr><td><a href=\"/months/\(month)\">\(escape(say.month(month)))</a></td>\(cells)</tr>\n"
    }
    // The running month first, then the months not logged since the latest one that is, as links on
    // one row, then the latest months with data: the page opens on what there is to do.
    var rows = ""
    let top = max(running, latestLogged ?? running)
    var month = top
    while month > running { rows += row(month); month = month.advanced(by: -1) }
    rows += row(running)
    if let latestLogged, latestLogged < running.advanced(by: -1) {
      let gap = sequence(first: running.advanced(by: -1)) { $0 > latestLogged.advanced(by: 1) ? $0.advanced(by: -1) : nil }
      let links = gap.map { "<a href=\"/months/\($0)\">\(escape(say.month($0)))</a>" }.joined(separator: " ")
      rows += "<tr class=\"gap\"><td colspan=\"\(metrics.count + 1)\">\(escape(page.text(.webNothingLoggedIn))) \(links)</td></tr>\n"
    }
    month = min(running.advanced(by: -1), latestLogged ?? running.advanced(by: -1))
    while month >= first {
      rows += row(month)
      month = month.advanced(by: -1)
    }
    let headers = metrics.map { "<th>\(escape($0.name))</th>" }.joined()
    let content = metrics.isEmpty
      ? "<p>\(escape(page.text(.noMetricsYet)))</p>"
      : "<div class=\"scroll\"><table id=\"months\"><thead><tr><th>\(escape(page.text(.columnMonth)))</th>\(headers)</tr></thead>\n<tbody>\n\(rows)</tbody></table></div>"
    return page.render(title: page.text(.webMonths), active: "/months", content)
  }

  /// A value as a person reads it: money kinds grouped with the currency's decimals.
  func value(_ value: MetricValue, of metric: Metric, _ currency: Currency, _ say: PeopleFormat) -> String {
    metric.kind.valuesAreMoney ? say.amount(currency.minor(fromMajor: value.rational), currency) : say.localised(value.plain)
  }

  /// The form of `month`: every metric prefilled with its stored value (as typed), or with what
  /// was sent, and each field's error beside it.
  func monthForm(_ month: Month, _ page: Page, values sent: [String: String]?, errors: [String: String], notice: String?) throws -> String {
    let (metrics, snapshots) = try store.read { (try $0.metrics(), try $0.snapshots()) }
    var stored: [String: MetricValue] = [:]
    for snapshot in snapshots where snapshot.month == month { stored[snapshot.metric] = snapshot.value }
    let say = PeopleFormat(page.language)
    var fields = ""
    for (index, metric) in metrics.enumerated() {
      let typed = sent?["value-\(index)"] ?? stored[metric.name].map { say.localised($0.plain) } ?? ""
      let derived = metric.fromOrders != nil
      fields += """
        <label for="value-\(index)">\(escape(metric.name)) <small>(\(escape(PeopleFormat(page.language).kind(metric.kind))))</small></label>
        <input id="value-\(index)" name="value-\(index)" value="\(escapeField(typed))" inputmode="decimal"\(derived ? " disabled" : "")>
        \(stored[metric.name] != nil && !derived ? "<label class=\"inline\"><input type=\"checkbox\" name=\"remove-\(index)\" value=\"1\"> \(escape(page.text(.webRemoveValue)))</label>" : "")
        \(Page.error(errors[metric.name]))

        """
    }
    let running = month == WebApp.currentMonth()
    let content = """
      <form method="post" action="/months/\(month)">
      \(page.csrfField)
      \(fields)
      \(running ? "<label><input type=\"checkbox\" name=\"allow-current\" value=\"1\"> \(escape(page.text(.webAllowCurrent)))</label>" : "")
      \(Page.error(errors[""]))
      <p><button id="save" type="submit">\(escape(page.text(.webSave)))</button> <a href="/months">\(escape(page.text(.webBack)))</a></p>
      </form>
      """
    return page.render(title: page.text(.webMonthTitle, ["month": say.month(month)]), active: "/months", notice: notice, content)
  }

  /// Saves a month's form in one transaction: every value under `log`'s rules, the removals; any
  /// bad value shows the form again with its error and writes nothing.
  func saveMonth(_ month: Month, _ request: WebRequest, _ page: Page) throws -> WebResponse {
    let (metrics, currency, snapshots) = try store.read { (try $0.metrics(), try $0.settings().currency, try $0.snapshots()) }
    let stored = Set(snapshots.filter { $0.month == month }.map(\.metric))
    let rules = SnapshotRules(
      metrics: metrics, currency: currency, currentMonth: WebApp.currentMonth(), allowCurrent: request.form["allow-current"] == "1")
    var errors: [String: String] = [:]
    var logged: [Snapshot] = []
    var removed: [String] = []
    do {
      _ = try rules.month(month.description)
    } catch {
      errors[""] = Phrase(error: error).text(page.language)
    }
    for (index, metric) in metrics.enumerated() where metric.fromOrders == nil {
      if request.form["remove-\(index)"] == "1" {
        removed.append(metric.name)
        continue
      }
      let text = (request.form["value-\(index)"] ?? "").trimmingCharacters()
      // A stored value whose field was emptied is removed, as its box ticked would.
      guard !text.isEmpty else {
        if stored.contains(metric.name) { removed.append(metric.name) }
        continue
      }
      do {
        logged.append(try rules.snapshot(metric: metric.name, month: month, value: page.typed(text)))
      } catch {
        errors[metric.name] = Phrase(error: error).text(page.language)
      }
    }
    guard errors.isEmpty else {
      return .html(try monthForm(month, page, values: request.form, errors: errors, notice: nil), status: 400)
    }
    try store.write { writer in
      if !logged.isEmpty { _ = try writer.log(logged) }
      if !removed.isEmpty { _ = try writer.unlog(month: month, names: removed) }
    }
    return .redirect(to: "/months/\(month)?done=saved")
  }
}

extension String {
  func trimmingCharacters() -> String { Substring(self).trimmingCharacters() }
}
