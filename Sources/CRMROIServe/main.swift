import ArgumentParser
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
    let shownHost = host == "::1" ? "[::1]" : host
    let app = server.application(host: host == "localhost" ? "127.0.0.1" : host, port: Int(port)) { bound in
      let line = Catalogue.text(.serving, language, ["address": "http://\(shownHost):\(bound)/", "path": path])
      FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
    // SIGINT and SIGTERM end it gracefully: requests under way finish first.
    try await app.runService()
  }

  private func defaultDatabase() -> String {
    if let path = getenv("CRM_ROI_DB").map({ String(cString: $0) }), !path.isEmpty { return path }
    let data = getenv("XDG_DATA_HOME").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
      ?? (getenv("HOME").map { String(cString: $0) } ?? ".") + "/.local/share"
    return data + "/crm-roi/crm-roi.sqlite"
  }
}
