import ArgumentParser
import Interchange
import ROIEngine

/// How the CSV file to import is written, where detection is not enough.
struct CSVOptions: ParsableArguments {
  @Option(help: "The field separator: ',', ';' or tab (default: the one the header line holds most).")
  var delimiter: String?

  @Flag(help: "Numbers use a decimal comma (the default with ';' or tab).")
  var decimalComma = false

  @Flag(help: "Numbers use a decimal point (the default with ',').")
  var decimalPoint = false

  @Option(help: "dmy (01/02/2026 is 1 February, the default) or mdy (month first).")
  var dateFormat = "dmy"

  @Option(help: "utf-8, utf-16, windows-1252 or latin9 (default: detected; Windows-1252 when not UTF-8).")
  var encoding: String?

  @Option(help: "A column to leave out (repeatable).")
  var ignoreColumn: [String] = []

  @Option(help: "A rules file for an export whose columns are named otherwise (see docs/import-export.md).")
  var rules: String?

  func dialect() throws -> CSVDialect {
    var dialect = CSVDialect(ignoredColumns: ignoreColumn)
    if let delimiter {
      dialect.delimiter = try parsed(from: "--delimiter") {
        guard let byte = CSVDialect.delimiter(option: delimiter) else { throw ValueError(value: delimiter, expected: Phrase(.formDelimiter)) }
        return byte
      }
    }
    if decimalComma && decimalPoint {
      throw InputError(source: "--decimal-comma", error: ValueError(value: "--decimal-point", expected: Phrase(.formOneDecimalMark)))
    }
    dialect.decimalComma = decimalComma ? true : decimalPoint ? false : nil
    dialect.dateOrder = try parsed(from: "--date-format") {
      guard let order = DateOrder(rawValue: dateFormat.lowercased()) else { throw ValueError(value: dateFormat, expected: Phrase(.formDateOrder)) }
      return order
    }
    if let encoding {
      dialect.encoding = try parsed(from: "--encoding") {
        guard let value = TextEncoding(option: encoding) else { throw ValueError(value: encoding, expected: TextEncoding.expectedForm) }
        return value
      }
    }
    return dialect
  }
}

extension CSVLocale: ExpressibleByArgument {}

/// The CSV output's locale: `fr` for French Excel (`;`, decimal commas, BOM, CRLF).
struct CSVLocaleOption: ParsableArguments {
  @Option(help: "CSV for: en (',' and '.', the default) or fr (';', decimal commas, BOM, CRLF: French Excel opens it in columns).")
  var locale: CSVLocale = .en
}
