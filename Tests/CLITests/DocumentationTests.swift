import Foundation
import Testing

/// One Markdown page of the manual: its fenced blocks, each with the comment line just above it.
struct DocumentationPage {
  /// A fenced block: its first line's number (of the fence), language, text, and the marker above it.
  struct Block {
    let line: Int
    let language: String
    let text: String
    /// `example: NAME` or `not run: REASON`, from `<!-- … -->` on the line just above the fence.
    let marker: String?

    static let shells: Set = ["sh", "bash", "shell", "console"]
    /// The languages a page may give a block; any other (`zsh`, `Bash`…) is refused, not skipped.
    static let languages = shells.union(["text", "csv", "json"])
    var runs: Bool { Block.shells.contains(language) && !(marker?.hasPrefix("not run:") ?? false) }
    /// Whether a command of the block would outlive the page's script: `&`, `coproc`, `setsid`.
    var startsBackgroundJob: Bool {
      text.split(separator: "\n").contains { line in
        let code = line.replacingOccurrences(of: "&&", with: "").replacingOccurrences(of: ">&", with: "")
          .replacingOccurrences(of: "&>", with: "")
        return code.contains("&") || line.contains("coproc ") || line.contains("setsid ")
      }
    }
    /// The file NAME of `<!-- example: NAME -->` above a block that is not a command example.
    var fileName: String? {
      guard !Block.shells.contains(language), let marker, marker.hasPrefix("example: ") else { return nil }
      return String(marker.dropFirst("example: ".count))
    }
  }

  let name: String
  let text: String

  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// README.md, then every page of docs/ and its subfolders.
  static var all: [String] {
    let docs = FileManager.default.enumerator(atPath: root.appendingPathComponent("docs").path)?.allObjects as? [String] ?? []
    return ["README.md"] + docs.filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
  }

  init(_ name: String) throws {
    self.name = name
    text = try String(contentsOf: DocumentationPage.root.appendingPathComponent(name), encoding: .utf8)
  }

  /// Lines end at any line break (a CRLF page is refused by the test, but still read whole).
  var lines: [Substring] { text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) }

  var blocks: [Block] {
    var blocks: [Block] = []
    var open: (line: Int, language: String, marker: String?)?
    var body: [Substring] = []
    let lines = self.lines
    for (index, line) in lines.enumerated() {
      guard line.hasPrefix("```") else {
        if open != nil { body.append(line) }
        continue
      }
      if let start = open {
        blocks.append(Block(line: start.line, language: start.language, text: body.joined(separator: "\n"), marker: start.marker))
        open = nil
        body = []
      } else {
        let above = index > 0 ? lines[index - 1].trimmingCharacters(in: .whitespaces) : ""
        let marker = above.hasPrefix("<!--") && above.hasSuffix("-->")
          ? String(above.dropFirst(4).dropLast(3)).trimmingCharacters(in: .whitespaces) : nil
        open = (index + 1, String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces), marker)
      }
    }
    return blocks
  }

  /// The anchors GitHub gives this page's headings: lower case, punctuation dropped, spaces as `-`.
  var anchors: Set<String> {
    var inFence = false
    var anchors: Set<String> = []
    for line in lines {
      if line.hasPrefix("```") { inFence.toggle() }
      guard !inFence, line.hasPrefix("#") else { continue }
      let title = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces).lowercased()
      anchors.insert(String(title.unicodeScalars.compactMap { scalar -> Character? in
        if scalar == " " { return "-" }
        if scalar == "-" || scalar == "_" || CharacterSet.alphanumerics.contains(scalar) { return Character(scalar) }
        return nil
      }))
    }
    return anchors
  }
}

/// A page's command examples as one bash script, and what its console blocks must print.
struct DocumentationScript {
  /// For each script line, the page line it came from.
  var origin: [Int] = []
  var lines: [String] = []
  /// A console block's command: the page line, the command, and the lines it must print.
  var expectations: [(line: Int, command: String, output: [String])] = []

  init(_ page: DocumentationPage) {
    add("set -eEuo pipefail", from: 0)
    // Where console output goes: an absolute path, so that a `cd` in an example does not lose it.
    add("__DOC_OUT=\"$PWD/.doc-out\"", from: 0)
    // The failing command, in a file of its own (a console command's stderr goes to its output).
    add("trap '__status=$?; echo \"$LINENO $__status $BASH_COMMAND\" > \"$__DOC_OUT/failed\"' ERR", from: 0)
    for block in page.blocks where block.runs {
      let body = block.text.split(separator: "\n", omittingEmptySubsequences: false)
      if block.language != "console" {
        for (offset, line) in body.enumerated() { add(String(line), from: block.line + 1 + offset) }
      } else {
        addConsole(body, at: block.line)
      }
    }
    // Reached only when no example ended the script early (an `exit` in a block).
    add("echo end > \"$__DOC_OUT/end\"", from: 0)
  }

  private mutating func add(_ line: String, from pageLine: Int) {
    lines.append(line)
    origin.append(pageLine)
  }

  private mutating func addConsole(_ body: [Substring], at fence: Int) {
    for (offset, line) in body.enumerated() {
      if line.hasPrefix("$ ") {
        let command = String(line.dropFirst(2))
        // In braces on lines of their own: a comment after the command cannot swallow the
        // redirection, and every command of the line (`a || b`) is captured.
        add("{", from: fence + 1 + offset)
        add(command, from: fence + 1 + offset)
        add("} > \"$__DOC_OUT/\(expectations.count)\" 2>&1", from: fence + 1 + offset)
        expectations.append((fence + 1 + offset, command, []))
      } else if !expectations.isEmpty {
        expectations[expectations.count - 1].output.append(String(line))
      }
    }
  }

  /// The page line of a script line bash named (bash counts from 1).
  func pageLine(ofScriptLine line: Int) -> Int { line >= 1 && line <= origin.count ? origin[line - 1] : 0 }
}

/// Whether `actual` is `expected`, where a line `…` in `expected` stands for any number of lines:
/// wildcard matching that goes back only to the latest `…`, in time linear in the lines for the
/// usual one or two `…`.
func outputMatches(_ actual: [String], _ expected: [String]) -> Bool {
  var (a, e) = (0, 0)
  var resume: (a: Int, e: Int)?
  while a < actual.count {
    if e < expected.count, expected[e] == "…" {
      resume = (a, e)
      e += 1
    } else if e < expected.count, expected[e] == actual[a] {
      a += 1
      e += 1
    } else if let last = resume {
      resume = (last.a + 1, last.e)
      (a, e) = (last.a + 1, last.e + 1)
    } else {
      return false
    }
  }
  return expected[e...].allSatisfy { $0 == "…" }
}

/// The manual cannot go stale: every command example of the README and docs/ runs, page by page.
@Suite struct DocumentationTests {
  @Test(arguments: DocumentationPage.all)
  func everyExampleRuns(_ name: String) throws {
    let page = try DocumentationPage(name)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crm-roi-docs-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder.appendingPathComponent(".doc-out"), withIntermediateDirectories: true)
    for block in page.blocks {
      if let file = block.fileName, !file.contains("/") { try Data((block.text + "\n").utf8).write(to: folder.appendingPathComponent(file)) }
    }
    // Such a job would hold the test open after the page's script ends; everyBlockSaysWhatItIs names it.
    guard !page.blocks.contains(where: { $0.runs && $0.startsBackgroundJob }) else {
      Issue.record("\(name): not run, as an example starts a background job")
      return
    }
    let script = DocumentationScript(page)
    try Data((script.lines.joined(separator: "\n") + "\n").utf8).write(to: folder.appendingPathComponent(".doc-script"))
    let result = try runBash(folder)
    let failure = FileManager.default.contents(atPath: folder.appendingPathComponent(".doc-out/failed").path)
      .map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .newlines) }
    if let failure, result.status != 0 {
      let fields = ("- " + failure).split(separator: " ", maxSplits: 3)
      let line = script.pageLine(ofScriptLine: Int(fields[1]) ?? 0)
      Issue.record("\(name):\(line): `\(fields.count > 3 ? fields[3] : "")` exited \(fields[2]):\n\(result.stderr.suffix(2_000))")
    }
    #expect(result.status != 124, "\(name): its examples ran past 5 minutes: a command that does not end needs <!-- not run: … -->")
    #expect(result.status == 0, "\(name): bash exited \(result.status):\n\(result.stderr.suffix(2_000))")
    if result.status == 0 {
      #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(".doc-out/end").path),
        "\(name): an example ended the page's script early (exit?), so the later ones did not run")
    }
    for (index, expectation) in script.expectations.enumerated() {
      let url = folder.appendingPathComponent(".doc-out/\(index)")
      guard result.status == 0 else { break }
      guard let data = FileManager.default.contents(atPath: url.path) else {
        Issue.record("\(name):\(expectation.line): `\(expectation.command)` did not run")
        continue
      }
      let printed = String(decoding: data, as: UTF8.self)
      var actual = printed.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      if actual.last == "" { actual.removeLast() }
      #expect(outputMatches(actual, expectation.output),
        "\(name):\(expectation.line): `\(expectation.command)` printed\n\(printed)\ninstead of\n\(expectation.output.joined(separator: "\n"))")
    }
    if result.status == 0 { try? FileManager.default.removeItem(at: folder) }
  }

  @Test(arguments: DocumentationPage.all)
  func everyBlockSaysWhatItIs(_ name: String) throws {
    let page = try DocumentationPage(name)
    #expect(!page.text.contains("\r"), "\(name): line ends are LF only")
    let fences = page.lines.filter { $0.hasPrefix("```") }.count
    #expect(fences % 2 == 0, "\(name): a fenced block is not closed")
    // Only ``` fences are read, so any other fence would hide its commands from the test.
    for (index, line) in page.lines.enumerated() {
      let trimmed = line.drop { $0 == " " || $0 == "\t" || $0 == ">" }
      #expect(!trimmed.hasPrefix("~~~"), "\(name):\(index + 1): fence blocks with ``` only")
      #expect(!(trimmed.hasPrefix("```") && trimmed.count != line.count), "\(name):\(index + 1): a fence starts its line")
      if line.hasPrefix("```") {
        #expect(line.dropFirst(3).allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }, "\(name):\(index + 1): a fence is ``` and a language")
      }
    }
    for block in page.blocks {
      #expect(!block.language.isEmpty, "\(name):\(block.line): a fenced block needs a language (sh, console, text, csv, json…)")
      if let file = block.fileName {
        #expect(!file.contains("/") && !file.hasPrefix("."), "\(name):\(block.line): an example file is a plain name")
      }
      #expect(block.language.isEmpty || DocumentationPage.Block.languages.contains(block.language),
        "\(name):\(block.line): '\(block.language)' is none of \(DocumentationPage.Block.languages.sorted().joined(separator: ", "))")
      // A job left in the background would outlive the test (and hold its output open).
      #expect(!(block.runs && block.startsBackgroundJob), "\(name):\(block.line): a background job (&) in an example needs <!-- not run: … -->")
      if block.runs && block.language == "console" {
        #expect(block.text.split(separator: "\n").contains { $0.hasPrefix("$ ") }, "\(name):\(block.line): a console block with no `$ ` line checks nothing")
      }
      if let marker = block.marker, marker.hasPrefix("not run:") {
        #expect(marker.count > "not run:".count + 3, "\(name):\(block.line): say why the block is not run")
      }
    }
  }

  @Test(arguments: DocumentationPage.all)
  func everyLinkLeadsSomewhere(_ name: String) throws {
    let page = try DocumentationPage(name)
    let folder = URL(fileURLWithPath: name).deletingLastPathComponent().relativePath
    let link = #/\]\(([^)\s]+)\)/#
    for match in page.text.matches(of: link) {
      let target = String(match.output.1)
      guard !target.hasPrefix("http") else { continue }
      let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
      let file = parts[0].isEmpty ? name : (folder == "." ? "" : folder + "/") + parts[0]
      let path = URL(fileURLWithPath: file, relativeTo: DocumentationPage.root).standardized.path
      #expect(FileManager.default.fileExists(atPath: path), "\(name): the link \(target) leads to no file")
      guard parts.count == 2 else { continue }
      let linked = try? DocumentationPage(path.replacingOccurrences(of: DocumentationPage.root.path + "/", with: ""))
      #expect(linked != nil, "\(name): the link \(target) has an anchor but leads to no page")
      if let linked {
        #expect(linked.anchors.contains(String(parts[1])), "\(name): the link \(target) leads to no heading of \(linked.name)")
      }
    }
  }

  @Test func theReadmeLinksEveryPage() throws {
    let readme = try DocumentationPage("README.md").text.replacing(#/<!--[\s\S]*?-->/#, with: "")
    for page in DocumentationPage.all.dropFirst() {
      #expect(readme.contains("](\(page))"), "README.md does not link \(page)")
    }
  }

  /// The sample of docs/json.md is the demo's own output, shortened: every member it shows is there
  /// with the value it shows, and every top-level member of the output is shown.
  @Test func theJSONSampleIsTheDemos() throws {
    let page = try DocumentationPage("docs/json.md")
    let sample = try #require(page.blocks.first { $0.language == "json" })
    let cli = try CLI()
    _ = try cli.run(["demo", "--db", cli.database], database: false)
    let output = try cli.run(["roi", "--format", "json"])
    let real = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
    let shown = try #require(try JSONSerialization.jsonObject(with: Data(sample.text.utf8)) as? [String: Any])
    #expect(Set(real.keys) == Set(shown.keys))
    var differences: [String] = []
    jsonDifferences(shown, real, at: "", into: &differences)
    #expect(differences.isEmpty, "docs/json.md:\(sample.line): \(differences.joined(separator: "; "))")
  }

  /// Where `shown` says other than `real`; list items are matched by their `quarter`, `metric` or `label`.
  private func jsonDifferences(_ shown: Any, _ real: Any, at path: String, into differences: inout [String]) {
    switch (shown, real) {
    case (let shown as [String: Any], let real as [String: Any]):
      for (key, value) in shown {
        guard let other = real[key] else {
          differences.append("\(path).\(key) is not in the output")
          continue
        }
        jsonDifferences(value, other, at: path + "." + key, into: &differences)
      }
    case (let shown as [Any], let real as [Any]):
      for (index, item) in shown.enumerated() {
        let key = ["quarter", "metric", "label"].first { (item as? [String: Any])?[$0] != nil }
        let other = key.flatMap { key in
          real.first { ($0 as? [String: Any])?[key] as? String == (item as? [String: Any])?[key] as? String }
        } ?? (index < real.count ? real[index] : nil)
        guard let other else {
          differences.append("\(path)[\(index)] is not in the output")
          continue
        }
        jsonDifferences(item, other, at: path + "[\(index)]", into: &differences)
      }
    case (let shown as Bool, let real as Bool):
      if shown != real { differences.append("\(path) is \(real), not \(shown)") }
    case (let shown as NSNumber, let real as NSNumber):
      if shown != real { differences.append("\(path) is \(real), not \(shown)") }
    case (let shown as String, let real as String):
      if shown != real { differences.append("\(path) is \(real), not \(shown)") }
    case (is NSNull, is NSNull):
      break
    default:
      differences.append("\(path) is \(real), not \(shown)")
    }
  }

  @Test func aConsoleBlockMatchesWithEllipsis() {
    #expect(outputMatches(["a", "b", "c"], ["a", "…", "c"]))
    #expect(outputMatches(["a"], ["a", "…"]))
    #expect(outputMatches(["a", "x", "b", "x", "b", "c"], ["a", "…", "b", "c"]))
    #expect(!outputMatches(["a", "b"], ["…", "c"]))
    #expect(outputMatches((1...100_000).map(String.init), ["1", "…"]))
    #expect(outputMatches((1...20_000).map(String.init), (1...20_000).map(String.init)))
    #expect(!outputMatches(["a", "b"], ["a", "c"]))
    #expect(!outputMatches(["a", "b"], ["a"]))
  }

  /// Runs the page's script in `folder` with `crm-roi` first on the PATH and a HOME of its own.
  private func runBash(_ folder: URL) throws -> CLI.Result {
    var environment = CLI.scriptEnvironment
    for name in ["XDG_DATA_HOME", "XDG_CONFIG_HOME"] { environment.removeValue(forKey: name) }
    environment["HOME"] = folder.path
    environment["NO_COLOR"] = "1"
    // The pages' histories run to 2026-03: their outputs are read as in April 2026, whatever the date.
    environment["CRM_ROI_TODAY"] = "2026-04"
    // A command that never ends (a server left unmarked) fails the page after 5 minutes.
    return try CLI.launch(
      URL(fileURLWithPath: "/usr/bin/timeout"), ["--kill-after=10", "300", "/bin/bash", ".doc-script"], in: folder,
      environment: environment, outputs: folder.appendingPathComponent(".doc-out"))
  }
}
