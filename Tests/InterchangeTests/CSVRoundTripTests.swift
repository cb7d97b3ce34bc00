import PropertyBased
import Testing

@testable import Interchange

/// Whatever text is written as CSV fields reads back as the same fields.
@Suite struct CSVRoundTripTests {
  /// Combining marks and CR LF join the character before them: "=" + U+0301 is one Character.
  static let alphabet: [Character] = Array("ab ,\"\n\r\t'=+-@é€😀1.") + ["\u{301}", "\u{FE0F}", "\r\n"]

  @Test func fieldsSurviveWritingAndReading() async throws {
    let field = Gen<Character?>.element(of: CSVRoundTripTests.alphabet).compactMap { $0 }.array(of: 0...8).map { String($0) }
    await propertyCheck(count: 500, input: field.array(of: 1...5).array(of: 1...4)) { records in
      let text = records.map { $0.map { CSVText.field($0, isText: false) }.joined(separator: ",") }.joined(separator: "\r\n") + "\n"
      let reader = CSVReader(bytes: Array(text.utf8), name: "generated")
      var read: [[String]] = []
      while let record = try reader.next() { read.append(record.fields) }
      // A record of one empty field is a blank line, which the reader skips.
      #expect(read == records.filter { $0 != [""] })
    }
  }

  @Test func formulaGuardIsUndoneOnImport() async {
    let field = Gen<Character?>.element(of: CSVRoundTripTests.alphabet).compactMap { $0 }.array(of: 0...8).map { String($0) }
    await propertyCheck(count: 500, input: field) { text in
      let written = CSVText.field(text, isText: true)
      if let first = text.utf8.first, Array("=+-@\t\r'".utf8).contains(first) {
        #expect(written.hasPrefix("'") || written.hasPrefix("\"'"), "\(Array(text.unicodeScalars))")
      }
      let reader = CSVReader(bytes: Array((written + "\n").utf8), name: "generated")
      let fields = try reader.next()?.fields ?? [""]
      #expect(CSVText.unneutralised(fields[0]) == text)
    }
  }

  /// The guard decides by the first byte, not the first Character: CR LF, "=" + a combining
  /// accent and "@" + a variation selector start formulas too, and import undoes exactly that.
  @Test(arguments: ["\r\n=1+1", "=\u{301}1+1", "@\u{FE0F}SUM(A1)", "+\u{20DD}", "-\u{301}", "\t\u{301}", "'\u{301}", "'=\u{301}"])
  func formulaGuardDecidesByTheFirstByte(text: String) throws {
    let written = CSVText.field(text, isText: true)
    #expect(written.hasPrefix("'") || written.hasPrefix("\"'"), "\(Array(text.unicodeScalars))")
    let reader = CSVReader(bytes: Array((written + "\n").utf8), name: "t")
    let read = try #require(try reader.next()?.fields.first)
    #expect(CSVText.unneutralised(read).unicodeScalars.elementsEqual(text.unicodeScalars))
    #expect(CSVText.unneutralised(text) == text || text.utf8.first == UInt8(ascii: "'"))
  }

  @Test func byteOrderMarkCRLFAndQuotedLineBreaks() throws {
    let reader = CSVReader(bytes: Array("\u{FEFF}a,b\r\n\"x\r\ny\",\"q\"\"q\"\r\n\r\n,\n".utf8), name: "t")
    #expect(try reader.next()?.fields == ["a", "b"])
    let second = try reader.next()
    #expect(second?.fields == ["x\r\ny", "q\"q"])
    #expect(second?.line == 2)
    #expect(try reader.next()?.fields == ["", ""])
    #expect(try reader.next() == nil)
  }

  @Test func malformedQuotingNamesTheLine() {
    #expect(throws: CSVError(file: "t", line: 2, column: (2, "field 2"), message: .verbatim("a quote inside an unquoted field; expected the whole field in quotes with \"\" for each quote"))) {
      let reader = CSVReader(bytes: Array("a,b\nc,d\"e\n".utf8), name: "t")
      while try reader.next() != nil {}
    }
    #expect(throws: CSVError.self) {
      let reader = CSVReader(bytes: Array("\"open,b\n".utf8), name: "t")
      while try reader.next() != nil {}
    }
  }
}
