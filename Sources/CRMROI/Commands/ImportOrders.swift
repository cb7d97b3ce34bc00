import ArgumentParser
import Interchange
import ROIEngine
import Reports
import Storage

extension OrderPreset: ExpressibleByArgument {}

extension CRMROI.Import {
  struct Orders: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "orders",
      abstract: "Import a shop's orders; metrics added with --from-orders take their monthly values from them.",
      discussion: """
        Presets: shopify (Name, Created at, Email, Total, Taxes, Shipping, Refunded Amount, Financial Status, \
        Cancelled at), woocommerce, stripe (id, Created (UTC), Amount, Amount Refunded, Currency, Status, Customer Email), \
        generic (order_id, date, customer, net_amount, refunded_amount, status). An order already stored (same \
        source and id) is replaced when it changed, else skipped.
        """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var source: ImportSource
    @OptionGroup var csv: CSVOptions

    @Option(help: "shopify, woocommerce, stripe or generic.")
    var preset: OrderPreset = .generic

    /// The file is read and its customers hashed before the write transaction; the key, made by
    /// the first import, is stored with its orders.
    func run() throws {
      let store = try database.open()
      do {
        try importOnce(store)
      } catch StoreError.customerKeyRaced where source.file != "-" {
        // Another first import stored its key meanwhile: read the file again under that key.
        try importOnce(store)
      }
    }

    private func importOnce(_ store: Store) throws {
      let dialect = try csv.dialect()
      let settings = try store.read { try $0.settings() }
      let key = try store.read { try $0.storedCustomerKey() } ?? CustomerKey()
      let (input, resolved) = try csv.open(source.file, dialect)
      let reader = try OrderCSVReader(reader: input, dialect: resolved, preset: preset, currency: settings.currency, key: key.hasher, latestMonth: currentMonth())
      var problems = ImportProblems(file: reader.file)
      var orders: [(order: Order, counted: Bool)] = []
      var passedOver = 0
      while let row = try reader.next() {
        switch row {
        case .success(let read?): orders.append(read)
        case .success(nil): passedOver += 1
        case .failure(let problem): problems.append(problem)
        }
      }
      try problems.check()
      try source.write(in: store, { store in
        try store.settleCustomerKey(key, file: reader.file)
        return try store.importOrders(orders, file: reader.file)
      }, confirming: { counts, dryRun in
        let leftOut = orders.count { !$0.counted }
        try say(.importedOrders, [
          "action": text(dryRun ? .wouldImport : .imported, ["file": TerminalText.visible(reader.file)]),
          "added": counted(counts.added, .ordersAddedOne, .ordersAddedMany), "replaced": counted(counts.replaced, .replacedOne, .replacedMany),
          "skipped": counted(counts.unchanged, .skippedOne, .skippedMany),
          "leftOut": leftOut > 0 ? text(.ordersLeftOut, ["count": "\(leftOut)"]) : "",
          "passedOver": passedOver > 0 ? text(.lineItemsPassedOver, ["count": "\(passedOver)"]) : "",
          "dialect": resolved.summary(currentLanguage()),
        ])
      })
    }
  }
}
