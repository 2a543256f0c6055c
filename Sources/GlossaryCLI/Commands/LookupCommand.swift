import ArgumentParser
import Glossary
struct LookupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Show which concept a spelling maps to, and why.",
        discussion: """
            For each word: the steps that turn it into its match key (NFKC, look-alike letters, \
            ICU transliteration, diacritics, case folding, and each variant rule of \
            Data/variants.txt that changes it). Then the mentions the spelling holds, the row \
            each one met, and every term of those concepts, per language. When nothing matches, \
            the terms with the nearest keys.

            Exit status: 0 the spelling names a concept; 1 it names none (or a usage error); 2 a \
            bad table.

            Examples:
              glossary lookup Shoygu
              glossary lookup 'Сергей Шойгу' --format json
              glossary lookup 'Organisasi Kerjasama Shangkahi'
            """
    )

    @OptionGroup var table: TableOptions

    @Argument(help: ArgumentHelp("The spelling (quote it if it has spaces).", valueName: "text"))
    var text: String

    @OptionGroup var report: ReportFormatOption

    func run() throws {
        let matcher = try table.loadMatcher()
        let lookup = matcher.lookup(text)
        print(report.format == .json ? lookupJSON(lookup, sources: matcher.table.sources) : lookupText(lookup, sources: matcher.table.sources))
        if lookup.mentions.isEmpty { throw ExitStatus.findings }
    }
}
