// The complete example of the DocC article "Using Glossary during ingest": one step of
// an ingest pipeline. It reads articles on standard input, a paragraph per line, and
// writes
//   - to standard output, each line with its mentions in Indonesian: the archive copy;
//   - to standard error, one tab-separated row per mention (line, byte range, concept,
//     how the concept was decided, surface): the rows of a search index.
//
//   swift run glossary-ingest-example < Examples/sample.txt
import Glibc
import Glossary

@main
struct IngestExample {
    static func main() {
        // Compile the table once: it is immutable and Sendable, so every thread of a
        // pipeline can share it. A table of your own loads with
        // Matcher(table: TermTable(contentsOfFile: "my.tsv"), keyCache: KeyCache(contentsOfFile: "my.keys")).
        let matcher: Matcher
        do {
            matcher = try Matcher.shipped()
        } catch {
            // A TableError lists every problem as FILE:LINE:COLUMN: error: …
            printToStandardError("\(error)")
            return
        }

        // One normalizer and one workspace per thread, reused from line to line, so
        // that a stream costs no allocation per line.
        var normalizer = LineNormalizer(matcher: matcher, format: .text, language: "id")
        var workspace = ScanWorkspace()
        var output: [UInt8] = []
        var lineNumber = 0
        while let line = readLine(strippingNewline: true) {
            lineNumber += 1
            var bytes = Array(line.utf8)
            bytes.withUnsafeBufferPointer { paragraph in
                // The archive copy: the line with its mentions in Indonesian.
                output.removeAll(keepingCapacity: true)
                normalizer.process(paragraph, lineNumber: lineNumber, into: &output)
                print(String(decoding: output, as: UTF8.self))

                // The index rows: ranges are UTF-8 byte offsets into the line.
                for mention in matcher.mentions(inParagraph: paragraph, workspace: &workspace) {
                    let concept = mention.sense?.conceptID ?? mention.senses.map(\.conceptID).joined(separator: "|")
                    let fields = [String(lineNumber), "\(mention.range.lowerBound)-\(mention.range.upperBound)", concept,
                                  mention.resolution.rawValue, mention.surface]
                    printToStandardError(fields.joined(separator: "\t"))
                }
            }
            bytes.removeAll()
        }
        let counts = normalizer.counts
        printToStandardError("# \(counts.lines) lines, \(counts.mentions) mentions, \(counts.ambiguous) left ambiguous")
    }

    static func printToStandardError(_ text: String) {
        var line = text + "\n"
        line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
    }
}
