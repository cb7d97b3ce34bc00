import HTTPTypes
import Hummingbird

/// 421 to a request whose `Host` is not this server's (DNS rebinding sends another name), before
/// its body is read; 400 to one with two; 405 to a method the app has no use for. HTTP/1's Host
/// header arrives as the request's authority.
struct HostCheckMiddleware: RouterMiddleware {
  typealias Context = WebContext
  let server: WebServer
  static let host = HTTPField.Name("Host")!  // no-catalogue: a header's name

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
    // A second Host (the first became the authority) is a request smuggled past the check: 400, as HTTP/1.1 says.
    guard request.headers[values: HostCheckMiddleware.host].isEmpty else { return Response(status: .badRequest, headers: [.connection: "close"]) }
    guard await server.allows(host: request.head.authority) else {
      return Response(
        status: .misdirectedRequest, headers: [.contentType: "text/plain; charset=utf-8", .connection: "close"],  // no-catalogue: HTTP protocol text
        body: ResponseBody(byteBuffer: ByteBuffer(string: "421 Misdirected Request\n")))  // no-catalogue: HTTP protocol text
    }
    guard request.method == .get || request.method == .head || request.method == .post else {
      return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD, POST"])  // no-catalogue: HTTP protocol text
    }
    return try await next(request, context)
  }
}
