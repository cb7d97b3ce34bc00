import ROIEngine
import Storage

#if canImport(Glibc)
  import Glibc
#endif

/// The folder uploads are kept in while they wait for their confirmation: made by `mkdtemp`, so
/// only the server's user can enter it; every file in it is created owner-only (0600).
public final class UploadFolder: Sendable {
  public let path: String

  public init() throws {
    let base = (getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp")
    var template = Array("\(base)/crm-roi-serve-XXXXXX".utf8CString)
    guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
      throw UploadError.cannotWrite(path: base, errno: errno)
    }
    path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
  }

  deinit { remove() }

  /// Removes the folder and what it holds (at the server's end).
  public func remove() {
    if let directory = opendir(path) {
      while let entry = readdir(directory) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
        if name != "." && name != ".." { unlink("\(path)/\(name)") }
      }
      closedir(directory)
    }
    rmdir(path)
  }

  /// A new owner-only file in the folder, open for writing.
  func create() throws -> (path: String, descriptor: Int32) {
    let file = "\(path)/\(Sessions.randomToken())"
    let descriptor = open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { throw UploadError.cannotWrite(path: file, errno: errno) }
    return (file, descriptor)
  }
}

/// A file the client sent, kept in the upload folder: its name as the client gave it (for
/// messages and the history), its size and a keyed hash that tells whether it changed since.
struct UploadedFile: Sendable {
  let path: String
  let name: String
  let size: Int
  let digest: UInt64

  /// The hash of the file at `path` now (nil when it cannot be read).
  static func digest(of path: String, key: SipHash24) -> (size: Int, digest: UInt64)? {
    UploadedFile.mapped(path) { bytes in (bytes.count, key.hash(buffer: bytes)) }
  }

  /// Runs `body` on the bytes of the file at `path`, mapped, never read into memory; nil when the
  /// file cannot be opened or mapped.
  static func mapped<T>(_ path: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { return nil }
    let size = Int(info.st_size)
    if size == 0 { return try [UInt8]().withUnsafeBufferPointer(body) }
    guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), mapped != MAP_FAILED else { return nil }
    defer { munmap(mapped, size) }
    return try body(UnsafeBufferPointer(start: mapped.assumingMemoryBound(to: UInt8.self), count: size))
  }
}

/// Why an upload could not be kept.
enum UploadError: ExplainedError {
  case cannotWrite(path: String, errno: Int32)
  case malformed

  var phrase: Phrase {
    switch self {
    case .cannotWrite(let path, let error):
      Phrase(.serveCannotKeepUploads, phrases: ["path": .text(path), "reason": .phrase(.system(error, String(cString: strerror(error))))])
    case .malformed: Phrase(.webNoFile)
    }
  }
}
