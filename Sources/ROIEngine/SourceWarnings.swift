/// The warnings about the data's sources (`SourceFacts`): a customer history too short for the
/// customer series, a month of orders not covered to its end, orders without a customer, FEC
/// journals regrouped, and expenses that look counted twice.
public enum SourceWarnings {
  /// Months of orders a customer series needs before it is used: a customer seen before that is
  /// taken for new.
  public static let historyMonths = 12
  /// The share of a month's orders without a customer above which the customer series say too little.
  public static let anonymousShare = (numerator: 5, denominator: 100)
  /// Two expenses of one amount this many days apart or fewer, one from the FEC and one not.
  public static let duplicateDays = 7

  /// The codes these warnings have.
  public static let codes: [ReportWarning.Code] = [
    .customerHistoryShort, .incompleteMonth, .fecEntriesRegrouped, .possibleDuplicateExpense, .ordersWithoutCustomer,
  ]

  public static func all(_ facts: SourceFacts, settings: Settings, metrics: [Metric]) -> [ReportWarning] {
    var warnings: [ReportWarning] = []
    let customerSeries = metrics.filter { $0.fromOrders == .newCustomers || $0.fromOrders == .repeatOrders }.map(\.name)
    if !customerSeries.isEmpty, let first = facts.orderMonths.map(\.month).min() {
      let needed = settings.baselineWindow.lowerBound
      if first.advanced(by: historyMonths) > needed {
        warnings.append(ReportWarning(
          code: .customerHistoryShort, metric: nil,
          details: ["metrics": customerSeries.joined(separator: ", "), "first": "\(first)", "settled": "\(first.advanced(by: historyMonths))", "needed": "\(needed)"]))
      }
      let anonymous = facts.orderMonths.filter {
        $0.withoutCustomer * anonymousShare.denominator > $0.orders * anonymousShare.numerator
      }
      if !anonymous.isEmpty {
        warnings.append(ReportWarning(
          code: .ordersWithoutCustomer, metric: nil,
          details: [
            "metrics": customerSeries.joined(separator: ", "), "months": anonymous.map(\.month.description).joined(separator: " "),
            "count": "\(anonymous.map(\.withoutCustomer).reduce(0, +))",
          ]))
      }
    }
    if let month = facts.incompleteMonth, metrics.contains(where: { $0.fromOrders != nil }) {
      let last = facts.orderMonths.first { $0.month == month }!
      warnings.append(ReportWarning(
        code: .incompleteMonth, metric: nil,
        details: [
          "month": "\(month)", "lastDay": "\(CalendarDate(month: month, day: last.lastDay))", "orders": "\(last.orders)",
          "included": facts.incompleteIncluded ? "yes" : "no",
        ]))
    }
    warnings += regrouped(facts.expenses) + duplicates(facts.expenses)
    return warnings
  }

  /// Expenses from FEC journals whose entries were regrouped (their source's entry is
  /// `DATE/PIECEREF/LABEL`, not a number), by journal.
  static func regrouped(_ expenses: [SourceFacts.SourcedExpense]) -> [ReportWarning] {
    var byJournal: [String: Int] = [:]
    for expense in expenses {
      guard let source = expense.source, source.hasPrefix("fec:") else { continue }
      let parts = source.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
      guard parts.count == 4, parts[3].contains("/") else { continue }
      byJournal[String(parts[2]), default: 0] += 1
    }
    return byJournal.sorted { $0.key < $1.key }.map { journal, count in
      ReportWarning(code: .fecEntriesRegrouped, metric: nil, details: ["journal": journal, "count": "\(count)"])
    }
  }

  /// Pairs of the same amount within `duplicateDays`, one from the FEC and one typed or from a CSV.
  static func duplicates(_ expenses: [SourceFacts.SourcedExpense]) -> [ReportWarning] {
    let fromFEC = expenses.filter { $0.source?.hasPrefix("fec:") == true }
    guard !fromFEC.isEmpty else { return [] }
    var byAmount: [Int64: [SourceFacts.SourcedExpense]] = [:]
    for expense in fromFEC { byAmount[expense.amount.minor, default: []].append(expense) }
    var warnings: [ReportWarning] = []
    for other in expenses where other.source?.hasPrefix("fec:") != true {
      for fec in byAmount[other.amount.minor] ?? [] where abs(fec.date.dayIndex - other.date.dayIndex) <= duplicateDays {
        warnings.append(ReportWarning(
          code: .possibleDuplicateExpense, metric: nil,
          details: ["first": "\(min(fec.id, other.id))", "second": "\(max(fec.id, other.id))", "amount": "\(other.amount.minor)", "days": "\(abs(fec.date.dayIndex - other.date.dayIndex))"]))
      }
    }
    return warnings
  }
}
