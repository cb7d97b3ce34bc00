import ArgumentParser
import Interchange
import ROIEngine
import Reports
import Storage

extension CRMROI.ExpenseCommand {
  struct Edit: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "edit",
      abstract: "Change an expense in place; the fields not given keep their values.",
      discussion: """
        Examples: crm-roi expense edit 3 --amount 9900
                  crm-roi expense edit 4 --hours 150 --rate 42.50
                  crm-roi expense edit 5 --until 2026-12     (--every none makes it one-time)
        The history keeps the old and new expense.
        """)

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The id shown by expense list.")
    var id: String

    @Option(help: "The day it was paid, YYYY-MM-DD.")
    var date: String?

    @Option(help: "\(ExpenseCategory.allCases.map(\.rawValue).joined(separator: ", ")).")
    var category: String?

    @OptionGroup var details: ExpenseDetailOptions

    var amount: String? { details.amount }
    var hours: String? { details.hours }
    var rate: String? { details.rate }
    var every: String? { details.every }
    var until: String? { details.until }

    /// The option of each declared field.
    func option(_ field: ExpenseFields.Field) -> String? {
      field == .date ? date : field == .category ? category : details[field]
    }

    func run() throws {
      guard ExpenseFields.Field.allCases.contains(where: { option($0) != nil }) else {
        throw InputError(source: "expense edit", error: ValueError(value: "", expected: Phrase(.formSomeField)))  // no-catalogue: a command
      }
      // "once" is how `expense list` shows a one-time expense; an empty value changes nothing, so it is refused.
      let every = self.every.map { $0.lowercased() == "once" ? "none" : $0 }
      if every == "" { throw InputError(source: "--every", error: ValueError(value: "", expected: Phrase(.formEveryOrNone))) }
      if until == "" { throw InputError(source: "--until", error: ValueError(value: "", expected: Phrase(.formUntilOrNone))) }
      if every == "none", let until, until != "none" {
        throw InputError(source: "--until", error: ValueError(value: until, expected: Phrase(.formNoUntilWhenOnce)))
      }
      let number = try expenseID(id)
      let store = try database.open()
      try write(store, { store -> (ROIEngine.Expense, Currency, Bool) in
        let settings = try store.settings()
        guard let old = try store.expenses().first(where: { $0.id == number }) else { throw StoreError.noSuchExpense(id: number) }
        let given: [ExpenseFields.Field: String]
        do {
          given = try ExpenseFields(Dictionary(uniqueKeysWithValues: ExpenseFields.numberFields.map { ($0, option($0)) }).compactMapValues { $0 }).typed(currentLanguage()).values
        } catch let error as FieldError {
          throw InputError(source: "--\(error.field.rawValue)", error: error.error.said(typedIn: currentLanguage(), typed: option(error.field)))
        }
        var fields = ExpenseFields(expense: old, currency: settings.currency).values
        if amount != nil { (fields[.hours], fields[.rate]) = (nil, nil) }
        if hours != nil || rate != nil { fields[.amount] = nil }
        var options = Dictionary(uniqueKeysWithValues: ExpenseFields.Field.allCases.map { ($0, option($0)) })
        for field in ExpenseFields.numberFields { options[field] = given[field] }
        (options[.every], options[.until]) = (every == "none" ? "" : every, until == "none" ? "" : until)
        for case let (field, value?) in options { fields[field] = value }
        if every == "none" { fields[.until] = nil }
        let expense: ROIEngine.Expense
        do {
          expense = try ExpenseFields(fields).expense(currency: settings.currency, settings: settings)
        } catch let error as FieldError {
          throw InputError(source: "--\(error.field.rawValue)", error: error.error.said(typedIn: currentLanguage(), typed: option(error.field)))
        }
        var unchanged = old
        unchanged.id = nil
        let changed = unchanged != expense
        if changed { try store.replaceExpense(id: number, with: expense) }
        return (expense, settings.currency, changed)
      }, confirming: { (expense, currency, changed) in
        try say(changed ? .expenseUpdated : .expenseUnchanged, ["id": "\(number)", "expense": ExpenseText.summary(expense, currency: currency, currentLanguage())])
      })
    }
  }
}
