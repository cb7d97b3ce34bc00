import ROIEngine
import Reports
import Storage

/// `/expenses`: the list with each expense over the horizon, totals by category and the TCO; a
/// form to add one (labor as hours × rate, recurring with its end); remove and restore.
extension WebApp {
  /// How many expenses a page lists: the latest on the first page, earlier ones on the next.
  static let expensesPage = 200

  /// `number`: the page, 1 for the latest expenses.
  func expenses(_ page: Page, form: [String: String], error: (field: String, message: String)?, notice: String?, number: Int = 1) throws -> String {
    let (expenses, settings) = try store.read { (try $0.expenses(), try $0.settings()) }
    let say = PeopleFormat(page.language)
    let currency = settings.currency
    let totals = ExpenseTotals(expenses, horizonEnd: settings.horizonEnd)
    let pages = max(1, (expenses.count + WebApp.expensesPage - 1) / WebApp.expensesPage)
    let number = min(max(1, number), pages)
    let end = expenses.count - (number - 1) * WebApp.expensesPage
    let shown = max(0, end - WebApp.expensesPage)..<end
    var links: [String] = []
    if number > 1 { links.append("<a href=\"/expenses?page=\(number - 1)\">\(escape(page.text(.webNewer)))</a>") }
    if number < pages { links.append("<a href=\"/expenses?page=\(number + 1)\">\(escape(page.text(.webOlder)))</a>") }
    var rows = ""
    let texts = ExpenseFields.Field.textFields
    for (expense, lifetime) in zip(expenses[shown], totals.lifetime[shown]) {
      let id = expense.id ?? 0
      let labor = expense.labor.map { page.text(.laborNote, ["hours": say.localised($0.hoursText), "rate": say.amount($0.rate.rational, currency)]) } ?? ""
      rows += """
        <tr data-id="\(id)"><td>\(id)</td><td class="text date">\(expense.date)</td><td class="text">\(escape(ExpenseText.category(expense.category, page.language)))</td>\
        <td>\(say.amount(expense.amount.rational, currency))</td><td class="text">\(escape(labor))</td>\
        <td class="text">\(escape(ExpenseText.recurrence(expense, page.language).trimmingCharacters()))</td>\
        <td>\(say.amount(lifetime.total, currency))</td>\(texts.map { "<td class=\"text\">\(escape($0.textAccess!.get(expense) ?? ""))</td>" }.joined())\
        <td class="text"><a class="edit" href="/expenses/\(id)/edit">\(escape(page.text(.webEdit)))</a> <form class="inline" method="post" action="/expenses/\(id)/remove">\(page.csrfField)<button type="submit">\(escape(page.text(.webRemove)))</button></form></td></tr>

        """
    }
    var totalRows = ""
    for (category, total) in totals.byCategory {
      totalRows += "<tr><th class=\"text\" colspan=\"6\">\(escape(page.text(.htmlTotalCategory, ["category": ExpenseText.category(category, page.language)])))</th><td>\(say.amount(total, currency))</td><td colspan=\"\(texts.count + 1)\"></td></tr>\n"
    }
    totalRows += "<tr><th class=\"text\" colspan=\"6\">\(escape(page.text(.htmlTotalCostOfOwnership)))</th><td id=\"tco\">\(escape(say.money(totals.total, currency)))</td><td colspan=\"\(texts.count + 1)\"></td></tr>\n"
    let table = expenses.isEmpty ? "<p>\(escape(page.text(.noExpensesYet)))</p>" : """
      <div class="scroll"><table id="expenses"><thead><tr><th>\(escape(page.text(.columnID)))</th><th class="text">\(escape(page.text(.columnDate)))</th>\
      <th class="text">\(escape(page.text(.columnCategory)))</th><th>\(escape(page.text(.columnAmount)))</th><th class="text">\(escape(page.text(.htmlColumnLabor)))</th>\
      <th class="text">\(escape(page.text(.columnRecurs)))</th><th>\(escape(page.text(.htmlColumnOverHorizon)))</th>\(texts.map { "<th class=\"text\">\(escape(page.text($0.declaration.label)))</th>" }.joined())<th></th></tr></thead>
      <tbody>
      \(rows)</tbody><tfoot>\(totalRows)</tfoot></table></div>
      <p>\(links.joined(separator: " · "))</p>
      """
    return page.render(title: page.text(.webExpenses), active: "/expenses", notice: notice, table + expenseForm(page, form, error, action: "/expenses", legend: .webAddExpense, button: .webAdd, id: "add") + restoreForm(page, form, error))
  }

  /// The form of an expense's fields: adding one, or editing one (`action` says which).
  private func expenseForm(
    _ page: Page, _ form: [String: String], _ error: (field: String, message: String)?, action: String, legend: Message, button: Message, id: String
  ) -> String {
    let fields = FormFields(page: page, values: form, error: error)
    let inputs = ExpenseFields.Field.allCases.map { expenseInput($0, fields) }.joined(separator: "\n")
    return """
      <form method="post" action="\(action)"><fieldset><legend>\(escape(page.text(legend)))</legend>
      \(page.csrfField)
      \(inputs)
      <p><button id="\(id)" type="submit">\(escape(page.text(button)))</button></p>
      \(fields.error(""))
      </fieldset></form>
      """
  }

  /// A field's input, as its declaration says: a date, a list, or text with an example.
  private func expenseInput(_ field: ExpenseFields.Field, _ fields: FormFields) -> String {
    let declaration = field.declaration
    let hint = declaration.hint.map { field.isNumber ? PeopleFormat(fields.page.language).localised($0) : $0 } ?? ""
    switch declaration.form {
    case .date: return fields.input(field.rawValue, declaration.label, type: "date")
    case .category:
      return fields.select(field.rawValue, declaration.label, ExpenseCategory.allCases.map { ($0.rawValue, ExpenseText.category($0, fields.page.language)) })
    case .every:
      let page = fields.page
      return fields.select(field.rawValue, declaration.label, [
        ("", page.text(.once)), ("month", page.text(.everyMonth)), ("quarter", page.text(.everyQuarter)), ("year", page.text(.everyYear)),
      ])
    case .amount, .hours, .rate, .until, .text: return fields.input(field.rawValue, declaration.label, hint: hint)
    }
  }

  private func restoreForm(_ page: Page, _ form: [String: String], _ error: (field: String, message: String)?) -> String {
    """
    <form method="post" action="/expenses/restore"><fieldset><legend>\(escape(page.text(.webRestoreExpense)))</legend>
    \(page.csrfField)
    <label for="id">\(escape(page.text(.columnID)))</label><input id="id" name="id" inputmode="numeric" value="\(escapeField(form["id"] ?? ""))">\(Page.error(error?.field == "id" ? error?.message : nil))
    <button type="submit">\(escape(page.text(.webRestore)))</button>
    </fieldset></form>
    """
  }

  /// The fields an expense form sent; `ExpenseFields` leaves the empty ones out.
  private func expenseFields(_ form: [String: String], _ page: Page) throws(FieldError) -> ExpenseFields {
    var fields: [ExpenseFields.Field: String] = [:]
    for field in ExpenseFields.Field.allCases {
      let value = form[field.rawValue] ?? ""
      // Free text is kept as typed, spaces included, as the command line keeps it.
      fields[field] = field.textAccess != nil && !value.trimmingCharacters().isEmpty ? value : value.trimmingCharacters()
    }
    return try ExpenseFields(fields).typed(page.language)
  }

  func addExpense(_ request: WebRequest, _ page: Page) throws -> WebResponse {
    let form = request.form
    do {
      try store.write { writer in
        let settings = try writer.settings()
        _ = try writer.add(try expenseFields(form, page).expense(currency: settings.currency, settings: settings))
      }
    } catch let error as FieldError {
      return .html(try expenses(page, form: form, error: (error.field.rawValue, said(error.error, page, typed: form[error.field.rawValue])), notice: nil), status: 400)
    }
    return .redirect(to: "/expenses?done=added")
  }

  /// `/expenses/3/edit`: the expense's fields, prefilled as `expense edit` would take them back.
  func editExpense(_ id: Int64, _ page: Page, form sent: [String: String]? = nil, error: (field: String, message: String)? = nil) throws -> WebResponse {
    let (expenses, currency) = try store.read { (try $0.expenses(), try $0.settings().currency) }
    guard let expense = expenses.first(where: { $0.id == id }) else { throw StoreError.noSuchExpense(id: id) }
    var form: [String: String] = [:]
    // Numbers in the page's language (600,00 on a French page), as its forms read them back.
    for (field, value) in ExpenseFields(expense: expense, currency: currency).values {
      form[field.rawValue] = field.isNumber ? PeopleFormat(page.language).localised(value) : value
    }
    let content = expenseForm(page, sent ?? form, error, action: "/expenses/\(id)/edit", legend: .webEditExpense, button: .webSave, id: "save")
      + "<p><a href=\"/expenses\">\(escape(page.text(.webBackToExpenses)))</a></p>"
    return .html(page.render(title: page.text(.webExpenseTitle, ["id": "\(id)"]), active: "/expenses", content), status: error == nil ? 200 : 400)
  }

  /// Saves an edited expense in place (the history keeps the old and the new); unchanged, nothing is written.
  func saveExpense(_ id: Int64, _ request: WebRequest, _ page: Page) throws -> WebResponse {
    let changed: Bool
    do {
      changed = try store.write { writer in
        let settings = try writer.settings()
        guard var old = try writer.expenses().first(where: { $0.id == id }) else { throw StoreError.noSuchExpense(id: id) }
        let expense = try expenseFields(request.form, page).expense(currency: settings.currency, settings: settings)
        old.id = nil
        if old != expense { try writer.replaceExpense(id: id, with: expense) }
        return old != expense
      }
    } catch let error as FieldError {
      return try editExpense(id, page, form: request.form, error: (error.field.rawValue, said(error.error, page, typed: request.form[error.field.rawValue])))
    }
    return .redirect(to: changed ? "/expenses?done=edited" : "/expenses?done=unchanged")
  }

  /// Removes an expense (it stays recoverable); the list then offers to restore it.
  func removeExpense(_ id: Int64) throws -> WebResponse {
    try store.write { try $0.removeExpense(id: id) }
    return .redirect(to: "/expenses?done=removed&id=\(id)")
  }

  func restoreExpense(_ request: WebRequest, _ page: Page) throws -> WebResponse {
    let text = (request.form["id"] ?? "").trimmingCharacters()
    guard let id = Int64(text), id > 0 else {
      let message = ValueError(value: text, expected: Phrase(.formExpenseID)).text(page.language)
      return .html(try expenses(page, form: request.form, error: ("id", message), notice: nil), status: 400)
    }
    do {
      _ = try store.write { try $0.restoreExpense(id: id) }
    } catch StoreError.noSuchExpense {
      // Said for this page: the ids are in its list, no command to run.
      return .html(try expenses(page, form: request.form, error: ("id", page.text(.webNoSuchExpense, ["id": "\(id)"])), notice: nil), status: 400)
    } catch let error as StoreError {
      return .html(try expenses(page, form: request.form, error: ("id", error.text(page.language)), notice: nil), status: 400)
    }
    return .redirect(to: "/expenses?done=restored")
  }
}
