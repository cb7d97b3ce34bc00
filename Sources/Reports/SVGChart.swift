import ROIEngine

/// Inline SVG charts for the HTML report. Positions are geometry and may be approximate; every
/// figure a chart shows or carries (`data-value`) is written exactly from the report.
struct SVGChart {
  let width = 720.0
  let height = 300.0
  let left = 110.0
  let right = 20.0
  let top = 20.0
  let bottom = 50.0
  let quarters: [String]
  /// The value range, always including 0.
  let low: Rational
  let high: Rational
  let ticks: [Rational]
  let tickLabel: (Rational) -> String

  /// `includingZero` false fits the axis to the values alone (a metric around 180,000).
  init(quarters: [String], values: [Rational], includingZero: Bool = true, tickLabel: @escaping (Rational) -> String) {
    self.quarters = quarters
    self.tickLabel = tickLabel
    let low = includingZero ? min(values.min() ?? .zero, .zero) : (values.min() ?? .zero)
    var high = includingZero ? max(values.max() ?? .zero, .zero) : (values.max() ?? .zero)
    if high == low { high = low + .one }
    let step = SVGChart.niceStep((high - low) / Rational(5) ?? .one)
    let first = Rational((low / step)!.floor()) * step
    let last = Rational((high / step)!.ceiling()) * step
    var ticks: [Rational] = []
    var tick = first
    while tick <= last {
      ticks.append(tick)
      tick += step
    }
    (self.low, self.high, self.ticks) = (first, last, ticks)
  }

  /// 1, 2 or 5 × a power of ten, at least `raw`.
  static func niceStep(_ raw: Rational) -> Rational {
    var power = Rational.one
    while power * Rational(10) <= raw { power = power * Rational(10) }
    while power > raw { power = (power / Rational(10))! }
    for factor in [1, 2, 5, 10] where power * Rational(factor) >= raw { return power * Rational(factor) }
    return power * Rational(10)
  }

  var plotWidth: Double { width - left - right }
  var plotHeight: Double { height - top - bottom }
  var slot: Double { plotWidth / Double(max(quarters.count, 1)) }

  func y(_ value: Rational) -> Double {
    let fraction = ((value - low) / (high - low))!
    return top + plotHeight * (1 - fraction.approximation)
  }

  func x(center index: Int) -> Double { left + slot * (Double(index) + 0.5) }

  /// Axes, grid lines with tick labels, quarter labels and the zero line. `id` names the chart in
  /// the page whatever the language (its English title).
  /// Closes what `frame` opens: the chart and the box it scrolls in on a narrow screen.
  static let end = "</svg></div>\n"

  func frame(id: String, title: String, description: String) -> String {
    var svg = """
      <div class="chart-box"><svg viewBox="0 0 \(fmt(width)) \(fmt(height))" role="img" \
      aria-labelledby="\(id.slug)-title" class="chart">
      <title id="\(id.slug)-title">\(escape(title))</title>
      <desc>\(escape(description))</desc>

      """
    for tick in ticks {
      let position = y(tick)
      svg += """
        <line class="grid" x1="\(fmt(left))" y1="\(fmt(position))" x2="\(fmt(width - right))" y2="\(fmt(position))"/>
        <text class="tick" x="\(fmt(left - 8))" y="\(fmt(position + 4))" text-anchor="end">\(escape(tickLabel(tick)))</text>

        """
    }
    let zero = y(max(low, min(high, .zero)))  // the zero line, or the bottom when 0 is off the axis
    svg += """
      <line class="axis" x1="\(fmt(left))" y1="\(fmt(zero))" x2="\(fmt(width - right))" y2="\(fmt(zero))"/>
      <line class="axis" x1="\(fmt(left))" y1="\(fmt(top))" x2="\(fmt(left))" y2="\(fmt(height - bottom))"/>

      """
    // Label every quarter while they fit, else every second, third… one (`avr. 2025` needs more room than `2025-04`).
    let room = max(48, 6 * Double(quarters.map(\.count).max() ?? 0))
    let every = max(1, Int((room / slot).rounded(.up)))
    for (index, quarter) in quarters.enumerated() where index % every == 0 {
      svg += """
        <text class="quarter" x="\(fmt(x(center: index)))" y="\(fmt(height - bottom + 18))" text-anchor="middle">\(escape(quarter))</text>

        """
    }
    return svg
  }

  func legend(_ entries: [(label: String, cssClass: String)]) -> String {
    var svg = ""
    var position = left
    for entry in entries {
      svg += """
        <rect class="\(entry.cssClass) swatch" x="\(fmt(position))" y="\(fmt(height - 20))" width="12" height="12"/>
        <text class="legend" x="\(fmt(position + 18))" y="\(fmt(height - 10))">\(escape(entry.label))</text>

        """
      position += 26 + Double(entry.label.count) * 7
    }
    return svg
  }
}

/// A money axis tick, whole ticks without their zero decimals: `10,000 EUR` / `10 000 €`.
func moneyTick(_ tick: Rational, _ currency: Currency, _ say: PeopleFormat) -> String {
  let minor = currency.minor(fromMajor: tick)
  var amount = say.amount(minor, currency)
  let unit = say.money(minor, currency).dropFirst(amount.count)
  let zeros = say.localised(".") + String(repeating: "0", count: currency.minorUnits)
  if currency.minorUnits > 0, amount.hasSuffix(zeros) { amount.removeLast(zeros.count) }
  return amount + unit
}

/// A number for an SVG attribute: two decimals at most.
func fmt(_ value: Double) -> String {
  // Geometry only; a degenerate value is drawn at the edge rather than trapping.
  let hundredths = value.isNaN ? 0 : (min(max(value, -1e12), 1e12) * 100).rounded()
  return Rational(Int128(hundredths), 100).shortDecimalString(maxPlaces: 2)
}

extension String {
  var slug: String {
    String(lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
  }
}

extension Rational {
  func ceiling() -> BigInteger { -((-self).floor()) }
}
