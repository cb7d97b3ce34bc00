/// A value that is wrong in a named field of a record (a command-line option or a CSV column).
public struct FieldError: Error, Equatable, Sendable {
  public let field: ExpenseFields.Field
  public let error: ValueError

  public init(field: ExpenseFields.Field, error: ValueError) {
    (self.field, self.error) = (field, error)
  }
}

/// One CRM expense item as the user logged it (or a planned cost: the same fields). Its fields are
/// declared once, in `ExpenseFields.Field.declaration`.
public struct Expense: Hashable, Sendable {
  public var id: Int64?
  public var date: CalendarDate
  public var category: ExpenseCategory
  public var amount: Money
  public var note: String?
  public var labor: Labor?
  public var recurrence: Recurrence?
  /// Who was paid, as the invoice or the ledger names them.
  public var supplier: String?

  public init(
    id: Int64? = nil, date: CalendarDate, category: ExpenseCategory, amount: Money, note: String? = nil,
    labor: Labor? = nil, recurrence: Recurrence? = nil, supplier: String? = nil
  ) {
    self.id = id
    self.date = date
    self.category = category
    self.amount = amount
    self.note = note
    self.labor = labor
    self.recurrence = recurrence
    self.supplier = supplier
  }
}

/// An expense as typed, one text per field, checked into an `Expense` by one set of rules for
/// `expense add`, the web form and CSV import alike.
public struct ExpenseFields: Sendable {
  /// The fields, named as the CSV columns and JSON keys are; the command line prefixes them with
  /// "--". The record mapping, the CSV import and export, the import's duplicate key, the JSON,
  /// the lists and the web form are built from their declarations. A new free-text field is a case
  /// here, a line in `declaration`, an `Expense` property, a migration and a command-line option
  /// (which the compiler asks for).
  public enum Field: String, CaseIterable, Sendable {
    case date, category, amount, note, hours, rate, every, until, supplier

    /// The field's one declaration (made once: `declared`).
    public var declaration: Declaration { Field.declarations[Field.allCases.firstIndex(of: self)!] }

    /// Each field's declaration, in the order of `allCases`.
    public static let declarations = allCases.map(\.declared)

    /// Each field's form, in the order of `allCases`: what a loop over every row's fields reads.
    public static let forms = declarations.map(\.form)

    private var declared: Declaration {
      switch self {
      case .date: Declaration(column: "date", aliases: [], frenchHeader: "date", label: .columnDate, form: .date)
      case .category:
        Declaration(column: "category", aliases: ["categorie"], frenchHeader: "catégorie", label: .columnCategory, form: .category)
      case .amount:
        Declaration(column: "amount", aliases: ["montant"], frenchHeader: "montant", label: .columnAmount, form: .amount, hint: "8750.50")
      case .note:
        Declaration(column: "note", aliases: ["libelle", "commentaire"], frenchHeader: "note", label: .columnNote, form: .text(TextAccess(get: { $0.note }, set: { $0.note = $1 })))  // no-catalogue: column names a file may use
      case .hours:
        Declaration(column: "hours_centi", aliases: ["heures"], frenchHeader: "heures", label: .webHours, form: .hours, hint: "120", inDuplicateKey: false)
      case .rate:
        Declaration(column: "rate", aliases: ["taux", "taux horaire"], frenchHeader: "taux horaire", label: .webRate, form: .rate, hint: "42.50", inDuplicateKey: false)  // no-catalogue: column names a file may use
      case .every:
        Declaration(column: "every", aliases: ["frequence", "periodicite"], frenchHeader: "périodicité", label: .columnRecurs, form: .every)
      case .until:
        Declaration(column: "until_month", aliases: ["jusqu'a", "jusqu'au", "fin"], frenchHeader: "fin", label: .columnUntil, form: .until, hint: "2027-03")
      case .supplier:
        // Not in the duplicate key: naming the supplier of an imported expense later must not make
        // the same file, imported again, add it a second time.
        Declaration(
          column: "supplier", aliases: ["fournisseur"], frenchHeader: "fournisseur", label: .columnSupplier,
          form: .text(TextAccess(get: { $0.supplier }, set: { $0.supplier = $1 }, trimmedTo: 200)), inDuplicateKey: false)
      }
    }

    /// The free-text fields, in order.
    public static let textFields = allCases.filter { $0.textAccess != nil }

    /// How a free-text field is read from and written to an expense.
    public var textAccess: TextAccess? {
      if case .text(let access) = declaration.form { access } else { nil }
    }

    /// Whether its value is a number a person types in their language (`8 750,50`).
    public var isNumber: Bool {
      switch declaration.form {
      case .amount, .hours, .rate: true
      case .date, .category, .every, .until, .text: false
      }
    }
  }

  /// What a field holds, which says how it is typed, checked, stored and shown.
  public enum Form: Sendable {
    case date, category, amount, hours, rate, every, until
    /// Free text, kept as typed; nil when empty.
    case text(TextAccess)
  }

  /// A free-text field's property of `Expense`, read and written by plain functions (a key path's
  /// projection costs several times more, on every row of an import).
  public struct TextAccess: Sendable {
    public let get: @Sendable (Expense) -> String?
    public let set: @Sendable (inout Expense, String?) -> Void
    /// A name rather than a note: kept without its surrounding spaces, and at most this many
    /// characters (nil: kept exactly as typed, any length).
    public var trimmedTo: Int? = nil
  }

  /// What is said of a field once.
  public struct Declaration: Sendable {
    /// The column of `expense` and `plan_cost`.
    public let column: String
    /// Other names a CSV header may give it, compared without case or accents (French and English).
    public let aliases: [String]
    /// Its header in a French export: one of the names read back.
    public let frenchHeader: String
    /// Its label on lists and forms.
    public let label: Message
    public let form: Form
    /// An example a form shows in an empty input.
    public let hint: String?
    /// Whether two imported expenses that differ only in it are different (not for the labor
    /// columns: the amount already says what they made; nor the supplier, which may be named later).
    public let inDuplicateKey: Bool

    init(column: String, aliases: [String], frenchHeader: String, label: Message, form: Form, hint: String? = nil, inDuplicateKey: Bool = true) {
      (self.column, self.aliases, self.frenchHeader, self.label, self.form, self.hint, self.inDuplicateKey) =
        (column, aliases, frenchHeader, label, form, hint, inDuplicateKey)
    }
  }

  public var values: [Field: String]

  public init(_ values: [Field: String]) {
    self.values = values.filter { !$0.value.isEmpty }
  }

  /// The fields of a stored expense, as `expense` would take them back (labor as hours and rate).
  public init(expense: Expense, currency: Currency) {
    var values: [Field: String] = [.date: expense.date.description, .category: expense.category.rawValue]
    if let labor = expense.labor {
      values[.hours] = labor.hoursText
      values[.rate] = currency.plain(labor.rate.minor)
    } else {
      values[.amount] = currency.plain(expense.amount.minor)
    }
    for field in Field.textFields { values[field] = field.textAccess!.get(expense) }
    values[.every] = expense.recurrence?.every.rawValue
    values[.until] = expense.recurrence?.until?.description
    self.init(values.compactMapValues { $0 })
  }

  /// How far before go-live an expense may be dated: earlier is taken for a typo.
  public static let yearsBeforeGoLive = 10

  /// The fields that hold numbers (`TypedNumber`).
  public static let numberFields = Field.allCases.filter(\.isNumber)

  /// The fields with their numbers as a person types them in `language` made plain (`18 431,84`
  /// in French is 18431.84); a number that reads two ways throws naming its field.
  public func typed(_ language: Language) throws(FieldError) -> ExpenseFields {
    ExpenseFields(try TypedNumber.plain(values, fields: ExpenseFields.numberFields, language, failing: FieldError.init))
  }

  /// The checked expense; the first wrong field throws a `FieldError`. With `settings`, a date more
  /// than 10 years before go-live is refused as a likely typo.
  public func expense(currency: Currency, settings: Settings? = nil) throws(FieldError) -> Expense {
    let date = try check(.date, CalendarDate.init(parsing:))
    if let goLive = settings?.goLive, case let earliest = goLive.advanced(by: -12 * ExpenseFields.yearsBeforeGoLive), date.month < earliest {
      throw fail(.date, Phrase(.formDateNotLongBeforeGoLive, ["first": "\(earliest)", "years": "\(ExpenseFields.yearsBeforeGoLive)", "goLive": "\(goLive)"]))
    }
    let category = try check(.category, ExpenseCategory.init(parsing:))
    let (amount, labor) = try amountAndLabor(currency)
    var expense = Expense(date: date, category: category, amount: amount, labor: labor, recurrence: try recurrence(from: date))
    for field in Field.textFields { field.textAccess!.set(&expense, try text(field)) }
    return expense
  }

  /// A free-text field's value: a name trimmed and refused past its length, a note as typed.
  private func text(_ field: Field) throws(FieldError) -> String? {
    guard let value = values[field], let limit = field.textAccess?.trimmedTo else { return values[field] }
    let trimmed = String(value.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    guard trimmed.count <= limit else { throw fail(field, Phrase(.formTextAtMost, ["limit": "\(limit)"])) }
    return trimmed.isEmpty ? nil : trimmed
  }

  /// The amount, given or as hours × rate (which a given amount must equal).
  private func amountAndLabor(_ currency: Currency) throws(FieldError) -> (Money, Labor?) {
    func positive(_ field: Field) throws(FieldError) -> Money {
      try check(field) { text in
        let money = try currency.parseAmount(text)
        guard money.minor > 0 else { throw ValueError(value: text, expected: Phrase(.formPositiveAmount)) }
        return money
      }
    }
    switch (values[.amount], values[.hours], values[.rate]) {
    case (_?, nil, nil):
      return (try positive(.amount), nil)
    case (let typed, _?, _?):
      let work = Labor(hundredthsOfHours: try check(.hours, Labor.parseHours), rate: try positive(.rate))
      guard let product = work.amount else { throw fail(.hours, Phrase(.formLaborInRange)) }
      guard product.minor > 0 else {
        throw fail(.hours, Phrase(.formLaborWorthSomething, ["least": currency.plain(1), "code": currency.code, "zero": currency.plain(0)]))
      }
      if typed != nil, try positive(.amount) != product {
        throw fail(.amount, Phrase(.formLaborAmount, ["product": currency.plain(product.minor)]))
      }
      return (product, work)
    case (nil, nil, nil):
      throw fail(.amount, Phrase(.formAmountOrLabor))
    case (_, nil, _?):
      throw fail(.hours, Phrase(.formHoursWithRate))
    case (_, _?, nil):
      throw fail(.rate, Phrase(.formRateWithHours))
    }
  }

  /// How it recurs from `date`: every month, quarter or year, until a month not before it.
  private func recurrence(from date: CalendarDate) throws(FieldError) -> Recurrence? {
    guard values[.every] != nil else {
      if values[.until] != nil { throw fail(.until, Phrase(.formUntilOnlyRecurring)) }
      return nil
    }
    let frequency = try check(.every, Frequency.init(parsing:))
    guard values[.until] != nil else { return Recurrence(every: frequency) }
    let month = try check(.until, Month.init(parsing:))
    guard month >= date.month else { throw fail(.until, Phrase(.formMonthNotBefore, ["month": "\(date.month)"])) }
    return Recurrence(every: frequency, until: month)
  }

  /// A field's value parsed by `body`; its ValueError becomes a FieldError naming the field.
  private func check<T>(_ field: Field, _ body: (String) throws -> T) throws(FieldError) -> T {
    try ValueError.naming(field, values[field] ?? "", body, failing: FieldError.init)
  }

  private func fail(_ field: Field, _ expected: Phrase) -> FieldError {
    FieldError(field: field, error: ValueError(value: values[field] ?? "", expected: expected))
  }
}
