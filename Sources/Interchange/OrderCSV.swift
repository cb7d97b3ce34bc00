import ROIEngine

/// The order exports crm-roi reads, and the columns each names.
public enum OrderPreset: String, CaseIterable, Sendable {
  case shopify, woocommerce, stripe, generic

  /// Where each order field is read from, by column name (matched in any case, without accents).
  struct Columns {
    var id: String
    var date: String
    var customer: String
    /// Net amount directly, or total − taxes − shipping.
    var net: String?
    var total: String?
    var taxes: String?
    var shipping: String?
    var refunded: String
    var status: String
    var cancelledAt: String?
    var currency: String?
  }

  var columns: Columns {
    switch self {
    case .generic:
      Columns(id: "order_id", date: "date", customer: "customer", net: "net_amount", refunded: "refunded_amount", status: "status")
    case .shopify:
      Columns(
        id: "name", date: "created at", customer: "email", total: "total", taxes: "taxes", shipping: "shipping",  // no-catalogue: column names of the exports
        refunded: "refunded amount", status: "financial status", cancelledAt: "cancelled at", currency: "currency")  // no-catalogue: column names of the exports
    case .woocommerce:
      Columns(
        id: "order number", date: "order date", customer: "email (billing)", total: "order total amount",  // no-catalogue: column names of the exports
        taxes: "order total tax amount", shipping: "order shipping amount", refunded: "order refund amount", status: "order status",  // no-catalogue: column names of the exports
        currency: "order currency")  // no-catalogue: column names of the exports
    case .stripe:
      Columns(
        id: "id", date: "created (utc)", customer: "customer email", net: "amount", refunded: "amount refunded", status: "status",  // no-catalogue: column names of the exports
        currency: "currency")
    }
  }

  /// The statuses (any case) that leave an order out: cancelled, canceled, voided; and a payment
  /// that failed, for the shops and Stripe.
  var leftOut: Set<String> {
    self == .generic ? Order.leftOutStatuses : Order.leftOutStatuses.union(["failed"])
  }

  var source: OrderSource { OrderSource(rawValue: rawValue)! }
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

  public init(
    reader: CSVReader, dialect: CSVDialect.Resolved, preset: OrderPreset, renaming: [String: String] = [:], currency: Currency,
    key: SipHash24, latestMonth: Month? = nil
  ) throws {
    self.latestMonth = latestMonth
    self.reader = reader
    self.preset = preset
    self.dialect = dialect
    self.currency = currency
    self.key = key
    columns = preset.columns
    numbers = dialect.numbers(currency)
    guard let first = try reader.next() else {
      throw CSVError(file: reader.name, line: 1, message: Phrase(.ordersEmptyFile, ["preset": preset.rawValue]))
    }
    names = first.fields.map { Folding.key($0) }
    reader.columnNames = first.fields
    for (position, name) in names.enumerated() where positions[renaming[name] ?? name] == nil {
      positions[renaming[name] ?? name] = position
    }
    let columns = preset.columns
    let required = [columns.id, columns.date, columns.customer, columns.refunded, columns.status]
      + [columns.net, columns.total, columns.taxes, columns.shipping].compactMap { $0 }
    let missing = required.filter { positions[$0] == nil }
    // Which preset the header looks like, when it is not the one asked for.
    let likely = OrderPreset.allCases.first { other in
      other != preset && [other.columns.id, other.columns.date, other.columns.status].allSatisfy { positions[$0] != nil }
    }
    guard missing.isEmpty else {
      if let likely {
        throw CSVError(
          file: reader.name, line: first.line,
          message: Phrase(.ordersOtherPreset, [
            "columns": missing.map { "'\($0)'" }.joined(separator: ", "), "preset": preset.rawValue, "likely": likely.rawValue,
          ]))
      }
      throw CSVError(
        file: reader.name, line: first.line,
        message: Phrase(.ordersMissingColumns, [
          "columns": missing.map { "'\($0)'" }.joined(separator: ", "), "preset": preset.rawValue, "required": required.joined(separator: ", "),
        ]))
    }
  }

  /// The next order and whether it counts; `.success(nil)` for a row passed over (a Shopify line
  /// item after its order's first); nil at the end of the file.
  public func next() throws -> Result<(order: Order, counted: Bool)?, CSVError>? {
    // Only the columns read are turned into text (a Shopify export has some 70).
    guard try reader.advance() else { return nil }
    let columns = columns
    func text(_ name: String?) throws -> String {
      guard let name, let position = positions[name], position < reader.fieldCount else { return "" }
      return try reader.string(position).trimmingSpaces()
    }
    func problem(_ name: String, _ error: Error) -> CSVError {
      let position = positions[name] ?? 0
      return CSVError(file: reader.name, line: reader.recordLine, column: (position + 1, reader.columnNames[position]), error: error)
    }
    func amount(_ name: String?) throws -> Int64 {
      guard let name else { return 0 }
      let value = try text(name)
      guard !value.isEmpty else { return 0 }
      do {
        let plain = try numbers.read(value).plain
        let minor: Int64
        do {
          minor = try currency.parseAmount(plain).minor
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
    let id = try text(columns.id)
    guard !id.isEmpty, id.count <= 256 else {
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
      let date: CalendarDate
      do {
        date = try dialect.dates.calendarDate(try text(columns.date))
      } catch {
        throw problem(columns.date, error)
      }
      if let latestMonth, date.month > latestMonth {
        throw problem(columns.date, ValueError(value: try text(columns.date), expected: Phrase(.formOrderDate, ["month": "\(latestMonth)"])))
      }
      let net: Int64
      if let column = columns.net {
        net = try amount(column)
      } else {
        // Total − taxes − shipping, refused past the 64-bit range rather than trapping.
        let (lessTaxes, overflow1) = (try amount(columns.total)).subtractingReportingOverflow(try amount(columns.taxes))
        let (value, overflow2) = lessTaxes.subtractingReportingOverflow(try amount(columns.shipping))
        guard !overflow1, !overflow2 else {
          throw problem(columns.total ?? columns.id, ValueError(value: try text(columns.total), expected: Phrase(.formOrderNetInRange, ["code": currency.code])))
        }
        net = value
      }
      let refunded = try amount(columns.refunded)
      guard net >= 0 else {
        let column = columns.net ?? columns.total ?? columns.id
        throw problem(column, ValueError(value: try text(column), expected: columns.net == nil
          ? Phrase(.formOrderTotal, ["net": currency.plain(net)]) : Phrase(.formOrderNet)))
      }
      guard refunded >= 0 else {
        throw problem(columns.refunded, ValueError(value: try text(columns.refunded), expected: Phrase(.formRefunded)))
      }
      let status = try text(columns.status)
      guard status.count <= 64 else { throw problem(columns.status, ValueError(value: String(status.prefix(64)) + "…", expected: Phrase(.formStatus))) }
      let cancelled = try !text(columns.cancelledAt).isEmpty
      let customerText = try text(columns.customer).lowercased()
      let customer = customerText.isEmpty ? nil : Int64(bitPattern: key.hash(utf8: customerText))
      let order = Order(
        source: preset.source, id: id, date: date, customer: customer, net: Money(minor: net), refunded: Money(minor: refunded),
        status: cancelled && status.isEmpty ? "cancelled" : status)
      // WooCommerce writes its statuses with a prefix: wc-cancelled.
      let plainStatus = status.lowercased().hasPrefix("wc-") ? String(status.lowercased().dropFirst(3)) : status.lowercased()
      let counted = !cancelled && !preset.leftOut.contains(plainStatus)
      return .success((order, counted))
    } catch let error as CSVError {
      return .failure(error)
    }
  }
}
