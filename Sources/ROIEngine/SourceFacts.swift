/// What the stored data says about where it came from, for the warnings the figures alone cannot
/// give: the shop's orders month by month, and the expenses with their sources. Pure values: the
/// store gathers them, `SourceWarnings` reads them.
public struct SourceFacts: Sendable, Equatable {
  /// One month of counted orders.
  public struct OrderMonth: Sendable, Equatable {
    public let month: Month
    public let orders: Int
    /// Orders without an e-mail, a phone or a customer id.
    public let withoutCustomer: Int
    /// The day of the month's last order.
    public let lastDay: Int

    public init(month: Month, orders: Int, withoutCustomer: Int, lastDay: Int) {
      (self.month, self.orders, self.withoutCustomer, self.lastDay) = (month, orders, withoutCustomer, lastDay)
    }
  }

  /// An expense and where it came from: `fec:…` for a FEC line, nil when typed or from a CSV.
  public struct SourcedExpense: Sendable, Equatable {
    public let id: Int64
    public let date: CalendarDate
    public let amount: Money
    public let source: String?

    public init(id: Int64, date: CalendarDate, amount: Money, source: String?) {
      (self.id, self.date, self.amount, self.source) = (id, date, amount, source)
    }
  }

  public var orderMonths: [OrderMonth] = []
  public var expenses: [SourcedExpense] = []
  /// The month still running: its orders are not a month's yet.
  public var runningMonth: Month?
  /// Whether the report counts an incomplete month anyway (`roi --allow-incomplete`).
  public var incompleteIncluded = false
  /// Whether the database is the sample history (`crm-roi demo`), whose months are fixed: never stale.
  public var sampleHistory = false

  /// Months the latest figures may lag the last complete calendar month before they are stale.
  public static let staleAfter = 2

  /// The last complete calendar month, when the figures (logged, to A) stop more than `staleAfter`
  /// months before it; nil when they are current, when nothing is logged, or without a running month.
  func staleBefore(asOf: Month, hasValues: Bool) -> Month? {
    guard hasValues, !sampleHistory, let runningMonth else { return nil }
    let lastComplete = runningMonth.advanced(by: -1)
    return asOf.distance(to: lastComplete) > SourceFacts.staleAfter ? lastComplete : nil
  }

  public init(orderMonths: [OrderMonth] = [], expenses: [SourcedExpense] = [], runningMonth: Month? = nil) {
    (self.orderMonths, self.expenses, self.runningMonth) = (orderMonths, expenses, runningMonth)
  }

  /// The last month of orders when its export stops before its end: its last order is followed by
  /// a gap that the month's own daily rate makes improbable, fewer than 1 % chance of no order in
  /// that many days (a Poisson rate n / d over the d days to the last order; no order in g days has
  /// chance e^(−n·g/d), below 0.01 when n·g/d > ln 100 ≈ 4.60517). Compared in whole numbers.
  public var incompleteMonth: Month? {
    guard let last = orderMonths.filter({ $0.month != runningMonth }).max(by: { $0.month < $1.month }), last.lastDay > 0 else { return nil }
    let gap = CalendarDate.days(in: last.month) - last.lastDay
    let (product, overflow) = (Int64(last.orders) * Int64(gap)).multipliedReportingOverflow(by: 100_000)
    return overflow || product > 460_517 * Int64(last.lastDay) ? last.month : nil
  }

  /// The last month whose orders are complete, when a later one is not.
  public var lastCompleteMonth: Month? { incompleteMonth.map { $0.advanced(by: -1) } }
}
