import SQLite

/// The `audit` table's mapping: one change per row, written in the transaction of the change.
enum AuditRecord {
  enum Column: String, CaseIterable {
    case id, at, action, subject, oldValue = "old_value", newValue = "new_value", origin
  }

  static let insertSQL = "INSERT INTO audit (action, subject, old_value, new_value, origin) VALUES (?, ?, ?, ?, ?)"
  static let selectSQL = "SELECT \(Column.allCases.map(\.rawValue).joined(separator: ", ")) FROM audit ORDER BY id DESC LIMIT ?"

  static func entry(from row: Row) throws -> AuditEntry {
    let id = row.integer(Column.id.rawValue)
    let action = row.text(Column.action.rawValue)
    guard let known = AuditEntry.Action(rawValue: action) else {
      throw StoreError.unexpectedStoredValue(table: "audit", row: id, column: Column.action.rawValue, value: action)
    }
    let origin = row.text(Column.origin.rawValue)
    guard let madeFrom = AuditEntry.Origin(rawValue: origin) else {
      throw StoreError.unexpectedStoredValue(table: "audit", row: id, column: Column.origin.rawValue, value: origin)
    }
    return AuditEntry(
      id: id, at: row.text(Column.at.rawValue), action: known, subject: row.text(Column.subject.rawValue),
      oldValue: row.optionalText(Column.oldValue.rawValue), newValue: row.optionalText(Column.newValue.rawValue), origin: madeFrom)
  }
}
