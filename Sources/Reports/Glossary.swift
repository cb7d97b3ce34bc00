import ROIEngine

/// The words a non-expert meets on the report and the dashboard, each in two sentences at most,
/// with the anchor its terms link to.
public enum Glossary {
  /// An entry's anchor (`glossary-tco`), its term and its definition.
  public static let entries: [(id: String, term: Message, definition: Message)] = [
    ("tco", .glossaryTCOTerm, .glossaryTCO), ("roi", .glossaryROITerm, .glossaryROI),
    ("payback", .glossaryPaybackTerm, .glossaryPayback), ("noise-band", .glossaryNoiseTerm, .glossaryNoise),
    ("baseline", .glossaryBaselineTerm, .glossaryBaseline), ("attribution", .glossaryAttributionTerm, .glossaryAttribution),
    ("present-value", .glossaryPresentValueTerm, .glossaryPresentValue), ("irr", .glossaryIRRTerm, .glossaryIRR),
    ("tei", .glossaryTEITerm, .glossaryTEI),
  ]

  /// `label` (already escaped) linked to its glossary entry.
  static func link(_ label: String, _ id: String) -> String {
    "<a class=\"term\" href=\"#glossary-\(id)\">\(label)</a>"
  }

  /// The glossary section.
  static func html(language: Language) -> String {
    var html = "<section id=\"glossary\">\n<h2>\(escape(Catalogue.text(.glossaryHeading, language)))</h2>\n<dl>\n"
    for entry in entries {
      html += "<dt id=\"glossary-\(entry.id)\">\(escape(Catalogue.text(entry.term, language)))</dt>"
        + "<dd>\(escape(Catalogue.text(entry.definition, language)))</dd>\n"
    }
    return html + "</dl>\n</section>\n"
  }
}
