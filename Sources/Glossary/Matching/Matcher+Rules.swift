import Glibc

// The rules a candidate must pass, by the numbers of DESIGN.md: 2 (a term without a Latin
// letter meets no plain ASCII text), 3 (Han and kana),
// 4 (abbreviations: own case, own script, press casing), 5 (lowercase surfaces) and
// 6 (all-caps words, with headlines and datelines).

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
        workspace.isHeadline = headline
        var inContext: Set<Int32> = []
        if !headline {
            workspace.whole.tokenize(line, keyMaker: keyMaker)
            workspace.wholeRange = 0..<line.count
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

    /// Rule 6: in a headline, where every word is in capitals, an abbreviation that is
    /// also a common word (*AS*, *as*; *ROK*, Indonesian *rok*) counts only where the
    /// headline's function words say the abbreviation's own language (or it has none).
    func headlineAllows(
        _ entry: Entry, _ cased: ArraySlice<UInt8>, _ line: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ first: Int,
        _ candidate: ScanWorkspace.Candidate
    ) -> Bool {
        guard tokens[first...candidate.last].contains(where: { $0.flags.contains(.capsContext) }),
            CommonWords.shipped.contains(cased.map(asciiLower))
        else { return true }
        let language = languageNames[Int(entry.language)]
        return language == "und" || language == headlineLanguage(line)
    }

    /// The language a headline's function words say (`id`, `en`), or "" when they say
    /// none. Asked rarely: for an abbreviation that is also a word, in a headline.
    func headlineLanguage(_ line: UnsafeBufferPointer<UInt8>) -> String {
        var words = LineTokens()
        words.tokenize(line, keyMaker: keyMaker)
        var count = LanguageCount()
        for token in words.tokens where token.kind == .word {
            count.add(markerTable.language(of: line, Int(token.start), Int(token.end)))
        }
        return count.language ?? ""
    }

    /// Rule 5 for a term of several tokens with a capital: whether the surface has a
    /// capitalised word that does not just open a sentence (for a protected name, one that
    /// opens a sentence will do: *Brazil nuts and cashews …*).
    func hasCapital(
        _ tokens: [Token], _ first: Int, _ last: Int, _ line: UnsafeBufferPointer<UInt8>, evenOpeningASentence: Bool = false
    ) -> Bool {
        for t in first...last where tokens[t].kind == .word && tokens[t].flags.contains(.hasUpper) {
            if t == first && !evenOpeningASentence && Self.opensSentence(at: Int(tokens[t].start), line) { continue }
            return true
        }
        return false
    }

    /// Whether a word at this offset opens a sentence: only spaces and opening quotes or
    /// brackets lie between it and the start of the line, or a full stop, question mark,
    /// exclamation mark or ellipsis.
    static func opensSentence(at offset: Int, _ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var p = offset
        while p > 0 {
            let b = line[p - 1]
            if b == 0x20 || b == 0x09 || b == 0x22 || b == 0x27 || b == 0x28 || b == 0x5B {
                p -= 1  // space, tab, " ' ( [
            } else if p >= 3 && line[p - 3] == 0xE2 && line[p - 2] == 0x80 && (b == 0x9C || b == 0x98) {
                p -= 3  // “ ‘
            } else if p >= 2 && line[p - 2] == 0xC2 && (b == 0xA0 || b == 0xAB) {
                p -= 2  // no-break space, «
            } else {
                break
            }
        }
        if p == 0 { return true }
        let b = line[p - 1]
        if b == 0x2E || b == 0x21 || b == 0x3F { return true }
        return p >= 3 && line[p - 3] == 0xE2 && line[p - 2] == 0x80 && b == 0xA6  // …
    }

    /// Rule 4, `+titlecase`: whether the surface is the abbreviation with its first
    /// letter only in capitals (*Asean* for *ASEAN*).
    func surfaceTitlecased(
        _ cased: ArraySlice<UInt8>, _ tokens: [Token], _ first: Int, _ candidate: ScanWorkspace.Candidate,
        _ line: UnsafeBufferPointer<UInt8>, _ keys: [UInt8]
    ) -> Bool {
        guard cased.count >= 2 else { return false }
        var surface: [UInt8] = []
        for t in first...candidate.last {
            surface += LineTokens.cased(tokens[t], stem: t == candidate.last && candidate.stem, line, keys)
        }
        guard surface.count == cased.count, surface[0] == cased[cased.startIndex] else { return false }
        for (s, c) in zip(surface.dropFirst(), cased.dropFirst()) where s != asciiLower(c) || s &- 0x41 < 26 { return false }
        return true
    }

    /// Rule 4: whether the surface is written in the abbreviation's own script: its words
    /// in NFKC are the abbreviation's (no transliteration, no diacritics, no look-alike
    /// letters). An ASCII surface of an ASCII abbreviation, the common case, needs no work.
    func inOwnScript(
        _ entryIndex: Int32, _ tokens: [Token], _ first: Int, _ candidate: ScanWorkspace.Candidate,
        _ line: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        let range = ownRanges[Int(entryIndex)]
        let own = ownTexts[Int(range.lowerBound)..<Int(range.upperBound)]
        let ascii = tokens[first...candidate.last].allSatisfy { $0.kind != .word || $0.flags.contains(.keyInSource) }
        if ascii && own.allSatisfy({ $0 < 0x80 }) { return true }
        var surface: [UInt8] = []
        for t in first...candidate.last where tokens[t].kind == .word {
            let end = t == candidate.last && candidate.stem ? tokens[t].stemEnd : tokens[t].end
            surface += nfkcBytes(UnsafeBufferPointer(rebasing: line[Int(tokens[t].start)..<Int(end)]))
        }
        // Case is rule 4's other half: compare letters without it here (Asean).
        return surface.count == own.count && zip(surface, own).allSatisfy { asciiLower($0) == asciiLower($1) }
    }

    /// Whether the candidate's surface has exactly this cased key. Compares bytes in
    /// place (the line's for a key in the source, the keys buffer's otherwise): this runs
    /// for every abbreviation and every concept with several matching rows, so it must
    /// not copy a token's bytes into an array.
    func surfaceCased(
        equals cased: ArraySlice<UInt8>, _ tokens: [Token], _ first: Int, _ candidate: ScanWorkspace.Candidate,
        _ line: UnsafeBufferPointer<UInt8>, _ keys: [UInt8]
    ) -> Bool {
        cased.withUnsafeBufferPointer { cased in
            keys.withUnsafeBufferPointer { keys in
                var position = 0
                for t in first...candidate.last {
                    let token = tokens[t]
                    let stem = t == candidate.last && candidate.stem
                    let part: UnsafeBufferPointer<UInt8>
                    if token.flags.contains(.keyInSource) {
                        part = UnsafeBufferPointer(rebasing: line[Int(token.start)..<Int(stem ? token.stemEnd : token.end)])
                    } else {
                        let range = stem ? token.stemCased : token.cased
                        part = UnsafeBufferPointer(rebasing: keys[Int(range.lowerBound)..<Int(range.upperBound)])
                    }
                    guard position + part.count <= cased.count else { return false }
                    if part.count > 0 && memcmp(cased.baseAddress! + position, part.baseAddress!, part.count) != 0 { return false }
                    position += part.count
                }
                return position == cased.count
            }
        }
    }

    /// Rules 2 (a term without a Latin letter), 4, 5 and 6 for one entry of a candidate;
    /// `headline` says whether the line is a headline.
    func passes(
        _ entry: Entry, _ entryIndex: Int32, _ tokens: [Token], _ first: Int, _ candidate: ScanWorkspace.Candidate,
        _ line: UnsafeBufferPointer<UInt8>, _ keys: [UInt8], headline: Bool = false
    ) -> Bool {
        if entry.nativeScriptOnly
            && !line[Int(tokens[first].start)..<Int(tokens[candidate.last].end)].contains(where: { $0 >= 0x80 })
        {
            return false  // rule 2: Дели is not the Indonesian Deli
        }
        if entry.isAbbr {
            let cased = casedKey(ofEntry: entryIndex)
            guard surfaceCased(equals: cased, tokens, first, candidate, line, keys)
                || (entry.alsoTitlecase && surfaceTitlecased(cased, tokens, first, candidate, line, keys))
            else { return false }
            if headline && !headlineAllows(entry, cased, line, tokens, first, candidate) { return false }
            return inOwnScript(entryIndex, tokens, first, candidate, line)
        }
        if entry.capitalizedSingleWord {
            var allLower = true
            for t in first...candidate.last {
                let flags = tokens[t].flags
                if tokens[t].kind != .word || flags.contains(.hasUpper) || !flags.contains(.hasLower) { allLower = false }
            }
            if allLower { return false }
        } else if entry.capitalizedPhrase && !hasCapital(tokens, first, candidate.last, line, evenOpeningASentence: entry.form == .protected) {
            return false
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
