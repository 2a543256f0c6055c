import ArgumentParser
import Glossary
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import a TBX termbase (TBX v3, or the older v2 martif form) as a term table.",
        discussion: """
            Reads the whole file and checks it before writing anything: a file that is not \
            well-formed XML, an unknown term type or status, a term section without exactly one \
            term, or a termbase that would not load as a table (two preferred terms for one \
            concept, language and form; the same spelling for two concepts) is refused with \
            FILE:LINE:COLUMN and the reason, and no table is written. The table is written in \
            canonical order (glossary format), to standard output or atomically to --output.

            Mapping: termType fullForm/variant/phrase → full, shortForm → short, acronym and \
            abbreviation → abbr; administrativeStatus preferred → pref, admitted → alt, \
            deprecated and superseded → deprecated (none → alt); notes → the note column. \
            Glossary's own exports carry context words and +shared/+default in notes, so they \
            come back as they were.

            Example:
              glossary import termbase.tbx -o Data/terms.tsv
            """
    )

    @Argument(help: ArgumentHelp("The TBX file.", valueName: "file")) var file: String

    @OptionGroup var variants: VariantsOption

    @Option(name: .shortAndLong, help: ArgumentHelp("Write here instead of standard output.", valueName: "file")) var output: String?

    func run() throws {
        let bytes = try readFileOrExit(file)
        let rules = try variants.rules()
        let text: String
        do throws(TableError) {
            text = try TableImport.tbx(bytes, source: file, variants: rules)
        } catch {
            printError(error.description)
            throw ExitStatus.failure
        }
        try emit(Array(text.utf8), to: output)
    }
}
