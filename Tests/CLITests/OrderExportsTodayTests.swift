import Foundation
import Testing

/// Part 13, points 3, 5 and 9: Stripe's export as it is today, customers known by phone or id,
/// and Shopify's net sales from its subtotal. Files written here in the shape of real exports.
@Suite struct OrderExportsTodayTests {
  let base = OrderImportTests()

  /// Stripe's payments export today: `Created date (UTC)`, statuses Paid, Failed, Refunded, a
  /// customer by e-mail or only by id, and a row without an id.
  @Test func stripesCurrentLayout() throws {
    let cli = try base.shop()
    let path = try cli.file("unified_payments.csv", """
      id,Created date (UTC),Amount,Amount Refunded,Currency,Captured,Fee,Status,Description,Customer Email,Customer ID
      ch_1,2025-01-04 12:00:00,49.90,0.00,eur,true,1.70,Paid,Order 1,zoe@example.com,cus_Z
      ch_2,2025-01-30 12:00:00,19.90,19.90,eur,true,0.90,Refunded,Order 2,,cus_Y
      ch_3,2025-01-31 12:00:00,99.00,0.00,eur,false,0.00,Failed,Order 3,zoe@example.com,cus_Z
      ,2025-02-01 12:00:00,5.00,0.00,eur,false,0.00,Failed,Order 4,,
      ch_5,2025-02-12 12:00:00,99.00,0.00,eur,true,3.10,Paid,Order 5,,cus_Y
      ch_6,2025-02-13 12:00:00,10.00,0.00,eur,false,0.00,Declined,Order 6,ann@example.com,
      ch_7,2025-02-14 12:00:00,12.00,0.00,eur,true,0.50,Paid,Order 7,,

      """)
    let output = try cli.ok("import", "orders", path, "--preset", "stripe")
    #expect(output.contains(": 6 orders added, 0 replaced, 0 skipped (already stored); 2 cancelled, voided or failed"), "\(output)")
    #expect(output.contains("  1 orders kept but not counted, status 'declined' (cancelled, or a payment that failed, was declined or expired): lines 7\n"))
    #expect(output.contains("  1 orders kept but not counted, status 'failed' (cancelled, or a payment that failed, was declined or expired): lines 4\n"))
    #expect(output.contains("  1 rows without an order id, which no order can be made of: lines 5\n"))
    #expect(output.contains("  1 orders without an e-mail, phone or customer id: counted in sales and orders, left out of new-customers and repeat-orders: lines 8\n"))
    let months = try base.values(cli)
    // January: ch_1 49.90 (Zoe) + ch_2 19.90 (cus_Y, refunded 19.90) = 69.80, two new customers;
    // ch_3 failed: neither a sale nor Zoe's earlier order.
    #expect(months["2025-01"] == ["sales": "69.8", "refunds": "19.9", "orders": "2", "repeat-orders": "0", "new-customers": "2", "average-order-value": "34.9"])
    // February: ch_5 99.00 (cus_Y again: a repeat, known by id) + ch_7 12.00 (no customer) = 111.00;
    // ch_6 declined; the row without an id is no order. AOV 111 / 2 = 55.50.
    #expect(months["2025-02"] == ["sales": "111", "refunds": "0", "orders": "2", "repeat-orders": "1", "new-customers": "0", "average-order-value": "55.5"])
  }

  /// Re-importing an older export after a newer one keeps what the newer one wrote (a refund).
  @Test func anOlderFileNeverUndoesANewerOne() throws {
    let cli = try base.shop()
    let header = "order_id,date,customer,net_amount,refunded_amount,status\n"
    let january = try cli.file("jan.csv", header + "A1,2025-01-03,c1,100.00,0,paid\nA2,2025-01-09,c2,40.00,0,paid\n")
    let february = try cli.file("feb.csv", header + "A1,2025-01-03,c1,100.00,25.00,refunded\nA2,2025-01-09,c2,40.00,0,paid\nA3,2025-02-01,c2,60.00,0,paid\n")
    try cli.ok("import", "orders", january)
    #expect(try cli.ok("import", "orders", february).contains("1 order added, 1 replaced, 1 skipped"))
    // The January file again: its A1 has no refund; the February file, newer, wrote one.
    let again = try cli.ok("import", "orders", january)
    #expect(again.contains("0 orders added, 0 replaced, 1 skipped"), "\(again)")
    #expect(again.contains("\n1 order kept: this file is older than the one that wrote it\n"))
    #expect(try base.values(cli)["2025-01"]?["refunds"] == "25")
    // A newer file still replaces: the refund undone in March's export.
    let march = try cli.file("mar.csv", header + "A1,2025-01-03,c1,100.00,0,paid\nA4,2025-03-01,c1,10.00,0,paid\n")
    #expect(try cli.ok("import", "orders", march).contains("1 order added, 1 replaced, 0 skipped"))
    #expect(try base.values(cli)["2025-01"]?["refunds"] == "0")
  }

  /// A failed payment never counts, in the generic preset too.
  @Test func aFailedPaymentNeverCountsInTheGenericPreset() throws {
    let cli = try base.shop()
    let path = try cli.file("o.csv", "order_id,date,customer,net_amount,refunded_amount,status\nA1,2025-01-03,c1,100.00,0,paid\nA2,2025-01-04,c2,552.00,0,failed\nA3,2025-01-05,c3,7.00,0,Expired\n")
    #expect(try cli.ok("import", "orders", path).contains("3 orders added, 0 replaced, 0 skipped (already stored); 2 cancelled, voided or failed"))
    #expect(try base.values(cli)["2025-01"]?["sales"] == "100")
  }

  /// Cash-on-delivery orders without an e-mail, each with a phone: customers by phone number.
  @Test func customersWithoutAnEmailAreKnownByTheirPhone() throws {
    let cli = try base.shop()
    let path = try cli.file("orders_export.csv", """
      Name,Email,Financial Status,Created at,Subtotal,Shipping,Taxes,Total,Refunded Amount,Cancelled at,Phone,Billing Phone
      #1,,pending,2025-01-05 10:00:00 +0100,100.00,0.00,0.00,100.00,0.00,,+33 6 12 34 56 78,
      #2,,pending,2025-01-20 10:00:00 +0100,50.00,0.00,0.00,50.00,0.00,,,0033612345678
      #3,,pending,2025-01-21 10:00:00 +0100,30.00,0.00,0.00,30.00,0.00,,,+216 22 333 444

      """)
    let output = try cli.ok("import", "orders", path, "--preset", "shopify")
    #expect(!output.contains("without an e-mail"), "\(output)")
    // #1 and #2 are the same number (+33… and 0033…): one new customer and one repeat; #3 another.
    let january = try base.values(cli)["2025-01"]
    #expect(january?["new-customers"] == "2" && january?["repeat-orders"] == "1" && january?["orders"] == "3")
  }

  /// Shopify's net sales: the subtotal, less the products' taxes when prices include tax
  /// (Total = Subtotal + Shipping); tips and duties are not sales.
  @Test func shopifyNetSalesFromTheSubtotal() throws {
    let cli = try base.shop()
    let path = try cli.file("orders_export.csv", """
      Name,Email,Financial Status,Created at,Subtotal,Shipping,Taxes,Total,Refunded Amount,Cancelled at,Currency
      #1,a@example.com,paid,2025-01-05 10:00:00 +0100,120.00,6.00,21.00,126.00,0.00,,EUR
      #2,b@example.com,paid,2025-01-06 10:00:00 +0100,100.00,10.00,22.00,140.00,0.00,,EUR

      """)
    try cli.ok("import", "orders", path, "--preset", "shopify")
    // #1 includes tax (126 = 120 + 6): 120 − 21 = 99 (21 holds shipping's VAT too, 1.00: the export
    // cannot tell it apart). #2 adds tax (140 ≠ 110) and 8.00 of tip or duties: its subtotal, 100.
    // Total − Taxes − Shipping would give 126 − 21 − 6 = 99 and 140 − 22 − 10 = 108.
    #expect(try base.values(cli)["2025-01"]?["sales"] == "199")
  }
}

/// Part 13, point 4: PrestaShop's Orders list export and WooCommerce's Analytics download, and the
/// preset recognised from the header.
@Suite struct MoreShopsTests {
  let base = OrderImportTests()

  /// PrestaShop 8's back office in French: `;`, decimal commas, totals with VAT and shipping.
  @Test func aPrestaShopOrdersListInFrench() throws {
    let cli = try base.shop()
    let path = try cli.file("order_2025-03-31.csv", """
      ID;Référence;Nouveau client;Livraison;Client;Total;Paiement;État;Date
      12;XKBKNABJK;1;France;J. DUPONT;120,00;Chèque;Livré;2025-01-10 10:12:00
      13;OHSATSERP;0;France;J. DUPONT;60,50;Carte;Paiement accepté;2025-01-20 09:00:00
      14;FFATNOMMJ;1;Belgique;M. MARTIN;35,00;Carte;Annulé;2025-01-22 11:00:00
      15;UOYEVOLI;1;France;A. DURAND;80,00;Carte;Remboursé;2025-02-03 16:30:00
      16;KHWLILZLL;1;France;P. PETIT;40,00;Carte;Erreur de paiement;2025-02-04 08:00:00

      """)
    let output = try cli.ok("import", "orders", path)
    #expect(output.contains("Read as a prestashop export, recognised from its header"), "\(output)")
    #expect(output.contains(": 5 orders added, 0 replaced, 0 skipped (already stored); 2 cancelled, voided or failed"))
    let months = try base.values(cli)
    // January: 120.00 + 60.50 (Dupont again: a repeat); Martin's order was cancelled.
    #expect(months["2025-01"] == ["sales": "180.5", "refunds": "0", "orders": "2", "repeat-orders": "1", "new-customers": "1", "average-order-value": "90.25"])
    // February: Durand's 80.00 refunded whole; Petit's payment failed.
    #expect(months["2025-02"]?["sales"] == "80" && months["2025-02"]?["refunds"] == "80")
  }

  /// A file with every generic column is read as generic, however many other columns it has.
  @Test func everyGenericColumnMeansGeneric() throws {
    let cli = try base.shop()
    let path = try cli.file("gen.csv", "order_id,id,date,customer,net_amount,refunded_amount,status,total\nA1,1,2025-01-03,c1,4.00,0,paid,5\n")
    try cli.ok("import", "orders", path, "--preset", "generic")
    let again = try cli.ok("import", "orders", path)
    #expect(again.contains(": 0 orders added, 0 replaced, 1 skipped") && !again.contains("Read as"), "\(again)")
    #expect(try base.values(cli)["2025-01"]?["sales"] == "4")
  }

  /// WooCommerce's own Analytics → Orders download: its Net Sales, customers by name.
  @Test func wooCommerceAnalyticsOrders() throws {
    let cli = try base.shop()
    let path = try cli.file("wc-orders-report-export.csv", """
      "Date","Order #","Status","Customer","Customer type","Product(s)","Items sold","Coupon(s)","Net Sales","Attribution"
      "2025-01-04","1041","Completed","Zoé Martin","new","Mug","1","","18.00","Direct"
      "2025-01-09","1042","Processing","Ben Lee","new","Tea","2","","24.50","Direct"
      "2025-01-15","1043","Completed","zoe martin","returning","Mug","1","","18.00","Direct"
      "2025-01-16","1044","Failed","Ann Roe","new","Mug","1","","18.00","Direct"

      """)
    let output = try cli.ok("import", "orders", path)
    #expect(output.contains("Read as a woocommerce export, recognised from its header"), "\(output)")
    // 18.00 + 24.50 + 18.00 = 60.50; Zoé and zoe are one customer (case and accents aside).
    #expect(try base.values(cli)["2025-01"] == ["sales": "60.5", "refunds": "0", "orders": "3", "repeat-orders": "1", "new-customers": "2", "average-order-value": "20.17"])
  }
}
