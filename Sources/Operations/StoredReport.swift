import ROIEngine
import Storage

/// Computing a report from the stored data: what the command line's `roi`, `report`, `impact` and
/// `demo` and the web app's dashboard all call. The repository only reads; the engine computes.
extension StoreReader {
  /// Computes the ROI report from this read of the file; `baselineMethod`, when given, in place of
  /// the stored one (a view, nothing stored). A month whose orders stop before its end
  /// (`SourceFacts.incompleteMonth`) and the months after it are left out, unless `allowIncomplete`.
  public func report(
    from: Quarter? = nil, through: Quarter? = nil, discount: DiscountOptions = DiscountOptions(), project: Bool = false,
    baselineMethod: BaselineMethod? = nil, allowIncomplete: Bool = false
  ) throws -> ROIReport {
    var settings = try settings()
    if let baselineMethod {
      settings.baselineMethod = baselineMethod
      try settings.validate()
    }
    let metrics = try metrics()
    let (snapshots, sources) = try completeSnapshots(metrics: metrics, allowIncomplete: allowIncomplete)
    var report = try ROICalculator.report(
      settings: settings, costItems: try costItems(), metrics: metrics, snapshots: snapshots,
      from: from, through: through, discount: discount, project: project, plan: try businessCase(), intangibles: try intangibles(),
      sources: sources)
    if let baselineMethod, baselineMethod != .auto { report.baselineChoice = BaselineChoice(method: baselineMethod, reason: .view) }
    return report
  }
}
