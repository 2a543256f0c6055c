import Glibc

/// The strict line-by-line parser behind ``TermTable``. It works on the raw bytes
/// (a 100,000-row table parses in a fraction of a second) and makes Strings only for
/// the fields of valid rows.
struct TableParser {
    let source: String
    let bytes: [UInt8]
    /// The layer the rows belong to (``TermRow/layer``).
    let layer: Int
    var diagnostics: [Diagnostic] = []
    /// The rows whose status is `removed`: they take a row of an earlier layer away
    /// (``TermTable/init(layers:)``), and are no rows of this one.
    var removals: [TermRow] = []

    init(source: String, bytes: [UInt8], layer: Int = 0) {
        self.source = source
        self.bytes = bytes
        self.layer = layer
    }

    mutating func error(_ line: Int, _ column: Int, _ message: String, fix: String? = nil) {
        if diagnostics.count < TableError.limit {
            diagnostics.append(Diagnostic(at: SourceLocation(file: source, line: line, column: column), message: message, fix: fix))
        }
    }

    /// A 64-bit hash of some fields of a row, for the duplicate checks. A hit is
    /// confirmed by comparing the rows themselves, so a collision never reports a false
    /// duplicate.
    static func identity(_ parts: String...) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a
        for part in parts {
            var part = part
            part.withUTF8 { for byte in $0 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 } }
            hash = (hash ^ 0x09) &* 0x100_0000_01B3
        }
        return hash
    }

    mutating func parse() throws(TableError) -> [TermRow] {
        var rows: [TermRow] = []
        var sawHeader = false
        var lineNumber = 0
        let estimate = bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } + 1
        var firstRowOf = RowsByHash(capacity: estimate)  // by id, language and term
        var preferredOf = RowsByHash(capacity: estimate)  // preferred rows by id, language and form
        rows.reserveCapacity(estimate)
        // Runs of adjacent rows of one concept that hold only context words, by concept and
        // first context line. Rare, so the common case costs no lookup; whether such a
        // concept has terms in another run is settled after the last row.
        var run = (id: "", hasTerm: true, firstContextLine: 0)
        var contextOnly: [String: Int] = [:]
        var kindRowOf: [String: Int] = [:]  // concept -> line of its kind row

        func closeRun() {
            if !run.hasTerm && run.firstContextLine > 0 && contextOnly[run.id] == nil { contextOnly[run.id] = run.firstContextLine }
        }

        let all = bytes
        all.withUnsafeBufferPointer { buffer in
            var start = buffer.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0  // a byte-order mark is tolerated
            while start < buffer.count {
                lineNumber += 1
                let end = buffer.baseAddress.map { base in
                    memchr(base + start, 0x0A, buffer.count - start).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? buffer.count
                } ?? buffer.count
                let line = UnsafeBufferPointer(rebasing: buffer[start..<end])
                start = end + 1
                guard validate(line, lineNumber) else { continue }
                if line.isEmpty || line[0] == UInt8(ascii: "#") || line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                if !sawHeader {
                    sawHeader = true
                    if !line.elementsEqual(TermTable.header.utf8) {
                        error(lineNumber, 1, "the first line that is not a comment must be the header",
                              fix: "write the header `id<TAB>lang<TAB>term<TAB>form<TAB>status<TAB>note`")
                    }
                    continue
                }
                guard var row = parseRow(line, lineNumber) else { continue }
                if row.isRemoval {
                    removals.append(row)
                    continue
                }
                // Rows of one concept are usually adjacent: share the id's storage.
                if row.conceptID == run.id {
                    row.conceptID = run.id
                } else {
                    closeRun()
                    run = (row.conceptID, false, 0)
                }

                let termIdentity = Self.identity(row.conceptID, row.language, row.term)
                if let first = firstRowOf.first(hash: termIdentity, where: {
                    rows[$0].conceptID == row.conceptID && rows[$0].language == row.language && rows[$0].term == row.term
                }) {
                    error(lineNumber, column(of: 2, in: line),
                          "the term “\(row.term)” is listed twice for \(row.conceptID) (\(row.language)); first at line \(rows[first].line)",
                          fix: "delete one of the two rows")
                } else {
                    firstRowOf.insert(hash: termIdentity, row: rows.count)
                }
                if row.status == .preferred {
                    let key = Self.identity(row.conceptID, row.language, row.form.rawValue)
                    if let first = preferredOf.first(hash: key, where: {
                        rows[$0].conceptID == row.conceptID && rows[$0].language == row.language && rows[$0].form == row.form
                    }) {
                        error(lineNumber, column(of: 4, in: line),
                              "a second preferred \(row.form.rawValue) term for \(row.conceptID) in \(row.language); the first is at line \(rows[first].line)",
                              fix: "make one of them `alt` (glossary set-pref chooses one for you)")
                    } else {
                        preferredOf.insert(hash: key, row: rows.count)
                    }
                }
                if row.form == .kind {
                    if let first = kindRowOf[row.conceptID] {
                        error(lineNumber, column(of: 2, in: line), "a second kind for \(row.conceptID); the first is at line \(first)",
                              fix: "keep one kind row per concept")
                    } else {
                        kindRowOf[row.conceptID] = lineNumber
                    }
                }
                if row.form == .context {
                    if run.firstContextLine == 0 { run.firstContextLine = lineNumber }
                } else if row.form.isTerm {
                    run.hasTerm = true
                }
                rows.append(row)
            }
        }
        closeRun()
        if !contextOnly.isEmpty {
            for row in rows where row.form.isTerm { contextOnly[row.conceptID] = nil }
        }
        if !sawHeader && diagnostics.isEmpty {
            error(max(lineNumber, 1), 1, "the table has no header and no rows",
                  fix: "start the file with the header `id<TAB>lang<TAB>term<TAB>form<TAB>status<TAB>note`")
        }
        for (concept, line) in contextOnly.sorted(by: { $0.value < $1.value }) {
            error(line, 1, "\(concept) has context words but no terms",
                  fix: "add at least one term for \(concept), or use an id that has terms")
        }
        if !diagnostics.isEmpty {
            diagnostics.sort { $0.location < $1.location }
            throw TableError(diagnostics)
        }
        return rows
    }

    /// Whether the line is UTF-8 without a carriage return or another control character
    /// (but tab); records a diagnostic at the first offender.
    mutating func validate(_ line: UnsafeBufferPointer<UInt8>, _ lineNumber: Int) -> Bool {
        var i = 0
        while i < line.count {
            let byte = line[i]
            if byte >= 0x20 && byte < 0x7F || byte == 0x09 {
                i += 1
                continue
            }
            let columnHere = columnOf(byteOffset: i, in: line)
            guard let (scalar, length) = decodeScalar(line, at: i) else {
                error(lineNumber, columnHere, "this is not UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true)))",
                      fix: "save the file as UTF-8")
                return false
            }
            if scalar == "\r" {
                error(lineNumber, columnHere, "the line ends in CR LF", fix: "save the file with LF line ends")
                return false
            }
            if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) {
                error(lineNumber, columnHere, "a control character U+\(hex(scalar.value)) is not allowed", fix: "delete it")
                return false
            }
            i += length
        }
        return true
    }

    /// The 1-based column, in scalars, of a byte offset of the line.
    func columnOf(byteOffset: Int, in line: UnsafeBufferPointer<UInt8>) -> Int {
        var column = 1
        for i in 0..<byteOffset where line[i] & 0xC0 != 0x80 { column += 1 }
        return column
    }

    /// The 1-based column (in scalars) where field `index` (0-based) starts.
    func column(of index: Int, in line: UnsafeBufferPointer<UInt8>) -> Int {
        var field = 0
        for i in 0..<line.count {
            if field == index { return columnOf(byteOffset: i, in: line) }
            if line[i] == 0x09 { field += 1 }
        }
        return columnOf(byteOffset: line.count, in: line)
    }

    /// Field ranges of the current line, kept between rows to spare an allocation a row.
    private var fields: [Range<Int>] = []

    mutating func parseRow(_ line: UnsafeBufferPointer<UInt8>, _ lineNumber: Int) -> TermRow? {
        fields.removeAll(keepingCapacity: true)
        var fieldStart = 0
        for i in 0..<line.count where line[i] == 0x09 {
            fields.append(fieldStart..<i)
            fieldStart = i + 1
        }
        fields.append(fieldStart..<line.count)
        guard fields.count == 6 || fields.count == 5 else {
            error(lineNumber, 1, "expected 6 tab-separated fields (id, lang, term, form, status, note), found \(fields.count)",
                  fix: fields.count > 6 ? "remove the extra tabs (a note may not contain a tab)" : "separate the fields with tabs")
            return nil
        }
        let fields = self.fields
        func text(_ index: Int) -> String { String(decoding: UnsafeBufferPointer(rebasing: line[fields[index]]), as: UTF8.self) }
        func bytes(_ index: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: line[fields[index]]) }
        var ok = true

        if !isSlug(bytes(0)) {
            error(lineNumber, 1, "“\(text(0))” is not a concept id", fix: "use lowercase ASCII letters and digits joined by single hyphens, such as sergei-shoigu")
            ok = false
        }
        if !isLanguageTag(bytes(1)) {
            error(lineNumber, column(of: 1, in: line), "“\(text(1))” is not a BCP 47 language tag",
                  fix: "use a tag such as id, en, ru, zh, zh-Hant, or und for a form of no language")
            ok = false
        }
        let termIsASCII = bytes(2).allSatisfy { $0 < 0x80 }
        if termIsASCII ? bytes(2).allSatisfy({ $0 == 0x20 }) : text(2).unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
            error(lineNumber, column(of: 2, in: line), "the term is empty", fix: "write the spelling, or delete the row")
            ok = false
        }
        let form = TermForm(bytes(3))
        if form == nil {
            error(lineNumber, column(of: 3, in: line), "unknown form “\(text(3))”", fix: "use full, short or abbr for a term, or context, title or protected")
            ok = false
        }
        var status: TermStatus?
        var sharing = Sharing.none
        var needsIntroduction = false, alsoTitlecase = false
        let statusBytes = bytes(4)
        let removal = statusBytes.elementsEqual("removed".utf8)
        if removal {
            if form == .kind {
                error(lineNumber, column(of: 4, in: line), "a kind row cannot be removed",
                      fix: "write the concept's kind in a kind row of this layer: it replaces the earlier one")
                ok = false
            }
        } else if let form, !form.isTerm {
            if !statusBytes.isEmpty {
                error(lineNumber, column(of: 4, in: line), "a \(form.rawValue) row has no status, found “\(text(4))”",
                      fix: "leave the status empty on \(form.rawValue) rows: only terms have one")
                ok = false
            }
        } else {
            if let field = StatusField(bytes: statusBytes) {
                status = field.status
                sharing = field.sharing
                needsIntroduction = field.needsIntroduction
                alsoTitlecase = field.alsoTitlecase
                if alsoTitlecase && form != .abbr {
                    error(lineNumber, column(of: 4, in: line), "+titlecase is for abbreviations (Asean for ASEAN), and this row is \(form.map(\.rawValue) ?? "not one")",
                          fix: "make the row an abbr, or remove +titlecase")
                    ok = false
                }
            } else {
                let plus = statusBytes.firstIndex(of: UInt8(ascii: "+")) ?? statusBytes.endIndex
                let known = TermStatus(UnsafeBufferPointer(rebasing: statusBytes[..<plus])) != nil
                error(lineNumber, column(of: 4, in: line),
                      known ? "the status “\(text(4))” has a suffix that is unknown or given twice" : "unknown status “\(text(4))”",
                      fix: "use pref, alt or deprecated, then optionally +shared (this spelling also names another concept) or +default (and this is the sense to use when the context does not decide), +intro (it counts only after its concept is introduced), and +titlecase (an abbreviation also written with one capital, Asean); or, in a layer, removed (it takes away the earlier layer's row)")
                ok = false
            }
        }
        if form == .kind && ok {
            if !bytes(1).elementsEqual("und".utf8) {
                error(lineNumber, column(of: 1, in: line), "a kind row is in the language und, not “\(text(1))”",
                      fix: "write und in the language column")
                ok = false
            }
            if ConceptKind(rawValue: text(2)) == nil {
                error(lineNumber, column(of: 2, in: line), "unknown kind “\(text(2))”",
                      fix: "use one of \(ConceptKind.allCases.map(\.rawValue).joined(separator: ", "))")
                ok = false
            }
        }
        guard ok, let form else { return nil }
        let term = termIsASCII ? text(2) : nfc(text(2))
        var row = TermRow(conceptID: text(0), language: text(1), term: term, form: form, status: status, sharing: sharing,
                          needsIntroduction: needsIntroduction, alsoTitlecase: alsoTitlecase, note: fields.count == 6 ? text(5) : "", line: lineNumber)
        row.layer = layer
        row.isRemoval = removal
        return row
    }
}

extension TermForm {
    /// The form spelled by these bytes, as `init(rawValue:)` without making a String.
    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let form = TermForm.allCases.first(where: { bytes.elementsEqual($0.rawValue.utf8) }) else { return nil }
        self = form
    }
}

extension TermStatus {
    /// The status spelled by these bytes, as `init(rawValue:)` without making a String.
    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let status = TermStatus.allCases.first(where: { bytes.elementsEqual($0.rawValue.utf8) }) else { return nil }
        self = status
    }
}
