import ROIEngine

/// The regular expressions of rules files, matched in time linear in the text's length: the
/// pattern is compiled to an automaton (Thompson's construction) whose states are all followed at
/// once over the text (no backtracking), so `/a*a*a*b/` or `/.*x/` on a 1 MiB field takes a few
/// passes, not minutes. Matching ignores case; it finds the pattern anywhere in the text.
///
/// The syntax: literals; `.` (any character but a line break); `[abc]`, `[a-z]`, `[^…]`; `\d \D \w
/// \W \s \S`, `\b`, and `\` before any other character for that character; `^` and `$`; groups
/// `(…)` and `(?:…)`; `|`; `*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}` (a trailing `?`, lazy, matches the
/// same). Lookarounds, back-references and named groups are refused with their reason, as is a
/// pattern whose automaton would pass `maximumStates`.
public struct LinearPattern: Sendable {
  public let source: String
  private let program: [Instruction]
  /// How many states the automaton has.
  public var stateCount: Int { program.count }

  /// The most states an automaton may have (a `{n,m}` repeats its group's states).
  public static let maximumStates = 20_000

  /// Why a pattern is refused, said in `Phrase`s.
  public struct Problem: Error, Equatable {
    public let phrase: Phrase
  }

  public init(_ source: String) throws(Problem) {
    self.source = source
    var parser = Parser(characters: Array(source.unicodeScalars))
    let node = try parser.parseAll()
    var compiler = Compiler()
    try compiler.emit(node)
    compiler.program.append(.match)
    program = compiler.program
  }

  /// Whether the pattern matches somewhere in `text`, ignoring case. `steps`, when given, counts
  /// the states followed (a test checks the work is linear in the text).
  public func matches(_ text: String, steps: UnsafeMutablePointer<Int>? = nil) -> Bool {
    var current = StateSet(count: program.count)
    // The states reached by the last character, before the ones they lead to are followed.
    var seeds: [Int] = []
    var previous: Unicode.Scalar?
    var iterator = text.unicodeScalars.makeIterator()
    var scalar = iterator.next()
    var work = 0
    var stack: [Int] = []
    defer { steps?.pointee += work }
    while true {
      current.clear()
      // A new attempt starts at every position: the search is unanchored.
      seeds.append(0)
      for pc in seeds where follow(pc, into: &current, previous: previous, next: scalar, stack: &stack, work: &work) { return true }
      guard let character = scalar else { return false }
      let folded = LinearPattern.fold(character)
      seeds.removeAll(keepingCapacity: true)
      for pc in current.members {
        work += 1
        if case .scalar(let test) = program[pc], test.matches(folded) { seeds.append(pc + 1) }
      }
      previous = character
      scalar = iterator.next()
    }
  }

  /// Adds `pc` and every state it leads to without consuming a character, between `previous` and
  /// `next` (for the assertions); true when one of them is the match.
  private func follow(
    _ pc: Int, into set: inout StateSet, previous: Unicode.Scalar?, next: Unicode.Scalar?, stack: inout [Int], work: inout Int
  ) -> Bool {
    stack.removeAll(keepingCapacity: true)
    stack.append(pc)
    while let pc = stack.popLast() {
      guard set.insert(pc) else { continue }
      work += 1
      switch program[pc] {
      case .match: return true
      case .jump(let target): stack.append(target)
      case .split(let first, let second): stack.append(second); stack.append(first)
      case .assert(let assertion):
        if assertion.holds(previous: previous, next: next) { stack.append(pc + 1) }
      case .scalar: break
      }
    }
    return false
  }

  /// Lower case, by the scalar's own simple mapping (ASCII without a lookup).
  static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    if scalar.value < 128 {
      return scalar.value >= 65 && scalar.value <= 90 ? Unicode.Scalar(scalar.value + 32)! : scalar
    }
    let lower = scalar.properties.lowercaseMapping.unicodeScalars
    return lower.count == 1 ? lower.first! : scalar
  }
}

// MARK: - The automaton

extension LinearPattern {
  enum Instruction: Sendable {
    case scalar(ScalarTest)
    case split(Int, Int)
    case jump(Int)
    case assert(Assertion)
    case match
  }

  /// What one character must be, its case folded.
  enum ScalarTest: Sendable {
    case literal(Unicode.Scalar)
    case any
    case set(CharacterSet, negated: Bool)

    func matches(_ scalar: Unicode.Scalar) -> Bool {
      switch self {
      case .literal(let wanted): scalar == wanted
      case .any: scalar != "\n" && scalar != "\r"
      case .set(let set, let negated): set.contains(scalar) != negated
      }
    }
  }

  /// A bracket expression or a class escape: ranges (folded) and named classes.
  struct CharacterSet: Sendable {
    var ranges: [ClosedRange<UInt32>] = []
    var classes: [(ClassEscape, negated: Bool)] = []

    func contains(_ scalar: Unicode.Scalar) -> Bool {
      ranges.contains { $0.contains(scalar.value) } || classes.contains { $0.0.contains(scalar) != $0.negated }
    }
  }

  enum ClassEscape: Sendable {
    case digit, word, space

    func contains(_ scalar: Unicode.Scalar) -> Bool {
      switch self {
      case .digit: scalar.properties.numericType == .decimal
      case .word: scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal
      case .space: scalar.properties.isWhitespace
      }
    }
  }

  enum Assertion: Sendable {
    case start, end, wordBoundary, notWordBoundary

    func holds(previous: Unicode.Scalar?, next: Unicode.Scalar?) -> Bool {
      let before = previous.map(ClassEscape.word.contains) ?? false
      let after = next.map(ClassEscape.word.contains) ?? false
      switch self {
      case .start: return previous == nil
      case .end: return next == nil
      case .wordBoundary: return before != after
      case .notWordBoundary: return before == after
      }
    }
  }

  /// The states of the automaton reached at one position, each once, in the order reached.
  struct StateSet {
    private var position: [Int]
    private(set) var members: [Int] = []

    init(count: Int) { position = [Int](repeating: -1, count: count) }

    /// False when `pc` was there already.
    mutating func insert(_ pc: Int) -> Bool {
      let index = position[pc]
      if index >= 0, index < members.count, members[index] == pc { return false }
      position[pc] = members.count
      members.append(pc)
      return true
    }

    mutating func clear() { members.removeAll(keepingCapacity: true) }
  }
}

// MARK: - Parsing

extension LinearPattern {
  indirect enum Node {
    case empty
    case scalar(ScalarTest)
    case assert(Assertion)
    case concat([Node])
    case alternation([Node])
    case repeated(Node, minimum: Int, maximum: Int?)
  }

  /// The largest count a `{n,m}` may name.
  static let maximumCount = 1_000

  /// How deeply groups may nest: the parser and the compiler recurse once per level.
  static let maximumDepth = 100

  struct Parser {
    let characters: [Unicode.Scalar]
    var index = 0
    var depth = 0

    func refuse(_ message: Message, _ values: [String: String] = [:]) -> Problem {
      Problem(phrase: Phrase(message, values))
    }

    mutating func parseAll() throws(Problem) -> Node {
      let node = try alternation()
      if index < characters.count { throw refuse(.patternUnbalanced) }
      return node
    }

    mutating func alternation() throws(Problem) -> Node {
      var branches = [try sequence()]
      while index < characters.count, characters[index] == "|" {
        index += 1
        branches.append(try sequence())
      }
      return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    mutating func sequence() throws(Problem) -> Node {
      var items: [Node] = []
      while index < characters.count, characters[index] != "|", characters[index] != ")" {
        var atom = try self.atom()
        while index < characters.count, let (minimum, maximum) = try quantifier() {
          if case .assert = atom { throw refuse(.patternQuantifiedAssertion) }
          atom = .repeated(atom, minimum: minimum, maximum: maximum)
        }
        items.append(atom)
      }
      return items.count == 1 ? items[0] : .concat(items)
    }

    /// `*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}`, each with an optional lazy `?`; nil when none follows.
    mutating func quantifier() throws(Problem) -> (Int, Int?)? {
      let character = characters[index]
      var result: (Int, Int?)
      switch character {
      case "*": result = (0, nil); index += 1
      case "+": result = (1, nil); index += 1
      case "?": result = (0, 1); index += 1
      case "{":
        guard let counted = try counts() else { return nil }
        result = counted
      default: return nil
      }
      if index < characters.count, characters[index] == "?" { index += 1 }
      if index < characters.count, characters[index] == "+" { throw refuse(.patternUnsupported, ["what": "a possessive quantifier (*+, ++)"]) }  // no-catalogue: pattern syntax named
      return result
    }

    /// `{n}`, `{n,}` or `{n,m}` at `index`; nil (a literal `{`) when it is not one.
    mutating func counts() throws(Problem) -> (Int, Int?)? {
      var cursor = index + 1
      func number() -> Int? {
        var value = 0
        let start = cursor
        while cursor < characters.count, (48...57).contains(characters[cursor].value) {
          value = min(value * 10 + Int(characters[cursor].value) - 48, LinearPattern.maximumCount + 1)
          cursor += 1
        }
        return cursor > start ? value : nil
      }
      guard let minimum = number() else { return nil }
      var maximum: Int? = minimum
      if cursor < characters.count, characters[cursor] == "," {
        cursor += 1
        maximum = number()
      }
      guard cursor < characters.count, characters[cursor] == "}" else { return nil }
      index = cursor + 1
      if minimum > LinearPattern.maximumCount || (maximum ?? 0) > LinearPattern.maximumCount {
        throw refuse(.patternCountTooLarge, ["maximum": "\(LinearPattern.maximumCount)"])
      }
      if let maximum, maximum < minimum { throw refuse(.patternUnbalanced) }
      return (minimum, maximum)
    }

    mutating func atom() throws(Problem) -> Node {
      let character = characters[index]
      index += 1
      switch character {
      case "(":
        if index < characters.count, characters[index] == "?" {
          guard index + 1 < characters.count, characters[index + 1] == ":" else {
            throw refuse(.patternUnsupported, ["what": "a lookaround or a named group, (?…)"])  // no-catalogue: pattern syntax named
          }
          index += 2
        }
        depth += 1
        guard depth <= LinearPattern.maximumDepth else { throw refuse(.patternTooDeep, ["maximum": "\(LinearPattern.maximumDepth)"]) }
        let inner = try alternation()
        depth -= 1
        guard index < characters.count, characters[index] == ")" else { throw refuse(.patternUnbalanced) }
        index += 1
        return inner
      case ")": throw refuse(.patternUnbalanced)
      case "*", "+", "?": throw refuse(.patternNothingToRepeat, ["mark": String(character)])
      case ".": return .scalar(.any)
      case "^": return .assert(.start)
      case "$": return .assert(.end)
      case "[": return .scalar(try bracket())
      case "\\": return try escape(inBracket: false)
      default: return .scalar(.literal(LinearPattern.fold(character)))
      }
    }

    /// After a backslash: a class, a boundary, or the character itself.
    mutating func escape(inBracket: Bool) throws(Problem) -> Node {
      guard index < characters.count else { throw refuse(.patternUnbalanced) }
      let character = characters[index]
      index += 1
      func set(_ escape: ClassEscape, _ negated: Bool) -> Node {
        .scalar(.set(CharacterSet(classes: [(escape, negated)]), negated: false))
      }
      switch character {
      case "d": return set(.digit, false)
      case "D": return set(.digit, true)
      case "w": return set(.word, false)
      case "W": return set(.word, true)
      case "s": return set(.space, false)
      case "S": return set(.space, true)
      case "b" where !inBracket: return .assert(.wordBoundary)
      case "B" where !inBracket: return .assert(.notWordBoundary)
      case "n": return .scalar(.literal("\n"))
      case "t": return .scalar(.literal("\t"))
      case "r": return .scalar(.literal("\r"))
      case "1"..."9", "k":
        throw refuse(.patternUnsupported, ["what": "a back-reference (\\1, \\k)"])  // no-catalogue: pattern syntax named
      default:
        if character.properties.isAlphabetic && character.isASCII {
          throw refuse(.patternUnsupported, ["what": "the escape \\\(character)"])  // no-catalogue: pattern syntax named
        }
        return .scalar(.literal(LinearPattern.fold(character)))
      }
    }

    /// `[…]` after its `[`: ranges and class escapes, `^` first to negate.
    mutating func bracket() throws(Problem) -> ScalarTest {
      var set = CharacterSet()
      var negated = false
      if index < characters.count, characters[index] == "^" {
        negated = true
        index += 1
      }
      var first = true
      while true {
        guard index < characters.count else { throw refuse(.patternUnbalanced) }
        var character = characters[index]
        if character == "]" && !first { index += 1; break }
        first = false
        index += 1
        if character == "\\" {
          switch try escape(inBracket: true) {
          case .scalar(.set(let inner, _)):
            set.classes += inner.classes
            continue
          case .scalar(.literal(let literal)): character = literal
          default: continue
          }
        }
        var upper = character
        if index + 1 < characters.count, characters[index] == "-", characters[index + 1] != "]" {
          upper = characters[index + 1]
          index += 2
          if upper == "\\" {
            guard case .scalar(.literal(let literal)) = try escape(inBracket: true) else { throw refuse(.patternUnbalanced) }
            upper = literal
          }
          guard character.value <= upper.value else { throw refuse(.patternUnbalanced) }
        }
        set.ranges.append(character.value...upper.value)
        // Both cases of a range of letters: matching folds the text to lower case.
        let lower = LinearPattern.fold(character).value
        let lowerUpper = LinearPattern.fold(upper).value
        if lower != character.value || lowerUpper != upper.value, lower <= lowerUpper { set.ranges.append(lower...lowerUpper) }
      }
      return .set(set, negated: negated)
    }
  }

  struct Compiler {
    var program: [Instruction] = []

    mutating func emit(_ node: Node) throws(Problem) {
      guard program.count <= LinearPattern.maximumStates else {
        throw Problem(phrase: Phrase(.patternTooLarge, ["maximum": "\(LinearPattern.maximumStates)"]))
      }
      switch node {
      case .empty: break
      case .scalar(let test): program.append(.scalar(test))
      case .assert(let assertion): program.append(.assert(assertion))
      case .concat(let items): for item in items { try emit(item) }
      case .alternation(let branches):
        var jumps: [Int] = []
        for (number, branch) in branches.enumerated() {
          if number < branches.count - 1 {
            let split = program.count
            program.append(.match)  // placeholder
            try emit(branch)
            jumps.append(program.count)
            program.append(.match)  // placeholder
            program[split] = .split(split + 1, program.count)
          } else {
            try emit(branch)
          }
        }
        for jump in jumps { program[jump] = .jump(program.count) }
      case .repeated(let inner, let minimum, let maximum):
        for _ in 0..<minimum { try emit(inner) }
        if let maximum {
          // Each optional copy may be skipped to the end.
          var splits: [Int] = []
          for _ in minimum..<max(minimum, maximum) {
            splits.append(program.count)
            program.append(.match)  // placeholder
            try emit(inner)
          }
          for split in splits { program[split] = .split(split + 1, program.count) }
        } else {
          let split = program.count
          program.append(.match)  // placeholder
          try emit(inner)
          program.append(.jump(split))
          program[split] = .split(split + 1, program.count)
        }
      }
      guard program.count <= LinearPattern.maximumStates else {
        throw Problem(phrase: Phrase(.patternTooLarge, ["maximum": "\(LinearPattern.maximumStates)"]))
      }
    }
  }
}
