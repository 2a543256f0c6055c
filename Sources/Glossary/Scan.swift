/// Buffers reused from line to line by one thread, so that scanning a stream does not
/// allocate per line.
public struct ScanWorkspace {
    var line = LineTokens()
    var candidates: [Candidate] = []
    var support: [Int32: Int] = [:]
    var found: [Found] = []

    /// Empty buffers; they grow to fit the longest line seen.
    public init() {}

    struct Candidate {
        var last: Int
        var stem: Bool
        var node: Int32
    }

    /// A match before ambiguity is resolved.
    struct Found {
        var first: Int
        var last: Int
        var stem: Bool
        /// One (concept, entry) pair per concept, best entry first.
        var senses: [(concept: Int32, entry: Int32)]
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
        workspace.line.tokenize(line, keyMaker: keyMaker)
        workspace.support.removeAll(keepingCapacity: true)
        workspace.found.removeAll(keepingCapacity: true)
        let tokens = workspace.line.tokens
        let keys = workspace.line.keys

        var i = 0
        while i < tokens.count {
            if tokens[i].kind == .punct {
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
                    let stemNode = trie.walk(node, keys[Int(token.stemFolded.lowerBound)..<Int(token.stemFolded.upperBound)])
                    if stemNode != Trie.none && trie.accepted(stemNode) != nil {
                        workspace.candidates.append(.init(last: t, stem: true, node: stemNode))
                    }
                }
                node = trie.walk(node, keys[Int(token.folded.lowerBound)..<Int(token.folded.upperBound)])
                if node == Trie.none { break }
                if trie.accepted(node) != nil { workspace.candidates.append(.init(last: t, stem: false, node: node)) }
                t += 1
            }

            // Longest first: the first candidate with a term that passes the case and
            // script rules is the mention. Context words count wherever they pass.
            var found: ScanWorkspace.Found?
            for candidate in workspace.candidates.reversed() {
                guard hanRuleAllows(tokens, i, candidate.last) else { continue }
                var surfaceCased: [UInt8]?
                var senses: [(concept: Int32, entry: Int32)] = []
                for entryIndex in trie.accepted(candidate.node)! {
                    let entry = entries[Int(entryIndex)]
                    guard passes(entry, tokens, keys, i, candidate, &surfaceCased) else { continue }
                    if entry.isContext {
                        workspace.support[entry.concept, default: 0] += 1
                    } else if found == nil {
                        senses.append((entry.concept, entryIndex))
                    }
                }
                if found == nil && !senses.isEmpty {
                    found = .init(first: i, last: candidate.last, stem: candidate.stem,
                                  senses: bestPerConcept(senses, tokens, keys, i, candidate, &surfaceCased))
                }
            }
            if let found {
                workspace.found.append(found)
                if found.senses.count == 1 { workspace.support[found.senses[0].concept, default: 0] += 1 }
                i = found.last + 1
            } else {
                i += 1
            }
        }

        return workspace.found.map { found in
            let first = tokens[found.first], last = tokens[found.last]
            let start = Int(first.start)
            let end = Int(found.stem ? last.stemEnd : last.end)
            var resolution = Resolution.unique
            var senses = found.senses
            if senses.count > 1 {
                (resolution, senses) = resolve(senses, support: workspace.support)
            }
            let mixed = tokens[found.first...found.last].contains { $0.flags.contains(.mixedScript) }
            return Mention(
                range: (offset + start)..<(offset + end),
                surface: String(decoding: UnsafeBufferPointer(rebasing: line[start..<end]), as: UTF8.self),
                senses: senses.map { Sense(conceptID: concepts[Int($0.concept)].id, term: table.rows[entries[Int($0.entry)].row]) },
                resolution: resolution, isMixedScript: mixed)
        }
    }

    /// A match with Han or kana in it covers two or more such characters and nothing else.
    private func hanRuleAllows(_ tokens: [Token], _ first: Int, _ last: Int) -> Bool {
        var han = 0
        for t in first...last where tokens[t].kind == .han { han += 1 }
        return han == 0 || (han == last - first + 1 && han >= 2)
    }

    /// The case rules of a term (see the type's documentation).
    private func passes(
        _ entry: Entry, _ tokens: [Token], _ keys: [UInt8], _ first: Int, _ candidate: ScanWorkspace.Candidate,
        _ surfaceCased: inout [UInt8]?
    ) -> Bool {
        if entry.isAbbr {
            return cased(tokens, keys, first, candidate, &surfaceCased) == entry.cased
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
            let range = t == candidate.last && candidate.stem ? token.stemFolded : token.folded
            let key = keys[Int(range.lowerBound)..<Int(range.upperBound)]
            if !entry.allCapsWords.contains(where: { $0.elementsEqual(key) }) { return false }
        }
        return true
    }

    /// The cased key of a candidate's surface, computed once.
    private func cased(
        _ tokens: [Token], _ keys: [UInt8], _ first: Int, _ candidate: ScanWorkspace.Candidate, _ cache: inout [UInt8]?
    ) -> [UInt8] {
        if let cache { return cache }
        var result: [UInt8] = []
        for t in first...candidate.last {
            let range = t == candidate.last && candidate.stem ? tokens[t].stemCased : tokens[t].cased
            result += keys[Int(range.lowerBound)..<Int(range.upperBound)]
        }
        cache = result
        return result
    }

    /// Keeps one entry per concept: the one spelled most like the surface, then the
    /// best status, then the first row.
    private func bestPerConcept(
        _ senses: [(concept: Int32, entry: Int32)], _ tokens: [Token], _ keys: [UInt8], _ first: Int,
        _ candidate: ScanWorkspace.Candidate, _ surfaceCased: inout [UInt8]?
    ) -> [(concept: Int32, entry: Int32)] {
        let surface = cased(tokens, keys, first, candidate, &surfaceCased)
        func score(_ entry: Int32) -> (Int, Int, Int) {
            let e = entries[Int(entry)]
            return (e.cased == surface ? 0 : 1, e.rank, e.row)
        }
        var best: [Int32: Int32] = [:]
        var order: [Int32] = []
        for (concept, entry) in senses {
            if let current = best[concept] {
                if score(entry) < score(current) { best[concept] = entry }
            } else {
                best[concept] = entry
                order.append(concept)
            }
        }
        return order.map { ($0, best[$0]!) }
    }

    /// Chooses among the senses of a shared spelling: the concept its paragraph
    /// supports most (context words and unambiguous mentions), else the declared
    /// default, else none.
    private func resolve(
        _ senses: [(concept: Int32, entry: Int32)], support: [Int32: Int]
    ) -> (Resolution, [(concept: Int32, entry: Int32)]) {
        let scores = senses.map { support[$0.concept] ?? 0 }
        let top = scores.max() ?? 0
        let leaders = senses.indices.filter { scores[$0] == top }
        if top > 0 && leaders.count == 1 { return (.context, [senses[leaders[0]]]) }
        if let index = leaders.first(where: { table.rows[entries[Int(senses[$0].entry)].row].sharing == .defaultSense }) {
            return (.defaultSense, [senses[index]])
        }
        return (.ambiguous, senses)
    }
}
