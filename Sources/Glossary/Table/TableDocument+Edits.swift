// MARK: - Edits

extension TableDocument {
    /// The canonical order of a concept's rows: by form (full, short, abbr, context, title, protected),
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
        let status = StatusField(of: row)?.description ?? ""
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
        if row.alsoTitlecase && row.form != .abbr {
            throw EditError("only an abbreviation can have +titlecase")
        }
        if !row.form.isTerm && (row.status != nil || row.sharing != .none || row.needsIntroduction) {
            throw EditError("a \(row.form.rawValue) row has no status")
        }
        if row.form.isTerm && row.status == nil {
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
    /// is never lost without being seen. A row that this layer does not list but a layer
    /// `below` does is taken away by a `removed` row in this one.
    public mutating func remove(conceptID: String, language: String, term: String, below: TermTable? = nil) throws(EditError) {
        if let lower = Self.lowerRow(conceptID, language, term, in: below, unlessIn: self) {
            var fields = [lower.conceptID, lower.language, lower.term, lower.form.rawValue, "removed"]
            fields.append("removes the row of \(below!.sources[lower.layer]):\(lower.line)")
            insert(fields, of: conceptID)
            return
        }
        lines.remove(at: try find(conceptID: conceptID, language: language, term: term))
    }

    /// The row of a lower layer with this identity, when this layer does not list it.
    private static func lowerRow(_ conceptID: String, _ language: String, _ term: String, in below: TermTable?, unlessIn document: TableDocument) -> TermRow? {
        guard let below, (try? document.find(conceptID: conceptID, language: language, term: term)) == nil else { return nil }
        let wanted = nfc(term)
        return below.rows.first { $0.conceptID == conceptID && $0.language == language && $0.term == wanted }
    }

    /// Inserts the fields of a row after the concept's last row, or at the end.
    private mutating func insert(_ fields: [String], of conceptID: String) {
        if let last = rowLines(of: conceptID).last {
            lines.insert(.row(fields), at: last + 1)
        } else {
            if let lastLine = lines.last, lastLine != .text("") { lines.append(.text("")) }
            lines.append(.row(fields))
        }
    }

    /// Makes a term the preferred one of its concept, language and form, and demotes the
    /// previous preferred term to `alt`. A `+shared` or `+default` suffix stays on
    /// each row. Returns false when the term was preferred already.
    /// A term that only a layer `below` lists is made preferred by a row in this layer
    /// that refines it (the merge demotes the lower layer's preferred term).
    @discardableResult
    public mutating func setPreferred(conceptID: String, language: String, term: String, below: TermTable? = nil) throws(EditError) -> Bool {
        if var lower = Self.lowerRow(conceptID, language, term, in: below, unlessIn: self) {
            guard lower.form.isTerm else { throw EditError("“\(term)” is a \(lower.form.rawValue) row, not a term: it cannot be preferred") }
            if lower.status == .preferred { return false }
            lower.status = .preferred
            lower.note = "preferred here over the row of \(below!.sources[lower.layer]):\(lower.line)"
            insert(Self.fields(of: lower), of: conceptID)
            return true
        }
        let index = try find(conceptID: conceptID, language: language, term: term)
        var fields = fields(at: index)!
        guard fields.count >= 5, TermForm(rawValue: fields[3])?.isTerm == true else {
            throw EditError("“\(term)” is a \(fields.count >= 4 ? fields[3] : "context") row, not a term: it cannot be preferred")
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
