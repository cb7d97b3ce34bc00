/// Where stored orders came from: each platform numbers its orders, so an order is known by its
/// source and id.
public enum OrderSource: String, CaseIterable, Sendable {
  case shopify, woocommerce, stripe, prestashop, generic
}

/// One order as stored: no e-mail address or customer id, only the customer's keyed hash.
public struct Order: Hashable, Sendable {
  public var source: OrderSource
  public var id: String
  public var date: CalendarDate
  /// SipHash-2-4 of the customer's e-mail or id under the database's key; nil when the export has none.
  public var customer: Int64?
  /// Total − taxes − shipping.
  public var net: Money
  public var refunded: Money
  public var status: String

  public init(source: OrderSource, id: String, date: CalendarDate, customer: Int64?, net: Money, refunded: Money, status: String) {
    self.source = source
    self.id = id
    self.date = date
    self.customer = customer
    self.net = net
    self.refunded = refunded
    self.status = status
  }

  /// The largest net or refunded amount of one order, in minor units (10¹⁰: 100 million euros):
  /// a month's sums then stay inside what a metric value holds below some 9 million orders a
  /// month (the import checks the sums too).
  public static let maximumAmount: Int64 = 10_000_000_000

  /// The statuses (any case) that leave an order out of every series, and out of a customer's
  /// earlier orders, in every preset: cancelled, and a payment that failed, was declined or
  /// expired (Stripe's `Failed`), which never brought money in.
  public static let leftOutStatuses: Set<String> = ["cancelled", "canceled", "voided", "failed", "declined", "expired"]
}

/// The monthly series derived from stored orders; a metric takes one with `--from-orders`.
public enum OrderSeries: String, CaseIterable, Sendable {
  case netSales = "net-sales", refunds, orders
  case repeatOrders = "repeat-orders", newCustomers = "new-customers", averageOrderValue = "average-order-value"

  public static let expectedForm = Phrase(.formOneOf, ["names": allCases.map(\.rawValue).joined(separator: ", ")])

  public var isMoney: Bool { self == .netSales || self == .refunds || self == .averageOrderValue }

  public init(parsing text: String) throws {
    guard let series = OrderSeries(rawValue: text.lowercased()) else { throw ValueError(value: text, expected: OrderSeries.expectedForm) }
    self = series
  }

  /// Whether a metric of `kind` can take the series' values: money for revenue, cost or kpi
  /// metrics, whole numbers for count or kpi metrics.
  public func fits(_ kind: MetricKind) -> Bool {
    switch kind {
    case .revenue, .cost: isMoney
    case .count: !isMoney
    case .kpi: true
    case .hours: false
    }
  }
}

/// One month of the counted orders (cancelled and voided ones left out), by order month.
public struct OrderMonth: Hashable, Sendable {
  public let month: Month
  /// Minor units.
  public let netSales: Int64
  public let refunds: Int64
  public let orders: Int64
  /// Orders of a customer who has an earlier counted order (earlier by date, then order id).
  public let repeatOrders: Int64
  /// Customers whose first counted order falls in the month.
  public let newCustomers: Int64

  public init(month: Month, netSales: Int64, refunds: Int64, orders: Int64, repeatOrders: Int64, newCustomers: Int64) {
    self.month = month
    self.netSales = netSales
    self.refunds = refunds
    self.orders = orders
    self.repeatOrders = repeatOrders
    self.newCustomers = newCustomers
  }

  /// The series' value this month, as a metric value; nil for an average over no order, or past
  /// the 64-bit range of metric values.
  public func value(_ series: OrderSeries, currency: Currency) -> MetricValue? {
    let scale = Int64(pow10(MetricValue.scale - currency.minorUnits))
    func money(_ minor: Int64) -> MetricValue? {
      let (value, overflow) = minor.multipliedReportingOverflow(by: scale)
      return overflow ? nil : MetricValue(tenThousandths: value)
    }
    func count(_ number: Int64) -> MetricValue? { money(number * Int64(pow10(currency.minorUnits))) }
    switch series {
    case .netSales: return money(netSales)
    case .refunds: return money(refunds)
    case .orders: return count(orders)
    case .repeatOrders: return count(repeatOrders)
    case .newCustomers: return count(newCustomers)
    case .averageOrderValue:
      // Net sales / orders, rounded half-to-even to the minor unit.
      guard orders > 0, let minor = Int64(exactly: Rational(Int128(netSales), Int128(orders)).rounded()) else { return nil }
      return money(minor)
    }
  }

  private func pow10(_ exponent: Int) -> Int { (0..<exponent).reduce(1) { value, _ in value * 10 } }
}
