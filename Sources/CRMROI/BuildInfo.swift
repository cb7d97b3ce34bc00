/// What `crm-roi --version` prints. `scripts/release` writes the commit it builds from into its
/// copy of this file; a build from a checkout has none.
enum BuildInfo {
  static let version = "0.1.0"
  static let commit: String? = nil

  /// "0.1.0 (commit 4e12bdb0c1f2)", or "0.1.0 (source build)".
  static var text: String {
    commit.map { "\(version) (commit \($0))" } ?? "\(version) (source build)"  // no-catalogue: --version's fixed form
  }
}
