import Foundation
import SQLite
import ROIEngine
import Storage
import Testing
import WebApp

/// Part 10 over real HTTP: every route, the Host check, the CSRF refusal, the headers, read-only,
/// and the web app and another writer on the same file at once.
@Suite struct WebAppTests {
  @Test func everyPageAnswersWithTheSecurityHeaders() async throws {
    let served = try await Served()
    for path in ["/", "/months", "/months/2025-05", "/expenses", "/settings", "/history", "/check", "/report.html", "/?project=1&rate=8%25"] {
      let page = try await served.request("GET", path)
      #expect(page.status == 200, "\(path): \(page.body.prefix(300))")
      let policy = page.headers["content-security-policy"] ?? ""
      #expect(policy.contains("default-src 'none'") && !policy.contains("script-src") && policy.contains("frame-ancestors 'none'"), "\(path)")
      #expect(page.headers["x-content-type-options"] == "nosniff" && page.headers["referrer-policy"] == "no-referrer", "\(path)")
      #expect(!page.body.contains("<script"), "\(path)")
    }
    // A page without a form makes no session: reading (or crawling) never pushes one out.
    for path in ["/", "/report.html", "/history", "/check", "/settings", "/nowhere"] {
      #expect(try await served.request("GET", path).headers["set-cookie"] == nil, "\(path)")
    }
    let first = try await served.request("GET", "/expenses")
    let cookie = first.headers["set-cookie"] ?? ""
    #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
    // The session id: 256 random bits, 64 hex digits.
    let id = cookie.split(separator: ";")[0].split(separator: "=")[1]
    #expect(id.count == 64 && id.allSatisfy(\.isHexDigit))
    #expect(try await served.request("GET", "/report.html").headers["content-disposition"]?.contains("attachment") == true)
    #expect(try await served.request("GET", "/nowhere").status == 404)
  }

  @Test func anotherHostIsRefused() async throws {
    let served = try await Served()
    #expect(try await served.request("GET", "/", host: "evil.example:\(served.port)").status == 421)
    #expect(try await served.request("GET", "/", host: "127.0.0.1:1").status == 421)
    #expect(try await served.request("GET", "/", host: nil).status == 421)
    #expect(try await served.request("GET", "/", host: "localhost:\(served.port)").status == 200)
    #expect(try await served.request("GET", "/", host: "LOCALHOST:\(served.port)").status == 200)
  }

  @Test func aBodyOverTheLimitIsRefusedUnread() async throws {
    let served = try await Served()
    let port = served.port
    // The body is sent whole; the server stops reading it at the limit.
    let head = "POST /expenses HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 2097152\r\n\r\n"
    let answer = String(decoding: try await Served.send(port: port, Array(head.utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: 2_097_152)), as: UTF8.self)
    #expect(answer.hasPrefix("HTTP/1.1 413") && answer.contains("Content-Security-Policy"))
  }

  @Test func aPostWithoutItsTokenChangesNothing() async throws {
    let served = try await Served()
    let before = try Served.rows(served.database)
    let (cookie, token) = try await served.session()
    #expect(try await served.request("POST", "/months/2025-05", form: ["value-1": "1200"], cookie: cookie).status == 403)
    #expect(try await served.request("POST", "/months/2025-05", form: ["value-1": "1200", "csrf_token": (token.first == "0" ? "1" : "0") + token.dropFirst()], cookie: cookie).status == 403)
    #expect(try await served.request("POST", "/months/2025-05", form: ["value-1": "1200", "csrf_token": token]).status == 403)  // no session
    #expect(try await served.request("POST", "/expenses/1/remove", form: [:], cookie: cookie).status == 403)
    #expect(try Served.rows(served.database) == before)
  }

  @Test func aMonthIsSavedInOneTransaction() async throws {
    let served = try await Served()
    let (cookie, token) = try await served.session("/months/2025-05")
    // Metrics in name order: orders (kpi) is value-0, sales value-1.
    let saved = try await served.request("POST", "/months/2025-05", form: ["value-0": "41", "value-1": "105000.50", "csrf_token": token], cookie: cookie)
    #expect(saved.status == 303 && saved.headers["location"] == "/months/2025-05?done=saved")
    let store = try Store.open(path: served.database)
    let values = try store.read { try $0.snapshots() }.filter { $0.month == Month(year: 2025, month: 5) }
    #expect(values.map(\.value.plain).sorted() == ["105000.5", "41"])
    // One bad value: the form again with its error beside the field, nothing written.
    let before = try Served.rows(served.database)
    let refused = try await served.request("POST", "/months/2025-06", form: ["value-0": "7", "value-1": "12,50", "csrf_token": token], cookie: cookie)
    #expect(refused.status == 400)
    #expect(refused.body.contains("class=\"error\" role=\"alert\">&#39;12,50&#39; is not valid; expected a decimal point, not a comma: 12.50"))
    #expect(try Served.rows(served.database) == before)
    // Removing a value.
    #expect(try await served.request("POST", "/months/2025-05", form: ["remove-0": "1", "value-1": "105000.50", "csrf_token": token], cookie: cookie).status == 303)
    #expect(try store.read { try $0.snapshots() }.filter { $0.month == Month(year: 2025, month: 5) }.map(\.metric) == ["sales"])
    // The audit trail has the web app's changes, as the command line's.
    #expect(try store.read { try $0.history(limit: 1) }.first?.subject == "snapshot orders 2025-05")
  }

  @Test func expensesAreAddedRemovedAndRestored() async throws {
    let served = try await Served()
    let (cookie, token) = try await served.session()
    let added = try await served.request(
      "POST", "/expenses",
      form: ["date": "2025-04-01", "category": "labor", "hours": "10", "rate": "42.50", "every": "", "supplier": "<b>Form'Pro</b>", "csrf_token": token], cookie: cookie)
    #expect(added.status == 303)
    let store = try Store.open(path: served.database)
    let labor = try #require(try store.read { try $0.expenses() }.last)
    #expect(labor.amount == Money(minor: 42_500) && labor.labor?.hundredthsOfHours == 1_000 && labor.supplier == "<b>Form'Pro</b>")
    let page = try await served.request("GET", "/expenses")
    // The form has an input per declared field, the supplier's among them; the list shows it, escaped.
    #expect(page.body.contains("<input id=\"supplier\" name=\"supplier\"") && page.body.contains("<th class=\"text\">Supplier</th>"))
    #expect(page.body.contains("<td class=\"text\">&lt;b&gt;Form&#39;Pro&lt;/b&gt;</td>"))
    // 1,200.00 + 425.00 = 1,625.00 over the horizon.
    #expect(page.body.contains("id=\"tco\">1,625.00 EUR"))
    let bad = try await served.request("POST", "/expenses", form: ["date": "2025-02-30", "category": "license", "amount": "5", "csrf_token": token], cookie: cookie)
    #expect(bad.status == 400 && bad.body.contains("&#39;2025-02-30&#39; is not valid"))
    let id = try #require(labor.id)
    #expect(try await served.request("POST", "/expenses/\(id)/remove", form: ["csrf_token": token], cookie: cookie).status == 303)
    #expect(try store.read { try $0.expenses() }.count == 1)
    #expect(try await served.request("POST", "/expenses/restore", form: ["id": "\(id)", "csrf_token": token], cookie: cookie).status == 303)
    #expect(try store.read { try $0.expenses() }.count == 2)
  }

  @Test func readOnlyRefusesEveryChange() async throws {
    let served = try await Served(readOnly: true)
    let before = try Served.rows(served.database)
    let refused = try await served.request("POST", "/expenses", form: ["date": "2025-04-01", "category": "license", "amount": "5"])
    #expect(refused.status == 403 && refused.body.contains("read-only"))
    #expect(try Served.rows(served.database) == before)
    #expect(try await served.request("GET", "/").status == 200)
  }

  /// Part 15's attacker: `--read-only` migrated an older file (which an older crm-roi then refused
  /// as newer). Read-only opens the file read-only and never migrates: an older schema is refused at
  /// start with the reason, and the file is left as it was.
  @Test func readOnlyNeverMigrates() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("crm-roi-ro-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let database = directory.appendingPathComponent("old.sqlite").path
    try Served.makeDatabase(at: database)
    try Database(path: database).execute("PRAGMA user_version = \(Migration.latestVersion - 1)")
    let before = try Data(contentsOf: URL(fileURLWithPath: database))
    #expect(throws: StoreError.olderSchemaReadOnly(path: database, found: Migration.latestVersion - 1, supported: Migration.latestVersion)) {
      _ = try WebServer(databasePath: database, configuration: WebConfiguration(host: "127.0.0.1", port: 0, readOnly: true))
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == before)
    #expect(try Database(path: database).scalar("PRAGMA user_version") == Int64(Migration.latestVersion - 1))
  }

  /// Part 15: a language switch on every page, kept in a cookie; without a choice, the browser's
  /// Accept-Language; without either, the server's (here `--lang en`).
  @Test func theVisitorChoosesTheLanguage() async throws {
    let served = try await Served()
    #expect(try await served.request("GET", "/expenses").body.contains("<html lang=\"en\">"))
    let browser = try await served.request("GET", "/expenses", acceptLanguage: "fr-FR,fr;q=0.9,en;q=0.8")
    #expect(browser.body.contains("<html lang=\"fr\">") && browser.body.contains("Dépenses"))
    #expect(try await served.request("GET", "/", acceptLanguage: "de-DE, en;q=0.5, fr;q=0.4").body.contains("<html lang=\"en\">"))
    // The switch: a link on every page, back to the same page, the choice kept a year.
    #expect(browser.body.contains("href=\"/language/en?next=/expenses\" lang=\"en\""))
    let switched = try await served.request("GET", "/language/fr?next=/expenses")
    #expect(switched.status == 303 && switched.headers["location"] == "/expenses")
    #expect(switched.headers["set-cookie"]?.hasPrefix("crm_roi_lang=fr; Path=/; Max-Age=31536000") == true)
    #expect(try await served.request("GET", "/months", cookie: "crm_roi_lang=fr").body.contains("<html lang=\"fr\">"))
    // The choice wins over the browser's; another site is never the way back.
    #expect(try await served.request("GET", "/", cookie: "crm_roi_lang=en", acceptLanguage: "fr").body.contains("<html lang=\"en\">"))
    #expect(try await served.request("GET", "/language/fr?next=//evil.example/").headers["location"] == "/")
    #expect(try await served.request("GET", "/language/de").status == 404)
  }

  @Test func pagesInFrench() async throws {
    let served = try await Served(language: "fr")
    let page = try await served.request("GET", "/expenses")
    #expect(page.body.contains("<html lang=\"fr\">") && page.body.contains("Tableau de bord") && page.body.contains("1\u{202F}200,00\u{202F}€"))
    #expect(try await served.request("GET", "/").body.contains("Coût total de possession"))
  }

  /// The web app and another writer (as the command line) on the same file at once: nothing lost,
  /// never "locked".
  @Test func theWebAppAndAnotherWriterShareTheFile() async throws {
    let served = try await Served()
    let (cookie, token) = try await served.session()
    let path = served.database
    let other = Task.detached {
      let store = try Store.open(path: path)
      for day in 1...20 {
        _ = try store.write { try $0.add(Expense(date: try CalendarDate(parsing: "2025-05-\(day < 10 ? "0" : "")\(day)"), category: .other, amount: Money(minor: 100))) }
      }
    }
    for day in 1...20 {
      let response = try await served.request(
        "POST", "/expenses", form: ["date": "2025-06-\(day < 10 ? "0" : "")\(day)", "category": "other", "amount": "2", "csrf_token": token], cookie: cookie)
      #expect(response.status == 303, "\(response.body.prefix(300))")
    }
    try await other.value
    let expenses = try Store.open(path: path).read { try $0.expenses() }
    #expect(expenses.count == 41)
  }
}

extension Served {
  /// Every row of every table but the audit's time stamps: to see that a refused request wrote nothing.
  static func rows(_ path: String) throws -> [String] {
    let store = try Store.open(path: path)
    return try store.read { reader in
      try reader.expenses().map { "\($0)" } + reader.snapshots().map { "\($0)" } + reader.metrics().map { "\($0)" }
        + reader.history(limit: 1_000).map { "\($0.id) \($0.subject)" }
    }
  }
}

/// `crm-roi serve` as a user runs it: it prints the address, serves, and ends cleanly on SIGTERM.
@Suite struct ServeCommandTests {
  @Test func serveRunsTheWebAppAndStopsOnSIGTERM() async throws {
    let folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let binary = ProcessInfo.processInfo.environment["CRM_ROI_BINARY"].map(URL.init(fileURLWithPath:))
      ?? (FileManager.default.fileExists(atPath: folder.appendingPathComponent("crm-roi").path) ? folder : folder.deletingLastPathComponent())
        .appendingPathComponent("crm-roi")
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("crm-roi-serve-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let database = directory.appendingPathComponent("s.sqlite").path
    try Served.makeDatabase(at: database)
    let process = Process()
    process.executableURL = binary
    process.arguments = ["serve", "--db", database, "--port", "0", "--lang", "en"]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let line = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
    #expect(line.hasPrefix("Serving \(database) at http://127.0.0.1:"), "\(line)")
    let port = try #require(Int(line.split(separator: ":").last?.split(separator: "/").first ?? ""))
    let page = String(decoding: try await Served.send(port: port, Array("GET /settings HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n".utf8)), as: UTF8.self)
    #expect(page.hasPrefix("HTTP/1.1 200") && page.contains("go-live"))
    process.terminate()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0 && process.terminationReason == .exit)
  }
}

/// Part 15's attacker: what the server answers before the app (the HTTP parser's 400) carries the
/// security headers too, and a second Host header cannot slip a request past the Host check.
@Suite struct BeforeTheAppTests {
  @Test func theParsersOwn400HasTheSecurityHeaders() async throws {
    let served = try await Served()
    let raw = try await Served.send(port: served.port, Array("GET / HTTP/1.1\r\nHost: 127.0.0.1:\(served.port)\r\nNot a header\r\n\r\n".utf8))
    let response = try Served.parse(raw)
    #expect(response.status == 400)
    #expect(response.headers["content-security-policy"]?.contains("default-src 'none'") == true && response.headers["x-frame-options"] == "DENY")
  }

  @Test func aSecondHostHeaderIsRefused() async throws {
    let served = try await Served()
    for hosts in [["127.0.0.1:\(served.port)", "evil.example"], ["evil.example", "127.0.0.1:\(served.port)"]] {
      let head = "GET / HTTP/1.1\r\n" + hosts.map { "Host: \($0)\r\n" }.joined() + "Connection: close\r\n\r\n"
      let response = try Served.parse(try await Served.send(port: served.port, Array(head.utf8)))
      #expect(response.status == 400, "\(hosts)")
      #expect(response.headers["content-security-policy"] != nil)
    }
  }
}
