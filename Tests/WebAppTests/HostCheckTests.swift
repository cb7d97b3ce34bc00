import HummingbirdBcrypt
import Testing
import WebApp

/// Part 15's attacker: the Host check must let through what a browser on port 80 and a reverse
/// proxy send. Each case below failed before (the listening port was required in every Host).
@Suite struct HostCheckTests {
  @Test func aHostWithoutAPortMeansPort80() {
    let onEighty = WebConfiguration(host: "127.0.0.1", port: 80)
    #expect(onEighty.allows(host: "127.0.0.1"))
    #expect(onEighty.allows(host: "localhost"))
    #expect(onEighty.allows(host: "127.0.0.1:80"))
    #expect(!onEighty.allows(host: "127.0.0.1:8765"))
    let onOther = WebConfiguration(host: "127.0.0.1", port: 8765)
    #expect(!onOther.allows(host: "127.0.0.1"))
    #expect(onOther.allows(host: "localhost:8765") && onOther.allows(host: "LOCALHOST:8765") && onOther.allows(host: "[::1]:8765"))
    #expect(!onOther.allows(host: "evil.example:8765"))
  }

  @Test func anAllowedHostMatchesAsWritten() {
    let proxied = WebConfiguration(host: "127.0.0.1", port: 8765, extraHosts: ["crm.example.com", "intranet:8443"])
    // What a reverse proxy forwards: the name alone, or with the scheme's default port.
    #expect(proxied.allows(host: "crm.example.com"))
    #expect(proxied.allows(host: "CRM.example.com:443"))
    #expect(proxied.allows(host: "crm.example.com:80"))
    #expect(!proxied.allows(host: "crm.example.com:8080"))
    // NAME:PORT takes that pair only.
    #expect(proxied.allows(host: "intranet:8443"))
    #expect(!proxied.allows(host: "intranet") && !proxied.allows(host: "intranet:443"))
    #expect(!proxied.allows(host: "crm.example.com.evil.example"))
  }

  @Test(arguments: ["", ":8765", "127.0.0.1:", "127.0.0.1:abc", "127.0.0.1:99999", "127.0.0.1:+8765", "127.0.0.1:8765 ", "[::1", "::1", "127.0.0.1:08765"])
  func malformedHostsAreRefused(host: String) {
    #expect(!WebConfiguration(host: "127.0.0.1", port: 8765).allows(host: host))
  }
}

/// Part 15's attacker: a password file written on Windows, or with a second line; and the file
/// holds a bcrypt hash, never the password.
@Suite struct PasswordFileTests {
  static let hash = "$2b$12$" + String(repeating: "a", count: 53)

  @Test func aWindowsLineEndIsNotPartOfTheHash() {
    #expect(PasswordFile(text: Self.hash + "\r\n") == .hash(Self.hash))
    #expect(PasswordFile(text: Self.hash + "\n") == .hash(Self.hash))
    #expect(PasswordFile(text: Self.hash) == .hash(Self.hash))
    #expect(PasswordFile(text: Self.hash + "\r\n\r\n") == .hash(Self.hash))
  }

  /// The helper's attack: bcrypt reads 72 bytes and stops at a NUL, so such passwords are never taken;
  /// a cost above 16 (every sign-in hanging for minutes) is refused; a byte order mark is not the hash's.
  @Test func whatBcryptCannotTellApartIsRefused() {
    #expect(PasswordFile.bcryptTakes(String(repeating: "A", count: 72)))
    #expect(!PasswordFile.bcryptTakes(String(repeating: "A", count: 73)) && !PasswordFile.bcryptTakes("spaced\u{0}garbage") && !PasswordFile.bcryptTakes(""))
    #expect(PasswordFile(text: "$2b$31$" + String(repeating: "a", count: 53)) == .notAHash)
    #expect(PasswordFile(text: "\u{FEFF}" + Self.hash + "\r\n") == .hash(Self.hash))
  }

  @Test func aSecondLineNothingOrAPlainPasswordIsRefused() {
    #expect(PasswordFile(text: Self.hash + "\r\nsecond\r\n") == .severalLines)
    #expect(PasswordFile(text: "a\nb") == .severalLines)
    #expect(PasswordFile(text: "") == .empty && PasswordFile(text: "\r\n") == .empty && PasswordFile(text: "\n\n") == .empty)
    #expect(PasswordFile(text: "hunter2\r\n") == .notAHash)
    #expect(PasswordFile(text: "$2b$03$" + String(repeating: "a", count: 53)) == .notAHash)  // cost below 4
    #expect(PasswordFile(text: "$2b$12$" + String(repeating: "a", count: 52) + "!") == .notAHash)
  }

  /// What `--hash-password` prints is what `--password-file` takes, and bcrypt checks it.
  @Test func theHashCommandsLineIsTakenAndChecked() throws {
    let line = Bcrypt.hash("correct horse", cost: 4)
    guard case .hash(let hash) = PasswordFile(text: line + "\n") else { Issue.record("refused: \(line)"); return }
    #expect(Bcrypt.verify("correct horse", hash: hash) && !Bcrypt.verify("correct horsf", hash: hash))
  }
}
