import Interchange
import Operations
import Reports
import ROIEngine
import Storage

#if canImport(Glibc)
  import Glibc
#endif

/// An upload previewed and waiting for its confirmation: the file kept server-side, the options it
/// was read with and the counts the preview found, for the session that sent it.
struct PendingImport {
  let session: String
  let file: UploadedFile
  let form: [String: String]
  var counts: [Int]
}

/// The preview no longer matches what the confirmation would import.
private struct PreviewOutdated: Error {}

/// `/import`: upload an expenses, metrics, orders or FEC file with its options; a preview of what
/// would be added, replaced and skipped and of every bad value; then a confirmation that imports
/// exactly what was previewed (the upload kept server-side, checked unchanged) or nothing.
extension WebApp {
  /// How many previews wait at most; the oldest is dropped (and its file removed) past it.
  static let pendingLimit = 32
  /// How many bad values a preview lists.
  static let problemsListed = 1000
  /// How many rows a preview lists with what the import does with each.
  static let itemsListed = 500

  func importPage(_ page: Page, form: [String: String] = [:], error: (field: String, message: String)? = nil, notice: String? = nil) -> String {
    let fields = FormFields(page: page, values: form, error: error)
    let detected = page.text(.webDetected)
    let presets = fields.select("preset", .webPreset, [("", detected)] + OrderPreset.allCases.map { ($0.rawValue, $0 == .generic ? page.text(.presetGeneric) : $0.rawValue) }, chosen: "")
    let content = """
      <form id="import-form" method="post" action="/import/preview" enctype="multipart/form-data"><fieldset><legend>\(escape(page.text(.webImportFile)))</legend>
      \(page.csrfField)
      \(fields.select("kind", .webWhatFileHolds, ImportKind.allCases.map { ($0.rawValue, page.text(WebApp.kindMessage($0))) }))
      <label for="file">\(escape(page.text(.webFile)))</label><input id="file" name="file" type="file" required>\(fields.error("file"))
      \(presets)
      \(fields.select("delimiter", .webDelimiter, [("", detected), (",", ","), (";", ";"), ("tab", page.text(.webTab))]))
      \(fields.select("decimal", .webDecimalMark, [("", detected), ("comma", page.text(.decimalComma)), ("point", page.text(.decimalPoint))]))
      \(fields.select("date-format", .webDateFormat, DateOrder.allCases.map { ($0.rawValue, page.text($0 == .dmy ? .dateOrderDayFirst : .dateOrderMonthFirst)) }))
      \(fields.select("encoding", .webEncoding, [("", detected), ("utf-8", "UTF-8"), ("utf-16", "UTF-16"), ("windows-1252", "Windows-1252"), ("latin9", "ISO-8859-15")]))
      <label><input type="checkbox" name="allow-current" value="1"\(form["allow-current"] == "1" ? " checked" : "")> \(escape(page.text(.webAllowCurrent)))</label>
      <label for="rules">\(escape(page.text(.webRules)))</label>
      <textarea id="rules" name="rules" rows="5" cols="60">\(escapeField(form["rules"] ?? ""))</textarea>\(fields.error("rules"))
      <p><button id="preview" type="submit">\(escape(page.text(.webPreview)))</button></p>
      \(fields.error(""))
      </fieldset></form>
      <p>\(escape(page.text(.webImportHint, ["limit": PeopleFormat(page.language).localised(WebApp.megabytes(maximumUpload))])))</p>
      """
    return page.render(title: page.text(.webImport), active: "/import", notice: notice, content)
  }

  static func kindMessage(_ kind: ImportKind) -> Message {
    switch kind {
    case .expenses: .webKindExpenses
    case .metrics: .webKindMetrics
    case .orders: .webKindOrders
    case .fec: .webKindFEC
    }
  }

  /// "200 MB", as the limit is given.
  static func megabytes(_ bytes: Int) -> String {
    bytes % 1_000_000 == 0 ? "\(bytes / 1_000_000) MB" : "\(bytes) B"  // no-catalogue: units
  }

  /// The import `form` asks for, on the kept file; a wrong option throws a `FieldError`-like pair.
  private func importRequest(_ form: [String: String], _ file: UploadedFile) throws(ImportFormError) -> ImportRequest {
    func field<T>(_ name: String, _ body: () throws -> T) throws(ImportFormError) -> T {
      do { return try body() } catch { throw ImportFormError(field: name, error: error) }
    }
    let kind = try field("kind") { () throws(ValueError) -> ImportKind in
      guard let kind = ImportKind(rawValue: form["kind"] ?? "") else { throw ValueError(value: form["kind"] ?? "", expected: .verbatim("expenses, metrics, orders, fec")) }  // no-catalogue: the kinds' names
      return kind
    }
    var request = ImportRequest(kind: kind, path: file.path, name: file.name, currentMonth: WebApp.currentMonth())
    request.problemLimit = WebApp.problemsListed
    request.itemLimit = WebApp.itemsListed
    request.allowCurrent = form["allow-current"] == "1"
    request.preset = try field("preset") { () throws(ValueError) -> OrderPreset? in
      let name = form["preset"] ?? ""
      guard !name.isEmpty else { return nil }
      guard let preset = OrderPreset(rawValue: name) else {
        throw ValueError(value: name, expected: .verbatim(OrderPreset.allCases.map(\.rawValue).joined(separator: ", ")))
      }
      return preset
    }
    let delimiter = form["delimiter"] ?? ""
    request.dialect.delimiter = try field("delimiter") { () throws(ValueError) -> UInt8? in
      guard !delimiter.isEmpty else { return nil }
      guard let byte = CSVDialect.delimiter(option: delimiter) else { throw ValueError(value: delimiter, expected: Phrase(.formDelimiter)) }
      return byte
    }
    request.dialect.decimalComma = switch form["decimal"] ?? "" { case "comma": true; case "point": false; default: nil }
    request.dialect.dateOrder = DateOrder(rawValue: form["date-format"] ?? "") ?? .dmy
    let encoding = form["encoding"] ?? ""
    request.dialect.encoding = try field("encoding") { () throws(ValueError) -> TextEncoding? in
      guard !encoding.isEmpty else { return nil }
      guard let value = TextEncoding(option: encoding) else { throw ValueError(value: encoding, expected: TextEncoding.expectedForm) }
      return value
    }
    let rules = (form["rules"] ?? "").replacingCarriageReturns()
    if kind == .fec {
      request.fecRules = try field("rules") { try FECRules(text: rules, file: page(rulesName: file.name)) }
    } else if !rules.trimmingCharacters().isEmpty {
      request.csvRules = try field("rules") { try CSVRules(text: rules, file: page(rulesName: file.name)) }
    }
    return request
  }

  private func page(rulesName name: String) -> String { "\(name).rules" }  // no-catalogue: a file name

  func previewImport(_ request: WebRequest, _ page: Page) throws -> WebResponse {
    guard let file = request.upload else {
      return .html(importPage(page, form: request.form, error: ("file", page.text(.webNoFile))), status: 400)
    }
    do {
      let importRequest = try importRequest(request.form, file)
      let outcome = try Importer.run(importRequest, in: store, dryRun: true)
      let id = Sessions.randomToken()
      keep(id, PendingImport(session: page.session, file: file, form: request.form, counts: outcome.counts))
      return .html(preview(page, outcome: outcome, id: id))
    } catch {
      unlink(file.path)
      return refusedImport(error, page, form: request.form)
    }
  }

  /// The import page again with what went wrong: a wrong option beside its field, bad values listed.
  private func refusedImport(_ error: Error, _ page: Page, form: [String: String]) -> WebResponse {
    switch error {
    case let error as ImportFormError:
      let again = "</h1>\n<p>\(escape(page.text(.webNothingImported)))</p>"
      return .html(importPage(page, form: form, error: (error.field, Phrase(error: error.error).text(page.language))).replacingFirst("</h1>", with: again), status: 400)
    case let problems as ImportProblems:
      let lines = problems.lines(page.language)
      let items = lines.dropLast().map { "<li>\(escape($0))</li>" }.joined(separator: "\n")
      let content = """
        <p class="problem" role="alert">\(escape(lines.last ?? ""))</p>
        <ul id="problems">
        \(items)
        </ul>
        <p>\(escape(page.text(.webNothingImported)))</p>
        """
      return .html(importPage(page, form: form, notice: nil).replacingFirst("</h1>", with: "</h1>\n" + content), status: 400)
    default:
      let again = "</h1>\n<p>\(escape(page.text(.webNothingImported)))</p>"
      return .html(importPage(page, form: form, error: ("", Phrase(error: error).text(page.language))).replacingFirst("</h1>", with: again), status: 400)
    }
  }

  private func preview(_ page: Page, outcome: ImportOutcome, id: String, notice: String? = nil) -> String {
    let content = """
      <p id="preview-summary">\(escape(outcome.summary(page.language, dryRun: true)))</p>
      \(details(outcome, page))
      \(items(outcome, page))
      <form method="post" action="/import/confirm">\(page.csrfField)<input type="hidden" name="upload" value="\(id)">
      <button id="confirm" type="submit">\(escape(page.text(.webConfirmImport)))</button></form>
      <form method="post" action="/import/cancel">\(page.csrfField)<input type="hidden" name="upload" value="\(id)">
      <button id="cancel" type="submit">\(escape(page.text(.webCancel)))</button></form>
      """
    return page.render(title: page.text(.webImportPreview), active: "/import", notice: notice, content)
  }

  /// The lines under the summary: a FEC's fiscal year, rules and every line taken, and what the
  /// import leaves out and why.
  private func details(_ outcome: ImportOutcome, _ page: Page) -> String {
    let lines = outcome.details(page.language, dryRun: true)
    guard !lines.isEmpty else { return "" }
    return "<ul id=\"import-details\">" + lines.map { "<li>\(escape(String($0.drop { $0 == " " })))</li>" }.joined() + "</ul>"
  }

  /// The rows the import reads, each with what it does (added, replaced, skipped), the first 500.
  private func items(_ outcome: ImportOutcome, _ page: Page) -> String {
    guard !outcome.items.isEmpty else { return "" }
    let headings: [Message] = outcome.kind == .metrics
      ? [.columnMonth, .columnMetric, .webValue, .webStoredBefore] : [.columnDate, .columnCategory, .columnAmount, .columnNote, .columnSupplier]
    let head = "<th class=\"text\">\(escape(page.text(.webWhatImportDoes)))</th>"
      + headings.map { "<th class=\"text\">\(escape(page.text($0)))</th>" }.joined()
    let rows = outcome.items.map { item in
      let status: Message = switch item.status {
      case .added: .webItemAdded
      case .replaced: .webItemReplaced
      case .skipped: .webItemSkipped
      }
      return "<tr class=\"\(item.status.rawValue)\"><td class=\"text\">\(escape(page.text(status)))</td>"
        + item.fields.enumerated().map { column, value in
          // An expense's category in the page's language (`matériel`), as the lists show it.
          let shown = outcome.kind != .metrics && column == 1 ? ExpenseCategory(rawValue: value).map { ExpenseText.category($0, page.language) } ?? value : page.typedBack(value)
          return "<td class=\"text\">\(escape(shown))</td>"
        }.joined() + "</tr>"
    }.joined(separator: "\n")
    let total = outcome.added + outcome.replaced + outcome.skipped
    let more = total > outcome.items.count ? "<p>\(escape(page.text(.webMoreRows, ["count": "\(total - outcome.items.count)"])))</p>" : ""
    return "<div class=\"scroll\"><table id=\"preview-items\"><thead><tr>\(head)</tr></thead><tbody>\n\(rows)\n</tbody></table></div>\n\(more)"
  }

  func confirmImport(_ request: WebRequest, _ page: Page) throws -> WebResponse {
    let id = request.form["upload"] ?? ""
    guard var pending = pendingImports[id], pending.session == page.session else {
      return .html(importPage(page, error: ("", page.text(.webPreviewGone))), status: 409)
    }
    guard let now = UploadedFile.digest(of: pending.file.path, key: uploadKey), now.size == pending.file.size, now.digest == pending.file.digest else {
      drop(id)
      return .html(importPage(page, error: ("", page.text(.webUploadChanged))), status: 409)
    }
    let importRequest: ImportRequest
    do {
      importRequest = try self.importRequest(pending.form, pending.file)
    } catch {
      drop(id)
      return refusedImport(error, page, form: pending.form)
    }
    do {
      let expected = pending.counts
      let outcome = try Importer.run(importRequest, in: store, dryRun: false) { outcome in
        if outcome.counts != expected { throw PreviewOutdated() }
      }
      drop(id)
      flashes[page.session] = outcome.summary(page.language, dryRun: false)
      return .redirect(to: "/import?done=imported")
    } catch is PreviewOutdated {
      // The database changed since the preview: nothing was written; show what would be imported now.
      let outcome = try Importer.run(importRequest, in: store, dryRun: true)
      pending.counts = outcome.counts
      pendingImports[id] = pending
      return .html(preview(page, outcome: outcome, id: id, notice: page.text(.webPreviewOutdated)), status: 409)
    } catch {
      drop(id)
      return refusedImport(error, page, form: pending.form)
    }
  }

  func cancelImport(_ request: WebRequest, _ page: Page) -> WebResponse {
    let id = request.form["upload"] ?? ""
    if pendingImports[id]?.session == page.session { drop(id) }
    return .redirect(to: "/import")
  }

  private func keep(_ id: String, _ pending: PendingImport) {
    pendingImports[id] = pending
    pendingOrder.append(id)
    while pendingOrder.count > WebApp.pendingLimit { drop(pendingOrder[0]) }
  }

  private func drop(_ id: String) {
    if let pending = pendingImports.removeValue(forKey: id) { unlink(pending.file.path) }
    pendingOrder.removeAll { $0 == id }
  }
}

/// A wrong option of the import form, to show beside its field.
struct ImportFormError: Error {
  let field: String
  let error: Error
}

extension String {
  func replacingCarriageReturns() -> String { String(String.UnicodeScalarView(unicodeScalars.filter { $0 != "\r" })) }

  func replacingFirst(_ target: String, with replacement: String) -> String {
    replacing(target, with: replacement, maxReplacements: 1)
  }
}
