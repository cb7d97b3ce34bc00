import Reports
import Interchange
import ROIEngine
import Storage
import Support

#if canImport(Glibc)
  import Glibc
#endif

/// The web app over one database: its pages and what they change, each request already checked
/// by the middleware (`Routes.swift`). Reads and writes go through the same store, rules and audit
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

  /// 413: a form or an upload over the limit, refused unread.
  func tooLarge(_ request: WebRequest) -> WebResponse {
    let page = Page(language: language(for: request), csrf: "", session: "")
    let upload = request.upload != nil || request.headers["content-type"]?.lowercased().hasPrefix("multipart/") == true
    let limit = PeopleFormat(page.language).localised(WebApp.megabytes(upload ? maximumUpload : WebApp.maximumForm))
    let detail = page.text(upload ? .webTooLargeDetail : .webFormTooLarge, ["limit": limit])
    return .html(page.render(title: page.text(.webTooLarge), active: "", problem(detail)), status: 413)
  }

  /// 507: the upload could not be written (a full disk); its fields are lost with it.
  func uploadNotKept(_ failure: Int32, _ page: Page) -> WebResponse {
    let reason = Phrase.system(failure, String(cString: strerror(failure))).text(page.language)
    return .html(page.render(title: page.text(.webError), active: "", problem(page.text(.webUploadNotKept, ["reason": reason]))), status: 507)
  }

  /// 403, with the reason.
  func refusal(_ reason: Message, _ page: Page) -> WebResponse {
    .html(page.render(title: page.text(.webRefused), active: "", problem(page.text(reason))), status: 403)
  }

  /// 404.
  func notFound(_ page: Page) -> WebResponse {
    .html(page.render(title: page.text(.webNotFound), active: "", ""), status: 404)
  }

  /// A field's error as the page's reader typed it (`12,345` on a French page, with its form said
  /// with a decimal comma).
  func said(_ error: ValueError, _ page: Page, typed: String?) -> String {
    error.said(typedIn: page.language, typed: typed).text(page.language)
  }

  /// A problem, said in one line.
  func problem(_ text: String) -> String { "<p class=\"problem\" role=\"alert\">\(escape(text))</p>" }

  /// A page saying what went wrong, in one line, as the command line would.
  func failure(_ error: Error, _ page: Page) -> WebResponse {
    .html(page.render(title: page.text(.webError), active: "", problem(Phrase(error: error).text(page.language))), status: 400)
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
  func switchLanguage(_ code: String, _ request: WebRequest) -> WebResponse {
    guard let chosen = Language(rawValue: code) else {
      return notFound(Page(language: language(for: request), csrf: "", session: ""))
    }
    var response = WebResponse.redirect(to: WebApp.localPath(request.query["next"]))
    response.headers.append(("Set-Cookie", "\(WebApp.languageCookie)=\(chosen.rawValue); Path=/; Max-Age=31536000; SameSite=Lax"))  // no-catalogue: HTTP protocol text
    return response
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
