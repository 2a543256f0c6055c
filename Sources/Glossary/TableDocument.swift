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
}

/// Why an edit cannot be made.
public struct EditError: Error, Sendable, CustomStringConvertible {
    /// What is wrong, in one sentence.
    public var message: String
    /// The problems the edit would have caused in the table, if that is why.
    public var diagnostics: [Diagnostic]

    public init(_ message: String, diagnostics: [Diagnostic] = []) {
        self.message = message
        self.diagnostics = diagnostics
    }

    public var description: String {
        ([message] + diagnostics.map(\.description)).joined(separator: "\n")
    }
}

// MARK: - Edits

extension TableDocument {
    /// The canonical order of a concept's rows: by form (full, short, abbr, context),
    /// status (pref, alt, deprecated), language and term.
    static func canonicalKey(_ fields: [String]) -> (Int, Int, String, [UInt8]) {
        func field(_ index: Int) -> String { index < fields.count ? fields[index] : "" }
        let form = TermForm(rawValue: field(3)).flatMap { TermForm.allCases.firstIndex(of: $0) } ?? TermForm.allCases.count
        let base = field(4).split(separator: "+", maxSplits: 1).first.map(String.init) ?? ""
        let status = TermStatus(rawValue: base).flatMap { TermStatus.allCases.firstIndex(of: $0) } ?? -1
        return (form, status, field(1), Array(field(2).utf8))
    }

    static func sortsBefore(_ a: [String], _ b: [String]) -> Bool {
        let x = canonicalKey(a), y = canonicalKey(b)
        if x.0 != y.0 { return x.0 < y.0 }
        if x.1 != y.1 { return x.1 < y.1 }
        if x.2 != y.2 { return x.2 < y.2 }
        return x.3.lexicographicallyPrecedes(y.3)
    }

    /// The fields of a new row, as they are written: the term in NFC, no empty note.
    static func fields(of row: TermRow) -> [String] {
        var status = row.status?.rawValue ?? ""
        if row.sharing != .none { status += "+" + row.sharing.rawValue }
        var fields = [row.conceptID, row.language, nfc(row.term), row.form.rawValue, status]
        if !row.note.isEmpty { fields.append(row.note) }
        return fields
    }

    /// Adds a row: among its concept's rows at its place in the canonical order (after
    /// the last of them if none sorts after it), or, for a new concept, at the end of
    /// the file after a blank line.
    public mutating func add(_ row: TermRow) throws(EditError) {
        for (name, value) in [("concept id", row.conceptID), ("language", row.language), ("term", row.term), ("note", row.note)]
        where value.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" }) {
            throw EditError("the \(name) may not contain a tab or a line break")
        }
        if row.form == .context && (row.status != nil || row.sharing != .none) {
            throw EditError("a context row has no status")
        }
        if row.form != .context && row.status == nil {
            throw EditError("a \(row.form.rawValue) term needs a status: pref, alt or deprecated")
        }
        let new = Self.fields(of: row)
        let siblings = rowLines(of: row.conceptID)
        if let last = siblings.last {
            let before = siblings.first { Self.sortsBefore(new, fields(at: $0)!) }
            lines.insert(.row(new), at: before ?? last + 1)
        } else {
            if let lastLine = lines.last, lastLine != .text("") { lines.append(.text("")) }
            if !lines.contains(where: { if case .text(let t) = $0 { t == TermTable.header } else { false } }) {
                lines.append(.text(TermTable.header))
            }
            lines.append(.row(new))
        }
    }

    /// The line of the row with this concept, language and term (compared in NFC).
    func find(conceptID: String, language: String, term: String) throws(EditError) -> Int {
        let wanted = nfc(term)
        if let index = lines.indices.first(where: {
            guard let fields = fields(at: $0), fields.count >= 3 else { return false }
            return fields[0] == conceptID && fields[1] == language && nfc(fields[2]) == wanted
        }) {
            return index
        }
        let known = rowLines(of: conceptID).compactMap { fields(at: $0) }
        if known.isEmpty { throw EditError("the table has no concept “\(conceptID)”") }
        let inLanguage = known.filter { $0.count > 2 && $0[1] == language }.map { "“\($0[2])”" }
        throw EditError(
            "\(conceptID) has no \(language) term “\(term)”"
                + (inLanguage.isEmpty ? "; it has no \(language) terms at all" : "; its \(language) terms are " + inLanguage.joined(separator: ", ")))
    }

    /// Removes a row. Comments above it stay: they are people's words, and a comment
    /// is never lost without being seen.
    public mutating func remove(conceptID: String, language: String, term: String) throws(EditError) {
        lines.remove(at: try find(conceptID: conceptID, language: language, term: term))
    }

    /// Makes a term the preferred one of its concept, language and form, and demotes the
    /// previous preferred term to `alt`. A `+shared` or `+default` suffix stays on
    /// each row. Returns false when the term was preferred already.
    @discardableResult
    public mutating func setPreferred(conceptID: String, language: String, term: String) throws(EditError) -> Bool {
        let index = try find(conceptID: conceptID, language: language, term: term)
        var fields = fields(at: index)!
        guard fields.count >= 5, TermForm(rawValue: fields[3]) != .context else {
            throw EditError("“\(term)” is a context word, not a term: it cannot be preferred")
        }
        func split(_ status: String) -> (base: String, suffix: String) {
            guard let plus = status.firstIndex(of: "+") else { return (status, "") }
            return (String(status[..<plus]), String(status[plus...]))
        }
        let own = split(fields[4])
        if own.base == TermStatus.preferred.rawValue { return false }
        for other in rowLines(of: conceptID) where other != index {
            guard var otherFields = self.fields(at: other), otherFields.count >= 5,
                otherFields[1] == language, otherFields[3] == fields[3]
            else { continue }
            let status = split(otherFields[4])
            if status.base == TermStatus.preferred.rawValue {
                otherFields[4] = TermStatus.admitted.rawValue + status.suffix
                lines[other] = .row(otherFields)
            }
        }
        fields[4] = TermStatus.preferred.rawValue + own.suffix
        lines[index] = .row(fields)
        return true
    }
}

// MARK: - Canonical form

extension TableDocument {
    /// The document in canonical form, so that two people's edits merge cleanly:
    ///
    /// - everything up to the header stays as it is;
    /// - the rows of a concept form one block, where the concept first appears, in the
    ///   canonical order (form, status, language, term);
    /// - the comments and blank lines before a concept's first row stay before its
    ///   block; the comments before any other row move with that row;
    /// - one blank line before each block, none inside a block; the comments after the
    ///   last row stay at the end; one line feed ends the file;
    /// - fields without surrounding spaces, terms in NFC, no trailing empty note.
    ///
    /// Formatting a formatted document changes nothing.
    public func formatted() -> TableDocument {
        func isBlank(_ text: String) -> Bool { text.allSatisfy { $0 == " " || $0 == "\t" } }
        guard let headerIndex = lines.firstIndex(of: .text(TermTable.header)) else { return self }

        struct Row { var fields: [String]; var comments: [String] }
        struct Block { var leading: [String]; var rows: [Row] }
        var blocks: [Block] = []
        var blockOf: [String: Int] = [:]
        var pending: [String] = []  // comment and blank lines since the last row
        for line in lines[(headerIndex + 1)...] {
            switch line {
            case .text(let text):
                pending.append(text)
            case .row(let raw):
                var fields = raw.map { $0.trimmingSpaces() }
                if fields.count > 2 { fields[2] = nfc(fields[2]) }
                while fields.count > 5, fields.last == "" { fields.removeLast() }
                let id = fields.first ?? ""
                if let block = blockOf[id] {
                    blocks[block].rows.append(Row(fields: fields, comments: pending.filter { !isBlank($0) }))
                } else {
                    blockOf[id] = blocks.count
                    blocks.append(Block(leading: pending, rows: [Row(fields: fields, comments: [])]))
                }
                pending = []
            }
        }

        var out = Array(lines[...headerIndex])
        /// Appends text lines with no blank line at either end and blank runs made one.
        func appendTrimmed(_ text: [String]) {
            var blankBefore = false
            for line in text {
                if isBlank(line) {
                    blankBefore = true
                    continue
                }
                if blankBefore && out.last != .text("") { out.append(.text("")) }
                out.append(.text(line))
                blankBefore = false
            }
        }
        for block in blocks {
            out.append(.text(""))
            appendTrimmed(block.leading)
            if let first = block.leading.last(where: { !isBlank($0) }), let index = block.leading.lastIndex(of: first),
                block.leading[(index + 1)...].contains(where: isBlank)
            {
                out.append(.text(""))  // a heading set apart from the block by a blank line stays apart
            }
            let sorted = block.rows.enumerated().sorted { a, b in
                if Self.sortsBefore(a.element.fields, b.element.fields) { return true }
                if Self.sortsBefore(b.element.fields, a.element.fields) { return false }
                return a.offset < b.offset
            }
            for (_, row) in sorted {
                out += row.comments.map { .text($0) }
                out.append(.row(row.fields))
            }
        }
        if pending.contains(where: { !isBlank($0) }) {
            out.append(.text(""))
            appendTrimmed(pending)
        }
        return TableDocument(lines: out)
    }

    init(lines: [Line]) { self.lines = lines }
}
