import Foundation
import Testing

/// Part 8: a shop's orders in, the method's metrics derived from them, figures worked by hand.
@Suite struct OrderImportTests {
  /// Go-live 2025-03; sales (revenue 35%) from net sales, and kpis from the other series.
  func shop() throws -> CLI {
    let cli = try CLI()
    try cli.ok("init", "--go-live", "2025-03", "--baseline-months", "2")
    try cli.ok("metric", "add", "sales", "--kind", "revenue", "--margin", "35%", "--from-orders", "net-sales")
    for series in ["refunds", "orders", "repeat-orders", "new-customers", "average-order-value"] {
      try cli.ok("metric", "add", series, "--kind", "kpi", "--from-orders", series)
    }
    return cli
  }

  /// month → metric → value, from `export metrics`.
  func values(_ cli: CLI) throws -> [String: [String: String]] {
    var table: [String: [String: String]] = [:]
    for line in try cli.ok("export", "metrics").split(separator: "\n").dropFirst() {
      let fields = line.split(separator: ",").map(String.init)
      table[fields[0], default: [:]][fields[1]] = fields[2]
    }
    return table
  }

  static let shopify = """
    Name,Email,Financial Status,Paid at,Created at,Subtotal,Shipping,Taxes,Total,Discount Amount,Refunded Amount,Cancelled at,Lineitem name
    #1001,Ann@Example.com,paid,2025-01-05 10:00:00 +0100,2025-01-05 10:00:00 +0100,100.00,10.00,20.00,130.00,0.00,0.00,,Pan
    #1001,,,,,,,,,,,,Lid
    #1002,bob@example.com,paid,2025-01-20 11:00:00 +0100,2025-01-20 11:00:00 +0100,50.00,5.00,10.00,65.00,0.00,0.00,,Knife
    #1003, ann@example.com ,refunded,2025-02-02 09:00:00 +0100,2025-02-02 09:00:00 +0100,200.00,0.00,40.00,240.00,0.00,240.00,,Pot
    #1004,carl@example.com,voided,,2025-02-10 09:00:00 +0100,80.00,0.00,16.00,96.00,0.00,0.00,,Bowl
    #1005,bob@example.com,paid,2025-03-03 09:00:00 +0100,2025-03-03 09:00:00 +0100,30.00,5.00,6.00,41.00,0.00,0.00,2025-03-04 10:00:00 +0100,Spoon
    #1006,dan@example.com,paid,2025-03-15 09:00:00 +0100,2025-03-15 09:00:00 +0100,120.00,0.00,24.00,144.00,0.00,0.00,,Wok
    #1007,carl@example.com,partially_refunded,2025-03-20 09:00:00 +0100,2025-03-20 09:00:00 +0100,60.00,6.00,12.00,78.00,0.00,20.00,,Grater

    """

  @Test func aShopifyExportWithLineItemsACancelledAndARefundedOrder() throws {
    let cli = try shop()
    let path = try cli.file("orders_export.csv", Self.shopify)
    #expect(try cli.ok("import", "orders", path, "--preset", "shopify") == "Imported \(path): 7 orders added, 0 replaced, 0 skipped (already stored); "
      + "2 cancelled, voided or failed (kept, counted nowhere); 1 line-item rows of orders already read; read as UTF-8, comma-separated, decimal point.\n"
      + "Left out:\n"
      + "  1 orders kept but not counted, status 'cancelled' (cancelled, or a payment that failed, was declined or expired): lines 7\n"
      + "  1 orders kept but not counted, status 'voided' (cancelled, or a payment that failed, was declined or expired): lines 6\n")
    let months = try values(cli)
    // January: #1001 130 − 20 − 10 = 100 (its second row is a line item), #1002 65 − 10 − 5 = 50.
    #expect(months["2025-01"] == ["sales": "150", "refunds": "0", "orders": "2", "repeat-orders": "0", "new-customers": "2", "average-order-value": "75"])
    // February: #1003 240 − 40 = 200, refunded 240 (Ann again, spaces and case aside: a repeat);
    // #1004 voided: left out everywhere.
    #expect(months["2025-02"] == ["sales": "200", "refunds": "240", "orders": "1", "repeat-orders": "1", "new-customers": "0", "average-order-value": "200"])
    // March: #1005 cancelled (Cancelled at); #1006 Dan 120 (new); #1007 Carl 78 − 12 − 6 = 60, refunded 20:
    // Carl's voided #1004 was no earlier order, so he is new. AOV (120 + 60) / 2 = 90.
    #expect(months["2025-03"] == ["sales": "180", "refunds": "20", "orders": "2", "repeat-orders": "0", "new-customers": "2", "average-order-value": "90"])
    #expect(try cli.ok("import", "orders", path, "--preset", "shopify").contains("0 orders added, 0 replaced, 7 skipped"))
    // No e-mail address is stored.
    #expect(!(try cli.contents()).lowercased().contains("example.com"))
    // The ROI reads the derived sales: baseline (150 + 200) / 2 = 175, March 180: 5 × 35% = 1.75.
    let json = try cli.json("roi", "--format", "json")
    let quarter = try #require((json["quarters"] as? [[String: Any]])?.first { $0["quarter"] as? String == "2025Q1" })
    #expect((quarter["benefit"] as? NSNumber)?.doubleValue == 1.75)
  }

  @Test func aLaterOverlappingExportReplacesWhatChangedAndAddsTheRest() throws {
    let cli = try shop()
    try cli.ok("import", "orders", try cli.file("a.csv", "order_id,date,customer,net_amount,refunded_amount,status\nA1,2025-01-03,c1,100.00,0,paid\nA2,2025-01-09,c2,40.00,0,paid\n"))
    let later = try cli.file("b.csv", "order_id,date,customer,net_amount,refunded_amount,status\nA1,2025-01-03,c1,100.00,25.00,refunded\nA2,2025-01-09,c2,40.00,0,paid\nA3,2025-02-01,c2,60.00,0,paid\n")
    #expect(try cli.ok("import", "orders", later).contains("1 order added, 1 replaced, 1 skipped"))
    let months = try values(cli)
    #expect(months["2025-01"]?["refunds"] == "25")
    #expect(months["2025-02"] == ["sales": "60", "refunds": "0", "orders": "1", "repeat-orders": "1", "new-customers": "0", "average-order-value": "60"])
  }

  @Test func aStripeExport() throws {
    let cli = try shop()
    let path = try cli.file("payments.csv", """
      id,Description,Created (UTC),Amount,Amount Refunded,Currency,Converted Amount,Fee,Status,Customer Email
      ch_1,Order 1,2025-01-04 12:00:00,49.90,0.00,eur,49.90,1.70,Paid,zoe@example.com
      ch_2,Order 2,2025-01-30 12:00:00,19.90,19.90,eur,19.90,0.90,Refunded,yan@example.com
      ch_3,Order 3,2025-02-11 12:00:00,99.00,0.00,eur,99.00,3.10,Failed,zoe@example.com
      ch_4,Order 4,2025-02-12 12:00:00,99.00,0.00,eur,99.00,3.10,Paid,zoe@example.com

      """)
    #expect(try cli.ok("import", "orders", path, "--preset", "stripe").contains("4 orders added, 0 replaced, 0 skipped (already stored); 1 cancelled, voided or failed"))
    let months = try values(cli)
    // January: 49.90 + 19.90 = 69.80, refunded 19.90; AOV 34.90. February: ch_3 failed; ch_4 is Zoe's second.
    #expect(months["2025-01"] == ["sales": "69.8", "refunds": "19.9", "orders": "2", "repeat-orders": "0", "new-customers": "2", "average-order-value": "34.9"])
    #expect(months["2025-02"] == ["sales": "99", "refunds": "0", "orders": "1", "repeat-orders": "1", "new-customers": "0", "average-order-value": "99"])
    let usd = try cli.file("usd.csv", "id,Created (UTC),Amount,Amount Refunded,Currency,Status,Customer Email\nch_9,2025-01-04 12:00:00,1.00,0,usd,Paid,x@y.z\n")
    let refused = try cli.run(["import", "orders", usd, "--preset", "stripe"])
    #expect(refused.status == 65 && refused.stderr.contains("usd.csv:2:5 (Currency): 'usd' is not valid; expected EUR, the database's currency"))
  }

  @Test func theMonthStillRunningFeedsNoValueUntilItEnds() throws {
    let cli = try shop()
    var now = time(nil)
    var parts = tm()
    localtime_r(&now, &parts)
    let today = String(format: "%04d-%02d-01", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1)
    try cli.ok("import", "orders", try cli.file("o.csv", "order_id,date,customer,net_amount,refunded_amount,status\nX1,\(today),c,10,0,paid\n"))
    #expect(try cli.ok("export", "metrics") == "month,metric,value\n")
  }

  @Test func badOrderFilesNameTheirPlaceAndWriteNothing() throws {
    let cli = try shop()
    let before = try cli.contents()
    for (text, message) in [
      ("order_id,date,net_amount\nA,2025-01-01,1\n", "no column 'refunded_amount', 'status', 'customer'"),
      ("order_id,date,customer,net_amount,refunded_amount,status\nA,2025-13-01,c,1,0,paid\n", "o.csv:2:2 (date): '2025-13-01' is not valid"),
      ("order_id,date,customer,net_amount,refunded_amount,status\nA,2025-01-01,c,1.005,0,paid\n", "o.csv:2:4 (net_amount): '1.005' is not valid"),
      ("order_id,date,customer,net_amount,refunded_amount,status\nA,2025-01-01,c,1,-2,paid\n", "o.csv:2:5 (refunded_amount): '-2' is not valid; expected a refunded amount of 0 or more"),
    ] {
      let result = try cli.run(["import", "orders", try cli.file("o.csv", text)])
      #expect(result.status == 65, "\(text)")
      #expect(result.stderr.contains(message), "\(result.stderr)")
    }
    #expect(try cli.contents() == before)
  }

  /// A row without an order id is no reason to refuse the file: skipped, and named.
  @Test func aRowWithoutAnIDIsSkippedAndNamed() throws {
    let cli = try shop()
    let path = try cli.file("o.csv", "order_id,date,customer,net_amount,refunded_amount,status\n,2025-01-01,c,1,0,paid\nA2,2025-01-02,d,10,0,paid\n")
    let output = try cli.ok("import", "orders", path)
    #expect(output.contains(": 1 order added, 0 replaced, 0 skipped"), "\(output)")
    #expect(output.contains("\n  1 rows without an order id, which no order can be made of: lines 2\n"))
    #expect(try values(cli)["2025-01"]?["orders"] == "1")
  }

  @Test func aLoggedValueForAMetricFedByOrdersIsRefused() throws {
    let cli = try shop()
    let result = try cli.run(["log", "2025-01", "sales=5"])
    #expect(result.status == 65 && result.stderr.contains("it takes its values from the stored orders (net-sales)"))
    try cli.ok("metric", "set", "sales", "--from-orders", "none")
    try cli.ok("log", "2025-01", "sales=5")
    let kind = try cli.run(["metric", "add", "n", "--kind", "revenue", "--margin", "10%", "--from-orders", "orders"])
    #expect(kind.status == 65 && kind.stderr.contains("a money series (net-sales, refunds, average-order-value) for a revenue metric"))
  }
}

/// What a new user's trial of the orders import found.
@Suite struct OrderImportTrialTests {
  @Test func aNegativeNetAnotherCurrencyAndAnotherPresetAreRefused() throws {
    let cli = try CLI()
    try cli.ok("init", "--go-live", "2025-03")
    let header = "Name,Email,Financial Status,Created at,Total,Taxes,Shipping,Refunded Amount,Cancelled at,Currency\n"
    // 10 − 20 − 6 = −16.
    let negative = try cli.run(["import", "orders", try cli.file("n.csv", header + "#1,a@b.c,paid,2025-01-05,10.00,20.00,6.00,0,,EUR\n"), "--preset", "shopify"])
    #expect(negative.status == 65 && negative.stderr.contains("n.csv:2:5 (Total): '10.00' is not valid; expected a total of at least its taxes and shipping (the net amount, total − taxes − shipping, is -16.00)"))
    let usd = try cli.run(["import", "orders", try cli.file("u.csv", header + "#1,a@b.c,paid,2025-01-05,10.00,2.00,0,0,,USD\n"), "--preset", "shopify"])
    #expect(usd.status == 65 && usd.stderr.contains("u.csv:2:10 (Currency): 'USD' is not valid; expected EUR, the database's currency"))
    let generic = try cli.run(["import", "orders", try cli.file("s.csv", header), "--preset", "generic"])
    #expect(generic.status == 65 && generic.stderr.contains("expected --preset shopify, as the header is a shopify export"))
    // Without --preset, the header's preset is used, and said.
    let unnamed = try cli.run(["import", "orders", try cli.file("s2.csv", header + "#2,a@b.c,paid,2025-01-05,10.00,2.00,0,0,,EUR\n")])
    #expect(unnamed.status == 0 && unnamed.stdout.contains("Read as a shopify export, recognised from its header."), "\(unnamed.stderr)")
  }

  @Test func frenchFrequenciesAndDatesThatDoNotExist() throws {
    let cli = try CLI()
    try cli.ok("init", "--go-live", "2025-03")
    let path = try cli.file("e.csv", "date;catégorie;montant;fréquence\n01/03/2025;abonnement;350;mensuel\n01/04/2025;licence;1 200;annuel\n")
    #expect(try cli.ok("import", "expenses", path).contains("2 added"))
    #expect(try cli.ok("export", "expenses").contains("2025-03-01,service,350.00,,,,month,"))
    let bad = try cli.run(["import", "expenses", try cli.file("b.csv", "date;catégorie;montant\n31/02/2025;licence;1\n")])
    #expect(bad.stderr.contains("b.csv:2:1 (date): '31/02/2025' is not valid; expected a date that exists (2025-02-31 does not)"))
  }
}

/// What an attack on part 8 found.
@Suite struct PartEightAttackTests {
  let header = "order_id,date,customer,net_amount,refunded_amount,status\n"

  func shop() throws -> CLI {
    let cli = try CLI()
    try cli.ok("init", "--go-live", "2025-04")
    try cli.ok("metric", "add", "ns", "--kind", "revenue", "--margin", "10%", "--from-orders", "net-sales")
    return cli
  }

  @Test func ordersThatNoReportCouldHoldAreRefusedAtImport() throws {
    let cli = try shop()
    let before = try cli.contents()
    let huge = try cli.run(["import", "orders", try cli.file("h.csv", header + "A,2025-01-03,a@x,100000000.01,0,paid\n")])
    #expect(huge.status == 65 && huge.stderr.contains("h.csv:2:4 (net_amount): '100000000.01' is not valid; expected an order amount of at most 100,000,000.00 EUR"))
    let refund = try cli.run(["import", "orders", try cli.file("r.csv", header + "A,2025-01-03,a@x,1,-92233720368547758.07,paid\n")])
    #expect(refund.status == 65 && refund.stderr.contains("r.csv:2:5 (refunded_amount)"))
    #expect(try cli.contents() == before)
  }

  @Test func futureOrdersDuplicateIdsAndLongIdsAreRefused() throws {
    let cli = try shop()
    let future = try cli.run(["import", "orders", try cli.file("f.csv", header + "A,2062-12-25,a@x,10,0,paid\n")])
    #expect(future.status == 65 && future.stderr.contains("(an order cannot come from the future)"))
    let twice = try cli.run(["import", "orders", try cli.file("t.csv", header + "A,2025-01-03,a@x,10,0,paid\nA,2025-01-04,a@x,12,0,paid\n")])
    #expect(twice.status == 65 && twice.stderr.contains("t.csv:3:1 (order_id): 'A' is not valid; expected each order once (it is also on line 2)"))
    let long = try cli.run(["import", "orders", try cli.file("l.csv", header + String(repeating: "x", count: 300) + ",2025-01-03,a@x,10,0,paid\n")])
    #expect(long.status == 65 && long.stderr.contains("expected the order's id or number, at most 256 characters"))
    #expect(!long.stderr.contains("SQLite"))
  }

  /// A pattern a backtracking matcher takes minutes over runs at once; one it cannot match is refused.
  @Test func aRulesPatternRunsInLinearTimeOrIsRefused() throws {
    let cli = try shop()
    let rules = try cli.file("r.rules", "if \"note\" ~ /^(a+)+$/ skip\n")
    let note = String(repeating: "a", count: 30_000) + "!"
    #expect(try cli.ok("import", "expenses", try cli.file("e.csv", "date,category,amount,note\n2025-01-01,other,1,\(note)\n"), "--rules", rules)
      .contains("1 added"))
    let lookahead = try cli.file("l.rules", "if \"note\" ~ /(?=a)/ skip\n")
    let result = try cli.run(["import", "expenses", try cli.file("e1.csv", "date,category,amount,note\n2025-01-01,other,1,aaaa\n"), "--rules", lookahead])
    #expect(result.status == 65 && result.stderr.contains("l.rules:1: '/(?=a)/' is refused: a lookaround or a named group, (?…) is not supported"), "\(result.stderr)")
    let twice = try cli.file("d.rules", "column \"a\" amount\ncolumn \"b\" amount\n")
    let duplicate = try cli.run(["import", "expenses", try cli.file("e2.csv", "date,category,a,b\n2025-01-01,other,1,2\n"), "--rules", twice])
    #expect(duplicate.stderr.contains("d.rules:2: 'amount' is already the field of the column on line 1"))
  }

  @Test func aDamagedUTF8FileIsNotReadAsWindows1252() throws {
    let cli = try shop()
    let path = cli.directory.appendingPathComponent("d.csv").path
    // "Café" in UTF-8 on line 2, a stray 0xFF on line 3.
    try Data(Array("date,category,amount,note\n2025-01-01,other,1,Café\n2025-01-02,other,1,x".utf8) + [0xFF] + Array("\n".utf8))
      .write(to: URL(fileURLWithPath: path))
    let result = try cli.run(["import", "expenses", path])
    #expect(result.status == 65 && result.stderr.contains("d.csv:3:4 (note): not valid UTF-8; expected a UTF-8 encoded file (or --encoding windows-1252)"))
  }

  @Test func aLeadingZeroIsNoThousandsGroup() throws {
    let cli = try shop()
    try cli.ok("metric", "add", "k", "--kind", "kpi")
    let result = try cli.run(["import", "metrics", try cli.file("k.csv", "mois;k\n01/2025;0.125\n")])
    #expect(result.status == 65 && result.stderr.contains("'0.125' is not valid"))
  }
}

@Suite struct PartEightSpreadsheetAttackTests {
  @Test func aValueUnderANamelessColumnIsRefusedAndCommaFilesSayTheirForm() throws {
    let cli = try CLI()
    try cli.ok("init", "--go-live", "2025-04")
    let nameless = try cli.run(["import", "expenses", try cli.file("n.csv", "date;category;amount;\n01/03/2025;other;10;junk\n")])
    #expect(nameless.status == 65 && nameless.stderr.contains("n.csv:2:4 (no name): 'junk' is in a column with no header"))
    let plain = try cli.run(["import", "expenses", try cli.file("p.csv", "date,category,amount,\n2025-03-01,other,10,junk\n")])
    #expect(plain.status == 65 && plain.stderr.contains("'junk' is in a column with no header"))
    let decimals = try cli.run(["import", "expenses", try cli.file("d.csv", "date;category;amount\n01/03/2025;other;10,005\n")])
    #expect(decimals.stderr.contains("'10,005' is not valid; expected a number like 1234,56, 1 234,56 or 1.234,56"))
    let blank = try cli.file("b.csv", "\n\ndate;category;amount\n01/03/2025;other;10\n")
    #expect(try cli.ok("import", "expenses", blank).contains("semicolon-separated"))
  }
}
