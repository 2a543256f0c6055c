/// Removes the markup of the `tag` format (see ``Tagging``) from text that comes in
/// pieces, split anywhere: a stream, or a file read in chunks. It reads the markup
/// strictly, and the first malformed place (a lone `⟧`, a `⟦` that starts neither a tag
/// nor a doubled `⟦⟦`, a tag that is not closed on its line) throws an
/// ``InputError`` with its line and column. The output up to that place has been
/// appended by then; text after it is never read.
///
/// One value reads one text; it holds at most two bytes between calls.
public struct Untagger: Sendable {
    private enum State {
        /// Outside a tag.
        case text
        /// After a `⟦` of the text: a doubled `⟦` or a tag's first id follows.
        case afterOpen
        /// In a tag's ids.
        case ids
        /// In a tag's surface; `empty` until its first byte.
        case surface(empty: Bool)
        /// After a `⟧` of the text: its double must follow.
        case afterClose
    }

    private var state = State.text
    /// The first bytes of a bracket (E2, or E2 9F) that ended the last piece.
    private var pending: [UInt8] = []
    private let source: String
    /// Where the next byte is: its line, and its column in scalars.
    private var line = 1
    private var column = 1
    /// Where the current tag, or the `⟦` or `⟧` being read, starts.
    private var markStart = SourceLocation(file: "")

    /// Ready to read a text named `source` (for error locations; `-` is standard input).
    public init(source: String = "-") {
        self.source = source
    }

    /// Removes the markup from the next piece of the text and appends the rest to `out`.
    public mutating func feed(_ piece: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) throws(InputError) {
        if pending.isEmpty {
            let used = try run(piece, final: false, into: &out)
            pending = Array(piece[used...])
        } else {
            let joined = pending + Array(piece)
            pending = []
            try joined.withUnsafeBufferPointer { bytes throws(InputError) in
                let used = try run(bytes, final: false, into: &out)
                pending = Array(bytes[used...])
            }
        }
    }

    /// Ends the text; throws if it ends inside a tag or after a lone bracket.
    public mutating func finish(into out: inout [UInt8]) throws(InputError) {
        let rest = pending
        pending = []
        try rest.withUnsafeBufferPointer { bytes throws(InputError) in _ = try run(bytes, final: true, into: &out) }
        try endOfLine()
    }

    /// Reads `bytes` and returns how many it used: all of them, unless the last one or
    /// two may begin a bracket that the next piece completes (never when `final`).
    private mutating func run(_ bytes: UnsafeBufferPointer<UInt8>, final: Bool, into out: inout [UInt8]) throws(InputError) -> Int {
        var i = 0
        let count = bytes.count
        while i < count {
            let byte = bytes[i]
            // A bracket? ⟦ is E2 9F A6, ⟧ is E2 9F A7.
            var bracket: UInt8 = 0
            if byte == 0xE2 {
                if i + 2 < count {
                    if bytes[i + 1] == 0x9F && (bytes[i + 2] == 0xA6 || bytes[i + 2] == 0xA7) { bracket = bytes[i + 2] }
                } else if !final && (i + 1 == count || bytes[i + 1] == 0x9F) {
                    return i  // wait for the next piece
                }
            }
            if bracket != 0 {
                try take(bracket: bracket, into: &out)
                i += 3
                column += 1
                continue
            }
            try take(byte, into: &out)
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return count
    }

    private var here: SourceLocation { SourceLocation(file: source, line: line, column: column) }

    private func fail(_ location: SourceLocation, _ message: String) -> InputError {
        InputError(at: location, message: message)
    }

    /// A `⟦` (A6) or `⟧` (A7).
    private mutating func take(bracket: UInt8, into out: inout [UInt8]) throws(InputError) {
        let isOpen = bracket == 0xA6
        switch state {
        case .text:
            markStart = here
            state = isOpen ? .afterOpen : .afterClose
        case .afterOpen:
            guard isOpen else { throw fail(markStart, "⟦⟧ is neither a tag nor a doubled ⟦ (a ⟦ of the text is written ⟦⟦)") }
            out += Tagging.open
            state = .text
        case .afterClose:
            guard !isOpen else { throw fail(markStart, "a lone ⟧ (a ⟧ of the text is written ⟧⟧)") }
            out += Tagging.close
            state = .text
        case .ids:
            throw fail(here, "a tag's concept ids end with |, not with a bracket")
        case .surface(let empty):
            guard !isOpen else { throw fail(here, "a ⟦ inside a tag: the tag that starts at \(markStart.line):\(markStart.column) is not closed before it") }
            guard !empty else { throw fail(markStart, "a tag with no text") }
            state = .text
        }
    }

    /// Any other byte.
    private mutating func take(_ byte: UInt8, into out: inout [UInt8]) throws(InputError) {
        if byte == 0x0A { try endOfLine() }
        switch state {
        case .text:
            out.append(byte)
        case .afterOpen:
            guard byte &- 0x61 < 26 || byte &- 0x30 < 10 else {
                throw fail(markStart, "a ⟦ that starts neither a tag ⟦id|text⟧ nor a doubled ⟦⟦ (a ⟦ of the text is written ⟦⟦)")
            }
            state = .ids
        case .ids:
            if byte == UInt8(ascii: "|") {
                state = .surface(empty: true)
            } else if !(byte &- 0x61 < 26 || byte &- 0x30 < 10 || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ",")) {
                throw fail(here, "a tag's concept ids are lowercase letters, digits, hyphens and commas, ended by |")
            }
        case .surface:
            out.append(byte)
            state = .surface(empty: false)
        case .afterClose:
            throw fail(markStart, "a lone ⟧ (a ⟧ of the text is written ⟧⟧)")
        }
    }

    /// A tag or a doubled bracket may not go on past the end of its line.
    private func endOfLine() throws(InputError) {
        switch state {
        case .text: return
        case .afterOpen: throw fail(markStart, "a lone ⟦ at the end of the line (a ⟦ of the text is written ⟦⟦)")
        case .afterClose: throw fail(markStart, "a lone ⟧ at the end of the line (a ⟧ of the text is written ⟧⟧)")
        case .ids, .surface: throw fail(markStart, "the tag that starts here is not closed on its line")
        }
    }
}
