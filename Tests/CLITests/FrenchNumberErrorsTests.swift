import Foundation
import Testing

/// Part 15, after a French owner's trial: a number refused on the command line in French is named
/// as it was typed, and the form expected is said with a decimal comma, as they type it.
@Suite struct FrenchNumberErrorsTests {
  @Test func aRefusedAmountIsSaidAsTypedWithACommaForm() throws {
    let cli = try CLI()
    try cli.ok("init", "--go-live", "2025-04")
    let french = try cli.run(["expense", "add", "--date", "2025-03-01", "--category", "licence", "--amount", "12,345"], environment: ["CRM_ROI_LANG": "fr"])
    #expect(french.status != 0)
    #expect(french.stderr == "crm-roi: erreur : --amount\u{202F}: «\u{202F}12,345\u{202F}» n’est pas valide\u{202F}; attendu\u{202F}: un nombre avec au plus 2 décimales pour EUR, comme 8750,50\n")
    // In English the plain decimal with a point stays the form.
    let english = try cli.run(["expense", "add", "--date", "2025-03-01", "--category", "license", "--amount", "12.3456"])
    #expect(english.stderr == "crm-roi: error: --amount: '12.3456' is not valid; expected a plain decimal with '.' and at most 2 decimals for EUR, like 8750.50\n")
  }
}
