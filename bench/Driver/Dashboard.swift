import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The web app's dashboard under load: `crm-roi-serve` on a database of `rows` expenses and
/// 20 metrics × 240 months, `clients` threads each doing `GET /` over its own keep-alive
/// connection for `seconds`, against `crm-roi roi --format json` on the same file.
extension Bench {
  /// The server while it runs, so that `fail` can stop it.
  nonisolated(unsafe) static var serverPID: pid_t = 0

  static func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }

  /// What the client threads hand back, under its lock.
  final class LoadResults: @unchecked Sendable {
    let lock = NSLock()
    var latencies: [Double] = []
    var errors: [String: Int] = [:]
    var connections = 0
  }

  /// A label padded to the width of the other lines' labels.
  static func pad(_ label: String) -> String { label.padding(toLength: 41, withPad: " ", startingAt: 0) }

  static func dashboardBenchmark(serve: String, rows: Int, clients: Int, seconds: Double) throws {
    signal(SIGPIPE, SIG_IGN)
    print("\nDashboard under load: \(rows.formatted()) expense rows, \(DataSet.metricCount) metrics × \(DataSet.months.count) months, "
          + "\(clients) clients for \(String(format: "%g", seconds)) s, GET / over one keep-alive connection each")
    let csv = "\(work)/dashboard-expenses.csv"
    let metricsCSV = "\(work)/dashboard-metrics.csv"
    try DataSet.expensesCSV(rows: rows).write(toFile: csv, atomically: true, encoding: .utf8)
    try DataSet.metricsCSV().write(toFile: metricsCSV, atomically: true, encoding: .utf8)
    let db = try freshDatabase("dashboard")
    try run([binary, "import", "expenses", csv, "--db", db])
    for metric in DataSet.metrics { try run([binary, "metric", "add", metric.name] + metric.options + ["--db", db]) }
    try run([binary, "import", "metrics", metricsCSV, "--db", db])
    unlink(csv)
    unlink(metricsCSV)

    let roi = try measure([binary, "roi", "--format", "json", "--db", db])
    print("  " + pad("roi --format json, the same file")
          + String(format: "crm-roi %9.2f ms   (median of %d runs; go-live ", roi.seconds * 1000, runs) + DataSet.goLive + ")")

    let port = try startServer(serve, database: db)
    defer { stopServer() }
    let host = "127.0.0.1:\(port)"

    // One request first: the server's first page, and a check that it is the report, not an error page.
    let warmUp = HTTPClient(port: port, host: host)
    let warmStart = now()
    let page: (status: Int, body: [UInt8])
    do {
      page = try warmUp.get("/", keepBody: true)
    } catch {
      fail("warm-up GET /: \(error)")
    }
    let warmSeconds = now() - warmStart
    warmUp.close()
    guard page.status == 200 else { fail("warm-up GET / answered \(page.status)") }
    let html = String(decoding: page.body, as: UTF8.self)
    if html.contains("class=\"problem\"") { fail("warm-up GET / shows an error instead of the report") }
    print("  " + pad("warm-up GET /") + String(format: "%9.2f ms   ", warmSeconds * 1000) + page.body.count.formatted() + " bytes of HTML")

    // The load: every client sends its next request as soon as the previous answer is read whole.
    let results = LoadResults()
    let done = DispatchSemaphore(value: 0)
    let start = now()
    let deadline = start + seconds
    for _ in 0..<clients {
      let thread = Thread {
        let client = HTTPClient(port: port, host: host)
        var latencies: [Double] = []
        var errors: [String: Int] = [:]
        while now() < deadline {
          let begin = now()
          do {
            let (status, _) = try client.get("/", keepBody: false)
            if status == 200 {
              latencies.append(now() - begin)
            } else {
              errors["HTTP \(status)", default: 0] += 1
            }
          } catch {
            errors["\(error)", default: 0] += 1
            client.close()
          }
        }
        client.close()
        results.lock.withLock {
          results.latencies += latencies
          results.errors.merge(errors, uniquingKeysWith: +)
          results.connections += client.connections
        }
        done.signal()
      }
      thread.stackSize = 1 << 20
      thread.start()
    }
    for _ in 0..<clients { done.wait() }
    let elapsed = now() - start

    let latencies = results.latencies.sorted()
    let errorCount = results.errors.values.reduce(0, +)
    let requests = latencies.count + errorCount
    func percentile(_ p: Double) -> Double {
      guard !latencies.isEmpty else { return .nan }
      return latencies[max(0, Int((p * Double(latencies.count)).rounded(.up)) - 1)]
    }
    let p50 = percentile(0.50)
    let p99 = percentile(0.99)
    let kinds = results.errors.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
    print("  " + pad("requests") + String(repeating: " ", count: max(0, 9 - requests.formatted().count)) + requests.formatted()
          + String(format: " in %.2f s, %.1f requests/s, over %d connections", elapsed, Double(requests) / elapsed, results.connections))
    print("  " + pad("latency of the 200s")
          + String(format: "p50 %9.2f ms   p99 %9.2f ms   max %9.2f ms", p50 * 1000, p99 * 1000, (latencies.last ?? .nan) * 1000))
    print("  " + pad("errors (non-200 or socket)") + String(format: "%9d", errorCount) + (kinds.isEmpty ? "" : "   (" + kinds + ")"))
    let ratio = p99 / roi.seconds
    print("\nTarget for the dashboard at \(rows.formatted()) rows, \(clients) clients")
    print("  " + "dashboard p99".padding(toLength: 24, withPad: " ", startingAt: 0) + String(format: "%5.2f ×", ratio) + " "
          + "roi --format json".padding(toLength: 20, withPad: " ", startingAt: 0)
          + String(format: "target ≤ 2.0 ×: %@; errors %d, target 0: %@", ratio <= 2 ? "met" : "NOT MET", errorCount, errorCount == 0 ? "met" : "NOT MET"))
    for file in [db, db + "-wal", db + "-shm"] { unlink(file) }
  }

  /// Starts `crm-roi-serve --db database --port 0` and returns the port from the line it prints.
  static func startServer(_ serve: String, database: String) throws -> UInt16 {
    let output = "\(work)/serve-stdout.txt"
    let errors = "\(work)/serve-stderr.txt"
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, errors, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    defer { posix_spawn_file_actions_destroy(&actions) }
    let command = [serve, "--db", database, "--port", "0"]
    let arguments = command.map { strdup($0) } + [nil]
    defer { arguments.forEach { free($0) } }
    var pid: pid_t = 0
    guard posix_spawn(&pid, serve, &actions, nil, arguments, environ) == 0 else { fail("cannot start \(serve)") }
    serverPID = pid
    let marker = "http://127.0.0.1:"
    let limit = now() + 60
    while now() < limit {
      let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
      if let range = text.range(of: marker) {
        let digits = text[range.upperBound...].prefix { $0.isNumber }
        if let port = UInt16(digits), text[range.upperBound...].dropFirst(digits.count).first == "/" { return port }
      }
      var status: Int32 = 0
      if waitpid(pid, &status, WNOHANG) == pid {
        serverPID = 0
        let message = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
        fail("crm-roi-serve ended (\(status)) before serving: \(message)")
      }
      usleep(10_000)
    }
    fail("crm-roi-serve printed no \(marker)PORT/ line in 60 s")
  }

  /// SIGTERM, then waits for the server to end (SIGKILL after 10 s, said so).
  static func stopServer() {
    guard serverPID > 0 else { return }
    let pid = serverPID
    serverPID = 0
    kill(pid, SIGTERM)
    let limit = now() + 10
    var status: Int32 = 0
    while waitpid(pid, &status, WNOHANG) == 0 {
      if now() > limit {
        print("  crm-roi-serve still running 10 s after SIGTERM: killed")
        kill(pid, SIGKILL)
        waitpid(pid, &status, 0)
        return
      }
      usleep(10_000)
    }
  }

  /// A minimal HTTP/1.1 client over one keep-alive connection, opened again when the server
  /// closes it; keeps the session cookie the server sets, as a browser would.
  final class HTTPClient {
    enum Failure: Error, CustomStringConvertible {
      case socket(String, Int32)
      case closed
      case malformed(String)

      var description: String {
        switch self {
        case .socket(let call, let code) where code == EAGAIN || code == EWOULDBLOCK:
          "\(call): no answer in \(HTTPClient.timeout) s"
        case .socket(let call, let code): "\(call): \(String(cString: strerror(code)))"
        case .closed: "connection closed before a whole response"
        case .malformed(let what): "malformed response: \(what)"
        }
      }
    }

    /// How long a send or a receive may wait before it counts as an error.
    static let timeout = 300

    let port: UInt16
    let host: String
    var socket: Int32 = -1
    var cookie: String?
    var buffer: [UInt8] = []
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)
    var connections = 0

    init(port: UInt16, host: String) {
      self.port = port
      self.host = host
      buffer.reserveCapacity(1 << 16)
    }

    deinit { close() }

    func close() {
      if socket >= 0 { Glibc.close(socket) }
      socket = -1
      buffer.removeAll(keepingCapacity: true)
    }

    func connect() throws {
      let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
      guard fd >= 0 else { throw Failure.socket("socket", errno) }
      var one: Int32 = 1
      setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
      var timeout = timeval(tv_sec: HTTPClient.timeout, tv_usec: 0)
      setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
      setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
      var address = sockaddr_in()
      address.sin_family = sa_family_t(AF_INET)
      address.sin_port = port.bigEndian
      address.sin_addr.s_addr = inet_addr("127.0.0.1")
      let result = withUnsafePointer(to: address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
      }
      guard result == 0 else {
        let code = errno
        Glibc.close(fd)
        throw Failure.socket("connect", code)
      }
      socket = fd
      connections += 1
    }

    /// Reads more bytes into `buffer`; false at the end of the stream.
    private func fill() throws -> Bool {
      while true {
        let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
        if count > 0 {
          buffer += chunk[0..<count]
          return true
        }
        if count == 0 { return false }
        if errno == EINTR { continue }
        throw Failure.socket("recv", errno)
      }
    }

    /// `GET path`: the status and, with `keepBody`, the body (else empty).
    func get(_ path: String, keepBody: Bool) throws -> (status: Int, body: [UInt8]) {
      if socket < 0 { try connect() }
      var request = "GET \(path) HTTP/1.1\r\nHost: \(host)\r\nAccept: text/html\r\n"
      if let cookie { request += "Cookie: \(cookie)\r\n" }
      request += "\r\n"
      let bytes = Array(request.utf8)
      var sent = 0
      while sent < bytes.count {
        let count = bytes[sent...].withUnsafeBytes { send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        if count < 0 {
          if errno == EINTR { continue }
          throw Failure.socket("send", errno)
        }
        sent += count
      }

      // The head, up to the blank line.
      var headEnd = -1
      var searched = 0
      while headEnd < 0 {
        if buffer.count >= 4 {
          for index in max(0, searched - 3)..<(buffer.count - 3)
          where buffer[index] == 13 && buffer[index + 1] == 10 && buffer[index + 2] == 13 && buffer[index + 3] == 10 {
            headEnd = index
            break
          }
          searched = buffer.count
        }
        if headEnd < 0, try !fill() { throw Failure.closed }
      }
      let head = String(decoding: buffer[0..<headEnd], as: UTF8.self).components(separatedBy: "\r\n")
      let statusLine = head[0].split(separator: " ")
      guard statusLine.count >= 2, statusLine[0].hasPrefix("HTTP/1."), let status = Int(statusLine[1]) else {
        throw Failure.malformed(head[0])
      }
      var length: Int?
      var chunked = false
      var closes = statusLine[0] == "HTTP/1.0"
      for line in head.dropFirst() {
        guard let colon = line.firstIndex(of: ":") else { continue }
        let name = line[..<colon].lowercased()
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        switch name {
        case "content-length": length = Int(value)
        case "transfer-encoding": chunked = value.lowercased().contains("chunked")
        case "connection": closes = value.lowercased().contains("close")
        case "set-cookie": cookie = value.split(separator: ";").first.map(String.init)
        default: break
        }
      }
      buffer.removeSubrange(0..<(headEnd + 4))

      var body: [UInt8] = []
      if chunked {
        while true {
          var lineEnd = buffer.firstIndex(of: 10)
          while lineEnd == nil {
            guard try fill() else { throw Failure.closed }
            lineEnd = buffer.firstIndex(of: 10)
          }
          let line = String(decoding: buffer[0..<lineEnd!], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
          guard let size = Int(line.split(separator: ";").first ?? "", radix: 16) else { throw Failure.malformed("chunk size \(line)") }
          buffer.removeSubrange(0...lineEnd!)
          if size == 0 {
            // Trailers, if any, up to the blank line.
            while true {
              var end = buffer.firstIndex(of: 10)
              while end == nil {
                guard try fill() else { throw Failure.closed }
                end = buffer.firstIndex(of: 10)
              }
              let empty = end! == 0 || (end! == 1 && buffer[0] == 13)
              buffer.removeSubrange(0...end!)
              if empty { break }
            }
            break
          }
          while buffer.count < size + 2 {
            guard try fill() else { throw Failure.closed }
          }
          if keepBody { body += buffer[0..<size] }
          buffer.removeSubrange(0..<(size + 2))
        }
      } else if let length {
        while buffer.count < length {
          guard try fill() else { throw Failure.closed }
        }
        if keepBody { body = Array(buffer[0..<length]) }
        buffer.removeSubrange(0..<length)
      } else if status != 204 && status != 304 {
        // No length: the body runs to the end of the connection.
        while try fill() {}
        if keepBody { body = buffer }
        closes = true
      }
      if closes { close() }
      return (status, body)
    }
  }
}
