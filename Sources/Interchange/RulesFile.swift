import ROIEngine

/// What the CSV and FEC rules files share: reading the file (UTF-8, or a single-byte encoding, as a
/// FEC's may be) and splitting it into numbered lines of tokens, `#` comments and blank lines left out.
enum RulesFile {
  /// The tokens of each line that holds any, with its number.
  static func lines(atPath path: String) throws -> (name: String, lines: [(number: Int, tokens: [FECRules.Token])]) {
    let (bytes, name) = try TextFile.contents(of: path, expected: Phrase(.aRulesFile))
    let (text, _) = try TextFile.decode(bytes, name: name)
    return (name, try lines(of: String(decoding: text, as: UTF8.self), file: name))
  }

  static func lines(of text: String, file: String) throws -> [(number: Int, tokens: [FECRules.Token])] {
    var lines: [(Int, [FECRules.Token])] = []
    var number = 0
    // "\r\n" is one Character in Swift: split on it as on "\n".
    for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
      number += 1
      let tokens = try FECRules.tokens(of: line) { [number] message in CSVError(file: file, line: number, message: message) }
      if !tokens.isEmpty { lines.append((number, tokens)) }
    }
    return lines
  }
}
