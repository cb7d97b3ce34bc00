import ROIEngine
import Storage

extension Store {
  /// `crm-roi check` and the web app's Check page: SQLite's integrity and foreign key checks, then
  /// the data's own checks and the warnings a report would give: one line per finding.
  public func check(latestMonth: Month) throws -> [Finding] {
    let findings = try integrityFindings()
    guard findings.isEmpty else { return findings }
    return try read { store in
      var findings = DataChecks.findings(
        settings: try store.settings(), metrics: try store.metrics(), snapshots: try store.snapshots(),
        expenses: try store.expenses(), latestMonth: latestMonth, plan: try store.businessCase()
      ).map(Finding.problem)
      // The warnings about the data's sources hold whether a report can be made or not.
      let sourceCodes = Set(SourceWarnings.codes)
      findings += SourceWarnings.all(try store.sourceFacts(), settings: try store.settings(), metrics: try store.metrics()).map(Finding.warning)
      do {
        let warnings = try store.report().warnings.filter { !sourceCodes.contains($0.code) }
        findings += warnings.filter { $0.code != .partialQuarter }.map(Finding.warning)
        findings += warnings.filter { $0.code == .partialQuarter }.map(Finding.note)
      } catch let error as ROIError {
        findings.append(.noReport(error))
      }
      return findings
    }
  }
}
