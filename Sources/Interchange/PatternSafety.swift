import ROIEngine

/// Guards the regular expressions of rules files: Swift's `Regex` backtracks, so a group that
/// repeats and holds a repetition itself (`(a+)+`, `(\w*)*`, `(a|aa){2,}`) can take time exponential
/// in the text's length. Such patterns are refused; every other one runs in reasonable time on
/// fields of at most 1 MiB.
enum PatternSafety {
  /// Why `pattern` is refused, or nil when it is accepted.
  static func problem(in pattern: String) -> Phrase? {
    // For each open group: whether it holds a repetition (or an alternation, which can overlap).
    var groups: [Bool] = []
    var lastClosedHeldRepetition = false
    var characters = Array(pattern)
    var index = 0
    var inClass = false
    while index < characters.count {
      let character = characters[index]
      defer { index += 1 }
      if character == "\\" {
        index += 1  // an escaped character is a literal
        lastClosedHeldRepetition = false
        continue
      }
      if inClass {
        if character == "]" { inClass = false }
        continue
      }
      switch character {
      case "[": inClass = true; lastClosedHeldRepetition = false
      case "(": groups.append(false); lastClosedHeldRepetition = false
      case ")":
        lastClosedHeldRepetition = groups.popLast() ?? false
        if lastClosedHeldRepetition, !groups.isEmpty { groups[groups.count - 1] = true }
        continue
      case "*", "+", "{", "?":
        if character != "?" && lastClosedHeldRepetition {
          return Phrase(.patternExponential)
        }
        if !groups.isEmpty && character != "?" { groups[groups.count - 1] = true }
      case "|":
        if !groups.isEmpty { groups[groups.count - 1] = true }
      default: break
      }
      lastClosedHeldRepetition = false
    }
    characters.removeAll()
    return nil
  }
}
