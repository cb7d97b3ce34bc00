import ROIEngine

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A problem with a CSV file's form or a value in it: the file, the line (and column), and what was expected.
public struct CSVError: ExplainedError, Equatable {
  public let file: String
  public let line: Int
  /// The column's number (1-based) and name, when the problem is in one field.
  public let column: (number: Int, name: String)?
  public let message: Phrase

  public init(file: String, line: Int, column: (number: Int, name: String)? = nil, message: Phrase) {
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  public static func == (lhs: CSVError, rhs: CSVError) -> Bool {
    lhs.description == rhs.description
  }

  /// A value's error in a field.
  public init(file: String, line: Int, column: (number: Int, name: String)? = nil, error: Error) {
    self.init(file: file, line: line, column: column, message: Phrase(error: error))
  }

  public var phrase: Phrase {
    // A header name can be as long as a field (1 MiB): shown in part; a column with no name is said so.
    let name: Phrase.Value? = column.map { column in
      column.name.isEmpty ? .phrase(Phrase(.columnWithoutName)) : .text(column.name.count > 80 ? "\(column.name.prefix(64))…" : column.name)
    }
    guard line > 0 else { return Phrase(.atFile, phrases: ["file": .text(file), "message": .phrase(message)]) }
    guard let column, let name else {
      return Phrase(.atLine, phrases: ["file": .text(file), "line": .text("\(line)"), "message": .phrase(message)])
    }
    return Phrase(.atColumn, phrases: [
      "file": .text(file), "line": .text("\(line)"), "column": .text("\(column.number)"), "name": name, "message": .phrase(message),
    ])
  }
}

/// One record of a CSV file and the line it starts on.
public struct CSVRecord {
  public let line: Int
  public let fields: [String]
}

/// A streaming RFC 4180 reader working on bytes: a UTF-8 byte order mark is skipped, records end
/// with LF or CRLF, quoted fields may hold commas, doubled quotes and line breaks. Every field
/// read as text must be valid UTF-8 without NUL bytes; a field longer than 1 MiB is refused as soon
/// as it passes that length. Blank lines are skipped. Memory stays at one buffer and one record.
public final class CSVReader {
  /// The longest field read, in bytes (1 MiB).
  public static let maximumFieldBytes = 1 << 20

  public let name: String
  /// The byte between fields: `,` unless set (`;` and tab for spreadsheets' CSV, `|` for the FEC).
  public var delimiter = UInt8(ascii: ",")
  /// The encoding the input was read in (see `settleEncoding`).
  public private(set) var encoding = TextEncoding.utf8
  /// A UTF-8 file whose only non-ASCII characters are pairs that Windows-1252 text makes by chance
  /// (`É` then a no-break space, C9 A0, is U+0260 `ɠ`): a few bytes around the first such pair,
  /// as Windows-1252 reads them, for the summary to say so.
  public private(set) var alsoWindows1252: String?
  /// The header's column names, to name a column in an error; "field N" where there is none.
  public var columnNames: [String] = []
  private let descriptor: Int32
  private let closeOnDeinit: Bool
  private var buffer = [UInt8](repeating: 0, count: 1 << 16)
  private var position = 0
  private var end = 0
  private var atEOF = false
  private var line = 1
  /// The current record's field bytes, back to back, and where each field ends.
  private var record: [UInt8] = []
  private var ends: [Int] = []
  /// The line the current record starts on.
  public private(set) var recordLine = 0

  /// Reads `path`, or standard input when `path` is "-"; `name` is the file's name in messages, when not its path.
  public init(path: String, name shown: String? = nil) throws {
    if path == "-" {
      (name, descriptor, closeOnDeinit) = ("<stdin>", 0, false)
    } else {
      let descriptor = open(path, O_RDONLY)
      guard descriptor >= 0 else {
        throw CSVError(file: shown ?? path, line: 0, message: Phrase(.cannotOpen, phrases: ["reason": .phrase(.system(errno, String(cString: strerror(errno)))), "expected": .phrase(Phrase(.readableCSV))]))
      }
      var info = stat()
      if fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
        close(descriptor)
        throw CSVError(file: shown ?? path, line: 0, message: Phrase(.isADirectory, phrases: ["expected": .phrase(Phrase(.aCSVFile))]))
      }
      (name, self.descriptor, closeOnDeinit) = (shown ?? path, descriptor, true)
    }
    try refill()
    if end - position >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { position = 3 }
  }

  /// Reads `bytes` already in memory, under `name` in messages.
  public init(bytes: [UInt8], name: String) {
    (self.name, descriptor, closeOnDeinit) = (name, -1, false)
    buffer = bytes
    end = bytes.count
    atEOF = true
    if end >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { position = 3 }
  }

  deinit { if closeOnDeinit { close(descriptor) } }

  /// Settles the input's encoding before anything is read: `forced`, else UTF-16 after its byte
  /// order mark, else UTF-8 when every byte of the file (of standard input, of its first 64 KiB) is
  /// valid UTF-8, else Windows-1252. An input not in UTF-8 is read whole and converted to UTF-8.
  public func settleEncoding(_ forced: TextEncoding?) throws {
    precondition(recordLine == 0, "the encoding is settled before the first record")
    let hasUTF16Mark = end >= 2 && ((buffer[0] == 0xFF && buffer[1] == 0xFE) || (buffer[0] == 0xFE && buffer[1] == 0xFF))
    let detected: TextEncoding
    if let forced {
      detected = forced
    } else if hasUTF16Mark {
      detected = .utf16
    } else if position == 3 {
      detected = .utf8  // a UTF-8 byte order mark: a bad byte later is an error on its line, not another encoding
    } else {
      detected = try isUTF8() ? .utf8 : .windows1252
    }
    encoding = detected
    guard detected != .utf8 else { return }
    var bytes = Array(buffer[0..<end])
    position = end
    while !atEOF {
      try refill()
      bytes += buffer[0..<end]
      position = end
    }
    let converted: [UInt8]?
    switch detected {
    case .utf8: converted = bytes
    case .utf16:
      guard hasUTF16Mark else {
        throw CSVError(file: name, line: 1, message: Phrase(.noByteOrderMark))
      }
      converted = TextEncoding.utf16ToUTF8(bytes[2...], bigEndian: bytes[0] == 0xFE)
    case .windows1252, .latin9:
      converted = TextEncoding.singleByteToUTF8(bytes[...], latin9: detected == .latin9)
    }
    guard let converted else {
      throw CSVError(file: name, line: 1, message: Phrase(.notUTF16))
    }
    buffer = converted
    (position, end, atEOF) = (0, converted.count, true)
    if end >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { position = 3 }
  }

  /// Whether the whole file (standard input or bytes in memory: what is buffered) is valid UTF-8,
  /// read with `pread`, so the reader's own position does not move.
  private func isUTF8() throws -> Bool {
    var info = stat()
    guard !atEOF, descriptor >= 0, fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
      return buffer.withUnsafeBufferPointer { bytes in
        let buffered = UnsafeBufferPointer(rebasing: bytes[0..<end])
        guard let valid = TextEncoding.validUTF8Prefix(buffered, more: !atEOF) else { return TextEncoding.holdsUTF8Letters(buffered) }
        var sample: String?
        if atEOF, valid == end, TextEncoding.chancePairsOnly(UnsafeBufferPointer(rebasing: bytes[0..<valid]), sample: &sample) {
          alsoWindows1252 = sample
        }
        return true
      }
    }
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    var carried = 0
    var sawMultibyte = false
    // Whether every multi-byte character so far is one Windows-1252 text makes by chance.
    var plausible = true
    var chanceSample: String?
    var offset: off_t = 0
    while true {
      let count = chunk.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + carried, $0.count - carried, offset) }
      if count < 0 {
        if errno == EINTR { continue }
        throw CSVError(file: name, line: 0, message: Phrase(.cannotRead, phrases: ["reason": .phrase(.system(errno, String(cString: strerror(errno))))]))
      }
      offset += off_t(count)
      let available = carried + count
      let valid = chunk.withUnsafeBufferPointer { TextEncoding.validUTF8Prefix(UnsafeBufferPointer(rebasing: $0[0..<available]), more: count > 0) }
      // A file holding UTF-8 letters and a stray bad byte is a damaged UTF-8 file, not Windows-1252:
      // read as UTF-8, the bad byte is reported on its line.
      if valid == nil { return sawMultibyte || chunk.withUnsafeBufferPointer { TextEncoding.holdsUTF8Letters(UnsafeBufferPointer(rebasing: $0[0..<available])) } }
      guard let valid else { return false }
      if !sawMultibyte { sawMultibyte = chunk[0..<valid].contains { $0 >= 0xC2 } }
      plausible = plausible && chunk.withUnsafeBufferPointer { TextEncoding.chancePairsOnly(UnsafeBufferPointer(rebasing: $0[0..<valid]), sample: &chanceSample) }
      if count == 0 {
        if valid == available, plausible, let chanceSample { alsoWindows1252 = chanceSample }
        return valid == available
      }
      carried = available - valid
      chunk.replaceSubrange(0..<carried, with: chunk[valid..<available])
    }
  }

  private func refill() throws {
    guard !atEOF else { return }
    if position < end {
      buffer.replaceSubrange(0..<(end - position), with: buffer[position..<end])
    }
    end -= position
    position = 0
    while end < buffer.count {
      let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + end, $0.count - end) }
      if count < 0 {
        if errno == EINTR { continue }
        throw CSVError(file: name, line: line, message: Phrase(.cannotRead, phrases: ["reason": .phrase(.system(errno, String(cString: strerror(errno))))]))
      }
      if count == 0 {
        atEOF = true
        break
      }
      end += count
    }
  }

  /// Reads the next non-blank record into the reader (see `fieldCount`, `withField`, `string`);
  /// false at the end of the input.
  public func advance() throws -> Bool {
    while true {
      record.removeAll(keepingCapacity: true)
      ends.removeAll(keepingCapacity: true)
      recordLine = line
      var state = FieldState(fieldLine: line)
      var sawAnything = false
      var endedLine = false
      scan: while true {
        if position == end {
          try refill()
          if position == end {
            if state.quoted {
              throw CSVError(file: name, line: recordLine, message: Phrase(.quoteNeverClosed))
            }
            if !sawAnything { return false }
            break scan
          }
        }
        sawAnything = true
        try copyRun(quoted: state.quoted, afterQuote: state.afterQuote)
        try checkLength(state)
        if position == end { continue }
        if try take(&state) {
          endedLine = true
          break scan
        }
      }
      ends.append(record.count)
      if endedLine { line += 1 }
      if ends.count == 1 && record.isEmpty && !state.afterQuote { continue }  // a blank line
      return true
    }
  }

  /// Where the reader is in the current field.
  struct FieldState {
    var quoted = false
    var afterQuote = false
    /// The line the current field starts on (a quoted field may span several).
    var fieldLine: Int
  }

  /// Refuses the current field once it is longer than the limit, before any more of it is read.
  @inline(__always)
  private func checkLength(_ state: FieldState) throws {
    guard record.count - (ends.last ?? 0) > CSVReader.maximumFieldBytes else { return }
    throw CSVError(file: name, line: state.fieldLine, column: column(ends.count), message: Phrase(.fieldTooLong))
  }

  /// Takes the byte that stopped a run: a quote in or out of quotes, a delimiter or a line end;
  /// true at the end of the record's line.
  @inline(__always)
  private func take(_ state: inout FieldState) throws -> Bool {
    let byte = buffer[position]
    position += 1
    if state.quoted {
      // A quote inside quotes: doubled means one quote, single means the field's end.
      if position == end { try refill() }
      if position < end && buffer[position] == UInt8(ascii: "\"") {
        position += 1
        record.append(byte)
        try checkLength(state)
      } else {
        (state.quoted, state.afterQuote) = (false, true)
      }
      return false
    }
    switch byte {
    case delimiter:
      ends.append(record.count)
      (state.afterQuote, state.fieldLine) = (false, line)
      return false
    case UInt8(ascii: "\n"):
      return true
    case UInt8(ascii: "\r"):
      if position == end { try refill() }
      if position < end && buffer[position] == UInt8(ascii: "\n") { position += 1 }
      return true
    default:  // a quote
      guard record.count == (ends.last ?? 0), !state.afterQuote else {
        throw CSVError(file: name, line: line, column: column(ends.count), message: Phrase(.quoteInsideField))
      }
      state.quoted = true
      return false
    }
  }

  /// Copies a run of ordinary bytes of the current field at once, stopping at the next byte that
  /// means something (in or out of quotes), or one byte past the longest field.
  @inline(__always)
  private func copyRun(quoted: Bool, afterQuote: Bool) throws {
    var stop = position
    let delimiter = self.delimiter
    let limit = min(end, position + CSVReader.maximumFieldBytes + 1 - (record.count - (ends.last ?? 0)))
    try buffer.withUnsafeBufferPointer { bytes in
      while stop < limit {
        let byte = bytes[stop]
        if quoted {
          if byte == UInt8(ascii: "\"") { break }
          if byte == UInt8(ascii: "\n") { line += 1 }
        } else {
          if byte == delimiter || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\"") { break }
          if afterQuote {
            throw CSVError(
              file: name, line: line, column: column(ends.count), message: Phrase(.textAfterQuote, phrases: ["delimiter": .phrase(delimiterName)]))
          }
        }
        stop += 1
      }
      record.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position..<stop]))
    }
    position = stop
  }

  public var fieldCount: Int { ends.count }

  /// The delimiter in words, for messages: "a comma".
  public var delimiterName: Phrase {
    switch delimiter {
    case UInt8(ascii: ","): Phrase(.aComma)
    case UInt8(ascii: ";"): Phrase(.aSemicolon)
    case UInt8(ascii: "\t"): Phrase(.aTab)
    default: Phrase(.aCharacter, ["character": String(decoding: [delimiter], as: UTF8.self)])
    }
  }

  /// The candidate that occurs most often outside quotes in the first line still to read (the
  /// header), the first of `candidates` on a tie or when none occurs. Reads nothing past the buffer.
  public func sniffDelimiter(among candidates: [UInt8], afterLines skipped: Int = 0) -> UInt8 {
    var counts = [Int](repeating: 0, count: candidates.count)
    var quoted = false
    var index = position
    // Blank lines before the header, which the reader passes over too.
    while index < end, buffer[index] == UInt8(ascii: "\n") || buffer[index] == UInt8(ascii: "\r") { index += 1 }
    // Non-blank lines before the header (a rules file's `skip`, which counts records as the reader does).
    var passed = 0
    while passed < skipped, index < end {
      let start = index
      while index < end, buffer[index] != UInt8(ascii: "\n") { index += 1 }
      if !buffer[start..<index].allSatisfy({ $0 == UInt8(ascii: "\r") }) { passed += 1 }
      index += 1
    }
    while index < end {
      let byte = buffer[index]
      if byte == UInt8(ascii: "\"") { quoted.toggle() }
      if !quoted {
        if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { break }
        if let slot = candidates.firstIndex(of: byte) { counts[slot] += 1 }
      }
      index += 1
    }
    let best = counts.indices.max { counts[$0] < counts[$1] || (counts[$0] == counts[$1] && $0 > $1) } ?? 0
    return counts[best] > 0 ? candidates[best] : candidates[0]
  }

  /// Calls `body` with the bytes of field `index` of the current record.
  public func withField<T>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
    let start = index == 0 ? 0 : ends[index - 1]
    return try record.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<ends[index]])) }
  }

  /// Field `index` of the current record as text; it must be valid UTF-8 without NUL bytes
  /// (SQLite, C strings and terminals would cut the text at a NUL).
  public func string(_ index: Int) throws -> String {
    guard let text = withField(index, { String(validating: $0, as: UTF8.self) }) else {
      throw CSVError(file: name, line: recordLine, column: column(index), message: Phrase(.notUTF8))
    }
    if let nul = text.utf8.firstIndex(of: 0) {
      throw CSVError(
        file: name, line: recordLine, column: column(index),
        message: Phrase(.nulInField, ["byte": "\(text.utf8.distance(from: text.utf8.startIndex, to: nul) + 1)"]))
    }
    return text
  }

  /// Field `index`'s number (1-based) and its header name, else "field N".
  private func column(_ index: Int) -> (number: Int, name: String) {
    (index + 1, index < columnNames.count ? columnNames[index] : "field \(index + 1)")
  }

  /// The next non-blank record as text, or nil at the end of the input.
  public func next() throws -> CSVRecord? {
    guard try advance() else { return nil }
    return CSVRecord(line: recordLine, fields: try (0..<fieldCount).map(string))
  }
}
