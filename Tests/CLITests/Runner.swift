import Foundation
import SQLite
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
  /// `standardOutput`: a file to send standard output to instead of capturing it (like /dev/full).
  /// `fileSizeLimit`: the most KiB any file the process writes may hold (`ulimit -f`), its own
  /// standard output included: a write past it fails as on a full disk.
  @discardableResult
  func run(
    _ arguments: [String], database: Bool = true, environment: [String: String] = [:], input: String? = nil,
    standardOutput: String? = nil, fileSizeLimit: Int? = nil
  ) throws -> Result {
    let arguments = arguments + (database ? ["--db", self.database] : [])
    var executable = CLI.binary
    var launched = arguments
    if let fileSizeLimit {
      // SIGXFSZ ignored, so that a write past the limit fails with EFBIG instead of killing the process.
      executable = URL(fileURLWithPath: "/bin/bash")
      launched = ["-c", "trap '' XFSZ; ulimit -f \(fileSizeLimit) && exec \"$0\" \"$@\"", CLI.binary.path] + arguments
    }
    return try CLI.launch(
      executable, launched, in: directory, environment: CLI.environment.merging(environment) { $1 }, input: input,
      standardOutput: standardOutput)
  }

  /// This process's environment without a database or a language, so that the outputs checked are
  /// English whatever the machine's locale (unless a test sets one).
  static var environment: [String: String] {
    var environment = ProcessInfo.processInfo.environment
    for name in ["CRM_ROI_DB", "CRM_ROI_LANG", "CRM_ROI_TODAY", "LC_ALL", "LC_MESSAGES", "LANG"] { environment.removeValue(forKey: name) }
    return environment
  }

  /// `environment` with the built crm-roi first on the PATH, for scripts that call it by name.
  static var scriptEnvironment: [String: String] {
    var environment = environment
    environment["PATH"] = binary.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
    return environment
  }

  /// Runs `executable` in `directory` and waits for it. Output goes to files in `outputs` (default:
  /// `directory`), not pipes: reading a pipe while other tests' children exit can fail with EINTR.
  /// `standardOutput`: a file to send standard output to instead of capturing it (like /dev/full).
  static func launch(
    _ executable: URL, _ arguments: [String], in directory: URL, environment: [String: String], input: String? = nil,
    standardOutput: String? = nil, outputs: URL? = nil
  ) throws -> Result {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    process.environment = environment
    let name = UUID().uuidString
    let outURL = (outputs ?? directory).appendingPathComponent("\(name).out")
    let errURL = (outputs ?? directory).appendingPathComponent("\(name).err")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let out = try standardOutput.map { try FileHandle(forWritingTo: URL(fileURLWithPath: $0)) } ?? FileHandle(forWritingTo: outURL)
    let err = try FileHandle(forWritingTo: errURL)
    defer {
      try? out.close()
      try? err.close()
    }
    process.standardOutput = out
    process.standardError = err
    if let input {
      let inURL = (outputs ?? directory).appendingPathComponent("\(name).in")
      try Data(input.utf8).write(to: inURL)
      process.standardInput = try FileHandle(forReadingFrom: inURL)
    } else {
      process.standardInput = FileHandle.nullDevice
    }
    try process.run()
    process.waitUntilExit()
    let outData = try Data(contentsOf: outURL)
    let errData = try Data(contentsOf: errURL)
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

  /// Every row of every table, read straight from the file: to check that a refused command wrote nothing.
  func contents() throws -> String {
    try CLI.dump(database)
  }

  static func dump(_ path: String) throws -> String {
    let database = try Database(path: path, mode: .readWrite)
    let tables = try database.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").rows { $0.text(0) }
    #expect(tables == ["audit", "expense", "intangible", "metric", "orders", "plan_benefit", "plan_cost", "settings", "snapshot"])
    var lines: [String] = []
    for table in tables {
      let statement = try database.prepare("SELECT * FROM \"\(table)\" ORDER BY 1, 2")
      try statement.forEach { row in
        lines.append(table + ": " + (0..<row.columnCount).map { row.optionalText($0) ?? "NULL" }.joined(separator: " | "))
      }
    }
    return lines.joined(separator: "\n")
  }

  /// Writes `text` to a file in this test's folder and returns its path.
  func file(_ name: String, _ text: String) throws -> String {
    let path = directory.appendingPathComponent(name).path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  /// The fenced block that follows `<!-- example: NAME -->` in the README or a page of docs/.
  static func readmeExample(_ name: String) throws -> String {
    let pages = try DocumentationPage.all.map(DocumentationPage.init)
    let block = pages.lazy.flatMap(\.blocks).first { $0.marker == "example: \(name)" }
    return try #require(block, "no <!-- example: \(name) --> in the README or docs/").text + "\n"
  }

  func json(_ arguments: String...) throws -> [String: Any] {
    let output = try run(arguments).stdout
    return try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any] ?? [:]
  }
}
