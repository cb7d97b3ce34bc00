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
  /// The pattern's distinct character tests: a character is known, for the steps kept, by which
  /// of them it passes (so `/(.*){0,1000}x/` needs two facts of a character, not the character).
  private let tests: [ScalarTest]
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
    var distinct: [String: ScalarTest] = [:]
    for case .scalar(let test) in program { distinct[String(describing: test)] = test }
    tests = distinct.count <= Machine.maximumTests ? distinct.sorted { $0.key < $1.key }.map(\.value) : []
  }

  /// Whether the pattern matches somewhere in `text`, ignoring case. `steps`, when given, counts
  /// the work done: states followed, plus one per character (a test checks it is linear).
  ///
  /// The automaton's states are followed all at once; each set of them reached is numbered, and
  /// the set that follows it on a character (given the kind of character before, for `\b`) is
  /// kept, so that a text that repeats itself costs one lookup per character (a lazy DFA).
  public func matches(_ text: String, steps: UnsafeMutablePointer<Int>? = nil) -> Bool {
    var machine = Machine(program: program, tests: tests)
    var seeds = machine.state(for: [])
    var previous: Unicode.Scalar?
    var iterator = text.unicodeScalars.makeIterator()
    var scalar = iterator.next()
    defer { steps?.pointee += machine.work }
    while true {
      let (next, matched) = machine.step(from: seeds, previous: previous, scalar: scalar)
      if matched { return true }
      guard let character = scalar else { return false }
      seeds = next
      previous = character
      scalar = iterator.next()
    }
  }

  /// The sets of states met in one match, numbered, and the steps between them.
  private struct Machine {
    let program: [Instruction]
    var sets: [[Int]] = []
    var numbers: [[Int]: Int] = [:]
    var steps: [StepKey: (next: Int, matched: Bool)] = [:]
    var current: StateSet
    var stack: [Int] = []
    var work = 0
    /// How many steps, and states in the sets they lead to, are kept before the table starts again
    /// (memory stays bounded: some 32 MB).
    static let maximumSteps = 65_536
    static let maximumStoredStates = 4_000_000
    var storedStates = 0

    struct StepKey: Hashable {
      let set: Int
      /// 0: no character before, 1: a word character, 2: another.
      let before: UInt8
      /// What the character read is: which tests it passes, whether it is a word character, or
      /// the end of the text; the character itself when the pattern has too many tests.
      let character: UInt64
    }

    /// The most distinct tests a character's facts are kept as (a bit each, and one for \w).
    static let maximumTests = 62

    let tests: [ScalarTest]

    init(program: [Instruction], tests: [ScalarTest]) {
      self.program = program
      self.tests = tests
      current = StateSet(count: program.count)
    }

    /// The character's facts for the steps kept (see `StepKey.character`).
    func facts(_ scalar: Unicode.Scalar?) -> UInt64 {
      guard let scalar else { return 1 << 63 }
      guard !tests.isEmpty else { return UInt64(scalar.value) | 1 << 62 }
      let folded = LinearPattern.fold(scalar)
      var bits: UInt64 = ClassEscape.word.contains(scalar) ? 1 << 61 : 0
      for (index, test) in tests.enumerated() where test.matches(scalar, folded: folded) { bits |= 1 << UInt64(index) }
      return bits
    }

    mutating func state(for seeds: [Int]) -> Int {
      if let number = numbers[seeds] { return number }
      storedStates += seeds.count
      sets.append(seeds)
      numbers[seeds] = sets.count - 1
      return sets.count - 1
    }

    /// From the states reached before `scalar` (`seeds`, with a new attempt at the start):
    /// whether one matches, and the states reached by reading `scalar`.
    mutating func step(from seeds: Int, previous: Unicode.Scalar?, scalar: Unicode.Scalar?) -> (Int, Bool) {
      work += 1
      let before: UInt8 = previous.map { ClassEscape.word.contains($0) ? 1 : 2 } ?? 0
      let key = StepKey(set: seeds, before: before, character: facts(scalar))
      if let known = steps[key] { return known }
      current.clear()
      var matched = false
      for pc in sets[seeds] + [0] where follow(pc, previous: previous, next: scalar) {
        matched = true
        break
      }
      var reached: [Int] = []
      if !matched, let scalar {
        let folded = LinearPattern.fold(scalar)
        for pc in current.members {
          work += 1
          if case .scalar(let test) = program[pc], test.matches(scalar, folded: folded) { reached.append(pc + 1) }
        }
      }
      reached = Array(Set(reached)).sorted()
      // A full table starts again (the sets numbered so far are forgotten, `seeds` with them).
      let reset = steps.count >= Machine.maximumSteps || storedStates >= Machine.maximumStoredStates
      if reset { (steps, sets, numbers, storedStates) = ([:], [], [:], 0) }
      let result = (state(for: reached), matched)
      if !reset { steps[key] = result }
      return result
    }

    /// Adds `pc` and every state it leads to without reading a character, between `previous`
    /// and `next` (for the assertions); true when one of them is the match.
    mutating func follow(_ pc: Int, previous: Unicode.Scalar?, next: Unicode.Scalar?) -> Bool {
      stack.removeAll(keepingCapacity: true)
      stack.append(pc)
      while let pc = stack.popLast() {
        guard current.insert(pc) else { continue }
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
  }

  /// Upper case, by the scalar's own simple mapping (ASCII without a lookup).
  static func upper(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    if scalar.value < 128 {
      return scalar.value >= 97 && scalar.value <= 122 ? Unicode.Scalar(scalar.value - 32)! : scalar
    }
    let upper = scalar.properties.uppercaseMapping.unicodeScalars
    return upper.count == 1 ? upper.first! : scalar
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

    /// `scalar` as the text has it; a literal was folded when parsed, a set is tried on the
    /// scalar's lower and upper cases (so `[A-Z]` takes `a`, and `[0-Z]` does not take `_`).
    func matches(_ scalar: Unicode.Scalar, folded: Unicode.Scalar) -> Bool {
      switch self {
      case .literal(let wanted): return folded == wanted
      case .any: return scalar != "\n" && scalar != "\r"
      case .set(let set, let negated):
        let inside = set.contains(scalar) || set.contains(folded) || set.contains(LinearPattern.upper(scalar))
        return inside != negated
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
        if index < characters.count, let (minimum, maximum) = try quantifier() {
          if case .assert = atom { throw refuse(.patternQuantifiedAssertion) }
          atom = .repeated(atom, minimum: minimum, maximum: maximum)
          // A repetition repeated (`a**`, `x{2}{3}`) is refused, as most engines do.
          if index < characters.count, "*+?{".unicodeScalars.contains(characters[index]), try quantifier() != nil {
            throw refuse(.patternNothingToRepeat, ["mark": String(characters[index - 1])])
          }
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
      // `{,m}` is `{0,m}`, as Swift's Regex reads it.
      let openComma = cursor < characters.count && characters[cursor] == ","
      guard let minimum = number() ?? (openComma ? 0 : nil) else { return nil }
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
        if character == "[", index + 1 < characters.count, ":=.".unicodeScalars.contains(characters[index + 1]) {
          throw refuse(.patternUnsupported, ["what": "a POSIX class like [:alpha:] (use \\w, \\d, \\s or a range)"])  // no-catalogue: pattern syntax named
        }
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
      }
      return .set(set, negated: negated)
    }
  }

  struct Compiler {
    var program: [Instruction] = []

    /// How many nodes were emitted: an empty group repeated (`((){1000}){1000}`) makes no state
    /// but would loop, so the count is bounded too.
    var emitted = 0

    mutating func emit(_ node: Node) throws(Problem) {
      emitted += 1
      guard program.count <= LinearPattern.maximumStates, emitted <= 4 * LinearPattern.maximumStates else {
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
        // A repetition of what makes no state is nothing.
        let before = program.count
        try emit(inner)
        if program.count == before { break }
        program.removeLast(program.count - before)
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
