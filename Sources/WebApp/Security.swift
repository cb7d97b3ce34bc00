/// What the server allows: the hosts it answers to, whether changes are allowed.
public struct WebConfiguration: Sendable {
  /// The names a request's `Host` header may give, with `port` (`127.0.0.1:8765`, `localhost:8765`, …).
  public var hostNames: Set<String>
  /// The port served: 0 until the socket is bound, when any port was asked for.
  public var port: Int
  public var readOnly: Bool
  /// `--lang`, when given: it decides the pages' language before the environment and the database.
  public var language: String?
  /// The environment's language variables (`CRM_ROI_LANG`, `LC_ALL`, …), read once at start.
  public var environment: [String: String]

  public init(host: String, port: Int, extraHosts: [String] = [], readOnly: Bool = false, language: String? = nil, environment: [String: String] = [:]) {
    let local = ["127.0.0.1", "localhost", "[::1]"] + (["127.0.0.1", "localhost", "::1"].contains(host) ? [] : [host])
    hostNames = Set((local + extraHosts).map { $0.lowercased() })
    self.port = port
    self.readOnly = readOnly
    self.language = language
    self.environment = environment
  }

  /// Whether a `Host` header names this server: DNS rebinding sends another name.
  public func allows(host: String?) -> Bool {
    guard let host, let colon = host.lastIndex(of: ":"), host[host.index(after: colon)...] == "\(port)" else { return false }
    return hostNames.contains(host[..<colon].lowercased())
  }
}

/// The browser sessions: a random 256-bit id in an `HttpOnly`, `SameSite=Strict` cookie, and each
/// session's CSRF token, which every POST form carries in its `csrf_token` field.
struct Sessions {
  static let cookie = "crm_roi_session"
  /// At most this many sessions are kept; the oldest goes first (a request without a cookie makes one).
  static let limit = 10_000
  private var tokens: [String: String] = [:]
  private var order: [String] = []

  /// The session `request` belongs to, and its CSRF token; a new one when it has none.
  mutating func session(for request: WebRequest) -> (id: String, csrf: String, isNew: Bool) {
    if let id = request.cookies[Sessions.cookie], let csrf = tokens[id] { return (id, csrf, false) }
    let id = Sessions.randomToken()
    let csrf = Sessions.randomToken()
    tokens[id] = csrf
    order.append(id)
    if order.count > Sessions.limit {
      let dropped = order.count - Sessions.limit
      for old in order.prefix(dropped) { tokens[old] = nil }
      order.removeFirst(dropped)
    }
    return (id, csrf, true)
  }

  /// Whether `token` is the CSRF token of session `id`, compared in constant time.
  func accepts(id: String?, token: String?) -> Bool {
    guard let id, let token, let expected = tokens[id], expected.utf8.count == token.utf8.count else { return false }
    return zip(expected.utf8, token.utf8).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
  }

  /// 32 random bytes from the system's generator (getrandom), as 64 hex digits.
  static func randomToken() -> String {
    var generator = SystemRandomNumberGenerator()
    var text = ""
    for _ in 0..<4 {
      let word = generator.next() as UInt64
      let hex = String(word, radix: 16)
      text += String(repeating: "0", count: 16 - hex.count) + hex
    }
    return text
  }

  static func setCookie(_ id: String) -> (String, String) {
    ("Set-Cookie", "\(cookie)=\(id); Path=/; HttpOnly; SameSite=Strict")  // no-catalogue: HTTP protocol text
  }
}

extension WebResponse {
  /// The headers every response carries: no script at all, no framing, no sniffing, no referrer.
  static let securityHeaders: [(String, String)] = [
    ("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("X-Frame-Options", "DENY"),
    ("Cache-Control", "no-store"),
  ]
}
