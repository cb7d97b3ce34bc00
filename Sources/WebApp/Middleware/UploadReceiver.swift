import Foundation
import Hummingbird
import NIOCore
import Storage

#if canImport(Glibc)
  import Glibc
#endif

/// An upload streamed to an owner-only file as it arrives (never whole in memory), stopping past
/// `--max-upload`; then split into its fields and its file. Only a session the app knows (signed
/// in, when a password is asked for) may write to disk, and only a few at once.
struct UploadReceiver {
  let server: WebServer

  enum Outcome {
    /// Refused before the body is read (503: too many at once).
    case refused(Response)
    case unknownSession
    case received(form: [String: String], upload: UploadedFile?, tooLarge: Bool)
    /// The system's error when the file could not be written (a full disk).
    case failed(Int32)
  }

  func receive(_ body: RequestBody, boundary: String, session: String?) async -> Outcome {
    switch await server.startUpload(session: session) {
    case .accepted: break
    case .busy:
      return .refused(Response(status: .serviceUnavailable, headers: [.retryAfter: "5", .connection: "close"]))
    case .unknownSession: return .unknownSession
    }
    let outcome: Outcome
    do {
      let (form, upload, tooLarge) = try await stream(body, boundary: boundary)
      outcome = .received(form: form, upload: upload, tooLarge: tooLarge)
    } catch UploadError.cannotWrite(_, let error) {
      outcome = .failed(error)
    } catch {
      // The connection broke off: nothing was received.
      outcome = .received(form: [:], upload: nil, tooLarge: false)
    }
    await server.endUpload()
    return outcome
  }

  private func stream(_ body: RequestBody, boundary: String) async throws -> (fields: [String: String], file: UploadedFile?, tooLarge: Bool) {
    let (raw, descriptor) = try server.folder.create()
    defer { unlink(raw) }
    var total = 0
    do {
      defer { close(descriptor) }
      for try await chunk in body {
        total += chunk.readableBytes
        if total > server.maximumUpload { return ([:], nil, true) }
        if let failure = chunk.withUnsafeReadableBytes({ writeAll($0, to: descriptor) }) {
          throw UploadError.cannotWrite(path: raw, errno: failure)
        }
      }
    }
    // Splitting and hashing read the whole file: on a thread of their own, not Swift's few
    // shared ones, which every other request needs.
    let (folder, key) = (server.folder, server.uploadKey)
    let split = await WebServer.offTheLoops { Result { try Multipart.split(raw: raw, boundary: boundary, folder: folder, key: key) } }
    do {
      let (fields, file) = try split.get()
      return (fields, file, false)
    } catch UploadError.malformed {
      return ([:], nil, false)
    }
  }
}
