import ROIEngine

extension Page {
  /// A number as a person types it on a page in this language, in the form the parsers read
  /// (`TypedNumber`): a ValueError naming the text when it could be read two ways.
  func typed(_ text: String) throws(ValueError) -> String {
    try TypedNumber.plain(text, language)
  }

  /// A plain number (`1200.00`, as files and exports write it) as this language writes it; other text as it is.
  func typedBack(_ text: String) -> String {
    guard language == .fr, text.wholeMatch(of: /-?[0-9]+(\.[0-9]+)?/) != nil else { return text }
    return PeopleFormat(language).localised(text)
  }
}
