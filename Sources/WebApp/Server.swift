import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdBcrypt
import Logging
import NIOCore
import ROIEngine
import Storage
import Support

#if canImport(Glibc)
  import Glibc
#endif

/// The web app behind Hummingbird (SwiftNIO's HTTP/1 parser, with its limits on lines and
/// headers; its router and middleware, see `router()`): each connection on the event loops, the
/// app itself one request at a time (it holds one SQLite connection; SQLite's own locks share the
/// file with the command line).
public actor WebServer {
  let app: WebApp
  /// Form bodies larger than this are refused with 413.
  public let maximumBody: Int
  /// Uploads (`multipart/form-data`) larger than this are refused with 413: `--max-upload`.
  public let maximumUpload: Int
  /// Where uploads are written as they arrive, and kept until confirmed.
  nonisolated let folder: UploadFolder
  /// The key of the hash that tells whether a kept upload changed.
  nonisolated let uploadKey: SipHash24

  public init(
    databasePath: String, configuration: WebConfiguration, maximumBody: Int = WebApp.maximumForm, maximumUpload: Int = 200_000_000
  ) throws {
    folder = try UploadFolder()
    var generator = SystemRandomNumberGenerator()
    uploadKey = SipHash24(key: (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) })
    app = try WebApp(databasePath: databasePath, configuration: configuration, uploads: folder, uploadKey: uploadKey)
    app.maximumUpload = maximumUpload
    self.maximumBody = maximumBody
    self.maximumUpload = maximumUpload
  }

  /// Removes the upload folder and the previews it kept (at the server's end).
  public nonisolated func removeUploads() { folder.remove() }

  /// How many uploads may stream to disk at once; more are refused with 503.
  static let uploadsAtOnce = 4
  /// The sessions whose upload is arriving.
  private var uploading: Set<String> = []

  func allows(host: String?) -> Bool { app.configuration.allows(host: host) }

  /// The hash a sign-in is checked against, when a password is asked for and the throttle lets
  /// the attempt be heard now.
  func hashToCheck() -> String? {
    guard let hash = app.configuration.passwordHash, app.throttle.wait(now: .now) == nil else { return nil }
    return hash
  }

  /// Whether an upload may start: from a session the app knows (signed in, when a password is
  /// asked for), under `uploadsAtOnce`.
  enum UploadStart { case accepted, unknownSession, busy }

  func startUpload(session: String?) -> UploadStart {
    guard let session, app.sessions.knows(session), app.configuration.passwordHash == nil || app.sessions.isSignedIn(session) else {
      return .unknownSession
    }
    // One at a time per session, a few at once in all: slow uploads cannot take every slot.
    guard uploading.count < WebServer.uploadsAtOnce, !uploading.contains(session) else { return .busy }
    uploading.insert(session)
    return .accepted
  }

  func endUpload(session: String?) { if let session { uploading.remove(session) } }

  /// The port the socket was bound to, when any port was asked for: the `Host` check needs it.
  public func bound(port: Int) { app.configuration.port = port }

  /// Runs `body` on the app, one request at a time; the running month is read for each.
  func run(_ body: @Sendable (WebApp) -> WebResponse) -> WebResponse {
    app.store.runningMonth = WebApp.currentMonth()
    return body(app)
  }

  /// The visitor's page: their session (none when they have none and `creating` is false; a new
  /// one when it is true), language and navigation.
  func page(for request: WebRequest, creating: Bool) -> (page: Page, isNew: Bool) {
    let session = creating
      ? app.sessions.session(for: request)
      : app.sessions.existing(for: request).map { (id: $0.id, csrf: $0.csrf, isNew: false) } ?? (id: "", csrf: "", isNew: false)
    let page = Page(
      language: app.language(for: request), csrf: session.csrf, session: session.id, tabs: Page.tabs(readOnly: app.configuration.readOnly),
      signsOut: app.configuration.passwordHash != nil)
    return (page, session.isNew)
  }

  /// Why a POST is not heard, or nil; a heard one marks its session as used and drops the kept dashboard.
  func refusesPost(_ request: WebRequest, _ page: Page, signing: Bool) -> WebResponse? {
    if app.configuration.readOnly, !signing { return app.refusal(.webReadOnly, page) }
    if let failure = request.uploadFailure { return app.uploadNotKept(failure, page) }
    guard app.sessions.accepts(id: request.cookies[Sessions.cookie], token: request.form["csrf_token"]) else {
      return app.refusal(.webBadToken, page)
    }
    app.sessions.markUsed(page.session)
    // This connection's own commits leave `PRAGMA data_version` as it was.
    app.dashboardCache = nil
    return nil
  }

  /// Why a page is not served to this visitor, or nil: not signed in, or not served read-only.
  func refusesPage(_ request: WebRequest, _ page: Page) -> WebResponse? {
    let signedIn = app.configuration.passwordHash == nil || app.sessions.isSignedIn(page.session)
    if request.method == "POST" { return signedIn ? nil : app.refusal(.webSignInFirst, page) }
    if !signedIn { return .redirect(to: "/login?next=" + formEncoded(request.path)) }
    if app.configuration.readOnly, !Page.readOnlyPaths.contains(where: { request.path == $0 || request.path.hasPrefix($0 + "/") }) {
      return app.refusal(.webReadOnlyPage, page)
    }
    return nil
  }

  /// 413, in the visitor's language, closing the connection.
  func tooLarge(_ request: WebRequest) -> Response { WebServer.response(app.tooLarge(request), closing: true) }

  /// Removes an upload that no preview kept (refused, or a bad file).
  func removeUnlessKept(_ path: String) {
    if !app.pendingImports.values.contains(where: { $0.file.path == path }) { unlink(path) }
  }

  /// Runs `work` (bcrypt, splitting an upload) on a thread of its own, neither on the event loops
  /// nor on Swift's few shared threads, which every other request needs.
  static func offTheLoops<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
      Thread { continuation.resume(returning: work()) }.start()
    }
  }

  static func response(_ response: WebResponse, closing: Bool = false) -> Response {
    var fields = HTTPFields()
    if closing { fields.append(HTTPField(name: .connection, value: "close")) }
    for (name, value) in response.headers {
      if let field = HTTPField.Name(name) { fields.append(HTTPField(name: field, value: value)) }
    }
    return Response(status: .init(code: response.status), headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: response.body)))
  }

  /// The application serving on `host`:`port` (0: any free port); `running` gets the bound port.
  public nonisolated func application(
    host: String, port: Int, running: @escaping @Sendable (Int) async -> Void
  ) -> some ApplicationProtocol {
    var logger = Logger(label: "crm-roi-serve")
    logger.logLevel = .critical
    return Application(
      router: router(),
      // A connection idle this long is closed: idle ones cannot pile up until no descriptor is left.
      // The parser's own 400 gets the security headers too (`SecurityHeadersHandler`).
      server: .http1(configuration: .init(additionalChannelHandlers: [SecurityHeadersHandler()], idleTimeout: .seconds(30))),
      configuration: ApplicationConfiguration(address: .hostname(host, port: port)),
      onServerRunning: { channel in
        let bound = channel.localAddress?.port ?? port
        await self.bound(port: bound)
        await running(bound)
      },
      logger: logger)
  }
}
