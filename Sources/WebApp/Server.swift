import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ROIEngine

/// The web app behind Hummingbird (SwiftNIO's HTTP/1 parser, with its limits on lines and
/// headers): each connection on the event loops, the app itself one request at a time (it holds
/// one SQLite connection; SQLite's own locks share the file with the command line).
public actor WebServer {
  let app: WebApp
  /// Bodies larger than this are refused with 413.
  public let maximumBody: Int

  public init(databasePath: String, configuration: WebConfiguration, maximumBody: Int = 1 << 20) throws {
    app = try WebApp(databasePath: databasePath, configuration: configuration)
    self.maximumBody = maximumBody
  }

  public func handle(_ request: WebRequest) -> WebResponse { app.handle(request) }

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
      var query: [String: String] = [:]
      for (name, value) in request.uri.queryParameters where query[String(name)] == nil { query[String(name)] = String(value) }
      var form: [String: String] = [:]
      var tooLarge = false
      if request.method == .post {
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
      let response = await server.handle(webRequest)
      var fields = HTTPFields()
      for (name, value) in response.headers {
        if let field = HTTPField.Name(name) { fields.append(HTTPField(name: field, value: value)) }
      }
      return Response(status: .init(code: response.status), headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: response.body)))
    }
  }
}
