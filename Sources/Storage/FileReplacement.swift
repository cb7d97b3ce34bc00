import ROIEngine

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Output that could not be written whole: where it was going and why.
public struct FileError: ExplainedError, Equatable {
  public enum Destination: Equatable, Sendable {
    case standardOutput
    case file(String)
  }

  public let destination: Destination
  public let reason: Phrase

  public init(_ destination: Destination, reason: Phrase) {
    self.destination = destination
    self.reason = reason
  }

  /// The system's message for `code` (an errno value).
  public init(_ destination: Destination, code: Int32) {
    self.init(destination, reason: .system(code, String(cString: strerror(code))))
  }

  public var phrase: Phrase {
    switch destination {
    case .standardOutput: Phrase(.cannotWriteOutput, phrases: ["reason": .phrase(reason)])
    case .file(let path): Phrase(.cannotWriteFile, phrases: ["path": .text(path), "reason": .phrase(reason)])
    }
  }
}

/// Writes a file whole or not at all. The new content goes to a temporary file beside the target,
/// with a random name and created exclusively (O_CREAT|O_EXCL|O_NOFOLLOW, mode 0600): a planted
/// symlink is never followed and no other file is ever truncated. `commit` syncs it and renames it
/// over the target, so the target is the old file or the whole new one. Released uncommitted, the
/// temporary file is removed; a killed process leaves at most a `FILE.tmp-XXXXXXXXXXXX` that no later
/// run uses.
public final class FileReplacement {
  public let target: String
  /// Where the new content is written until `commit`.
  public let temporaryPath: String
  /// Files named `target` + suffix that belong to the target (an SQLite file's -wal, -shm and
  /// -journal): removed before the rename, so none of them can apply to the new file.
  public let sidecars: [String]
  private let descriptor: Int32
  private let identity: (device: UInt64, inode: UInt64)
  private var finished = false

  /// What may stand at the target already: anything but a regular file (a device, a FIFO, a
  /// directory) is refused, and a database only where `replacingDatabase` says so.
  public init(target: String, sidecars: [String] = [], replacingDatabase: Bool = false) throws {
    try FileReplacement.checkTarget(target, replacingDatabase: replacingDatabase)
    self.target = target
    self.sidecars = sidecars
    let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)
    var generator = SystemRandomNumberGenerator()
    var attempts = 0
    while true {
      let name = target + ".tmp-" + String(decoding: (0..<12).map { _ in letters.randomElement(using: &generator)! }, as: UTF8.self)
      let descriptor = open(name, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
      if descriptor >= 0 {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
          let code = errno
          close(descriptor)
          unlink(name)
          throw FileError(.file(target), code: code)
        }
        (temporaryPath, self.descriptor) = (name, descriptor)
        identity = (UInt64(info.st_dev), UInt64(info.st_ino))
        return
      }
      attempts += 1
      guard errno == EEXIST || errno == EINTR, attempts < 100 else { throw FileError(.file(target), code: errno) }
    }
  }

  /// Refuses a target that is not a regular file, or (unless `replacingDatabase`) one that is an
  /// SQLite database: a report written over the database by a typo would lose every figure.
  static func checkTarget(_ target: String, replacingDatabase: Bool) throws {
    var info = stat()
    guard stat(target, &info) == 0 else { return }
    guard (info.st_mode & S_IFMT) == S_IFREG else {
      throw StoreError.targetNotARegularFile(path: target)
    }
    guard !replacingDatabase else { return }
    let descriptor = open(target, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return }
    defer { close(descriptor) }
    var header = [UInt8](repeating: 0, count: 16)
    if read(descriptor, &header, 16) == 16, header == Array("SQLite format 3\0".utf8) {  // no-catalogue: a file signature
      throw StoreError.targetIsADatabase(path: target)
    }
  }

  deinit {
    if !finished { discard() }
  }

  /// Appends all of `bytes` to the temporary file, across short writes.
  public func write(_ bytes: UnsafeRawBufferPointer) throws {
    if let code = writeAll(bytes, to: descriptor) { throw FileError(.file(target), code: code) }
  }

  public func write(_ text: String) throws {
    var text = text
    try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
  }

  /// Makes the temporary file the target: syncs it, checks that its path still names the file
  /// created in `init` (nobody swapped it), sets `mode`, removes the target's sidecars, then
  /// renames it into place and syncs the folder. The sidecars go first: a crash in between leaves
  /// the old target without them, never the new one with the old target's WAL or journal.
  /// With `replacing` false an existing target is an error and is left alone.
  public func commit(mode: mode_t? = nil, replacing: Bool = true) throws {
    defer { if !finished { discard() } }
    guard fsync(descriptor) == 0 else { throw FileError(.file(target), code: errno) }
    var info = stat()
    guard lstat(temporaryPath, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
      UInt64(info.st_dev) == identity.device, UInt64(info.st_ino) == identity.inode
    else {
      throw FileError(.file(target), reason: Phrase(.temporaryReplaced, ["path": temporaryPath]))
    }
    if let mode, fchmod(descriptor, mode) != 0 { throw FileError(.file(target), code: errno) }
    if !replacing, exists(target) { throw FileError(.file(target), reason: Phrase(.alreadyExists)) }
    for suffix in sidecars where unlink(target + suffix) != 0 && errno != ENOENT {
      throw FileError(.file(target), reason: Phrase(.cannotRemove, phrases: ["path": .text(target + suffix), "reason": .phrase(.system(errno, String(cString: strerror(errno))))]))
    }
    if replacing {
      guard rename(temporaryPath, target) == 0 else { throw FileError(.file(target), code: errno) }
    } else if link(temporaryPath, target) == 0 {
      // link() fails when the target appeared meanwhile, where rename() would replace it.
      unlink(temporaryPath)
    } else {
      // A file system without hard links: rename, the target having been checked just above.
      guard errno == EPERM || errno == EOPNOTSUPP || errno == ENOSYS, rename(temporaryPath, target) == 0 else {
        throw FileError(.file(target), code: errno)
      }
    }
    finished = true
    close(descriptor)
    syncFolder(of: target)
  }

  /// Removes the temporary file (and any sidecars SQLite left beside it).
  private func discard() {
    finished = true
    close(descriptor)
    for suffix in [""] + sidecars { unlink(temporaryPath + suffix) }
  }
}

/// Writes all of `bytes` to `descriptor`, across short writes and interruptions: nil, or the
/// system's error (EIO when nothing could be written).
@discardableResult
public func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32? {
  var offset = 0
  while offset < bytes.count {
    let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
    if written < 0 && errno == EINTR { continue }
    if written < 0 { return errno }
    if written == 0 { return EIO }
    offset += written
  }
  return nil
}

/// Whether anything (a dangling symlink too) is at `path`.
private func exists(_ path: String) -> Bool {
  var info = stat()
  return lstat(path, &info) == 0
}

/// Makes a rename in the folder of `path` durable; best effort.
private func syncFolder(of path: String) {
  let folder = path.lastIndex(of: "/").map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
  let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
  guard descriptor >= 0 else { return }
  fsync(descriptor)
  close(descriptor)
}
