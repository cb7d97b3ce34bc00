import Foundation
import Testing

/// What is shown on a terminal cannot drive it.
@Suite struct OutputTests {
  /// A database with an expense, a metric and a month logged: every command below has something to show.
  func database() throws -> CLI {
    let cli = try CLI()
    try cli.ok("init", "--go-live", "2025-01")
    try cli.ok("metric", "add", "sales", "--kind", "revenue", "--margin", "50%")
    try cli.ok("log", "2024-12", "sales=100000")
    try cli.ok("log", "2025-01", "sales=105000")
    try cli.ok("expense", "add", "--date", "2025-01-15", "--category", "license", "--amount", "1000", "--note", "Seats")
    return cli
  }

  @Test func controlCharactersInUserTextAreShownNotRun() throws {
    let cli = try database()
    let note = "\u{1B}]0;owned\u{07}\u{1B}[2J\u{1B}[31mred\u{9B}1m\u{7F}"
    try cli.ok("expense", "add", "--date", "2025-01-16", "--category", "other", "--amount", "5", "--note", note)
    try cli.ok("expense", "add", "--date", "2025-01-17", "--category", "other", "--amount", "5", "--note", "two\nlines\ttab")
    let shown = #"\u{1B}]0;owned\u{7}\u{1B}[2J\u{1B}[31mred\u{9B}1m\u{7F}"#
    for arguments in [["expense", "list"], ["history"]] {
      let output = try cli.run(arguments)
      #expect(output.status == 0)
      #expect(!output.stdout.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" }, "\(arguments)")
      #expect(output.stdout.contains(shown), "\(arguments): \(output.stdout)")
      #expect(output.stdout.contains(#"two\u{A}lines\u{9}tab"#), "\(arguments)")
    }
    // Raw text stays raw where a program reads it.
    #expect(try cli.ok("export", "expenses").contains(note))
    #expect(try cli.ok("export", "expenses", "--format", "json").contains(#"\u001b[31mred"#))

    // An error message quoting a value from a file shows it too, on one line.
    let bad = try cli.file("bad.csv", "date,category,amount\n2025-01-05,\u{1B}[2Jlicense,5\n")
    let result = try cli.run(["import", "expenses", bad])
    #expect(result.status == 65)
    #expect(!result.stderr.contains("\u{1B}"))
    #expect(result.stderr.contains(#"'\u{1B}[2Jlicense'"#), "\(result.stderr)")
    let refused = try cli.run(["log", "2025-02", "sales\n=1"])
    #expect(refused.status == 65)
    #expect(refused.stderr.split(separator: "\n").count == 1, "\(refused.stderr)")
    #expect(refused.stderr.contains(#"sales\u{A}"#), "\(refused.stderr)")
  }
}
