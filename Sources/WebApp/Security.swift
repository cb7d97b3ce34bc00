/// What the server allows: the hosts it answers to, whether changes are allowed.
public struct WebConfiguration: Sendable {
  /// The names a request's `Host` header may give with the port served (`127.0.0.1:8765`,
  /// `localhost:8765`, …; without a port when that is 80, the scheme's default).
  public var hostNames: Set<String>
  /// `--allowed-host` entries, lower-cased, matched as written: `NAME` takes the name without a port
  /// or with a scheme's default (80, 443), what a reverse proxy forwards; `NAME:PORT` takes that pair.
  public var allowedHosts: Set<String>
  /// The port served: 0 until the socket is bound, when any port was asked for.
  public var port: Int
  public var readOnly: Bool
  /// The bcrypt hash `--password-file` holds: when set, every page but the login form asks for the
  /// password. The password itself is never stored.
  public var passwordHash: String?
  /// `--lang`, when given: it decides the pages' language before the environment and the database.
  public var language: String?
  /// The environment's language variables (`CRM_ROI_LANG`, `LC_ALL`, …), read once at start.
  public var environment: [String: String]

  public init(
    host: String, port: Int, extraHosts: [String] = [], readOnly: Bool = false, passwordHash: String? = nil, language: String? = nil,
    environment: [String: String] = [:]
  ) {
    self.passwordHash = passwordHash
    let local = ["127.0.0.1", "localhost", "[::1]"] + (["127.0.0.1", "localhost", "::1"].contains(host) ? [] : [host])
    hostNames = Set(local.map { $0.lowercased() })
    allowedHosts = Set(extraHosts.map { $0.lowercased() })
    self.port = port
    self.readOnly = readOnly
    self.language = language
    self.environment = environment
  }

  /// Whether a `Host` header names this server: DNS rebinding sends another name. A Host without a
  /// port means the scheme's default (80).
  public func allows(host: String?) -> Bool {
    guard let host, let (name, givenPort) = WebConfiguration.split(host: host.lowercased()) else { return false }
    if hostNames.contains(name), (givenPort ?? 80) == port { return true }
    if allowedHosts.contains(givenPort.map { "\(name):\($0)" } ?? name) { return true }
    return allowedHosts.contains(name) && [nil, 80, 443].contains(givenPort)
  }

  /// `name[:port]`, `[v6]` or `[v6]:port`; nil for anything else (an empty name, a port that is not 1–65535).
  public static func split(host: String) -> (name: String, port: Int?)? {
    var name = Substring(host)
    var port: Int?
    if let colon = host.lastIndex(of: ":"), !host.hasPrefix("[") || host[..<colon].hasSuffix("]") {
      guard let number = Int(host[host.index(after: colon)...]), (1...65_535).contains(number),
        host[host.index(after: colon)...].allSatisfy({ $0.isASCII && $0.isNumber }), host[host.index(after: colon)...].first != "0"
      else { return nil }
      (name, port) = (host[..<colon], number)
    }
    return name.isEmpty ? nil : (String(name), port)
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
  /// The sessions that gave the password (at most `limit`: signing in past it pushes out the oldest).
  private var signedIn: Set<String> = []
  /// The sessions that have sent a form with their token: someone is at work in them.
  private var used: Set<String> = []

  /// The session `request` belongs to, and its CSRF token; a new one when it has none.
  mutating func session(for request: WebRequest) -> (id: String, csrf: String, isNew: Bool) {
    if let id = request.cookies[Sessions.cookie], let csrf = tokens[id] { return (id, csrf, false) }
    let id = Sessions.randomToken()
    let csrf = Sessions.randomToken()
    tokens[id] = csrf
    order.append(id)
    if order.count > Sessions.limit {
      // The oldest session never used for a form goes first: requests without a cookie (10,000 of
      // them, a crawler or an attacker) never push out one that signed in or sent a form.
      let oldest = order.firstIndex { !signedIn.contains($0) && !used.contains($0) } ?? order.firstIndex { !signedIn.contains($0) } ?? 0
      tokens[order[oldest]] = nil
      signedIn.remove(order[oldest])
      used.remove(order[oldest])
      order.remove(at: oldest)
    }
    return (id, csrf, true)
  }

  /// The session `request` belongs to, when the app knows it.
  func existing(for request: WebRequest) -> (id: String, csrf: String)? {
    guard let id = request.cookies[Sessions.cookie], let csrf = tokens[id] else { return nil }
    return (id, csrf)
  }

  func isSignedIn(_ id: String) -> Bool { signedIn.contains(id) }

  func knows(_ id: String) -> Bool { tokens[id] != nil }

  /// After the right password: a new session (its id never the one used before signing in), signed in.
  mutating func signIn(replacing old: String) -> (id: String, csrf: String) {
    end(old)
    let (id, csrf, _) = session(for: WebRequest(method: "GET", path: "/"))
    signedIn.insert(id)
    return (id, csrf)
  }

  mutating func end(_ id: String) {
    (tokens[id], signedIn) = (nil, signedIn.subtracting([id]))
    used.remove(id)
    order.removeAll { $0 == id }
  }

  /// A form came with the session's right token: kept over sessions never used.
  mutating func markUsed(_ id: String) { if tokens[id] != nil { used.insert(id) } }

  /// Whether `token` is the CSRF token of session `id`, compared in constant time.
  func accepts(id: String?, token: String?) -> Bool {
    guard let id, let token, let expected = tokens[id] else { return false }
    return Sessions.same(expected, token)
  }

  /// Whether two texts are equal, in a time that depends on their lengths only.
  static func same(_ expected: String, _ given: String) -> Bool {
    guard expected.utf8.count == given.utf8.count else { return false }
    return zip(expected.utf8, given.utf8).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
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

/// Failed logins slowed after `free` of them: each further attempt must wait twice as long as the
/// one before (1 s, 2 s, 4 s … up to a minute), and is refused with 429 before then. The right
/// password resets it.
struct LoginThrottle {
  static let free = 5
  static let longestWait: Duration = .seconds(60)
  private(set) var failures = 0
  private var waitUntil: ContinuousClock.Instant?

  /// How long to wait before the next attempt is heard, if it is too early.
  func wait(now: ContinuousClock.Instant) -> Duration? {
    guard let waitUntil, now < waitUntil else { return nil }
    return now.duration(to: waitUntil)
  }

  mutating func failed(now: ContinuousClock.Instant) {
    failures += 1
    guard failures >= LoginThrottle.free else { return }
    let doubling = min(failures - LoginThrottle.free, 6)
    waitUntil = now + min(.seconds(1 << doubling), LoginThrottle.longestWait)
  }

  mutating func succeeded() { (failures, waitUntil) = (0, nil) }
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

/// What a `--password-file` holds: one line, a bcrypt hash (`crm-roi serve --hash-password` makes
/// it), ended by LF or CRLF (a file saved on Windows). Lines are split on bytes: in Swift "\r\n" is
/// one Character, which a split on "\n" misses.
public enum PasswordFile: Equatable, Sendable {
  case hash(String)
  case empty
  /// More than one line with text: which is the hash cannot be told, so none is taken.
  case severalLines
  /// One line that is not a bcrypt hash (a password in plain text, as older versions took).
  case notAHash

  /// Whether bcrypt takes `password` whole: 1 to 72 bytes, no NUL.
  public static func bcryptTakes(_ password: String) -> Bool {
    (1...72).contains(password.utf8.count) && !password.utf8.contains(0)
  }

  /// The costs a hash may have: 4 (the tests') to 16 (a few seconds a sign-in); a higher one would
  /// make every sign-in hang for minutes.
  public static let costs = 4...16

  public init(text: String) {
    let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
      String(decoding: line.last == UInt8(ascii: "\r") ? line.dropLast() : line, as: UTF8.self)
    }
    let written = lines.filter { !$0.isEmpty }
    if written.count > 1 {
      self = .severalLines
    } else if let first = lines.first, !first.isEmpty {
      self = PasswordFile.isBcrypt(first) ? .hash(first) : .notAHash
    } else {
      self = .empty
    }
  }

  /// `$2a$`, `$2b$` or `$2y$`, a two-digit cost in `costs`, then 53 characters of bcrypt's base 64.
  static func isBcrypt(_ line: String) -> Bool {
    let bytes = Array(line.utf8)
    guard bytes.count == 60, bytes[0] == UInt8(ascii: "$"), bytes[1] == UInt8(ascii: "2"),
      [UInt8(ascii: "a"), UInt8(ascii: "b"), UInt8(ascii: "y")].contains(bytes[2]), bytes[3] == UInt8(ascii: "$"),
      bytes[6] == UInt8(ascii: "$"), let cost = Int(String(decoding: bytes[4..<6], as: UTF8.self)), costs.contains(cost)
    else { return false }
    return bytes[7...].allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 | 0x20 >= 97 && $0 | 0x20 <= 122) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "/") }
  }
}
