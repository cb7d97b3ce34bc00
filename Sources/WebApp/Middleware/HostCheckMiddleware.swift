import Hummingbird

/// 421 to a request whose `Host` is not this server's (DNS rebinding sends another name), before
/// its body is read. HTTP/1's Host header arrives as the request's authority.
struct HostCheckMiddleware: RouterMiddleware {
  typealias Context = WebContext
  let server: WebServer

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
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
