import Interchange
import ROIEngine

/// What a FEC import did line by line, kept for the lines under its summary: the fiscal year it
/// read the file as, the journals regrouped, each rule's tally, what it left out and why, and (for
/// a dry run) every line a rule took.
public struct FECPickSummary: Sendable {
  public let file: String
  public let currency: Currency
  public let closing: CalendarDate
  public let closingSource: FECEntries.ClosingSource
  public let regrouped: [FECEntries.Regrouped]
  public let tallies: [FECPick.RuleTally]
  /// Every rule line, so that a rule that took nothing is named too.
  public let ruleLines: [Int]
  public let taken: [FECPick.Taken]
  /// The FEC lines whose expense was stored before (by this file or an earlier one).
  let alreadyImported: Set<Int>
  /// By reason, with the FEC lines: credits, opening entries, and lines imported before.
  public let leftOut: [ImportLeftOut]

  public var openingLines: Int { leftOut.first { $0.reason == .fecLeftOutOpening }?.lines.count ?? 0 }

  init(fec: FECFile, rules: FECRules, pick: FECPick, closing source: FECEntries.ClosingSource, skipped: [Int], currency: Currency) {
    (file, self.currency) = (fec.file, currency)
    closing = pick.entries.closing
    closingSource = source
    regrouped = pick.entries.regrouped
    tallies = pick.tallies
    ruleLines = (rules.expenseRules.map(\.line) + rules.metricRules.map(\.line)).sorted()
    alreadyImported = Set(skipped.map { pick.items[$0].line })
    taken = pick.taken
    var leftOut: [ImportLeftOut] = []
    if let lines = pick.leftOut[.credit] { leftOut.append(ImportLeftOut(.fecLeftOutCredit, lines: lines)) }
    if let lines = pick.leftOut[.opening] { leftOut.append(ImportLeftOut(.fecLeftOutOpening, lines: lines)) }
    if !skipped.isEmpty { leftOut.append(ImportLeftOut(.fecLeftOutAlready, lines: skipped.map { pick.items[$0].line })) }
    self.leftOut = leftOut
  }

  /// The lines under the summary: the fiscal year, the regrouped journals and each rule's tally;
  /// with `listing`, every line taken, as `file:line  date  account  label
  /// amount  rule N → target`.
  public func lines(_ language: Language, listing: Bool) -> [String] {
    let say = PeopleFormat(language)
    var lines: [String]
    switch closingSource {
    case .name: lines = [Catalogue.text(.fecFiscalYearFromName, language, ["date": "\(closing)"])]
    case .dates: lines = [Catalogue.text(.fecFiscalYearFromDates, language, ["date": "\(closing)"])]
    case .datesNotName(let named):
      lines = [Catalogue.text(.fecFiscalYearNameDisagrees, language, ["date": "\(closing)", "named": "\(named)"])]
    }
    for journal in regrouped {
      lines.append(Catalogue.text(.fecRegroupedJournal, language, [
        "journal": journal.journal, "lines": "\(journal.lines)", "entries": "\(journal.entries)",
      ]))
    }
    for rule in ruleLines {
      guard let tally = tallies.first(where: { $0.ruleLine == rule }) else {
        lines.append(Catalogue.text(.fecRuleTookNothing, language, ["rule": "\(rule)"]))
        continue
      }
      lines.append(Catalogue.text(.fecRuleTally, language, [
        "rule": "\(rule)", "count": say.counted(tally.lines, .lineOne, .lineMany), "first": "\(tally.first)", "last": "\(tally.last)",
        "total": tally.overflow ? "–" : say.money(Rational(tally.total), currency),
      ]))
    }
    if listing {
      lines.append(Catalogue.text(.fecTakenHeading, language, ["count": "\(taken.count)"]))
      lines += taken.map { listed($0, language) }
    }
    return lines
  }

  private func listed(_ taken: FECPick.Taken, _ language: Language) -> String {
    let say = PeopleFormat(language)
    let line = taken.line
    let target: String
    switch taken.target {
    case .expense(let category):
      target = Catalogue.text(alreadyImported.contains(line.line) ? .fecTargetAlready : .fecTargetExpense, language, [
        "category": Catalogue.text(category.message, language),
      ])
    case .metric(let metric, let month, _): target = Catalogue.text(.fecTargetMetric, language, ["metric": metric, "month": "\(month)"])
    case .leftOut(let reason):
      target = Catalogue.text(reason == .credit ? .fecTargetLeftOutCredit : .fecTargetLeftOutOpening, language)
    }
    let amount: Int64 = if case .metric(_, _, let signed) = taken.target { signed } else { line.amount }
    return "  \(file):\(line.line)  \(line.date)  \(line.account)  \(line.label)  \(say.amount(Rational(amount), currency))  "
      + Catalogue.text(.fecTakenBy, language, ["rule": "\(taken.ruleLine)", "target": target])
  }
}
