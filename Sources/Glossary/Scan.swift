/// Buffers reused from line to line by one thread, so that scanning a stream does not
/// allocate per line.
public struct ScanWorkspace {
    var line = LineTokens()
    var candidates: [Candidate] = []
    var support: [Int32: Int] = [:]
    /// The mentions of the last paragraph scanned, before they become ``Mention``s.
    var found: [Found] = []
    /// The (concept, entry) pairs of `found`, back to back.
    var senses: [SenseRef] = []

    /// Empty buffers; they grow to fit the longest line seen.
    public init() {}

    struct Candidate {
        var last: Int
        var stem: Bool
        var node: Int32
    }

    struct SenseRef {
        var concept: Int32
        var entry: Int32
    }

    /// A mention in the internal form.
    struct Found {
        var first: Int
        var last: Int
        var stem: Bool
        /// Its range in the line.
        var start: Int
        var end: Int
        /// Its senses in `senses`; one after resolution unless ambiguous.
        var senses: Range<Int>
        var resolution: Resolution
        var mixedScript: Bool
    }
}

extension Matcher {
    /// Finds the mentions in one paragraph (a line, without its line end).
    ///
    /// - Parameters:
    ///   - line: the paragraph's UTF-8 bytes; ill-formed bytes are allowed and never match.
    ///   - offset: added to every range, for callers that pass a slice of a larger text.
    ///   - workspace: buffers to reuse between calls on one thread.
    public func mentions(inParagraph line: UnsafeBufferPointer<UInt8>, offset: Int = 0, workspace: inout ScanWorkspace) -> [Mention] {
        scan(line, &workspace)
        return workspace.found.map { found in
            Mention(
                range: (offset + found.start)..<(offset + found.end),
                surface: String(decoding: UnsafeBufferPointer(rebasing: line[found.start..<found.end]), as: UTF8.self),
                senses: workspace.senses[found.senses].map { sense(of: $0) },
                resolution: found.resolution, isMixedScript: found.mixedScript)
        }
    }

    func sense(of ref: ScanWorkspace.SenseRef) -> Sense {
        Sense(conceptID: concepts[Int(ref.concept)].id, term: table.rows[entries[Int(ref.entry)].row])
    }

    /// Fills `workspace.found` with the paragraph's mentions, ambiguity resolved.
    func scan(_ line: UnsafeBufferPointer<UInt8>, _ workspace: inout ScanWorkspace) {
        workspace.line.tokenize(line, keyMaker: keyMaker)
        workspace.support.removeAll(keepingCapacity: true)
        workspace.found.removeAll(keepingCapacity: true)
        workspace.senses.removeAll(keepingCapacity: true)
        let tokens = workspace.line.tokens
        let keys = workspace.line.keys
        var ambiguous = false

        var i = 0
        while i < tokens.count {
            let token = tokens[i]
            if token.kind == .punct {
                i += 1
                continue
            }
            // Walk the trie over the keys of tokens i, i+1, ... and note every place
            // where a key ends (with the clitic stem, or the whole word).
            workspace.candidates.removeAll(keepingCapacity: true)
            var node = Trie.root
            var t = i
            while t < tokens.count {
                let token = tokens[t]
                if t > i && token.gapBefore == .hard { break }
                if token.flags.contains(.hasStem) {
                    let stemNode = walk(node, token, stem: true, line, keys)
                    if stemNode != Trie.none && trie.accepts(stemNode) {
                        workspace.candidates.append(.init(last: t, stem: true, node: stemNode))
                    }
                }
                node = walk(node, token, stem: false, line, keys)
                if node == Trie.none { break }
                if trie.accepts(node) { workspace.candidates.append(.init(last: t, stem: false, node: node)) }
                t += 1
            }
            if workspace.candidates.isEmpty {
                i += 1
                continue
            }

            // Longest first: the first candidate with a term that passes the case and
            // script rules is the mention. Context words count wherever they pass.
            var found = false
            for candidate in workspace.candidates.reversed() {
                guard hanRuleAllows(tokens, i, candidate.last) else { continue }
                let sensesStart = workspace.senses.count
                for entryIndex in trie.accepted(candidate.node) {
                    let entry = entries[Int(entryIndex)]
                    guard passes(entry, tokens, i, candidate, line, keys) else { continue }
                    if entry.isContext {
                        workspace.support[entry.concept, default: 0] += 1
                    } else if !found {
                        addBest(entry.concept, entryIndex, &workspace.senses, from: sensesStart, tokens, i, candidate, line, keys)
                    }
                }
                if !found && workspace.senses.count > sensesStart {
                    found = true
                    let last = tokens[candidate.last]
                    let senses = sensesStart..<workspace.senses.count
                    if senses.count == 1 {
                        workspace.support[workspace.senses[sensesStart].concept, default: 0] += 1
                    } else {
                        ambiguous = true
                    }
                    var mixed = false
                    for k in i...candidate.last where tokens[k].flags.contains(.mixedScript) { mixed = true }
                    workspace.found.append(.init(
                        first: i, last: candidate.last, stem: candidate.stem, start: Int(token.start),
                        end: Int(candidate.stem ? last.stemEnd : last.end), senses: senses,
                        resolution: senses.count == 1 ? .unique : .ambiguous, mixedScript: mixed))
                }
            }
            i = found ? workspace.found[workspace.found.count - 1].last + 1 : i + 1
        }
        if ambiguous { resolveAmbiguity(&workspace) }
    }

    /// The node reached from `node` by a token's folded key (or its stem's).
    @inline(__always)
    private func walk(_ node: Int32, _ token: Token, stem: Bool, _ line: UnsafeBufferPointer<UInt8>, _ keys: [UInt8]) -> Int32 {
        var node = node
        if token.flags.contains(.keyInSource) {
            var p = Int(token.start)
            let end = Int(stem ? token.stemEnd : token.end)
            while p < end {
                node = trie.next(node, asciiLower(line[p]))
                if node == Trie.none { return node }
                p += 1
            }
        } else {
            let range = stem ? token.stemFolded : token.folded
            var p = Int(range.lowerBound)
            while p < Int(range.upperBound) {
                node = trie.next(node, keys[p])
                if node == Trie.none { return node }
                p += 1
            }
        }
        return node
    }

    /// A match with Han or kana in it covers two or more such characters and nothing else.
    private func hanRuleAllows(_ tokens: [Token], _ first: Int, _ last: Int) -> Bool {
        var han = 0
        for t in first...last where tokens[t].kind == .han { han += 1 }
        return han == 0 || (han == last - first + 1 && han >= 2)
    }

    /// Whether the candidate's surface has exactly this cased key.
    private func surfaceCased(
        equals cased: [UInt8], _ tokens: [Token], _ first: Int, _ candidate: ScanWorkspace.Candidate,
        _ line: UnsafeBufferPointer<UInt8>, _ keys: [UInt8]
    ) -> Bool {
        var position = 0
        for t in first...candidate.last {
            let part = LineTokens.cased(tokens[t], stem: t == candidate.last && candidate.stem, line, keys)
            guard position + part.count <= cased.count, cased[position..<(position + part.count)].elementsEqual(part) else {
                return false
            }
            position += part.count
        }
        return position == cased.count
    }

    /// The case rules of a term (see the type's documentation).
    private func passes(
        _ entry: Entry, _ tokens: [Token], _ first: Int, _ candidate: ScanWorkspace.Candidate,
        _ line: UnsafeBufferPointer<UInt8>, _ keys: [UInt8]
    ) -> Bool {
        if entry.isAbbr {
            return surfaceCased(equals: entry.cased, tokens, first, candidate, line, keys)
        }
        if entry.capitalizedSingleWord {
            var allLower = true
            for t in first...candidate.last {
                let flags = tokens[t].flags
                if tokens[t].kind != .word || flags.contains(.hasUpper) || !flags.contains(.hasLower) { allLower = false }
            }
            if allLower { return false }
        }
        for t in first...candidate.last {
            let token = tokens[t]
            guard token.kind == .word, token.flags.contains(.allCaps), !token.flags.contains(.capsContext) else { continue }
            let stem = t == candidate.last && candidate.stem
            let key = LineTokens.folded(token, stem: stem, line, keys)
            if !entry.allCapsWords.contains(where: { $0.elementsEqual(key) }) { return false }
        }
        return true
    }

    /// Adds a passing entry to the candidate's senses, keeping one entry per concept:
    /// the one spelled most like the surface, then the best status, then the first row.
    private func addBest(
        _ concept: Int32, _ entry: Int32, _ senses: inout [ScanWorkspace.SenseRef], from start: Int,
        _ tokens: [Token], _ first: Int, _ candidate: ScanWorkspace.Candidate, _ line: UnsafeBufferPointer<UInt8>,
        _ keys: [UInt8]
    ) {
        func score(_ index: Int32) -> (Int, Int, Int) {
            let e = entries[Int(index)]
            return (surfaceCased(equals: e.cased, tokens, first, candidate, line, keys) ? 0 : 1, e.rank, e.row)
        }
        if let existing = senses[start...].firstIndex(where: { $0.concept == concept }) {
            if score(entry) < score(senses[existing].entry) { senses[existing].entry = entry }
        } else {
            senses.append(.init(concept: concept, entry: entry))
        }
    }

    /// Chooses among the senses of each shared spelling: the concept its paragraph
    /// supports most (context words and unambiguous mentions), else the declared
    /// default, else none.
    private func resolveAmbiguity(_ workspace: inout ScanWorkspace) {
        for index in workspace.found.indices where workspace.found[index].resolution == .ambiguous {
            let range = workspace.found[index].senses
            let senses = Array(workspace.senses[range])
            let scores = senses.map { workspace.support[$0.concept] ?? 0 }
            let top = scores.max() ?? 0
            let leaders = scores.indices.filter { scores[$0] == top }
            var chosen: Int?
            if top > 0 && leaders.count == 1 {
                chosen = leaders[0]
                workspace.found[index].resolution = .context
            } else if let d = leaders.first(where: { table.rows[entries[Int(senses[$0].entry)].row].sharing == .defaultSense }) {
                chosen = d
                workspace.found[index].resolution = .defaultSense
            }
            if let chosen {
                let position = range.lowerBound + chosen
                workspace.found[index].senses = position..<(position + 1)
            }
        }
    }
}

extension LineTokens {
    /// A token's cased key in place: its bytes, or its range of `keys`.
    @inline(__always)
    static func cased(_ token: Token, stem: Bool, _ line: UnsafeBufferPointer<UInt8>, _ keys: [UInt8]) -> ArraySlice<UInt8> {
        if token.flags.contains(.keyInSource) {
            return ArraySlice(line[Int(token.start)..<Int(stem ? token.stemEnd : token.end)])
        }
        let range = stem ? token.stemCased : token.cased
        return keys[Int(range.lowerBound)..<Int(range.upperBound)]
    }

    /// A token's folded key (allocates for in-place keys: used only for all-caps words
    /// outside headlines).
    static func folded(_ token: Token, stem: Bool, _ line: UnsafeBufferPointer<UInt8>, _ keys: [UInt8]) -> ArraySlice<UInt8> {
        if token.flags.contains(.keyInSource) {
            return ArraySlice(line[Int(token.start)..<Int(stem ? token.stemEnd : token.end)].map(asciiLower))
        }
        let range = stem ? token.stemFolded : token.folded
        return keys[Int(range.lowerBound)..<Int(range.upperBound)]
    }
}
