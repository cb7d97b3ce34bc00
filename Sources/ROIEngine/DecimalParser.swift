/// A value typed by a user that is not in the accepted form: what it was and what was expected.
public struct ValueError: ExplainedError, Equatable, Sendable {
  public let value: String
  public let expected: Phrase

  public init(value: String, expected: Phrase) {
    self.value = value
    self.expected = expected
  }

  /// Two errors are the same when they say the same.
  public static func == (lhs: ValueError, rhs: ValueError) -> Bool { lhs.description == rhs.description }

  /// `text`, the value of `field` in a record, parsed by `body`; its ValueError becomes the
  /// record's own error naming the field (`failing`). The parsers throw nothing else.
  static func naming<Field, Failure: Error, T>(
    _ field: Field, _ text: String, _ body: (String) throws -> T, failing: (Field, ValueError) -> Failure
  ) throws(Failure) -> T {
    do {
      return try body(text)
    } catch let error as ValueError {
      throw failing(field, error)
    } catch {
      fatalError("unexpected \(error)")
    }
  }

  public var phrase: Phrase {
    value.isEmpty
      ? Phrase(.valueMissing, phrases: ["expected": .phrase(expected)])
      : Phrase(.valueInvalid, phrases: ["value": .text(value), "expected": .phrase(expected)])
  }
}

/// A plain decimal as typed: optional sign, digits, optional '.' and digits. No exponent, no
/// grouping commas, no spaces: "12000", "8750.5", "-12.50".
public struct ExactDecimal: Equatable, Sendable {
  /// The digits without the point: 8750.50 is 875050 with scale 2.
  public let mantissa: Int64
  public let scale: Int

  public init(mantissa: Int64, scale: Int) {
    self.mantissa = mantissa
    self.scale = scale
  }

  /// Parses `text`; nil when it is not a plain decimal or does not fit 64 bits.
  public init?(_ text: String) {
    var text = text
    guard let value = text.withUTF8({ ExactDecimal(bytes: $0) }) else { return nil }
    self = value
  }

  /// Parses UTF-8 bytes, as `init?(_:)` does text.
  public init?(bytes: UnsafeBufferPointer<UInt8>) {
    var index = 0
    var negative = false
    if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
      negative = first == UInt8(ascii: "-")
      index = 1
    }
    var mantissa: Int64 = 0
    var scale = 0
    var seenPoint = false
    var digits = 0
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      if byte == UInt8(ascii: ".") {
        if seenPoint { return nil }
        seenPoint = true
        continue
      }
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
      let (times10, overflow1) = mantissa.multipliedReportingOverflow(by: 10)
      let (sum, overflow2) = times10.addingReportingOverflow(Int64(byte - UInt8(ascii: "0")))
      if overflow1 || overflow2 { return nil }
      mantissa = sum
      digits += 1
      if seenPoint { scale += 1 }
    }
    guard digits > 0, !(seenPoint && scale == 0) else { return nil }
    self.mantissa = negative ? -mantissa : mantissa
    self.scale = scale
  }

  /// The value as an integer count of 10^-`places`; nil when it has more decimals or overflows.
  public func scaled(to places: Int) -> Int64? {
    guard scale <= places else { return nil }
    var result = mantissa
    for _ in scale..<places {
      let (next, overflow) = result.multipliedReportingOverflow(by: 10)
      if overflow { return nil }
      result = next
    }
    return result
  }

  public var rational: Rational { Rational(mantissa: mantissa, scale: scale) }
}
