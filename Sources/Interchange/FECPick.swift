import ROIEngine

/// What a rules file picks from a FEC: the CRM expenses, each with its `source`, the lines it
/// leaves out and why, each metric's sum per month, and every line a rule took (for a dry run's
/// listing). Pure: nothing is read or written here.
///
/// Lines form entries as `FECEntries` says; a line's position in its entry (1-based, in the order
/// of the file) makes its source `fec:CLOSING:JOURNAL:NUM:LINE`, CLOSING being the fiscal year's
/// closing date (YYYYMMDD): the same in a later export of the same year, another in the next year,
/// whose entry numbers start again. VAT lines (4456…) never count, nor do opening entries.
public struct FECPick {
  /// One picked line as an expense, and where it came from.
  public struct Item: Equatable, Sendable {
    public let expense: Expense
    public let source: String
    /// The source as crm-roi wrote it before fiscal years were part of it (`fec:JOURNAL:NUM:LINE`):
    /// an expense stored under it with the same date and amount is this line, imported already.
    public let legacySource: String?
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

  /// What a rule did with a line it took.
  public enum Target: Equatable, Sendable {
    /// An expense of this category.
    case expense(ExpenseCategory)
    /// Part of this metric's sum for this month, with this sign.
    case metric(String, Month, Int64)
    /// Left out, for this reason.
    case leftOut(LeftOut)
  }

  /// Why a line a rule took is not imported.
  public enum LeftOut: String, CaseIterable, Sendable {
    /// Debit − Credit ≤ 0: a credit note or a reversal.
    case credit
    /// An opening (à-nouveaux) entry: last year's balances carried forward, not a new cost.
    case opening
  }

  /// A line that a rule took, as a dry run lists it.
  public struct Taken: Equatable, Sendable {
    public let line: FECLine
    public let ruleLine: Int
    public let target: Target
  }

  /// What one rule took: how many lines, their dates and total (Debit − Credit; for a metric, as
  /// its side counts).
  public struct RuleTally: Equatable, Sendable {
    public let ruleLine: Int
    public var lines = 0
    public var first: CalendarDate
    public var last: CalendarDate
    public var total: Int64 = 0
    public var overflow = false
  }

  /// The supplier accounts whose `CompAuxLib` a `supplier` rule reads: 401 (suppliers) and
  /// 404 (suppliers of fixed assets, where a class-2 purchase is credited).
  public static let supplierPrefixes = ["401", "404"]

  public private(set) var items: [Item] = []
  /// Picked lines left out, by reason, with their FEC lines.
  public private(set) var leftOut: [LeftOut: [Int]] = [:]
  public var creditLinesLeftOut: Int { leftOut[.credit]?.count ?? 0 }
  /// By metric, then month.
  public private(set) var metricSums: [MetricSum] = []
  /// Every line a rule took, in the file's order.
  public private(set) var taken: [Taken] = []
  /// By rule line, in the rules file's order.
  public private(set) var tallies: [RuleTally] = []
  public let entries: FECEntries

  /// Picks from `fec` by `rules`, in the fiscal year closing on `closing` (`FECEntries.closing`).
  /// A picked expense dated before `earliest` (10 years before go-live) is refused as elsewhere;
  /// so is a sum past the 64-bit range.
  public init(_ fec: FECFile, rules: FECRules, closing: CalendarDate? = nil, earliest: Month? = nil) throws {
    entries = FECEntries(fec.lines, closing: closing ?? FECEntries.closing(of: fec, fiscalYearStart: 1).date)
    let yearTag = entries.closing.description.filter { $0 != "-" }
    let regroupedJournals = Set(entries.regrouped.map(\.journal))
    var problems = ImportProblems(file: fec.file)
    let suppliers = FECPick.suppliers(fec.lines, keys: entries.keys)
    let supplierNames = FECPick.supplierNames(fec.lines, keys: entries.keys)
    var tallies: [Int: RuleTally] = [:]
    func tally(_ rule: Int, _ line: FECLine, _ signed: Int64) { FECPick.tally(&tallies, rule, line, signed) }
    var sums: [String: [Month: (minor: Int64, first: Int)]] = [:]
    for (index, line) in fec.lines.enumerated() where !line.account.hasPrefix(FECRules.vatPrefix) {
      let key = entries.keys[index]
      let opening = entries.opening.contains(key)
      if let rule = FECPick.expenseRule(for: line, in: rules, suppliers: suppliers[key] ?? []) {
        let reason: LeftOut? = opening ? .opening : line.amount <= 0 ? .credit : nil
        if let reason {
          leftOut[reason, default: []].append(line.line)
          taken.append(Taken(line: line, ruleLine: rule.line, target: .leftOut(reason)))
        } else if let earliest, line.date.month < earliest {
          problems.append(CSVError(
            file: fec.file, line: line.line, column: (fec.dateColumn, "EcritureDate"),
            message: ValueError(value: "\(line.date)", expected: Phrase(.formDateNotLongBefore, [
              "first": "\(earliest)", "years": "\(ExpenseFields.yearsBeforeGoLive)",
            ])).phrase))
        } else {
          let expense = Expense(
            date: line.date, category: rule.category, amount: Money(minor: line.amount), note: line.label.isEmpty ? nil : line.label,
            supplier: supplierNames[key])
          let position = entries.positions[index]
          items.append(Item(
            expense: expense, source: "fec:\(yearTag):\(key.journal):\(key.number):\(position)",
            legacySource: regroupedJournals.contains(key.journal) ? nil : "fec:\(key.journal):\(key.number):\(position)",
            line: line.line, ruleLine: rule.line))
          taken.append(Taken(line: line, ruleLine: rule.line, target: .expense(rule.category)))
          tally(rule.line, line, line.amount)
        }
      }
      guard !opening else { continue }
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
        taken.append(Taken(line: line, ruleLine: metricRule.line, target: .metric(metricRule.metric, line.date.month, signed)))
        tally(metricRule.line, line, signed)
      }
    }
    try problems.check()
    self.tallies = tallies.values.sorted { $0.ruleLine < $1.ruleLine }
    metricSums = FECPick.metricSums(sums, rules: rules)
  }

  /// The first expense rule that takes `line`: by account; by supplier or label on a cost or asset
  /// account (class 6 or 2) only.
  static func expenseRule(for line: FECLine, in rules: FECRules, suppliers: [String]) -> FECRules.ExpenseRule? {
    let costOrAsset = line.account.hasPrefix("6") || line.account.hasPrefix("2")
    return rules.expenseRules.first { rule in
      switch rule.match {
      case .account(let prefix): line.account.hasPrefix(prefix)
      case .supplier(let name): costOrAsset && suppliers.contains { $0.contains(name) }
      case .label(let pattern): costOrAsset && pattern.matches(line.label)
      }
    }
  }

  /// Counts `line` (its signed amount) in the tally of the rule at `rule`.
  static func tally(_ tallies: inout [Int: RuleTally], _ rule: Int, _ line: FECLine, _ signed: Int64) {
    var entry = tallies[rule] ?? RuleTally(ruleLine: rule, first: line.date, last: line.date)
    entry.lines += 1
    (entry.first, entry.last) = (min(entry.first, line.date), max(entry.last, line.date))
    let (sum, overflow) = entry.total.addingReportingOverflow(signed)
    (entry.total, entry.overflow) = (sum, entry.overflow || overflow)
    tallies[rule] = entry
  }

  /// The sums by metric, then month, each with its rule's line and the first FEC line in it.
  static func metricSums(_ sums: [String: [Month: (minor: Int64, first: Int)]], rules: FECRules) -> [MetricSum] {
    var result: [MetricSum] = []
    for (metric, months) in sums.sorted(by: { $0.key < $1.key }) {
      let ruleLine = rules.metricRules.first { $0.metric == metric }!.line
      for (month, sum) in months.sorted(by: { $0.key < $1.key }) {
        result.append(MetricSum(metric: metric, month: month, minor: sum.minor, ruleLine: ruleLine, firstLine: sum.first))
      }
    }
    return result
  }

  /// The supplier names of each entry's 401…/404… lines, folded for comparison; without
  /// auxiliary accounts, the supplier's name is the account's own label.
  static func suppliers(_ lines: [FECLine], keys: [FECEntries.Key]) -> [FECEntries.Key: [String]] {
    var suppliers: [FECEntries.Key: [String]] = [:]
    for (line, key) in zip(lines, keys) where FECPick.supplierPrefixes.contains(where: line.account.hasPrefix) {
      suppliers[key, default: []].append(Folding.key(line.auxiliaryLabel.isEmpty ? line.accountLabel : line.auxiliaryLabel))
    }
    return suppliers
  }

  /// The supplier each entry paid, as an expense's `supplier`: the `CompAuxLib` of its first
  /// 401…/404… line, else that account's own label when it is a supplier's own account (401SALESF),
  /// not the collective one (401, 40100000), whose label names no one.
  static func supplierNames(_ lines: [FECLine], keys: [FECEntries.Key]) -> [FECEntries.Key: String] {
    var names: [FECEntries.Key: String] = [:]
    for (line, key) in zip(lines, keys) where names[key] == nil {
      guard let prefix = FECPick.supplierPrefixes.first(where: line.account.hasPrefix) else { continue }
      let auxiliary = line.auxiliaryLabel.trimmingSpaces()
      let own = line.account.dropFirst(prefix.count).contains { $0 != "0" } ? line.accountLabel.trimmingSpaces() : ""
      let name = auxiliary.isEmpty ? own : auxiliary
      if !name.isEmpty { names[key] = name }
    }
    return names
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
