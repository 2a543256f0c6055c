// The scan of one paragraph: tokens, live trie walks over their keys, and the
// candidates where keys end (rules 1 and 2).

extension Matcher {
    /// Fills `workspace.found` with the paragraph's mentions, shared spellings resolved as
    /// far as the paragraph can (rule 9); ``resolve(_:document:)`` finishes them.
    ///
    /// One pass reads the tokens and advances every live trie walk with each (a walk
    /// starts at every token that can begin a key); tokens that no walk needs are not
    /// even stored. Then the candidates are chosen leftmost-longest, each checked
    /// against the case and script rules.
    func scan(_ line: UnsafeBufferPointer<UInt8>, _ workspace: inout ScanWorkspace) {
        workspace.line.tokens.removeAll(keepingCapacity: true)
        workspace.line.keys.removeAll(keepingCapacity: true)
        workspace.candidates.removeAll(keepingCapacity: true)
        workspace.active.removeAll(keepingCapacity: true)
        // Emptying a dictionary walks its whole capacity, which a long paragraph grew.
        if !workspace.support.isEmpty { workspace.support.removeAll(keepingCapacity: true) }
        workspace.found.removeAll(keepingCapacity: true)
        workspace.senses.removeAll(keepingCapacity: true)
        workspace.wholeRange = nil
        workspace.isHeadline = false
        workspace.namesakes.removeAll(keepingCapacity: true)
        workspace.namesakeTokens.removeAll(keepingCapacity: true)
        workspace.namesakeEnds.removeAll(keepingCapacity: true)
        var language = LanguageCount()
        var countsLanguage = workspace.countsLanguage

        var position = 0
        var gap = Gap.hard
        var allCapsWords = 0, lowerWords = 0
        // Where the line's leading run of all-caps words (a possible dateline) ends at the latest.
        var leadingEnd = Int.max
        while true {
            if workspace.active.isEmpty {
                position = skipCold(line, from: position, gap: &gap, allCapsWords: &allCapsWords, lowerWords: &lowerWords,
                                    leadingEnd: &leadingEnd, memo: &workspace.line.memo, language: &language,
                                    countsLanguage: &countsLanguage)
            }
            guard let token = workspace.line.nextToken(line, at: &position, gap: &gap, keyMaker: keyMaker) else { break }
            workspace.tokensRead += 1
            if token.kind == .word {
                if token.flags.contains(.allCaps) { allCapsWords += 1 }
                if token.flags.contains(.hasLower) { lowerWords += 1 }
                if countsLanguage {
                    language.add(markerTable.language(of: line, Int(token.start), Int(token.end)))
                    countsLanguage = !language.isDecided
                }
            }
            if leadingEnd == Int.max && !(token.kind == .word && token.flags.contains(.allCaps))
                && !(token.kind == .punct && token.end - token.start == 1 && (line[Int(token.start)] == 0x2E || line[Int(token.start)] == 0x2C))
            {
                leadingEnd = Int(token.start)
            }
            if token.gapBefore == .hard { workspace.active.removeAll(keepingCapacity: true) }
            let starts = token.kind != .punct && mayStart(token, line, workspace.line.keys)
            if workspace.active.isEmpty && !starts { continue }

            let index = workspace.line.tokens.count
            workspace.line.tokens.append(token)
            let keys = workspace.line.keys
            var kept = 0
            for a in workspace.active.indices {
                let walk = workspace.active[a]
                let node = advance(walk.node, token, index, from: walk.first, line, keys, &workspace.candidates)
                if node != Trie.none {
                    workspace.active[kept] = .init(first: walk.first, node: node)
                    kept += 1
                }
            }
            workspace.active.removeLast(workspace.active.count - kept)
            if starts {
                let node = advance(Trie.root, token, index, from: index, line, keys, &workspace.candidates)
                if node != Trie.none { workspace.active.append(.init(first: index, node: node)) }
            }
            if !workspace.active.isEmpty { dropWalksThatCannotContinue(line, from: position, &workspace.active) }
        }
        workspace.languageCount = language
        if workspace.candidates.isEmpty { return }
        // Leftmost first, then longest, as `select` takes them.
        workspace.candidates.sort { a, b in
            a.first != b.first ? a.first < b.first : (a.last, a.stem ? 0 : 1) > (b.last, b.stem ? 0 : 1)
        }
        // Words inside candidates do not count for the headline (see isHeadline). They
        // are stored tokens, so a line with too many lowercase words for that to matter
        // (nearly every line of news) is no headline without counting them.
        var coveredCaps = 0, coveredLower = 0
        if allCapsWords >= 1 && allCapsWords >= 3 * (lowerWords - workspace.line.tokens.count) {
            var next = 0
            for candidate in workspace.candidates where candidate.last >= next && mayMatchCase(candidate, workspace.line.tokens) {
                for t in max(next, candidate.first)...candidate.last where workspace.line.tokens[t].kind == .word {
                    let flags = workspace.line.tokens[t].flags
                    if flags.contains(.allCaps) { coveredCaps += 1 }
                    if flags.contains(.hasLower) { coveredLower += 1 }
                }
                next = candidate.last + 1
            }
        }
        let headline = isHeadline(allCapsWords: allCapsWords, freeAllCapsWords: allCapsWords - coveredCaps,
                                  freeLowerWords: lowerWords - coveredLower)
        markCapsContext(line, headline: headline, leadingEnd: leadingEnd,
                        &workspace)
        select(line, &workspace)
    }

    /// Whether a token can begin a key: the trie has a path for the first two bytes of
    /// its key (the first byte alone when the key is that short).
    @inline(__always)
    func mayStart(_ token: Token, _ line: UnsafeBufferPointer<UInt8>, _ keys: [UInt8]) -> Bool {
        let first: UInt8, second: UInt8?
        if token.flags.contains(.keyInSource) {
            let start = Int(token.start)
            first = asciiLower(line[start])
            second = token.end - token.start >= 2 ? asciiLower(line[start + 1]) : nil
        } else {
            let range = token.folded
            guard !range.isEmpty else { return false }
            first = keys[Int(range.lowerBound)]
            second = range.count >= 2 ? keys[Int(range.lowerBound) + 1] : nil
        }
        guard let second else { return trie.next(Trie.root, first) != Trie.none }
        if token.flags.contains(.hasStem) && !token.flags.contains(.keyInSource) && token.stemFolded.count < 2 {
            return trie.next(Trie.root, first) != Trie.none
        }
        // A key of two or more bytes must continue inside the token (its stem too is at
        // least two bytes long), so its first two bytes are the token's.
        return trie.pairBegins(first, second)
    }

    /// Advances a walk that began at token `first` over the token at `index`; records
    /// the candidates that end in it. Returns the node after the whole token, or `none`
    /// when no key continues.
    @inline(__always)
    func advance(
        _ node: Int32, _ token: Token, _ index: Int, from first: Int, _ line: UnsafeBufferPointer<UInt8>,
        _ keys: [UInt8], _ candidates: inout [ScanWorkspace.Candidate]
    ) -> Int32 {
        if token.flags.contains(.hasStem) {
            let stemNode = walk(node, token, stem: true, line, keys)
            if stemNode != Trie.none && trie.accepts(stemNode) {
                candidates.append(.init(first: first, last: index, stem: true, node: stemNode))
            }
        }
        let next = walk(node, token, stem: false, line, keys)
        if next == Trie.none { return next }
        if trie.accepts(next) { candidates.append(.init(first: first, last: index, stem: false, node: next)) }
        return trie.hasChildren(next) ? next : Trie.none
    }

    /// The node reached from `node` by a token's folded key (or its stem's).
    @inline(__always)
    func walk(_ node: Int32, _ token: Token, stem: Bool, _ line: UnsafeBufferPointer<UInt8>, _ keys: [UInt8]) -> Int32 {
        var node = node
        if token.flags.contains(.keyInSource) {
            var p = Int(token.start)
            let end = Int(stem ? token.stemEnd : token.end)
            // From the root, the first three letters or digits of a word through the
            // table of nodes after three (a plain ASCII word's bytes all are).
            if node == Trie.root && token.kind == .word && end - p >= 3 {
                node = trie.afterTriple(line[p], line[p + 1], line[p + 2])
                if node == Trie.none { return node }
                p += 3
            }
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
}
