import ArgumentParser
import Glibc
import Glossary

/// The table file an editing command works on.
struct EditOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The term table to edit.", valueName: "file"))
    var terms: String = "Data/terms.tsv"

    @Option(name: .long, help: ArgumentHelp("ICU transform rules for romanization variants (default: the shipped Data/variants.txt).", valueName: "file"))
    var variants: String?

    func file() throws -> TableFile {
        do throws(TableError) {
            return TableFile(path: terms, variants: try variants.map { path throws(TableError) in try VariantRules(contentsOfFile: path) } ?? .shipped)
        } catch {
            printError(error.description)
            throw ExitCode(Status.failure)
        }
    }

    /// Runs an edit; prints why it failed, or the warnings it leaves about `concept`.
    func run(concept: String?, _ change: (inout TableDocument) throws(EditError) -> Void) throws -> TableFile.Outcome {
        let file = try file()
        do {
            let outcome = try file.edit(change)
            if let concept {
                for finding in TableCheck.tableFindings(outcome.matcher, only: concept) { printError(finding.description) }
            }
            return outcome
        } catch {
            printError("glossary: \(error)")
            throw ExitCode(Status.failure)
        }
    }
}

extension TermForm: ExpressibleByArgument {}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a term table: errors, and warnings about rows that are probably wrong.",
        discussion: """
            Reports, as FILE:LINE:COLUMN: error|warning: …, each followed by how to fix it:

            errors (the table cannot be loaded): every problem the loader rejects, such as a bad \
            field, a duplicate row, a second preferred term, or terms of two concepts with the same \
            match key (both rows and the key are named);

            warnings: a term that can never match as written (a longer term swallows it, or the \
            case rules exclude it); a term with the same match key as another row of its concept \
            and language (redundant); a concept without a preferred full term in en or id; a \
            deprecated term with no preferred term to replace it; an abbreviation without a \
            capital letter; spaces around a field or two in a row; a term not in NFC; an \
            invisible character; a word that mixes Latin, Cyrillic or Greek letters.

            Exit status: 0 no errors (and, with --strict, no warnings); 1 warnings only, with \
            --strict; 2 errors, or the file cannot be read.

            Examples:
              glossary check                       # Data/terms.tsv
              glossary check --strict my-terms.tsv
              glossary check --format json > findings.json
            """
    )

    @Argument(help: ArgumentHelp("The table to check.", valueName: "file"))
    var file: String = "Data/terms.tsv"

    @Option(name: .long, help: ArgumentHelp("ICU transform rules for romanization variants (default: the shipped Data/variants.txt).", valueName: "file"))
    var variants: String?

    @Option(name: .long, help: ArgumentHelp("text, or json (one object: counts and findings) for editors and CI.", valueName: "format"))
    var format: String = "text"

    @Flag(name: .long, help: "Exit with status 1 when there are warnings.")
    var strict = false

    func validate() throws {
        guard format == "text" || format == "json" else { throw ValidationError("--format must be text or json, not “\(format)”") }
    }

    func run() throws {
        let bytes: [UInt8]
        let rules: VariantRules
        do {
            bytes = try readFile(file)
            rules = try variants.map { try VariantRules(contentsOfFile: $0) } ?? .shipped
        } catch {
            printError("glossary: \(error)")
            throw ExitCode(Status.failure)
        }
        let cache = try? KeyCache(contentsOfFile: TableFile.keyCachePath(forTable: file))
        let findings = TableCheck.check(utf8: bytes, source: file, variants: rules, keyCache: cache)
        let errors = findings.filter { $0.severity == .error }.count
        let warnings = findings.filter { $0.severity == .warning }.count
        if format == "json" {
            print(findingsJSON(findings, file: file, errors: errors, warnings: warnings))
        } else {
            for finding in findings { print(finding.description) }
            printError("\(file): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        }
        if errors > 0 { throw ExitCode(Status.failure) }
        if strict && warnings > 0 { throw ExitCode(1) }
    }
}

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

    @OptionGroup var options: EditOptions
    @Argument(help: ArgumentHelp("The concept id (lowercase letters, digits, hyphens).", valueName: "id")) var id: String
    @Argument(help: ArgumentHelp("The language: a BCP 47 tag such as id, en, ru, zh, or und.", valueName: "lang")) var lang: String
    @Argument(help: ArgumentHelp("The spelling.", valueName: "term")) var term: String
    @Option(name: .long, help: ArgumentHelp("full, short, abbr or context.", valueName: "form")) var form: TermForm
    @Option(name: .long, help: ArgumentHelp("pref, alt or deprecated, optionally +shared or +default; none for context rows.", valueName: "status")) var status: String?
    @Option(name: .long, help: ArgumentHelp("Why the row is as it is.", valueName: "text")) var note: String = ""

    func run() throws {
        var termStatus: TermStatus?
        var sharing = Sharing.none
        if let status {
            let parts = status.split(separator: "+", maxSplits: 1).map(String.init)
            guard let parsed = TermStatus(rawValue: parts[0]) else {
                printError("glossary: --status must be pref, alt or deprecated (optionally +shared or +default), not “\(status)”")
                throw ExitCode(Status.usage)
            }
            termStatus = parsed
            if parts.count == 2 {
                guard let suffix = Sharing(rawValue: parts[1]), suffix != .none else {
                    printError("glossary: the status suffix must be +shared or +default, not “+\(parts[1])”")
                    throw ExitCode(Status.usage)
                }
                sharing = suffix
            }
        }
        let row = TermRow(conceptID: id, language: lang, term: term, form: form, status: termStatus, sharing: sharing, note: note)
        let outcome = try options.run(concept: id) { (document: inout TableDocument) throws(EditError) in try document.add(row) }
        printError("added “\(term)” (\(lang), \(form.rawValue)\(status.map { " " + $0 } ?? "")) to \(id) in \(options.terms)"
                   + (outcome.changed ? "" : " (no change)"))
    }
}

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

    @OptionGroup var options: EditOptions
    @Argument(help: ArgumentHelp("The concept id.", valueName: "id")) var id: String
    @Argument(help: ArgumentHelp("The language of the row.", valueName: "lang")) var lang: String
    @Argument(help: ArgumentHelp("The spelling to remove.", valueName: "term")) var term: String

    func run() throws {
        _ = try options.run(concept: id) { (document: inout TableDocument) throws(EditError) in
            try document.remove(conceptID: id, language: lang, term: term)
        }
        printError("removed “\(term)” (\(lang)) from \(id) in \(options.terms)")
    }
}

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

    @OptionGroup var options: EditOptions
    @Argument(help: ArgumentHelp("The concept id.", valueName: "id")) var id: String
    @Argument(help: ArgumentHelp("The language of the row.", valueName: "lang")) var lang: String
    @Argument(help: ArgumentHelp("The spelling to prefer.", valueName: "term")) var term: String

    func run() throws {
        var promoted = false
        _ = try options.run(concept: id) { (document: inout TableDocument) throws(EditError) in
            promoted = try document.setPreferred(conceptID: id, language: lang, term: term)
        }
        printError(promoted ? "“\(term)” is now the preferred \(lang) term of \(id)" : "“\(term)” was already preferred; nothing changed")
    }
}

struct Format: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rewrite a term table in canonical order and spacing, so that edits merge cleanly.",
        discussion: """
            Everything up to the header stays. The rows of each concept form one block where \
            the concept first appears, ordered by form (full, short, abbr, context), status \
            (pref, alt, deprecated), language and term. Comments and blank lines before a \
            concept's first row stay before its block; a comment before any other row moves \
            with it. One blank line before each block; fields without surrounding spaces; terms \
            in NFC; no trailing empty note. A table with errors is not touched.

            Exit status: 0 done (or, with --check, already canonical); 1 with --check, when the \
            file is not canonical; 2 the table has errors or cannot be written.

            Examples:
              glossary format                     # Data/terms.tsv, in place
              glossary format --check my-terms.tsv
            """
    )

    @Argument(help: ArgumentHelp("The table to format.", valueName: "file"))
    var file: String = "Data/terms.tsv"

    @Option(name: .long, help: ArgumentHelp("ICU transform rules for romanization variants (default: the shipped Data/variants.txt).", valueName: "file"))
    var variants: String?

    @Flag(name: .long, help: "Change nothing; exit with status 1 and name the first line that differs if the file is not canonical.")
    var check = false

    func run() throws {
        if check {
            let bytes: [UInt8]
            do { bytes = try readFile(file) } catch {
                printError("glossary: \(error)")
                throw ExitCode(Status.failure)
            }
            let text = String(decoding: bytes, as: UTF8.self)
            let formatted = TableDocument(parsing: text).formatted().text
            if formatted == text { return }
            let old = text.split(separator: "\n", omittingEmptySubsequences: false)
            let new = formatted.split(separator: "\n", omittingEmptySubsequences: false)
            let line = zip(old, new).enumerated().first { $0.element.0 != $0.element.1 }.map { $0.offset + 1 } ?? min(old.count, new.count) + 1
            printError("\(file):\(line):1: warning: not in canonical form from this line on\n    fix: run glossary format \(file)")
            throw ExitCode(1)
        }
        var options = EditOptions()
        options.terms = file
        options.variants = variants
        let outcome = try options.run(concept: nil) { (document: inout TableDocument) throws(EditError) in document = document.formatted() }
        printError(outcome.changed ? "formatted \(file)" : "\(file) was already canonical")
    }
}

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

    @Option(name: .long, help: ArgumentHelp("text or json.", valueName: "format"))
    var format: String = "text"

    func validate() throws {
        guard format == "text" || format == "json" else { throw ValidationError("--format must be text or json, not “\(format)”") }
    }

    func run() throws {
        let matcher = try table.loadMatcher()
        let lookup = matcher.lookup(text)
        print(format == "json" ? lookupJSON(lookup) : lookupText(lookup))
        if lookup.mentions.isEmpty { throw ExitCode(1) }
    }
}

struct Suggest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find spellings in a corpus that are probably variants of known terms but are not in the table.",
        discussion: """
            Reads the corpus files (or standard input) as a stream and looks at capitalised \
            words and runs of up to five of them. A spelling is proposed when its match key \
            equals a term's key (the table already matches it but does not list it), has the \
            same words in another order, the same letter pairs, or is a few edits away (1 from \
            5 letters, 2 from 9, 3 from 16), and it is not already a spelling of the table. \
            Spellings seen only at the start of sentences are left out.

            The output is ready to paste into the table after review: for each proposal a \
            comment with its count, why it was proposed and one example, then a row with \
            status alt. Best first: by count × closeness. Progress goes to standard error when \
            it is a terminal.

            Examples:
              glossary suggest archive/*.txt > proposals.tsv
              glossary suggest --lang id --min-count 3 --limit 100 corpus.txt
            """
    )

    @OptionGroup var table: TableOptions

    @Option(name: .long, help: ArgumentHelp("Language of the proposed rows (default: the language of the term each resembles, Indonesian when several do).", valueName: "lang"))
    var lang: String?

    @Option(name: .long, help: ArgumentHelp("Propose only spellings seen at least this often.", valueName: "n"))
    var minCount: Int = 1

    @Option(name: .long, help: ArgumentHelp("Propose at most this many spellings.", valueName: "n"))
    var limit: Int = 200

    @Argument(help: ArgumentHelp("Corpus files; none, or -, for standard input.", valueName: "file"))
    var files: [String] = []

    func run() throws {
        let matcher = try table.loadMatcher()
        var inputs: [(name: String, fd: Int32, size: Int)] = []
        for name in files.isEmpty ? ["-"] : files {
            if name == "-" {
                inputs.append((name, 0, 0))
                continue
            }
            let fd = open(name, O_RDONLY | O_CLOEXEC)
            if fd < 0 {
                printError("glossary: \(name): \(SystemError(errno))")
                throw ExitCode(Status.failure)
            }
            var info = stat()
            fstat(fd, &info)
            inputs.append((name, fd, Int(info.st_size)))
        }
        let total = inputs.reduce(0) { $0 + $1.size }
        var progress = Progress(enabled: isatty(2) == 1, total: total)
        var suggester = VariantSuggester(matcher: matcher, preferredLanguage: lang ?? "id")
        var buffer: [UInt8] = []
        for input in inputs {
            var reader = LineReader(fd: input.fd, segmentLimit: 1 << 20)
            var lineNumber = 0
            var continues = false
            do {
                while let piece = try reader.next(into: &buffer) {
                    if !continues { lineNumber += 1 }
                    continues = !piece.endsLine
                    buffer.withUnsafeBufferPointer { suggester.add(line: $0, source: input.name, lineNumber: lineNumber) }
                    buffer.removeAll(keepingCapacity: true)
                    progress.update(suggester.bytesRead)
                }
            } catch {
                progress.finish()
                printError("glossary: \(input.name): \(error.error)")
                throw ExitCode(Status.failure)
            }
            if input.fd != 0 { close(input.fd) }
        }
        progress.finish()
        var out = OutputStream(fd: 1, lineBuffered: false)
        let suggestions = suggester.suggestions(limit: limit, minimumCount: minCount)
        for suggestion in suggestions {
            let row = suggestion.term
            let example = suggestion.example
            out.buffer += Array("# \(suggestion.count)× “\(suggestion.surface)” ~ “\(row.term)” (\(row.conceptID), \(row.language) \(row.form.rawValue)): \(suggestion.reason); \(example.source):\(example.line): \(example.context)\n".utf8)
            let fields = [row.conceptID, lang ?? row.language, suggestion.surface, row.form.rawValue, "alt"]
            out.buffer += Array((fields.joined(separator: "\t") + "\n").utf8)
        }
        try out.flush()
        printError("glossary: \(suggestions.count) proposal\(suggestions.count == 1 ? "" : "s") from \(suggester.bytesRead) bytes")
    }
}

/// A progress line on standard error, redrawn at most every half second.
struct Progress {
    let enabled: Bool
    let total: Int
    private let started = monotonicSeconds()
    private var lastDrawn = 0.0

    init(enabled: Bool, total: Int) {
        self.enabled = enabled
        self.total = total
    }

    mutating func update(_ bytes: Int) {
        guard enabled else { return }
        let now = monotonicSeconds()
        guard now - lastDrawn >= 0.5 else { return }
        lastDrawn = now
        let megabytes = Double(bytes) / 1e6
        let rate = megabytes / max(now - started, 1e-6)
        var line = "\r\u{1B}[Kreading: \(Int(megabytes)) MB"
        if total > 0 { line += " of \(total / 1_000_000) MB (\(bytes * 100 / max(total, 1))%)" }
        line += ", \(Int(rate)) MB/s"
        var bytes = Array(line.utf8)
        _ = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
    }

    func finish() {
        guard enabled, lastDrawn > 0 else { return }
        var clear = Array("\r\u{1B}[K".utf8)
        _ = clear.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
    }
}

/// Reads a whole file, with an error that names it.
func readFile(_ path: String) throws -> [UInt8] {
    do {
        return try readWholeFile(path)
    } catch {
        throw FileError(path: path, error: error)
    }
}

struct FileError: Error, CustomStringConvertible {
    var path: String
    var error: SystemError
    var description: String { "\(path): \(error)" }
}
