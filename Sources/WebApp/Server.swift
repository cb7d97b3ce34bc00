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
/// headers): each connection on the event loops, the app itself one request at a time (it holds
/// one SQLite connection; SQLite's own locks share the file with the command line).
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

  public func handle(_ request: WebRequest) -> WebResponse { app.handle(request) }

  /// Removes the upload folder and the previews it kept (at the server's end).
  public nonisolated func removeUploads() { folder.remove() }

  /// How many uploads may stream to disk at once; more are refused with 503.
  static let uploadsAtOnce = 4
  private var uploading = 0

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
    guard uploading < WebServer.uploadsAtOnce else { return .busy }
    uploading += 1
    return .accepted
  }

  func endUpload() { uploading -= 1 }

  /// The port the socket was bound to, when any port was asked for: the `Host` check needs it.
  public func bound(port: Int) { app.configuration.port = port }

  /// The application serving on `host`:`port` (0: any free port); `running` gets the bound port.
  public nonisolated func application(
    host: String, port: Int, running: @escaping @Sendable (Int) async -> Void
  ) -> some ApplicationProtocol {
    var logger = Logger(label: "crm-roi-serve")
    logger.logLevel = .critical
    return Application(
      responder: Responder(server: self),
      // A connection idle this long is closed: idle ones cannot pile up until no descriptor is left.
      server: .http1(configuration: .init(idleTimeout: .seconds(30))),
      configuration: ApplicationConfiguration(address: .hostname(host, port: port)),
      onServerRunning: { channel in
        let bound = channel.localAddress?.port ?? port
        await self.bound(port: bound)
        await running(bound)
      },
      logger: logger)
  }

  struct Responder: HTTPResponder {
    typealias Context = BasicRequestContext
    let server: WebServer

    func respond(to request: Request, context: Context) async throws -> Response {
      var headers: [String: String] = [:]
      for field in request.headers where headers[field.name.canonicalName] == nil { headers[field.name.canonicalName] = field.value }
      // HTTP/1's Host header arrives as the request's authority.
      if let authority = request.head.authority { headers["host"] = authority }
      // Decoded as a form is: `+` is a space, as browsers send it from a GET form.
      let query = WebRequest.fields(request.uri.query ?? "")
      var form: [String: String] = [:]
      var tooLarge = false
      var upload: UploadedFile?
      var uploadFailure: Int32?
      if request.method == .post, let boundary = Multipart.boundary(of: headers["content-type"] ?? "") {
        // Only a session the app knows (signed in, when a password is asked for), for this
        // server's Host, may write to disk, and only a few at once; else nothing is read.
        let cookie = WebRequest(method: "POST", path: "/", headers: headers).cookies[Sessions.cookie]
        guard await server.allows(host: headers["host"]) else { return Self.bare(.misdirectedRequest) }
        switch await server.startUpload(session: cookie) {
        case .accepted: break
        case .busy: return Self.bare(.serviceUnavailable, [HTTPField(name: .retryAfter, value: "5")])
        case .unknownSession:
          // The body unread: the app's own refusal (an expired form, or the sign-in first).
          var refused = WebRequest(method: "POST", path: request.uri.path, headers: headers)
          refused.form = [:]
          return Self.response(await server.handle(refused), closing: true)
        }
        do {
          (form, upload, tooLarge) = try await receive(request.body, boundary: boundary)
        } catch UploadError.cannotWrite(_, let error) {
          uploadFailure = error
        } catch {
          await server.endUpload()
          throw error
        }
        await server.endUpload()
      } else if request.method == .post {
        do {
          let body = try await request.body.collect(upTo: server.maximumBody)
          if (headers["content-type"] ?? "").lowercased().hasPrefix("application/x-www-form-urlencoded") {
            form = WebRequest.fields(String(buffer: body))
          }
        } catch {
          tooLarge = true
        }
      }
      var webRequest = WebRequest(method: request.method.rawValue, path: request.uri.path, query: query, headers: headers, form: form)
      webRequest.tooLarge = tooLarge
      webRequest.upload = upload
      webRequest.uploadFailure = uploadFailure
      if request.method == .post, request.uri.path == "/login", let hash = await server.hashToCheck() {
        let given = form["password"] ?? ""
        // bcrypt reads 72 bytes and stops at a NUL: a longer password, or one with a NUL, would
        // match on its start alone. --hash-password refuses them, so none can be right.
        webRequest.passwordMatches = PasswordFile.bcryptTakes(given)
          ? await Self.offTheLoops { Bcrypt.verify(given, hash: hash) } : false
      }
      return Self.response(await server.handle(webRequest))
    }

    /// Runs `work` (bcrypt: a quarter of a second by design) on a thread of its own, neither on the
    /// event loops nor on Swift's few shared threads, which every other request needs.
    static func offTheLoops<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
      await withCheckedContinuation { continuation in
        Thread { continuation.resume(returning: work()) }.start()
      }
    }

    /// A refusal before the app is asked (no body read): closing, with every security header.
    static func bare(_ status: HTTPResponse.Status, _ extra: [HTTPField] = []) -> Response {
      var fields = HTTPFields(extra + [HTTPField(name: .connection, value: "close")])
      for (name, value) in WebResponse.securityHeaders {
        if let field = HTTPField.Name(name) { fields.append(HTTPField(name: field, value: value)) }
      }
      return Response(status: status, headers: fields)
    }

    static func response(_ response: WebResponse, closing: Bool = false) -> Response {
      var fields = HTTPFields()
      if closing { fields.append(HTTPField(name: .connection, value: "close")) }
      for (name, value) in response.headers {
        if let field = HTTPField.Name(name) { fields.append(HTTPField(name: field, value: value)) }
      }
      return Response(status: .init(code: response.status), headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: response.body)))
    }

    /// Streams an upload to an owner-only file as it arrives (never whole in memory), stopping past
    /// the limit; then splits it into its fields and its file. A malformed body gives no file.
    private func receive(_ body: RequestBody, boundary: String) async throws -> (fields: [String: String], file: UploadedFile?, tooLarge: Bool) {
      let (raw, descriptor) = try server.folder.create()
      defer { unlink(raw) }
      var total = 0
      do {
        defer { close(descriptor) }
        for try await chunk in body {
          total += chunk.readableBytes
          if total > server.maximumUpload { return ([:], nil, true) }
          if let failure = chunk.withUnsafeReadableBytes({ writeAll($0, to: descriptor) }) {
            throw UploadError.cannotWrite(path: raw, errno: failure)
          }
        }
      }
      // Splitting and hashing read the whole file: on a thread of their own, not Swift's few
      // shared ones, which every other request needs.
      let (folder, key) = (server.folder, server.uploadKey)
      let split = await withCheckedContinuation { continuation in
        // A thread of its own: on Linux, Dispatch's global queues are Swift concurrency's threads.
        Thread {
          continuation.resume(returning: Result { try Multipart.split(raw: raw, boundary: boundary, folder: folder, key: key) })
        }.start()
      }
      do {
        let (fields, file) = try split.get()
        return (fields, file, false)
      } catch UploadError.malformed {
        return ([:], nil, false)
      }
    }
  }
}
