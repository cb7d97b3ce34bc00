import Reports
import ROIEngine
import Storage
import Support

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
  var throttle = LoginThrottle()
  /// Where uploads are kept until confirmed, and the key of the hash that tells they did not change.
  let uploads: UploadFolder
  let uploadKey: SipHash24
  /// The largest body of a form without a file.
  public static let maximumForm = 1_000_000
  /// `--max-upload`, for the import page's hint and the refusal.
  var maximumUpload = 200_000_000
  /// The previews waiting for their confirmation, by id, oldest first in `pendingOrder`.
  var pendingImports: [String: PendingImport] = [:]
  var pendingOrder: [String] = []
  /// A message for a session's next page (an import's summary after the redirect).
  var flashes: [String: String] = [:]
  /// The last dashboard served, and what it was computed for (see `dashboardResponse`).
  var dashboardCache: (key: String, response: WebResponse)?

  public init(databasePath: String, configuration: WebConfiguration, uploads: UploadFolder, uploadKey: SipHash24) throws {
    self.configuration = configuration
    store = try configuration.readOnly ? Store.openReadOnly(path: databasePath) : Store.open(path: databasePath)
    store.origin = .webApp
    self.uploads = uploads
    self.uploadKey = uploadKey
  }

  public func handle(_ request: WebRequest) -> WebResponse {
    // An upload no preview kept (refused, or a bad file) is removed, whatever the answer.
    defer {
      if let upload = request.upload, !pendingImports.values.contains(where: { $0.file.path == upload.path }) { unlink(upload.path) }
    }
    if request.tooLarge {
      let page = Page(language: language(for: request), csrf: "", session: "")
      let upload = request.upload != nil || request.headers["content-type"]?.lowercased().hasPrefix("multipart/") == true
      let limit = PeopleFormat(page.language).localised(WebApp.megabytes(upload ? maximumUpload : WebApp.maximumForm))
      let detail = page.text(upload ? .webTooLargeDetail : .webFormTooLarge, ["limit": limit])
      var response = WebResponse.html(page.render(title: page.text(.webTooLarge), active: "", "<p class=\"problem\" role=\"alert\">\(escape(detail))</p>"), status: 413)
      response.headers.append(("Connection", "close"))
      return finished(response)
    }
    guard request.path.hasPrefix("/"), configuration.allows(host: request.headers["host"]) else {
      return finished(WebResponse(status: 421, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Array("421 Misdirected Request\n".utf8)))  // no-catalogue: HTTP protocol text
    }
    store.runningMonth = WebApp.currentMonth()
    let session = sessions.session(for: request)
    let page = Page(
      language: language(for: request), csrf: session.csrf, session: session.id, tabs: Page.tabs(readOnly: configuration.readOnly),
      signsOut: configuration.passwordHash != nil)
    var response = respond(to: request, page)
    if session.isNew { response.headers.append(Sessions.setCookie(session.id)) }
    if request.method == "HEAD" { response.body = [] }
    return finished(response)
  }

  /// The response to a request whose `Host` is this server's: signed in when a password is asked
  /// for, the CSRF token of a POST checked, changes refused when read-only.
  private func respond(to request: WebRequest, _ page: Page) -> WebResponse {
    let signedIn = configuration.passwordHash == nil || sessions.isSignedIn(page.session)
    switch request.method {
    case "GET", "HEAD":
      if request.path.hasPrefix("/language/") { return switchLanguage(request) }
      if request.path == "/login" { return .html(loginPage(page, next: request.query["next"])) }
      if !signedIn { return .redirect(to: "/login?next=" + formEncoded(request.path)) }
      if configuration.readOnly, !Page.readOnlyPaths.contains(where: { request.path == $0 || request.path.hasPrefix($0 + "/") }) {
        return refusal(.webReadOnlyPage, page)
      }
      return get(request, page)
    case "POST":
      let signing = request.path == "/login" || request.path == "/logout"
      if configuration.readOnly, !signing { return refusal(.webReadOnly, page) }
      // The upload's fields are lost with it: its own page, which changes nothing, before the token check.
      if let failure = request.uploadFailure {
        let reason = Phrase.system(failure, String(cString: strerror(failure))).text(page.language)
        return .html(page.render(title: page.text(.webError), active: "", "<p class=\"problem\" role=\"alert\">\(escape(page.text(.webUploadNotKept, ["reason": reason])))</p>"), status: 507)
      }
      if !sessions.accepts(id: request.cookies[Sessions.cookie], token: request.form["csrf_token"]) { return refusal(.webBadToken, page) }
      sessions.markUsed(page.session)
      if request.path == "/login" { return signIn(request, page) }
      if request.path == "/logout" { return signOut(page) }
      if !signedIn { return refusal(.webSignInFirst, page) }
      // This connection's own commits leave `PRAGMA data_version` as it was.
      dashboardCache = nil
      return post(request, page)
    default:
      return WebResponse(status: 405, headers: [("Allow", "GET, HEAD, POST")])  // no-catalogue: HTTP protocol text
    }
  }

  /// 403, with the reason.
  private func refusal(_ reason: Message, _ page: Page) -> WebResponse {
    .html(page.render(title: page.text(.webRefused), active: "", "<p class=\"problem\" role=\"alert\">\(escape(page.text(reason)))</p>"), status: 403)
  }

  private func finished(_ response: WebResponse) -> WebResponse {
    var response = response
    response.headers += WebResponse.securityHeaders
    return response
  }

  private func get(_ request: WebRequest, _ page: Page) -> WebResponse {
    do {
      switch request.path {
      case "/": return try dashboardResponse(request, page)
      case "/report.html": return try reportFile(request, page)
      case "/months": return .html(try months(page))
      case "/expenses":
        if request.query["done"] == "removed", let id = request.query["id"], Int64(id) != nil {
          return .html(try expenses(page, form: ["id": id], error: nil, notice: page.text(.webExpenseRemovedID, ["id": id])))
        }
        let number = Int(request.query["page"] ?? "") ?? 1
        return .html(try expenses(page, form: [:], error: nil, notice: request.query["done"].flatMap { page.noticeText($0) }, number: number))
      case "/metrics": return .html(try metrics(page, notice: request.query["done"].flatMap { page.noticeText($0) }))
      case "/metrics/edit": return try editMetric(request, page)
      case "/export": return .html(exportPage(request, page))
      case "/import":
        let flash = request.query["done"] == "imported" ? flashes.removeValue(forKey: page.session) : nil
        return .html(importPage(page, notice: flash))
      case "/settings": return .html(try settings(page))
      case "/history": return .html(try history(request, page))
      case "/check": return .html(try check(page))
      default:
        if let (id, action) = expenseAction(request.path), action == "edit" { return try editExpense(id, page) }
        if request.path.hasPrefix("/export/"), let file = try exportFile(String(request.path.dropFirst("/export/".count)), request, page) {
          return file
        }
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
      if let (id, action) = expenseAction(request.path) { return try changeExpense(id, action, request, page) }
      if request.path == "/import/preview" { return try previewImport(request, page) }
      if request.path == "/import/confirm" { return try confirmImport(request, page) }
      if request.path == "/import/cancel" { return cancelImport(request, page) }
      if request.path == "/metrics" { return try addMetric(request, page) }
      if request.path == "/metrics/edit" { return try updateMetric(request, page) }
      if request.path == "/metrics/remove" { return try removeMetric(request, page) }
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

  /// The visitor's language: the switch's cookie, else the browser's `Accept-Language` (its first
  /// language crm-roi speaks, by preference), else the server's (`--lang`, the environment, the database's).
  func language(for request: WebRequest) -> Language {
    if let chosen = request.cookies[WebApp.languageCookie].flatMap(Language.init(rawValue:)) { return chosen }
    return WebApp.accepted(request.headers["accept-language"] ?? "") ?? language()
  }

  static let languageCookie = "crm_roi_lang"

  /// The first of `fr`, `en` that an `Accept-Language` header asks for, by its q values (then order).
  static func accepted(_ header: String) -> Language? {
    let ranges = header.split(separator: ",").enumerated().compactMap { index, item -> (Language, Double, Int)? in
      let parts = item.split(separator: ";")
      let tag = parts[0].trimmingCharacters().lowercased()
      let primary = String(tag.split(separator: "-").first ?? "")
      guard let language = Language(rawValue: primary) else { return nil }
      let quality = parts.dropFirst().compactMap { part -> Double? in
        let pair = part.split(separator: "=", maxSplits: 1)
        return pair.count == 2 && pair[0].trimmingCharacters() == "q" ? Double(pair[1].trimmingCharacters()) : nil
      }.first ?? 1
      return quality > 0 ? (language, quality, index) : nil
    }
    return ranges.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.2 < $1.2 }.first?.0
  }

  /// `/language/fr?next=/expenses`: the choice kept in a cookie for a year, back to the page.
  func switchLanguage(_ request: WebRequest) -> WebResponse {
    guard let chosen = Language(rawValue: String(request.path.dropFirst("/language/".count))) else { return WebResponse(status: 404) }
    var response = WebResponse.redirect(to: WebApp.localPath(request.query["next"]))
    response.headers.append(("Set-Cookie", "\(WebApp.languageCookie)=\(chosen.rawValue); Path=/; Max-Age=31536000; SameSite=Lax"))  // no-catalogue: HTTP protocol text
    return response
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

  /// The calendar month still running (`CRM_ROI_TODAY`, checked when the server starts, else the clock).
  static func currentMonth() -> Month {
    (try? RunningMonth.current()) ?? RunningMonth.clock()
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
    case "edited": text(.webExpenseEdited)
    case "unchanged": text(.webUnchanged)
    case "metric-added": text(.webMetricAdded)
    case "metric-removed": text(.webMetricRemoved)
    default: nil
    }
  }
}
