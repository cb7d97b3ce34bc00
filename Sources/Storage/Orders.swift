import ROIEngine
import SQLite
import Support

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

/// The 16 bytes a database's customers are hashed under, made once, at random, by the first order import.
public struct CustomerKey: Equatable, Sendable {
  public let bytes: [UInt8]

  /// A new random key.
  public init() {
    var generator = SystemRandomNumberGenerator()
    bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
  }

  init?(hex: String) {
    let digits = Array(hex.utf8)
    guard digits.count == 32 else { return nil }
    var bytes: [UInt8] = []
    for offset in stride(from: 0, to: 32, by: 2) {
      guard let byte = UInt8(String(decoding: digits[offset..<offset + 2], as: UTF8.self), radix: 16) else { return nil }
      bytes.append(byte)
    }
    self.bytes = bytes
  }

  var hex: String { bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined() }

  public var hasher: SipHash24 { SipHash24(key: bytes) }
}

extension StoreReader {
  /// The key stored by an earlier order import, if any.
  public func storedCustomerKey() throws -> CustomerKey? {
    try optionalSetting(.customerKey, CustomerKey.init(hex:))
  }
}

extension StoreWriter {
  /// What an order import did.
  public struct OrderCounts: Equatable, Sendable {
    public var added = 0
    public var replaced = 0
    public var unchanged = 0
    /// Orders this file would have changed, kept as a newer file wrote them.
    public var kept = 0
  }

  /// Stores `key` as the database's customer key when it has none; refuses when another import
  /// stored a different one meanwhile (the orders were hashed under `key`).
  public func settleCustomerKey(_ key: CustomerKey, file: String) throws {
    switch try storedCustomerKey() {
    case nil:
      guard try isInitialized() else { throw StoreError.notInitialized(path: path) }
      try statement(SettingsRecord.OptionalColumn.customerKey.updateSQL).run([.text(key.hex)])
    case let stored? where stored == key: break
    case _?: throw StoreError.customerKeyRaced(file: file)
    }
  }

  /// Stores `orders`: a new source and id is added, a stored one replaced when any field differs,
  /// else left as it is; an order that a newer file (by its newest order date) wrote is kept as
  /// that file wrote it. One audit record tells what the import did.
  public func importOrders(_ orders: [(order: Order, counted: Bool)], file: String) throws -> OrderCounts {
    let before = try orderCount()
    // A large import touches many pages of the table and its key: a 64 MiB page cache (this
    // connection's, for the rest of the process) keeps SQLite from spilling them mid-transaction.
    if orders.count > 10_000 { try database.execute("PRAGMA cache_size = -65536") }
    guard let fileNewest = orders.map(\.order.date).max() else { return OrderCounts() }
    // Only a file older than one stored before can have orders to keep.
    let storedNewest = try statement("SELECT max(file_newest) AS newest FROM orders").rows { $0.optionalText("newest") }.first ?? nil
    let older = storedNewest.map { fileNewest.description < $0 } ?? false
    let upsert = try statement(OrderRecord.upsertSQL)
    let newer = try statement(OrderRecord.newerFileSQL)
    let keptCheck = try statement(OrderRecord.keptSQL)
    var changed = 0
    var kept = 0
    for (order, counted) in orders {
      let values = OrderRecord.values(of: order, counted: counted, fileNewest: fileNewest)
      try upsert.run(values)
      if database.changes > 0 {
        changed += 1
        continue
      }
      let (source, id, date) = (values[0], values[1], values[8])
      if older {
        kept += Int(try keptCheck.rows([source, id, date] + Array(values[2..<8])) { $0.integer(0) }.first ?? 0)
      } else {
        try newer.run([date, source, id])
      }
    }
    // Every month's series must still fit a metric value, or no report could be made.
    let currency = try settings().currency
    // (The sums alone, in one pass: a customer's rank needs a sort this check does not.)
    let sums = try statement(
      "SELECT substr(date, 1, 7) AS month, sum(net_amount) AS net, sum(refunded_amount) AS refunded FROM orders WHERE counted = 1 GROUP BY month"
    ).rows { row in
      OrderMonth(month: try Month(parsing: row.text("month")), netSales: row.integer("net"), refunds: row.integer("refunded"), orders: 1, repeatOrders: 0, newCustomers: 0)
    }
    for month in sums {
      for series in [OrderSeries.netSales, .refunds] where month.value(series, currency: currency) == nil {
        throw StoreError.derivedValueOutOfRange(metric: series.rawValue, month: month.month)
      }
    }
    var counts = OrderCounts()
    counts.added = try orderCount() - before
    counts.replaced = changed - counts.added
    counts.kept = kept
    counts.unchanged = orders.count - changed - kept
    try record(
      .add, "orders from \(file)",  // no-catalogue: the audit trail's stored text
      new: "\(counts.added) added, \(counts.replaced) replaced, \(counts.unchanged) unchanged" + (kept > 0 ? ", \(kept) kept (an older file)" : ""))  // no-catalogue: the audit trail's stored text
    return counts
  }
}
