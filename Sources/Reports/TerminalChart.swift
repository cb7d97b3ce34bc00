import ROIEngine

/// A compact bar chart of the cumulative net position (cumulative benefit − cumulative cost) per
/// quarter, for `roi --chart`: losses to the left of the axis, gains to the right.
public enum TerminalChart {
  public static func render(_ rows: [QuarterRow], currency: Currency, colors: Bool, width: Int = 24, language: Language = .en) -> String {
    let say = PeopleFormat(language)
    guard !rows.isEmpty else { return "" }
    let positions = rows.map { $0.cumulativeBenefit - $0.cumulativeCost }
    let largest = positions.map { $0.signum < 0 ? -$0 : $0 }.max() ?? .zero
    let hasLoss = positions.contains { $0.signum < 0 }
    let hasGain = positions.contains { $0.signum > 0 }
    let labels = positions.map { say.amount($0, currency) }
    let labelWidth = labels.map(\.count).max() ?? 0
    let quarterWidth = rows.map { say.quarter($0.quarter).count }.max() ?? 0

    func cells(_ value: Rational) -> Int {
      guard !largest.isZero, !value.isZero else { return 0 }
      let magnitude = value.signum < 0 ? -value : value
      return max(1, Int(clamping: (magnitude * Rational(width) / largest)!.rounded().int128 ?? Int128(width)))
    }
    func paint(_ text: String, _ code: String) -> String {
      colors && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    var output = Catalogue.text(.terminalChartTitle, language, ["code": say.currencyName(currency)]) + "\n"
    for (index, row) in rows.enumerated() {
      let value = positions[index]
      let bar = String(repeating: "█", count: cells(value))
      var line = say.quarter(row.quarter).padding(to: quarterWidth) + "  "
        + String(repeating: " ", count: labelWidth - labels[index].count) + labels[index] + " "
      if hasLoss {
        let loss = value.signum < 0 ? bar : ""
        line += String(repeating: " ", count: width - loss.count) + paint(loss, "31")
      }
      line += "│"
      if hasGain && value.signum > 0 { line += paint(bar, "32") }
      output += line + "\n"
    }
    return output
  }
}

extension String {
  func padding(to width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}
