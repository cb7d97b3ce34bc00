import Foundation
import ROIEngine
import Testing

/// Part 9: every text a person reads comes from the catalogue. A scan of the sources finds string
/// literals that read as prose (two words or more) outside it; what may stay is named here: help
/// texts (`--help` stays English), SQL, programmer checks (`precondition`), HTML and CSS markup,
/// and lines marked `// no-catalogue: REASON` (data, such as the French names a CSV header may
/// use, or the audit trail's stored text).
@Suite struct CatalogueScanTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// Every Swift file a person's text could come from.
  static func sources() throws -> [(path: String, lines: [String])] {
    let folder = root.appendingPathComponent("Sources")
    let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)!
    var files: [(String, [String])] = []
    for case let url as URL in enumerator where url.pathExtension == "swift" {
      let path = String(url.path.dropFirst(root.path.count + 1))
      guard path != "Sources/ROIEngine/Catalogue/Message.swift", !path.hasPrefix("Sources/EmbedMigrations/") else { continue }
      files.append((path, try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")))
    }
    return files.sorted { $0.0 < $1.0 }
  }

  /// The string literals of `line` (one-line ones), interpolations left out.
  static func literals(in line: String) -> [String] {
    var literals: [String] = []
    var current: String?
    var depth = 0
    var characters = Array(line)[...]
    while let character = characters.popFirst() {
      if var text = current {
        if depth > 0 {
          if character == "(" { depth += 1 }
          if character == ")" { depth -= 1 }
          continue
        }
        if character == "\\", let next = characters.popFirst() {
          if next == "(" { depth = 1 } else { text.append(next) }
          current = text
        } else if character == "\"" {
          literals.append(text)
          current = nil
        } else {
          text.append(character)
          current = text
        }
      } else if character == "\"" {
        if characters.starts(with: "\"\"") { return literals }  // a multi-line literal: read by lines
        current = ""
      } else if character == "/", characters.first == "/" {
        return literals  // a comment
      }
    }
    return literals
  }

  /// Two words of letters in a row, once markup is left out: tags, attributes, SQL.
  static func readsAsProse(_ literal: String) -> Bool {
    let trimmed = literal.trimmingCharacters(in: .whitespaces)
    if sql.contains(where: { trimmed.hasPrefix($0 + " ") }) || trimmed.contains("WHERE ") { return false }
    let text = literal
      .replacingOccurrences(of: "[\\w-]+=\"[^\"]*\"", with: " ", options: .regularExpression)
      .replacingOccurrences(of: "</?[A-Za-z][\\w-]*|/?>|<!DOCTYPE html", with: " ", options: .regularExpression)
    return text.range(of: "\\p{L}{2,}[,;:.]? +\\p{L}{2,}", options: .regularExpression) != nil
  }

  static let allowed = [
    "help:", "abstract:", "discussion:", "precondition(", "preconditionFailure(", "fatalError(", "assert(", "// no-catalogue",
  ]
  static let sql = ["SELECT", "INSERT", "UPDATE", "DELETE", "CREATE", "PRAGMA", "ALTER", "DROP", "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE", "WITH"]

  @Test func noTextForPeopleOutsideTheCatalogue() throws {
    var found: [String] = []
    for (path, lines) in try Self.sources() {
      var inMultiline = false
      var inHelp = false
      var inStyle = false
      for (number, line) in lines.enumerated() {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("//") { continue }
        if line.components(separatedBy: "\"\"\"").count == 2 {
          // A multi-line literal opens or closes here.
          if !inMultiline { inHelp = Self.allowed.contains { line.contains($0) } }
          inMultiline.toggle()
          continue
        }
        if inMultiline {
          if Self.sql.contains(where: { trimmed.hasPrefix($0 + " ") }) { inHelp = true }  // an SQL statement
          if trimmed.hasPrefix("<style>") { inStyle = true }
          if trimmed.hasPrefix("</style>") { inStyle = false }
          let text = trimmed.replacingOccurrences(of: "\\\\\\([^)]*\\)", with: " ", options: .regularExpression)
          if !inHelp, !inStyle, Self.readsAsProse(text) { found.append("\(path):\(number + 1): \(trimmed)") }
          continue
        }
        if Self.allowed.contains(where: { line.contains($0) }) { continue }
        for literal in Self.literals(in: line) where Self.readsAsProse(literal) {
          found.append("\(path):\(number + 1): \"\(literal)\"")
        }
      }
    }
    #expect(found.isEmpty, "texts for people outside the catalogue:\n\(found.joined(separator: "\n"))")
  }

  /// A message no source uses is a text nobody reads, left to rot.
  @Test func everyMessageIsUsed() throws {
    let sources = try Self.sources().map { $0.lines.joined(separator: "\n") }.joined(separator: "\n")
    let unused = Message.allCases.filter { message in
      sources.range(of: "\\.\(message.rawValue)\\b", options: .regularExpression) == nil
    }
    #expect(unused.isEmpty, "\(unused)")
  }

  /// The scan itself finds prose, and leaves code alone.
  @Test func theScanFindsProse() {
    #expect(Self.literals(in: #"try show("Added expense \(id): done")"#) == ["Added expense : done"])
    #expect(Self.readsAsProse("Added expense : done"))
    #expect(Self.readsAsProse("<h2>Cost per quarter</h2>"))
    #expect(!Self.readsAsProse("<rect class=\"cost\">"))
    #expect(!Self.readsAsProse("<circle class=\"roi\" data-series=\"rolling-annual-roi\" \\"))
    #expect(!Self.readsAsProse("SELECT id FROM expense WHERE id = ?"))
    #expect(!Self.readsAsProse("--amount"))
    #expect(!Self.readsAsProse("crm-roi"))
  }
}
