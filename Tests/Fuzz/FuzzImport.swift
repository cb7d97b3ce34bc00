import Interchange
import ROIEngine

#if canImport(Glibc)
  import Glibc
#endif

/// Feeds one input through everything that reads user text: the CSV reader, both import formats
/// and every value parser. Any crash, hang or sanitizer report is a bug; thrown errors are fine.
func exercise(_ bytes: [UInt8]) {
  let euro = Currency.euro
  let metrics = [
    Metric(name: "sales", kind: .revenue(margin: Percent(tenThousandths: 350_000))),
    Metric(name: "returns-cost", kind: .cost),
    Metric(name: "tickets", kind: .count(unitValue: Money(minor: -1_250))),
    Metric(name: "order-size", kind: .kpi),
  ]
  if let reader = try? ExpenseCSVReader(reader: CSVReader(bytes: bytes, name: "fuzz"), currency: euro) {
    while let row = try? reader.next() { _ = row }
  }
  if let reader = try? MetricCSVReader(
    reader: CSVReader(bytes: bytes, name: "fuzz"), metrics: metrics, currency: euro, latestMonth: Month(year: 2026, month: 11))
  {
    while let row = try? reader.next() { _ = row }
  }
  let text = String(decoding: bytes, as: UTF8.self)
  for currency in [euro, try! Currency(code: "JPY"), try! Currency(code: "KWD")] {
    if let money = try? currency.parseAmount(text) {
      precondition((try? currency.parseAmount(currency.plain(money.minor))) == money, "amount round trip: \(text)")
    }
  }
  if let month = try? Month(parsing: text) { precondition(month.description == text, "month round trip: \(text)") }
  if let date = try? CalendarDate(parsing: text) { precondition(date.description == text, "date round trip: \(text)") }
  _ = try? Percent(parsing: text)
  _ = try? Target(parsing: text)
  _ = try? Labor.parseHours(text)
  for start in [1, 4, 7] { _ = try? Quarter(parsing: text, fiscalYearStart: start) }
  _ = try? ExpenseCategory(parsing: text)
  _ = try? Metric.validateName(text)
}

#if FUZZING
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    exercise(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
  }

  /// libFuzzer's own driver, for whichever `main` the link keeps.
  @_silgen_name("LLVMFuzzerRunDriver")
  func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
  ) -> CInt

  @main
  struct Fuzz {
    static func main() {
      var argc = CommandLine.argc
      var argv = CommandLine.unsafeArgv
      exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOne))
    }
  }
#else
  /// Replays inputs (a crash file, a corpus) without the fuzzer: `swift run FuzzImport FILE...`.
  @main
  struct Replay {
    static func main() {
      for path in CommandLine.arguments.dropFirst() {
        guard let file = fopen(path, "rb") else { continue }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
          let count = fread(&buffer, 1, buffer.count, file)
          if count <= 0 { break }
          bytes += buffer[0..<count]
        }
        fclose(file)
        exercise(bytes)
        print("\(path): ok")
      }
    }
  }
#endif
