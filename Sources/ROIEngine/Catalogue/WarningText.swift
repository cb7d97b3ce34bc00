extension ReportWarning {
  /// The warning as a person reads it, from its figures (`details`); `message`, the JSON's, is the
  /// English text.
  public func text(_ language: Language) -> String {
    let say = PeopleFormat(language)
    func text(_ message: Message, _ values: [String: String]) -> String { Catalogue.text(message, language, values) }
    func month(_ key: String) -> String { details[key].flatMap { try? Month(parsing: $0) }.map(say.month) ?? "" }
    func quarter() -> String {
      guard let first = details["quarter"].flatMap({ try? Month(parsing: $0) }), let start = details["fiscalYearStart"].flatMap(Int.init) else { return "" }
      return say.quarter(Quarter(containing: first, fiscalYearStart: start))
    }
    let metric = details["metric"] ?? ""
    switch code {
    case .shortHistory:
      return text(.warningShortHistory, [
        "span": say.count(Int(details["months"] ?? "") ?? 0, .month, .months), "goLive": month("goLive"),
        "asOf": month("asOf"), "settle": details["settle"] ?? "",
      ])
    case .thinBaseline:
      let count = details["count"] ?? ""
      return text(count == "1" ? .warningThinBaselineOne : .warningThinBaselineMany, ["metric": metric, "count": count, "fewer": details["fewer"] ?? ""])
    case .seasonalPattern:
      let number = Int(details["calendarMonth"] ?? "") ?? 1
      return text(.warningSeasonal, ["metric": metric, "monthName": PeopleFormat.monthNames(language)[max(0, min(11, number - 1))]])
    case .doubleCount:
      return text(.warningDoubleCount, ["metric": metric, "revenue": details["revenue"] ?? ""])
    case .withinNoise:
      return text(.warningWithinNoise, ["quarter": quarter()])
    case .missingMonths:
      let months = (details["months"] ?? "").split(separator: " ").compactMap { try? Month(parsing: String($0)) }
      let names = months.prefix(6).map(say.month).joined(separator: ", ")
        + (months.count > 6 ? text(.andMore, ["count": "\(months.count - 6)"]) : "")
      if let control = details["control"] {
        return text(months.count == 1 ? .warningControlMissingOne : .warningControlMissingMany, ["metric": metric, "control": control, "names": names])
      }
      return text(months.count == 1 ? .warningMissingOne : .warningMissingMany, ["metric": metric, "names": names])
    case .partialQuarter:
      return text(.warningPartial, ["quarter": quarter(), "asOf": month("asOf"), "covered": details["covered"] ?? ""])
    case .customerHistoryShort:
      return text(.warningCustomerHistoryShort, [
        "metrics": details["metrics"] ?? "", "first": month("first"), "settled": month("settled"), "needed": month("needed"),
      ])
    case .incompleteMonth:
      return text(details["included"] == "yes" ? .warningIncompleteMonthIncluded : .warningIncompleteMonth, [
        "month": month("month"), "lastDay": details["lastDay"] ?? "", "orders": details["orders"] ?? "",
      ])
    case .fecEntriesRegrouped:
      return text(.warningFECRegrouped, ["journal": details["journal"] ?? "", "count": details["count"] ?? ""])
    case .possibleDuplicateExpense:
      return text(.warningPossibleDuplicate, ["first": details["first"] ?? "", "second": details["second"] ?? "", "days": details["days"] ?? ""])
    case .staleData:
      return text(.warningStaleData, ["asOf": month("asOf"), "lastComplete": month("lastComplete")])
    case .ordersWithoutCustomer:
      let months = (details["months"] ?? "").split(separator: " ").compactMap { try? Month(parsing: String($0)) }
      return text(.warningOrdersWithoutCustomer, [
        "metrics": details["metrics"] ?? "", "count": details["count"] ?? "", "months": months.prefix(6).map(say.month).joined(separator: ", ")
          + (months.count > 6 ? text(.andMore, ["count": "\(months.count - 6)"]) : ""),
      ])
    }
  }
}
