// The cold path of the scan: while no trie walk is live, the words that cannot begin a
// key are passed over without becoming tokens (DESIGN.md, "Where the time goes").

extension Matcher {
    /// Skips, while no walk is live, what cannot begin a key: separators, ASCII
    /// punctuation, and plain ASCII words along which the trie walk dies before their
    /// end (or before the end of their stem, for a word with a clitic). This loop is
    /// where most text is spent; it stores nothing and allocates nothing. Returns where
    /// the general tokenizer must take over.
    @inline(__always)
    func skipCold(
        _ line: UnsafeBufferPointer<UInt8>, from start: Int, gap: inout Gap, allCapsWords: inout Int, lowerWords: inout Int,
        leadingEnd: inout Int, memo: inout WordMemo, language: inout LanguageCount, countsLanguage: inout Bool
    ) -> Int {
        let markers = markerTable
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
                let entry = memo.lookup(UnsafeBufferPointer(rebasing: line[p..<end]), kind: .asciiVariant, keyMaker: keyMaker)
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
            if countsLanguage {
                language.add(markers.language(of: line, p, end))
                countsLanguage = !language.isDecided
            }
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
    func continues(_ node: Int32, _ line: UnsafeBufferPointer<UInt8>, from end: Int, _ classes: UnsafeMutablePointer<UInt8>) -> Bool {
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
    func walkDies(from node: Int32, alongWordAt start: Int, _ line: UnsafeBufferPointer<UInt8>, _ classes: UnsafeMutablePointer<UInt8>) -> Bool {
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
    func dropWalksThatCannotContinue(
        _ line: UnsafeBufferPointer<UInt8>, from position: Int, _ active: inout [ScanWorkspace.Walk]
    ) {
        let classes = byteClasses.pointer
        var p = position
        while p < line.count && classes[Int(line[p])] & ByteClasses.separator != 0 { p += 1 }
        guard p < line.count else { return }
        guard classes[Int(line[p])] & ByteClasses.alnum != 0 else { return }
        // Compacted by hand: `removeAll(where:)` costs a partition and a closure per call,
        // and this runs after every stored token while a walk is live (usually one walk).
        var kept = 0
        for a in active.indices where !walkDies(from: active[a].node, alongWordAt: p, line, classes) {
            active[kept] = active[a]
            kept += 1
        }
        if kept < active.count { active.removeLast(active.count - kept) }
    }
}
