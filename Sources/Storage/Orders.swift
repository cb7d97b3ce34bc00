import ROIEngine
import SQLite

extension StoreReader {
  /// The counted orders by month (see `OrderRecord.monthsSQL`).
  public func orderMonths() throws -> [OrderMonth] {
    try statement(OrderRecord.monthsSQL).rows { row in
      OrderMonth(
        month: try Month(parsing: row.text("month")), netSales: row.integer("net_sales"), refunds: row.integer("refunds"),
        orders: row.integer("orders"), repeatOrders: row.integer("repeat_orders"), newCustomers: row.integer("new_customers"))
    }
  }

  /// The values `metrics` (each fed by an order series) take from the stored orders; the month
  /// still running feeds none until it ends.
  func derivedSnapshots(for metrics: [Metric]) throws -> [Snapshot] {
    let currency = try settings().currency
    var snapshots: [Snapshot] = []
    for month in try orderMonths() where month.month != runningMonth {
      for metric in metrics {
        guard let series = metric.fromOrders else { continue }
        guard let value = month.value(series, currency: currency) else {
          if series == .averageOrderValue { continue }
          throw StoreError.derivedValueOutOfRange(metric: metric.name, month: month.month)
        }
        snapshots.append(Snapshot(metric: metric.name, month: month.month, value: value))
      }
    }
    return snapshots
  }

  /// How many orders are stored.
  public func orderCount() throws -> Int {
    Int(try scalar("SELECT count(*) FROM orders") ?? 0)
  }
}

extension StoreWriter {
  /// What an order import did.
  public struct OrderCounts: Equatable, Sendable {
    public var added = 0
    public var replaced = 0
    public var unchanged = 0
  }

  /// The database's customer key, made (16 random bytes) the first time it is asked for.
  public func customerKey() throws -> SipHash24 {
    if let hex = try statement("SELECT customer_key FROM settings WHERE id = 1").rows([], { $0.optionalText("customer_key") }).first ?? nil {
      return SipHash24(key: stride(from: 0, to: hex.utf8.count, by: 2).map { offset in
        let pair = Array(hex.utf8)[offset..<offset + 2]
        return UInt8(String(decoding: pair, as: UTF8.self), radix: 16)!
      })
    }
    guard try isInitialized() else { throw StoreError.notInitialized(path: path) }
    var generator = SystemRandomNumberGenerator()
    let key = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
    let hex = key.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    try statement("UPDATE settings SET customer_key = ? WHERE id = 1").run([.text(hex)])
    return SipHash24(key: key)
  }

  /// Stores `orders`: a new source and id is added, a stored one replaced when any field differs,
  /// else left as it is. One audit record tells what the import did.
  public func importOrders(_ orders: [Order], counted: (Order) -> Bool, file: String) throws -> OrderCounts {
    let before = try orderCount()
    let upsert = try statement(OrderRecord.upsertSQL)
    var changed = 0
    for order in orders {
      try upsert.run(OrderRecord.values(of: order, counted: counted(order)))
      changed += database.changes
    }
    var counts = OrderCounts()
    counts.added = try orderCount() - before
    counts.replaced = changed - counts.added
    counts.unchanged = orders.count - changed
    try record(.add, "orders from \(file)", new: "\(counts.added) added, \(counts.replaced) replaced, \(counts.unchanged) unchanged")
    return counts
  }
}
