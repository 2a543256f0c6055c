/// The linter behind `glossary check`: everything the loader rejects (errors), and the
/// things a loadable table can still get wrong (warnings).
///
/// Errors: every loader error, including terms of two concepts with the same match key.
///
/// Warnings, each at the row's line and the column of the field:
/// - a term that can never match as written: put in a neutral sentence, it is not found
///   as a mention of its own concept (a longer term swallows it, or the rules exclude it);
/// - a term with the same match key as another row of the same concept and language
///   (redundant: it adds no match);
/// - a concept without a preferred full term in `en` or in `id`;
/// - a deprecated term with no preferred term in its language to replace it;
/// - an abbreviation with no capital letter (abbreviations match only in their own
///   case, so it matches the common lowercase word);
/// - a short term that is one of the most common surnames (`Data/common-surnames.txt`)
///   without `+intro`, and a `+intro` term whose concept has nothing to introduce it;
/// - a field with spaces around it or two spaces in a row, a term not in NFC, an
///   invisible character, and a word that mixes scripts (a likely look-alike typo).
public enum TableCheck {
    /// Checks a table held in memory. The findings come in file order.
    public static func check(
        utf8 bytes: [UInt8], source: String, variants: VariantRules = .shipped, keyCache: KeyCache? = nil
    ) -> [Diagnostic] {
        check(layers: [TableLayer(utf8: bytes, source: source)], variants: variants, keyCache: keyCache)
    }

    /// Checks layers and their merge (``TermTable/init(layers:)``): each layer's own
    /// problems, and the conflicts between layers with both locations (two concepts with
    /// one key, a removal of nothing, a row that repeats an earlier layer's). With
    /// `refinements`, also a note for every row that a later layer changes. The findings
    /// come in the order of the layers, then of their lines.
    public static func check(
        layers: [TableLayer], variants: VariantRules = .shipped, keyCache: KeyCache? = nil, refinements: Bool = false
    ) -> [Diagnostic] {
        var findings = layers.flatMap { textFindings($0.bytes, source: $0.source) }
        do {
            let table = try TermTable(layers: layers)
            let matcher = try Matcher(table: table, variants: variants, keyCache: keyCache, kinds: Set(ConceptKind.allCases))
            findings += table.layerFindings.filter { refinements || $0.severity != .note }
            findings += tableFindings(matcher)
        } catch {
            findings += error.diagnostics
        }
        let order = Dictionary(layers.map(\.source).enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return findings.sorted {
            (order[$0.location.file] ?? 0, $0.location.line, $0.location.column, $0.severity == .error ? 0 : 1)
                < (order[$1.location.file] ?? 0, $1.location.line, $1.location.column, $1.severity == .error ? 0 : 1)
        }
    }

    // MARK: Text

    /// Findings on the raw text of each row: spaces, NFC, invisible characters, scripts.
    static func textFindings(_ bytes: [UInt8], source: String) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        let text = String(decoding: bytes, as: UTF8.self)
        var sawHeader = false
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("#") || line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            if !sawHeader {
                sawHeader = true
                continue
            }
            let lineNumber = index + 1
            var column = 1
            for (fieldIndex, field) in line.split(separator: "\t", omittingEmptySubsequences: false).enumerated() {
                defer { column += field.unicodeScalars.count + 1 }
                func warn(_ offset: Int, _ message: String, fix: String) {
                    findings.append(Diagnostic(at: SourceLocation(file: source, line: lineNumber, column: column + offset), severity: .warning,
                                               message: message, fix: fix))
                }
                let name = ["concept id", "language", "term", "form", "status", "note"][min(fieldIndex, 5)]
                let scalars = Array(field.unicodeScalars)
                if let first = scalars.first, first.properties.isWhitespace {
                    warn(0, "the \(name) starts with a space", fix: "delete it (glossary format does)")
                } else if let last = scalars.last, last.properties.isWhitespace {
                    warn(scalars.count - 1, "the \(name) ends with a space", fix: "delete it (glossary format does)")
                }
                if let double = zip(scalars, scalars.dropFirst()).enumerated().first(where: { $0.element.0 == " " && $0.element.1 == " " }) {
                    warn(double.offset, "two spaces in a row in the \(name)", fix: "write one space")
                }
                if let invisible = scalars.firstIndex(where: isInvisible) {
                    let scalar = scalars[invisible]
                    warn(invisible, "an invisible character U+\(hex(scalar.value)) \(scalar.properties.name ?? "") in the \(name)",
                         fix: "delete it; if a space is meant, type a plain space")
                }
                guard fieldIndex == 2 else { continue }
                let term = String(field)
                if !nfc(term).utf8.elementsEqual(term.utf8) {  // String == compares canonically, so compare bytes
                    warn(0, "the term is not in NFC (a letter and its accent are stored apart); the loader composes it",
                         fix: "run glossary format, which writes it in NFC")
                }
                if let (offset, scripts) = mixedScriptWord(scalars) {
                    warn(offset, "a word of the term mixes \(scripts) letters: a look-alike letter typed by mistake?",
                         fix: "retype the word in one script; Glossary already matches look-alike spellings in text")
                }
            }
        }
        return findings
    }

    /// Format characters (zero-width spaces and joiners, bidi controls, the BOM, the soft
    /// hyphen), variation selectors, and spaces other than U+0020.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .format: return true
        case .spaceSeparator: return scalar != " "
        case .nonspacingMark: return (0xFE00...0xFE0F).contains(scalar.value) || (0xE0100...0xE01EF).contains(scalar.value)
        default: return false
        }
    }

    /// The first word (split at spaces and hyphens) whose letters come from more than one
    /// of Latin, Cyrillic and Greek, with its offset and the scripts' names.
    static func mixedScriptWord(_ scalars: [Unicode.Scalar]) -> (Int, String)? {
        var start = 0
        while start < scalars.count {
            var end = start
            var seen: [Script] = []
            while end < scalars.count && !(scalars[end].properties.isWhitespace || scalars[end] == "-") {
                let script = Script(of: scalars[end])
                if [.latin, .cyrillic, .greek].contains(script) && !seen.contains(script) { seen.append(script) }
                end += 1
            }
            if seen.count > 1 {
                let names = seen.map { $0 == .latin ? "Latin" : $0 == .cyrillic ? "Cyrillic" : "Greek" }
                return (start, names.joined(separator: " and "))
            }
            start = end + 1
        }
        return nil
    }

    /// The surnames of `Data/common-surnames.txt`, in lower case.
    static let commonSurnames: Set<String> = {
        let text = String(decoding: EmbeddedData.commonSurnames, as: UTF8.self)
        return Set(text.split(separator: "\n").map { $0.trimmingSpaces().lowercased() }.filter { !$0.isEmpty && !$0.hasPrefix("#") })
    }()

    // MARK: Table

    /// Findings that need the compiled table; with `only`, about that concept's rows.
    public static func tableFindings(_ matcher: Matcher, only concept: String? = nil) -> [Diagnostic] {
        let table = matcher.table
        func included(_ row: TermRow) -> Bool { concept == nil || row.conceptID == concept }
        var findings: [Diagnostic] = []
        func warn(_ row: TermRow, field: Int, _ message: String, fix: String) {
            var column = 1
            if field > 0 { column += row.conceptID.unicodeScalars.count + 1 }
            if field > 1 { column += row.language.unicodeScalars.count + 1 }
            if field > 2 { column += row.term.unicodeScalars.count + 1 }
            if field > 3 { column += row.form.rawValue.count + 1 }
            findings.append(Diagnostic(at: table.location(of: row, column: column), severity: .warning, message: message, fix: fix))
        }

        var rowsOfConcept: [String: [Int]] = [:]
        for (index, row) in table.rows.enumerated() where included(row) { rowsOfConcept[row.conceptID, default: []].append(index) }

        // Redundant rows: the same key as another term row of the concept and language.
        var firstWithKey: [String: [[UInt8]: Int]] = [:]  // "id\tlang" -> key -> row
        for (index, row) in table.rows.enumerated() where included(row) {
            let key = matcher.matchKey(of: row.term)
            guard row.form.isTerm else { continue }
            let group = row.conceptID + "\t" + row.language
            if let other = firstWithKey[group]?[key] {
                let otherRow = table.rows[other]
                guard row.status != .preferred || otherRow.status != .preferred else { continue }
                let (redundant, kept) = row.status == .preferred ? (otherRow, row) : (row, otherRow)
                warn(redundant, field: 2,
                     "“\(redundant.term)” has the same match key “\(String(decoding: key, as: UTF8.self))” as “\(kept.term)” (\(table.place(of: kept, seenFrom: redundant))), another \(kept.language) term of \(kept.conceptID): it adds no match",
                     fix: "delete the row (the key already covers this spelling)")
            } else {
                firstWithKey[group, default: [:]][key] = index
            }
        }

        // Terms that do not find themselves in a neutral sentence.
        for row in table.rows where row.form.isTerm && included(row) {
            // Lowercase words around the term, so that the line is no headline, cut off
            // from it by control characters, which no term spans. A term that needs an
            // introduction gets one: a paragraph before it with a term of its concept
            // that needs none.
            var introduction = ""
            if row.needsIntroduction {
                let rows = (rowsOfConcept[row.conceptID] ?? []).map { table.rows[$0] }
                let others = rows.filter { $0.form.isTerm && !$0.needsIntroduction }
                // A term without +intro introduces it in the document, a context word in
                // its paragraph.
                let introducer = others.first(where: { $0.form == .full && $0.status == .preferred }) ?? others.first
                    ?? rows.first(where: { $0.form == .context })
                guard let introducer else {
                    warn(row, field: 4, "the term “\(row.term)” needs an introduction (+intro), but \(row.conceptID) has no term without +intro and no context word that could introduce it",
                         fix: "add the full name or a context word, or remove +intro")
                    continue
                }
                introduction = introducer.term + (introducer.form == .context ? " " : "\n")
            }
            let frame = introduction + "kata\u{1}" + row.term + "\u{1}kata"
            let start = introduction.utf8.count + 5, end = start + row.term.utf8.count
            let mentions = matcher.mentions(in: frame)
            // A shared spelling is read as its default or by context: it is found when a
            // mention covers exactly it.
            if mentions.contains(where: { $0.range == start..<end && (row.sharing != .none || $0.senses.contains { $0.conceptID == row.conceptID }) }) {
                continue
            }
            let why: String
            if let other = mentions.first(where: { $0.range.overlaps(start..<end) }) {
                let senses = other.senses.map(\.conceptID).joined(separator: " or ")
                why = "in running text it is read as “\(other.surface)” of \(senses)"
            } else {
                why = "in running text nothing matches it"
            }
            warn(row, field: 2, "the term “\(row.term)” can never match as written: \(why)",
                 fix: "correct the spelling, the form (an abbreviation matches only in its own case), or remove the row")
        }

        // Preferred full terms in the two languages of the product; replacements for
        // deprecated terms; abbreviations without a capital.
        for (conceptID, indexes) in rowsOfConcept.sorted(by: { $0.value[0] < $1.value[0] }) {
            let rows = indexes.map { table.rows[$0] }
            guard rows.contains(where: { $0.form.isTerm }) else { continue }
            for language in ["en", "id"] where !rows.contains(where: { $0.language == language && $0.form == .full && $0.status == .preferred }) {
                warn(rows[0], field: 0, "\(conceptID) has no preferred full term in \(language)",
                     fix: "add one: glossary add \(conceptID) \(language) TERM --form full --status pref")
            }
            for row in rows where row.status == .deprecated
                && !rows.contains(where: { $0.language == row.language && $0.status == .preferred && ($0.form == row.form || $0.form == .full) })
            {
                warn(row, field: 4, "the deprecated term “\(row.term)” has no preferred \(row.language) term to replace it",
                     fix: "add a preferred \(row.form.rawValue) or full term in \(row.language)")
            }
        }
        // A short form that is one of the most common surnames of its culture, and counts
        // without an introduction: every person of that name would be taken for this one.
        for row in table.rows where included(row) && row.form == .short && !row.needsIntroduction
            && TableCheck.commonSurnames.contains(row.term.lowercased())
        {
            warn(row, field: 4, "“\(row.term)” is one of the most common surnames (Data/common-surnames.txt): every person so named would be taken for \(row.conceptID)",
                 fix: "add +intro to the status, so that it counts only after the full name or the concept's context words")
        }
        for row in table.rows where included(row) && row.form == .abbr
            && row.term.unicodeScalars.contains(where: { $0.properties.isLowercase })
            && !row.term.unicodeScalars.contains(where: { $0.properties.isUppercase })
        {
            warn(row, field: 2, "the abbreviation “\(row.term)” has no capital letter, so it matches the common word “\(row.term)” in any text",
                 fix: "write the abbreviation as it is printed (PBB, not pbb), or make it a short term")
        }
        return findings.sorted { $0.location < $1.location }
    }
}
