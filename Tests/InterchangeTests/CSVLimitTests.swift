import Foundation
import Testing

@testable import Interchange

/// The reader refuses fields over 1 MiB and NUL bytes in text, naming the line and the column.
@Suite struct CSVLimitTests {
  @Test func aFieldOfOneMebibyteIsReadAndOneByteMoreIsRefused() throws {
    let fits = String(repeating: "é", count: CSVReader.maximumFieldBytes / 2)
    let reader = CSVReader(bytes: Array("a,b\n1,\(fits)\n".utf8), name: "t")
    _ = try reader.next()
    #expect(try reader.next()?.fields == ["1", fits])

    for (text, line) in [("a,b\n1,\(fits)x\n", 2), ("a,b\n\n1,\"x\n\(fits)\"\n", 3), ("a,\"\"\"\(fits)\"\n", 1)] {
      let reader = CSVReader(bytes: Array(text.utf8), name: "t")
      #expect(throws: CSVError(file: "t", line: line, column: (2, "field 2"),
                               message: .verbatim("a field longer than 1,048,576 bytes; expected at most 1 MiB per field"))) {
        while try reader.next() != nil {}
      }
    }
  }

  /// The reader stops at the limit: it does not wait for the rest of a field that goes on and on.
  @Test func aLongFieldIsRefusedWithoutReadingItAll() throws {
    var ends: [Int32] = [0, 0]
    #expect(pipe(&ends) == 0)
    let (readEnd, writeEnd) = (ends[0], ends[1])
    _ = fcntl(writeEnd, F_SETFL, fcntl(writeEnd, F_GETFL) | O_NONBLOCK)
    let readerDone = Shared(false)
    let writerClosedEarly = Shared(false)
    let writerFinished = DispatchSemaphore(value: 0)
    // One field of up to 8 MiB, written as fast as it is read; then the pipe stays open until the
    // reader is done, or 10 s pass.
    let writer = Thread {
      let header = Array("date,note\n2025-01-01,".utf8)
      _ = header.withUnsafeBytes { write(writeEnd, $0.baseAddress!, $0.count) }
      let chunk = [UInt8](repeating: UInt8(ascii: "x"), count: 1 << 16)
      var sent = 0
      while sent < 8 << 20, !readerDone.withLock({ $0 }) {
        let written = chunk.withUnsafeBytes { write(writeEnd, $0.baseAddress!, $0.count) }
        if written > 0 { sent += written } else { usleep(1_000) }
      }
      let deadline = Date().addingTimeInterval(10)
      while !readerDone.withLock({ $0 }), Date() < deadline { usleep(1_000) }
      writerClosedEarly.withLock { $0 = !readerDone.withLock { $0 } }
      close(writeEnd)
      writerFinished.signal()
    }
    writer.start()
    let reader = try CSVReader(path: "/dev/fd/\(readEnd)")
    reader.columnNames = ["date", "note"]
    _ = try reader.next()
    #expect(throws: CSVError(file: "/dev/fd/\(readEnd)", line: 2, column: (2, "note"),
                             message: .verbatim("a field longer than 1,048,576 bytes; expected at most 1 MiB per field"))) {
      _ = try reader.next()
    }
    readerDone.withLock { $0 = true }
    writerFinished.wait()
    #expect(!writerClosedEarly.withLock { $0 })
    close(readEnd)
  }

  @Test func aNULByteInAFieldIsRefused() throws {
    let reader = CSVReader(bytes: Array("a,b\n1,ab\u{0}c\n".utf8), name: "t")
    reader.columnNames = ["a", "b"]
    _ = try reader.next()
    #expect(throws: CSVError(file: "t", line: 2, column: (2, "b"), message: .verbatim("a NUL byte at byte 3 of the field; expected text without NUL bytes"))) {
      _ = try reader.next()
    }
  }
}

/// A value shared by the test and its writer thread.
final class Shared<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var value: Value

  init(_ value: Value) { self.value = value }

  func withLock<T>(_ body: (inout Value) -> T) -> T {
    lock.lock()
    defer { lock.unlock() }
    return body(&value)
  }
}
