/// The data's own checks for `crm-roi check`: gaps and contradictions that make the ROI less
/// trustworthy without making it impossible to compute. One finding per line.
public enum DataChecks {
  /// `latestMonth`: the current month, so months still to come are not reported as gaps.
  public static func findings(
    settings: Settings, metrics: [Metric], snapshots: [Snapshot], expenses: [Expense], latestMonth: Month
  ) -> [String] {
    var findings: [String] = []
    let names = metrics.map(\.name).sorted()
    var logged: [Month: Set<String>] = [:]
    for snapshot in snapshots { logged[snapshot.month, default: []].insert(snapshot.metric) }

    // Months with no value at all, in the baseline window and from go-live to the last logged month.
    let lastLogged = min(snapshots.map(\.month).max() ?? settings.goLive, latestMonth)
    if !names.isEmpty {
      let window = settings.baselineWindow
      let baselineGaps = (window.lowerBound.index...window.upperBound.index).map(Month.init(index:)).filter { logged[$0] == nil }
      if !baselineGaps.isEmpty {
        findings.append("baseline window \(window.lowerBound) to \(window.upperBound): nothing logged for \(list(baselineGaps))")
      }
      if lastLogged >= settings.goLive {
        let gaps = (settings.goLive.index...lastLogged.index).map(Month.init(index:)).filter { logged[$0] == nil }
        if !gaps.isEmpty { findings.append("after go-live: nothing logged for \(list(gaps))") }
      } else if latestMonth >= settings.goLive {
        findings.append("go-live \(settings.goLive): no metric value logged from go-live on")
      }
    }

    // The running month: its figures are not complete yet.
    if let last = snapshots.map(\.month).max(), last >= latestMonth {
      findings.append("\(last): values logged for a month that has not ended yet (today is in \(latestMonth)); they are partial until it ends")
    }

    // Months logged for only some metrics.
    for (month, present) in logged.sorted(by: { $0.key < $1.key }) where present.count < names.count {
      let absent = names.filter { !present.contains($0) }
      findings.append("\(month): logged for \(present.sorted().joined(separator: ", ")) but not \(absent.joined(separator: ", "))")
    }

    for expense in expenses {
      let id = expense.id.map { "expense \($0)" } ?? "an expense"
      if expense.date.month > settings.horizonEnd {
        findings.append("\(id) on \(expense.date) is after the horizon end \(settings.horizonEnd); it counts in no row")
      }
      if let until = expense.recurrence?.until, until < expense.date.month {
        findings.append("\(id) recurs until \(until), before it starts on \(expense.date)")
      }
    }
    return findings
  }

  /// "2024-05, 2024-06 and 2024-09", at most 12 months named.
  private static func list(_ months: [Month]) -> String {
    let named = months.prefix(12).map(\.description)
    let rest = months.count > 12 ? " and \(months.count - 12) more" : ""
    return named.joined(separator: ", ") + rest
  }
}
