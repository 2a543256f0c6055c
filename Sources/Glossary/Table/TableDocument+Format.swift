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
}
