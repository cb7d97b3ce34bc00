import ArgumentParser
import ROIEngine
import Reports
import Storage

extension CRMROI {
  struct IntangibleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "intangible",
      abstract: "List what the CRM brings that carries no money (listed in every report, under the figures).",
      discussion: """
        Example: crm-roi intangible add "Customers get an answer the same day"
        """,
      subcommands: [Add.self, List.self, Remove.self])

    struct Add: ParsableCommand {
      static let configuration = CommandConfiguration(commandName: "add", abstract: "Add an intangible benefit.")

      @OptionGroup var database: DatabaseOptions

      @Argument(help: "What it brings, up to 500 characters.")
      var intangibleText: String

      func run() throws {
        let checked = try parsed(from: Phrase(.sourceIntangibleText)) { try Intangible.validate(intangibleText) }
        let store = try database.open()
        _ = try write(store, { store in try store.addIntangible(checked) }, confirming: { id in
          try say(.intangibleAdded, ["id": "\(id)", "text": TerminalText.visible(checked)])
        })
      }
    }

    struct List: ParsableCommand {
      static let configuration = CommandConfiguration(commandName: "list", abstract: "List the intangible benefits.")

      @OptionGroup var database: DatabaseOptions

      func run() throws {
        let store = try database.open()
        let intangibles = try store.read { try $0.intangibles() }
        guard !intangibles.isEmpty else {
          try say(.noIntangiblesYet)
          return
        }
        var table = Table([(text(.columnID), .right), (text(.columnIntangible), .left)])
        for intangible in intangibles { table.append(["\(intangible.id)", TerminalText.visible(intangible.text)]) }
        try show(table.plain(), terminator: "")
      }
    }

    struct Remove: ParsableCommand {
      static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove an intangible benefit by its id.")

      @OptionGroup var database: DatabaseOptions

      @Argument(help: "Its id (see intangible list).")
      var id: String

      func run() throws {
        let number = try parsed(from: Phrase(.sourceID)) {
          guard let number = Int64(id), number > 0, id.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            throw ValueError(value: id, expected: Phrase(.formListedID, ["command": "crm-roi intangible list"]))  // no-catalogue: a command
          }
          return number
        }
        let store = try database.open()
        _ = try write(store, { store in try store.removeIntangible(id: number) }, confirming: { _ in
          try say(.intangibleRemoved, ["id": "\(number)"])
        })
      }
    }
  }
}
