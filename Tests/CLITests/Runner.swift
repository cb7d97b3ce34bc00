import Foundation
import Testing

/// Runs the built crm-roi binary on temporary files, as a user would.
struct CLI {
  let directory: URL

  init() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("crm-roi-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  var database: String { directory.appendingPathComponent("test.sqlite").path }

  /// The binary next to the test bundle (swift test builds it), or $CRM_ROI_BINARY.
  static let binary: URL = {
    if let path = ProcessInfo.processInfo.environment["CRM_ROI_BINARY"] { return URL(fileURLWithPath: path) }
    return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("crm-roi")
  }()

  struct Result {
    let status: Int32
    let stdout: String
    let stderr: String
  }

  /// Runs `crm-roi arguments…` with --db pointing at this test's database unless `database` is false.
  @discardableResult
  func run(_ arguments: [String], database: Bool = true, environment: [String: String] = [:]) throws -> Result {
    let process = Process()
    process.executableURL = CLI.binary
    process.arguments = arguments + (database ? ["--db", self.database] : [])
    process.currentDirectoryURL = directory
    var env = ProcessInfo.processInfo.environment
    env.removeValue(forKey: "CRM_ROI_DB")
    env.merge(environment) { $1 }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }

  /// Runs and expects success, returning stdout.
  @discardableResult
  func ok(_ arguments: String..., sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
    let result = try run(arguments)
    #expect(result.status == 0, "crm-roi \(arguments.joined(separator: " ")): \(result.stderr)", sourceLocation: sourceLocation)
    return result.stdout
  }

  /// Everything the database holds, as the tool shows it: to check that a refused command wrote nothing.
  func contents() throws -> String {
    try ["settings", "metric list", "expense list", "roi --format json"]
      .map { try run($0.split(separator: " ").map(String.init)).stdout }
      .joined(separator: "\n")
  }

  func json(_ arguments: String...) throws -> [String: Any] {
    let output = try run(arguments).stdout
    return try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any] ?? [:]
  }
}
