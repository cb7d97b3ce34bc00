/// A request as the web app reads it: method, path, query and form fields, headers by lower-case
/// name. Independent of the HTTP server, so that the app is tested without a socket too.
public struct WebRequest: Sendable {
  public var method: String
  public var path: String
  public var query: [String: String]
  public var headers: [String: String]
  /// The fields of an `application/x-www-form-urlencoded` body.
  public var form: [String: String]
  /// A body over the server's limit: refused with 413, unread.
  public var tooLarge = false
  /// The file a `multipart/form-data` form sent, kept in the upload folder.
  var upload: UploadedFile?
  /// The system's error when the upload could not be written (a full disk): refused with 507.
  var uploadFailure: Int32?
  /// For `POST /login`: whether the password sent matches the hash, checked by bcrypt off the event
  /// loops and the app; nil when it was not checked (no password asked, or the throttle said wait).
  var passwordMatches: Bool?

  public init(method: String, path: String, query: [String: String] = [:], headers: [String: String] = [:], form: [String: String] = [:]) {
    self.method = method
    self.path = path
    self.query = query
    self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
    self.form = form
  }

  /// The app's cookies the client sent (the session's and the language's), by name, as
  /// Hummingbird's `Cookies` read them.
  public var cookies: [String: String] = [:]
  /// Whether the connection is closed after the answer (an upload refused unread).
  var closing = false
}

extension Substring {
  func trimmingCharacters() -> String {
    String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}

/// A response: status, headers, body.
public struct WebResponse: Sendable {
  public var status: Int
  public var headers: [(String, String)]
  public var body: [UInt8]

  public init(status: Int = 200, headers: [(String, String)] = [], body: [UInt8] = []) {
    self.status = status
    self.headers = headers
    self.body = body
  }

  public static func html(_ text: String, status: Int = 200) -> WebResponse {
    WebResponse(status: status, headers: [("Content-Type", "text/html; charset=utf-8")], body: Array(text.utf8))  // no-catalogue: HTTP protocol text
  }

  /// 303 See Other: after a change, the browser loads `location` with GET.
  public static func redirect(to location: String) -> WebResponse {
    WebResponse(status: 303, headers: [("Location", location)])
  }

  public func header(_ name: String) -> String? {
    headers.first { $0.0.lowercased() == name.lowercased() }?.1
  }

  public var text: String { String(decoding: body, as: UTF8.self) }
}
