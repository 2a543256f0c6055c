import ArgumentParser
import Glibc
import Glossary

struct Normalize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Normalize the mentions in text: replace, tag or list them.",
        discussion: """
            Reads the files, or standard input, line by line and writes standard output. Every \
            mention of a concept of the term table becomes the concept's preferred term in the \
            language of --to, in the same form (an abbreviation stays an abbreviation where the \
            language has one). Everything else passes through byte for byte: other text, CR LF, \
            a byte-order mark, invalid UTF-8, NUL bytes.

            Formats (--format):
              text   mentions replaced:   Shoygu tiba  ->  Shoigu tiba
              tag    mentions marked:     ⟦sergei-shoigu|Shoygu⟧ tiba
              jsonl  one JSON object per mention, with byte offsets in its line

            A paragraph is a line: a spelling that several concepts share (PKT, PBB) goes to the \
            concept its line supports. Lines longer than --segment-bytes are processed in pieces \
            cut at a space, so memory stays bounded on any input.

            Exit status: 0 success, 1 usage error, 2 a bad table or an unreadable input. A closed \
            pipe (| head) ends the command quietly with status 0.

            Examples:
              echo 'Menlu Rusia Sergey Lavrov tiba di Moskwa.' | glossary normalize
              glossary normalize --to id --format tag article.txt
              glossary normalize --format jsonl *.txt > mentions.jsonl
            """
    )

    @OptionGroup var table: TableOptions

    @Option(name: .long, help: ArgumentHelp("Language of the replacements: a BCP 47 tag of the table (en, id, ru, zh).", valueName: "lang"))
    var to: String = "en"

    @Option(name: .long, help: ArgumentHelp("Output format: text, tag or jsonl.", valueName: "format"))
    var format: String = "text"

    @Flag(name: .long, help: "Flush the output after every line (the default when standard output is a terminal).")
    var lineBuffered = false

    @Option(name: .long, help: ArgumentHelp("Longest piece of a line processed at once, in bytes.", valueName: "n"))
    var segmentBytes: Int = 16 << 20

    @Argument(help: ArgumentHelp("Files to read; none, or -, for standard input.", valueName: "file"))
    var files: [String] = []

    func validate() throws {
        guard OutputFormat(rawValue: format) != nil else {
            throw ValidationError("--format must be text, tag or jsonl, not “\(format)”")
        }
        guard segmentBytes >= 64 else { throw ValidationError("--segment-bytes must be at least 64") }
    }

    func run() throws {
        let matcher = try table.loadMatcher()
        guard let format = OutputFormat(rawValue: format) else { throw ExitCode(Status.usage) }
        if format == .text && !matcher.languages.contains(to) {
            printError("glossary: the table has no preferred terms in “\(to)”; it has: \(matcher.languages.joined(separator: ", "))")
            throw ExitCode(Status.usage)
        }

        // Open every input before writing anything, so that a typo in a file name
        // fails cleanly instead of after half the output.
        var inputs: [(name: String, fd: Int32)] = []
        for name in files.isEmpty ? ["-"] : files {
            if name == "-" {
                inputs.append((name, 0))
                continue
            }
            let fd = open(name, O_RDONLY | O_CLOEXEC)
            if fd < 0 {
                printError("glossary: \(name): \(SystemError(errno))")
                throw ExitCode(Status.failure)
            }
            inputs.append((name, fd))
        }

        signal(SIGPIPE, SIG_IGN)
        var output = OutputStream(fd: 1, lineBuffered: lineBuffered || isatty(1) == 1)
        var normalizer = LineNormalizer(matcher: matcher, format: format, language: to)
        for input in inputs {
            var reader = LineReader(fd: input.fd, segmentLimit: segmentBytes)
            var lineNumber = 0
            var offsetInLine = 0
            do {
                while let piece = try reader.next() {
                    if offsetInLine == 0 { lineNumber += 1 }
                    piece.bytes.withUnsafeBufferPointer { bytes in
                        normalizer.process(bytes, input: input.name, lineNumber: lineNumber, offset: offsetInLine,
                                           into: &output.buffer)
                    }
                    if piece.endsLine {
                        if format != .jsonl && piece.hasNewline { output.buffer.append(0x0A) }
                        offsetInLine = 0
                        try output.endLine()
                    } else {
                        offsetInLine += piece.bytes.count
                        try output.flushIfFull()
                    }
                }
            } catch let error as ReadError {
                try? output.flush()
                printError("glossary: \(input.name): \(error.error)")
                throw ExitCode(Status.failure)
            }
            if input.fd != 0 { close(input.fd) }
        }
        try output.flush()
    }
}
