// The rules a candidate must pass, by the numbers of DESIGN.md: 3 (Han and kana),
// 4 (abbreviations), 5 (lowercase words) and 6 (all-caps words, with headlines and
// datelines).

extension Matcher {
    /// Sets `capsContext` on the stored all-caps tokens that stand in a headline or a
    /// dateline. The dateline needs the line's first tokens, which may not be stored:
    /// the rare line with a stored all-caps token before `leadingEnd` (where the leading
    /// run of all-caps words ends at the latest) is tokenized whole.
    func markCapsContext(
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

    /// Whether the case of a candidate's surface leaves some row of its key a chance: not
    /// when all its words are lower case and every row needs capitals (rules 4 and 5).
    /// Only such candidates cover words for the headline rule, whatever path read them.
    func mayMatchCase(_ candidate: ScanWorkspace.Candidate, _ tokens: [Token]) -> Bool {
        if trie.acceptsLowercase(candidate.node) { return true }
        for t in candidate.first...candidate.last {
            let flags = tokens[t].flags
            if tokens[t].kind != .word || flags.contains(.hasUpper) || !flags.contains(.hasLower) { return true }
        }
        return false
    }

    /// Rule 3: a match with Han or kana in it covers two or more such characters and
    /// nothing else.
    func hanRuleAllows(_ tokens: [Token], _ first: Int, _ last: Int) -> Bool {
        var han = 0
        for t in first...last where tokens[t].kind == .han { han += 1 }
        return han == 0 || (han == last - first + 1 && han >= 2)
    }

    /// Whether the candidate's surface has exactly this cased key.
    func surfaceCased(
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

    /// Rules 4, 5 and 6 for one entry of a candidate.
    func passes(
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
}
