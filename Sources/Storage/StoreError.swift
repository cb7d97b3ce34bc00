import ROIEngine

/// Why the store refused a request. Each names the value at fault and what to do instead.
public enum StoreError: ExplainedError, Equatable {
  case noDatabase(path: String)
  case isDirectory(path: String)
  case notCRMROIDatabase(path: String)
  case newerSchema(path: String, found: Int, supported: Int)
  case notInitialized(path: String)
  case alreadyInitialized(path: String)
  case unknownMetric(name: String, known: [String])
  case duplicateMetric(name: String)
  case metricHasSnapshots(name: String, count: Int)
  case noSuchExpense(id: Int64)
  case currencyChangesMinorUnits(from: Currency, to: Currency)
  case currencyNeedsRelabel(from: Currency, to: Currency)
  case notEmpty(path: String)
  case notWritable(path: String)
  case folderNotWritable(path: String, folder: String)
  case notARegularFile(path: String)
  case emptyFile(path: String)
  /// Text in the file that no case of its closed list matches (a kind, a category, an action).
  case unexpectedStoredValue(table: String, row: Int64, column: String, value: String)
  case corrupt(path: String, detail: String)
  case expenseNotRemoved(id: Int64)
  case backupExists(path: String)
  case backupOntoItself(path: String)
  /// `--read-only` on a file the process may not read (or open read-only: a WAL file whose folder
  /// it may not write, without its -shm).
  case notReadable(path: String)
  /// `--read-only` on a file of an older schema: it is never migrated, and this crm-roi reads only its own.
  case olderSchemaReadOnly(path: String, found: Int, supported: Int)
  case kindDoesNotFitValue(metric: String, kind: String, month: String, value: String)
  /// A metric made a control series while it holds a value below 0.
  case controlValueNegative(metric: String, month: String, value: String)
  case goLiveLeavesExpenseBehind(goLive: Month, expenseDate: String)
  case targetNotARegularFile(path: String)
  case targetIsADatabase(path: String)
  case changedDuringImport(file: String)
  /// A month's order series does not fit a metric value (64 bits, 4 decimals).
  case derivedValueOutOfRange(metric: String, month: Month)
  /// Two first order imports at once: the other stored its customer key first.
  case customerKeyRaced(file: String)
  /// A control series for a metric that is itself a control series.
  case controlOfAControl(control: String, metric: String)
  /// A second control series for a metric.
  case metricHasControl(metric: String, control: String)
  /// A metric isolated by a control series made a control series itself.
  case controlledMetricAsControl(metric: String, control: String)
  case noSuchPlanCost(id: Int64)
  case noPlannedBenefit(metric: String)
  /// A planned benefit for a metric that adds no money.
  case planBenefitNeedsMoney(metric: String, kind: String)
  case noSuchIntangible(id: Int64)
  /// A kind that adds no money for a metric with a planned benefit.
  case metricHasPlannedBenefit(metric: String, kind: String)
  /// The database's folder could not be made.
  case cannotCreateFolder(folder: String, reason: Phrase)

  public var phrase: Phrase {
    func say(_ message: Message, _ values: [String: String]) -> Phrase { Phrase(message, values) }
    switch self {
    case .noDatabase(let path): return say(.storeNoDatabase, ["path": path])
    case .isDirectory(let path): return say(.storeIsDirectory, ["path": path])
    case .notCRMROIDatabase(let path): return say(.storeNotCRMROI, ["path": path])
    case .newerSchema(let path, let found, let supported):
      return say(.storeNewerSchema, ["path": path, "found": "\(found)", "supported": "\(supported)"])
    case .notInitialized(let path): return say(.storeNotInitialized, ["path": path])
    case .alreadyInitialized(let path): return say(.storeAlreadyInitialized, ["path": path])
    case .unknownMetric(let name, let known): return UnknownMetric(name: name, known: known).phrase
    case .duplicateMetric(let name): return say(.storeDuplicateMetric, ["name": name])
    case .metricHasSnapshots(let name, let count):
      return say(count == 1 ? .storeMetricHasOneSnapshot : .storeMetricHasSnapshots, ["name": name, "count": "\(count)"])
    case .noSuchExpense(let id): return say(.storeNoSuchExpense, ["id": "\(id)"])
    case .currencyChangesMinorUnits(let from, let to):
      return say(.storeCurrencyDecimals, [
        "to": to.code, "toDecimals": "\(to.minorUnits)", "from": from.code, "fromDecimals": "\(from.minorUnits)",
      ])
    case .currencyNeedsRelabel(let from, let to): return say(.storeCurrencyRelabel, ["from": from.code, "to": to.code])
    case .notWritable(let path): return say(.storeNotWritable, ["path": path])
    case .folderNotWritable(let path, let folder): return say(.storeFolderNotWritable, ["path": path, "folder": folder])
    case .notARegularFile(let path): return say(.storeNotARegularFile, ["path": path])
    case .unexpectedStoredValue(let table, let row, let column, let value):
      return say(.storeUnexpectedValue, ["table": table, "row": "\(row)", "column": column, "value": value])
    case .emptyFile(let path): return say(.storeEmptyFile, ["path": path])
    case .corrupt(let path, let detail): return say(.storeCorrupt, ["path": path, "detail": detail])
    case .backupExists(let path): return say(.storeBackupExists, ["path": path])
    case .targetNotARegularFile(let path): return say(.storeTargetNotRegular, ["path": path])
    case .targetIsADatabase(let path): return say(.storeTargetIsADatabase, ["path": path])
    case .goLiveLeavesExpenseBehind(let goLive, let date):
      return say(.storeGoLiveLeavesExpense, ["goLive": "\(goLive)", "date": date])
    case .notReadable(let path): return say(.storeNotReadable, ["path": path])
    case .olderSchemaReadOnly(let path, let found, let supported):
      return say(.storeOlderSchemaReadOnly, ["path": path, "found": "\(found)", "supported": "\(supported)"])
    case .kindDoesNotFitValue(let metric, let kind, let month, let value):
      return say(.storeKindDoesNotFit, ["metric": metric, "kind": kind, "month": month, "value": value])
    case .controlValueNegative(let metric, let month, let value):
      return say(.storeControlValueNegative, ["metric": metric, "month": month, "value": value])
    case .backupOntoItself(let path): return say(.storeBackupOntoItself, ["path": path])
    case .expenseNotRemoved(let id): return say(.storeExpenseNotRemoved, ["id": "\(id)"])
    case .changedDuringImport(let file): return say(.storeChangedDuringImport, ["file": file])
    case .customerKeyRaced(let file): return say(.storeCustomerKeyRaced, ["file": file])
    case .derivedValueOutOfRange(let metric, let month): return say(.storeDerivedOutOfRange, ["metric": metric, "month": "\(month)"])
    case .notEmpty(let path): return say(.storeDemoPathTaken, ["path": path])
    case .controlOfAControl(let control, let metric): return say(.storeControlOfAControl, ["control": control, "metric": metric])
    case .metricHasControl(let metric, let control): return say(.storeMetricHasControl, ["control": control, "metric": metric])
    case .controlledMetricAsControl(let metric, let control):
      return say(.storeControlledMetricAsControl, ["control": control, "metric": metric])
    case .noSuchPlanCost(let id): return say(.storeNoSuchPlanCost, ["id": "\(id)"])
    case .noPlannedBenefit(let metric): return say(.storeNoPlannedBenefit, ["metric": metric])
    case .planBenefitNeedsMoney(let metric, let kind): return say(.storePlanBenefitNeedsMoney, ["metric": metric, "kind": kind])
    case .noSuchIntangible(let id): return say(.storeNoSuchIntangible, ["id": "\(id)"])
    case .metricHasPlannedBenefit(let metric, let kind): return say(.storeMetricHasPlannedBenefit, ["metric": metric, "kind": kind])
    case .cannotCreateFolder(let folder, let reason):
      return Phrase(.storeCannotCreateFolder, phrases: ["folder": .text(folder), "reason": .phrase(reason)])
    }
  }
}
