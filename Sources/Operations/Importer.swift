import Interchange
import ROIEngine
import Storage

/// Runs an import the same way for the command line and the web app: the whole file is read,
/// parsed and checked before the write transaction starts; then all of it is written, or nothing.
/// `confirm` sees the outcome inside the transaction, before the commit: when it throws (a failed
/// write of the summary, or counts that differ from a preview), nothing is written.
public enum Importer {
  public static func run(
    _ request: ImportRequest, in store: Store, dryRun: Bool, confirm: (ImportOutcome) throws -> Void = { _ in }
  ) throws -> ImportOutcome {
    switch request.kind {
    case .expenses: return try expenses(request, store, dryRun, confirm)
    case .metrics: return try metrics(request, store, dryRun, confirm)
    case .orders:
      do {
        return try orders(request, store, dryRun, confirm)
      } catch StoreError.customerKeyRaced where request.path != "-" {
        // Another first import stored its key meanwhile: read the file again under that key.
        return try orders(request, store, dryRun, confirm)
      }
    case .fec: return try fec(request, store, dryRun, confirm)
    }
  }

  /// Runs `body` in one write transaction, rolled back at the end when this is a dry run.
  private static func write(
    _ store: Store, dryRun: Bool, _ body: (StoreWriter) throws -> ImportOutcome, confirm: (ImportOutcome) throws -> Void
  ) throws -> ImportOutcome {
    try store.transaction { writer in
      let outcome = try body(writer)
      try confirm(outcome)
      return (outcome, dryRun ? .rollback : .commit)
    }
  }

  private static func expenses(
    _ request: ImportRequest, _ store: Store, _ dryRun: Bool, _ confirm: (ImportOutcome) throws -> Void
  ) throws -> ImportOutcome {
    let settings = try store.read { try $0.settings() }
    let (input, resolved, ruleSkips) = try request.openCSV()
    let reader = try ExpenseCSVReader(
      reader: input, dialect: resolved, ignoring: request.dialect.ignoredColumns, currency: settings.currency, settings: settings)
    var listed: [Expense] = []
    let session = try store.stageExpenseImport(file: reader.file, currency: settings.currency) { session in
      var problems = ImportProblems(file: reader.file, listing: request.problemLimit)
      while let row = try reader.next() {
        switch row {
        case .success(let expense):
          if problems.isEmpty { try session.add(expense) }
          if listed.count < request.itemLimit { listed.append(expense) }
        case .failure(let problem): problems.append(problem)
        }
      }
      problems.append(contentsOf: reader.problemsAtEnd())
      try problems.check()
    }
    var outcome = ImportOutcome(kind: .expenses, name: reader.file)
    outcome.dialect = resolved
    outcome.leftOutGroups = ruleSkips
    if !reader.emptyRows.isEmpty || !reader.totalRows.isEmpty {
      outcome.leftOutGroups.append(ImportLeftOut(
        .rowsSkipped, lines: (reader.emptyRows + reader.totalRows).sorted(),
        rows: [
          .init(count: reader.emptyRows.count, one: .emptyRowOne, many: .emptyRowMany),
          .init(count: reader.totalRows.count, one: .totalRowOne, many: .totalRowMany),
        ]))
    }
    try store.finishExpenseImport(session, dryRun: dryRun) { added, skipped in
      (outcome.added, outcome.skipped) = (added, skipped)
      outcome.items = listed.enumerated().map { index, expense in
        let row = Int64(index + 1)
        let status: ImportItem.Status = session.addedRows.contains { $0.contains(row) } ? .added : .skipped
        return ImportItem(
          status: status,
          fields: [expense.date.description, expense.category.rawValue, settings.currency.plain(expense.amount.minor), expense.note ?? "", expense.supplier ?? ""])
      }
      try confirm(outcome)
    }
    return outcome
  }

  private static func metrics(
    _ request: ImportRequest, _ store: Store, _ dryRun: Bool, _ confirm: (ImportOutcome) throws -> Void
  ) throws -> ImportOutcome {
    let (metrics, currency) = try store.read { store in (try store.metrics(), try store.settings().currency) }
    let rules = SnapshotRules(metrics: metrics, currency: currency, currentMonth: request.currentMonth, allowCurrent: request.allowCurrent)
    let (input, resolved, ruleSkips) = try request.openCSV()
    let reader = try MetricCSVReader(reader: input, dialect: resolved, ignoring: request.dialect.ignoredColumns, rules: rules)
    var problems = ImportProblems(file: reader.file, listing: request.problemLimit)
    var snapshots: [Snapshot] = []
    while let (values, issues) = try reader.next() {
      problems.append(contentsOf: issues)
      if problems.isEmpty { snapshots += values }
    }
    problems.append(contentsOf: reader.problemsAtEnd())
    try problems.check()
    return try write(store, dryRun: dryRun, { writer in
      let items = try listed(snapshots.prefix(request.itemLimit), stored: request.itemLimit > 0 ? try writer.snapshots() : [])
      let counts = try writer.importSnapshots(snapshots, file: reader.file, metrics: metrics, currency: currency)
      var outcome = ImportOutcome(kind: .metrics, name: reader.file)
      outcome.items = items
      outcome.leftOutGroups = ruleSkips
      (outcome.added, outcome.replaced, outcome.skipped, outcome.dialect) = (counts.added, counts.replaced, counts.unchanged, resolved)
      return outcome
    }, confirm: confirm)
  }

  /// The values with what logging them does, against the values `stored` before.
  private static func listed(_ snapshots: ArraySlice<Snapshot>, stored: [Snapshot]) throws -> [ImportItem] {
    var before: [String: MetricValue] = [:]
    for snapshot in stored { before["\(snapshot.metric) \(snapshot.month)"] = snapshot.value }
    return snapshots.map { snapshot in
      let old = before["\(snapshot.metric) \(snapshot.month)"]
      let status: ImportItem.Status = old == nil ? .added : old == snapshot.value ? .skipped : .replaced
      return ImportItem(status: status, fields: [snapshot.month.description, snapshot.metric, snapshot.value.plain, old?.plain ?? ""])
    }
  }

  /// The file is read and its customers hashed before the write transaction; the key, made by
  /// the first import, is stored with its orders.
  private static func orders(
    _ request: ImportRequest, _ store: Store, _ dryRun: Bool, _ confirm: (ImportOutcome) throws -> Void
  ) throws -> ImportOutcome {
    let settings = try store.read { try $0.settings() }
    let key = try store.read { try $0.storedCustomerKey() } ?? CustomerKey()
    let (input, resolved, ruleSkips) = try request.openCSV()
    let reader = try OrderCSVReader(
      reader: input, dialect: resolved, preset: request.preset, currency: settings.currency, key: key.hasher, latestMonth: request.currentMonth)
    var problems = ImportProblems(file: reader.file, listing: request.problemLimit)
    var orders: [(order: Order, counted: Bool)] = []
    var passedOver = 0
    var notCounted: [String: [Int]] = [:]
    var withoutCustomer: [Int] = []
    while let row = try reader.next() {
      switch row {
      case .success(let read?):
        orders.append(read)
        if !read.counted { notCounted[reader.leftOutStatus, default: []].append(reader.line) }
        if read.counted, read.order.customer == nil { withoutCustomer.append(reader.line) }
      case .success(nil): passedOver += 1
      case .failure(let problem): problems.append(problem)
      }
    }
    passedOver -= reader.withoutID.count
    problems.append(contentsOf: reader.problemsAtEnd())
    try problems.check()
    var leftOutGroups = ruleSkips + notCounted.sorted { $0.key < $1.key }.map { ImportLeftOut(.ordersNotCountedStatus, lines: $0.value, values: ["status": $0.key]) }
    if !reader.withoutID.isEmpty { leftOutGroups.append(ImportLeftOut(.ordersWithoutID, lines: reader.withoutID)) }
    if !withoutCustomer.isEmpty { leftOutGroups.append(ImportLeftOut(.ordersWithoutCustomer, lines: withoutCustomer)) }
    return try write(store, dryRun: dryRun, { writer in
      try writer.settleCustomerKey(key, file: reader.file)
      let counts = try writer.importOrders(orders, file: reader.file)
      var outcome = ImportOutcome(kind: .orders, name: reader.file)
      (outcome.added, outcome.replaced, outcome.skipped, outcome.dialect) = (counts.added, counts.replaced, counts.unchanged, resolved)
      (outcome.leftOut, outcome.passedOver, outcome.leftOutGroups) = (orders.count { !$0.counted }, passedOver, leftOutGroups)
      if reader.detected, reader.presetUsed != .generic { outcome.detectedPreset = reader.presetUsed.rawValue }
      outcome.kept = counts.kept
      return outcome
    }, confirm: confirm)
  }

  /// Both files are read, parsed and checked before the write transaction starts; it adds the
  /// expenses and logs the metric values together, or nothing.
  private static func fec(
    _ request: ImportRequest, _ store: Store, _ dryRun: Bool, _ confirm: (ImportOutcome) throws -> Void
  ) throws -> ImportOutcome {
    guard let rules = request.fecRules else { preconditionFailure("a FEC import needs its rules") }
    let (metrics, settings) = try store.read { store in (try store.metrics(), try store.settings()) }
    let fec = try FECFile(path: request.path, name: request.path == "-" ? nil : request.name, currency: settings.currency)
    let earliest = settings.goLive.advanced(by: -12 * ExpenseFields.yearsBeforeGoLive)
    let closing = FECEntries.closing(of: fec, fiscalYearStart: settings.fiscalYearStart)
    let pick = try FECPick(fec, rules: rules, closing: closing.date, earliest: earliest)
    let snapshotRules = SnapshotRules(
      metrics: metrics, currency: settings.currency, currentMonth: request.currentMonth, allowCurrent: request.allowCurrent)
    let snapshots = try pick.snapshots(snapshotRules, fec: fec, rules: rules)
    return try write(store, dryRun: dryRun, { writer in
      let expenses = try writer.addSourced(pick.items.map { SourcedExpense(expense: $0.expense, source: $0.source, legacySource: $0.legacySource) })
      let values =
        snapshots.isEmpty
        ? StoreWriter.LogCounts() : try writer.importSnapshots(snapshots, file: fec.file, metrics: metrics, currency: settings.currency)
      var outcome = ImportOutcome(kind: .fec, name: fec.file)
      (outcome.added, outcome.skipped, outcome.creditLines) = (expenses.added, expenses.skipped.count, pick.creditLinesLeftOut)
      outcome.fec = FECPickSummary(fec: fec, rules: rules, pick: pick, closing: closing.source, skipped: expenses.skipped, currency: settings.currency)
      outcome.leftOutGroups = outcome.fec?.leftOut ?? []
      (outcome.valuesAdded, outcome.valuesReplaced, outcome.encodingName) = (values.added, values.replaced, fec.encoding.displayName)
      return outcome
    }, confirm: confirm)
  }
}
