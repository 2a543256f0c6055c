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
        /// Rule 11 holds for it: a short form, or a city's one-token full name.
        var standsAlone: Bool
        /// More than one token, and a capital letter (rule 5).
        var isCapitalizedPhrase: Bool
        var allCapsWords: [[UInt8]]
        /// The words of the term in NFKC, joined (rule 4).
        var own: [UInt8]
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

    /// The concepts whose kind is not among the kinds that are mentions.
    let silenced: Set<String>
    /// The cities, whose one-word names stand alone like short forms (rule 11).
    let cities: Set<String>

    init(table: TermTable, keyMaker: KeyMaker, kinds: Set<ConceptKind> = ConceptKind.mentionedByDefault) {
        self.table = table
        self.keyMaker = keyMaker
        self.silenced = Set(table.kinds.filter { !kinds.contains($0.value) }.keys)
        self.cities = Set(table.kinds.filter { $0.value == .city }.keys)
        // An Indonesian context word counts in its inflected forms too (the forms are an
        // input of the rules, like the keys: shared with the real matcher). A kind row is
        // no spelling.
        for (index, row) in table.rows.enumerated() where row.form != .kind {
            for spelling in [row] + CompiledEntries.inflectedContext(row) { add(spelling, index) }
        }
    }

    private mutating func add(_ row: TermRow, _ index: Int) {
        let tokens = tokenize(Array(row.term.utf8))
        let key = tokens.flatMap(\.folded)
        let bytes = Array(row.term.utf8)
        let hasUpper = tokens.contains { $0.upper > 0 }
        let entry = Entry(
            rowIndex: index, row: row, cased: tokens.flatMap(\.cased),
            isCapitalizedSingleWord: tokens.count == 1 && tokens[0].isWord && tokens[0].upper > 0,
            standsAlone: row.form == .short || (row.form == .full && tokens.count == 1 && tokens[0].isWord && cities.contains(row.conceptID)),
            isCapitalizedPhrase: tokens.count > 1 && hasUpper && row.form != .abbr,
            allCapsWords: tokens.filter(\.allCaps).map(\.folded),
            own: tokens.filter(\.isWord).flatMap { Array(nfkc(String(decoding: bytes[$0.start..<$0.end], as: UTF8.self)).utf8) })
        byKey[key, default: []].append(entry)
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
            func text(_ k: Int) -> String { String(decoding: bytes[tokens[k].start..<tokens[k].end], as: UTF8.self) }
            func isDash(_ k: Int) -> Bool {
                let gap = String(decoding: tokens[k].gap, as: UTF8.self)
                if k > 0 && !tokens[k].hardBefore && gap.contains("-") && gap.contains(" ") { return true }
                return tokens[k].isPunct && (text(k) == "–" || text(k) == "—")
            }
            var k = 0
            var ok = false
            while k < tokens.count {
                if isDash(k) { ok = true; break }
                if tokens[k].isPunct && (text(k) == "." || text(k) == ",") { k += 1; continue }
                if tokens[k].allCaps { k += 1; continue }
                break
            }
            // Or a credit in parentheses, or a date after a comma, within eight tokens of the dash.
            if !ok && k < tokens.count && tokens[..<k].contains(where: \.allCaps)
                && ((tokens[k].isPunct && text(k) == "(") || (k > 0 && tokens[k - 1].isPunct && text(k - 1) == ","))
            {
                var m = k
                while m < tokens.count && m < k + 8 {
                    if isDash(m) { ok = true; break }
                    guard tokens[m].isWord || (tokens[m].isPunct && ["(", ")", ",", ".", "/"].contains(text(m))) else { break }
                    m += 1
                }
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
    /// Returns, for a headline, the language its function words say ("" for none), else nil.
    @discardableResult
    func markHeadline(_ tokens: inout [Token], _ bytes: [UInt8]) -> String? {
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
            var id = 0, en = 0
            for t in tokens where t.isWord {
                let word = String(decoding: bytes[t.start..<t.end], as: UTF8.self)
                guard word.utf8.allSatisfy({ $0 < 0x80 }) else { continue }
                if LanguageMarkers.indonesian.contains(word.lowercased()) { id += 1 }
                if LanguageMarkers.english.contains(word.lowercased()) { en += 1 }
            }
            return id > en ? "id" : en > id ? "en" : ""
        }
        return nil
    }

    private func nfkc(_ text: String) -> String {
        var text = text
        return text.withUTF8 { String(decoding: (try? Normalization.normalize($0, to: .nfkc)) ?? Array($0), as: UTF8.self) }
    }

    /// Whether the text before a word ends a sentence: after the spaces and opening quotes
    /// and brackets before it, the line starts, or a full stop, a question mark, an
    /// exclamation mark or an ellipsis comes.
    func opensSentence(_ bytes: [UInt8], at start: Int) -> Bool {
        var before = Array(String(decoding: bytes[..<start], as: UTF8.self).unicodeScalars)
        while let last = before.last, [" ", "\t", "\"", "'", "(", "[", "\u{201C}", "\u{2018}", "\u{A0}", "\u{AB}"].contains(last) {
            before.removeLast()
        }
        guard let last = before.last else { return true }
        return [".", "!", "?", "\u{2026}"].contains(last)
    }

    /// The case and script rules for one entry against tokens first...last (the last
    /// maybe as its stem) of the line `bytes`.
    func passes(_ entry: Entry, _ tokens: [Token], _ first: Int, _ last: Int, stem: Bool, _ bytes: [UInt8], headline: String? = nil) -> Bool {
        let span = Array(tokens[first...last])
        // A term without a Latin letter never matches plain ASCII text (rule 2).
        let termHasLatin = entry.row.term.unicodeScalars.contains { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }
        if !termHasLatin && bytes[span[0].start..<span[span.count - 1].end].allSatisfy({ $0 < 0x80 }) { return false }
        if entry.row.form == .abbr {
            var cased: [UInt8] = []
            for (k, t) in span.enumerated() { cased += (stem && k == span.count - 1) ? t.stem!.cased : t.cased }
            // Its own case, or with +titlecase the first letter alone in capitals.
            func lower(_ bytes: some Sequence<UInt8>) -> [UInt8] { bytes.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 } }
            let titlecased = entry.cased.count >= 2 ? [entry.cased[0]] + lower(entry.cased.dropFirst()) : entry.cased
            guard cased == entry.cased || (entry.row.alsoTitlecase && cased == titlecased && entry.cased != titlecased) else { return false }
            // In a headline, one that is also a common word needs the headline in its language.
            if let headline, span.contains(where: \.capsContext), CommonWords.shipped.contains(lower(entry.cased)),
                entry.row.language != "und" && entry.row.language != headline
            {
                return false
            }
            // Its own script: the surface's words in NFKC are the abbreviation's, but for case.
            var own: [UInt8] = []
            for (k, t) in span.enumerated() where t.isWord {
                let end = (stem && k == span.count - 1) ? t.stem!.end : t.end
                own += lower(nfkc(String(decoding: bytes[t.start..<end], as: UTF8.self)).utf8)
            }
            return own == lower(entry.own)
        }
        if entry.isCapitalizedSingleWord && span.allSatisfy({ $0.isWord && $0.upper == 0 && $0.lower > 0 }) { return false }
        if entry.isCapitalizedPhrase {
            let capitals = span.indices.filter { span[$0].isWord && span[$0].upper > 0 }
            // A protected name may have its only capital at the start of a sentence.
            let opening = entry.row.form != .protected
            if capitals.allSatisfy({ $0 == 0 && opening && opensSentence(bytes, at: span[0].start) }) { return false }
        }
        for (k, t) in span.enumerated() where t.allCaps && !t.capsContext {
            let key = (stem && k == span.count - 1) ? t.stem!.folded : t.folded
            if !entry.allCapsWords.contains(key) { return false }
        }
        return true
    }

    /// What a document's earlier lines established: the concepts they introduced, and
    /// the concepts whose namesakes they met (rule 11).
    struct Document {
        var introduced: Set<String> = []
        var namesakes: Set<String> = []
    }

    /// The mentions of a line that is a document of its own.
    func mentions(inLine bytes: [UInt8]) -> [Result] {
        var document = Document()
        return mentions(inLine: bytes, document: &document)
    }

    /// The mentions of each line of a document, in order.
    func mentions(inDocument lines: [[UInt8]]) -> [[Result]] {
        var document = Document()
        return lines.map { mentions(inLine: $0, document: &document) }
    }

    /// Which runs of tokens have some row's key, whatever the rules say of them.
    func covered(_ tokens: [Token]) -> [Bool] {
        var covered = [Bool](repeating: false, count: tokens.count)
        for i in tokens.indices where !tokens[i].isPunct {
            var j = i
            while j < tokens.count && (j == i || !tokens[j].hardBefore) {
                let prefix = tokens[i..<j].flatMap(\.folded)
                if byKey[prefix + tokens[j].folded] != nil || tokens[j].stem.map({ byKey[prefix + $0.folded] != nil }) == true {
                    for k in i...j { covered[k] = true }
                }
                j += 1
            }
        }
        return covered
    }

    /// Rule 11: whether token `n` is a name word, with the words that hyphens join to it
    /// on the side away from the mention (`step`).
    func isNameWord(_ tokens: [Token], _ n: Int, step: Int, _ bytes: [UInt8], _ covered: [Bool]) -> Bool {
        let token = tokens[n]
        let text = String(decoding: bytes[token.start..<token.end], as: UTF8.self)
        guard token.isWord, token.lower > 0, let first = text.unicodeScalars.first, first.properties.isUppercase, !covered[n] else {
            return false
        }
        guard first.value < 0x250 || (0x1E00..<0x1F00).contains(first.value) else { return !opensSentence(bytes, at: token.start) }
        var parts = [n]
        var k = n
        while tokens.indices.contains(k + step) && tokens[k + step].isWord {
            let gap = String(decoding: tokens[max(k, k + step)].gap, as: UTF8.self)
            guard ["-", "\u{2010}", "\u{2011}"].contains(gap) else { break }
            k += step
            parts.append(k)
        }
        let word = parts.sorted().map { String(decoding: tokens[$0].cased, as: UTF8.self) }.joined(separator: "-")
        let lowered = Array(word.utf8).map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
        return !CommonWords.shipped.contains(lowered)
    }

    /// Rule 11: a short form stands alone unless the word before or after it, with only
    /// spaces between, is a name word.
    func standsAlone(_ tokens: [Token], _ first: Int, _ last: Int, stem: Bool, _ bytes: [UInt8], _ covered: [Bool]) -> Bool {
        func spaces(_ gap: [UInt8]) -> Bool {
            let scalars = String(decoding: gap, as: UTF8.self).unicodeScalars
            return !scalars.isEmpty && scalars.allSatisfy { [" ", "\t", "\u{A0}", "\u{202F}"].contains($0) }
        }
        if first > 0 && !tokens[first].hardBefore && spaces(tokens[first].gap) && isNameWord(tokens, first - 1, step: -1, bytes, covered) {
            return false
        }
        if !stem && last + 1 < tokens.count && !tokens[last + 1].hardBefore && spaces(tokens[last + 1].gap)
            && isNameWord(tokens, last + 1, step: 1, bytes, covered)
        {
            return false
        }
        return true
    }

    /// The concepts of the abbreviations, short forms and cities' one-word names inside a
    /// protected name at tokens first...last: runs of its tokens, other than the whole
    /// name, whose key is such a row's and whose case passes.
    func bareFormsInside(_ tokens: [Token], _ first: Int, _ last: Int, stem: Bool, _ bytes: [UInt8], headline: String?) -> [String] {
        var concepts: [String] = []
        for k in first...last where !tokens[k].isPunct {
            var j = k
            while j <= last && (j == k || !tokens[j].hardBefore) {
                for s in [true, false] where !s || tokens[j].stem != nil {
                    if k == first && j == last && s == stem { continue }
                    if j == last && !s && stem { continue }  // it would end after the name
                    let key = tokens[k..<j].flatMap(\.folded) + (s ? tokens[j].stem!.folded : tokens[j].folded)
                    guard let entries = byKey[key] else { continue }
                    let hanCount = tokens[k...j].filter(\.isHan).count
                    guard hanCount == 0 || (hanCount == j - k + 1 && hanCount >= 2) else { continue }
                    for e in entries where (e.row.form == .short || e.row.form == .abbr || (e.row.form == .full && e.standsAlone))
                        && passes(e, tokens, k, j, stem: s, bytes, headline: headline)
                    {
                        if !concepts.contains(e.row.conceptID) { concepts.append(e.row.conceptID) }
                    }
                }
                j += 1
            }
        }
        return concepts
    }

    /// The mentions of one line of a document whose earlier lines established
    /// `document`; adds what this line establishes.
    func mentions(inLine bytes: [UInt8], document: inout Document) -> [Result] {
        var tokens = tokenize(bytes)
        let headline = markHeadline(&tokens, bytes)
        let covered = covered(tokens)
        var support: [String: Int] = [:]
        // The namesakes met: each concept with the tokens of the name it was met in.
        var namesakeSpans: [(concept: String, first: Int, last: Int)] = []
        var found: [(first: Int, last: Int, stem: Bool, entries: [Entry], bare: Bool)] = []
        // A bare form: through short forms, abbreviations and cities' one-word names only,
        // and a city's name not right after a locative (rule 11).
        func isBare(_ terms: [Entry], _ first: Int) -> Bool {
            guard terms.allSatisfy({ $0.row.form == .short || $0.row.form == .abbr || ($0.row.form == .full && $0.standsAlone) })
            else { return false }
            guard terms.contains(where: { $0.row.form == .full }) else { return true }
            let locative = first > 0 && tokens[first - 1].isWord && !tokens[first].hardBefore
                && !tokens[first].gap.isEmpty
                && String(decoding: tokens[first].gap, as: UTF8.self).unicodeScalars.allSatisfy { [" ", "\t", "\u{A0}", "\u{202F}"].contains($0) }
                && Locatives.words.contains(tokens[first - 1].folded)
            return !locative
        }
        var i = 0
        while i < tokens.count {
            // A run neither starts nor ends on a token without a key (a stray combining
            // mark after a space), though it may pass through one.
            guard !tokens[i].isPunct && !tokens[i].folded.isEmpty else { i += 1; continue }
            // Every run from i with a key, longest first.
            var options: [(last: Int, stem: Bool, end: Int, terms: [Entry], protects: Bool)] = []
            var j = i
            while j < tokens.count && (j == i || !tokens[j].hardBefore) {
                for stem in [true, false] where !stem || tokens[j].stem != nil {
                    guard !(stem ? tokens[j].stem!.folded : tokens[j].folded).isEmpty else { continue }
                    let key = tokens[i..<j].flatMap(\.folded) + (stem ? tokens[j].stem!.folded : tokens[j].folded)
                    guard let entries = byKey[key] else { continue }
                    let hanCount = tokens[i...j].filter(\.isHan).count
                    guard hanCount == 0 || (hanCount == j - i + 1 && hanCount >= 2) else { continue }
                    let passing = entries.filter { passes($0, tokens, i, j, stem: stem, bytes, headline: headline) }
                    for e in passing where e.row.form == .context { support[e.row.conceptID, default: 0] += 1 }
                    options.append((j, stem, stem ? tokens[j].stem!.end : tokens[j].end, passing.filter { $0.row.form.isTerm },
                                    passing.contains { $0.row.form == .protected }))
                }
                j += 1
            }
            options.sort { $0.end > $1.end }
            var taken = false
            for option in options {
                var terms = option.terms
                if !terms.isEmpty && terms.allSatisfy(\.standsAlone)
                    && !standsAlone(tokens, i, option.last, stem: option.stem, bytes, covered)
                {
                    // Rule 11; a namesake (of a short form, of a city's name) makes the
                    // later bare forms doubtful.
                    for concept in terms.map(\.row.conceptID) { namesakeSpans.append((concept, i, option.last)) }
                    terms = []
                }
                if !terms.isEmpty {
                    found.append((i, option.last, option.stem, terms, isBare(terms, i)))
                    let concepts = Set(terms.map(\.row.conceptID))
                    // Rule 10: a mention that needs an introduction is no evidence itself.
                    if concepts.count == 1 && !terms.allSatisfy(\.row.needsIntroduction) {
                        support[concepts.first!, default: 0] += 1
                    }
                } else if !option.protects {
                    continue
                } else {
                    // Rule 12: the bare forms a protected name holds are namesakes.
                    for concept in bareFormsInside(tokens, i, option.last, stem: option.stem, bytes, headline: headline) {
                        namesakeSpans.append((concept, i, option.last))
                    }
                }
                // A mention, or a protected name (rule 12), which is none.
                i = option.last + 1
                taken = true
                break
            }
            if !taken { i += 1 }
        }
        // A namesake whose name shares a token with a mention is none; each concept's
        // first namesake is where it was met.
        var namesakes: Set<String> = []
        var namesakeAt: [String: Int] = [:]
        for span in namesakeSpans where !found.contains(where: { $0.first <= span.last && span.first <= $0.last }) {
            namesakes.insert(span.concept)
            if namesakeAt[span.concept] == nil { namesakeAt[span.concept] = span.first }
        }
        // Rule 11: bare short forms are no evidence where a namesake stands in the line.
        func isBareShort(_ match: (first: Int, last: Int, stem: Bool, entries: [Entry], bare: Bool)) -> Bool {
            match.bare && Set(match.entries.map(\.row.conceptID)).count == 1
                && !match.entries.allSatisfy(\.row.needsIntroduction)
        }
        var bare: [String: Int] = [:]
        for match in found where isBareShort(match) { bare[match.entries[0].row.conceptID, default: 0] += 1 }

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
            let shortForm = match.bare
            // The paragraph's support for a concept, without its bare short forms where a
            // namesake stands in the line (rule 11).
            func paragraphSupport(_ concept: String) -> Int {
                (support[concept] ?? 0) - (namesakes.contains(concept) ? bare[concept] ?? 0 : 0)
            }
            var resolution = Resolution.unique
            // Rule 10, and rule 11 for a namesake in the line: such a concept counts only
            // with evidence in the paragraph or an introduction earlier in the document.
            var byDocument: Set<String> = [], byParagraph: Set<String> = []
            var waited = false
            concepts = concepts.filter { concept in
                let intro = match.entries.filter({ $0.row.conceptID == concept }).allSatisfy(\.row.needsIntroduction)
                let afterNamesake = namesakeAt[concept].map { $0 < match.first } ?? false
                guard intro || (shortForm && afterNamesake) else { return true }
                if paragraphSupport(concept) > 0 { byParagraph.insert(concept); return true }
                waited = true
                if document.introduced.contains(concept) { byDocument.insert(concept); return true }
                return false
            }
            if concepts.isEmpty { return nil }
            // Rule 11 for a namesake met earlier in the document.
            if shortForm && concepts.count == 1 && !waited && !document.introduced.contains(concepts[0])
                && document.namesakes.contains(concepts[0]) && (support[concepts[0]] ?? 0) <= (bare[concepts[0]] ?? 0)
                && Set(match.entries.map(\.row.conceptID)).count == 1
            {
                return nil
            }
            if concepts.count == 1 {
                if byDocument.contains(concepts[0]) { resolution = .document } else if !byParagraph.isEmpty { resolution = .context }
            }
            if concepts.count > 1 {
                let scores = concepts.map { paragraphSupport($0) }
                let top = scores.max()!
                let leaders = concepts.indices.filter { scores[$0] == top }
                let named = leaders.filter { document.introduced.contains(concepts[$0]) }
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
            document.introduced.insert(result.senses[0])
        }
        document.namesakes.formUnion(namesakes)
        // A mention of a kind left out is evidence, but not reported.
        return results.filter { $0.resolution == .ambiguous || !silenced.contains($0.senses[0]) }
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
