import ROIEngine
import Support

/// The order exports crm-roi reads, and the columns each names.
public enum OrderPreset: String, CaseIterable, Sendable {
  case shopify, woocommerce, stripe, prestashop, generic

  /// What identifies a customer in a column: an e-mail (in lower case), a phone number (its
  /// digits, with the country prefix the export gives), the platform's own customer id, or only a
  /// name (PrestaShop's and WooCommerce Analytics' exports have no e-mail).
  enum CustomerKind: Sendable {
    /// The generic preset's `customer` column, taken as written (in lower case), as before.
    case plain
    case email, phone, id, name
  }

  /// Where each order field is read from, by column name (matched in any case, without accents).
  struct Columns {
    var id: String
    var date: String
    /// The columns that may name the customer, the first non-empty one deciding.
    var customers: [(name: String, kind: CustomerKind)]
    /// Net amount directly; or, for a shop, its subtotal (products after discounts) less the
    /// products' taxes when its prices include them; or total − taxes − shipping.
    var net: String?
    var subtotal: String?
    var total: String?
    var taxes: String?
    var shipping: String?
    var refunded: String?
    var status: String
    var cancelledAt: String?
    var currency: String?

    /// The columns a file must have to be read in this layout.
    func required(customerNeeded: Bool) -> [String] {
      [id, date] + [refunded].compactMap { $0 } + [status] + (customerNeeded ? customers.map(\.name) : [])
        + [net, total, taxes, shipping].compactMap { $0 }
    }
  }

  /// The layouts of the preset's exports, the first whose columns a header has being read.
  var layouts: [Columns] {
    switch self {
    case .generic:
      [Columns(id: "order_id", date: "date", customers: [("customer", .plain)], net: "net_amount", refunded: "refunded_amount", status: "status")]
    case .shopify:
      [Columns(
        id: "name", date: "created at", customers: [("email", .email), ("phone", .phone), ("billing phone", .phone), ("shipping phone", .phone)],  // no-catalogue: column names of the exports
        subtotal: "subtotal", total: "total", taxes: "taxes", shipping: "shipping",  // no-catalogue: column names of the exports
        refunded: "refunded amount", status: "financial status", cancelledAt: "cancelled at", currency: "currency")]  // no-catalogue: column names of the exports
    case .woocommerce:
      [
        // An order export plugin's download.
        Columns(
          id: "order number", date: "order date", customers: [("email (billing)", .email), ("phone (billing)", .phone)], total: "order total amount",  // no-catalogue: column names of the exports
          taxes: "order total tax amount", shipping: "order shipping amount", refunded: "order refund amount", status: "order status",  // no-catalogue: column names of the exports
          currency: "order currency"),  // no-catalogue: column names of the exports
        // WooCommerce's own Analytics → Orders download: its Net Sales, the customer by name.
        Columns(id: "order #", date: "date", customers: [("customer", .name)], net: "net sales", status: "status"),  // no-catalogue: column names of the exports
      ]
    case .stripe:
      [Columns(
        id: "id", date: "created (utc)", customers: [("customer email", .email), ("customer id", .id)], net: "amount",  // no-catalogue: column names of the exports
        refunded: "amount refunded", status: "status", currency: "currency")]  // no-catalogue: column names of the exports
    case .prestashop:
      // The back office's Orders list export (1.7 and 8), in English or French: Total is what the
      // customer paid, VAT and shipping included; the customer is a name.
      [Columns(id: "id", date: "date", customers: [("customer", .name)], net: "total", status: "status")]  // no-catalogue: column names of the exports
    }
  }

  /// Other names of a column in other versions or languages of the export, and the name the
  /// preset reads it by: Stripe's payments export names its date `Created date (UTC)` today,
  /// `Created (UTC)` before; PrestaShop writes its headers in the back office's language.
  var aliases: [String: String] {
    switch self {
    case .stripe: ["created date (utc)": "created (utc)"]  // no-catalogue: column names of the exports
    case .prestashop: ["client": "customer", "etat": "status", "statut": "status", "montant": "total", "total ttc": "total"]  // no-catalogue: column names of the exports
    default: [:]
    }
  }

  /// The statuses (any case, without accents) that leave an order out, in every preset:
  /// cancelled, canceled, voided, a payment that failed, was declined or expired; PrestaShop's
  /// `Annulé` and `Erreur de paiement` too.
  var leftOut: Set<String> {
    self == .prestashop ? Order.leftOutStatuses.union(["annule", "erreur de paiement", "payment error"]) : Order.leftOutStatuses  // no-catalogue: statuses of the exports
  }

  /// Statuses that say the whole order was refunded, for an export without a refunded amount
  /// (PrestaShop's `Remboursé`).
  var refundedStatuses: Set<String> { self == .prestashop ? ["rembourse", "refunded", "refund"] : [] }  // no-catalogue: statuses of the exports

  var source: OrderSource { OrderSource(rawValue: rawValue)! }

  /// The order in which presets are tried on a header when none is named: generic first (a file
  /// with all of its columns was written for it), then the most specific.
  static let detectionOrder: [OrderPreset] = [.generic, .shopify, .stripe, .woocommerce, .prestashop]

  /// The preset and layout whose columns `positions` (after each preset's aliases) all hold.
  static func detect(_ names: [String]) -> (OrderPreset, Columns)? {
    for preset in detectionOrder {
      let present = Set(names.map { preset.aliases[$0] ?? $0 })
      if let layout = preset.layouts.first(where: { $0.required(customerNeeded: preset == .generic).allSatisfy(present.contains) }) {
        return (preset, layout)
      }
    }
    return nil
  }
}

/// Orders in CSV, one per record (Shopify: one per line item, the order's fields on its first row;
/// later rows of the same order are passed over). The customer's e-mail or id is hashed at once
/// under the database's key and never kept.
public final class OrderCSVReader {
  private let reader: CSVReader
  private let preset: OrderPreset
  private let dialect: CSVDialect.Resolved
  private let numbers: HumanNumber
  private let currency: Currency
  private let key: SipHash24
  private var positions: [String: Int] = [:]
  private var names: [String] = []
  /// The orders already read, by id, and the line each was on.
  private var seen: [String: Int] = [:]
  private let columns: OrderPreset.Columns
  /// Orders dated after this month (the month still running) are refused.
  private let latestMonth: Month?

  public var file: String { reader.name }
  /// The line of the row `next()` read last.
  public var line: Int { reader.recordLine }

  /// Whether the preset was recognised from the header rather than named.
  public let detected: Bool
  /// The preset the file is read with.
  public var presetUsed: OrderPreset { preset }

  /// Reads the header. `preset` nil: the preset whose columns the header has (`OrderPreset.detect`).
  public init(
    reader: CSVReader, dialect: CSVDialect.Resolved, preset named: OrderPreset?, renaming: [String: String] = [:], currency: Currency,
    key: SipHash24, latestMonth: Month? = nil
  ) throws {
    self.latestMonth = latestMonth
    self.reader = reader
    self.dialect = dialect
    self.currency = currency
    self.key = key
    numbers = dialect.numbers(currency)
    ambiguity = Ambiguity(decimalCommaInferred: dialect.decimalCommaInferred)
    guard let first = try reader.next() else {
      throw CSVError(file: reader.name, line: 1, message: Phrase(.ordersEmptyFile, ["preset": (named ?? .generic).rawValue]))
    }
    names = first.fields.map { Folding.key($0) }
    reader.columnNames = first.fields
    let renamed = names.map { renaming[$0] ?? $0 }
    let chosen: (OrderPreset, OrderPreset.Columns)
    if let named {
      chosen = try OrderCSVReader.layout(of: named, renamed, file: reader.name, line: first.line)
    } else {
      chosen = try OrderPreset.detect(renamed) ?? OrderCSVReader.layout(of: .generic, renamed, file: reader.name, line: first.line)
    }
    (preset, columns, detected) = (chosen.0, chosen.1, named == nil)
    for (position, name) in renamed.enumerated() {
      let read = preset.aliases[name] ?? name
      if positions[read] == nil { positions[read] = position }
    }
  }

  /// The first layout of `preset` whose columns `names` hold; else a one-line error naming the
  /// missing columns, and the preset the header looks like when it is another's.
  static func layout(of preset: OrderPreset, _ names: [String], file: String, line: Int) throws -> (OrderPreset, OrderPreset.Columns) {
    let present = Set(names.map { preset.aliases[$0] ?? $0 })
    let customerNeeded = preset == .generic
    if let layout = preset.layouts.first(where: { $0.required(customerNeeded: customerNeeded).allSatisfy(present.contains) }) {
      return (preset, layout)
    }
    let required = preset.layouts[0].required(customerNeeded: customerNeeded)
    let missing = required.filter { !present.contains($0) }
    if let (likely, _) = OrderPreset.detect(names), likely != preset {
      throw CSVError(
        file: file, line: line,
        message: Phrase(.ordersOtherPreset, [
          "columns": missing.map { "'\($0)'" }.joined(separator: ", "), "preset": preset.rawValue, "likely": likely.rawValue,
        ]))
    }
    throw CSVError(
      file: file, line: line,
      message: Phrase(.ordersMissingColumns, [
        "columns": missing.map { "'\($0)'" }.joined(separator: ", "), "preset": preset.rawValue, "required": required.joined(separator: ", "),
      ]))
  }

  /// The lines of rows without an order id, which no order can be made of (a Stripe row of a
  /// charge that never got one): skipped, and named in the summary.
  public private(set) var withoutID: [Int] = []
  /// Values the whole file must settle (`Ambiguity`), as in expenses and metrics files.
  private var ambiguity: Ambiguity

  /// Problems seen only once the whole file is read: a value that reads two ways.
  public func problemsAtEnd() -> [CSVError] { ambiguity.problems }
  /// Why the order `next()` read last does not count: its status in lower case without
  /// WooCommerce's `wc-`, or `cancelled` for a Shopify order with a `Cancelled at`.
  public private(set) var leftOutStatus = ""

  /// The next order and whether it counts; `.success(nil)` for a row passed over (a Shopify line
  /// item after its order's first, or a row without an id, in `withoutID`); nil at the end of
  /// the file.
  public func next() throws -> Result<(order: Order, counted: Bool)?, CSVError>? {
    // Only the columns read are turned into text (a Shopify export has some 70).
    guard try reader.advance() else { return nil }
    let columns = columns
    let id = try text(columns.id)
    if id.isEmpty {
      withoutID.append(reader.recordLine)
      return .success(nil)
    }
    guard id.count <= 256 else {
      return .failure(problem(columns.id, ValueError(value: id.shortened, expected: Phrase(.formOrderID))))
    }
    if let earlier = seen[id] {
      // Shopify: line items after the first repeat the order's name with its other fields empty.
      if preset == .shopify, try text(columns.total).isEmpty { return .success(nil) }
      return .failure(problem(columns.id, ValueError(
        value: id.shortened, expected: Phrase(preset == .shopify ? .formOrderOnceShopify : .formOrderOnce, ["line": "\(earlier)"]))))
    }
    seen[id] = reader.recordLine
    do {
      if let column = columns.currency {
        let code = try text(column).uppercased()
        guard code.isEmpty || code == currency.code else {
          throw problem(column, ValueError(value: try text(column), expected: Phrase(.formDatabaseCurrency, ["code": currency.code])))
        }
      }
      let date = try orderDate()
      let net = try netAmount()
      let status = try text(columns.status)
      // WooCommerce writes its statuses with a prefix: wc-cancelled. Compared without case or accents.
      let folded = Folding.key(status)
      let plainStatus = folded.hasPrefix("wc-") ? String(folded.dropFirst(3)) : folded
      // Without a refunded amount column, a status that says refunded refunds the whole order.
      let refunded = columns.refunded == nil ? (preset.refundedStatuses.contains(plainStatus) ? net : 0) : try amount(columns.refunded)
      guard net >= 0 else {
        let column = columns.net ?? columns.total ?? columns.id
        throw problem(column, ValueError(value: try text(column), expected: columns.net == nil
          ? Phrase(.formOrderTotal, ["net": currency.plain(net)]) : Phrase(.formOrderNet)))
      }
      guard refunded >= 0 else {
        throw problem(columns.refunded ?? columns.id, ValueError(value: try text(columns.refunded), expected: Phrase(.formRefunded)))
      }
      guard status.count <= 64 else { throw problem(columns.status, ValueError(value: String(status.prefix(64)) + "…", expected: Phrase(.formStatus))) }
      let cancelled = try !text(columns.cancelledAt).isEmpty
      let customer = try customerKey(text).map { Int64(bitPattern: key.hash(utf8: $0)) }
      let order = Order(
        source: preset.source, id: id, date: date, customer: customer, net: Money(minor: net), refunded: Money(minor: refunded),
        status: cancelled && status.isEmpty ? "cancelled" : status)
      let counted = !cancelled && !preset.leftOut.contains(plainStatus)
      leftOutStatus = cancelled ? "cancelled" : plainStatus
      return .success((order, counted))
    } catch let error as CSVError {
      return .failure(error)
    }
  }

  /// A column's text in the current row, trimmed; "" for a column the file does not have.
  private func text(_ name: String?) throws -> String {
    guard let name, let position = positions[name], position < reader.fieldCount else { return "" }
    return try reader.string(position).trimmingSpaces()
  }

  private func problem(_ name: String, _ error: Error) -> CSVError {
    let position = positions[name] ?? 0
    return CSVError(file: reader.name, line: reader.recordLine, column: (position + 1, reader.columnNames[position]), error: error)
  }

  /// A column's amount in minor units (0 when empty or absent), within `Order.maximumAmount`.
  private func amount(_ name: String?) throws -> Int64 {
    guard let name else { return 0 }
    let value = try text(name)
    guard !value.isEmpty else { return 0 }
    do {
      let reading = try numbers.read(value)
      let position = positions[name] ?? 0
      ambiguity.note(reading, text: value, file: reader.name, line: reader.recordLine, column: (position + 1, reader.columnNames[position]))
      let minor: Int64
      do {
        minor = try currency.parseAmount(reading.plain).minor
      } catch let error as ValueError {
        throw ValueError(value: value, expected: error.expected)
      }
      guard minor.magnitude <= Order.maximumAmount.magnitude else {
        throw ValueError(
          value: value, expected: Phrase(.formOrderAmount, ["maximum": currency.grouped(Rational(Int128(Order.maximumAmount))), "code": currency.code]))
      }
      return minor
    } catch {
      throw problem(name, error)
    }
  }

  /// The row's date, not after the last month that may be imported.
  private func orderDate() throws -> CalendarDate {
    let date: CalendarDate
    do {
      date = try dialect.dates.calendarDate(try text(columns.date))
    } catch {
      throw problem(columns.date, error)
    }
    if let latestMonth, date.month > latestMonth {
      throw problem(columns.date, ValueError(value: try text(columns.date), expected: Phrase(.formOrderDate, ["month": "\(latestMonth)"])))
    }
    return date
  }

  /// The row's net amount: its own column, the shop's net from its subtotal (`shopNet`), or total − taxes −
  /// shipping (refused past the 64-bit range rather than trapping).
  private func netAmount() throws -> Int64 {
    if let column = columns.net { return try amount(column) }
    if let subtotal = columns.subtotal, positions[subtotal] != nil {
      return try shopNet(subtotal: amount(subtotal), total: amount(columns.total), taxes: amount(columns.taxes), shipping: amount(columns.shipping))
    }
    let (lessTaxes, overflow1) = (try amount(columns.total)).subtractingReportingOverflow(try amount(columns.taxes))
    let (value, overflow2) = lessTaxes.subtractingReportingOverflow(try amount(columns.shipping))
    guard !overflow1, !overflow2 else {
      throw problem(columns.total ?? columns.id, ValueError(value: try text(columns.total), expected: Phrase(.formOrderNetInRange, ["code": currency.code])))
    }
    return value
  }

  /// The text a customer is known by, from the first of the preset's customer columns that is not
  /// empty: an e-mail in lower case; `phone:` and the digits of a phone number (its country
  /// prefix as written, a leading 00 read as +); `id:` and the platform's customer id. Nil when
  /// every one is empty.
  func customerKey(_ text: (String?) throws -> String) throws -> String? {
    for (name, kind) in columns.customers {
      let value = try text(name)
      guard !value.isEmpty else { continue }
      switch kind {
      case .plain, .email: return value.lowercased()
      case .phone:
        var digits = value.filter { $0.isASCII && $0.isNumber }
        if !value.hasPrefix("+"), digits.hasPrefix("00") { digits.removeFirst(2) }
        if digits.count >= 6 { return "phone:" + digits }
      case .id: return "id:" + value
      case .name: return "name:" + Folding.key(value)
      }
    }
    return nil
  }

  /// A shop's net sales: the subtotal (products after discounts, without shipping), less the
  /// products' taxes when its prices include tax, which the order shows as Total = Subtotal +
  /// Shipping. The taxes then include shipping's, which an export cannot tell apart: the net is
  /// low by that much (docs/import-export.md).
  func shopNet(subtotal: Int64, total: Int64, taxes: Int64, shipping: Int64) throws -> Int64 {
    let (withShipping, overflow) = subtotal.addingReportingOverflow(shipping)
    guard !overflow else {
      throw CSVError(file: reader.name, line: reader.recordLine, message: ValueError(value: currency.plain(subtotal), expected: Phrase(.formOrderNetInRange, ["code": currency.code])).phrase)
    }
    let taxIncluded = taxes > 0 && total == withShipping
    return taxIncluded ? subtotal - taxes : subtotal
  }
}
