import HTTPTypes
import Hummingbird

/// The visitor's session (a new one, with its cookie, when the request has none the app knows),
/// their language and the page they are served in.
struct SessionMiddleware: RouterMiddleware {
  typealias Context = WebContext
  let server: WebServer

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
    var context = context
    let (page, isNew) = await server.page(for: context.request)
    context.page = page
    var response = try await next(request, context)
    if isNew {
      let (name, value) = Sessions.setCookie(page.session)
      if let field = HTTPField.Name(name) { response.headers.append(HTTPField(name: field, value: value)) }
    }
    return response
  }
}
