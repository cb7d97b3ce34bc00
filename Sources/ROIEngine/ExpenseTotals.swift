/// What each expense costs over the horizon (a recurring one: every occurrence up to the horizon
/// end), by category and in all: the TCO the report divides by, broken down.
public struct ExpenseTotals: Sendable {
  /// Each expense's occurrences and their total in minor units, in the order given.
  public let lifetime: [(occurrences: Int, total: Rational)]
  /// Total by category, in the categories' order; categories with no expense are left out.
  public let byCategory: [(category: ExpenseCategory, total: Rational)]
  /// The sum of every occurrence: the total cost of ownership.
  public let total: Rational

  public init(_ expenses: [Expense], horizonEnd: Month) {
    var lifetime: [(Int, Rational)] = []
    var byCategory: [ExpenseCategory: Int128] = [:]
    var total: Int128 = 0
    for expense in expenses {
      let item = expense.costItem
      // An expense after the horizon end counts nowhere, as in the TCO.
      let count = expense.date.month <= horizonEnd ? item.occurrences(horizonEnd: horizonEnd).reduce(0) { count, _ in count + 1 } : 0
      // Int64 amounts times at most 12 × the horizon's years of occurrences: an Int128 sum cannot overflow.
      let sum = Int128(expense.amount.minor) * Int128(count)
      lifetime.append((count, Rational(sum)))
      byCategory[expense.category, default: 0] += sum
      total += sum
    }
    self.lifetime = lifetime
    self.byCategory = ExpenseCategory.allCases.compactMap { category in byCategory[category].map { (category, Rational($0)) } }
    self.total = Rational(total)
  }
}
