import Hummingbird
import NIOCore

#if canImport(Glibc)
  import Glibc
#endif

/// Reads what a request sent into the app's `WebRequest`: its query and form decoded by
/// Hummingbird's `URLEncodedFormDecoder`, its cookies by Hummingbird's `Cookies`, an upload
/// (`multipart/form-data`) streamed to an owner-only file (`UploadReceiver`). A body over the
/// limit is refused with 413, unread; an upload no preview kept is removed, whatever the answer.
struct BodyMiddleware: RouterMiddleware {
  typealias Context = WebContext
  let server: WebServer

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
    var context = context
    var sent = try WebRequest(request)
    if request.method == .post, let boundary = Multipart.boundary(of: request.headers[.contentType] ?? "") {
      switch await UploadReceiver(server: server).receive(request.body, boundary: boundary, session: sent.cookies[Sessions.cookie]) {
      case .refused(let response): return response
      case .unknownSession:
        // The body unread: the app's own refusal (an expired form, or the sign-in first).
        sent.form = [:]
        sent.closing = true
      case .received(let form, let upload, let tooLarge):
        (sent.form, sent.upload, sent.tooLarge) = (form, upload, tooLarge)
      case .failed(let error): sent.uploadFailure = error
      }
    } else if request.method == .post {
      do {
        let body = try await request.body.collect(upTo: context.maxUploadSize)
        if (request.headers[.contentType] ?? "").lowercased().hasPrefix("application/x-www-form-urlencoded") {
          sent.form = try WebRequest.decoded(String(buffer: body))
        }
      } catch is NIOTooManyBytesError {
        sent.tooLarge = true
      } catch let error as HTTPError where error.status == .contentTooLarge {
        sent.tooLarge = true
      }
    }
    context.request = sent
    if sent.tooLarge { return await server.tooLarge(sent) }
    var response: Response
    do {
      response = try await next(request, context)
    } catch {
      if let upload = sent.upload { await server.removeUnlessKept(upload.path) }
      throw error
    }
    if let upload = sent.upload { await server.removeUnlessKept(upload.path) }
    if sent.closing { response.headers[.connection] = "close" }
    return response
  }
}

extension WebRequest {
  /// The request as the app reads it: method, path, query (decoded as a form is: `+` is a space),
  /// headers by lower-case name (the first of each), the app's cookies.
  init(_ request: Request) throws {
    var headers: [String: String] = [:]
    for field in request.headers where headers[field.name.canonicalName] == nil { headers[field.name.canonicalName] = field.value }
    if let authority = request.head.authority { headers["host"] = authority }
    self.init(method: request.method.rawValue, path: request.uri.path, query: try WebRequest.decoded(request.uri.query ?? ""), headers: headers)
    let cookies = request.cookies
    for name in [Sessions.cookie, WebApp.languageCookie] { self.cookies[name] = cookies[name]?.value }
  }

  /// `a=1&b=x%20y` as fields, by Hummingbird's form decoder; a malformed or repeated field is a 400.
  static func decoded(_ text: String) throws -> [String: String] {
    guard !text.isEmpty else { return [:] }
    do {
      return try URLEncodedFormDecoder().decode([String: String].self, from: text)
    } catch {
      throw HTTPError(.badRequest)
    }
  }
}
