#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A problem with a CSV file's form or a value in it: the file, the line (and column), and what was expected.
public struct CSVError: Error, Equatable, CustomStringConvertible {
  public let file: String
  public let line: Int
  /// The column's number (1-based) and name, when the problem is in one field.
  public let column: (number: Int, name: String)?
  public let message: String

  public init(file: String, line: Int, column: (number: Int, name: String)? = nil, message: String) {
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  public static func == (lhs: CSVError, rhs: CSVError) -> Bool {
    lhs.description == rhs.description
  }

  public var description: String {
    let place = column.map { ":\($0.number) (\($0.name))" } ?? ""
    return "\(file):\(line)\(place): \(message)"
  }
}

/// One record of a CSV file and the line it starts on.
public struct CSVRecord {
  public let line: Int
  public let fields: [String]
}

/// A streaming RFC 4180 reader working on bytes: a UTF-8 byte order mark is skipped, records end
/// with LF or CRLF, quoted fields may hold commas, doubled quotes and line breaks. Every field
/// must be valid UTF-8. Blank lines are skipped. Memory stays at one buffer and one record.
public final class CSVReader {
  public let name: String
  private let descriptor: Int32
  private let closeOnDeinit: Bool
  private var buffer = [UInt8](repeating: 0, count: 1 << 16)
  private var position = 0
  private var end = 0
  private var atEOF = false
  private var line = 1
  private var field: [UInt8] = []
  private var fields: [String] = []

  /// Reads `path`, or standard input when `path` is "-".
  public init(path: String) throws {
    if path == "-" {
      (name, descriptor, closeOnDeinit) = ("<stdin>", 0, false)
    } else {
      let descriptor = open(path, O_RDONLY)
      guard descriptor >= 0 else {
        throw CSVError(file: path, line: 0, message: "cannot open: \(String(cString: strerror(errno))); expected a readable CSV file")
      }
      var info = stat()
      if fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
        close(descriptor)
        throw CSVError(file: path, line: 0, message: "is a directory; expected a CSV file")
      }
      (name, self.descriptor, closeOnDeinit) = (path, descriptor, true)
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
        throw CSVError(file: name, line: line, message: "cannot read: \(String(cString: strerror(errno)))")
      }
      if count == 0 {
        atEOF = true
        break
      }
      end += count
    }
  }

  @inline(__always)
  private func nextByte() throws -> UInt8? {
    if position == end {
      try refill()
      if position == end { return nil }
    }
    defer { position += 1 }
    return buffer[position]
  }

  @inline(__always)
  private func peekByte() throws -> UInt8? {
    if position == end {
      try refill()
      if position == end { return nil }
    }
    return buffer[position]
  }

  private func finishField() throws {
    guard let text = String(validating: field, as: UTF8.self) else {
      throw CSVError(file: name, line: line, column: (fields.count + 1, "field \(fields.count + 1)"),
                     message: "not valid UTF-8; expected a UTF-8 encoded file")
    }
    fields.append(text)
    field.removeAll(keepingCapacity: true)
  }

  /// The next non-blank record, or nil at the end of the input.
  public func next() throws -> CSVRecord? {
    while true {
      fields.removeAll(keepingCapacity: true)
      field.removeAll(keepingCapacity: true)
      let start = line
      var quoted = false
      var afterQuote = false
      var sawAnything = false
      var endedLine = false
      recordLoop: while true {
        guard let byte = try nextByte() else {
          if quoted {
            throw CSVError(file: name, line: start, message: "a quoted field is never closed; expected a closing \"")
          }
          if !sawAnything { return nil }
          break recordLoop
        }
        sawAnything = true
        if quoted {
          if byte == UInt8(ascii: "\"") {
            if try peekByte() == UInt8(ascii: "\"") {
              position += 1
              field.append(byte)
            } else {
              quoted = false
              afterQuote = true
            }
          } else {
            if byte == UInt8(ascii: "\n") { line += 1 }
            field.append(byte)
          }
          continue
        }
        switch byte {
        case UInt8(ascii: ","):
          try finishField()
          afterQuote = false
        case UInt8(ascii: "\n"):
          endedLine = true
          break recordLoop
        case UInt8(ascii: "\r"):
          if try peekByte() == UInt8(ascii: "\n") { position += 1 }
          endedLine = true
          break recordLoop
        case UInt8(ascii: "\""):
          guard field.isEmpty, !afterQuote else {
            throw CSVError(file: name, line: line, column: (fields.count + 1, "field \(fields.count + 1)"),
                           message: "a quote inside an unquoted field; expected the whole field in quotes with \"\" for each quote")
          }
          quoted = true
        default:
          if afterQuote {
            throw CSVError(file: name, line: line, column: (fields.count + 1, "field \(fields.count + 1)"),
                           message: "text after a closing quote; expected a comma or the end of the line")
          }
          field.append(byte)
        }
      }
      try finishField()
      if endedLine { line += 1 }
      if fields.count == 1 && fields[0].isEmpty && !afterQuote { continue }  // a blank line
      return CSVRecord(line: start, fields: fields)
    }
  }
}
