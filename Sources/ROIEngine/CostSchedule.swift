/// The expenses laid out by month: every one-time cost and every occurrence of every recurring one
/// up to the horizon end, and their total, the TCO.
struct CostSchedule {
  /// Exact sum in minor units of every occurrence up to the horizon end.
  let totalCost: Rational
  /// Minor units by month index.
  let byMonth: [Int: Int128]
  /// The earliest month of any expense.
  let firstMonth: Month?
  /// The latest month of a one-time expense.
  let lastOneTimeMonth: Month?

  init(_ items: [CostItem], horizonEnd: Month) {
    var total: Int128 = 0
    var byMonth: [Int: Int128] = [:]
    var first: Month?
    var last: Month?
    // An expense after the horizon end counts in no row and not in the TCO (`check` reports it).
    for item in items where item.month <= horizonEnd {
      first = min(first ?? item.month, item.month)
      if item.recurrence == nil { last = max(last ?? item.month, item.month) }
      for month in item.occurrences(horizonEnd: horizonEnd) {
        // Int64 amounts, at most 12 × 50 occurrences each: an Int128 sum cannot overflow.
        total += Int128(item.amount.minor)
        byMonth[month, default: 0] += Int128(item.amount.minor)
      }
    }
    totalCost = Rational(total)
    self.byMonth = byMonth
    firstMonth = first
    lastOneTimeMonth = last
  }

  /// Every occurrence up to and including `month`, in minor units.
  func cost(through month: Month) -> Rational {
    Rational(byMonth.reduce(Int128(0)) { $0 + ($1.key <= month.index ? $1.value : 0) })
  }

  /// The cost of `months`, in minor units.
  func cost(of months: some Sequence<Month>) -> Rational {
    Rational(months.reduce(Int128(0)) { $0 + (byMonth[$1.index] ?? 0) })
  }
}
