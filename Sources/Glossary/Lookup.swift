/// What `glossary lookup` tells about a spelling: how each word becomes its match key,
/// which concepts the spelling meets and through which row, and every term of those
/// concepts; or, when it meets none, the terms whose keys are nearest.
public struct Lookup: Sendable {
    /// One step of a word's key: the step's name and the text after it.
    public struct Step: Sendable, Hashable {
        public var name: String
        public var text: String
    }

    /// A variant rule that changes the word's case-folded key on its own.
    public struct RuleChange: Sendable, Hashable {
        /// The rule's line in the rule file.
        public var line: Int
        /// The rule as written.
        public var rule: String
        /// The key before and after the rule.
        public var before: String
        public var after: String
    }

    /// One word of the spelling.
    public struct Word: Sendable {
        /// The word as written.
        public var surface: String
        /// The steps that changed it, in order (NFKC, transliteration, …, variant rules).
        public var steps: [Step]
        /// The variant rules that change it.
        public var rules: [RuleChange]
        /// The folded key.
        public var key: String
    }

    /// The spelling looked up.
    public var text: String
    /// Its match key (the words' keys back to back).
    public var key: String
    /// Its words.
    public var words: [Word]
    /// The mentions found when the spelling is read as a line of text.
    public var mentions: [Mention]
    /// The rows of each concept met, in table order.
    public var concepts: [(id: String, rows: [TermRow])]
    /// The term rows whose match key is the spelling's key.
    public var sameKey: [TermRow]
    /// When nothing matched: the terms with the nearest keys, and their edit distance.
    public var nearest: [(term: TermRow, distance: Int)]
}

extension Matcher {
    /// Explains how a spelling is matched (see ``Lookup``).
    public func lookup(_ text: String) -> Lookup {
        let rules = VariantRuleList(text: variantsText)
        var words: [Lookup.Word] = []
        var scratch = LineTokens()
        var line = text
        line.withUTF8 { bytes in
            scratch.tokenize(bytes, keyMaker: keyMaker)
            for token in scratch.tokens where token.kind != .punct {
                let surface = Array(bytes[Int(token.start)..<Int(token.end)])
                var steps: [Lookup.Step] = []
                var previous = String(decoding: surface, as: UTF8.self)
                var beforeVariants = previous
                for (name, output) in keyMaker.trace(ofWord: surface) {
                    let text = String(decoding: output, as: UTF8.self)
                    if name == "case folded" { beforeVariants = text }
                    if text != previous || name == "variant rules" && steps.isEmpty {
                        steps.append(Lookup.Step(name: name, text: text))
                    }
                    previous = text
                }
                let key = String(decoding: LineTokens.folded(token, stem: false, bytes, scratch.keys), as: UTF8.self)
                words.append(Lookup.Word(surface: String(decoding: surface, as: UTF8.self), steps: steps,
                                         rules: rules.changes(to: beforeVariants), key: key))
            }
        }
        let found = mentions(in: text)
        var ids: [String] = []
        for mention in found {
            for sense in mention.senses where !ids.contains(sense.conceptID) { ids.append(sense.conceptID) }
        }
        let concepts = ids.map { id in (id: id, rows: table.rows.filter { $0.conceptID == id }) }
        var nearest: [(term: TermRow, distance: Int)] = []
        let key = matchKey(of: text)
        let index = TermKeyIndex(matcher: self)
        let sameKey = index.rows(withKey: key).sorted().map { table.rows[$0] }
        if found.isEmpty {
            let bound = max(1, min(3, key.count / 4))
            nearest = index.rows(near: key, maxDistance: bound)
                .sorted { ($0.distance, $0.row) < ($1.distance, $1.row) }
                .prefix(5)
                .map { (table.rows[$0.row], $0.distance) }
        }
        return Lookup(text: text, key: String(decoding: key, as: UTF8.self), words: words,
                      mentions: found, concepts: concepts, sameKey: sameKey, nearest: nearest)
    }
}

/// The rules of a variant rule file, one by one, to tell which of them changes a key.
struct VariantRuleList {
    /// Variable definitions (`$vowel = [aeiou];`), which every rule may use.
    private var definitions: [String] = []
    private var rules: [(line: Int, text: String)] = []

    init(text: String) {
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = Substring(raw)
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            let statement = line.trimmingSpaces()
            guard !statement.isEmpty else { continue }
            if statement.hasPrefix("$") && statement.contains("=") && !statement.contains(">") {
                definitions.append(statement)
            } else {
                rules.append((index + 1, statement))
            }
        }
    }

    /// The rules that change `key` when applied alone.
    func changes(to key: String) -> [Lookup.RuleChange] {
        var result: [Lookup.RuleChange] = []
        for rule in rules {
            let source = (definitions + [rule.text]).joined(separator: "\n")
            guard let transform = try? Transform(name: "rule", rules: Array(source.utf8)) else { continue }
            let input = Array(key.utf8)
            guard let output = try? input.withUnsafeBufferPointer({ try transform.apply($0) }), output != input else { continue }
            result.append(Lookup.RuleChange(line: rule.line, rule: rule.text, before: key, after: String(decoding: output, as: UTF8.self)))
        }
        return result
    }
}
