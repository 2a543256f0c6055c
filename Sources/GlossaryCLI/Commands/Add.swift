import ArgumentParser
import Glossary
struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add a spelling to the term table, safely.",
        discussion: """
            The row goes among the rows of its concept, at its place in the canonical order \
            (see glossary format), or at the end of the file for a new concept. The change is \
            refused, and the file left as it was, if the table would not load afterwards (a \
            duplicate, a second preferred term, a collision with another concept's key). The \
            file is replaced atomically under a lock, so a crash leaves the old or the new \
            table and concurrent edits all land. Warnings about the concept follow, if any.

            Examples:
              glossary add sergei-lavrov ru "Сергей Викторович Лавров" --form full --status alt --note "with patronymic"
              glossary add beijing id Peking --form full --status deprecated --note "colonial-era spelling"
              glossary add pupuk-kalimantan-timur id petrokimia --form context
            """
    )

    @OptionGroup var table: TableOptions
    @Argument(help: ArgumentHelp("The concept id (lowercase letters, digits, hyphens).", valueName: "id")) var id: String
    @Argument(help: ArgumentHelp("The language: a BCP 47 tag such as id, en, ru, zh, or und.", valueName: "lang")) var lang: String
    @Argument(help: ArgumentHelp("The spelling.", valueName: "term")) var term: String
    @Option(name: .long, help: ArgumentHelp("full, short or abbr for a term; context (a word that tells a shared spelling's sense), title (written before names: Presiden, Mr) or protected (a name of something else that holds a listed word: Bank of China).", valueName: "form")) var form: TermForm
    @Option(name: .long, help: ArgumentHelp("pref, alt or deprecated, optionally +shared or +default, +intro (counts only after an introduction) and +titlecase (an abbreviation also written Asean); none for context, title and protected rows.", valueName: "status")) var status: String?
    @Option(name: .long, help: ArgumentHelp("Why the row is as it is.", valueName: "text")) var note: String = ""

    func run() throws {
        var field: StatusField?
        if let status {
            guard let parsed = StatusField(parsing: status) else {
                printError("glossary: --status must be pref, alt or deprecated, optionally with +shared or +default, +intro and +titlecase, not “\(status)”")
                throw ExitStatus.usage
            }
            field = parsed
        }
        let row = TermRow(conceptID: id, language: lang, term: term, form: form, status: field?.status, sharing: field?.sharing ?? .none,
                          needsIntroduction: field?.needsIntroduction ?? false, alsoTitlecase: field?.alsoTitlecase ?? false, note: note)
        let outcome = try table.edit(concept: id) { (document: inout TableDocument, _) throws(EditError) in try document.add(row) }
        printError("added “\(term)” (\(lang), \(form.rawValue)\(status.map { " " + $0 } ?? "")) to \(id) in \(table.editedPath)"
                   + (outcome.changed ? "" : " (no change)"))
    }
}
