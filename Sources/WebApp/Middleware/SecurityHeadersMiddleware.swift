import HTTPTypes
import Hummingbird

/// Every response carries the security headers (no script, no framing, no caching, no referrer),
/// a refusal or an error included: the outermost middleware.
struct SecurityHeadersMiddleware: RouterMiddleware {
  typealias Context = WebContext

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
    var response: Response
    do {
      response = try await next(request, context)
    } catch let error as any HTTPResponseError {
      response = try error.response(from: request, context: context)
    }
    for (name, value) in WebResponse.securityHeaders {
      if let field = HTTPField.Name(name) { response.headers[field] = value }
    }
    return response
  }
}
