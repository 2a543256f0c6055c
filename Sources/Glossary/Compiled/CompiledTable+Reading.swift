// Reading a compiled table: every check before any use, then a matcher whose trie lies
// in the mapped file and whose rows are made only if someone asks for them.

extension CompiledTable {
    /// A matcher from the compiled file `bytes`, which must have been made from `layers`
    /// (compared by length and ``ContentHash``) with `variants` by this build. Throws
    /// the reason it cannot be used; then compile the layers as usual.
    ///
    /// The matcher's trie is read in place from `bytes`, which it keeps alive; its
    /// ``Matcher/table`` makes its rows from the file on first use.
    package static func matcher(
        _ bytes: MappedBytes, fingerprint: [(length: UInt64, hash: UInt64)], variants: VariantRules = .shipped, keyCache: KeyCache? = nil,
        kinds: Set<ConceptKind> = ConceptKind.mentionedByDefault
    ) throws(Rejection) -> Matcher {
        let file = try File(bytes, variants: variants)
        try file.checkLayers(fingerprint)
        let keyMaker: KeyMaker
        do {
            keyMaker = try Matcher.keyMaker(variants: variants)
        } catch {
            throw .foreign("the variant rules do not compile")
        }
        if let keyCache { keyMaker.preload(keyCache, variants: variants.text) }
        let parts = try file.parts(keyMaker: keyMaker, variants: variants, kinds: kinds)
        // The checks read every page; the scan will read few of them again.
        bytes.releaseResidentPages()
        return Matcher(parts: parts)
    }

    /// A matcher from the compiled file at `path`, made from the table files `layerPaths`
    /// (bottom first; over the shipped layers with `overShipped`), which are hashed as
    /// they are read and not kept: the way to load a large table fast and small.
    /// Unreadable files are rejected.
    public static func matcher(
        contentsOfFile path: String, layerPaths: [String], overShipped: Bool = false, variants: VariantRules = .shipped,
        keyCache: KeyCache? = nil, kinds: Set<ConceptKind> = ConceptKind.mentionedByDefault
    ) throws(Rejection) -> Matcher {
        let bytes: MappedBytes
        var fingerprint = overShipped ? shippedFingerprint : []
        do {
            bytes = try MappedBytes(contentsOfFile: path)
            for layer in layerPaths { fingerprint.append(try ContentHash.ofFile(layer)) }
        } catch {
            throw .damaged("it or its table cannot be read: \(error)")
        }
        return try matcher(bytes, fingerprint: fingerprint, variants: variants, keyCache: keyCache, kinds: kinds)
    }

    /// The shipped data's matcher from its compiled form built into the library
    /// (`Data/terms.compiled`), or nil when that was made from other data or by another
    /// build (then compile ``TableLayer/shipped`` as usual).
    public static func shippedMatcher(
        variants: VariantRules = .shipped, kinds: Set<ConceptKind> = ConceptKind.mentionedByDefault
    ) -> Matcher? {
        try? matcher(MappedBytes(borrowing: EmbeddedData.compiled), fingerprint: shippedFingerprint, variants: variants,
                            keyCache: .shipped, kinds: kinds)
    }

    /// The fingerprint of the shipped layers built into the library.
    static var shippedFingerprint: [(length: UInt64, hash: UInt64)] {
        EmbeddedData.layerBytes.map { (UInt64($0.count), ContentHash.of($0)) }
    }

    /// A compiled file whose header, hash and section table are checked.
    struct File: @unchecked Sendable {
        // @unchecked: `sections` point into `bytes`, which is never written and lives as
        // long as the file value.
        let bytes: MappedBytes
        private var sections: [UnsafeRawBufferPointer] = []

        init(_ bytes: MappedBytes, variants: VariantRules) throws(Rejection) {
            self.bytes = bytes
            let all = bytes.bytes
            guard all.count >= headerSize, all.starts(with: magic) else { throw .foreign("not a compiled Glossary table") }
            func u32(_ at: Int) -> Int { Int(UInt32(littleEndian: all.loadUnaligned(fromByteOffset: at, as: UInt32.self))) }
            func u64(_ at: Int) -> UInt64 { UInt64(littleEndian: all.loadUnaligned(fromByteOffset: at, as: UInt64.self)) }
            guard u32(8) == Int(formatVersion) else { throw .foreign("format \(u32(8)), this build reads \(formatVersion)") }
            guard u32(12) == Section.allCases.count else { throw .damaged("it has \(u32(12)) sections") }
            guard u64(24) == UInt64(all.count) else { throw .damaged("it is \(all.count) bytes long but says \(u64(24))") }
            guard Trie.nodeLayoutIsStored, all.baseAddress.map({ Int(bitPattern: $0) % 8 == 0 }) ?? false else {
                throw .foreign("this build cannot read the nodes in place")
            }
            guard bytes.hash(from: headerSize) == u64(16) else {
                throw .damaged("its hash does not match its contents")
            }
            let tableEnd = headerSize + 16 * Section.allCases.count
            guard all.count >= tableEnd else { throw .damaged("its section table is cut short") }
            for section in Section.allCases {
                let at = headerSize + 16 * section.rawValue
                let offset = u64(at), length = u64(at + 8)
                guard offset >= UInt64(tableEnd), offset % 8 == 0, offset <= UInt64(all.count),
                    length <= UInt64(all.count) - offset, length % UInt64(section.width) == 0
                else { throw .damaged("section \(section) lies outside the file") }
                sections.append(UnsafeRawBufferPointer(rebasing: all[Int(offset)..<Int(offset + length)]))
            }
            guard self[.identity].elementsEqual(identity(variants: variants)) else {
                throw .foreign(String(decoding: self[.identity], as: UTF8.self))
            }
        }

        subscript(section: Section) -> UnsafeRawBufferPointer { sections[section.rawValue] }

        /// The records of a section.
        func records(_ section: Section) -> RecordReader {
            let bytes = self[section]
            return RecordReader(base: bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 8)!, count: bytes.count / section.width,
                                width: section.width)
        }

        /// Whether the file was made from layers with this fingerprint.
        func checkLayers(_ fingerprint: [(length: UInt64, hash: UInt64)]) throws(Rejection) {
            let layers = records(.layers)
            guard layers.count == fingerprint.count else {
                throw .stale("it was made from \(layers.count) layers, not \(fingerprint.count)")
            }
            for (index, print) in fingerprint.enumerated() where layers.u64(index, 0) != print.length || layers.u64(index, 8) != print.hash {
                let name = (try? stringRange(layers, index, 16)).map { string($0) } ?? "layer \(index + 1)"
                throw .stale("\(name) has changed since")
            }
        }

        /// The string at (offset, length) fields of a record, checked.
        func stringRange(_ reader: RecordReader, _ record: Int, _ field: Int) throws(Rejection) -> Range<Int> {
            let offset = reader.u32(record, field), length = reader.u32(record, field + 4)
            guard offset <= self[.strings].count, length <= self[.strings].count - offset else {
                throw .damaged("a string of section \(reader.width)-byte records lies outside the strings")
            }
            return offset..<offset + length
        }

        func string(_ range: Range<Int>) -> String {
            String(decoding: UnsafeRawBufferPointer(rebasing: self[.strings][range]), as: UTF8.self)
        }

        /// An array of (start, end) ranges, each inside `0...limit`.
        func ranges(_ section: Section, count: Int, limit: Int) throws(Rejection) -> [Range<Int32>] {
            let reader = records(section)
            guard reader.count == count else { throw .damaged("section \(section) has \(reader.count) records, not \(count)") }
            var result: [Range<Int32>] = []
            result.reserveCapacity(count)
            for index in 0..<count {
                let start = reader.u32(index, 0), end = reader.u32(index, 4)
                guard start <= end, end <= limit else { throw .damaged("a range of section \(section) lies outside its bytes") }
                result.append(Int32(start)..<Int32(end))
            }
            return result
        }

        /// Everything a matcher is made of, checked.
        func parts(keyMaker: KeyMaker, variants: VariantRules, kinds: Set<ConceptKind>) throws(Rejection) -> Matcher.Parts {
            let rows = records(.rows), languages = records(.languages), concepts = records(.concepts)
            let preferred = records(.preferred), entries = records(.entries), layers = records(.layers)

            // The trie first: its pages are given back before the arrays below are made.
            let nodes = self[.nodes], edges = self[.edges], accepts = self[.accepts]
            let nodePointer = nodes.baseAddress.map { $0.assumingMemoryBound(to: Trie.Node.self) }
            let edgePointer = (edges.baseAddress ?? UnsafeRawPointer(bitPattern: 8)!).assumingMemoryBound(to: UInt32.self)
            let acceptPointer = (accepts.baseAddress ?? UnsafeRawPointer(bitPattern: 8)!).assumingMemoryBound(to: Int32.self)
            guard let nodePointer else { throw .damaged("the trie has no nodes") }
            if let problem = Trie.problem(nodes: nodePointer, nodeCount: nodes.count / 16, edges: edgePointer, edgeCount: edges.count / 4,
                                          accepts: acceptPointer, acceptCount: accepts.count / 4, entryCount: entries.count)
            {
                throw .damaged(problem)
            }
            for section in [Section.nodes, .edges, .accepts] { bytes.release(self[section]) }

            var languageNames: [String] = []
            languageNames.reserveCapacity(languages.count)
            for index in 0..<languages.count { languageNames.append(string(try stringRange(languages, index, 0))) }
            // Rows: only what the entries need now; the rest when the table is asked for.
            var rowLanguage = [UInt16](repeating: 0, count: rows.count)
            var rowSharing = [Sharing](repeating: .none, count: rows.count)
            // (A row's strings are checked when the rows are made.)
            for index in 0..<rows.count {
                let language = rows.u32(index, 4)
                guard rows.u32(index, 0) < concepts.count, language < languageNames.count, rows.u16(index, 28) < layers.count,
                    Int(rows.u8(index, 30)) < TermForm.allCases.count,
                    rows.u8(index, 31) == 0xFF || Int(rows.u8(index, 31)) < TermStatus.allCases.count, rows.u8(index, 32) <= 2
                else { throw .damaged("row \(index) names no concept, language, layer, form, status or sharing") }
                rowLanguage[index] = UInt16(language)
                rowSharing[index] = sharingCodes[Int(rows.u8(index, 32))]
            }
            // Each section's pages are given back once read (the peak of resident memory
            // at start-up is what `glossary normalize` on a short text costs).
            bytes.release(self[.rows])

            var preferredTerms: [Matcher.PreferredTerm] = []
            preferredTerms.reserveCapacity(preferred.count)
            var preferredTermBytes: [UInt8] = []
            for index in 0..<preferred.count {
                let row = preferred.u32(index, 0)
                guard row < rows.count else { throw .damaged("preferred term \(index) is no row") }
                let form = TermForm.allCases[Int(rows.u8(row, 30))]
                let term = try stringRange(rows, row, 8)
                let from = Int32(preferredTermBytes.count)
                preferredTermBytes += self[.strings][term]
                preferredTerms.append(.init(row: Int32(row), language: rowLanguage[row], form: form,
                                            term: from..<Int32(preferredTermBytes.count)))
            }
            bytes.release(self[.preferred])

            var conceptList: [Matcher.Concept] = []
            conceptList.reserveCapacity(concepts.count)
            for index in 0..<concepts.count {
                let id = try stringRange(concepts, index, 0)
                let start = concepts.u32(index, 8), count = concepts.u32(index, 12), kind = concepts.u8(index, 16)
                guard start <= preferred.count, count <= preferred.count - start, kind == 0xFF || Int(kind) < ConceptKind.allCases.count
                else { throw .damaged("concept \(index) has preferred terms outside their section or no kind") }
                conceptList.append(Matcher.Concept(id: string(id), preferred: Int32(start)..<Int32(start + count),
                                                   kind: kind == 0xFF ? nil : ConceptKind.allCases[Int(kind)]))
            }
            bytes.release(self[.concepts])
            bytes.release(self[.strings])

            var entryList: [Matcher.Entry] = []
            entryList.reserveCapacity(entries.count)
            for index in 0..<entries.count {
                let row = entries.u32(index, 0), concept = entries.u32(index, 4)
                let formIndex = Int(entries.u8(index, 8)), rank = Int(entries.u8(index, 9)), flags = entries.u8(index, 10)
                guard row < rows.count, concept < conceptList.count, formIndex < TermForm.allCases.count, rank <= 2 else {
                    throw .damaged("entry \(index) names no row, concept or form")
                }
                let form = TermForm.allCases[formIndex]
                let kind = conceptList[concept].kind
                entryList.append(Matcher.Entry(
                    row: row, concept: Int32(concept), form: form, capitalizedSingleWord: flags & 1 != 0,
                    capitalizedPhrase: flags & 2 != 0, alsoTitlecase: flags & 4 != 0, rank: UInt8(rank), needsIntroduction: flags & 8 != 0,
                    standsAlone: flags & 16 != 0, silenced: form.isTerm && kind.map { !kinds.contains($0) } ?? false,
                    nativeScriptOnly: flags & 32 != 0, sharing: rowSharing[row], language: rowLanguage[row]))
            }

            bytes.release(self[.entries])
            let count = entryList.count
            let casedRanges = try ranges(.casedRanges, count: count, limit: self[.casedKeys].count)
            bytes.release(self[.casedRanges])
            let ownRanges = try ranges(.ownRanges, count: count, limit: self[.ownTexts].count)
            bytes.release(self[.ownRanges])
            let capsWords = try ranges(.capsWords, count: records(.capsWords).count, limit: self[.capsBytes].count)
            let capsRanges = try ranges(.capsRanges, count: count, limit: capsWords.count)
            var allCapsWords: [[[UInt8]]] = []
            allCapsWords.reserveCapacity(count)
            let capsBytes = self[.capsBytes]
            for range in capsRanges {
                allCapsWords.append(range.isEmpty ? [] : capsWords[Int(range.lowerBound)..<Int(range.upperBound)].map { word in
                    Array(capsBytes[Int(word.lowerBound)..<Int(word.upperBound)])
                })
            }

            bytes.release(self[.capsRanges])
            let findings = records(.findings)
            for index in 0..<findings.count {
                _ = try stringRange(findings, index, 0)
                _ = try stringRange(findings, index, 16)
                if findings.u32(index, 28) != 0xFFFF_FFFF { _ = try stringRange(findings, index, 24) }
                guard findings.u8(index, 32) <= 2 else { throw .damaged("finding \(index) has no severity") }
            }

            var sources: [String] = []
            for index in 0..<layers.count { sources.append(string(try stringRange(layers, index, 16))) }
            let casedKeys = Array(self[.casedKeys]), ownTexts = Array(self[.ownTexts])
            bytes.release(self[.casedKeys])
            let trie = Trie(nodes: nodePointer, nodeCount: nodes.count / 16, edges: edgePointer, edgeCount: edges.count / 4,
                            acceptEntries: acceptPointer, acceptCount: accepts.count / 4, owner: bytes)
            let conceptsForRows = conceptList, names = languageNames
            let table = TermTable(sources: sources) { [self] in
                (self.rows(concepts: conceptsForRows, languageNames: names), self.findings())
            }
            return Matcher.Parts(
                table: table, kinds: kinds, keyMaker: keyMaker, variantsText: variants.text, trie: trie, entries: entryList,
                concepts: conceptList, preferredTerms: preferredTerms,
                preferredTermBytes: preferredTermBytes, languageNames: languageNames,
                casedKeys: casedKeys, casedRanges: casedRanges, entryAllCapsWords: allCapsWords,
                ownTexts: ownTexts, ownRanges: ownRanges)
        }

        /// The table's rows, from the checked rows section.
        func rows(concepts: [Matcher.Concept], languageNames: [String]) -> [TermRow] {
            let rows = records(.rows)
            var result: [TermRow] = []
            result.reserveCapacity(rows.count)
            for index in 0..<rows.count {
                let status = rows.u8(index, 31), sharing = rows.u8(index, 32), flags = rows.u8(index, 33)
                var row = TermRow(
                    conceptID: concepts[rows.u32(index, 0)].id, language: languageNames[rows.u32(index, 4)],
                    term: string((try? stringRange(rows, index, 8)) ?? 0..<0), form: TermForm.allCases[Int(rows.u8(index, 30))],
                    status: status == 0xFF ? nil : TermStatus.allCases[Int(status)],
                    sharing: sharingCodes[Int(sharing)], needsIntroduction: flags & 1 != 0,
                    alsoTitlecase: flags & 2 != 0, note: string((try? stringRange(rows, index, 16)) ?? 0..<0), line: rows.u32(index, 24))
                row.layer = rows.u16(index, 28)
                result.append(row)
            }
            return result
        }

        /// The layer findings, from the checked findings section.
        func findings() -> [Diagnostic] {
            let findings = records(.findings)
            return (0..<findings.count).map { index in
                let fix = findings.u32(index, 28) == 0xFFFF_FFFF ? nil : string((try? stringRange(findings, index, 24)) ?? 0..<0)
                let severity: Diagnostic.Severity = [.error, .warning, .note][Int(findings.u8(index, 32))]
                return Diagnostic(
                    at: SourceLocation(file: string((try? stringRange(findings, index, 0)) ?? 0..<0), line: findings.u32(index, 8),
                                       column: findings.u32(index, 12)),
                    severity: severity, message: string((try? stringRange(findings, index, 16)) ?? 0..<0), fix: fix)
            }
        }
    }
}
