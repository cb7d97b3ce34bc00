import PropertyBased
import ROIEngine
import Testing

@testable import Interchange

/// The reader's byte-level path for plain rows and the `ExpenseFields` rules give the same answer.
@Suite struct ExpenseCSVTests {
  static let dates = ["2025-03-10", "2024-02-29", "2025-02-29", "2025-13-01", " 2025-03-10", "2025/03/10", ""]
  static let categories = ["license", "labor", "lunch", "License", " other", ""]
  static let amounts = ["12000", "8750.5", "8750.50", "0", "-5", "1e3", "12.345", " 7", "1,000", "", ".5"]
  static let notes = ["", "plain", "a, b", "'=SUM(A1)", "=x", "é"]
  static let hours = ["", "7.25", "0", "x"]
  static let rates = ["", "42.50", "-1"]
  static let everies = ["", "month", "year", "week", " month"]
  static let untils = ["", "2026-03", "2024-01", "2026-13", " 2026-03"]

  @Test func bothPathsAgree() async {
    let input = Gen.int(in: 0..<Self.dates.count * Self.categories.count * Self.amounts.count * Self.notes.count
      * Self.hours.count * Self.rates.count * Self.everies.count * Self.untils.count)
    await propertyCheck(count: 2_000, input: input) { seed in
      var rest = seed
      func pick(_ values: [String]) -> String {
        defer { rest /= values.count }
        return values[rest % values.count]
      }
      let fields = [pick(Self.dates), pick(Self.categories), pick(Self.amounts), pick(Self.notes), pick(Self.hours),
                    pick(Self.rates), pick(Self.everies), pick(Self.untils)]
      let line = fields.map { CSVText.field($0, isText: false) }.joined(separator: ",")
      let text = "date,category,amount,note,hours,rate,every,until\n" + line + "\n"
      let reader = try ExpenseCSVReader(reader: CSVReader(bytes: Array(text.utf8), name: "t"), currency: .euro)
      let read = try reader.next()
      let general = try ExpenseCSVReader(reader: CSVReader(bytes: Array(text.utf8), name: "t"), currency: .euro)
      general.allowsFastPath = false
      let expected = try general.next()
      switch (read, expected) {
      case (.success(let got)?, .success(let want)?): #expect(got == want, "\(line)")
      case (.failure?, .failure?): break
      default: Issue.record("\(line): fast path \(String(describing: read)), general path \(String(describing: expected))")
      }
      // Values already in the plain form read as `ExpenseFields` reads them.
      let names: [ExpenseFields.Field] = [.date, .category, .amount, .note, .hours, .rate, .every, .until]
      var values: [ExpenseFields.Field: String] = [:]
      for (name, value) in zip(names, fields) {
        values[name] = name == .note ? CSVText.unneutralised(value) : value.trimmingSpaces()
      }
      if case .success(let want) = Result(catching: { () throws(FieldError) -> Expense in try ExpenseFields(values).expense(currency: .euro) }) {
        if case .success(let got)? = read { #expect(got == want, "\(line)") } else { Issue.record("\(line): refused, yet plain") }
      }
    }
  }
}
