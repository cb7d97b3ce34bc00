import Foundation
import ROIEngine
import Storage
import HummingbirdBcrypt
import WebApp

#if canImport(Glibc)
  import Glibc
#endif

/// A running `crm-roi serve` in the test process: the demo's history in a temporary database,
/// the server on a free port of 127.0.0.1, and a plain HTTP/1.1 client that follows no redirect.
final class Served: @unchecked Sendable {
  let directory: URL
  let database: String
  let port: Int
  let server: WebServer
  private let task: Task<Void, any Error>

  init(readOnly: Bool = false, language: String? = nil, password: String? = nil, maximumUpload: Int = 200_000_000) async throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("crm-roi-web-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    database = directory.appendingPathComponent("web.sqlite").path
    try Served.makeDatabase(at: database)
    server = try WebServer(
      databasePath: database,
      configuration: WebConfiguration(
        host: "127.0.0.1", port: 0, readOnly: readOnly, passwordHash: password.map { Bcrypt.hash($0, cost: 4) }, language: language ?? "en"),
      maximumUpload: maximumUpload)
    let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
    let app = server.application(host: "127.0.0.1", port: 0) { continuation.yield($0) }
    task = Task { try await app.run() }
    var iterator = ports.makeAsyncIterator()
    guard let bound = await iterator.next() else { throw URLError(.badServerResponse) }
    port = bound
  }

  deinit {
    task.cancel()
    try? FileManager.default.removeItem(at: directory)
  }

  /// A small history: go-live 2025-04, one revenue metric with a baseline month, one expense.
  static func makeDatabase(at path: String) throws {
    let store = try Store.openOrCreate(path: path)
    try store.write { writer in
      try writer.initialize(Settings(goLive: Month(year: 2025, month: 4)))
      try writer.add(Metric(name: "sales", kind: .revenue(margin: Percent(tenThousandths: 350_000))))
      try writer.add(Metric(name: "orders", kind: .kpi))
      _ = try writer.log([
        Snapshot(metric: "sales", month: Month(year: 2025, month: 3), value: MetricValue(tenThousandths: 1_000_000_000)),
      ])
      _ = try writer.add(Expense(date: try CalendarDate(parsing: "2025-03-10"), category: .license, amount: Money(minor: 120_000)))
    }
  }

  struct Response {
    let status: Int
    let headers: [String: String]
    let body: String
  }

  /// One request; `cookie` and a form body as given; `host` as the Host header (nil: none).
  func request(
    _ method: String, _ path: String, form: [String: String]? = nil, cookie: String? = nil, host: String? = "default",
    acceptLanguage: String? = nil
  ) async throws -> Response {
    let body = form.map { $0.sorted { $0.key < $1.key }.map { "\(Served.encode($0.key))=\(Served.encode($0.value))" }.joined(separator: "&") } ?? ""
    var head = "\(method) \(path) HTTP/1.1\r\n"
    if let host { head += "Host: \(host == "default" ? "127.0.0.1:\(port)" : host)\r\n" }
    if let cookie { head += "Cookie: \(cookie)\r\n" }
    if let acceptLanguage { head += "Accept-Language: \(acceptLanguage)\r\n" }
    if form != nil { head += "Content-Type: application/x-www-form-urlencoded\r\n" }
    head += "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n"
    return try Served.parse(try await Served.send(port: port, Array((head + body).utf8)))
  }

  /// A response's status, headers (by lower-case name; repeated ones joined by a new line) and body.
  static func parse(_ raw: [UInt8]) throws -> Response {
    let text = String(decoding: raw, as: UTF8.self)
    guard let split = text.range(of: "\r\n\r\n") else { throw URLError(.badServerResponse) }
    let lines = text[..<split.lowerBound].components(separatedBy: "\r\n")
    let status = Int(lines[0].split(separator: " ")[1]) ?? 0
    var headers: [String: String] = [:]
    for line in lines.dropFirst() {
      guard let colon = line.firstIndex(of: ":") else { continue }
      let name = line[..<colon].lowercased()
      let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      headers[name] = headers[name].map { $0 + "\n" + value } ?? value
    }
    return Response(status: status, headers: headers, body: String(text[split.upperBound...]))
  }

  /// A `multipart/form-data` POST: the text fields, then the file as the part named `file`.
  func upload(
    _ path: String, fields: [String: String], file: (name: String, bytes: [UInt8])?, cookie: String
  ) async throws -> Response {
    let boundary = "----crm-roi-test-\(UUID().uuidString)"
    var body: [UInt8] = []
    for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
      body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
    }
    if let file {
      body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file.name)\"\r\nContent-Type: text/csv\r\n\r\n".utf8)
      body += file.bytes + Array("\r\n".utf8)
    }
    body += Array("--\(boundary)--\r\n".utf8)
    let head = "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nCookie: \(cookie)\r\n"
      + "Content-Type: multipart/form-data; boundary=\(boundary)\r\nContent-Length: \(body.count)\r\nConnection: close\r\n\r\n"
    return try Served.parse(try await Served.send(port: port, Array(head.utf8) + body))
  }

  /// A session: its cookie and the CSRF token of a page it loaded.
  func session(_ path: String = "/expenses", cookie given: String? = nil) async throws -> (cookie: String, token: String) {
    let page = try await request("GET", path, cookie: given)
    let cookie = given ?? String((page.headers["set-cookie"] ?? "").split(separator: ";")[0])
    let marker = "name=\"csrf_token\" value=\""
    guard let start = page.body.range(of: marker), let end = page.body[start.upperBound...].firstIndex(of: "\"") else {
      throw URLError(.cannotParseResponse)
    }
    return (cookie, String(page.body[start.upperBound..<end]))
  }

  static func encode(_ text: String) -> String {
    text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
  }

  /// `exchange` off Swift's cooperative threads: the server's tasks need them while the client waits.
  static func send(port: Int, _ bytes: [UInt8]) async throws -> [UInt8] {
    try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<[UInt8], any Error>) in
      Thread.detachNewThread { continuation.resume(with: Result { try Served.exchange(port: port, bytes) }) }
    }
  }

  /// Sends `bytes` to 127.0.0.1:`port` and reads the response: its head, then Content-Length bytes
  /// (or to the end, when the server closes).
  static func exchange(port: Int, _ bytes: [UInt8]) throws -> [UInt8] {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { throw URLError(.cannotConnectToHost) }
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard connected == 0 else { throw URLError(.cannotConnectToHost) }
    var sent = 0
    while sent < bytes.count {
      let count = bytes[sent...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, 0) }
      guard count > 0 else { throw URLError(.networkConnectionLost) }
      sent += count
    }
    var received: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while !complete(received) {
      let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
      if count <= 0 { break }
      received += buffer[0..<count]
    }
    return received
  }

  /// Whether `bytes` hold a whole response: the head and as many bytes as its Content-Length says.
  static func complete(_ bytes: [UInt8]) -> Bool {
    let text = String(decoding: bytes, as: UTF8.self)
    guard let split = text.range(of: "\r\n\r\n") else { return false }
    let head = text[..<split.lowerBound].lowercased()
    guard let line = head.components(separatedBy: "\r\n").first(where: { $0.hasPrefix("content-length:") }),
      let length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces))
    else { return false }
    return text[split.upperBound...].utf8.count >= length
  }
}
