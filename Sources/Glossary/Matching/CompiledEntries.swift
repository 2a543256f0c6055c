/// The rows of a table compiled into matcher entries: step 3 of compiling a
/// ``Matcher``. Each row's term is tokenized and keyed exactly as text is (so a term's
/// key is its tokens' folded keys back to back), checked, and checked against the other
/// concepts' terms with the same key (rule 9).
///
/// Entry `i` has key `keys[i]`; its cased key and its all-caps words are kept beside it.
struct CompiledEntries {
    var entries: [Matcher.Entry] = []
    var keys = FlatKeys()
    var casedKeys: [UInt8] = []
    var casedRanges: [Range<Int32>] = []
    var allCapsWords: [[[UInt8]]] = []
    /// Per abbreviation: its words in NFKC, back to back (rule 4: the surface is written
    /// in the abbreviation's own script); an empty range for other rows.
    var ownTexts: [UInt8] = []
    var ownRanges: [Range<Int32>] = []

    private var diagnostics: [Diagnostic] = []
    /// Row index → index in the matcher's language names (``ConceptIndex``).
    private let languageOfRow: [UInt16]
    /// Key → entry index of the first term row with it.
    private var firstTermWithKey: FlatKeyIndex
    /// Key → entry index of the `+default` row with it.
    private var defaultWithKey: [[UInt8]: Int] = [:]

    /// Compiles every row; throws every problem found (at most `TableError.limit`).
    init(table: TermTable, conceptOfRow: [Int32], languageOfRow: [UInt16], keyMaker: KeyMaker, kinds: Set<ConceptKind>) throws(TableError) {
        self.languageOfRow = languageOfRow
        let kindOf = table.kinds
        let silenced = Set(kindOf.filter { !kinds.contains($0.value) }.keys)
        firstTermWithKey = FlatKeyIndex(capacity: table.rows.count)
        entries.reserveCapacity(table.rows.count)
        casedRanges.reserveCapacity(table.rows.count)
        allCapsWords.reserveCapacity(table.rows.count)
        var scratch = LineTokens()
        for (index, row) in table.rows.enumerated() where row.form != .kind {
            let location = table.location(of: row, column: Self.termColumn(row))
            let silent = row.form.isTerm && !silenced.isEmpty && silenced.contains(row.conceptID)
            let city = row.form == .full && kindOf[row.conceptID] == .city
            for spelling in [row] + Self.inflectedContext(row) {
                add(spelling, index, conceptOfRow[index], silenced: silent, city: city, &scratch, keyMaker, table, at: location)
            }
        }
        if !diagnostics.isEmpty { throw TableError(diagnostics) }
    }

    /// An Indonesian context word of one lowercase word also counts in its inflected
    /// forms (``IndonesianMorphology/derivedForms(of:)``): each is an entry of the same row.
    static func inflectedContext(_ row: TermRow) -> [TermRow] {
        guard row.form == .context, row.language == "id" || row.language.hasPrefix("id-") else { return [] }
        return IndonesianMorphology.derivedForms(of: row.term).map { form in
            var inflected = row
            inflected.term = form
            return inflected
        }
    }

    /// Compiles one spelling of row `index` into an entry.
    private mutating func add(
        _ row: TermRow, _ index: Int, _ concept: Int32, silenced: Bool, city: Bool, _ scratch: inout LineTokens, _ keyMaker: KeyMaker,
        _ table: TermTable, at location: SourceLocation
    ) {
        guard let keyed = key(row, &scratch, keyMaker, at: location) else { return }
        let statusRank = row.status == .preferred ? 0 : row.status == .admitted ? 1 : 2
        let entry = Matcher.Entry(
            row: index, concept: concept, form: row.form,
            capitalizedSingleWord: keyed.words == 1 && keyed.tokens == 1 && keyed.hasUpper,
            capitalizedPhrase: keyed.hasUpper && !(keyed.words == 1 && keyed.tokens == 1) && row.form != .abbr,
            alsoTitlecase: row.alsoTitlecase, rank: UInt8(statusRank), needsIntroduction: row.needsIntroduction,
            standsAlone: row.form == .short || (city && keyed.words == 1 && keyed.tokens == 1), silenced: silenced,
            nativeScriptOnly: !row.term.utf8.contains { ($0 | 0x20) &- 0x61 < 26 }, sharing: row.sharing,
            language: languageOfRow[index])
        if row.form.isTerm || row.form == .protected { checkSharedKey(of: row, key: keys.count - 1, table, at: location) }
        entries.append(entry)
        casedRanges.append(keyed.cased)
        allCapsWords.append(keyed.allCapsWords)
        let ownStart = Int32(ownTexts.count)
        if row.form == .abbr { ownTexts += keyed.ownText }
        ownRanges.append(ownStart..<Int32(ownTexts.count))
    }

    /// Whether entry `index` can never match an all-lowercase word (rules 4 and 5), which
    /// the trie marks so that the cold path passes over such words.
    func needsCapitals(_ index: Int) -> Bool {
        let entry = entries[index]
        if !entry.form.isTerm && entry.form != .protected { return false }
        if entry.capitalizedSingleWord { return true }
        let range = casedRanges[index]
        return entry.isAbbr && casedKeys[Int(range.lowerBound)..<Int(range.upperBound)].contains { $0 &- 0x41 < 26 }
    }

    /// What keying a term found out about it.
    private struct KeyedTerm {
        var cased: Range<Int32>
        var allCapsWords: [[UInt8]]
        var words: Int
        var tokens: Int
        var hasUpper: Bool
        /// The words in NFKC, back to back.
        var ownText: [UInt8]
    }

    /// Appends the row's folded key to `keys` and its cased key to `casedKeys`; nil (and
    /// nothing appended, a diagnostic reported) when the term cannot be a key.
    private mutating func key(
        _ row: TermRow, _ scratch: inout LineTokens, _ keyMaker: KeyMaker, at location: SourceLocation
    ) -> KeyedTerm? {
        let keyStart = keys.bytes.count, casedStart = casedKeys.count
        var keyed = KeyedTerm(cased: 0..<0, allCapsWords: [], words: 0, tokens: 0, hasUpper: false, ownText: [])
        var firstKind = Token.Kind.punct, hardGapInside = false
        var term = row.term
        term.withUTF8 { line in
            scratch.tokenize(line, keyMaker: keyMaker)
            keyed.tokens = scratch.tokens.count
            for (index, token) in scratch.tokens.enumerated() {
                if index == 0 { firstKind = token.kind } else if token.gapBefore == .hard { hardGapInside = true }
                let folded = LineTokens.folded(token, stem: false, line, scratch.keys)
                keys.bytes += folded
                casedKeys += LineTokens.cased(token, stem: false, line, scratch.keys)
                if token.kind == .word {
                    keyed.words += 1
                    keyed.ownText += nfkcBytes(UnsafeBufferPointer(rebasing: line[Int(token.start)..<Int(token.end)]))
                }
                if token.flags.contains(.hasUpper) { keyed.hasUpper = true }
                if token.flags.contains(.allCaps) { keyed.allCapsWords.append(Array(folded)) }
            }
        }
        let problem: (message: String, fix: String)?
        if keyed.tokens == 0 || keys.bytes.count == keyStart {
            problem = ("the term “\(row.term)” has no letters or digits", "write the spelling with letters or digits")
        } else if firstKind == .punct {
            problem = ("the term “\(row.term)” starts with punctuation", "start the term with a letter or digit")
        } else if hardGapInside {
            problem = ("the term “\(row.term)” contains a control character", "delete it")
        } else if row.term.unicodeScalars.contains(where: { $0 == "\u{27E6}" || $0 == "\u{27E7}" }) {
            problem = ("the term “\(row.term)” contains ⟦ or ⟧, the markup of the tag format", "remove the bracket")
        } else {
            problem = nil
        }
        if let problem {
            keys.bytes.removeSubrange(keyStart...)
            casedKeys.removeSubrange(casedStart...)
            report(problem.message, fix: problem.fix, at: location)
            return nil
        }
        keys.end()
        keyed.cased = Int32(casedStart)..<Int32(casedKeys.count)
        return keyed
    }

    /// Rule 9: two concepts may share a key only if both rows say so (`+shared`, or
    /// `+default` for at most one of them).
    private mutating func checkSharedKey(of row: TermRow, key keyIndex: Int, _ table: TermTable, at location: SourceLocation) {
        if let other = firstTermWithKey.find(keyIndex, in: keys) {
            let otherRow = table.rows[entries[other].row]
            if otherRow.conceptID != row.conceptID && (otherRow.form == .protected || row.form == .protected) {
                report(
                    "the \(row.form.rawValue) “\(row.term)” of \(row.conceptID) has the same match key “\(String(decoding: keys[keyIndex], as: UTF8.self))” as the \(otherRow.form.rawValue) “\(otherRow.term)” of \(otherRow.conceptID) at \(table.place(of: otherRow, seenFrom: row))",
                    fix: "a protected name is never a mention, so it cannot share a spelling with a term: remove one of them, or make the name a term of its own concept",
                    at: location)
            } else if otherRow.conceptID != row.conceptID && (otherRow.sharing == .none || row.sharing == .none) {
                report(
                    "the term “\(row.term)” of \(row.conceptID) has the same match key “\(String(decoding: keys[keyIndex], as: UTF8.self))” as “\(otherRow.term)” of \(otherRow.conceptID) at \(table.place(of: otherRow, seenFrom: row))",
                    fix: "if the spelling really names both concepts, mark both rows +shared (one of them may be +default); otherwise remove or correct one of them",
                    at: location)
            }
        } else {
            firstTermWithKey.insert(keyIndex, in: keys)
        }
        guard row.sharing == .defaultSense else { return }
        let key = Array(keys[keyIndex])
        if let other = defaultWithKey[key], table.rows[entries[other].row].conceptID != row.conceptID {
            let otherRow = table.rows[entries[other].row]
            report("“\(row.term)” is the default sense of two concepts: \(otherRow.conceptID) (\(table.place(of: otherRow, seenFrom: row))) and \(row.conceptID)",
                   fix: "keep +default on one of them and make the other +shared", at: location)
        } else {
            defaultWithKey[key] = entries.count
        }
    }

    private mutating func report(_ message: String, fix: String, at location: SourceLocation) {
        if diagnostics.count < TableError.limit {
            diagnostics.append(Diagnostic(at: location, message: message, fix: fix))
        }
    }

    /// The column where a row's term starts (its id and language are ASCII or nearly).
    private static func termColumn(_ row: TermRow) -> Int {
        row.conceptID.unicodeScalars.count + row.language.unicodeScalars.count + 3
    }
}
