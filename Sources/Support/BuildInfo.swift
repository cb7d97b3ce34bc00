/// What `crm-roi --version` and `crm-roi-serve --version` print. `scripts/release` writes the commit it builds from into its
/// copy of this file; a build from a checkout has none.
public enum BuildInfo {
  public static let version = "0.1.0"
  public static let commit: String? = nil

  /// "0.1.0 (commit 4e12bdb0c1f2)", or "0.1.0 (source build)".
  public static var text: String {
    commit.map { "\(version) (commit \($0))" } ?? "\(version) (source build)"  // no-catalogue: --version's fixed form
  }
}
