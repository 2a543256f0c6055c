/// A term table as a text document: its rows together with the comments and blank lines
/// around them, so that an edit changes only the lines it must.
///
/// ``TermTable`` is what the matcher needs; `TableDocument` is what an editor needs. It
/// reads any text line by line (a row is a line with a tab that is not a comment), and
/// every edit is checked by loading the result as a ``TermTable`` and compiling it into
/// a ``Matcher`` (see ``TableFile``), so a document never has to be valid while it is
/// being changed, only when it is written.
public struct TableDocument: Sendable, Equatable {
    /// One line of the file, without its line feed.
    public enum Line: Sendable, Equatable {
        /// A comment (`#` …), a blank line, or the header: kept as written.
        case text(String)
        /// A row, split at its tabs (usually 5 or 6 fields).
        case row([String])
    }

    /// The lines, in order.
    public var lines: [Line]

    /// Splits text into lines. Nothing is checked here.
    public init(parsing text: String) {
        var lines: [Line] = []
        var body = Substring(text)
        if body.hasSuffix("\n") { body = body.dropLast() }
        if !text.isEmpty {
            var sawHeader = false
            for raw in body.split(separator: "\n", omittingEmptySubsequences: false) {
                let line = String(raw)
                if line.hasPrefix("#") || line.allSatisfy({ $0 == " " || $0 == "\t" }) {
                    lines.append(.text(line))
                } else if !sawHeader {
                    sawHeader = true
                    lines.append(.text(line))
                } else {
                    lines.append(.row(line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)))
                }
            }
        }
        self.lines = lines
    }

    /// The document as text, each line ended by a line feed.
    public var text: String {
        var result = ""
        for line in lines {
            switch line {
            case .text(let text): result += text
            case .row(let fields): result += fields.joined(separator: "\t")
            }
            result += "\n"
        }
        return result
    }

    /// Indexes of the lines that are rows of a concept.
    func rowLines(of conceptID: String) -> [Int] {
        lines.indices.filter { if case .row(let fields) = lines[$0] { fields.first == conceptID } else { false } }
    }

    func fields(at index: Int) -> [String]? {
        if case .row(let fields) = lines[index] { fields } else { nil }
    }

    init(lines: [Line]) { self.lines = lines }
}
