/// A value bound to a statement parameter. There is no REAL on purpose: money and metric
/// values are integers, and a floating-point column has no place in this schema.
public enum Value: Equatable, Sendable {
  case null
  case integer(Int64)
  case text(String)
}

extension Optional where Wrapped == String {
  /// `.text` or `.null`.
  public var sqliteValue: Value { map(Value.text) ?? .null }
}

extension Optional where Wrapped == Int64 {
  /// `.integer` or `.null`.
  public var sqliteValue: Value { map(Value.integer) ?? .null }
}
