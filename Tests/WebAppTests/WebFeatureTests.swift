import Foundation
import NIOCore
import ROIEngine
import Storage
import Support
import Testing

@testable import WebApp

/// Part 10's pages that change definitions and bring files in and out: metrics, expense edit,
/// import (preview, then confirm), exports, and the password.
@Suite struct WebFeatureTests {
  @Test func metricsAreAddedEditedAndRemoved() async throws {
    let served = try await Served()
    let (cookie, token) = try await served.session("/metrics")
    let store = try Store.open(path: served.database)
    let added = try await served.request(
      "POST", "/metrics", form: ["name": "returns", "kind": "cost", "target": "-10%", "csrf_token": token], cookie: cookie)
    #expect(added.status == 303 && added.headers["location"] == "/metrics?done=metric-added")
    #expect(try store.read { try $0.metrics() }.first { $0.name == "returns" }?.target?.description == "-10%")
    // A wrong option: the form again, its error beside the field, nothing written.
    let before = try Served.rows(served.database)
    let bad = try await served.request("POST", "/metrics", form: ["name": "visits", "kind": "count", "unit-value": "abc", "csrf_token": token], cookie: cookie)
    #expect(bad.status == 400 && bad.body.contains("id=\"unit-value\" name=\"unit-value\" type=\"text\" value=\"abc\""))
    #expect(bad.body.contains("<span class=\"error\" role=\"alert\">&#39;abc&#39; is not valid"))
    #expect(try Served.rows(served.database) == before)
    // Edit: the form prefilled, then a new margin and a new name; the values follow the name.
    let form = try await served.request("GET", "/metrics/edit?name=sales", cookie: cookie)
    #expect(form.body.contains("id=\"margin\" name=\"margin\" type=\"text\" value=\"35%\""))
    let edited = try await served.request(
      "POST", "/metrics/edit", form: ["original": "sales", "name": "net-sales", "kind": "revenue", "margin": "40%", "csrf_token": token], cookie: cookie)
    #expect(edited.status == 303)
    let metric = try #require(try store.read { try $0.metrics() }.first { $0.name == "net-sales" })
    #expect(metric.kind == .revenue(margin: Percent(tenThousandths: 400_000)))
    #expect(try store.read { try $0.snapshots() }.map(\.metric) == ["net-sales"])
    // Removing a metric with values is refused, as `metric remove` without --force; ticked, it goes.
    let refused = try await served.request("POST", "/metrics/remove", form: ["name": "net-sales", "csrf_token": token], cookie: cookie)
    #expect(refused.status == 400 && refused.body.contains("metric &#39;net-sales&#39; has 1 value; tick &quot;with its values&quot;"))
    let removed = try await served.request("POST", "/metrics/remove", form: ["name": "net-sales", "force": "1", "csrf_token": token], cookie: cookie)
    #expect(removed.status == 303)
    #expect(try store.read { try $0.metrics() }.map(\.name).sorted() == ["orders", "returns"])
    // Every change is in the history, marked as made from the web app.
    let history = try store.read { try $0.history(limit: 3) }
    #expect(history.allSatisfy { $0.origin == .webApp })
    #expect(try await served.request("GET", "/history").body.contains("remove (web app)"))
  }

  @Test func anExpenseIsEditedInPlace() async throws {
    let served = try await Served()
    let (cookie, token) = try await served.session()
    let form = try await served.request("GET", "/expenses/1/edit", cookie: cookie)
    #expect(form.status == 200 && form.body.contains("id=\"amount\" name=\"amount\" type=\"text\" value=\"1200.00\""))
    let saved = try await served.request(
      "POST", "/expenses/1/edit",
      form: ["date": "2025-03-10", "category": "license", "amount": "1300", "every": "year", "csrf_token": token], cookie: cookie)
    #expect(saved.status == 303 && saved.headers["location"] == "/expenses?done=edited")
    let store = try Store.open(path: served.database)
    let expense = try #require(try store.read { try $0.expenses() }.first)
    #expect(expense.amount == Money(minor: 130_000) && expense.recurrence?.every == .year)
    let latest = try #require(try store.read { try $0.history(limit: 1) }.first)
    #expect(latest.action == .replace && latest.origin == .webApp)
    let bad = try await served.request("POST", "/expenses/1/edit", form: ["date": "2025-03-10", "category": "license", "amount": "-", "csrf_token": token], cookie: cookie)
    #expect(bad.status == 400 && bad.body.contains("value=\"-\""))
    #expect(try store.read { try $0.expenses() }.first?.amount == Money(minor: 130_000))
    // No such expense: the page is not found (no command-line advice on a web page).
    let missing = try await served.request("GET", "/expenses/99/edit")
    #expect(missing.status == 404 && !missing.body.contains("crm-roi expense"))
    #expect(try await served.request("POST", "/expenses/99/remove", form: ["csrf_token": token], cookie: cookie).status == 404)
    let restore = try await served.request("POST", "/expenses/restore", form: ["id": "99", "csrf_token": token], cookie: cookie)
    #expect(restore.status == 400 && restore.body.contains("no expense with id 99; expected an id from the list above"))
  }

  /// Part 15: every amount in a form is in the page's language; sent back as shown, it is unchanged.
  @Test func aFrenchFormShowsFrenchAmounts() async throws {
    let served = try await Served(language: "fr")
    let (cookie, token) = try await served.session()
    let form = try await served.request("GET", "/expenses/1/edit", cookie: cookie)
    #expect(form.body.contains("id=\"amount\" name=\"amount\" type=\"text\" value=\"1200,00\""))
    let saved = try await served.request(
      "POST", "/expenses/1/edit", form: ["date": "2025-03-10", "category": "license", "amount": "1200,00", "csrf_token": token], cookie: cookie)
    #expect(saved.status == 303)
    #expect(try Store.open(path: served.database).read { try $0.expenses() }.first?.amount == Money(minor: 120_000))
    #expect(try await served.request("GET", "/months/2025-03", cookie: cookie).body.contains("value=\"100000\""))
  }

  static let goodCSV = Array("date,category,amount,note\n2025-06-01,license,1200.00,Seats\n2025-06-15,hardware,899.90,Laptop\n".utf8)

  /// Part 15's attacker: a file name with a `;` showed as `"factures` in the preview, the summary and
  /// the audit trail (the disposition was split on `;` inside the quotes).
  @Test func aFileNameWithASemicolonKeepsItsName() async throws {
    let served = try await Served()
    let (cookie, token) = try await served.session("/import")
    let name = "factures; mars 2025.csv"
    let preview = try await served.upload(
      "/import/preview", fields: ["csrf_token": token, "kind": "expenses"], file: (name, WebFeatureTests.goodCSV), cookie: cookie)
    #expect(preview.body.contains("would import factures; mars 2025.csv: 2 added"), "\(preview.body.prefix(2000))")
    let id = try #require(preview.body.firstMatch(of: /name="upload" value="([0-9a-f]{64})"/)?.1)
    _ = try await served.request("POST", "/import/confirm", form: ["upload": String(id), "csrf_token": token], cookie: cookie)
    let store = try Store.open(path: served.database)
    #expect(try store.read { try $0.history(limit: 1) }.first?.subject == "expenses from factures; mars 2025.csv")
  }

  @Test func anImportIsPreviewedThenConfirmed() async throws {
    let served = try await Served()
    let (cookie, token) = try await served.session("/import")
    let before = try Served.rows(served.database)
    let preview = try await served.upload(
      "/import/preview", fields: ["csrf_token": token, "kind": "expenses"], file: ("depenses.csv", WebFeatureTests.goodCSV), cookie: cookie)
    #expect(preview.status == 200)
    #expect(preview.body.contains("<p id=\"preview-summary\">Dry run, nothing written: would import depenses.csv: 2 added, 0 replaced, 0 skipped"))
    #expect(try Served.rows(served.database) == before)
    // Each row with what the import does with it.
    #expect(preview.body.contains("<tr class=\"added\"><td class=\"text\">added</td><td class=\"text\">2025-06-15</td><td class=\"text\">hardware</td><td class=\"text\">899.90</td><td class=\"text\">Laptop</td><td class=\"text\"></td></tr>"))
    let id = try #require(preview.body.firstMatch(of: /name="upload" value="([0-9a-f]{64})"/)?.1)
    // Another session cannot confirm it.
    let (otherCookie, otherToken) = try await served.session("/import")
    #expect(try await served.request("POST", "/import/confirm", form: ["upload": String(id), "csrf_token": otherToken], cookie: otherCookie).status == 409)
    let confirmed = try await served.request("POST", "/import/confirm", form: ["upload": String(id), "csrf_token": token], cookie: cookie)
    #expect(confirmed.status == 303 && confirmed.headers["location"] == "/import?done=imported")
    let notice = try await served.request("GET", "/import?done=imported", cookie: cookie)
    #expect(notice.body.contains("<p class=\"notice\" role=\"status\">Imported depenses.csv: 2 added, 0 replaced, 0 skipped"))
    let store = try Store.open(path: served.database)
    #expect(try store.read { try $0.expenses() }.map(\.amount.minor) == [120_000, 120_000, 89_990])
    #expect(try store.read { try $0.history(limit: 1) }.first?.subject == "expenses from depenses.csv")
    // Confirmed once: the preview is gone, and its file with it.
    #expect(try await served.request("POST", "/import/confirm", form: ["upload": String(id), "csrf_token": token], cookie: cookie).status == 409)
    #expect(try FileManager.default.contentsOfDirectory(atPath: served.server.folder.path).isEmpty)
  }

  @Test func aBadFileListsEveryBadValueAndImportsNothing() async throws {
    let served = try await Served()
    let (cookie, token) = try await served.session("/import")
    let before = try Served.rows(served.database)
    let csv = Array("date,category,amount\n2025-06-01,license,12x\n2025-13-01,license,5\n2025-06-03,lunch,5\n".utf8)
    let answer = try await served.upload("/import/preview", fields: ["csrf_token": token, "kind": "expenses"], file: ("bad.csv", csv), cookie: cookie)
    #expect(answer.status == 400 && answer.body.contains("bad.csv: 3 bad values; nothing was imported"))
    let items = answer.body.matches(of: /<li>bad\.csv:(\d):(\d) \((\w+)\)/).map { "\($0.1):\($0.2) \($0.3)" }
    #expect(items == ["2:3 amount", "3:1 date", "4:2 category"])
    #expect(!answer.body.contains("id=\"confirm\""))
    // The refused file is not kept: the page says plainly to choose it again.
    #expect(answer.body.contains("then choose it again below (a browser never keeps a chosen file)"))
    #expect(try Served.rows(served.database) == before)
    #expect(try FileManager.default.contentsOfDirectory(atPath: served.server.folder.path).isEmpty)
    // No file chosen: said beside the file field.
    let none = try await served.upload("/import/preview", fields: ["csrf_token": token, "kind": "expenses"], file: nil, cookie: cookie)
    #expect(none.status == 400 && none.body.contains("choose a file to import"))
  }

  /// The confirmation imports exactly what was previewed, or nothing: a file changed since, or a
  /// database that would now give other counts, writes nothing.
  @Test func theConfirmationImportsWhatWasPreviewedOrNothing() async throws {
    let served = try await Served()
    let (cookie, token) = try await served.session("/import")
    func preview() async throws -> String {
      let answer = try await served.upload(
        "/import/preview", fields: ["csrf_token": token, "kind": "expenses"], file: ("e.csv", WebFeatureTests.goodCSV), cookie: cookie)
      return String(try #require(answer.body.firstMatch(of: /name="upload" value="([0-9a-f]{64})"/)?.1))
    }
    let first = try await preview()
    let kept = try #require(try FileManager.default.contentsOfDirectory(atPath: served.server.folder.path).first)
    let handle = try #require(FileHandle(forWritingAtPath: served.server.folder.path + "/" + kept))
    handle.seek(toFileOffset: 10)
    handle.write(Data("9".utf8))
    handle.closeFile()
    let before = try Served.rows(served.database)
    let changed = try await served.request("POST", "/import/confirm", form: ["upload": first, "csrf_token": token], cookie: cookie)
    #expect(changed.status == 409 && changed.body.contains("the uploaded file changed since its preview; nothing was imported"))
    #expect(try Served.rows(served.database) == before)
    // The same rows stored meanwhile (by the command line): the counts differ, nothing is written,
    // and the new preview says 1 added, 1 skipped.
    let second = try await preview()
    let store = try Store.open(path: served.database)
    _ = try store.write { try $0.add(Expense(date: try CalendarDate(parsing: "2025-06-01"), category: .license, amount: Money(minor: 120_000), note: "Seats")) }
    let stored = try Served.rows(served.database)
    let outdated = try await served.request("POST", "/import/confirm", form: ["upload": second, "csrf_token": token], cookie: cookie)
    #expect(outdated.status == 409 && outdated.body.contains("would import e.csv: 1 added, 0 replaced, 1 skipped"))
    #expect(outdated.body.matches(of: /<tr class="(\w+)">/).map { String($0.1) } == ["skipped", "added"])
    #expect(try Served.rows(served.database) == stored)
    #expect(try await served.request("POST", "/import/confirm", form: ["upload": second, "csrf_token": token], cookie: cookie).status == 303)
    #expect(try store.read { try $0.expenses() }.count == 3)
  }

  @Test func metricsAndOrdersImportThroughTheSameForm() async throws {
    let served = try await Served()
    let (cookie, token) = try await served.session("/import")
    let metrics = Array("month;sales;orders\n2025-05;101 000,50;40\n".utf8)
    let preview = try await served.upload("/import/preview", fields: ["csrf_token": token, "kind": "metrics"], file: ("mois.csv", metrics), cookie: cookie)
    #expect(preview.body.contains("would import mois.csv: 2 added, 0 replaced, 0 skipped (same value stored); read as UTF-8, semicolon-separated, decimal comma."))
    // A value already stored for that month is shown with the one it replaces.
    let again = Array("month;sales\n2025-03;99 000\n".utf8)
    let replacing = try await served.upload("/import/preview", fields: ["csrf_token": token, "kind": "metrics"], file: ("m.csv", again), cookie: cookie)
    #expect(replacing.body.contains("<tr class=\"replaced\"><td class=\"text\">replaced</td><td class=\"text\">2025-03</td><td class=\"text\">sales</td><td class=\"text\">99000</td><td class=\"text\">100000</td></tr>"))
    let orders = Array("order_id,date,customer,net_amount,refunded_amount,status\nA1,2025-05-02,a@example.com,100.00,0,paid\n".utf8)
    let ordersPreview = try await served.upload(
      "/import/preview", fields: ["csrf_token": token, "kind": "orders", "preset": "generic"], file: ("orders.csv", orders), cookie: cookie)
    #expect(ordersPreview.status == 200 && ordersPreview.body.contains("would import orders.csv: 1 order added"), "\(ordersPreview.body.suffix(900))")
    // A FEC needs its rules, checked beside the rules field.
    let fec = try await served.upload("/import/preview", fields: ["csrf_token": token, "kind": "fec", "rules": "account 651 nonsense"], file: ("fec.txt", [0x41]), cookie: cookie)
    #expect(fec.status == 400 && fec.body.contains("<textarea id=\"rules\""), "\(fec.body.suffix(600))")
  }

  @Test func anUploadOverTheLimitIsRefusedWithAPage() async throws {
    let served = try await Served(maximumUpload: 1_000)
    let (cookie, token) = try await served.session("/import")
    let big = [UInt8](repeating: UInt8(ascii: "a"), count: 5_000)
    let answer = try await served.upload("/import/preview", fields: ["csrf_token": token, "kind": "expenses"], file: ("big.csv", big), cookie: cookie)
    #expect(answer.status == 413 && answer.body.contains("larger than the upload limit of 1000 B (crm-roi serve --max-upload)"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: served.server.folder.path).isEmpty)
    // A client without a session the server made writes nothing to disk.
    let stranger = try await served.upload("/import/preview", fields: ["kind": "expenses"], file: ("a.csv", [0x41]), cookie: "crm_roi_session=00")
    #expect(stranger.status == 403 && stranger.body.contains("This form has expired") && stranger.headers["connection"] == "close")
    #expect(try FileManager.default.contentsOfDirectory(atPath: served.server.folder.path).isEmpty)
  }

  @Test func everyExportDownloads() async throws {
    let served = try await Served()
    let page = try await served.request("GET", "/export")
    for export in WebApp.exports where export.file != "report.html" {
      #expect(page.body.contains("href=\"/export/\(export.file)\""))
      let file = try await served.request("GET", "/export/\(export.file)")
      #expect(file.status == 200 && file.headers["content-disposition"] == "attachment; filename=\"crm-roi-\(export.file)\"", "\(export.file)")
    }
    #expect(try await served.request("GET", "/export/expenses.csv").body == "date,category,amount,note,hours,rate,every,until,supplier\n2025-03-10,license,1200.00,,,,,,\n")
    let json = try await served.request("GET", "/export/roi.json").body
    let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    #expect(parsed?["quarters"] is [Any])
    #expect(try await served.request("GET", "/export/metrics-fr.csv").body.hasPrefix("\u{FEFF}"))
    #expect(try await served.request("GET", "/export/secrets").status == 404)
  }

  @Test func readOnlyServesTheDashboardAndExportsOnly() async throws {
    let served = try await Served(readOnly: true)
    #expect(try await served.request("GET", "/").status == 200)
    #expect(try await served.request("GET", "/export/roi.csv").status == 200)
    #expect(try await served.request("GET", "/months").status == 403)
    #expect(try await served.request("GET", "/import").status == 403)
    #expect(!(try await served.request("GET", "/export").body.contains("href=\"/months\"")))
  }

  /// The dashboard is cached, yet a change by another connection (the command line) shows on the next load.
  @Test func aChangeByTheCommandLineShowsOnTheNextLoad() async throws {
    let served = try await Served()
    #expect(try await served.request("GET", "/").body.contains("1,200.00"))
    let store = try Store.open(path: served.database)
    _ = try store.write { try $0.add(Expense(date: try CalendarDate(parsing: "2025-04-02"), category: .service, amount: Money(minor: 70_000))) }
    #expect(try await served.request("GET", "/").body.contains("1,900.00"))
  }

  @Test func aPasswordIsAskedAndWrongOnesAreSlowed() async throws {
    let served = try await Served(password: "correct horse")
    let first = try await served.request("GET", "/")
    #expect(first.status == 303 && first.headers["location"] == "/login?next=%2F")
    let (cookie, token) = try await served.session("/login")
    #expect(try await served.request("POST", "/expenses", form: ["csrf_token": token, "amount": "1"], cookie: cookie).status == 403)
    for _ in 1...5 {
      #expect(try await served.request("POST", "/login", form: ["csrf_token": token, "password": "guess"], cookie: cookie).status == 401)
    }
    // After five failures, even the right password waits.
    let slowed = try await served.request("POST", "/login", form: ["csrf_token": token, "password": "correct horse"], cookie: cookie)
    #expect(slowed.status == 429 && slowed.headers["retry-after"] == "1" && slowed.body.contains("too many wrong passwords"))
    try await Task.sleep(for: .milliseconds(1_100))
    let signedIn = try await served.request(
      "POST", "/login", form: ["csrf_token": token, "password": "correct horse", "next": "/expenses"], cookie: cookie)
    #expect(signedIn.status == 303 && signedIn.headers["location"] == "/expenses")
    #expect(WebApp.localPath("//evil.example/") == "/" && WebApp.localPath("https://evil.example/") == "/" && WebApp.localPath("/\\evil") == "/")
    // A new session id: the one used before signing in is worth nothing.
    let newCookie = String((signedIn.headers["set-cookie"] ?? "").split(separator: ";")[0])
    #expect(newCookie.hasPrefix("crm_roi_session=") && newCookie != cookie)
    #expect(try await served.request("GET", "/", cookie: newCookie).status == 200)
    #expect(try await served.request("GET", "/", cookie: cookie).status == 303)
  }

  /// A French owner types numbers the French way; the forms read them so, and a GET form's `+` is a space.
  @Test func aFrenchPageReadsFrenchNumbers() async throws {
    let served = try await Served(language: "fr")
    let (cookie, token) = try await served.session("/months/2025-05")
    let saved = try await served.request("POST", "/months/2025-05", form: ["value-0": "41", "value-1": "105\u{202F}000,50", "csrf_token": token], cookie: cookie)
    #expect(saved.status == 303)
    let store = try Store.open(path: served.database)
    #expect(try store.read { try $0.snapshots() }.filter { $0.month == Month(year: 2025, month: 5) }.map(\.value.plain).sorted() == ["105000.5", "41"])
    let dashboard = try await served.request("GET", "/?rate=8%2C5+%25&from=T2+2025", cookie: cookie)
    #expect(dashboard.status == 200 && !dashboard.body.contains("class=\"problem\""), "\(dashboard.body.suffix(400))")
    #expect(dashboard.body.contains("8,5\u{202F}%"))
    // An emptied field removes its stored value.
    let cleared = try await served.request("POST", "/months/2025-05", form: ["value-0": "", "value-1": "105000,50", "csrf_token": token], cookie: cookie)
    #expect(cleared.status == 303)
    #expect(try store.read { try $0.snapshots() }.filter { $0.month == Month(year: 2025, month: 5) }.map(\.metric) == ["sales"])
  }

  @Test func frenchNumbersAsTyped() throws {
    let page = Page(language: .fr, csrf: "", session: "")
    #expect(try page.typed("190 000,50") == "190000.50" && page.typed("8,5 %") == "8.5%" && page.typed("-1\u{202F}200") == "-1200")
    #expect(try page.typed("12,5") == "12.5" && page.typed("1 2345") == "1 2345" && page.typed("1,234.5") == "1,234.5" && page.typed("abc") == "abc")
    // `1.500` could be 1500 or 1,5: refused with both readings; `1.5` and `12.50` are points.
    #expect(throws: ValueError(value: "1.500", expected: Phrase(.formPointTwoWays, ["thousands": "1500", "decimal": "1,500"]))) { try page.typed("1.500") }
    #expect(try page.typed("1.5") == "1.5" && page.typed("12.50") == "12.50")
    // In English the text is left to the parsers, which refuse a decimal comma naming the point.
    #expect(try Page(language: .en, csrf: "", session: "").typed("12,5") == "12,5")
  }

  /// What the attacker's review found, held: a note with control and bidi characters survives an
  /// edit saved untouched; an upload for another Host is never written; signed-in sessions are not
  /// pushed out by new visitors; a part's headers are bounded.
  @Test func aNoteWithInvisibleCharactersSurvivesItsForm() async throws {
    let served = try await Served()
    let note = "x\u{202E}evil\ttab\u{1}"
    let store = try Store.open(path: served.database)
    _ = try store.write { try $0.add(Expense(date: try CalendarDate(parsing: "2025-06-01"), category: .other, amount: Money(minor: 100), note: note)) }
    let (cookie, token) = try await served.session("/expenses/2/edit")
    let form = try await served.request("GET", "/expenses/2/edit", cookie: cookie)
    #expect(form.body.contains("value=\"x\u{202E}evil\ttab&#x1;\""))
    let saved = try await served.request(
      "POST", "/expenses/2/edit", form: ["date": "2025-06-01", "category": "other", "amount": "1.00", "note": note, "csrf_token": token], cookie: cookie)
    #expect(saved.headers["location"] == "/expenses?done=unchanged")
    #expect(try store.read { try $0.expenses() }.last?.note == note)
  }

  @Test func anUploadForAnotherHostIsNeverWritten() async throws {
    let served = try await Served()
    let (cookie, _) = try await served.session("/import")
    let boundary = "b0undary"
    let body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nabc\r\n--\(boundary)--\r\n"
    let head = "POST /import/preview HTTP/1.1\r\nHost: evil.example:\(served.port)\r\nCookie: \(cookie)\r\n"
      + "Content-Type: multipart/form-data; boundary=\(boundary)\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n"
    let answer = String(decoding: try await Served.send(port: served.port, Array((head + body).utf8)), as: UTF8.self)
    #expect(answer.hasPrefix("HTTP/1.1 421"))
    // Every response carries the security headers, this early refusal too.
    #expect(answer.contains("Content-Security-Policy: default-src 'none'") && answer.contains("X-Content-Type-Options: nosniff"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: served.server.folder.path).isEmpty)
  }

  @Test func newVisitorsDoNotPushOutASignedInSession() {
    var sessions = Sessions()
    let (id, _) = sessions.signIn(replacing: "")
    for _ in 0...Sessions.limit { _ = sessions.session(for: WebRequest(method: "GET", path: "/")) }
    #expect(sessions.isSignedIn(id) && sessions.knows(id))
  }

  /// Part 15's attacker: without a password, 10,050 requests without a cookie pushed out the
  /// session a user had just sent a form from (their next form "expired").
  @Test func newVisitorsDoNotPushOutASessionThatSentAForm() {
    var sessions = Sessions()
    let user = sessions.session(for: WebRequest(method: "GET", path: "/expenses"))
    #expect(sessions.accepts(id: user.id, token: user.csrf))
    sessions.markUsed(user.id)
    for _ in 0...(Sessions.limit + 50) { _ = sessions.session(for: WebRequest(method: "GET", path: "/")) }
    #expect(sessions.knows(user.id) && sessions.accepts(id: user.id, token: user.csrf))
    // A session never used for a form is the one that goes.
    let idle = sessions.session(for: WebRequest(method: "GET", path: "/"))
    for _ in 0...Sessions.limit { _ = sessions.session(for: WebRequest(method: "GET", path: "/")) }
    #expect(!sessions.knows(idle.id) && sessions.knows(user.id))
  }

  /// Part 15's attacker: a killed server left its upload folder (raw order files) in /tmp forever.
  /// The next server to start removes the folders whose lock no running server holds.
  @Test func aKilledServersUploadsAreRemovedAtTheNextStart() throws {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("crm-roi-base-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: base) }
    // A server that was killed: its folder, with an order file, and nobody holding its lock.
    let dead = base + "/crm-roi-serve-Ab12Cd"
    try FileManager.default.createDirectory(atPath: dead, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
    // Not what mkdtemp makes (another program's, or a test's): left alone.
    let lookalike = base + "/crm-roi-serve-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: lookalike, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
    try Data("order,e-mail\n1,a@example.com\n".utf8).write(to: URL(fileURLWithPath: dead + "/raw"))
    // A folder made in the last minute may be a server's between its mkdtemp and its lock: left.
    let starting = base + "/crm-roi-serve-Xy34Zw"
    try FileManager.default.createDirectory(atPath: starting, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
    // The killed server's folder is older than that.
    try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -120)], ofItemAtPath: dead)
    let unrelated = base + "/something-else"
    try FileManager.default.createDirectory(atPath: unrelated, withIntermediateDirectories: false)
    let running = try UploadFolder(base: base)
    #expect(!FileManager.default.fileExists(atPath: dead))
    #expect(FileManager.default.fileExists(atPath: unrelated) && FileManager.default.fileExists(atPath: lookalike))
    #expect(FileManager.default.fileExists(atPath: starting))
    // A second server leaves the first one's folder: its lock is held.
    let second = try UploadFolder(base: base)
    #expect(FileManager.default.fileExists(atPath: running.path) && FileManager.default.fileExists(atPath: second.path))
  }

  /// Part 15: the Months page opens on the running month, then one row of links to the months
  /// not logged since the latest that is, then that month: not on a screen of empty months.
  @Test func theMonthsPageOpensOnWhatThereIsToDo() async throws {
    let served = try await Served()
    let body = try await served.request("GET", "/months").body
    let running = RunningMonth.clock()
    let rows = body.components(separatedBy: "<tr").dropFirst(2)  // the header row left out
    #expect(rows.first?.contains("href=\"/months/\(running)\"") == true, "\(rows.first ?? "")")
    let latest = try #require(try Store.open(path: served.database).read { try $0.snapshots() }.map(\.month).max())
    if latest < running.advanced(by: -1) {
      let gap = try #require(rows.dropFirst().first)
      #expect(gap.hasPrefix(" class=\"gap\"") && gap.contains("href=\"/months/\(running.advanced(by: -1))\"") && gap.contains("href=\"/months/\(latest.advanced(by: 1))\""))
      #expect(rows.dropFirst(2).first?.contains("href=\"/months/\(latest)\"") == true)
    }
  }

  /// multipart-kit's parser, fed as the body arrives: a part's headers past 16 KiB are refused
  /// (the parser would keep them whole); the file goes to its own file under its own name, its
  /// fields are kept, whatever the chunks' sizes.
  @Test(arguments: [1, 7, 4096]) func aPartsHeadersAreBoundedAndAFileIsStreamed(chunk: Int) throws {
    let folder = try UploadFolder()
    func receive(_ body: String) throws -> MultipartReceiver {
      let receiver = MultipartReceiver(boundary: "b", folder: folder)
      let bytes = Array(body.utf8)
      for start in stride(from: 0, to: bytes.count, by: chunk) {
        try receiver.feed(ByteBuffer(bytes: bytes[start..<min(bytes.count, start + chunk)]))
      }
      return receiver
    }
    let long = String(repeating: "x", count: 20_000)
    #expect(throws: UploadError.self) {
      try receive("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\nX-Pad: \(long)\r\n\r\nabc\r\n--b--\r\n")
    }
    let fine = try receive(
      "--b\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\nt0k\r\n"
        + "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"../../factures; mars.csv\"\r\n\r\nabc--b\r\nline\r\n--b--\r\n")
    let file = try #require(fine.file)
    #expect(file.name == "factures; mars.csv" && fine.fields == ["csrf_token": "t0k"])
    #expect(try String(contentsOfFile: file.path, encoding: .utf8) == "abc--b\r\nline")
    // A body cut off before its closing boundary keeps no file.
    let cut = try receive("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nabc")
    #expect(cut.file == nil)
    // A whole file that nobody takes (the connection dropped after it) goes with its receiver.
    var dropped: MultipartReceiver? = try receive("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nabc\r\n--b\r\nContent-Disp")
    let left = try #require(dropped?.file?.path)
    #expect(FileManager.default.fileExists(atPath: left))
    dropped = nil
    #expect(!FileManager.default.fileExists(atPath: left))
    // A text field past 256 KiB is said, not dropped: the rules of an import are never left out.
    let rules = String(repeating: "x", count: Multipart.fieldLimit + 1)
    let longRules = try receive("--b\r\nContent-Disposition: form-data; name=\"rules\"\r\n\r\n\(rules)\r\n--b--\r\n")
    #expect(longRules.oversizedField == "rules" && longRules.fields["rules"] == nil)
  }

  /// With many expenses, the dashboard lists the latest 50 (its totals count all) and the Expenses
  /// page 200 a page: pages that stay light at 100,000 rows.
  @Test func manyExpensesArePaged() async throws {
    let served = try await Served()
    let store = try Store.open(path: served.database)
    try store.write { writer in
      for day in 0..<250 { _ = try writer.add(Expense(date: try CalendarDate(parsing: "2025-05-\(String(format: "%02d", day % 28 + 1))"), category: .other, amount: Money(minor: 100))) }
    }
    let dashboard = try await served.request("GET", "/")
    #expect(dashboard.body.contains("<p id=\"expenses-listed\">The latest 50 of 251 expenses are listed; the totals count them all.</p>"))
    // 1,200.00 + 250 × 1.00 = 1,450.00.
    #expect(dashboard.body.contains("1,450.00"))
    let first = try await served.request("GET", "/expenses")
    #expect(first.body.matches(of: /<tr data-id=/).count == 200 && first.body.contains("href=\"/expenses?page=2\""))
    let second = try await served.request("GET", "/expenses?page=2")
    #expect(second.body.matches(of: /<tr data-id=/).count == 51 && second.body.contains("<tr data-id=\"1\">"))
  }
}
