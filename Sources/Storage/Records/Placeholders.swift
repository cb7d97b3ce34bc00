/// "?, ?, ?": one bound parameter per column, for the record mappings' statements.
func placeholders(_ count: Int) -> String {
  Array(repeating: "?", count: count).joined(separator: ", ")
}
