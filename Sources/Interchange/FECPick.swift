import ROIEngine

/// What a rules file picks from a FEC: the CRM expenses, each with its `source`, the credit lines
/// left out, and each metric's sum per month. Pure: nothing is read or written here.
///
/// Lines are grouped into entries by `JournalCode` + `EcritureNum`; a line's position in its entry
/// (1-based, in the order of the file) makes its source `fec:JOURNAL:NUM:LINE`, the same in a later
/// export of the same books. VAT lines (4456…) never count.
public struct FECPick {
  /// One picked line as an expense, and where it came from.
  public struct Item: Equatable, Sendable {
    public let expense: Expense
    public let source: String
    /// The line of the FEC, and of the rules file that picked it.
    public let line: Int
    public let ruleLine: Int
  }

  /// One metric's sum over one month, in minor units, and where it came from.
  public struct MetricSum: Equatable, Sendable {
    public let metric: String
    public let month: Month
    public let minor: Int64
    /// The metric's first rule, and the first FEC line in the month.
    public let ruleLine: Int
    public let firstLine: Int
  }

  /// The supplier accounts whose `CompAuxLib` a `supplier` rule reads: 401 (suppliers) and
  /// 404 (suppliers of fixed assets, where a class-2 purchase is credited).
  public static let supplierPrefixes = ["401", "404"]

  public private(set) var items: [Item] = []
  /// Picked lines with Debit − Credit ≤ 0 (credit notes, reversals): not imported.
  public private(set) var creditLinesLeftOut = 0
  /// By metric, then month.
  public private(set) var metricSums: [MetricSum] = []

  /// Picks from `fec` by `rules`. A picked expense dated before `earliest` (10 years before
  /// go-live) is refused as elsewhere; so is a sum past the 64-bit range.
  public init(_ fec: FECFile, rules: FECRules, earliest: Month? = nil) throws {
    var problems = ImportProblems(file: fec.file)
    // The entries, in the order they first appear, and each line's position in its entry.
    struct EntryKey: Hashable {
      let journal: String
      let number: String
    }
    var positions: [Int] = []
    var counts: [EntryKey: Int] = [:]
    var suppliers: [EntryKey: [String]] = [:]
    positions.reserveCapacity(fec.lines.count)
    for line in fec.lines {
      let key = EntryKey(journal: line.journal, number: line.entryNumber)
      counts[key, default: 0] += 1
      positions.append(counts[key]!)
      if FECPick.supplierPrefixes.contains(where: line.account.hasPrefix) {
        // Without auxiliary accounts, the supplier's name is the account's own label.
        suppliers[key, default: []].append(Folding.key(line.auxiliaryLabel.isEmpty ? line.accountLabel : line.auxiliaryLabel))
      }
    }
    var sums: [String: [Month: (minor: Int64, first: Int)]] = [:]
    for (line, position) in zip(fec.lines, positions) where !line.account.hasPrefix(FECRules.vatPrefix) {
      let key = EntryKey(journal: line.journal, number: line.entryNumber)
      let costOrAsset = line.account.hasPrefix("6") || line.account.hasPrefix("2")
      let rule = rules.expenseRules.first { rule in
        switch rule.match {
        case .account(let prefix): line.account.hasPrefix(prefix)
        case .supplier(let name): costOrAsset && (suppliers[key] ?? []).contains { $0.contains(name) }
        case .label(let regex, _): costOrAsset && (try? regex.firstMatch(in: line.label)) != nil
        }
      }
      if let rule {
        if line.amount <= 0 {
          creditLinesLeftOut += 1
        } else if let earliest, line.date.month < earliest {
          problems.append(CSVError(
            file: fec.file, line: line.line, column: (fec.dateColumn, "EcritureDate"),
            message: ValueError(value: "\(line.date)", expected: Phrase(.formDateNotLongBefore, [
              "first": "\(earliest)", "years": "\(ExpenseFields.yearsBeforeGoLive)",
            ])).phrase))
        } else {
          let expense = Expense(
            date: line.date, category: rule.category, amount: Money(minor: line.amount), note: line.label.isEmpty ? nil : line.label)
          items.append(Item(
            expense: expense, source: "fec:\(line.journal):\(line.entryNumber):\(position)", line: line.line, ruleLine: rule.line))
        }
      }
      // Each line counts once per metric, by the metric's first rule that takes its account.
      var counted: Set<String> = []
      for metricRule in rules.metricRules where !counted.contains(metricRule.metric) && line.account.hasPrefix(metricRule.account) {
        counted.insert(metricRule.metric)
        let signed = metricRule.side == .debit ? line.amount : 0 - line.amount
        let old = sums[metricRule.metric, default: [:]][line.date.month] ?? (0, line.line)
        let (sum, overflow) = old.minor.addingReportingOverflow(signed)
        if overflow {
          problems.append(CSVError(file: fec.file, line: line.line, message: Phrase(.fecSumOutOfRange, ["metric": metricRule.metric])))
        }
        sums[metricRule.metric, default: [:]][line.date.month] = (sum, old.first)
      }
    }
    try problems.check()
    for (metric, months) in sums.sorted(by: { $0.key < $1.key }) {
      let ruleLine = rules.metricRules.first { $0.metric == metric }!.line
      for (month, sum) in months.sorted(by: { $0.key < $1.key }) {
        metricSums.append(MetricSum(metric: metric, month: month, minor: sum.minor, ruleLine: ruleLine, firstLine: sum.first))
      }
    }
  }

  /// The metric sums as snapshots under `snapshotRules` (the metric known, a finished month, a
  /// value its kind takes); the first that breaks them throws, naming the rules line or FEC line.
  public func snapshots(_ snapshotRules: SnapshotRules, fec: FECFile, rules: FECRules) throws -> [Snapshot] {
    for rule in rules.metricRules {
      do { _ = try snapshotRules.metric(named: rule.metric) } catch let error as UnknownMetric {
        throw CSVError(file: rules.file, line: rule.line, error: error)
      }
    }
    return try metricSums.map { sum in
      let month: Month
      do {
        month = try snapshotRules.month(sum.month.description)
      } catch let error as ValueError {
        throw CSVError(
          file: fec.file, line: sum.firstLine, column: (fec.dateColumn, "EcritureDate"),
          message: Phrase(.fecMetricMonth, phrases: [
            "metric": .text(sum.metric), "file": .text(rules.file), "line": .text("\(sum.ruleLine)"), "error": .phrase(error.phrase),
          ]))
      }
      let value = snapshotRules.currency.plain(sum.minor)
      do {
        return try snapshotRules.snapshot(metric: sum.metric, month: month, value: value)
      } catch let error as ValueError {
        throw CSVError(
          file: rules.file, line: sum.ruleLine,
          message: Phrase(.fecMetricSum, phrases: [
            "metric": .text(sum.metric), "month": .text("\(sum.month)"), "value": .text(value), "error": .phrase(error.phrase),
          ]))
      }
    }
  }
}
