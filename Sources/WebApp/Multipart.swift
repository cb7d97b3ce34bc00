import MultipartKit
import NIOCore
import ROIEngine
import Storage
import Support

#if canImport(Glibc)
  import Glibc
#endif

/// What a `multipart/form-data` body says: its boundary, each part's name and file name.
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

  /// The `name` and `filename` of a part's `Content-Disposition` (its headers as multipart-kit gives them).
  static func disposition(_ headers: [(name: String, value: String)]) -> (name: String?, filename: String?) {
    var name: String?
    var filename: String?
    for header in headers where header.name.lowercased() == "content-disposition" {
      for (key, value) in parameters(Substring("content-disposition: " + header.value)) {
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
}

/// A `multipart/form-data` body split as it arrives by multipart-kit's streaming parser: its text
/// fields kept (at most 64, each at most `Multipart.fieldLimit`), the part named `file` written
/// straight to its own owner-only file in the upload folder; never the body whole in memory.
final class MultipartReceiver {
  private let parser: MultipartParser
  private let folder: UploadFolder
  private var headers: [(name: String, value: String)] = []
  private enum Sink {
    case none
    case field(String, [UInt8])
    case file(path: String, name: String, descriptor: Int32)
    case ignored
  }
  private var sink = Sink.none
  private(set) var fields: [String: String] = [:]
  /// The file part, once whole: removed with the receiver unless `takeFile()` took it.
  private(set) var file: (path: String, name: String)?
  private var taken = false
  /// A text field past `Multipart.fieldLimit`: the form is refused (413), never read without it.
  private(set) var oversizedField: String?
  /// Bytes fed since a part's body last moved: past `Multipart.headerLimit`, headers that no
  /// browser sends (the parser would keep them whole).
  private var sinceBody = 0
  private var failure: UploadError?

  init(boundary: String, folder: UploadFolder) {
    parser = MultipartParser(boundary: boundary)
    self.folder = folder
    parser.onHeader = { [unowned self] name, value in
      headers.append((name, value))
      if headers.reduce(0, { $0 + $1.name.utf8.count + $1.value.utf8.count }) > Multipart.headerLimit { failure = .malformed }
    }
    parser.onBody = { [unowned self] buffer in
      sinceBody = 0
      begin()
      buffer.withUnsafeReadableBytes { take($0) }
    }
    parser.onPartComplete = { [unowned self] in
      sinceBody = 0
      begin()
      complete()
    }
  }

  deinit {
    if case .file(let path, _, let descriptor) = sink {
      close(descriptor)
      unlink(path)
    }
    if let file, !taken { unlink(file.path) }
  }

  /// The whole file part, now the caller's to keep or remove.
  func takeFile() -> (path: String, name: String)? {
    taken = true
    return file
  }

  /// Feeds the next bytes of the body; a write that fails throws `UploadError.cannotWrite`, a
  /// body that is not multipart `UploadError.malformed`.
  func feed(_ buffer: ByteBuffer) throws {
    sinceBody += buffer.readableBytes
    do { try parser.execute(buffer) } catch { throw UploadError.malformed }
    if let failure { throw failure }
    if sinceBody > Multipart.headerLimit { throw UploadError.malformed }
  }

  /// Where this part goes, decided from its headers before its first bytes.
  private func begin() {
    guard case .none = sink else { return }
    let (name, filename) = Multipart.disposition(headers)
    headers = []
    guard let name else { return sink = .ignored }
    if name == "file", let filename, file == nil {
      do {
        let (path, descriptor) = try folder.create()
        sink = .file(path: path, name: filename, descriptor: descriptor)
      } catch let error as UploadError {
        (failure, sink) = (error, .ignored)
      } catch {
        sink = .ignored
      }
    } else if filename == nil, fields[name] == nil, fields.count < 64 {
      sink = .field(name, [])
    } else {
      sink = .ignored
    }
  }

  private func take(_ bytes: UnsafeRawBufferPointer) {
    switch sink {
    case .field(let name, var value):
      sink = .ignored
      guard value.count + bytes.count <= Multipart.fieldLimit else { return oversizedField = name }
      value += bytes
      sink = .field(name, value)
    case .file(let path, _, let descriptor):
      if let error = writeAll(bytes, to: descriptor) {
        failure = .cannotWrite(path: path, errno: error)
        close(descriptor)
        unlink(path)
        sink = .ignored
      }
    case .none, .ignored: break
    }
  }

  private func complete() {
    switch sink {
    case .field(let name, let value): fields[name] = String(decoding: value, as: UTF8.self)
    case .file(let path, let name, let descriptor):
      close(descriptor)
      file = (path, name)
    case .none, .ignored: break
    }
    sink = .none
  }
}
