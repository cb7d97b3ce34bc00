import HTTPTypes
import Hummingbird

/// The visitor's page: their session when the request has one the app knows, their language and
/// navigation. A new session (and its cookie) is made only where a form needs one (`creating`, on
/// the routes whose pages have forms): a visitor who only reads, or a crawler, makes none, and so
/// never pushes out the session of someone at work.
struct SessionMiddleware: RouterMiddleware {
  typealias Context = WebContext
  let server: WebServer
  var creating = false

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
    var context = context
    if creating, !context.page.session.isEmpty { return try await next(request, context) }
    let (page, isNew) = await server.page(for: context.request, creating: creating)
    context.page = page
    var response = try await next(request, context)
    if isNew {
      let (name, value) = Sessions.setCookie(page.session)
      if let field = HTTPField.Name(name) { response.headers.append(HTTPField(name: field, value: value)) }
    }
    return response
  }
}
