import Foundation

extension DataSet {
  /// `rows` orders in the generic preset's columns, 2023-01 to 2025-12: a customer for every
  /// three orders (so repeats), one in fifty cancelled, one in twenty partly refunded.
  static func ordersCSV(rows: Int) -> String {
    var random = Random(state: 7)
    var csv = "order_id,date,customer,net_amount,refunded_amount,status\n"
    csv.reserveCapacity(rows * 56)
    let customers = UInt64(max(rows / 3, 1))
    for index in 0..<rows {
      let day = 2023 * 372 + Int(random.next(36 * 31))
      let (year, month, date) = (day / 372, day % 372 / 31 + 1, min(day % 31 + 1, 28))
      let cents = 1_000 + random.next(50_000)
      let refunded = index % 20 == 0 ? cents / 4 : 0
      csv += "O\(index),\(String(format: "%04d-%02d-%02d", year, month, date)),customer\(random.next(customers))@example.com,"
      csv += "\(cents / 100).\(String(format: "%02d", cents % 100)),\(refunded / 100).\(String(format: "%02d", refunded % 100)),"
      csv += index % 50 == 0 ? "cancelled\n" : "paid\n"
    }
    return csv
  }

  /// The six monthly series from a table of the raw CSV, as crm-roi derives them.
  static let ordersSQL = """
    WITH ranked AS (
      SELECT substr(date, 1, 7) AS month, CAST(replace(net_amount, '.', '') AS INTEGER) AS net,
        CAST(replace(refunded_amount, '.', '') AS INTEGER) AS refunded,
        CASE WHEN customer = '' THEN NULL ELSE row_number() OVER (PARTITION BY customer ORDER BY date, order_id) END AS nth
      FROM raw WHERE lower(status) NOT IN ('cancelled', 'canceled', 'voided'))
    SELECT month, sum(net), sum(refunded), count(*), sum(nth > 1), sum(nth = 1), round(1.0 * sum(net) / count(*))
    FROM ranked GROUP BY month ORDER BY month
    """
}

extension Bench {
  /// `import orders` of `size` rows (then, apart, the series read back with `export metrics`)
  /// against sqlite3 `.import` of the same file into a table and the monthly GROUP BY. Returns
  /// the import ratio.
  static func ordersBenchmark(size: Int) throws -> Double {
    let csv = "\(work)/orders-\(size).csv"
    try DataSet.ordersCSV(rows: size).write(toFile: csv, atomically: true, encoding: .utf8)
    defer { unlink(csv) }
    func database() throws -> String {
      let db = try freshDatabase("orders-\(size)")
      try run([binary, "metric", "add", "sales", "--kind", "revenue", "--margin", "35%", "--from-orders", "net-sales", "--db", db])
      for series in ["refunds", "orders", "repeat-orders", "new-customers", "average-order-value"] {
        try run([binary, "metric", "add", series, "--kind", "kpi", "--from-orders", series, "--db", db])
      }
      return db
    }
    let importCrm = try measure(prepare: database) { db in [binary, "import", "orders", csv, "--db", db] }
    let sqlite = try measure(prepare: {
      let path = "\(work)/orders-sql-\(size).sqlite"
      unlink(path)
      return path
    }) { db in
      ["sqlite3", db, "CREATE TABLE raw (order_id TEXT, date TEXT, customer TEXT, net_amount TEXT, refunded_amount TEXT, status TEXT)",
       ".import --csv --skip 1 \(csv) raw", DataSet.ordersSQL]
    }
    row("import orders vs sqlite3 .import + GROUP BY", importCrm, sqlite,
        memory: (try peakMemory([binary, "import", "orders", csv, "--db", try database()]), nil))
    let db = try database()
    try run([binary, "import", "orders", csv, "--db", db])
    let series = try measure([binary, "export", "metrics", "--db", db])
    row("  then export metrics (the six series)", series, sqlite, versus: "sqlite3 all")
    for file in [db, db + "-wal", db + "-shm", "\(work)/orders-sql-\(size).sqlite"] { unlink(file) }
    return importCrm.seconds / sqlite.seconds
  }
}
