import ROIEngine
import Reports
import Storage

/// `/metrics`: the metrics with their money per change, target and attribution; add one, edit
/// every option of `metric set` (rename included), remove one (refused while it has values,
/// unless its values go too, as `metric remove --force`).
extension WebApp {
  func metrics(_ page: Page, form: [String: String] = [:], error: (field: String, message: String)? = nil, notice: String? = nil) throws -> String {
    let (metrics, currency) = try store.read { (try $0.metrics(), try $0.settings().currency) }
    var rows = ""
    for metric in metrics {
      let cells = MetricText.row(metric, currency: currency, page.language).map(escape)
      rows += """
        <tr><td class="text">\(cells[0])</td><td class="text">\(cells[1])</td><td class="text">\(cells[2])</td>\
        <td class="text">\(cells[3])</td><td>\(cells[4])</td>\
        <td class="text"><a class="edit" href="/metrics/edit?name=\(formEncoded(metric.name))">\(escape(page.text(.webEdit)))</a>
        <form class="inline" method="post" action="/metrics/remove">\(page.csrfField)<input type="hidden" name="name" value="\(escapeField(metric.name))">\
        <label class="inline"><input type="checkbox" name="force" value="1"> \(escape(page.text(.webWithValues)))</label> \
        <button type="submit">\(escape(page.text(.webRemove)))</button></form></td></tr>

        """
    }
    let table = metrics.isEmpty ? "<p>\(escape(page.text(.noMetricsYet)))</p>" : """
      <div class="scroll"><table id="metrics"><thead><tr><th class="text">\(escape(page.text(.columnName)))</th><th class="text">\(escape(page.text(.columnKind)))</th>\
      <th class="text">\(escape(page.text(.columnMoneyPerChange)))</th><th class="text">\(escape(page.text(.columnTarget)))</th>\
      <th>\(escape(page.text(.columnAttribution)))</th><th></th></tr></thead>
      <tbody>
      \(rows)</tbody></table></div>
      \(Page.error(error?.field == "remove" ? error?.message : nil))
      """
    let add = metricForm(page, form: error?.field == "remove" ? [:] : form, error: error, action: "/metrics", legend: .webAddMetric, button: .webAdd)
    return page.render(title: page.text(.webMetrics), active: "/metrics", notice: notice, table + add)
  }

  /// The form of a metric's definition; `original` is the name being edited, kept in a hidden field.
  func metricForm(
    _ page: Page, form: [String: String], error: (field: String, message: String)?, action: String, legend: Message, button: Message,
    original: String? = nil
  ) -> String {
    let fields = FormFields(page: page, values: form, error: error)
    func field(_ name: MetricFields.Field, _ label: Message, hint: String) -> String { fields.input(name.rawValue, label, hint: hint) }
    func select(_ name: MetricFields.Field, _ label: Message, _ options: [(String, String)]) -> String {
      fields.select(name.rawValue, label, options)
    }
    let kinds = MetricKind.Name.allCases.map { ($0.rawValue, PeopleFormat(page.language).kind($0)) }
    let series = [("", page.text(.webTyped))] + OrderSeries.allCases.map { ($0.rawValue, $0.rawValue) }
    return """
      <form method="post" action="\(action)"><fieldset><legend>\(escape(page.text(legend)))</legend>
      \(page.csrfField)
      \(original.map { "<input type=\"hidden\" name=\"original\" value=\"\(escapeField($0))\">" } ?? "")
      \(field(.name, .columnName, hint: "sales"))
      \(select(.kind, .columnKind, kinds))
      \(field(.margin, .webMargin, hint: "35%"))
      \(field(.unitValue, .webUnitValue, hint: "12.50"))
      \(field(.target, .columnTarget, hint: "+10%"))
      \(field(.attribution, .columnAttribution, hint: "100%"))
      \(field(.hourlyCost, .webHourlyCost, hint: "42.50"))
      \(field(.realisation, .webRealisation, hint: "50%"))
      \(field(.risk, .webMetricRisk, hint: "20%"))
      \(field(.controlFor, .webControlFor, hint: "sales"))
      \(select(.fromOrders, .webFromOrders, series))
      <p><button id="save" type="submit">\(escape(page.text(button)))</button></p>
      \(fields.error(""))
      </fieldset></form>
      """
  }

  /// `/metrics/edit?name=sales`: the definition, prefilled.
  func editMetric(_ request: WebRequest, _ page: Page) throws -> WebResponse {
    let name = request.query["name"] ?? ""
    let (metrics, currency) = try store.read { (try $0.metrics(), try $0.settings().currency) }
    guard let metric = metrics.first(where: { $0.name == name }) else {
      throw StoreError.unknownMetric(name: name, known: metrics.map(\.name))
    }
    var form: [String: String] = [:]
    for (field, value) in MetricFields(metric: metric, currency: currency).values { form[field.rawValue] = value }
    return .html(editMetricPage(page, form: form, error: nil, original: metric.name))
  }

  private func editMetricPage(_ page: Page, form: [String: String], error: (field: String, message: String)?, original: String) -> String {
    let content = metricForm(page, form: form, error: error, action: "/metrics/edit", legend: .webEditMetric, button: .webSave, original: original)
      + "<p><a href=\"/metrics\">\(escape(page.text(.webBackToMetrics)))</a></p>"
    return page.render(title: page.text(.webMetricTitle, ["name": original]), active: "/metrics", content)
  }

  /// The fields a metric form sent; empty ones are left out, as options not given.
  private func metricFields(_ form: [String: String], _ page: Page) throws(MetricFieldError) -> MetricFields {
    var values: [MetricFields.Field: String] = [:]
    for field in MetricFields.Field.allCases {
      if let value = form[field.rawValue]?.trimmingCharacters(), !value.isEmpty { values[field] = value }
    }
    return try MetricFields(values).typed(page.language)
  }

  func addMetric(_ request: WebRequest, _ page: Page) throws -> WebResponse {
    do {
      let fields = try metricFields(request.form, page)
      try store.write { writer in try writer.add(try fields.metric(currency: try writer.settings().currency)) }
    } catch let error as MetricFieldError {
      return .html(try metrics(page, form: request.form, error: (error.field.rawValue, said(error.error, page, typed: request.form[error.field.rawValue]))), status: 400)
    } catch let error as StoreError {
      return .html(try metrics(page, form: request.form, error: (MetricFields.Field.name.rawValue, error.text(page.language))), status: 400)
    }
    return .redirect(to: "/metrics?done=metric-added")
  }

  func updateMetric(_ request: WebRequest, _ page: Page) throws -> WebResponse {
    let original = request.form["original"] ?? ""
    do {
      let fields = try metricFields(request.form, page)
      try store.write { writer in
        let currency = try writer.settings().currency
        let metrics = try writer.metrics()
        guard let old = metrics.first(where: { $0.name == original }) else {
          throw StoreError.unknownMetric(name: original, known: metrics.map(\.name))
        }
        var metric = try fields.metric(currency: currency)
        metric.id = old.id
        metric.owner = old.owner
        if metric != old { try writer.update(metric, named: old.name) }
      }
    } catch let error as MetricFieldError {
      return .html(editMetricPage(page, form: request.form, error: (error.field.rawValue, said(error.error, page, typed: request.form[error.field.rawValue])), original: original), status: 400)
    } catch let error as StoreError {
      return .html(editMetricPage(page, form: request.form, error: ("", error.text(page.language)), original: original), status: 400)
    }
    return .redirect(to: "/metrics?done=saved")
  }

  func removeMetric(_ request: WebRequest, _ page: Page) throws -> WebResponse {
    let name = request.form["name"] ?? ""
    do {
      try store.write { try $0.removeMetric(named: name, force: request.form["force"] == "1") }
    } catch StoreError.metricHasSnapshots(let name, let count) {
      let message = page.text(count == 1 ? .webMetricHasOneValue : .webMetricHasValues, ["name": name, "count": "\(count)"])
      return .html(try metrics(page, error: ("remove", message)), status: 400)
    } catch let error as StoreError {
      return .html(try metrics(page, error: ("remove", error.text(page.language))), status: 400)
    }
    return .redirect(to: "/metrics?done=metric-removed")
  }
}
