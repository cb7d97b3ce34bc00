/// A value that is wrong in a named field of a record (a command-line option or a CSV column).
public struct FieldError: Error, Equatable, Sendable {
  public let field: ExpenseFields.Field
  public let error: ValueError

  public init(field: ExpenseFields.Field, error: ValueError) {
    (self.field, self.error) = (field, error)
  }
}

/// An expense as typed, one text per field, checked into an `Expense` by one set of rules for
/// `expense add` and for CSV import alike.
public struct ExpenseFields: Sendable {
  /// The fields, named as the CSV columns are; the command line prefixes them with "--".
  public enum Field: String, CaseIterable, Sendable {
    case date, category, amount, note, hours, rate, every, until
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
    values[.note] = expense.note
    values[.every] = expense.recurrence?.every.rawValue
    values[.until] = expense.recurrence?.until?.description
    self.init(values.compactMapValues { $0 })
  }

  /// How far before go-live an expense may be dated: earlier is taken for a typo.
  public static let yearsBeforeGoLive = 10

  /// The fields that hold numbers (`TypedNumber`).
  public static let numberFields: [Field] = [.amount, .hours, .rate]

  /// The fields with their numbers as a person types them in `language` made plain (`18 431,84`
  /// in French is 18431.84); a number that reads two ways throws naming its field.
  public func typed(_ language: Language) throws(FieldError) -> ExpenseFields {
    ExpenseFields(try TypedNumber.plain(values, fields: ExpenseFields.numberFields, language, failing: FieldError.init))
  }

  /// The checked expense; the first wrong field throws a `FieldError`. With `settings`, a date more
  /// than 10 years before go-live is refused as a likely typo.
  public func expense(currency: Currency, settings: Settings? = nil) throws(FieldError) -> Expense {
    let goLive = settings?.goLive
    func check<T>(_ field: Field, _ body: (String) throws -> T) throws(FieldError) -> T {
      do {
        return try body(values[field] ?? "")
      } catch let error as ValueError {
        throw FieldError(field: field, error: error)
      } catch {
        fatalError("unexpected \(error)")
      }
    }
    func fail(_ field: Field, _ expected: Phrase) -> FieldError {
      FieldError(field: field, error: ValueError(value: values[field] ?? "", expected: expected))
    }
    func positive(_ field: Field) throws(FieldError) -> Money {
      try check(field) { text in
        let money = try currency.parseAmount(text)
        guard money.minor > 0 else { throw ValueError(value: text, expected: Phrase(.formPositiveAmount)) }
        return money
      }
    }

    let date = try check(.date, CalendarDate.init(parsing:))
    if let earliest = goLive?.advanced(by: -12 * ExpenseFields.yearsBeforeGoLive), date.month < earliest {
      throw fail(.date, Phrase(.formDateNotLongBeforeGoLive, ["first": "\(earliest)", "years": "\(ExpenseFields.yearsBeforeGoLive)", "goLive": "\(goLive!)"]))
    }
    let category = try check(.category, ExpenseCategory.init(parsing:))
    var labor: Labor?
    let amount: Money
    switch (values[.amount], values[.hours], values[.rate]) {
    case (_?, nil, nil):
      amount = try positive(.amount)
    case (let typed, _?, _?):
      let work = Labor(hundredthsOfHours: try check(.hours, Labor.parseHours), rate: try positive(.rate))
      guard let product = work.amount else { throw fail(.hours, Phrase(.formLaborInRange)) }
      guard product.minor > 0 else {
        throw fail(.hours, Phrase(.formLaborWorthSomething, ["least": currency.plain(1), "code": currency.code, "zero": currency.plain(0)]))
      }
      if typed != nil, try positive(.amount) != product {
        throw fail(.amount, Phrase(.formLaborAmount, ["product": currency.plain(product.minor)]))
      }
      (amount, labor) = (product, work)
    case (nil, nil, nil):
      throw fail(.amount, Phrase(.formAmountOrLabor))
    case (_, nil, _?):
      throw fail(.hours, Phrase(.formHoursWithRate))
    case (_, _?, nil):
      throw fail(.rate, Phrase(.formRateWithHours))
    }
    var recurrence: Recurrence?
    if values[.every] != nil {
      let frequency = try check(.every, Frequency.init(parsing:))
      var last: Month?
      if values[.until] != nil {
        let month = try check(.until, Month.init(parsing:))
        guard month >= date.month else { throw fail(.until, Phrase(.formMonthNotBefore, ["month": "\(date.month)"])) }
        last = month
      }
      recurrence = Recurrence(every: frequency, until: last)
    } else if values[.until] != nil {
      throw fail(.until, Phrase(.formUntilOnlyRecurring))
    }
    return Expense(date: date, category: category, amount: amount, note: values[.note], labor: labor, recurrence: recurrence)
  }
}
