import ROIEngine
import SQLite

/// The `orders` table's mapping: its columns declared once.
enum OrderRecord {
  enum Column: String, CaseIterable {
    case id, source, orderID = "order_id", date, customer, netAmount = "net_amount", refundedAmount = "refunded_amount"
    case status, counted, fileNewest = "file_newest"
  }

  static let written: [Column] = [.source, .orderID, .date, .customer, .netAmount, .refundedAmount, .status, .counted, .fileNewest]
  static let writtenList = written.map(\.rawValue).joined(separator: ", ")
  /// The order's own fields: what a later export may change.
  static let fields: [Column] = [.date, .customer, .netAmount, .refundedAmount, .status, .counted]
  static func list(_ prefix: String) -> String { fields.map { prefix + $0.rawValue }.joined(separator: ", ") }
  /// Adds an order, or replaces the stored one of the same source and id when any field differs
  /// and the file is no older than the one that wrote it (`file_newest`).
  static let upsertSQL = """
    INSERT INTO orders (\(writtenList)) VALUES (\(placeholders(written.count)))
    ON CONFLICT (source, order_id) DO UPDATE SET
    \(written.dropFirst(2).map { "\($0.rawValue) = excluded.\($0.rawValue)" }.joined(separator: ", "))
    WHERE (\(list("orders."))) IS NOT (\(list("excluded.")))
      AND (orders.file_newest IS NULL OR excluded.file_newest >= orders.file_newest)
    """
  /// An unchanged order found again in a newer file remembers that file.
  static let newerFileSQL = """
    UPDATE orders SET file_newest = ?1 WHERE source = ?2 AND order_id = ?3 AND (file_newest IS NULL OR file_newest < ?1)
    """
  /// Whether a newer file wrote this order otherwise: the import keeps it.
  static let keptSQL = """
    SELECT count(*) FROM orders WHERE source = ? AND order_id = ? AND file_newest > ? AND (\(list(""))) IS NOT (\(placeholders(fields.count)))
    """

  static func values(of order: Order, counted: Bool, fileNewest: CalendarDate) -> [Value] {
    [
      .text(order.source.rawValue), .text(order.id), .text(order.date.description), order.customer.sqliteValue,
      .integer(order.net.minor), .integer(order.refunded.minor), .text(order.status), .integer(counted ? 1 : 0),
      .text(fileNewest.description),
    ]
  }

  /// Each month's counted orders: how many, how many without a customer, and the last order's date.
  static let factsSQL = """
    SELECT substr(date, 1, 7) AS month, count(*) AS orders, coalesce(sum(customer IS NULL), 0) AS anonymous, max(date) AS last
    FROM orders WHERE counted = 1 GROUP BY month ORDER BY month
    """

  /// Each month's counted orders: sums, the count, repeat orders (a customer's second counted order
  /// on, by date then order id) and new customers (their first).
  static let monthsSQL = """
    WITH ranked AS (
      SELECT substr(date, 1, 7) AS month, net_amount, refunded_amount,
        CASE WHEN customer IS NULL THEN NULL
          ELSE row_number() OVER (PARTITION BY customer ORDER BY date, order_id) END AS nth
      FROM orders WHERE counted = 1)
    SELECT month, sum(net_amount) AS net_sales, sum(refunded_amount) AS refunds, count(*) AS orders,
      coalesce(sum(nth > 1), 0) AS repeat_orders, coalesce(sum(nth = 1), 0) AS new_customers
    FROM ranked GROUP BY month ORDER BY month
    """
}
