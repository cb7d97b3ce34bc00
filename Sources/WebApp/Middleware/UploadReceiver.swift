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
    await server.endUpload(session: session)
    return outcome
  }

  private func stream(_ body: RequestBody, boundary: String) async throws -> (fields: [String: String], file: UploadedFile?, tooLarge: Bool) {
    // The receiver removes its file whatever ends the upload (too large, malformed, dropped),
    // unless it is taken below.
    let receiver = MultipartReceiver(boundary: boundary, folder: server.folder)
    let pace = UploadPace()
    var total = 0
    for try await chunk in body {
      total += chunk.readableBytes
      if total > server.maximumUpload { return ([:], nil, true) }
      // Too slow to be anything but a hold on one of the few upload slots.
      guard pace.allows(total) else { return ([:], nil, false) }
      do {
        try receiver.feed(chunk)
      } catch UploadError.malformed {
        return ([:], nil, false)
      }
      if receiver.oversizedField != nil { return ([:], nil, true) }
    }
    guard let (path, name) = receiver.takeFile() else { return (receiver.fields, nil, false) }
    // Hashing reads the whole file: on a thread of its own, not Swift's few shared ones.
    let key = server.uploadKey
    guard let (size, digest) = await WebServer.offTheLoops({ UploadedFile.digest(of: path, key: key) }) else {
      unlink(path)
      return (receiver.fields, nil, false)
    }
    return (receiver.fields, UploadedFile(path: path, name: name, size: size, digest: digest), false)
  }
}

/// How fast an upload must arrive: after its first 30 seconds, at least 4 kB a second on average.
/// A browser on the same machine or network sends megabytes a second; an upload that trickles in
/// a byte at a time only keeps the few upload slots from everyone else.
struct UploadPace {
  static let grace: Duration = .seconds(30)
  static let bytesPerSecond = 4_000
  let start = ContinuousClock.now

  func allows(_ received: Int) -> Bool {
    let elapsed = ContinuousClock.now - start
    guard elapsed > UploadPace.grace else { return true }
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    return Double(received) >= seconds * Double(UploadPace.bytesPerSecond)
  }
}
