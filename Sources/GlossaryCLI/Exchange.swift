import ArgumentParser
import Glibc
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

    @Option(name: .long, help: ArgumentHelp("tbx, omegat, synonyms, spacy or json.", valueName: "format"))
    var format: String

    @Option(name: .long, help: ArgumentHelp("tbx: 3 (conceptEntry, the default) or 2 (the older martif form many tools read).", valueName: "n"))
    var tbxVersion = 3
    @Option(name: .long, help: ArgumentHelp("omegat: the source language.", valueName: "lang")) var from: String?
    @Option(name: .long, help: ArgumentHelp("omegat: the target language.", valueName: "lang")) var to: String?
    @Option(name: .long, help: ArgumentHelp("synonyms: the language of the preferred terms.", valueName: "lang")) var lang: String?
    @Flag(name: .long, help: "synonyms: include abbreviations (left out by default: an analyzer lowercases AS into the word as).")
    var abbreviations = false
    @Option(name: .long, help: ArgumentHelp("spacy: the entity label of the patterns.", valueName: "label")) var label = "GLOSSARY"
    @Option(name: .shortAndLong, help: ArgumentHelp("Write here instead of standard output.", valueName: "file")) var output: String?

    func validate() throws {
        switch format {
        case "tbx":
            guard tbxVersion == 2 || tbxVersion == 3 else { throw ValidationError("--tbx-version must be 2 or 3") }
        case "spacy", "json": break
        case "omegat":
            guard from != nil, to != nil else { throw ValidationError("--format omegat needs --from and --to") }
        case "synonyms":
            guard lang != nil else { throw ValidationError("--format synonyms needs --lang") }
        default:
            throw ValidationError("--format must be tbx, omegat, synonyms, spacy or json, not “\(format)”")
        }
    }

    func run() throws {
        let matcher = try table.loadMatcher()
        let text: String
        switch format {
        case "tbx": text = TableExport.tbx(matcher.table, version: tbxVersion)
        case "omegat": text = TableExport.omegaT(matcher, from: from!, to: to!)
        case "synonyms": text = TableExport.synonyms(matcher, language: lang!, abbreviations: abbreviations)
        case "spacy": text = TableExport.spacyPatterns(matcher.table, label: label)
        default: text = TableExport.json(matcher.table)
        }
        try emit(Array(text.utf8), to: output)
    }
}

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

    @Option(name: .long, help: ArgumentHelp("ICU transform rules for romanization variants (default: the shipped Data/variants.txt).", valueName: "file"))
    var variants: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write here instead of standard output.", valueName: "file")) var output: String?

    func run() throws {
        let text: String
        do {
            let bytes = try readFile(file)
            let rules = try variants.map { try VariantRules(contentsOfFile: $0) } ?? .shipped
            text = try TableImport.tbx(bytes, source: file, variants: rules)
        } catch let error as TableError {
            printError(error.description)
            throw ExitCode(Status.failure)
        } catch {
            printError("glossary: \(error)")
            throw ExitCode(Status.failure)
        }
        try emit(Array(text.utf8), to: output)
    }
}

/// Writes to standard output, or atomically to a file.
func emit(_ bytes: [UInt8], to path: String?) throws {
    if let path {
        do {
            try writeAtomically(bytes, to: path)
        } catch {
            printError("glossary: cannot write \(path): \(error)")
            throw ExitCode(Status.failure)
        }
    } else {
        signal(SIGPIPE, SIG_IGN)
        var out = OutputStream(fd: 1, lineBuffered: false)
        out.buffer = bytes
        try out.flush()
    }
}
