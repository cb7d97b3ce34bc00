import FlyingFox
import FlyingSocks
import Foundation
import ROIEngine

/// The web app behind FlyingFox: each connection in its own task, the app itself one request at a
/// time (it holds one SQLite connection; SQLite's own locks share the file with the command line).
public actor WebServer {
  let app: WebApp
  /// Bodies larger than this are refused with 413 before they are read.
  public let maximumBody: Int

  public init(databasePath: String, configuration: WebConfiguration, maximumBody: Int = 1 << 20) throws {
    app = try WebApp(databasePath: databasePath, configuration: configuration)
    self.maximumBody = maximumBody
  }

  public func handle(_ request: WebRequest) -> WebResponse { app.handle(request) }

  /// The port the socket was bound to, when any port was asked for: the `Host` check needs it.
  public func bound(port: Int) { app.configuration.port = port }

  /// An HTTP server on `host`:`port` (0: any free port) that hands requests to this app.
  public nonisolated func httpServer(host: String, port: UInt16) throws -> HTTPServer {
    let address: any SocketAddress = host.contains(":") ? try sockaddr_in6.inet6(ip6: host, port: port) : try sockaddr_in.inet(ip4: host, port: port)
    return HTTPServer(config: HTTPServer.Configuration(address: address, timeout: 15, logger: .disabled), handler: Handler(server: self))
  }

  struct Handler: HTTPHandler {
    let server: WebServer

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
      var headers: [String: String] = [:]
      for (name, value) in request.headers where headers[name.rawValue.lowercased()] == nil { headers[name.rawValue.lowercased()] = value }
      var query: [String: String] = [:]
      for item in request.query where query[item.name] == nil { query[item.name] = item.value }
      var form: [String: String] = [:]
      var tooLarge = false
      if request.method == .POST {
        if let length = Int(headers["content-length"] ?? "0"), length <= server.maximumBody, headers["transfer-encoding"] == nil {
          let body = try await request.bodyData
          if (headers["content-type"] ?? "").lowercased().hasPrefix("application/x-www-form-urlencoded") {
            form = WebRequest.fields(String(decoding: body, as: UTF8.self))
          }
        } else {
          tooLarge = true  // not read: the connection is closed after the answer
        }
      }
      var webRequest = WebRequest(method: request.method.rawValue, path: request.path, query: query, headers: headers, form: form)
      webRequest.hostCount = request.headers.values(for: .host).count
      webRequest.tooLarge = tooLarge
      if !request.target.rawValue.hasPrefix("/") { webRequest.path = request.target.rawValue }
      let response = await server.handle(webRequest)
      var responseHeaders = HTTPHeaders()
      for (name, value) in response.headers { responseHeaders.addValue(value, for: HTTPHeader(name)) }
      return HTTPResponse(statusCode: HTTPStatusCode(response.status, phrase: WebServer.phrase(response.status)), headers: responseHeaders, body: Data(response.body))
    }
  }

  static func phrase(_ status: Int) -> String {
    switch status {
    case 200: "OK"
    case 303: "See Other"  // no-catalogue: HTTP protocol text
    case 400: "Bad Request"  // no-catalogue: HTTP protocol text
    case 403: "Forbidden"
    case 404: "Not Found"  // no-catalogue: HTTP protocol text
    case 405: "Method Not Allowed"  // no-catalogue: HTTP protocol text
    case 413: "Content Too Large"  // no-catalogue: HTTP protocol text
    case 421: "Misdirected Request"  // no-catalogue: HTTP protocol text
    default: "Status"
    }
  }
}
