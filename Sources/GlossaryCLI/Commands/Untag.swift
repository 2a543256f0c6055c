import ArgumentParser
import Glibc
import Glossary

struct Untag: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Remove the markup of normalize --format tag, giving the text back byte for byte.",
        discussion: """
            Reads the files, or standard input, and writes standard output: each tag ⟦id|text⟧ \
            becomes its text, and a doubled ⟦⟦ or ⟧⟧ (a bracket of the original text) one \
            bracket. So `glossary normalize --format tag FILE | glossary untag` gives FILE back \
            byte for byte, CR LF, invalid UTF-8 and all.

            The markup is read strictly: a lone ⟦ or ⟧, a tag that is not closed on its line, or \
            ids that are not concept ids stop the command with FILE:LINE:COLUMN and the reason. \
            The lines before that line are written; nothing of it or after it (of a line longer \
            than 1 MiB, which is read in pieces, the pieces before the error are written).

            Exit status: 0 success, 1 usage error, 2 malformed markup or an unreadable input.

            Examples:
              glossary normalize --format tag article.txt > tagged.txt
              glossary untag tagged.txt | cmp - article.txt
            """
    )

    @Argument(help: ArgumentHelp("Tagged files to read; none, or -, for standard input.", valueName: "file"))
    var files: [String] = []

    func run() throws {
        let inputs = try Input.openAll(files)
        signal(SIGPIPE, SIG_IGN)
        var output = OutputStream(fd: 1, lineBuffered: isatty(1) == 1)
        var piece: [UInt8] = []
        // The current line's text, written once the line has been read without error (or,
        // for a line longer than the reader's pieces, piece by piece).
        var line: [UInt8] = []
        for input in inputs {
            var untagger = Untagger(source: input.name)
            var reader = LineReader(fd: input.fd, segmentLimit: 1 << 20)
            do {
                while let next = try reader.next(into: &piece) {
                    if next.hasNewline { piece.append(0x0A) }
                    try piece.withUnsafeBufferPointer { bytes throws(InputError) in try untagger.feed(bytes, into: &line) }
                    if next.endsLine && !next.hasNewline { try untagger.finish(into: &line) }  // the input's last line
                    piece.removeAll(keepingCapacity: true)
                    output.buffer += line
                    line.removeAll(keepingCapacity: true)
                    if next.endsLine { try output.endLine() } else { try output.flushIfFull() }
                }
                try untagger.finish(into: &output.buffer)
            } catch let error as InputError {
                try output.flush()
                printError("glossary: \(error.location): error: \(error.message)\n    fix: untag only what glossary normalize --format tag wrote, unchanged")
                throw ExitStatus.failure
            } catch let error as SystemError {
                try output.flush()
                printError("glossary: \(input.name): \(error)")
                throw ExitStatus.failure
            }
            input.close()
        }
        try output.flush()
    }
}
