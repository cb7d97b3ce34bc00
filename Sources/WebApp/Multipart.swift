import ROIEngine
import Storage
import Support

#if canImport(Glibc)
  import Glibc
#endif

/// A `multipart/form-data` body already on disk, split into its text fields and its one file,
/// which is copied to its own owner-only file in the upload folder.
enum Multipart {
  /// The boundary a `Content-Type: multipart/form-data; boundary=…` header names.
  static func boundary(of contentType: String) -> String? {
    guard contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
    for parameter in contentType.split(separator: ";").dropFirst() {
      let parts = parameter.split(separator: "=", maxSplits: 1)
      guard parts.count == 2, parts[0].trimmingCharacters().lowercased() == "boundary" else { continue }
      let value = parts[1].trimmingCharacters()
      let unquoted = value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2 ? String(value.dropFirst().dropLast()) : value
      return (1...70).contains(unquoted.utf8.count) ? unquoted : nil
    }
    return nil
  }

  static let headerLimit = 16 * 1024

  /// The largest text field kept (a rules file typed or pasted in a form).
  static let fieldLimit = 256 * 1024

  /// Splits the body at `raw`: the text fields by name, and the part named `file` copied into `folder`.
  static func split(raw: String, boundary: String, folder: UploadFolder, key: SipHash24) throws -> (fields: [String: String], file: UploadedFile?) {
    let split = try UploadedFile.mapped(raw) { body in try parts(body, boundary: boundary, folder: folder, key: key) }
    guard let split else { throw UploadError.malformed }
    return split
  }

  private static func parts(
    _ body: UnsafeBufferPointer<UInt8>, boundary: String, folder: UploadFolder, key: SipHash24
  ) throws -> (fields: [String: String], file: UploadedFile?) {
    let size = body.count
    guard size > 0 else { throw UploadError.malformed }
    let delimiter = Array("\r\n--\(boundary)".utf8)
    // The first delimiter may start the body, without its CR LF.
    guard var position = find(Array(delimiter.dropFirst(2)), in: body, from: 0) else { throw UploadError.malformed }
    position += delimiter.count - 2
    var fields: [String: String] = [:]
    var file: UploadedFile?
    while position + 2 <= size, !(body[position] == UInt8(ascii: "-") && body[position + 1] == UInt8(ascii: "-")) {
      // A part's headers are a few lines: more than 16 KiB of them is not a form a browser sends.
      let window = UnsafeBufferPointer(rebasing: body[..<min(size, position + Multipart.headerLimit)])
      guard let headersEnd = find(Array("\r\n\r\n".utf8), in: window, from: position) else { throw UploadError.malformed }
      let headers = String(decoding: UnsafeBufferPointer(rebasing: body[position..<headersEnd]), as: UTF8.self)
      let start = headersEnd + 4
      guard let end = find(delimiter, in: body, from: start) else { throw UploadError.malformed }
      let (name, filename) = disposition(headers)
      if let name {
        if name == "file", let filename, file == nil {
          file = try copy(UnsafeBufferPointer(rebasing: body[start..<end]), named: filename, into: folder, key: key)
        } else if filename == nil, fields[name] == nil, end - start <= fieldLimit, fields.count < 64 {
          fields[name] = String(decoding: UnsafeBufferPointer(rebasing: body[start..<end]), as: UTF8.self)
        }
      }
      position = end + delimiter.count
    }
    return (fields, file)
  }

  /// The `name` and `filename` of a part's `Content-Disposition`.
  static func disposition(_ headers: String) -> (name: String?, filename: String?) {
    var name: String?
    var filename: String?
    for line in headers.split(separator: "\r\n") where line.lowercased().hasPrefix("content-disposition:") {
      for (key, value) in parameters(line) {
        switch key {
        case "name": name = value
        case "filename": filename = shownName(value)
        default: break
        }
      }
    }
    return (name, filename)
  }

  /// A header line's `key=value` parameters after its first `;`, keys lower-cased. A quoted value
  /// keeps its `;` and `=` (`filename="factures; mars 2025.csv"`), and `\"` inside it is a quote.
  static func parameters(_ line: Substring) -> [(String, String)] {
    var result: [(String, String)] = []
    var key = ""
    var value = ""
    var inKey = false
    var quoted = false
    var escaped = false
    var seenSemicolon = false
    func finish() {
      let name = key.trimmingCharacters().lowercased()
      if seenSemicolon, !name.isEmpty { result.append((name, value)) }
      (key, value, inKey) = ("", "", true)
    }
    for character in line {
      if quoted {
        if escaped { value.append(character); escaped = false } else if character == "\\" { escaped = true }
        else if character == "\"" { quoted = false } else { value.append(character) }
      } else if character == ";" {
        finish()
        seenSemicolon = true
      } else if inKey {
        if character == "=" { inKey = false } else { key.append(character) }
      } else if character == "\"", value.allSatisfy(\.isWhitespace) {
        (value, quoted) = ("", true)
      } else if seenSemicolon {
        value.append(character)
      }
    }
    finish()
    return result.map { ($0.0, $0.1.trimmingCharacters()) }
  }

  /// The file's own name, without the client's folders or control characters.
  static func shownName(_ sent: String) -> String {
    let base = sent.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
    let clean = String(String.UnicodeScalarView(base.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }).prefix(200))
    return clean.isEmpty || clean == "." || clean == ".." ? "upload" : clean  // no-catalogue: a file name
  }

  private static func copy(_ bytes: UnsafeBufferPointer<UInt8>, named name: String, into folder: UploadFolder, key: SipHash24) throws -> UploadedFile {
    let (path, descriptor) = try folder.create()
    defer { close(descriptor) }
    if let failure = writeAll(UnsafeRawBufferPointer(bytes), to: descriptor) {
      unlink(path)
      throw UploadError.cannotWrite(path: path, errno: failure)
    }
    return UploadedFile(path: path, name: name, size: bytes.count, digest: bytes.isEmpty ? key.hash([]) : key.hash(buffer: bytes))
  }

  /// Where `needle` first starts in `haystack` at or after `from`.
  private static func find(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
    guard let base = haystack.baseAddress, !needle.isEmpty else { return nil }
    let last = haystack.count - needle.count
    var index = from
    return needle.withUnsafeBytes { pattern -> Int? in
      while index <= last {
        guard let hit = memchr(base + index, Int32(needle[0]), last - index + 1) else { return nil }
        let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        if memcmp(base + position, pattern.baseAddress!, needle.count) == 0 { return position }
        index = position + 1
      }
      return nil
    }
  }
}
