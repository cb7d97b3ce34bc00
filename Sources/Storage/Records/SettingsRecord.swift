import ROIEngine
import SQLite

/// The `settings` table's mapping: one row, id 1.
enum SettingsRecord {
  enum Column: String, CaseIterable {
    case currency, minorUnits = "minor_units", goLive = "go_live", baselineMonths = "baseline_months"
    case horizonYears = "horizon_years", fiscalYearStart = "fiscal_year_start", baselineMethod = "baseline_method"
  }

  /// Columns kept beside the method's settings, NULL until set: read and written one at a time.
  enum OptionalColumn: String {
    case customerKey = "customer_key", language
    var selectSQL: String { "SELECT \(rawValue) FROM settings WHERE id = 1" }
    var updateSQL: String { "UPDATE settings SET \(rawValue) = ? WHERE id = 1" }
  }

  static let list = Column.allCases.map(\.rawValue).joined(separator: ", ")
  static let selectSQL = "SELECT \(list) FROM settings WHERE id = 1"
  static let insertSQL = "INSERT INTO settings (id, \(list), is_demo) VALUES (1, \(placeholders(Column.allCases.count)), ?)"
  static let updateSQL = "UPDATE settings SET " + Column.allCases.map { "\($0.rawValue) = ?" }.joined(separator: ", ") + " WHERE id = 1"

  static func values(of settings: Settings) -> [Value] {
    [
      .text(settings.currency.code), .integer(Int64(settings.currency.minorUnits)), .text(settings.goLive.description),
      .integer(Int64(settings.baselineMonths)), .integer(Int64(settings.horizonYears)),
      .integer(Int64(settings.fiscalYearStart)), .text(settings.baselineMethod.rawValue),
    ]
  }

  static func settings(from row: Row) throws -> Settings {
    func unexpected(_ column: Column) -> StoreError {
      .unexpectedStoredValue(table: "settings", row: 1, column: column.rawValue, value: row.text(column.rawValue))
    }
    guard let goLive = try? Month(parsing: row.text(Column.goLive.rawValue)) else { throw unexpected(.goLive) }
    guard let method = BaselineMethod(rawValue: row.text(Column.baselineMethod.rawValue)) else {
      throw unexpected(.baselineMethod)
    }
    // The CHECKs hold these; a file edited past them (ignore_check_constraints) is named, not trusted.
    let ranges: [(Column, ClosedRange<Int>)] = [
      (.minorUnits, 0...3), (.baselineMonths, Settings.baselineMonthsRange), (.horizonYears, Settings.horizonYearsRange),
      (.fiscalYearStart, Settings.fiscalYearStartRange),
    ]
    for (column, range) in ranges where !range.contains(Int(clamping: row.integer(column.rawValue))) { throw unexpected(column) }
    let settings = Settings(
      currency: Currency(stored: row.text(Column.currency.rawValue), minorUnits: Int(row.integer(Column.minorUnits.rawValue))),
      goLive: goLive, baselineMonths: Int(row.integer(Column.baselineMonths.rawValue)),
      horizonYears: Int(row.integer(Column.horizonYears.rawValue)),
      fiscalYearStart: Int(row.integer(Column.fiscalYearStart.rawValue)), baselineMethod: method)
    guard (try? settings.validate()) != nil else { throw unexpected(.horizonYears) }
    return settings
  }
}
