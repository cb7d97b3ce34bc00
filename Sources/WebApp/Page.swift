import ROIEngine
import Reports

/// The pages' frame: the language, the title, the navigation, a notice, the content. No script;
/// styles inline (the policy allows inline styles, never scripts).
struct Page {
  let language: Language
  let csrf: String
  /// The session's id: what it previewed is kept for it alone.
  let session: String
  /// The pages the navigation links to.
  var tabs = Page.tabs
  /// Whether the navigation offers to sign out (a password is asked for).
  var signsOut = false

  func text(_ message: Message, _ values: [String: String] = [:]) -> String { Catalogue.text(message, language, values) }

  static let tabs: [(path: String, message: Message)] = [
    ("/", .webDashboard), ("/months", .webMonths), ("/expenses", .webExpenses), ("/metrics", .webMetrics), ("/import", .webImport),
    ("/export", .webExport), ("/settings", .webSettings),
    ("/history", .webHistory), ("/check", .webCheck),
  ]

  /// What a read-only server serves: the dashboard and the exports.
  static let readOnlyPaths = ["/", "/report.html", "/export"]

  static func tabs(readOnly: Bool) -> [(path: String, message: Message)] {
    readOnly ? tabs.filter { readOnlyPaths.contains($0.path) } : tabs
  }

  func render(title: String, active: String, notice: String? = nil, _ content: String) -> String {
    var navigation = tabs.map { tab in
      "<a href=\"\(tab.path)\"\(tab.path == active ? " aria-current=\"page\"" : "")>\(escape(text(tab.message)))</a>"
    }.joined(separator: " ")
    if signsOut {
      navigation += "<form class=\"inline signout\" method=\"post\" action=\"/logout\">\(csrfField)<button type=\"submit\">\(escape(text(.webSignOut)))</button></form>"
    }
    // The switch to the other language, back to this page.
    let other: Language = language == .fr ? .en : .fr
    navigation += " <a class=\"language\" href=\"/language/\(other.rawValue)?next=\(escape(active.isEmpty ? "/" : active))\" lang=\"\(other.rawValue)\" hreflang=\"\(other.rawValue)\">\(other == .fr ? "Français" : "English")</a>"  // no-catalogue: each language's own name
    return """
      <!DOCTYPE html>
      <html lang="\(language.rawValue)">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(escape(title)) · crm-roi</title>
      <style>\(Page.style)</style>
      </head>
      <body>
      <nav>\(navigation)</nav>
      <main>
      <h1>\(escape(title))</h1>
      \(notice.map { "<p class=\"notice\" role=\"status\">\(escape($0))</p>" } ?? "")
      \(content.contains("class=\"error\" role=\"alert\"") ? "<p class=\"problem\">\(escape(text(.webNotSaved)))</p>" : "")
      \(content)
      </main>
      </body>
      </html>

      """
  }

  /// The hidden field every POST form carries.
  var csrfField: String { "<input type=\"hidden\" name=\"csrf_token\" value=\"\(escape(csrf))\">" }

  /// A one-line error beside a field, when there is one.
  static func error(_ message: String?) -> String {
    message.map { "<span class=\"error\" role=\"alert\">\(escape($0))</span>" } ?? ""
  }

  static let style = """
    body { font: 15px/1.45 system-ui, sans-serif; color: #1d2733; margin: 0; }
    nav { display: flex; flex-wrap: wrap; gap: .2rem 1rem; padding: .6rem 1rem; background: #1d2733; }
    nav a { color: #fff; text-decoration: none; } nav a[aria-current] { text-decoration: underline; font-weight: 600; }
    nav a.language { margin-left: auto; opacity: .85; } #months td:first-child, #months tr.gap a { white-space: nowrap; }
    #months tr.gap td { text-align: left; color: #5b6878; } #months tr.gap a { margin-right: .5rem; }
    @media (max-width: 640px) {
      nav { flex-wrap: nowrap; overflow-x: auto; white-space: nowrap; }
      main { display: flex; flex-direction: column; } main > * { order: 1; }
      main > h1, main > #verdict { order: -1; } main > form.controls { order: 0; }
      table { display: block; overflow-x: auto; max-width: 100%; }
    } ::placeholder { color: #8a94a0; font-style: italic; opacity: 1; }
    main { max-width: 62rem; margin: 0 auto; padding: 0 1rem 2rem; }
    table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
    th, td { padding: .3rem .5rem; border-bottom: 1px solid #d8dee6; text-align: right; }
    th:first-child, td:first-child, .text { text-align: left; }
    .scroll { overflow-x: auto; }
    td.date { white-space: nowrap; }
    form.inline { display: inline; }
    nav .signout { margin-left: auto; } nav .signout button { padding: 0 .4rem; }
    label { display: block; margin: .4rem 0 .1rem; }
    input, select, button { font: inherit; padding: .3rem .4rem; max-width: 100%; }
    button { cursor: pointer; }
    .error { color: #b3261e; margin-left: .5rem; }
    .notice { background: #e8f3ea; padding: .5rem .8rem; border-radius: 4px; }
    .problem { background: #fbe9e7; padding: .5rem .8rem; border-radius: 4px; }
    fieldset { border: 1px solid #d8dee6; margin: 1rem 0; min-width: 0; }
    textarea { font: inherit; width: 100%; box-sizing: border-box; }
    """
}

/// A form's fields as the pages show them: each with its label, the value sent (or stored) put
/// back as typed, and its one-line error beside it.
struct FormFields {
  let page: Page
  let values: [String: String]
  let error: (field: String, message: String)?

  /// The error beside field `name`, when it is the one in error ("" for the form's own).
  func error(_ name: String) -> String { Page.error(error?.field == name ? error?.message : nil) }

  func input(_ name: String, _ label: Message, type: String = "text", hint: String = "") -> String {
    """
    <label for="\(name)">\(escape(page.text(label)))</label>
    <input id="\(name)" name="\(name)" type="\(type)" value="\(escapeField(values[name] ?? ""))" placeholder="\(escape(hint))">\(error(name))
    """
  }

  /// A list of `options` (value, label); the one sent is chosen, else `chosen`.
  func select(_ name: String, _ label: Message, _ options: [(value: String, label: String)], chosen: String = "") -> String {
    let chosen = values[name] ?? chosen
    let list = options.map { "<option value=\"\(escape($0.value))\"\($0.value == chosen ? " selected" : "")>\(escape($0.label))</option>" }.joined()
    return "<label for=\"\(name)\">\(escape(page.text(label)))</label><select id=\"\(name)\" name=\"\(name)\">\(list)</select>\(error(name))"
  }
}
