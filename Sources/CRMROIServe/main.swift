import ArgumentParser
import FlyingFox
import Foundation
import ROIEngine
import WebApp

#if canImport(Glibc)
  import Glibc
#endif

/// `crm-roi serve`: the database as a local web app, until interrupted.
@main
struct Serve: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "crm-roi serve", abstract: "Serve the database as a local web app (127.0.0.1) until interrupted.")

  @Option(help: "The database file. Default: $CRM_ROI_DB, else $XDG_DATA_HOME/crm-roi/crm-roi.sqlite.")
  var db: String?

  @Option(help: "The address to listen on; only 127.0.0.1, localhost or ::1 for now.")
  var host = "127.0.0.1"

  @Option(help: "The port to listen on (0: any free port).")
  var port: UInt16 = 8765

  @Option(help: "Another name the Host header may give, for a reverse proxy (repeatable).")
  var allowedHost: [String] = []

  @Flag(help: "Serve the pages only: every change is refused.")
  var readOnly = false

  @Option(help: "fr or en: the pages' language (default: CRM_ROI_LANG, the locale, the database's setting, English).")
  var lang: String?

  func run() async throws {
    var environment: [String: String] = [:]
    for name in ["CRM_ROI_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
      if let value = getenv(name) { environment[name] = String(cString: value) }
    }
    let language = ((try? Language.decided(flag: lang, environment: environment)) ?? nil) ?? .en
    guard ["127.0.0.1", "localhost", "::1"].contains(host) else {
      throw ValidationError(Catalogue.text(.serveLoopbackOnly, language, ["host": host]))
    }
    let path = db ?? defaultDatabase()
    let configuration = WebConfiguration(
      host: host, port: Int(port), extraHosts: allowedHost, readOnly: readOnly, language: lang, environment: environment)
    let server = try WebServer(databasePath: path, configuration: configuration)
    let http = try server.httpServer(host: host == "localhost" ? "127.0.0.1" : host, port: port)
    let task = Task { try await http.run() }
    try await http.waitUntilListening()
    let bound = await http.listeningAddress
    var shownPort = Int(port)
    if case .ip4(_, let actual)? = bound { shownPort = Int(actual) }
    if case .ip6(_, let actual)? = bound { shownPort = Int(actual) }
    await server.bound(port: shownPort)
    let line = Catalogue.text(.serving, language, ["address": "http://\(host == "::1" ? "[::1]" : host):\(shownPort)/", "path": path])
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
    // A listener that fails (no file descriptor left, say) ends the process, said on stderr, so that
    // nobody is left with a server that answers nothing.
    let stopping = Stopping()
    Task {
      do {
        try await task.value
      } catch where !stopping.value {
        FileHandle.standardError.write(Data((Catalogue.text(.errorPrefix, language) + "\(error)\n").utf8))
        Glibc.exit(74)
      }
    }
    await Serve.waitForSignal()
    stopping.value = true
    await http.stop(timeout: 2)
    task.cancel()
  }

  private func defaultDatabase() -> String {
    if let path = getenv("CRM_ROI_DB").map({ String(cString: $0) }), !path.isEmpty { return path }
    let data = getenv("XDG_DATA_HOME").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
      ?? (getenv("HOME").map { String(cString: $0) } ?? ".") + "/.local/share"
    return data + "/crm-roi/crm-roi.sqlite"
  }

  /// Returns on SIGINT or SIGTERM; requests under way finish (`stop` waits for them).
  static func waitForSignal() async {
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
      let once = Once(continuation)
      for number in [SIGINT, SIGTERM] {
        signal(number, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: number, queue: .main)
        source.setEventHandler { once.resume() }
        source.resume()
        Once.sources.append(source)
      }
    }
  }
}

/// Set once a signal asked the server to stop: the listener's end is then no failure.
final class Stopping: @unchecked Sendable {
  var value = false
}

/// Resumes a continuation once, whichever signal comes first.
final class Once: @unchecked Sendable {
  nonisolated(unsafe) static var sources: [any DispatchSourceSignal] = []
  private var continuation: CheckedContinuation<Void, Never>?

  init(_ continuation: CheckedContinuation<Void, Never>) { self.continuation = continuation }

  func resume() {
    continuation?.resume()
    continuation = nil
  }
}
