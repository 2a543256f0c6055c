/// Buffers reused from line to line by one thread, so that scanning a stream does not
/// allocate per line.
public struct ScanWorkspace: Sendable {
    var line = LineTokens()
    /// A whole-line tokenization, for the rare line whose dateline matters.
    var whole = LineTokens()
    var candidates: [Candidate] = []
    var active: [Walk] = []
    var support: [Int32: Int] = [:]
    /// The mentions of the last paragraph scanned, before they become ``Mention``s.
    var found: [Found] = []
    /// The (concept, entry) pairs of `found`, back to back.
    var senses: [SenseRef] = []
    /// Tokens read by the general path so far (the cold loop skips the rest): a figure
    /// that does not depend on the machine, for benchmarks.
    var tokensRead = 0

    /// Empty buffers; they grow to fit the longest line seen.
    public init() {}

    /// A trie walk in progress: it began at token `first` and is at `node`.
    struct Walk {
        var first: Int
        var node: Int32
    }

    struct Candidate {
        var first: Int
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
        return workspace.found.map { mention($0, in: line, offset: offset, workspace) }
    }

    /// The public form of an internal mention.
    func mention(_ found: ScanWorkspace.Found, in line: UnsafeBufferPointer<UInt8>, offset: Int, _ workspace: ScanWorkspace) -> Mention {
        Mention(
            range: (offset + found.start)..<(offset + found.end),
            surface: String(decoding: UnsafeBufferPointer(rebasing: line[found.start..<found.end]), as: UTF8.self),
            senses: workspace.senses[found.senses].map { sense(of: $0) },
            resolution: found.resolution, isMixedScript: found.mixedScript)
    }

    func sense(of ref: ScanWorkspace.SenseRef) -> Sense {
        Sense(conceptID: concepts[Int(ref.concept)].id, term: table.rows[entries[Int(ref.entry)].row])
    }

    /// Fills `workspace.found` with the paragraph's mentions, ambiguity resolved.
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
        workspace.support.removeAll(keepingCapacity: true)
        workspace.found.removeAll(keepingCapacity: true)
        workspace.senses.removeAll(keepingCapacity: true)

        var position = 0
        var gap = Gap.hard
        var allCapsWords = 0, lowerWords = 0
        // Where the line's leading run of all-caps words (a possible dateline) ends at the latest.
        var leadingEnd = Int.max
        while true {
            if workspace.active.isEmpty {
                position = skipCold(line, from: position, gap: &gap, allCapsWords: &allCapsWords, lowerWords: &lowerWords,
                                    leadingEnd: &leadingEnd, memo: &workspace.line.memo)
            }
            guard let token = workspace.line.nextToken(line, at: &position, gap: &gap, keyMaker: keyMaker) else { break }
            workspace.tokensRead += 1
            if token.kind == .word {
                if token.flags.contains(.allCaps) { allCapsWords += 1 }
                if token.flags.contains(.hasLower) { lowerWords += 1 }
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
        if workspace.candidates.isEmpty { return }
        markCapsContext(line, headline: isHeadline(allCapsWords: allCapsWords, lowerWords: lowerWords), leadingEnd: leadingEnd,
                        &workspace)
        select(line, &workspace)
    }

    /// Skips, while no walk is live, what cannot begin a key: separators, ASCII
    /// punctuation, and plain ASCII words along which the trie walk dies before their
    /// end (or before the end of their stem, for a word with a clitic). This loop is
    /// where most text is spent; it stores nothing and allocates nothing. Returns where
    /// the general tokenizer must take over.
    @inline(__always)
    private func skipCold(
        _ line: UnsafeBufferPointer<UInt8>, from start: Int, gap: inout Gap, allCapsWords: inout Int, lowerWords: inout Int,
        leadingEnd: inout Int, memo: inout WordMemo
    ) -> Int {
        let classes = byteClasses.pointer
        var p = start
        let count = line.count
        while p < count {
            let byte = line[p]
            let cls = classes[Int(byte)]
            if cls & ByteClasses.separator != 0 {
                if gap != .hard { gap = .soft }
                p += 1
                continue
            }
            if cls & ByteClasses.alnum == 0 {
                guard cls & ByteClasses.punct != 0 else { return p }  // controls and non-ASCII: general path
                if leadingEnd == Int.max && byte != 0x2E && byte != 0x2C { leadingEnd = p }
                gap = .adjacent  // ASCII punctuation cannot begin a key
                p += 1
                continue
            }
            var end = p
            var upper = 0, lower = 0
            var firstSensitive = Int.max
            while end < count {
                let c = classes[Int(line[end])]
                if c & ByteClasses.alnum == 0 { break }
                upper &+= Int(c & ByteClasses.upper)
                lower &+= Int((c & ByteClasses.lower) >> 2)
                if c & ByteClasses.sensitive != 0 && firstSensitive == Int.max { firstSensitive = end - p }
                end += 1
            }
            if end < count && line[end] >= 0x80 { return p }  // the word goes on in another script
            // Walk the word's lower case. The variant rules change nothing before the
            // first byte they may change, so the word is cold if the walk dies before
            // that byte, and before the end of the word or of its stem.
            let length = end - p
            let stem = length >= 5 && hasClitic(line, end) ? length - 3 : length
            let bound = min(stem, firstSensitive)
            var node: Int32
            var walked: Int
            if bound >= 3 {
                node = trie.afterTriple(byte, line[p + 1], line[p + 2])
                walked = node == Trie.none ? 0 : 3
            } else if bound >= 2 {
                node = trie.afterPair(byte, line[p + 1])
                walked = node == Trie.none ? 0 : 2
            } else {
                node = Trie.root
                walked = 0
            }
            while walked < bound && node != Trie.none {
                node = trie.next(node, asciiLower(line[p + walked]))
                if node == Trie.none { break }
                walked += 1
            }
            if walked >= bound && bound < length {
                // The walk reached the stem of a word with a clitic (the general path
                // checks both), or a byte the rules may change: then walk the word's
                // real key, from the memo.
                guard stem == length else { return p }
                let entry = memo.lookup(UnsafeBufferPointer(rebasing: line[p..<end]), kind: .asciiVariant) { bytes in
                    asciiVariantKey(bytes, keyMaker: keyMaker)
                }
                node = Trie.root
                var k = Int(entry.folded.lowerBound)
                while k < Int(entry.folded.upperBound) && node != Trie.none {
                    node = trie.next(node, memo.bytes[k])
                    k += 1
                }
                let lowercase = upper == 0 && lower > 0
                if node != Trie.none && ((lowercase ? trie.acceptsLowercase(node) : trie.accepts(node)) || continues(node, line, from: end, classes)) {
                    return p
                }
            } else if walked >= bound {
                // The walk lives to the end of the word. The word is still cold if no
                // key ends in it and the next token cannot continue any key through
                // it; anything unsure goes to the general path.
                let lowercase = upper == 0 && lower > 0
                guard !(lowercase ? trie.acceptsLowercase(node) : trie.accepts(node)), !continues(node, line, from: end, classes) else { return p }
            }
            if upper >= 2 && lower == 0 { allCapsWords += 1 } else if leadingEnd == Int.max { leadingEnd = p }
            if lower > 0 { lowerWords += 1 }
            gap = .adjacent
            p = end
        }
        return p
    }

    /// Whether a key may continue from `node` into what follows position `end`: false
    /// only when that is sure. It is when the line ends, when the next token is a
    /// punctuation mark that no edge of `node` carries, or when the next token is a
    /// plain ASCII word along whose lower case the walk from `node` dies before it
    /// meets the end of a key or a byte the variant rules may change (common words
    /// that begin keys, such as *dan* before a name, stay in the cold loop so).
    @inline(__always)
    private func continues(_ node: Int32, _ line: UnsafeBufferPointer<UInt8>, from end: Int, _ classes: UnsafeMutablePointer<UInt8>) -> Bool {
        guard trie.hasChildren(node) else { return false }
        var q = end
        while q < line.count && classes[Int(line[q])] & ByteClasses.separator != 0 { q += 1 }
        guard q < line.count else { return false }
        let first = classes[Int(line[q])]
        if first & ByteClasses.punct != 0 { return trie.next(node, line[q]) != Trie.none }
        guard first & ByteClasses.alnum != 0 else { return true }
        return !walkDies(from: node, alongWordAt: q, line, classes)
    }

    /// Whether the walk from `node` along the lower case of the ASCII word at `start`
    /// dies before it meets the end of a key, a byte the variant rules may change, or
    /// the end of the word: then no key that has reached `node` goes on through that
    /// word. False whenever that is not sure.
    @inline(__always)
    private func walkDies(from node: Int32, alongWordAt start: Int, _ line: UnsafeBufferPointer<UInt8>, _ classes: UnsafeMutablePointer<UInt8>) -> Bool {
        var node = node
        var q = start
        while q < line.count {
            let cls = classes[Int(line[q])]
            if cls & ByteClasses.alnum == 0 || cls & ByteClasses.sensitive != 0 { return false }
            node = trie.next(node, asciiLower(line[q]))
            if node == Trie.none { return true }
            if trie.accepts(node) { return false }
            q += 1
        }
        return false
    }

    /// Ends the live walks that the next token cannot continue, so that the cold-word
    /// loop can take over without reading it as a token. Only a plain ASCII word is
    /// judged, by walking its lower case (see `walkDies`): anything else is left to the
    /// general path.
    @inline(__always)
    private func dropWalksThatCannotContinue(
        _ line: UnsafeBufferPointer<UInt8>, from position: Int, _ active: inout [ScanWorkspace.Walk]
    ) {
        let classes = byteClasses.pointer
        var p = position
        while p < line.count && classes[Int(line[p])] & ByteClasses.separator != 0 { p += 1 }
        guard p < line.count else { return }
        guard classes[Int(line[p])] & ByteClasses.alnum != 0 else { return }
        active.removeAll { walkDies(from: $0.node, alongWordAt: p, line, classes) }
    }

    /// Whether a token can begin a key: the trie has a path for the first two bytes of
    /// its key (the first byte alone when the key is that short).
    @inline(__always)
    private func mayStart(_ token: Token, _ line: UnsafeBufferPointer<UInt8>, _ keys: [UInt8]) -> Bool {
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
    private func advance(
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

    /// Sets `capsContext` on the stored all-caps tokens that stand in a headline or a
    /// dateline. The dateline needs the line's first tokens, which may not be stored:
    /// the rare line with a stored all-caps token before `leadingEnd` (where the leading
    /// run of all-caps words ends at the latest) is tokenized whole.
    private func markCapsContext(
        _ line: UnsafeBufferPointer<UInt8>, headline: Bool, leadingEnd: Int, _ workspace: inout ScanWorkspace
    ) {
        let tokens = workspace.line.tokens
        guard tokens.contains(where: { $0.flags.contains(.allCaps) && (headline || Int($0.start) < leadingEnd) }) else { return }
        var inContext: Set<Int32> = []
        if !headline {
            workspace.whole.tokenize(line, keyMaker: keyMaker)
            for token in workspace.whole.tokens where token.flags.contains(.capsContext) { inContext.insert(token.start) }
        }
        for index in workspace.line.tokens.indices where workspace.line.tokens[index].flags.contains(.allCaps) {
            if headline || inContext.contains(workspace.line.tokens[index].start) {
                workspace.line.tokens[index].flags.insert(.capsContext)
            }
        }
    }

    /// Chooses the mentions among the candidates: leftmost first, then longest, each
    /// checked against the rules; resolves shared spellings.
    private func select(_ line: UnsafeBufferPointer<UInt8>, _ workspace: inout ScanWorkspace) {
        workspace.candidates.sort { a, b in
            a.first != b.first ? a.first < b.first : (a.last, a.stem ? 0 : 1) > (b.last, b.stem ? 0 : 1)
        }
        let tokens = workspace.line.tokens
        let keys = workspace.line.keys
        var ambiguous = false
        var free = 0
        var groupStart = 0
        while groupStart < workspace.candidates.count {
            let i = workspace.candidates[groupStart].first
            var groupEnd = groupStart + 1
            while groupEnd < workspace.candidates.count && workspace.candidates[groupEnd].first == i { groupEnd += 1 }
            defer { groupStart = groupEnd }
            if i < free { continue }

            // Longest first: the first candidate with a term that passes the case and
            // script rules is the mention. Context words count wherever they pass.
            var found = false
            for candidate in workspace.candidates[groupStart..<groupEnd] {
                guard hanRuleAllows(tokens, i, candidate.last) else { continue }
                let sensesStart = workspace.senses.count
                for entryIndex in trie.accepted(candidate.node) {
                    let entry = entries[Int(entryIndex)]
                    guard passes(entry, entryIndex, tokens, i, candidate, line, keys) else { continue }
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
                        first: i, last: candidate.last, stem: candidate.stem, start: Int(tokens[i].start),
                        end: Int(candidate.stem ? last.stemEnd : last.end), senses: senses,
                        resolution: senses.count == 1 ? .unique : .ambiguous, mixedScript: mixed))
                    free = candidate.last + 1
                }
            }
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
        equals cased: ArraySlice<UInt8>, _ tokens: [Token], _ first: Int, _ candidate: ScanWorkspace.Candidate,
        _ line: UnsafeBufferPointer<UInt8>, _ keys: [UInt8]
    ) -> Bool {
        var position = cased.startIndex
        for t in first...candidate.last {
            let part = LineTokens.cased(tokens[t], stem: t == candidate.last && candidate.stem, line, keys)
            guard position + part.count <= cased.endIndex, cased[position..<(position + part.count)].elementsEqual(part) else {
                return false
            }
            position += part.count
        }
        return position == cased.endIndex
    }

    /// The case rules of a term (see the type's documentation).
    private func passes(
        _ entry: Entry, _ entryIndex: Int32, _ tokens: [Token], _ first: Int, _ candidate: ScanWorkspace.Candidate,
        _ line: UnsafeBufferPointer<UInt8>, _ keys: [UInt8]
    ) -> Bool {
        if entry.isAbbr {
            return surfaceCased(equals: casedKey(ofEntry: entryIndex), tokens, first, candidate, line, keys)
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
            if !entryAllCapsWords[Int(entryIndex)].contains(where: { $0.elementsEqual(key) }) { return false }
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
            return (surfaceCased(equals: casedKey(ofEntry: index), tokens, first, candidate, line, keys) ? 0 : 1, e.rank, e.row)
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

    /// A token's folded key (allocates for in-place keys: used only off the hot path,
    /// for all-caps words outside headlines and when compiling terms).
    static func folded(_ token: Token, stem: Bool, _ line: UnsafeBufferPointer<UInt8>, _ keys: [UInt8]) -> ArraySlice<UInt8> {
        if token.flags.contains(.keyInSource) {
            return ArraySlice(line[Int(token.start)..<Int(stem ? token.stemEnd : token.end)].map(asciiLower))
        }
        let range = stem ? token.stemFolded : token.folded
        return keys[Int(range.lowerBound)..<Int(range.upperBound)]
    }
}
