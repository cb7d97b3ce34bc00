/// The data's own checks for `crm-roi check`: gaps and contradictions that make the ROI less
/// trustworthy without making it impossible to compute. One finding per line.
public enum DataChecks {
  /// `latestMonth`: the current month, so months still to come are not reported as gaps.
  public static func findings(
    settings: Settings, metrics: [Metric], snapshots: [Snapshot], expenses: [Expense], latestMonth: Month,
    plan: BusinessCase = BusinessCase()
  ) -> [Phrase] {
    var findings: [Phrase] = []
    let names = metrics.map(\.name).sorted()
    var logged: [Month: Set<String>] = [:]
    for snapshot in snapshots { logged[snapshot.month, default: []].insert(snapshot.metric) }

    // Months with no value at all, in the baseline window and from go-live to the last logged month.
    let lastLogged = min(snapshots.map(\.month).max() ?? settings.goLive, latestMonth)
    if !names.isEmpty {
      let window = settings.baselineWindow
      let baselineGaps = (window.lowerBound.index...window.upperBound.index).map(Month.init(index:)).filter { logged[$0] == nil }
      if !baselineGaps.isEmpty {
        findings.append(Phrase(.checkBaselineGaps, phrases: ["first": .text("\(window.lowerBound)"), "last": .text("\(window.upperBound)"), "months": list(baselineGaps)]))
      }
      if lastLogged >= settings.goLive {
        let gaps = (settings.goLive.index...lastLogged.index).map(Month.init(index:)).filter { logged[$0] == nil }
        if !gaps.isEmpty { findings.append(Phrase(.checkGaps, phrases: ["months": list(gaps)])) }
      } else if latestMonth >= settings.goLive {
        findings.append(Phrase(.checkNothingSinceGoLive, ["month": "\(settings.goLive)"]))
      }
    }

    // The running month: its figures are not complete yet.
    if let last = snapshots.map(\.month).max(), last >= latestMonth {
      findings.append(Phrase(.checkRunningMonth, ["month": "\(last)", "today": "\(latestMonth)"]))
    }

    // Months logged for only some metrics.
    for (month, present) in logged.sorted(by: { $0.key < $1.key }) where present.count < names.count {
      let absent = names.filter { !present.contains($0) }
      findings.append(Phrase(.checkPartlyLogged, ["month": "\(month)", "present": present.sorted().joined(separator: ", "), "absent": absent.joined(separator: ", ")]))
    }

    for expense in expenses {
      let id = expense.id.map(String.init) ?? "?"
      if expense.date.month > settings.horizonEnd {
        findings.append(Phrase(.checkExpenseAfterHorizon, ["id": id, "date": "\(expense.date)", "end": "\(settings.horizonEnd)"]))
      }
      if expense.date.month < settings.goLive.advanced(by: -12) {
        findings.append(Phrase(.checkExpenseLongBeforeGoLive, ["id": id, "date": "\(expense.date)", "goLive": "\(settings.goLive)"]))
      }
      if let until = expense.recurrence?.until, until < expense.date.month {
        findings.append(Phrase(.checkExpenseEndsBeforeStart, ["id": id, "until": "\(until)", "date": "\(expense.date)"]))
      }
    }
    // A settings change (go-live, horizon) can leave a plan past the horizon end, where it counts nowhere.
    for cost in plan.costs where cost.date.month > settings.horizonEnd {
      findings.append(Phrase(.checkPlanCostAfterHorizon, ["id": cost.id.map(String.init) ?? "?", "date": "\(cost.date)", "end": "\(settings.horizonEnd)"]))
    }
    for benefit in plan.benefits where benefit.from > settings.horizonEnd {
      findings.append(Phrase(.checkPlanBenefitAfterHorizon, ["metric": benefit.metric, "from": "\(benefit.from)", "end": "\(settings.horizonEnd)"]))
    }
    return findings
  }

  /// "2024-05, 2024-06 and 2024-09", at most 12 months named.
  private static func list(_ months: [Month]) -> Phrase.Value {
    let named = months.prefix(12).map(\.description).joined(separator: ", ")
    guard months.count > 12 else { return .text(named) }
    return .phrase(Phrase(.listAndMore, ["list": named, "count": "\(months.count - 12)"]))
  }
}
