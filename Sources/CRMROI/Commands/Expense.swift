import ArgumentParser
import Interchange
import ROIEngine
import Reports
import Storage

/// The fields of an expense but its date and category: what `expense add`, `expense edit` and
/// `plan cost` take alike.
struct ExpenseDetailOptions: ParsableArguments {
  @Option(parsing: .unconditional, help: "The amount, like 12000 or 8750.50 (on edit, it replaces hours and rate).")
  var amount: String?

  @Option(parsing: .unconditional, help: "Hours of work, with --rate instead of --amount.")
  var hours: String?

  @Option(parsing: .unconditional, help: "Hourly rate, with --hours.")
  var rate: String?

  @Option(parsing: .unconditional, help: "A note (on edit, an empty one removes it).")
  var note: String?

  @Option(help: "Recur every month, quarter or year from --date (on edit, none makes it one-time).")
  var every: String?

  @Option(help: "Last month of a recurring expense (YYYY-MM, inclusive); default: the horizon end (on edit, none).")
  var until: String?

  @Option(parsing: .unconditional, help: "Who was paid (on edit, an empty one removes it).")
  var supplier: String?

  /// The option of each declared field but the date and the category, which each command takes
  /// its own way (the compiler asks for a new field's).
  subscript(_ field: ExpenseFields.Field) -> String? {
    get {
      switch field {
      case .date, .category: nil
      case .amount: amount
      case .hours: hours
      case .rate: rate
      case .note: note
      case .every: every
      case .until: until
      case .supplier: supplier
      }
    }
    set {
      switch field {
      case .date, .category: break
      case .amount: amount = newValue
      case .hours: hours = newValue
      case .rate: rate = newValue
      case .note: note = newValue
      case .every: every = newValue
      case .until: until = newValue
      case .supplier: supplier = newValue
      }
    }
  }
}

/// The fields of an expense as `expense add` and `plan cost` take them.
struct ExpenseFieldOptions: ParsableArguments {
  @Option(help: "The day it was paid, YYYY-MM-DD.")
  var date: String

  @Option(help: "\(ExpenseCategory.allCases.map(\.rawValue).joined(separator: ", ")).")
  var category: String

  @OptionGroup var details: ExpenseDetailOptions

  subscript(_ field: ExpenseFields.Field) -> String? {
    get { field == .date ? date : field == .category ? category : details[field] }
    set {
      switch field {
      case .date: date = newValue ?? ""
      case .category: category = newValue ?? ""
      default: details[field] = newValue
      }
    }
  }

  /// Checks the expense, stores it with `insert` in one transaction, and confirms it with `message`
  /// ({id}, {expense}, {recurrence}).
  func add(to database: DatabaseOptions, _ insert: (StoreWriter, ROIEngine.Expense) throws -> Int64, confirming message: Message) throws {
    let store = try database.open()
    _ = try write(store, { store in
      let settings = try store.settings()
      let expense = try expense(settings: settings)
      return (try insert(store, expense), expense, settings.currency)
    }, confirming: { (id, expense, currency) in
      try say(message, [
        "id": "\(id)", "expense": ExpenseText.summary(expense, currency: currency, currentLanguage()),
        "recurrence": ExpenseText.recurrence(expense, currentLanguage()),
      ])
    })
  }

  /// The checked expense; an error names the option at fault.
  func expense(settings: ROIEngine.Settings) throws -> ROIEngine.Expense {
    let fields = ExpenseFields(Dictionary(uniqueKeysWithValues: ExpenseFields.Field.allCases.map { ($0, self[$0] ?? "") }))
    do {
      return try fields.typed(currentLanguage()).expense(currency: settings.currency, settings: settings)
    } catch {
      throw InputError(source: "--\(error.field.rawValue)", error: error.error.said(typedIn: currentLanguage(), typed: self[error.field]))
    }
  }
}

extension CRMROI {
  struct ExpenseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "expense",
      abstract: "Log what the CRM costs: licenses, installation, hardware, labor, fees.",
      subcommands: [Add.self, Edit.self, List.self, Remove.self, Restore.self])

    struct Add: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add an expense, once or recurring.",
        discussion: """
          Examples:
            crm-roi expense add --date 2025-03-10 --category license --amount 12000
            crm-roi expense add --date 2025-03-25 --category labor --hours 120 --rate 42.50
            crm-roi expense add --date 2025-04-01 --category service --amount 350 --every month --until 2027-03
          """)

      @OptionGroup var database: DatabaseOptions
      @OptionGroup var fields: ExpenseFieldOptions

      func run() throws {
        try fields.add(to: database, { store, expense in try store.add(expense) }, confirming: .expenseAdded)
      }
    }

    struct List: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the expenses.")

      @OptionGroup var database: DatabaseOptions

      func run() throws {
        let store = try database.open()
        let (expenses, currency) = try store.read { store in (try store.expenses(), try store.settings().currency) }
        guard !expenses.isEmpty else {
          try say(.noExpensesYet)
          return
        }
        try show(ExpenseText.table(expenses, currency: currency, currentLanguage()).plain(), terminator: "")
      }
    }

    struct Restore: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "Bring back a removed expense by its id.")

      @OptionGroup var database: DatabaseOptions

      @Argument(help: "The id of the removed expense (see crm-roi history).")
      var id: String

      func run() throws {
        let number = try expenseID(id)
        let store = try database.open()
        _ = try write(store, { store in try store.restoreExpense(id: number) }, confirming: { expense in
          try say(.expenseRestored, ["id": "\(number)", "date": "\(expense.date)", "category": ExpenseText.category(expense.category, currentLanguage())])
        })
      }
    }

    struct Remove: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove an expense by its id; it stays recoverable with expense restore.")

      @OptionGroup var database: DatabaseOptions

      @Argument(help: "The id shown by expense list.")
      var id: String

      func run() throws {
        let number = try expenseID(id)
        let store = try database.open()
        try write(store, { store in try store.removeExpense(id: number) }, confirming: {
          try say(.expenseRemoved, ["id": "\(number)"])
        })
      }
    }
  }
}

/// An expense id typed as an argument.
func expenseID(_ text: String) throws -> Int64 {
  guard let number = Int64(text), number > 0 else {
    throw InputError(source: Phrase(.sourceID), error: ValueError(value: text, expected: Phrase(.formExpenseID)))
  }
  return number
}
