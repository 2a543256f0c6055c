import ArgumentParser
import Glibc
import Glossary

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
        let inputs = try Input.openAll(files)
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
                printError("glossary: \(input.name): \(error)")
                throw ExitStatus.failure
            }
            input.close()
        }
        progress.finish()
        var out = OutputStream(fd: 1, lineBuffered: false)
        let suggestions = suggester.suggestions(limit: limit, minimumCount: minCount)
        for suggestion in suggestions {
            let row = suggestion.term
            let example = suggestion.example
            out.buffer += Array("# \(suggestion.count)× “\(suggestion.surface)” ~ “\(row.term)” (\(row.conceptID), \(row.language) \(row.form.rawValue)): \(suggestion.reason); \(example.location.file):\(example.location.line): \(example.context)\n".utf8)
            let fields = [row.conceptID, lang ?? row.language, suggestion.surface, row.form.rawValue, "alt"]
            out.buffer += Array((fields.joined(separator: "\t") + "\n").utf8)
        }
        try out.flush()
        printError("glossary: \(suggestions.count) proposal\(suggestions.count == 1 ? "" : "s") from \(suggester.bytesRead) bytes")
    }
}
