import Hummingbird

/// A POST is heard only with its session's CSRF token (`csrf_token`), and not at all by a
/// read-only server but to sign in or out. An upload that could not be kept has its own page,
/// before the token check: its fields are lost with it.
struct CSRFMiddleware: RouterMiddleware {
  typealias Context = WebContext
  let server: WebServer

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
    guard request.method == .post else { return try await next(request, context) }
    let signing = ["/login", "/logout"].contains(context.request.path)
    if let refusal = await server.refusesPost(context.request, context.page, signing: signing) { return WebServer.response(refusal) }
    return try await next(request, context)
  }
}

/// The pages behind the password (when one is asked for): a GET is sent to sign in first, a POST
/// refused; a read-only server serves only the dashboard and the exports.
struct SignInMiddleware: RouterMiddleware {
  typealias Context = WebContext
  let server: WebServer

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
    if let refusal = await server.refusesPage(context.request, context.page) { return WebServer.response(refusal) }
    return try await next(request, context)
  }
}
