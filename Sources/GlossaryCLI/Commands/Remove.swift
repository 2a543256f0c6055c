import ArgumentParser
import Glossary
struct Remove: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Remove a spelling from the term table, safely.",
        discussion: """
            Removes the row of the concept, language and term (compared in NFC). Comments \
            above it stay. Refused if the table would not load afterwards (the last term of a \
            concept that has context words). Written atomically under a lock, like glossary add.

            Example:
              glossary remove sergei-shoigu en "Sergei Kuzhugetovich Shoigu"
            """
    )

    @OptionGroup var table: TableOptions
    @Argument(help: ArgumentHelp("The concept id.", valueName: "id")) var id: String
    @Argument(help: ArgumentHelp("The language of the row.", valueName: "lang")) var lang: String
    @Argument(help: ArgumentHelp("The spelling to remove.", valueName: "term")) var term: String

    func run() throws {
        _ = try table.edit(concept: id) { (document: inout TableDocument, below) throws(EditError) in
            try document.remove(conceptID: id, language: lang, term: term, below: below)
        }
        printError("removed “\(term)” (\(lang)) from \(id) in \(table.editedPath)")
    }
}
