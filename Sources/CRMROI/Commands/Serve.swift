import ArgumentParser
import ROIEngine

#if canImport(Glibc)
  import Glibc
#endif

extension CRMROI {
  /// `crm-roi serve`: runs `crm-roi-serve`, the web app's own executable beside this one, with the
  /// same arguments, so that the command line needs no HTTP server to build or to start.
  struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "serve", abstract: "Serve the database as a local web app until interrupted (see crm-roi-serve --help).")

    @Argument(parsing: .allUnrecognized, help: "The options of crm-roi-serve: --db, --host, --port, --allowed-host, --read-only, --password-file, --max-upload, --lang.")
    var options: [String] = []

    func run() throws {
      let server = Serve.serverPath()
      var arguments = ([server] + options).map { strdup($0) }
      arguments.append(nil)
      execv(server, arguments)
      throw InputError(source: "serve", error: ValueError(value: server, expected: Phrase(.formServerBeside)))  // no-catalogue: a command
    }

    /// `crm-roi-serve` in the folder of this executable.
    static func serverPath() -> String {
      var buffer = [CChar](repeating: 0, count: 4096)
      let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
      let executable = count > 0 ? String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self) : CommandLine.arguments[0]
      let folder = executable.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
      return (folder.isEmpty ? "." : folder) + "/crm-roi-serve"
    }
  }
}
