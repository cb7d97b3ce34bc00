import ArgumentParser
import Interchange
import Operations
import Reports
import ROIEngine
import Storage

extension OrderPreset: ExpressibleByArgument {}

extension CRMROI.Import {
  struct Orders: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "orders",
      abstract: "Import a shop's orders; metrics added with --from-orders take their monthly values from them.",
      discussion: """
        Presets: shopify (Name, Created at, Email, Subtotal, Total, Taxes, Shipping, Refunded Amount, Financial Status, \
        Cancelled at), woocommerce (an export plugin's, or Analytics → Orders), stripe (id, Created date (UTC), Amount, \
        Amount Refunded, Currency, Status, Customer Email), prestashop (the Orders list export), generic (order_id, date, \
        customer, net_amount, refunded_amount, status). Without --preset, the one whose columns the header has, and the \
        summary says which. An order already stored (same source and id) is replaced when it changed, else skipped.
        """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var source: ImportSource
    @OptionGroup var csv: CSVOptions

    @Option(help: "shopify, woocommerce, stripe, prestashop or generic; without it, the preset whose columns the header has.")
    var preset: OrderPreset?

    func run() throws {
      try source.run(.orders, csv: csv, database: database) { $0.preset = preset }
    }
  }
}
