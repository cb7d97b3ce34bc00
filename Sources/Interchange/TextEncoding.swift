import ROIEngine

/// The text encodings a spreadsheet's CSV comes in, and their conversion to UTF-8.
public enum TextEncoding: String, CaseIterable, Sendable {
  case utf8 = "utf-8"
  case utf16 = "utf-16"
  case windows1252 = "windows-1252"
  case latin9 = "latin9"

  /// The name a summary prints.
  public var displayName: String {
    switch self {
    case .utf8: "UTF-8"
    case .utf16: "UTF-16"
    case .windows1252: "Windows-1252"
    case .latin9: "ISO-8859-15"
    }
  }

  public static let expectedForm = Phrase(.formEncoding)

  /// `--encoding`'s value, in any case; `iso-8859-15` is latin9, `cp1252` Windows-1252.
  public init?(option text: String) {
    switch text.lowercased() {
    case "utf-8", "utf8": self = .utf8
    case "utf-16", "utf16": self = .utf16
    case "windows-1252", "cp1252", "win1252": self = .windows1252
    case "latin9", "latin-9", "iso-8859-15", "iso8859-15": self = .latin9
    default: return nil
    }
  }

  /// Windows-1252's characters for 0x80–0x9F (the five bytes it leaves undefined map to the C1
  /// control of the same number, as Windows reads them); 0xA0–0xFF are Latin-1's.
  private static let windows1252High: [UInt32] = [
    0x20AC, 0x81, 0x201A, 0x192, 0x201E, 0x2026, 0x2020, 0x2021, 0x2C6, 0x2030, 0x160, 0x2039, 0x152, 0x8D, 0x17D, 0x8F,
    0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x2DC, 0x2122, 0x161, 0x203A, 0x153, 0x9D, 0x17E, 0x178,
  ]

  /// ISO-8859-15's eight differences from Latin-1.
  private static let latin9Differences: [UInt8: UInt32] = [
    0xA4: 0x20AC, 0xA6: 0x160, 0xA8: 0x161, 0xB4: 0x17D, 0xB8: 0x17E, 0xBC: 0x152, 0xBD: 0x153, 0xBE: 0x178,
  ]

  /// A single-byte text as UTF-8 bytes.
  static func singleByteToUTF8(_ bytes: ArraySlice<UInt8>, latin9: Bool) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + bytes.count / 8)
    for byte in bytes {
      if byte < 0x80 {
        output.append(byte)
        continue
      }
      let scalar: UInt32 =
        latin9 ? (latin9Differences[byte] ?? UInt32(byte)) : (byte < 0xA0 ? windows1252High[Int(byte - 0x80)] : UInt32(byte))
      appendUTF8(scalar, to: &output)
    }
    return output
  }

  /// UTF-16 text after its byte order mark as UTF-8 bytes; nil when it is not valid UTF-16.
  static func utf16ToUTF8(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> [UInt8]? {
    guard bytes.count % 2 == 0 else { return nil }
    var units: [UInt16] = []
    units.reserveCapacity(bytes.count / 2)
    var index = bytes.startIndex
    while index < bytes.endIndex {
      let (first, second) = (UInt16(bytes[index]), UInt16(bytes[index + 1]))
      units.append(bigEndian ? first << 8 | second : second << 8 | first)
      index += 2
    }
    var output: [UInt8] = []
    output.reserveCapacity(units.count)
    let failed = transcode(units.makeIterator(), from: UTF16.self, to: UTF8.self, stoppingOnError: true) { output.append($0) }
    return failed ? nil : output
  }

  private static func appendUTF8(_ scalar: UInt32, to output: inout [UInt8]) {
    if scalar < 0x800 {
      output.append(UInt8(0xC0 | scalar >> 6))
      output.append(UInt8(0x80 | scalar & 0x3F))
    } else {
      output.append(UInt8(0xE0 | scalar >> 12))
      output.append(UInt8(0x80 | (scalar >> 6) & 0x3F))
      output.append(UInt8(0x80 | scalar & 0x3F))
    }
  }

  /// Whether `bytes` hold a well-formed UTF-8 sequence of two or three bytes (a letter like é, €):
  /// Windows-1252 text almost never does (it would be "Ã©"-like pairs).
  static func holdsUTF8Letters(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    while index + 1 < bytes.count {
      let lead = bytes[index]
      if lead >= 0xC2 && lead <= 0xDF && bytes[index + 1] & 0xC0 == 0x80 { return true }
      if lead >= 0xE0 && lead <= 0xEF && index + 2 < bytes.count && bytes[index + 1] & 0xC0 == 0x80 && bytes[index + 2] & 0xC0 == 0x80 {
        return true
      }
      index += 1
    }
    return false
  }

  /// How many bytes at the start of `bytes` are valid UTF-8, leaving out an incomplete sequence at
  /// the very end when `more` input follows; nil when some byte before that is not valid UTF-8.
  /// Whether every multi-byte character of valid UTF-8 `bytes` is one a Windows-1252 text makes
  /// by chance: `É`, `Ê` or `Â` (C9, CA, C2) followed by a byte of 80–BF (in Windows-1252 a no-break
  /// space, `€`, `«`, `°`…), which is U+0240–U+02BF (IPA letters) or a C1 control in UTF-8, never in
  /// a French or English text. `sample` gets the bytes around the first such pair, read as
  /// Windows-1252.
  static func chancePairsOnly(_ bytes: UnsafeBufferPointer<UInt8>, sample: inout String?) -> Bool {
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte < 0x80 {
        index += 1
        continue
      }
      guard byte == 0xC9 || byte == 0xCA || (byte == 0xC2 && index + 1 < bytes.count && bytes[index + 1] < 0xA0), index + 1 < bytes.count
      else { return false }
      if sample == nil {
        let start = max(0, index - 12)
        var end = min(bytes.count, index + 14)
        while end > index + 2, end < bytes.count, bytes[end] >= 0x80 { end -= 1 }
        let window = Array(bytes[start..<end]).map { $0 < 0x20 || $0 == 0x7F ? 0x20 : $0 }
        sample = String(decoding: singleByteToUTF8(window[...], latin9: false), as: UTF8.self)
      }
      index += 2
    }
    return true
  }

  static func validUTF8Prefix(_ bytes: UnsafeBufferPointer<UInt8>, more: Bool) -> Int? {
    var cut = bytes.count
    if more {
      // Back up over at most 3 continuation bytes to a lead byte whose sequence runs past the end.
      var index = bytes.count - 1
      while index >= 0, index >= bytes.count - 4 {
        let byte = bytes[index]
        if byte & 0xC0 != 0x80 {
          let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
          if index + length > bytes.count { cut = index }
          break
        }
        index -= 1
      }
    }
    return String(validating: UnsafeBufferPointer(rebasing: bytes[0..<cut]), as: UTF8.self) == nil ? nil : cut
  }
}
