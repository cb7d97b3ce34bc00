import Interchange
import Reports
import ROIEngine

/// One row of an import, and what the import does with it: for a preview that lists them.
public struct ImportItem: Sendable, Equatable {
  public enum Status: String, Sendable {
    case added, replaced, skipped
  }

  public let status: Status
  /// The row's fields as the file gives them: date, category, amount, note for an expense; month,
  /// metric, value and the value stored before for a metric value.
  public let fields: [String]
}

/// What an import added, replaced and skipped, as its one-line summary says it.
public struct ImportOutcome: Sendable {
  public let kind: ImportKind
  public let name: String
  public var added = 0
  public var replaced = 0
  public var skipped = 0
  /// Orders: refunded or cancelled orders kept but not counted, and line items passed over.
  public var leftOut = 0
  public var passedOver = 0
  /// FEC: picked lines left out as credits, and the metric values it logs.
  public var creditLines = 0
  public var valuesAdded = 0
  public var valuesReplaced = 0
  /// How a CSV was read, or a FEC's encoding.
  public var dialect: CSVDialect.Resolved?
  public var encodingName = ""
  /// The first `ImportRequest.itemLimit` rows with what the import does with each (expenses and
  /// metric values; empty for orders and the FEC, which say only their counts).
  public var items: [ImportItem] = []
  /// FEC: what the rules took, for the lines under the summary.
  public var fec: FECPickSummary?
  /// Orders: those an older file would have changed, kept as a newer file wrote them.
  public var kept = 0
  /// Orders: the preset recognised from the header, when none was named.
  public var detectedPreset: String?
  /// What was read and not taken, by reason (the last lines under the summary).
  public var leftOutGroups: [ImportLeftOut] = []

  init(kind: ImportKind, name: String) {
    self.kind = kind
    self.name = name
  }

  /// The counts alone: a confirmed import must find the same ones as its preview.
  public var counts: [Int] {
    [added, replaced, skipped, leftOut, passedOver, creditLines, valuesAdded, valuesReplaced, fec?.openingLines ?? 0, kept]
  }

  /// The lines under the summary: a FEC's fiscal year and rules (and with `dryRun` every line
  /// taken), then what was left out and why, with the first lines of each reason.
  public func details(_ language: Language, dryRun: Bool) -> [String] {
    var lines = fec?.lines(language, listing: dryRun) ?? []
    if let detectedPreset { lines.append(Catalogue.text(.ordersPresetDetected, language, ["preset": detectedPreset])) }
    if kept > 0 { lines.append(Catalogue.text(kept == 1 ? .ordersKeptOne : .ordersKeptOlder, language, ["count": "\(kept)"])) }
    if !leftOutGroups.isEmpty {
      lines.append(Catalogue.text(.importLeftOutHeading, language))
      lines += leftOutGroups.map { "  " + $0.text(language) }
    }
    return lines
  }

  /// The summary line, as the command line prints it; `dryRun` says "would import".
  public func summary(_ language: Language, dryRun: Bool) -> String {
    let say = PeopleFormat(language)
    let action = Catalogue.text(dryRun ? .wouldImport : .imported, language, ["file": TerminalText.visible(name)])
    let dialect = self.dialect?.summary(language) ?? ""
    switch kind {
    case .expenses:
      return Catalogue.text(.importedExpenses, language, [
        "action": action, "added": say.counted(added, .addedOne, .addedMany), "skipped": say.counted(skipped, .skippedOne, .skippedMany),
        "dialect": dialect,
      ])
    case .metrics:
      return Catalogue.text(.importedMetrics, language, [
        "action": action, "added": say.counted(added, .addedOne, .addedMany), "replaced": say.counted(replaced, .replacedOne, .replacedMany),
        "skipped": say.counted(skipped, .skippedOne, .skippedMany), "dialect": dialect,
      ])
    case .orders:
      return Catalogue.text(.importedOrders, language, [
        "action": action, "added": say.counted(added, .ordersAddedOne, .ordersAddedMany),
        "replaced": say.counted(replaced, .replacedOne, .replacedMany), "skipped": say.counted(skipped, .skippedOne, .skippedMany),
        "leftOut": leftOut > 0 ? Catalogue.text(.ordersLeftOut, language, ["count": "\(leftOut)"]) : "",
        "passedOver": passedOver > 0 ? Catalogue.text(.lineItemsPassedOver, language, ["count": "\(passedOver)"]) : "",
        "dialect": dialect,
      ])
    case .fec:
      return Catalogue.text(.importedFEC, language, [
        "action": action, "added": say.counted(added, .expensesAddedOne, .expensesAddedMany),
        "skipped": say.counted(skipped, .skippedOne, .skippedMany), "credits": say.counted(creditLines, .creditLinesOne, .creditLinesMany),
        "values": say.counted(valuesAdded, .valuesAddedOne, .valuesAddedMany), "replaced": say.counted(valuesReplaced, .replacedOne, .replacedMany),
        "encoding": encodingName,
      ])
    }
  }
}
