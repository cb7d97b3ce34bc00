/// Values a file may mean two ways (`1,234` with a decimal comma: 1.234, or 1234 grouped), refused
/// once the file is known to group thousands elsewhere; never guessed.
struct Ambiguity {
  private var grouped = false
  private var suspects: [CSVError] = []

  mutating func note(_ reading: HumanNumber.Reading, _ problem: @autoclosure () -> CSVError) {
    grouped = grouped || reading.grouped
    if reading.ambiguous && suspects.count < ImportProblems.limit { suspects.append(problem()) }
  }

  var problems: [CSVError] { grouped ? suspects : [] }
}
