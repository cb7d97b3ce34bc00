import ROIEngine
import SQLite

/// The `plan_cost` table's mapping: the fields' columns of `expense`, without `removed_at` and `source`.
enum PlanCostRecord {
  static let writtenList = ExpenseRecord.fieldList
  static let insertSQL = "INSERT INTO plan_cost (\(writtenList)) VALUES (\(placeholders(ExpenseFields.Field.allCases.count)))"
  static let selectSQL = "SELECT id, \(writtenList) FROM plan_cost ORDER BY date, id"
  static let selectOneSQL = "SELECT id, \(writtenList) FROM plan_cost WHERE id = ?"

  static func values(of expense: Expense) -> [Value] { Array(ExpenseRecord.values(of: expense).dropLast()) }

  static func expense(from row: Row) throws -> Expense { try ExpenseRecord.expense(from: row, table: "plan_cost") }
}

/// The `plan_benefit` table's mapping, read with its metric's name.
enum PlanBenefitRecord {
  enum Column: String, CaseIterable {
    case metricID = "metric_id", monthly, fromMonth = "from_month", ramp
    /// Not a column: the metric's name, from the select's join.
    case metric
  }

  static let upsertSQL = """
    INSERT INTO plan_benefit (metric_id, monthly, from_month, ramp) VALUES (?, ?, ?, ?)
    ON CONFLICT (metric_id) DO UPDATE SET monthly = excluded.monthly, from_month = excluded.from_month, ramp = excluded.ramp
    """
  static let selectSQL = """
    SELECT metric.name AS metric, plan_benefit.monthly AS monthly, plan_benefit.from_month AS from_month, plan_benefit.ramp AS ramp
    FROM plan_benefit JOIN metric ON metric.id = plan_benefit.metric_id ORDER BY metric.name
    """

  static func values(of benefit: PlannedBenefit, metricID: Int64) -> [Value] {
    [.integer(metricID), .integer(benefit.monthly.minor), .text(benefit.from.description), .integer(Int64(benefit.ramp))]
  }

  static func benefit(from row: Row) throws -> PlannedBenefit {
    let metric = row.text(Column.metric.rawValue)
    let text = row.text(Column.fromMonth.rawValue)
    guard let from = try? Month(parsing: text) else {
      throw StoreError.unexpectedStoredValue(table: "plan_benefit", row: 0, column: Column.fromMonth.rawValue, value: text)
    }
    return PlannedBenefit(
      metric: metric, monthly: Money(minor: row.integer(Column.monthly.rawValue)), from: from,
      ramp: Int(row.integer(Column.ramp.rawValue)))
  }
}

/// The `intangible` table's mapping.
enum IntangibleRecord {
  static let insertSQL = "INSERT INTO intangible (text) VALUES (?)"
  static let selectSQL = "SELECT id, text FROM intangible ORDER BY id"
  static let selectOneSQL = "SELECT id, text FROM intangible WHERE id = ?"

  static func intangible(from row: Row) -> Intangible { Intangible(id: row.integer("id"), text: row.text("text")) }
}
