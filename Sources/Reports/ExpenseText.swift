import ROIEngine

/// Expenses as people read them: a category's name, a confirmation's summary, how one recurs,
/// `expense list`'s table. English keeps the forms `expense add` takes (`license`, `12000.00 EUR`).
public enum ExpenseText {
  public static func category(_ category: ExpenseCategory, _ language: Language) -> String {
    Catalogue.text(category.message, language)
  }

  static func frequency(_ frequency: Frequency, _ language: Language) -> String {
    switch frequency {
    case .month: Catalogue.text(.everyMonth, language)
    case .quarter: Catalogue.text(.everyQuarter, language)
    case .year: Catalogue.text(.everyYear, language)
    }
  }

  /// `2025-03-10 license 12000.00 EUR` / `2025-03-10 licence 12 000,00 €`.
  public static func summary(_ expense: Expense, currency: Currency, _ language: Language) -> String {
    let amount = language == .en
      ? currency.plain(expense.amount.minor) + " " + currency.code : PeopleFormat(language).money(expense.amount.rational, currency)
    return Catalogue.text(.expenseSummary, language, [
      "date": "\(expense.date)", "category": category(expense.category, language), "amount": amount,
    ])
  }

  /// ` every month until 2027-03`, or "" for a one-time expense.
  public static func recurrence(_ expense: Expense, _ language: Language) -> String {
    guard let recurrence = expense.recurrence else { return "" }
    let every = frequency(recurrence.every, language)
    guard let until = recurrence.until else { return Catalogue.text(.recursToHorizonEnd, language, ["every": every]) }
    return Catalogue.text(.recursUntil, language, ["every": every, "until": "\(until)"])
  }

  /// `expense list`: id, date, category, amount, how it recurs, until when, the note (labor as
  /// hours × rate), then each other free-text field that some expense has.
  public static func table(_ expenses: [Expense], currency: Currency, _ language: Language) -> Table {
    let say = PeopleFormat(language)
    func text(_ message: Message, _ values: [String: String] = [:]) -> String { Catalogue.text(message, language, values) }
    let texts = shownTextFields(expenses, besides: [.note])
    var table = Table([
      (text(.columnID), .right), (text(.columnDate), .left), (text(.columnCategory), .left), (text(.columnAmount), .right),
      (text(.columnRecurs), .left), (text(.columnUntil), .left), (text(.columnNote), .left),
    ] + texts.map { (text($0.declaration.label), .left) })
    for expense in expenses {
      var note = expense.note ?? ""
      if let labor = expense.labor {
        let work = text(.laborNote, ["hours": say.localised(labor.hoursText), "rate": say.localised(currency.plain(labor.rate.minor))])
        note = note.isEmpty ? work : text(.laborNoteAndNote, ["work": work, "note": note])
      }
      table.append([
        String(expense.id ?? 0), expense.date.description, category(expense.category, language),
        say.amount(expense.amount.rational, currency),
        expense.recurrence.map { text(.recursEvery, ["every": frequency($0.every, language)]) } ?? text(.once),
        expense.recurrence.map { $0.until?.description ?? text(.horizon) } ?? "", note,
      ] + texts.map { $0.textAccess!.get(expense) ?? "" })
    }
    return table
  }

  /// The free-text fields but `besides` that at least one of `expenses` fills: a list shows a
  /// column for each.
  public static func shownTextFields(_ expenses: [Expense], besides: Set<ExpenseFields.Field>) -> [ExpenseFields.Field] {
    ExpenseFields.Field.textFields.filter { field in
      !besides.contains(field) && expenses.contains { field.textAccess!.get($0) != nil }
    }
  }
}
