import Foundation
import SQLite
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Import, export and the HTML report through the built binary.
@Suite struct ImportExportTests {
  /// A database with the README's metrics, go-live 2025-04.
  func database() throws -> CLI {
    let cli = try CLI()
    try cli.ok("init", "--go-live", "2025-04")
    try cli.ok("metric", "add", "sales", "--kind", "revenue", "--margin", "35%", "--target", "+5%")
    try cli.ok("metric", "add", "returns-cost", "--kind", "cost")
    try cli.ok("metric", "add", "repeat-purchases", "--kind", "count", "--unit-value", "18.50")
    return cli
  }

  @Test func theReadmeExamplesImport() throws {
    let cli = try database()
    let expenses = try cli.file("expenses.csv", try CLI.readmeExample("expenses.csv"))
    #expect(try cli.ok("import", "expenses", expenses).contains("4 added, 0 replaced, 0 skipped"))
    let list = try cli.ok("expense", "list")
    #expect(list.contains("6,800.00"))  // 160 h × 42.50
    #expect(list.contains("CRM licences, 24 users"))
    #expect(list.contains("every month  2027-03"))

    let long = try cli.file("metrics-long.csv", try CLI.readmeExample("metrics-long.csv"))
    #expect(try cli.ok("import", "metrics", long).contains("4 added, 0 replaced, 0 skipped"))
    let wide = try cli.file("metrics-wide.csv", try CLI.readmeExample("metrics-wide.csv"))
    // The wide file repeats three values, changes one (2025-04 returns 2310 → 2295) and adds one.
    #expect(try cli.ok("import", "metrics", wide).contains("1 added, 1 replaced, 3 skipped"))
    let exported = try cli.ok("export", "metrics")
    #expect(exported == """
      month,metric,value
      2025-03,repeat-purchases,400
      2025-03,returns-cost,2400.5
      2025-03,sales,180000
      2025-04,returns-cost,2295
      2025-04,sales,182000

      """)
  }

  @Test func encodingsLineEndingsQuotesAndStandardInput() throws {
    let cli = try database()
    let tricky = "\u{FEFF}note,amount,category,date\r\n\"Says \"\"hi\"\", then, commas\",12.50,other,2025-01-02\r\n"
      + "\"two\nlines\",1,other,2025-01-03\r\n\r\n"
    let path = try cli.file("tricky.csv", tricky)
    #expect(try cli.ok("import", "expenses", path).contains("2 added"))
    let json = try cli.ok("export", "expenses", "--format", "json")
    #expect(json.contains(#""note": "Says \"hi\", then, commas""#))
    #expect(json.contains(#""note": "two\nlines""#))
    #expect(json.contains(#""amount": 12.50"#))

    let piped = try cli.run(["import", "metrics", "-"], input: "month,metric,value\n2025-03,sales,1000\n")
    #expect(piped.status == 0, "\(piped.stderr)")
    #expect(piped.stdout.contains("Imported <stdin>: 1 added"))
  }

  @Test func threeBadRowsAreAllReportedAndNothingIsWritten() throws {
    let cli = try database()
    try cli.ok("expense", "add", "--date", "2025-01-01", "--category", "license", "--amount", "100")
    let before = try cli.contents()
    let path = try cli.file("bad.csv", """
      date,category,amount
      2025-01-05,license,100
      2025-02-30,license,100
      2025-01-06,lunch,100
      2025-01-07,license,1e3
      2025-01-08,license,200

      """)
    let result = try cli.run(["import", "expenses", path])
    #expect(result.status == 65)
    let lines = result.stderr.split(separator: "\n").map(String.init)
    #expect(lines.count == 4)
    #expect(lines[0] == "crm-roi: error: \(path):3:1 (date): '2025-02-30' is not valid; expected a date as YYYY-MM-DD from 1900-01-01 to 9999-12-31, like 2025-03-10")
    #expect(lines[1].hasPrefix("crm-roi: error: \(path):4:2 (category): 'lunch' is not valid; expected one of license,"))
    #expect(lines[2] == "crm-roi: error: \(path):5:3 (amount): '1e3' is not valid; expected a number like 1234.56 or 1,234.56, with EUR or its symbol if any")
    #expect(lines[3] == "crm-roi: error: \(path): 3 bad values; nothing was imported")
    #expect(try cli.contents() == before)
  }

  @Test(arguments: [
    ("", "the file is empty"),
    ("category,amount\nlicense,5\n", "the header 'category,amount' has no date column"),
    ("date,category,amount,colour\n2025-01-01,license,5,red\n", "unknown column 'colour'"),
    ("date,category,amount\n2025-01-01,license\n", ":2: 2 fields; expected 3"),
    ("date,category,amount,note\n2025-01-01,license,5,\"open\n", "a quoted field is never closed"),
  ])
  func malformedFilesAreRefused(text: String, message: String) throws {
    let cli = try database()
    let before = try cli.contents()
    let result = try cli.run(["import", "expenses", try cli.file("bad.csv", text)])
    #expect(result.status == 65)
    #expect(result.stderr.contains(message), "\(result.stderr)")
    #expect(try cli.contents() == before)
  }

  @Test func aFileThatIsNotUTF8IsReadAsWindows1252UnlessToldOtherwise() throws {
    let cli = try database()
    let path = cli.directory.appendingPathComponent("latin1.csv").path
    // 0xE9 is é in Windows-1252 (and Latin-1); 0x80 is € in Windows-1252 only.
    try Data("date,category,amount,note\n2025-01-01,other,5,caf".utf8 + [0xE9, 0x20, 0x80] + "\n".utf8).write(to: URL(fileURLWithPath: path))
    let forced = try cli.run(["import", "expenses", path, "--encoding", "utf-8"])
    #expect(forced.status == 65)
    #expect(forced.stderr.contains("latin1.csv:2:4 (note)") && forced.stderr.contains("not valid UTF-8"))
    let read = try cli.ok("import", "expenses", path)
    #expect(read.contains("1 added") && read.contains("read as Windows-1252, comma-separated, decimal point"))
    #expect(try cli.ok("expense", "list").contains("café €"))
  }

  @Test func aNULByteInATextFieldIsRefusedWithItsLineAndColumn() throws {
    let cli = try database()
    let before = try cli.contents()
    let path = try cli.file("nul.csv", "date,category,amount,note\n2025-01-01,other,5,fine\n2025-01-02,other,5,abc\u{0}def\n")
    let result = try cli.run(["import", "expenses", path])
    #expect(result.status == 65)
    #expect(result.stderr == "crm-roi: error: \(path):3:4 (note): a NUL byte at byte 4 of the field; expected text without NUL bytes\n")
    #expect(try cli.contents() == before)

    let metrics = try cli.file("nul-metrics.csv", "month,metric,value\n2025-01,sales\u{0},5\n")
    let refused = try cli.run(["import", "metrics", metrics])
    #expect(refused.status == 65)
    #expect(refused.stderr.hasPrefix("crm-roi: error: \(metrics):2:2 (metric): a NUL byte"), "\(refused.stderr)")
    #expect(try cli.contents() == before)
  }

  @Test func aFieldOverOneMebibyteIsRefusedWithItsLineAndColumn() throws {
    let cli = try database()
    let before = try cli.contents()
    let long = String(repeating: "x", count: 1_048_577)
    let path = try cli.file("long.csv", "date,category,amount,note\n2025-01-01,other,5,\"\(long)\"\n")
    let result = try cli.run(["import", "expenses", path])
    #expect(result.status == 65)
    #expect(result.stderr == "crm-roi: error: \(path):2:4 (note): a field longer than 1,048,576 bytes; expected at most 1 MiB per field\n")
    #expect(try cli.contents() == before)
    // 1 MiB exactly is a note like any other.
    let fits = try cli.file("fits.csv", "date,category,amount,note\n2025-01-01,other,5,\(long.dropLast())\n")
    #expect(try cli.ok("import", "expenses", fits).contains("1 added"))
  }

  @Test func reimportingAddsNothingButEqualRowsInOneFileAreBothKept() throws {
    let cli = try database()
    let path = try cli.file("twice.csv", """
      date,category,amount,note
      2025-01-05,license,100,same
      2025-01-05,license,100,same
      2025-01-06,service,50,

      """)
    #expect(try cli.ok("import", "expenses", path).contains("3 added, 0 replaced, 0 skipped"))
    #expect(try cli.ok("import", "expenses", path).contains("0 added, 0 replaced, 3 skipped"))
    #expect(try cli.ok("import", "expenses", path, "--dry-run").contains("Dry run, nothing written: would import \(path): 0 added"))
    let list = try cli.ok("expense", "list")
    #expect(list.components(separatedBy: "same").count - 1 == 2)
  }

  /// Defect 5: the audit trail named the ids after the insert ("ids 2 to 1" for one row).
  @Test func theAuditTrailNamesTheIDsAnImportAdded() throws {
    let cli = try database()
    func imports() throws -> [String] {
      try Database(path: cli.database, mode: .readWrite)
        .prepare("SELECT new_value FROM audit WHERE action = 'import' ORDER BY id").rows { $0.text(0) }
    }
    try cli.ok("import", "expenses", try cli.file("one.csv", "date,category,amount\n2025-01-05,license,100\n"))
    #expect(try imports().last == "1 added (ids 1 to 1), 0 skipped")

    // Two new rows around a stored one.
    try cli.ok("import", "expenses", try cli.file("three.csv", "date,category,amount\n2025-01-06,other,1\n2025-01-05,license,100\n2025-01-07,other,2\n"))
    #expect(try imports().last == "2 added (ids 2 to 3), 1 skipped")
    try cli.ok("import", "expenses", try cli.file("three.csv", "date,category,amount\n2025-01-06,other,1\n2025-01-05,license,100\n2025-01-07,other,2\n"))
    #expect(try imports().last == "0 added, 3 skipped")

    // Into a table whose only rows are removed ones, in bulk (the indexes are rebuilt after the load).
    for id in 1...3 { try cli.ok("expense", "remove", String(id)) }
    var csv = "date,category,amount,note\n"
    for index in 0..<12_000 { csv += "2025-02-0\(index % 9 + 1),service,\(index % 500 + 1),row \(index)\n" }
    try cli.ok("import", "expenses", try cli.file("bulk.csv", csv))
    #expect(try imports().last == "12000 added (ids 4 to 12003), 0 skipped")
    let database = try Database(path: cli.database, mode: .readWrite)
    #expect(try database.scalar("SELECT min(id) FROM expense WHERE note = 'row 0'") == 4)
    #expect(try database.scalar("SELECT max(id) FROM expense WHERE note = 'row 11999'") == 12_003)
    #expect(try database.scalar("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'expense'") == 1)
    #expect(try database.prepare("PRAGMA integrity_check").rows { $0.text(0) } == ["ok"])
  }

  @Test func dryRunWritesNothing() throws {
    let cli = try database()
    let before = try cli.contents()
    let path = try cli.file("e.csv", "date,category,amount\n2025-01-05,license,100\n")
    #expect(try cli.ok("import", "expenses", path, "--dry-run").contains("would import \(path): 1 added"))
    #expect(try cli.contents() == before)
  }

  @Test func exportImportExportGivesTheSameBytesAndNeutralisesFormulas() throws {
    let cli = try database()
    try cli.ok("expense", "add", "--date", "2025-01-02", "--category", "other", "--amount", "5", "--note", "=HYPERLINK(\"http://x\")")
    try cli.ok("expense", "add", "--date", "2025-01-03", "--category", "other", "--amount", "5", "--note", "-minus, +plus")
    try cli.ok("expense", "add", "--date", "2025-01-04", "--category", "other", "--amount", "5", "--note", "@at 'quote")
    try cli.ok("expense", "add", "--date", "2025-01-05", "--category", "labor", "--hours", "7.25", "--rate", "42.50", "--every", "quarter", "--until", "2026-01")
    try cli.ok("log", "2025-03", "sales=180000.50", "returns-cost=2100", "repeat-purchases=410")
    let expenses = try cli.ok("export", "expenses")
    let metrics = try cli.ok("export", "metrics")
    #expect(expenses.contains(#"2025-01-02,other,5.00,"'=HYPERLINK(""http://x"")",,,,"#))
    #expect(expenses.contains(#"2025-01-03,other,5.00,"'-minus, +plus",,,,"#))
    #expect(expenses.contains("2025-01-04,other,5.00,'@at 'quote,,,,"))
    #expect(expenses.contains("2025-01-05,labor,308.12,,7.25,42.50,quarter,2026-01"))

    let copy = try database()
    try copy.ok("import", "expenses", try copy.file("e.csv", expenses))
    try copy.ok("import", "metrics", try copy.file("m.csv", metrics))
    #expect(try copy.ok("export", "expenses") == expenses)
    #expect(try copy.ok("export", "metrics") == metrics)
    #expect(try copy.ok("expense", "list").contains("=HYPERLINK(\"http://x\")"))  // the text itself is kept
  }

  @Test func theHTMLReportEscapesUserTextAndItsChartsCarryTheJSONFigures() throws {
    let cli = try database()
    try cli.ok("expense", "add", "--date", "2025-03-01", "--category", "license", "--amount", "12000", "--note", "<script>alert('x')</script> & co")
    try cli.ok("expense", "add", "--date", "2025-04-01", "--category", "service", "--amount", "350", "--every", "month")
    for month in ["2024-04", "2024-10", "2025-01"] { try cli.ok("log", month, "sales=100000", "returns-cost=2000", "repeat-purchases=400") }
    try cli.ok("log", "2025-04", "sales=110000", "returns-cost=1900", "repeat-purchases=420")
    try cli.ok("log", "2025-07", "sales=150000", "returns-cost=1800", "repeat-purchases=430")
    let output = cli.directory.appendingPathComponent("report.html").path
    try cli.ok("report", "--output", output)
    let html = try String(contentsOfFile: output, encoding: .utf8)
    #expect(!html.contains("<script"))
    #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co"))
    #expect(!html.contains("http://") && !html.contains("https://"))  // self-contained

    let json = try cli.json("roi", "--format", "json")
    let quarters = try #require(json["quarters"] as? [[String: Any]])
    let svgs = try svgElements(in: html)
    #expect(svgs.count == 7)  // three charts by quarter, benefit by metric, then one per money metric (repeat-purchases, returns-cost, sales)
    func figures(_ series: String) -> [String: String] {
      Dictionary(uniqueKeysWithValues: svgs.flatMap { $0 }.filter { $0["data-series"] == series }
        .compactMap { element in element["data-quarter"].flatMap { quarter in element["data-value"].map { (quarter, $0) } } })
    }
    let jsonText = try cli.run(["roi", "--format", "json"]).stdout
    for (series, field) in [("cost", "cost"), ("benefit", "benefit"), ("cumulative-cost", "cumulative_cost"),
                            ("cumulative-benefit", "cumulative_benefit"), ("rolling-annual-roi", "rolling_annual_roi")] {
      let drawn = figures(series)
      let expected = quarters.compactMap { quarter -> (String, String)? in
        guard let label = quarter["quarter"] as? String, let text = numberText(in: jsonText, quarter: label, field: field) else { return nil }
        return (label, text)
      }
      #expect(drawn == Dictionary(uniqueKeysWithValues: expected), "\(series)")
      #expect(!drawn.isEmpty)
    }
    #expect(html.contains("data-value=\"\(numberText(in: jsonText, field: "total_cost_of_ownership")!)\""))

    // With --project the projection is drawn dashed, with the JSON's figures.
    try cli.ok("report", "--output", output, "--project")
    let projected = try String(contentsOfFile: output, encoding: .utf8)
    let projectedJSON = try cli.run(["roi", "--format", "json", "--project"]).stdout
    let projectedFigures = try svgElements(in: projected).flatMap { $0 }
      .filter { $0["data-series"] == "projected-cumulative-benefit" && $0["data-quarter"] != nil }
    #expect(!projectedFigures.isEmpty)
    #expect(projected.contains("class=\"benefit projected\""))
    for figure in projectedFigures {
      let quarter = figure["data-quarter"]!
      // In the projection's own quarters: the first may also be an actual, partial, row.
      let projection = projectedJSON[projectedJSON.range(of: "\"projection\"")!.upperBound...]
      let scope = projection[projection.range(of: "\"quarter\": \"\(quarter)\"")!.upperBound...]
      let text = scope[scope.range(of: "\"cumulative_benefit\": ")!.upperBound...].prefix { $0 != "\n" && $0 != "," }
      #expect(figure["data-value"] == String(text), "\(quarter)")
    }
  }

  /// The attributes of every element inside each <svg> of `html`, parsed as XML.
  func svgElements(in html: String) throws -> [[[String: String]]] {
    var charts: [[[String: String]]] = []
    var rest = Substring(html)
    while let start = rest.range(of: "<svg"), let end = rest.range(of: "</svg>") {
      let svg = String(rest[start.lowerBound..<end.upperBound])
      let collector = AttributeCollector()
      let parser = XMLParser(data: Data(svg.utf8))
      parser.delegate = collector
      #expect(parser.parse(), "SVG is well-formed XML: \(parser.parserError.map { "\($0)" } ?? "")")
      charts.append(collector.elements)
      rest = rest[end.upperBound...]
    }
    return charts
  }

  /// The literal number text of `field` in the JSON report (for one quarter when given): exact, no Double.
  func numberText(in json: String, quarter: String? = nil, field: String) -> String? {
    var scope = Substring(json)
    if let quarter {
      guard let start = scope.range(of: "\"quarter\": \"\(quarter)\"") else { return nil }
      scope = scope[start.upperBound...]
      if let end = scope.range(of: "\"missing_months\"") { scope = scope[..<end.lowerBound] }
    }
    guard let key = scope.range(of: "\"\(field)\": ") else { return nil }
    let value = scope[key.upperBound...].prefix { $0 != "," && $0 != "\n" }
    return value == "null" ? nil : String(value)
  }
}

final class AttributeCollector: NSObject, XMLParserDelegate {
  var elements: [[String: String]] = []

  func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
              attributes: [String: String] = [:]) {
    elements.append(attributes)
  }
}
