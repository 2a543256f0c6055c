import ArgumentParser
import Glossary
struct SetPref: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-pref",
        abstract: "Make a spelling the preferred term of its concept, language and form.",
        discussion: """
            The term becomes pref and the previous preferred term of the same concept, language \
            and form becomes alt; a +shared or +default suffix stays on each row. Written \
            atomically under a lock, like glossary add.

            Example:
              glossary set-pref china id Tiongkok
            """
    )

    @OptionGroup var table: TableOptions
    @Argument(help: ArgumentHelp("The concept id.", valueName: "id")) var id: String
    @Argument(help: ArgumentHelp("The language of the row.", valueName: "lang")) var lang: String
    @Argument(help: ArgumentHelp("The spelling to prefer.", valueName: "term")) var term: String

    func run() throws {
        var promoted = false
        _ = try table.edit(concept: id) { (document: inout TableDocument, below) throws(EditError) in
            promoted = try document.setPreferred(conceptID: id, language: lang, term: term, below: below)
        }
        printError(promoted ? "“\(term)” is now the preferred \(lang) term of \(id)" : "“\(term)” was already preferred; nothing changed")
    }
}
