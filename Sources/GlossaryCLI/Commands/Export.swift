import ArgumentParser
import Glossary
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export the term table for other tools: TBX, OmegaT, Elasticsearch/Solr synonyms, spaCy, JSON.",
        discussion: """
            Formats (--format):
              tbx       TBX-Basic in TBX v3 form (ISO 30042), for CAT tools (OmegaT, memoQ, Trados \
            MultiTerm); --tbx-version 2 writes the older martif form that many tools still expect. \
            glossary import reads either back to the same rows.
              omegat    an OmegaT glossary for one pair (--from, --to): source, target, comment.
              synonyms  Elasticsearch / Solr explicit mappings (variant, variant => preferred) into \
            --lang, for a synonym_graph filter.
              spacy     spaCy EntityRuler patterns, one JSON object per line (label, id, pattern).
              json      the whole table as one JSON document (schema: Exchange/terms.schema.json).

            The output goes to standard output, or atomically to --output.

            Examples:
              glossary export --format tbx -o glossary.tbx
              glossary export --format tbx --tbx-version 2 -o glossary-v2.tbx
              glossary export --format omegat --from id --to en -o id-en.utf8
              glossary export --format synonyms --lang id -o synonyms-id.txt
              glossary export --format spacy --label ENTITY -o patterns.jsonl
            """
    )

    @OptionGroup var table: TableOptions

    /// The formats `export` writes.
    enum Format: String, CaseIterable, ExpressibleByArgument {
        case tbx, omegat, synonyms, spacy, json
    }

    @Option(name: .long, help: ArgumentHelp("tbx, omegat, synonyms, spacy or json.", valueName: "format"))
    var format: Format

    @Option(name: .long, help: ArgumentHelp("tbx: 3 (conceptEntry, the default) or 2 (the older martif form many tools read).", valueName: "n"))
    var tbxVersion = 3
    @Option(name: .long, help: ArgumentHelp("omegat: the source language.", valueName: "lang")) var from: String?
    @OptionGroup var target: TargetLanguageOption
    @Option(name: .long, help: ArgumentHelp("synonyms: the language of the preferred terms.", valueName: "lang")) var lang: String?
    @Flag(name: .long, help: "synonyms: include abbreviations (left out by default: an analyzer lowercases AS into the word as).")
    var abbreviations = false
    @Option(name: .long, help: ArgumentHelp("spacy: the entity label of the patterns.", valueName: "label")) var label = "GLOSSARY"
    @Option(name: .shortAndLong, help: ArgumentHelp("Write here instead of standard output.", valueName: "file")) var output: String?

    func validate() throws {
        switch format {
        case .tbx:
            guard tbxVersion == 2 || tbxVersion == 3 else { throw ValidationError("--tbx-version must be 2 or 3") }
        case .spacy, .json: break
        case .omegat:
            guard from != nil, target.to != nil else { throw ValidationError("--format omegat needs --from and --to") }
        case .synonyms:
            guard lang != nil else { throw ValidationError("--format synonyms needs --lang") }
        }
    }

    func run() throws {
        let matcher = try table.loadMatcher()
        let text: String
        switch format {
        case .tbx: text = TableExport.tbx(matcher.table, version: tbxVersion)
        case .omegat: text = TableExport.omegaT(matcher, from: from!, to: target.to!)
        case .synonyms: text = TableExport.synonyms(matcher, language: lang!, abbreviations: abbreviations)
        case .spacy: text = TableExport.spacyPatterns(matcher.table, label: label)
        case .json: text = TableExport.json(matcher.table)
        }
        try emit(Array(text.utf8), to: output)
    }
}
