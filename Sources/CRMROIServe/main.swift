import ArgumentParser
import Foundation
import HummingbirdBcrypt
import NIOCore
import ROIEngine
import Storage
import Support
import WebApp

#if canImport(Glibc)
  import Glibc
#endif

/// `crm-roi serve`: the database as a local web app, until interrupted.
@main
struct Serve: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "crm-roi serve", abstract: "Serve the database as a local web app (127.0.0.1) until interrupted.",
    version: BuildInfo.text)

  @Option(help: "The database file. Default: $CRM_ROI_DB, else $XDG_DATA_HOME/crm-roi/crm-roi.sqlite.")
  var db: String?

  @Option(help: "The address to listen on: 127.0.0.1 (the default), localhost or ::1; another only with --password-file.")
  var host = "127.0.0.1"

  @Option(help: "The port to listen on (0: any free port).")
  var port: UInt16 = 8765

  @Option(help: "Another name the Host header may give, for a reverse proxy (repeatable).")
  var allowedHost: [String] = []

  @Flag(help: "Serve the dashboard and the exports only: every change is refused.")
  var readOnly = false

  @Option(help: "A file holding the bcrypt hash of the password the pages ask for, as --hash-password prints it.")
  var passwordFile: String?

  @Flag(help: "Read a password from standard input, print its bcrypt hash for --password-file, and stop.")
  var hashPassword = false

  @Option(help: "The largest file an import may upload: bytes, or with kB, MB or GB (default 200MB).")
  var maxUpload = "200MB"

  @Option(help: "fr or en: the pages' language (default: CRM_ROI_LANG, the locale, the database's setting, English).")
  var lang: String?

  func run() async throws {
    var environment: [String: String] = [:]
    for name in ["CRM_ROI_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
      if let value = getenv(name) { environment[name] = String(cString: value) }
    }
    let language = ((try? Language.decided(flag: lang, environment: environment)) ?? nil) ?? .en
    if hashPassword {
      try Serve.printHash(language)
      return
    }
    let password = try passwordFile.map { try Serve.password(in: $0, language) }
    for name in allowedHost where !Serve.isHostName(name) {
      throw ValidationError(Catalogue.text(.serveBadAllowedHost, language, ["value": name]))
    }
    guard ["127.0.0.1", "localhost", "::1"].contains(host) || password != nil else {
      throw ValidationError(Catalogue.text(.serveLoopbackOnly, language, ["host": host]))
    }
    guard let uploadLimit = Serve.bytes(maxUpload) else {
      throw ValidationError(Catalogue.text(.serveBadSize, language, ["value": maxUpload]))
    }
    let path = db ?? defaultDatabase()
    let configuration = WebConfiguration(
      host: host, port: Int(port), extraHosts: allowedHost, readOnly: readOnly, passwordHash: password, language: lang, environment: environment)
    let server: WebServer
    do {
      _ = try RunningMonth.current()
      server = try WebServer(databasePath: path, configuration: configuration, maximumUpload: uploadLimit)
    } catch {
      // One line, as the command line says its errors.
      Serve.sayError(error, language)
      throw ExitCode(1)
    }
    let shownHost = host == "::1" ? "[::1]" : host
    let serving: Message = readOnly ? .servingReadOnly : .serving
    let app = server.application(host: host == "localhost" ? "127.0.0.1" : host, port: Int(port)) { bound in
      let line = Catalogue.text(serving, language, ["address": "http://\(shownHost):\(bound)/", "path": path]) + "\n"
      // Whoever started the server reads its address here: a failed write ends it, as the command line's would.
      if let code = Array(line.utf8).withUnsafeBytes({ writeAll($0, to: 1) }) {
        Serve.sayError(FileError(.standardOutput, code: code), language)
        Glibc.exit(74)
      }
    }
    // SIGINT and SIGTERM end it gracefully: requests under way finish first.
    do {
      try await app.runService()
    } catch let error as IOError {
      // The port taken, or one only root may use: one line, with the way out.
      server.removeUploads()
      let reason = Phrase.system(error.errnoCode, String(cString: strerror(error.errnoCode)))
      let line = Catalogue.text(.errorPrefix, language)
        + Phrase(.serveCannotListen, phrases: ["address": .text("\(shownHost):\(port)"), "reason": .phrase(reason)]).text(language) + "\n"
      _ = Array(line.utf8).withUnsafeBytes { writeAll($0, to: 2) }
      throw ExitCode(1)
    }
    server.removeUploads()
  }

  /// `error` in one line on standard error, as the command line says its errors.
  static func sayError(_ error: Error, _ language: Language) {
    let line = Catalogue.text(.errorPrefix, language) + Phrase(error: error).text(language) + "\n"
    _ = Array(line.utf8).withUnsafeBytes { writeAll($0, to: 2) }
  }

  /// The bcrypt hash `path` holds; the password itself is never stored.
  static func password(in path: String, _ language: Language) throws -> String {
    guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
      throw ValidationError(Catalogue.text(.servePasswordUnreadable, language, ["path": path]))
    }
    switch PasswordFile(text: text) {
    case .hash(let line): return line
    case .notAHash: throw ValidationError(Catalogue.text(.servePasswordNotAHash, language, ["path": path]))
    case .empty: throw ValidationError(Catalogue.text(.servePasswordEmpty, language, ["path": path]))
    case .severalLines: throw ValidationError(Catalogue.text(.servePasswordSeveralLines, language, ["path": path]))
    }
  }

  /// `--hash-password`: the first line of standard input (its line end left out), hashed by bcrypt
  /// at cost 12, printed on one line; an empty password is refused.
  static func printHash(_ language: Language) throws {
    var input: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while input.count < 1_000_000 {
      let count = read(0, &buffer, buffer.count)
      if count < 0, errno == EINTR { continue }
      guard count > 0 else { break }
      input += buffer[0..<count]
    }
    let line = input.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).first.map { Array($0.last == UInt8(ascii: "\r") ? $0.dropLast() : $0) } ?? []
    guard !line.isEmpty else { throw ValidationError(Catalogue.text(.serveHashPasswordEmpty, language)) }
    guard PasswordFile.bcryptTakes(String(decoding: line, as: UTF8.self)), line.count <= 72 else {
      throw ValidationError(Catalogue.text(.serveHashPasswordTooLong, language))
    }
    let output = Array((Bcrypt.hash(String(decoding: line, as: UTF8.self)) + "\n").utf8)
    guard output.withUnsafeBytes({ writeAll($0, to: 1) }) == nil else { throw ExitCode(74) }
  }

  /// `NAME` or `NAME:PORT`: letters, digits, `-` and `.` (or `[v6]`), a port from 1 to 65535.
  static func isHostName(_ text: String) -> Bool {
    guard let (name, _) = WebConfiguration.split(host: text.lowercased()) else { return false }
    if name.hasPrefix("["), name.hasSuffix("]") {
      return name.dropFirst().dropLast().allSatisfy { $0.isHexDigit || $0 == ":" } && name.count > 2
    }
    guard !name.hasPrefix("."), !name.hasSuffix("."), !name.hasPrefix("-") else { return false }
    return name.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" || $0 == "." }
  }

  /// "200MB", "1GB", "500kB" or a number of bytes; units of 1000.
  static func bytes(_ text: String) -> Int? {
    let lower = text.lowercased()
    for (suffix, factor) in [("gb", 1_000_000_000), ("mb", 1_000_000), ("kb", 1_000), ("b", 1)] where lower.hasSuffix(suffix) {
      guard let number = Int(lower.dropLast(suffix.count)), number > 0 else { return nil }
      let (bytes, overflow) = number.multipliedReportingOverflow(by: factor)
      return overflow ? nil : bytes
    }
    return Int(lower).flatMap { $0 > 0 ? $0 : nil }
  }

  private func defaultDatabase() -> String {
    if let path = getenv("CRM_ROI_DB").map({ String(cString: $0) }), !path.isEmpty { return path }
    let data = getenv("XDG_DATA_HOME").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
      ?? (getenv("HOME").map { String(cString: $0) } ?? ".") + "/.local/share"
    return data + "/crm-roi/crm-roi.sqlite"
  }
}
