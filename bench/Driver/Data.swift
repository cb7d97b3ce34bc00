import Foundation

/// Deterministic benchmark data: the same bytes on every run and machine.
struct DataSet {
  static let goLive = "2016-01"
  static let metricCount = 20
  /// 240 months, 2006-11 to 2026-10.
  static let months: [String] = (0..<240).map { index in
    let month = 2006 * 12 + 10 + index
    return String(format: "%04d-%02d", month / 12, month % 12 + 1)
  }

  /// A 64-bit linear congruential generator (Knuth's MMIX constants).
  struct Random {
    var state: UInt64
    mutating func next(_ bound: UInt64) -> UInt64 {
      state = state &* 6364136223846793005 &+ 1442695040888963407
      return (state >> 33) % bound
    }
  }

  static let categories = ["license", "installation", "hardware", "labor", "service", "training", "maintenance", "other"]

  /// `rows` expenses from 2014-01 to 2026-10; one in fifty recurs.
  static func expensesCSV(rows: Int) -> String {
    var random = Random(state: 42)
    var csv = "date,category,amount,note,every,until\n"
    csv.reserveCapacity(rows * 48)
    for index in 0..<rows {
      let month = 2014 * 12 + Int(random.next(154))
      let day = 1 + Int(random.next(28))
      let cents = 100 + random.next(5_000_000)
      var every = ""
      var until = ""
      if index % 50 == 0 {
        every = ["month", "quarter", "year"][index / 50 % 3]
        if index % 100 == 0 {
          let last = month + 6 + Int(random.next(60))
          until = String(format: "%04d-%02d", last / 12, last % 12 + 1)
        }
      }
      csv += String(format: "%04d-%02d-%02d", month / 12, month % 12 + 1, day)
      csv += ",\(categories[index % 8]),\(cents / 100).\(String(format: "%02d", cents % 100)),item \(index),\(every),\(until)\n"
    }
    return csv
  }

  /// The metrics to add: (name, crm-roi metric add options).
  static let metrics: [(name: String, options: [String])] = (1...metricCount).map { index in
    let name = String(format: "metric-%02d", index)
    switch index % 4 {
    case 1: return (name, ["--kind", "revenue", "--margin", "30%", "--target", "+5%"])
    case 2: return (name, ["--kind", "cost", "--target", "-10%"])
    case 3: return (name, ["--kind", "count", "--unit-value", "2.50"])
    default: return (name, ["--kind", "kpi", "--target", "+2%"])
    }
  }

  /// 20 metrics × 240 months, wide layout.
  static func metricsCSV() -> String {
    var random = Random(state: 7)
    var csv = "month," + metrics.map(\.name).joined(separator: ",") + "\n"
    for (index, month) in months.enumerated() {
      let lift = index >= 110 ? UInt64(index - 110) * 40 : 0
      let values = metrics.indices.map { _ in String(100_000 + random.next(20_000) + lift) }
      csv += month + "," + values.joined(separator: ",") + "\n"
    }
    return csv
  }

  /// The one SQL query that returns crm-roi's quarterly cost and benefit sums from its own tables
  /// (calendar quarters), expanding recurring expenses and applying the baselines in SQL.
  static let quarterlySQL = """
    WITH RECURSIVE
    s AS (SELECT CAST(substr(go_live, 1, 4) AS INTEGER) * 12 + CAST(substr(go_live, 6, 2) AS INTEGER) - 1 AS g,
                 baseline_months AS b, horizon_years AS h FROM settings),
    items AS (
      SELECT CAST(substr(date, 1, 4) AS INTEGER) * 12 + CAST(substr(date, 6, 2) AS INTEGER) - 1 AS m,
             CASE every WHEN 'month' THEN 1 WHEN 'quarter' THEN 3 WHEN 'year' THEN 12 END AS step,
             CASE WHEN every IS NULL THEN NULL ELSE min(
               coalesce(CAST(substr(until_month, 1, 4) AS INTEGER) * 12 + CAST(substr(until_month, 6, 2) AS INTEGER) - 1, 1000000),
               (SELECT g + 12 * h - 1 FROM s)) END AS last,
             sum(amount) AS amount
      FROM expense WHERE removed_at IS NULL GROUP BY substr(date, 1, 7), every, until_month
      HAVING m <= (SELECT g + 12 * h - 1 FROM s)),
    occurrence(m, step, last, amount) AS (
      SELECT m, step, last, amount FROM items WHERE step IS NULL OR m <= last
      UNION ALL SELECT m + step, step, last, amount FROM occurrence WHERE step IS NOT NULL AND m + step <= last),
    value AS (SELECT metric_id, CAST(substr(month, 1, 4) AS INTEGER) * 12 + CAST(substr(month, 6, 2) AS INTEGER) - 1 AS m, value FROM snapshot),
    baseline AS (SELECT metric_id, avg(value) AS mean FROM value, s WHERE m BETWEEN g - b AND g - 1 GROUP BY metric_id),
    factor AS (SELECT id AS metric_id, CASE kind WHEN 'revenue' THEN margin / 1000000.0 WHEN 'cost' THEN -1.0
                 WHEN 'count' THEN unit_value / 100.0 END AS f FROM metric WHERE kind <> 'kpi'),
    benefit AS (SELECT m / 3 AS q, sum((value - mean) / 10000.0 * f) AS benefit
                FROM value JOIN baseline USING (metric_id) JOIN factor USING (metric_id), s WHERE m >= g GROUP BY q),
    bounds AS (SELECT min((SELECT min(m) FROM items), (SELECT g FROM s)) / 3 AS first,
                      max((SELECT max(m) FROM value), (SELECT max(m) FROM items WHERE step IS NULL), (SELECT g FROM s)) / 3 AS last),
    cost AS (SELECT m / 3 AS q, sum(amount) AS cost FROM occurrence GROUP BY q),
    quarter(q) AS (SELECT first FROM bounds UNION ALL SELECT q + 1 FROM quarter, bounds WHERE q < bounds.last)
    SELECT (q / 4) || 'Q' || (q % 4 + 1), printf('%.2f', coalesce(cost, 0) / 100.0), printf('%.2f', coalesce(benefit, 0))
    FROM quarter LEFT JOIN cost USING (q) LEFT JOIN benefit USING (q) ORDER BY q;
    """
}
