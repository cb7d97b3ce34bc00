import ROIEngine
import SQLite

extension Store {
  func insertExpense() throws -> Statement {
    if let statement = insertExpenseStatement { return statement }
    let statement = try database.prepare(
      """
      INSERT INTO expense (date, category, amount, note, hours_centi, rate, every, until_month)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      """)
    insertExpenseStatement = statement
    return statement
  }

  /// The expense's columns in the order of the INSERT statements.
  static func values(of expense: Expense) -> [Value] {
    [
      .text(expense.date.description), .text(expense.category.rawValue), .integer(expense.amount.minor),
      expense.note.sqliteValue, expense.labor.map { $0.hundredthsOfHours }.sqliteValue,
      expense.labor.map { $0.rate.minor }.sqliteValue, expense.recurrence.map { $0.every.rawValue }.sqliteValue,
      (expense.recurrence?.until?.description).sqliteValue,
    ]
  }

  /// Adds `expense` and returns its id.
  @discardableResult
  public func add(_ expense: Expense) throws -> Int64 {
    try insertExpense().run(Store.values(of: expense))
    let id = database.lastInsertedRowID
    try record(.add, "expense \(id)", new: AuditText.expense(expense, currency: try settings().currency))
    return id
  }

  public func expenses() throws -> [Expense] {
    var expenses: [Expense] = []
    try forEachExpense { expenses.append($0) }
    return expenses
  }

  /// Each stored (not removed) expense in date order, one at a time.
  public func forEachExpense(_ body: (Expense) throws -> Void) throws {
    try database.prepare(
      """
      SELECT id, date, category, amount, note, hours_centi, rate, every, until_month
      FROM expense WHERE removed_at IS NULL ORDER BY date, id
      """
    ).forEach { try body(try Store.expense(from: $0)) }
  }

  static func expense(from row: Row) throws -> Expense {
    var labor: Labor?
    if let hours = row.optionalInteger(5), let rate = row.optionalInteger(6) {
      labor = Labor(hundredthsOfHours: hours, rate: Money(minor: rate))
    }
    var recurrence: Recurrence?
    if let every = row.optionalText(7) {
      recurrence = Recurrence(every: try Frequency(parsing: every), until: try row.optionalText(8).map(Month.init(parsing:)))
    }
    return Expense(
      id: row.integer(0), date: try CalendarDate(parsing: row.text(1)),
      category: try ExpenseCategory(parsing: row.text(2)), amount: Money(minor: row.integer(3)),
      note: row.optionalText(4), labor: labor, recurrence: recurrence)
  }

  /// The expenses as the ROI method needs them, summed in SQL per month and recurrence. The sum is
  /// taken in two parts (amount / 10⁹ and amount % 10⁹) so that SQLite's 64-bit sum cannot overflow;
  /// a group above the 64-bit range comes back as several items with the same exact total.
  public func costItems() throws -> [CostItem] {
    var items: [CostItem] = []
    try database.prepare(
      """
      SELECT substr(date, 1, 7), every, until_month, sum(amount / 1000000000), sum(amount % 1000000000)
      FROM expense WHERE removed_at IS NULL GROUP BY 1, 2, 3
      """
    ).forEach { row in
      let recurrence = try row.optionalText(1).map {
        Recurrence(every: try Frequency(parsing: $0), until: try row.optionalText(2).map(Month.init(parsing:)))
      }
      let month = try Month(parsing: row.text(0))
      var total = Int128(row.integer(3)) * 1_000_000_000 + Int128(row.integer(4))
      while total > 0 {
        let part = min(total, Int128(Int64.max))
        items.append(CostItem(month: month, amount: Money(minor: Int64(part)), recurrence: recurrence))
        total -= part
      }
    }
    return items
  }

  /// Marks the expense removed; it stays in the file and `restoreExpense` brings it back.
  public func removeExpense(id: Int64) throws {
    let expense = try storedExpense(id: id, removed: false)
    try database.prepare("UPDATE expense SET removed_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?").run([.integer(id)])
    try record(.remove, "expense \(id)", old: AuditText.expense(expense, currency: try settings().currency))
  }

  /// Brings back a removed expense under its old id.
  @discardableResult
  public func restoreExpense(id: Int64) throws -> Expense {
    let expense = try storedExpense(id: id, removed: true)
    try database.prepare("UPDATE expense SET removed_at = NULL WHERE id = ?").run([.integer(id)])
    try record(.restore, "expense \(id)", new: AuditText.expense(expense, currency: try settings().currency))
    return expense
  }

  private func storedExpense(id: Int64, removed: Bool) throws -> Expense {
    let rows = try database.prepare(
      """
      SELECT id, date, category, amount, note, hours_centi, rate, every, until_month, removed_at IS NOT NULL
      FROM expense WHERE id = ?
      """
    ).rows([.integer(id)]) { (expense: try Store.expense(from: $0), removed: $0.integer(9) == 1) }
    guard let found = rows.first else { throw StoreError.noSuchExpense(id: id) }
    if found.removed != removed { throw removed ? StoreError.expenseNotRemoved(id: id) : StoreError.noSuchExpense(id: id) }
    return found.expense
  }
}
