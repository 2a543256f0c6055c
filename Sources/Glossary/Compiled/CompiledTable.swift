/// The compiled form of a table: everything a ``Matcher`` is made of (entries, keys,
/// trie, concepts, rows), in one file that `glossary compile` writes beside the table
/// (`NAME.compiled` for `NAME.tsv`) and a later run maps into memory instead of
/// parsing, keying and building again (DESIGN.md, "The compiled table").
///
/// A compiled file is used only for the layers and variant rules it was made from, by
/// the build that reads it; anything else is rejected with the reason
/// (``CompiledTable/Rejection``) and the caller compiles the table as usual:
/// - the header names the format, Glossary's key pipeline, ICU's version and a hash of
///   the variant rules, and must match this build's exactly;
/// - the file records each layer's length and `ContentHash`; a layer that differs
///   makes the file stale;
/// - a hash of everything after the header must match, so a damaged file is refused;
/// - every index the scan follows is checked before it is used (`Trie.problem`,
///   and the checks of the rows, concepts and entries below), so even a file forged
///   to pass the hash can give wrong mentions but never a read outside the file.
///
/// Layout: a 32-byte header (`GLOSSTBL`, format version, section count, hash of the rest,
/// total length), a table of sections (offset and length, 8-byte aligned), then the
/// sections in `Section` order, each an array of fixed-width little-endian records
/// (their widths are in `Section.width`). Strings are (offset, length) pairs into the
/// `strings` section.
public enum CompiledTable {
    static let magic = Array("GLOSSTBL".utf8)
    /// Bump when the layout or the meaning of a field changes.
    static let formatVersion: UInt32 = 1
    static let headerSize = 32

    /// Why a compiled file was not used.
    public enum Rejection: Error, Sendable, Equatable, CustomStringConvertible {
        /// Not a compiled table of this build: another format, key pipeline, ICU or set
        /// of variant rules.
        case foreign(String)
        /// Made from other layers (or other versions of them).
        case stale(String)
        /// Its bytes are not what `glossary compile` wrote.
        case damaged(String)

        /// The reason, as a clause: "it was made by another build …".
        public var description: String {
            switch self {
            case .foreign(let why): "it was made by another build or with other variant rules (\(why))"
            case .stale(let why): "it was made from another version of the table (\(why))"
            case .damaged(let why): "it is damaged (\(why))"
            }
        }
    }

    /// The path of the compiled form of a table file: `NAME.compiled` for `NAME.tsv`
    /// (the name with `.compiled` added otherwise).
    public static func path(forTable path: String) -> String {
        (path.hasSuffix(".tsv") ? String(path.dropLast(4)) : path) + ".compiled"
    }

    /// A row's sharing as the file codes it: its index here.
    static let sharingCodes: [Sharing] = [.none, .shared, .defaultSense]

    /// The sections, in file order.
    enum Section: Int, CaseIterable {
        case identity, layers, strings, rows, languages, concepts, preferred, entries
        case casedKeys, casedRanges, capsRanges, capsWords, capsBytes, ownTexts, ownRanges
        case nodes, edges, accepts, findings

        /// The width of one record (1 for byte arrays).
        var width: Int {
            switch self {
            case .identity, .strings, .casedKeys, .capsBytes, .ownTexts: 1
            case .layers: 24
            case .rows: 36
            case .languages, .casedRanges, .capsRanges, .capsWords, .ownRanges: 8
            case .concepts: 20
            case .preferred, .edges, .accepts: 4
            case .entries: 12
            case .nodes: 16
            case .findings: 36
            }
        }
    }

    /// What a compiled file must say it was made by: this format, key pipeline, ICU and
    /// variant rules.
    static func identity(variants: VariantRules) -> [UInt8] {
        Array("glossary-compiled\t\(formatVersion)\t\(KeyCache.header(variants: variants.text))".utf8)
    }

    /// The length and hash of each layer, as a compiled file records them.
    static func fingerprint(of layers: [TableLayer]) -> [(length: UInt64, hash: UInt64)] {
        layers.map { (UInt64($0.bytes.count), ContentHash.of($0.bytes)) }
    }
}

// MARK: Writing

extension CompiledTable {
    /// The compiled form of `matcher`, which was compiled from `layers` with `variants`.
    public static func encode(_ matcher: Matcher, layers: [TableLayer], variants: VariantRules) -> [UInt8] {
        let table = matcher.table
        let rows = table.rows
        var strings = StringPool()
        var sections = [[UInt8]](repeating: [], count: Section.allCases.count)

        sections[Section.identity.rawValue] = identity(variants: variants)
        var w = BinaryWriter()
        for (layer, print) in zip(layers, fingerprint(of: layers)) {
            let name = strings.add(layer.source)
            w.u64(print.length)
            w.u64(print.hash)
            w.u32(name.offset)
            w.u32(name.length)
        }
        sections[Section.layers.rawValue] = w.bytes

        // Languages: the matcher's (its entries index them), then those only rows have.
        var languageNames = matcher.languageNames
        var languageIndex: [String: Int] = [:]
        for (index, name) in languageNames.enumerated() { languageIndex[name] = index }
        w = BinaryWriter()
        var conceptIndex: [String: Int] = [:]
        for (index, concept) in matcher.concepts.enumerated() { conceptIndex[concept.id] = index }
        for row in rows {
            let language: Int
            if let known = languageIndex[row.language] {
                language = known
            } else {
                language = languageNames.count
                languageIndex[row.language] = language
                languageNames.append(row.language)
            }
            let term = strings.add(row.term), note = strings.add(row.note)
            w.u32(conceptIndex[row.conceptID]!)  // every row's concept is one of the matcher's
            w.u32(language)
            w.u32(term.offset)
            w.u32(term.length)
            w.u32(note.offset)
            w.u32(note.length)
            w.u32(row.line)
            w.u16(UInt16(row.layer))
            w.u8(UInt8(TermForm.allCases.firstIndex(of: row.form)!))
            w.u8(row.status.map { UInt8(TermStatus.allCases.firstIndex(of: $0)!) } ?? 0xFF)
            w.u8(UInt8(sharingCodes.firstIndex(of: row.sharing)!))
            w.u8((row.needsIntroduction ? 1 : 0) | (row.alsoTitlecase ? 2 : 0))
            w.u16(0)
        }
        sections[Section.rows.rawValue] = w.bytes

        w = BinaryWriter()
        for name in languageNames {
            let ref = strings.add(name)
            w.u32(ref.offset)
            w.u32(ref.length)
        }
        sections[Section.languages.rawValue] = w.bytes

        w = BinaryWriter()
        for concept in matcher.concepts {
            let id = strings.add(concept.id)
            w.u32(id.offset)
            w.u32(id.length)
            w.u32(Int(concept.preferred.lowerBound))
            w.u32(concept.preferred.count)
            w.u8(concept.kind.map { UInt8(ConceptKind.allCases.firstIndex(of: $0)!) } ?? 0xFF)
            w.raw([0, 0, 0])
        }
        sections[Section.concepts.rawValue] = w.bytes

        w = BinaryWriter()
        for term in matcher.preferredTerms { w.u32(Int(term.row)) }
        sections[Section.preferred.rawValue] = w.bytes

        w = BinaryWriter()
        for entry in matcher.entries {
            w.u32(entry.row)
            w.u32(Int(entry.concept))
            w.u8(UInt8(TermForm.allCases.firstIndex(of: entry.form)!))
            w.u8(UInt8(entry.rank))
            var flags: UInt8 = 0
            if entry.capitalizedSingleWord { flags |= 1 }
            if entry.capitalizedPhrase { flags |= 2 }
            if entry.alsoTitlecase { flags |= 4 }
            if entry.needsIntroduction { flags |= 8 }
            if entry.standsAlone { flags |= 16 }
            if entry.nativeScriptOnly { flags |= 32 }
            w.u8(flags)
            w.u8(0)
        }
        sections[Section.entries.rawValue] = w.bytes

        func ranges(_ ranges: [Range<Int32>]) -> [UInt8] {
            var w = BinaryWriter()
            for range in ranges {
                w.i32(range.lowerBound)
                w.i32(range.upperBound)
            }
            return w.bytes
        }
        sections[Section.casedKeys.rawValue] = matcher.casedKeys
        sections[Section.casedRanges.rawValue] = ranges(matcher.casedRanges)
        var capsRanges: [Range<Int32>] = [], capsWords: [Range<Int32>] = [], capsBytes: [UInt8] = []
        for words in matcher.entryAllCapsWords {
            let start = Int32(capsWords.count)
            for word in words {
                let from = Int32(capsBytes.count)
                capsBytes += word
                capsWords.append(from..<Int32(capsBytes.count))
            }
            capsRanges.append(start..<Int32(capsWords.count))
        }
        sections[Section.capsRanges.rawValue] = ranges(capsRanges)
        sections[Section.capsWords.rawValue] = ranges(capsWords)
        sections[Section.capsBytes.rawValue] = capsBytes
        sections[Section.ownTexts.rawValue] = matcher.ownTexts
        sections[Section.ownRanges.rawValue] = ranges(matcher.ownRanges)

        w = BinaryWriter()
        for node in matcher.trie.storedNodes {
            w.i32(node.edgeStart)
            w.u32(node.counts)
            w.i32(node.acceptStart)
            w.u32(node.firstEdge)
        }
        sections[Section.nodes.rawValue] = w.bytes
        w = BinaryWriter()
        for edge in matcher.trie.storedEdges { w.u32(edge) }
        sections[Section.edges.rawValue] = w.bytes
        w = BinaryWriter()
        for entry in matcher.trie.storedAccepts { w.i32(entry) }
        sections[Section.accepts.rawValue] = w.bytes

        w = BinaryWriter()
        for finding in table.layerFindings {
            let file = strings.add(finding.location.file), message = strings.add(finding.message)
            let fix = finding.fix.map { strings.add($0) }
            w.u32(file.offset)
            w.u32(file.length)
            w.u32(finding.location.line)
            w.u32(finding.location.column)
            w.u32(message.offset)
            w.u32(message.length)
            w.u32(fix?.offset ?? 0)
            w.u32(fix?.length ?? 0xFFFF_FFFF)
            w.u8(finding.severity == .error ? 0 : finding.severity == .warning ? 1 : 2)
            w.raw([0, 0, 0])
        }
        sections[Section.findings.rawValue] = w.bytes
        sections[Section.strings.rawValue] = strings.bytes

        // The header, the section table, the sections.
        var body = BinaryWriter()
        var offset = headerSize + 16 * sections.count
        for section in sections {
            body.u64(UInt64(offset))
            body.u64(UInt64(section.count))
            offset += (section.count + 7) & ~7
        }
        for section in sections {
            body.raw(section)
            body.pad(to: 8)
        }
        var file = BinaryWriter()
        file.raw(magic)
        file.u32(formatVersion)
        file.u32(UInt32(sections.count))
        file.u64(body.bytes.withUnsafeBytes { ContentHash.of($0) })
        file.u64(UInt64(headerSize + body.bytes.count))
        file.raw(body.bytes)
        return file.bytes
    }
}
