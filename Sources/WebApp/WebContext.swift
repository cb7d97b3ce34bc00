import Hummingbird
import ROIEngine

/// What a request carries from the middleware to its page: the request as the app reads it (its
/// form or upload decoded by `BodyMiddleware`) and the visitor's page (language, session, CSRF
/// token, set by `SessionMiddleware`).
public struct WebContext: RequestContext {
  public var coreContext: CoreRequestContextStorage
  var request = WebRequest(method: "GET", path: "/")
  var page = Page(language: .en, csrf: "", session: "")

  public init(source: Source) { coreContext = .init(source: source) }

  /// Forms are decoded by Hummingbird's decoder, at most `WebApp.maximumForm` bytes.
  public var requestDecoder: URLEncodedFormDecoder { URLEncodedFormDecoder() }
  public var maxUploadSize: Int { WebApp.maximumForm }
}
