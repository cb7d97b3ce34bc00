import ROIEngine
import Reports
import Storage

#if canImport(Glibc)
  import Glibc
#endif

/// The web app over one database: every request checked (its `Host`, and for a POST its CSRF
/// token), then routed to a page. Reads and writes go through the same store, rules and audit
/// records as the command line. Not thread-safe: the server hands it one request at a time.
public final class WebApp {
  var configuration: WebConfiguration
  let store: Store
  var sessions = Sessions()

  public init(databasePath: String, configuration: WebConfiguration) throws {
    self.configuration = configuration
    store = try Store.open(path: databasePath)
  }

  public func handle(_ request: WebRequest) -> WebResponse {
    if request.tooLarge { return finished(WebResponse(status: 413, headers: [("Connection", "close")])) }
    guard request.path.hasPrefix("/"), configuration.allows(host: request.headers["host"]) else {
      return finished(WebResponse(status: 421, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Array("421 Misdirected Request\n".utf8)))  // no-catalogue: HTTP protocol text
    }
    store.runningMonth = WebApp.currentMonth()
    let session = sessions.session(for: request)
    let page = Page(language: language(), csrf: session.csrf)
    var response: WebResponse
    switch request.method {
    case "GET", "HEAD":
      response = get(request, page)
    case "POST":
      if !sessions.accepts(id: request.cookies[Sessions.cookie], token: request.form["csrf_token"]) {
        response = .html(page.render(title: page.text(.webRefused), active: "", "<p class=\"problem\">\(escape(page.text(.webBadToken)))</p>"), status: 403)
      } else if configuration.readOnly {
        response = .html(page.render(title: page.text(.webRefused), active: "", "<p class=\"problem\">\(escape(page.text(.webReadOnly)))</p>"), status: 403)
      } else {
        response = post(request, page)
      }
    default:
      response = WebResponse(status: 405, headers: [("Allow", "GET, HEAD, POST")])  // no-catalogue: HTTP protocol text
    }
    if session.isNew { response.headers.append(Sessions.setCookie(session.id)) }
    if request.method == "HEAD" { response.body = [] }
    return finished(response)
  }

  private func finished(_ response: WebResponse) -> WebResponse {
    var response = response
    response.headers += WebResponse.securityHeaders
    return response
  }

  private func get(_ request: WebRequest, _ page: Page) -> WebResponse {
    do {
      switch request.path {
      case "/": return .html(try dashboard(request, page))
      case "/report.html": return try reportFile(request, page)
      case "/months": return .html(try months(page))
      case "/expenses": return .html(try expenses(page, form: [:], error: nil, notice: request.query["done"].flatMap { page.noticeText($0) }))
      case "/settings": return .html(try settings(page))
      case "/history": return .html(try history(request, page))
      case "/check": return .html(try check(page))
      default:
        if let month = monthPath(request.path) {
          return .html(try monthForm(month, page, values: nil, errors: [:], notice: request.query["done"].flatMap { page.noticeText($0) }))
        }
        return .html(page.render(title: page.text(.webNotFound), active: "", ""), status: 404)
      }
    } catch {
      return failure(error, page)
    }
  }

  private func post(_ request: WebRequest, _ page: Page) -> WebResponse {
    do {
      if request.path == "/expenses" { return try addExpense(request, page) }
      if request.path == "/expenses/restore" { return try restoreExpense(request, page) }
      if let (id, action) = expenseAction(request.path) { return try changeExpense(id, action, page) }
      if let month = monthPath(request.path) { return try saveMonth(month, request, page) }
      return .html(page.render(title: page.text(.webNotFound), active: "", ""), status: 404)
    } catch {
      return failure(error, page)
    }
  }

  /// A page saying what went wrong, in one line, as the command line would.
  func failure(_ error: Error, _ page: Page) -> WebResponse {
    let message = Phrase(error: error).text(page.language)
    return .html(page.render(title: page.text(.webError), active: "", "<p class=\"problem\" role=\"alert\">\(escape(message))</p>"), status: 400)
  }

  /// `--lang`, the environment, then the database's setting, then English.
  func language() -> Language {
    if let decided = ((try? Language.decided(flag: configuration.language, environment: configuration.environment)) ?? nil) { return decided }
    return ((try? store.read { try $0.storedLanguage() }) ?? nil) ?? .en
  }

  /// `/months/2025-05` → 2025-05.
  private func monthPath(_ path: String) -> Month? {
    guard path.hasPrefix("/months/") else { return nil }
    return try? Month(parsing: String(path.dropFirst("/months/".count)))
  }

  /// `/expenses/3/remove` → (3, "remove").
  private func expenseAction(_ path: String) -> (Int64, String)? {
    let parts = path.split(separator: "/")
    guard parts.count == 3, parts[0] == "expenses", let id = Int64(parts[1]), id > 0 else { return nil }
    return (id, String(parts[2]))
  }

  /// The current calendar month in the local time zone.
  static func currentMonth() -> Month {
    var now = time(nil)
    var parts = tm()
    localtime_r(&now, &parts)
    return Month(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1)
  }
}

extension Page {
  /// The notice after a change, by its code in the redirect (`?done=saved`).
  func noticeText(_ code: String) -> String? {
    switch code {
    case "saved": text(.webSaved)
    case "added": text(.webExpenseAdded)
    case "removed": text(.webExpenseRemoved)
    case "restored": text(.webExpenseRestored)
    default: nil
    }
  }
}
