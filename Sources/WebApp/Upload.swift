import ROIEngine
import Storage
import Support

#if canImport(Glibc)
  import Glibc
#endif

/// The folder uploads are kept in while they wait for their confirmation: made by `mkdtemp`, so
/// only the server's user can enter it; every file in it is created owner-only (0600). The server
/// holds a lock (flock) on the folder itself while it runs: a folder whose lock is free belongs to a
/// server that was killed, and the next server to start removes it (raw order files hold
/// customers' e-mails).
public final class UploadFolder: Sendable {
  public let path: String
  private let lock: Int32

  /// `base`: where the folder is made (default `$TMPDIR`, else /tmp).
  public init(base: String? = nil) throws {
    let base = base ?? (getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp")
    UploadFolder.removeAbandoned(in: base)
    var template = Array("\(base)/\(UploadFolder.prefix)XXXXXX".utf8CString)
    guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
      throw UploadError.cannotWrite(path: base, errno: errno)
    }
    path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    lock = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard lock >= 0, flock(lock, LOCK_EX | LOCK_NB) == 0 else {
      let failure = errno
      if lock >= 0 { close(lock) }
      rmdir(path)
      throw UploadError.cannotWrite(path: path, errno: failure)
    }
  }

  deinit {
    remove()
    close(lock)
  }

  static let prefix = "crm-roi-serve-"

  /// Removes, in `base`, this user's upload folders whose lock no running server holds.
  static func removeAbandoned(in base: String) {
    guard let directory = opendir(base) else { return }
    var abandoned: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
      // Exactly what mkdtemp makes: the prefix, 6 letters or digits, a folder of this user's, 0700.
      guard name.hasPrefix(prefix), name.utf8.count == prefix.utf8.count + 6,
        name.utf8.dropFirst(prefix.utf8.count).allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 | 0x20 >= 97 && $0 | 0x20 <= 122) })
      else { continue }
      let folder = "\(base)/\(name)"
      var info = stat()
      guard lstat(folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR, info.st_uid == getuid(), info.st_mode & 0o777 == 0o700 else { continue }
      // A folder made in the last minute may be another server's between its mkdtemp and its lock.
      guard time(nil) - info.st_mtim.tv_sec > 60 else { continue }
      let held = open(folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
      guard held >= 0 else { continue }
      if flock(held, LOCK_EX | LOCK_NB) == 0 { abandoned.append(folder) }
      close(held)
    }
    closedir(directory)
    for folder in abandoned { removeFolder(folder) }
  }

  /// Removes the folder and what it holds (at the server's end).
  public func remove() { UploadFolder.removeFolder(path) }

  static func removeFolder(_ path: String) {
    if let directory = opendir(path) {
      var names: [String] = []
      while let entry = readdir(directory) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
        if name != "." && name != ".." { names.append(name) }
      }
      closedir(directory)
      for name in names { unlink("\(path)/\(name)") }
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
