/// The name in `names` closest to `text` by edit distance, when it is close enough to be a typo
/// (at most 2 edits, and fewer than half the letters).
public func closest(to text: String, in names: [String]) -> String? {
  let typed = Array(text.lowercased())
  var best: (name: String, distance: Int)?
  // At most 2 edits apart: names whose lengths differ by more cannot be close (and a long text
  // would cost its length × each name's).
  for name in names where abs(name.count - typed.count) <= 2 {
    let distance = editDistance(typed, Array(name.lowercased()))
    if distance <= 2, distance * 2 < max(typed.count, 1), best == nil || distance < best!.distance {
      best = (name, distance)
    }
  }
  return best?.name
}

/// Levenshtein distance between two strings of characters.
func editDistance(_ a: [Character], _ b: [Character]) -> Int {
  guard !a.isEmpty else { return b.count }
  guard !b.isEmpty else { return a.count }
  var previous = Array(0...b.count)
  for i in 1...a.count {
    var current = [i] + Array(repeating: 0, count: b.count)
    for j in 1...b.count {
      current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
    }
    previous = current
  }
  return previous[b.count]
}
