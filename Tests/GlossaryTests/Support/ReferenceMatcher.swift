@testable import Glossary

/// A slow, plainly written matcher that follows the match rules of DESIGN.md one by
/// one, to check the real one against. It shares only the definitions of the rules'
/// inputs with it (character classes and the ICU key of a word); the tokenizing, the
/// search, the case rules and the ambiguity resolution are written here again, the
/// obvious way: every run of tokens from every start is looked up in a dictionary, and
/// a document is a set of the concept ids its lines introduced.
struct ReferenceMatcher {
    struct Entry {
        var rowIndex: Int
        var row: TermRow
        var cased: [UInt8]
        var isCapitalizedSingleWord: Bool
        var allCapsWords: [[UInt8]]
    }

    struct Token {
        var isWord = false, isHan = false, isPunct = false
        var start = 0, end = 0
        var folded: [UInt8] = [], cased: [UInt8] = []
        var stem: (end: Int, folded: [UInt8], cased: [UInt8])?
        /// A control character or an invalid byte comes before it (or the line start).
        var hardBefore = false
        /// The bytes between the previous token and this one.
        var gap: [UInt8] = []
        var upper = 0, lower = 0
        var mixed = false
        var capsContext = false
        var allCaps: Bool { isWord && upper >= 2 && lower == 0 }
    }

    /// What the real matcher's `Mention` says, in comparable form.
    struct Result: Equatable, CustomStringConvertible {
        var range: Range<Int>
        var senses: [String]
        var terms: [Int]
        var resolution: Resolution
        var mixed: Bool
        var description: String { "\(range) \(senses) rows \(terms) \(resolution) mixed:\(mixed)" }
    }

    let keyMaker: KeyMaker
    let table: TermTable
    var byKey: [[UInt8]: [Entry]] = [:]

    init(table: TermTable, keyMaker: KeyMaker) {
        self.table = table
        self.keyMaker = keyMaker
        for (index, row) in table.rows.enumerated() {
            let tokens = tokenize(Array(row.term.utf8))
            let key = tokens.flatMap(\.folded)
            let entry = Entry(
                rowIndex: index, row: row, cased: tokens.flatMap(\.cased),
                isCapitalizedSingleWord: tokens.count == 1 && tokens[0].isWord && tokens[0].upper > 0,
                allCapsWords: tokens.filter(\.allCaps).map(\.folded))
            byKey[key, default: []].append(entry)
        }
    }

    func wordKey(_ bytes: [UInt8]) -> WordKey {
        bytes.withUnsafeBufferPointer { keyMaker.key(ofWord: $0) }
    }

    /// Tokens by the rules of DESIGN.md, decoding with the standard library's UTF-8 parser.
    func tokenize(_ bytes: [UInt8]) -> [Token] {
        var scalars: [(scalar: Unicode.Scalar?, start: Int, end: Int)] = []
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        parsing: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                scalars.append((Unicode.UTF8.decode(encoded), offset, offset + encoded.count))
                offset += encoded.count
            case .error(let length):
                for k in 0..<length { scalars.append((nil, offset + k, offset + k + 1)) }
                offset += length
            case .emptyInput:
                break parsing
            }
        }
        func kind(_ scalar: Unicode.Scalar?) -> CharacterClass {
            guard let scalar else { return .control }
            if scalar.value < 0x80 {
                let byte = UInt8(scalar.value)
                if isASCIIAlnum(byte) { return .wordCharacter }
                if byte == 0x20 || byte == 0x09 || byte == 0x2D { return .separator }
                if byte < 0x20 || byte == 0x7F { return .control }
                return .punctuation
            }
            return CharacterClass(scalar)
        }

        var tokens: [Token] = []
        var hard = true
        var gapStart = 0
        var i = 0
        while i < scalars.count {
            let (scalar, start, end) = scalars[i]
            switch kind(scalar) {
            case .separator:
                i += 1
            case .control:
                hard = true
                i += 1
            case .han, .punctuation:
                var token = Token(start: start, end: end, hardBefore: hard, gap: Array(bytes[gapStart..<start]))
                let text = Array(bytes[start..<end])
                if kind(scalar) == .han {
                    token.isHan = true
                    let key = wordKey(text)
                    token.folded = key.folded
                    token.cased = key.cased
                } else {
                    token.isPunct = true
                    let mark = String(decoding: text, as: UTF8.self)
                    let key = mark == "\u{2019}" || mark == "\u{2018}" ? "'" : nfkc(mark)
                    token.folded = Array(key.utf8)
                    token.cased = token.folded
                }
                tokens.append(token)
                hard = false
                gapStart = end
                i += 1
            case .wordCharacter:
                var j = i
                var token = Token(isWord: true, start: start, hardBefore: hard, gap: Array(bytes[gapStart..<start]))
                while j < scalars.count, kind(scalars[j].scalar) == .wordCharacter {
                    let s = scalars[j].scalar!
                    if s.properties.isUppercase { token.upper += 1 } else if s.properties.isLowercase { token.lower += 1 }
                    j += 1
                }
                token.end = scalars[j - 1].end
                let text = Array(bytes[token.start..<token.end])
                let key = wordKey(text)
                token.folded = key.folded
                token.cased = key.cased
                token.mixed = key.mixedScript
                let lowered = String(decoding: text, as: UTF8.self).lowercased()
                if text.count >= 5, ["nya", "lah", "pun", "kah"].contains(where: { lowered.hasSuffix($0) }) {
                    let stem = wordKey(Array(text.dropLast(3)))
                    token.stem = (token.end - 3, stem.folded, stem.cased)
                }
                tokens.append(token)
                hard = false
                gapStart = token.end
                i = j
            }
        }
        // Datelines here; headlines need the dictionary (`markHeadline`).
        do {
            var k = 0
            var ok = false
            while k < tokens.count {
                let t = tokens[k]
                let gap = String(decoding: t.gap, as: UTF8.self)
                if k > 0 && !t.hardBefore && gap.contains("-") && gap.contains(" ") { ok = true; break }
                let text = String(decoding: bytes[t.start..<t.end], as: UTF8.self)
                if t.isPunct && (text == "–" || text == "—") { ok = true; break }
                if t.isPunct && (text == "." || text == ",") { k += 1; continue }
                if t.allCaps { k += 1; continue }
                break
            }
            if ok && tokens[..<k].contains(where: \.allCaps) {
                for m in 0..<k where tokens[m].allCaps { tokens[m].capsContext = true }
            }
        }
        return tokens
    }

    /// A headline: an all-caps word, and among the words that no run of tokens with a
    /// row's key covers, at least three times as many all-caps words as words with
    /// lower-case letters.
    /// A run whose words are all lower case covers them only if a row of its key needs no
    /// capitals (rules 4 and 5).
    func markHeadline(_ tokens: inout [Token]) {
        func needsCapitals(_ e: Entry) -> Bool {
            e.row.form != .context && (e.isCapitalizedSingleWord || (e.row.form == .abbr && e.cased.contains { $0 >= 0x41 && $0 <= 0x5A }))
        }
        var covered = [Bool](repeating: false, count: tokens.count)
        for i in tokens.indices where !tokens[i].isPunct {
            var j = i
            while j < tokens.count && (j == i || !tokens[j].hardBefore) {
                let prefix = tokens[i..<j].flatMap(\.folded)
                let lowercase = tokens[i...j].allSatisfy { $0.isWord && $0.upper == 0 && $0.lower > 0 }
                let hits = [byKey[prefix + tokens[j].folded], tokens[j].stem.flatMap { byKey[prefix + $0.folded] }].compactMap { $0 }
                if hits.contains(where: { entries in !lowercase || entries.contains { !needsCapitals($0) } }) {
                    for k in i...j { covered[k] = true }
                }
                j += 1
            }
        }
        let free = tokens.indices.filter { !covered[$0] && tokens[$0].isWord }
        let capsWords = free.filter { tokens[$0].allCaps }.count
        let lowerWords = free.filter { tokens[$0].lower > 0 }.count
        if tokens.contains(where: \.allCaps) && capsWords >= 3 * lowerWords {
            for k in tokens.indices where tokens[k].allCaps { tokens[k].capsContext = true }
        }
    }

    private func nfkc(_ text: String) -> String {
        var text = text
        return text.withUTF8 { String(decoding: (try? Normalization.normalize($0, to: .nfkc)) ?? Array($0), as: UTF8.self) }
    }

    /// The case rules for one entry against tokens first...last (the last maybe as its stem).
    func passes(_ entry: Entry, _ tokens: [Token], _ first: Int, _ last: Int, stem: Bool) -> Bool {
        let span = Array(tokens[first...last])
        if entry.row.form == .abbr {
            var cased: [UInt8] = []
            for (k, t) in span.enumerated() { cased += (stem && k == span.count - 1) ? t.stem!.cased : t.cased }
            return cased == entry.cased
        }
        if entry.isCapitalizedSingleWord && span.allSatisfy({ $0.isWord && $0.upper == 0 && $0.lower > 0 }) { return false }
        for (k, t) in span.enumerated() where t.allCaps && !t.capsContext {
            let key = (stem && k == span.count - 1) ? t.stem!.folded : t.folded
            if !entry.allCapsWords.contains(key) { return false }
        }
        return true
    }

    /// The mentions of a line that is a document of its own.
    func mentions(inLine bytes: [UInt8]) -> [Result] {
        var introduced: Set<String> = []
        return mentions(inLine: bytes, introduced: &introduced)
    }

    /// The mentions of each line of a document, in order.
    func mentions(inDocument lines: [[UInt8]]) -> [[Result]] {
        var introduced: Set<String> = []
        return lines.map { mentions(inLine: $0, introduced: &introduced) }
    }

    /// The mentions of one line of a document whose earlier lines introduced the
    /// concepts in `introduced`; adds the concepts this line introduces.
    func mentions(inLine bytes: [UInt8], introduced: inout Set<String>) -> [Result] {
        var tokens = tokenize(bytes)
        markHeadline(&tokens)
        var support: [String: Int] = [:]
        var found: [(first: Int, last: Int, stem: Bool, entries: [Entry])] = []
        var i = 0
        while i < tokens.count {
            guard !tokens[i].isPunct else { i += 1; continue }
            var best: (last: Int, stem: Bool, end: Int, entries: [Entry])?
            var j = i
            while j < tokens.count && (j == i || !tokens[j].hardBefore) {
                for stem in [true, false] where !stem || tokens[j].stem != nil {
                    let key = tokens[i..<j].flatMap(\.folded) + (stem ? tokens[j].stem!.folded : tokens[j].folded)
                    guard let entries = byKey[key] else { continue }
                    let hanCount = tokens[i...j].filter(\.isHan).count
                    guard hanCount == 0 || (hanCount == j - i + 1 && hanCount >= 2) else { continue }
                    let passing = entries.filter { passes($0, tokens, i, j, stem: stem) }
                    for e in passing where e.row.form == .context { support[e.row.conceptID, default: 0] += 1 }
                    let terms = passing.filter { $0.row.form != .context }
                    let end = stem ? tokens[j].stem!.end : tokens[j].end
                    if !terms.isEmpty && (best == nil || end > best!.end) { best = (j, stem, end, terms) }
                }
                j += 1
            }
            if let best {
                found.append((i, best.last, best.stem, best.entries))
                let concepts = Set(best.entries.map(\.row.conceptID))
                // Rule 10: a mention that needs an introduction is no evidence itself.
                if concepts.count == 1 && !best.entries.allSatisfy(\.row.needsIntroduction) {
                    support[concepts.first!, default: 0] += 1
                }
                i = best.last + 1
            } else {
                i += 1
            }
        }
        let results = found.compactMap { match -> Result? in
            let start = tokens[match.first].start
            let end = match.stem ? tokens[match.last].stem!.end : tokens[match.last].end
            var surfaceCased: [UInt8] = []
            for k in match.first...match.last {
                surfaceCased += (match.stem && k == match.last) ? tokens[k].stem!.cased : tokens[k].cased
            }
            // Best row per concept: spelled like the surface, then by status, then first.
            var concepts: [String] = []
            var bestRow: [String: Entry] = [:]
            func score(_ e: Entry) -> (Int, Int, Int) {
                let status = e.row.status == .preferred ? 0 : e.row.status == .admitted ? 1 : 2
                return (e.cased == surfaceCased ? 0 : 1, status, e.rowIndex)
            }
            for e in match.entries {
                if let current = bestRow[e.row.conceptID] {
                    if score(e) < score(current) { bestRow[e.row.conceptID] = e }
                } else {
                    concepts.append(e.row.conceptID)
                    bestRow[e.row.conceptID] = e
                }
            }
            var resolution = Resolution.unique
            // Rule 10: a concept all of whose matching rows say +intro counts only with
            // evidence in the paragraph or an introduction earlier in the document.
            var byDocument: Set<String> = [], byParagraph: Set<String> = []
            concepts = concepts.filter { concept in
                guard match.entries.filter({ $0.row.conceptID == concept }).allSatisfy(\.row.needsIntroduction) else { return true }
                if (support[concept] ?? 0) > 0 { byParagraph.insert(concept); return true }
                if introduced.contains(concept) { byDocument.insert(concept); return true }
                return false
            }
            if concepts.isEmpty { return nil }
            if concepts.count == 1 {
                if byDocument.contains(concepts[0]) { resolution = .document } else if !byParagraph.isEmpty { resolution = .context }
            }
            if concepts.count > 1 {
                let scores = concepts.map { support[$0] ?? 0 }
                let top = scores.max()!
                let leaders = concepts.indices.filter { scores[$0] == top }
                let named = leaders.filter { introduced.contains(concepts[$0]) }
                if top > 0 && leaders.count == 1 {
                    resolution = .context
                    concepts = [concepts[leaders[0]]]
                } else if named.count == 1 {
                    resolution = .document
                    concepts = [concepts[named[0]]]
                } else if let d = leaders.first(where: { bestRow[concepts[$0]]!.row.sharing == .defaultSense }) {
                    resolution = .defaultSense
                    concepts = [concepts[d]]
                } else {
                    resolution = .ambiguous
                }
            }
            return Result(range: start..<end, senses: concepts, terms: concepts.map { bestRow[$0]!.row.line },
                          resolution: resolution, mixed: tokens[match.first...match.last].contains(where: \.mixed))
        }
        // A mention that is not ambiguous, and not only the default, introduces its concept.
        for result in results where [.unique, .context, .document].contains(result.resolution) {
            introduced.insert(result.senses[0])
        }
        return results
    }
}

extension Matcher {
    /// The real matcher's mentions of one paragraph, in the reference matcher's terms,
    /// for comparing the two.
    func referenceResults(inLine line: [UInt8], workspace: inout ScanWorkspace) -> [ReferenceMatcher.Result] {
        var document = DocumentContext()
        return referenceResults(inLine: line, workspace: &workspace, document: &document)
    }

    /// The same for one paragraph of a document.
    func referenceResults(
        inLine line: [UInt8], workspace: inout ScanWorkspace, document: inout DocumentContext
    ) -> [ReferenceMatcher.Result] {
        line.withUnsafeBufferPointer { buffer in
            mentions(inParagraph: buffer, workspace: &workspace, document: &document).map { mention in
                ReferenceMatcher.Result(range: mention.range, senses: mention.senses.map(\.conceptID),
                                        terms: mention.senses.map(\.term.line), resolution: mention.resolution,
                                        mixed: mention.isMixedScript)
            }
        }
    }
}
