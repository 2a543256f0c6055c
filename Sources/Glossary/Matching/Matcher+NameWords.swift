// Rule 11: a short form stands alone. Joined to another capitalised name word that no
// listed term, context word or title covers, it is part of someone else's name.

extension Matcher {
    /// Whether a candidate made only of short forms stands alone (rule 11): the word
    /// right before it and the word right after it, separated from it by spaces only,
    /// are not name words. A *name word* is capitalised (its first letter upper case,
    /// and some letter lower case), is covered by no candidate (no term, context word,
    /// title or protected name of the table holds it), and, if it is Latin, is not a
    /// common word of Indonesian or English (``CommonWords``), taken with the words
    /// that hyphens join to it (*Min-jae*); a word of another script is one unless it
    /// opens a sentence. A clitic after a short form is no word of its own.
    ///
    /// Most lines need no more than a look at the bytes around the mention; a line with
    /// a capitalised word next to one is tokenized around the mention (``window(around:_:_:)``),
    /// never whole, so that a paragraph of megabytes costs no more memory than a short one.
    func standsAlone(
        _ line: UnsafeBufferPointer<UInt8>, first: Int, _ candidate: ScanWorkspace.Candidate,
        _ workspace: inout ScanWorkspace
    ) -> Bool {
        let start = Int(workspace.line.tokens[first].start)
        let end = Int(workspace.line.tokens[candidate.last].end)
        let lookBefore = Self.mayBeNameWord(before: start, line)
        let lookAfter = !candidate.stem && Self.mayBeNameWord(after: end, line)
        if !lookBefore && !lookAfter { return true }

        let part = tokenizeAround(start, end, line, &workspace)
        let base = workspace.wholeRange!.lowerBound
        if lookBefore, let k = Self.wordBefore(start - base, part, workspace.whole.tokens),
            isNameWord(k, step: -1, part, base: base, line, &workspace)
        {
            return false
        }
        let whole = workspace.whole.tokens
        if lookAfter, let k = Self.tokenIndex(endingAt: end - base, whole), k + 1 < whole.count,
            Self.joinedBySpaces(part, end - base, Int(whole[k + 1].start)),
            isNameWord(k + 1, step: 1, part, base: base, line, &workspace)
        {
            return false
        }
        return true
    }

    /// Whether the word right before tokens `first...last`, with only spaces between, is a
    /// locative (``Locatives``): then a city's name is the place, whatever namesake the
    /// document met (rule 11).
    func followsLocative(_ line: UnsafeBufferPointer<UInt8>, first: Int, last: Int, _ workspace: inout ScanWorkspace) -> Bool {
        let start = Int(workspace.line.tokens[first].start)
        guard start > 0 else { return false }
        // Most often the word before is plain ASCII letters that the variant rules leave
        // as they are, after one ASCII space, at the line start or after another: its
        // key is its lower case. Anything else is tokenized.
        if line[start - 1] == 0x20 {
            let classes = byteClasses.pointer
            var p = start - 1
            while p > 0 && classes[Int(line[p - 1])] & (ByteClasses.upper | ByteClasses.lower) != 0
                && classes[Int(line[p - 1])] & ByteClasses.sensitive == 0
            {
                p -= 1
            }
            if p < start - 1 && (p == 0 || line[p - 1] == 0x20) {
                return Locatives.words.contains(line[p..<(start - 1)].map(asciiLower))
            }
        }
        let part = tokenizeAround(start, Int(workspace.line.tokens[last].end), line, &workspace)
        let whole = workspace.whole.tokens
        guard let k = Self.wordBefore(start - workspace.wholeRange!.lowerBound, part, whole), whole[k].kind == .word else { return false }
        return Locatives.words.contains(Array(LineTokens.folded(whole[k], stem: false, part, workspace.whole.keys)))
    }

    /// Tokenizes the words around `start..<end` (``window(around:_:_:)``) into
    /// `workspace.whole`, unless the part of the paragraph it holds already covers them,
    /// and returns that part; `workspace.wholeRange` says where it lies in `line`.
    private func tokenizeAround(
        _ start: Int, _ end: Int, _ line: UnsafeBufferPointer<UInt8>, _ workspace: inout ScanWorkspace
    ) -> UnsafeBufferPointer<UInt8> {
        let window = Self.window(around: start, end, line)
        if let part = workspace.wholeRange, part.lowerBound <= window.lowerBound, window.upperBound <= part.upperBound {
            // The part already tokenized holds the window.
        } else {
            workspace.whole.tokenize(UnsafeBufferPointer(rebasing: line[window]), keyMaker: keyMaker)
            workspace.wholeRange = window
        }
        return UnsafeBufferPointer(rebasing: line[workspace.wholeRange!])
    }

    /// The index of the token right before the one that starts at `offset` in `part`,
    /// when only spaces lie between them.
    static func wordBefore(_ offset: Int, _ part: UnsafeBufferPointer<UInt8>, _ tokens: [Token]) -> Int? {
        guard let k = tokenIndex(startingAt: offset, tokens), k > 0, joinedBySpaces(part, Int(tokens[k - 1].end), offset) else { return nil }
        return k - 1
    }

    /// The bytes that rule 11 reads around a mention at `start..<end`, cut at ASCII
    /// spaces (which no token holds, so that each token in it is the token a whole-line
    /// tokenization makes): on each side, the mention's own run of bytes without ASCII
    /// spaces, the spaces next to it (no-break ones too), then the next such run (the
    /// neighbouring word, with the words that hyphens join to it).
    static func window(around start: Int, _ end: Int, _ line: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        func isASCIISpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
        var a = start
        while a > 0 && !isASCIISpace(line[a - 1]) { a -= 1 }
        a = spacesStart(before: a, line)
        while a > 0 && !isASCIISpace(line[a - 1]) { a -= 1 }
        var b = end
        while b < line.count && !isASCIISpace(line[b]) { b += 1 }
        while b < line.count {
            let length = spaceLength(line, at: b)
            if length == 0 { break }
            b += length
        }
        while b < line.count && !isASCIISpace(line[b]) { b += 1 }
        return a..<b
    }

    /// Whether token `n` of `part` (the tokenized bytes, which start at `base` in
    /// `line`) is a name word; `step` points away from the mention, the way that
    /// hyphen-joined words extend it.
    private func isNameWord(
        _ n: Int, step: Int, _ part: UnsafeBufferPointer<UInt8>, base: Int, _ line: UnsafeBufferPointer<UInt8>,
        _ workspace: inout ScanWorkspace
    ) -> Bool {
        let whole = workspace.whole.tokens
        let token = whole[n]
        guard token.kind == .word, token.flags.contains(.hasLower),
            let (firstScalar, _) = decodeScalar(part, at: Int(token.start)), ScalarTraits(firstScalar).isUppercase
        else { return false }
        if isCovered(start: Int32(base) + token.start, workspace) { return false }
        let value = firstScalar.value
        // Not Latin: no word list tells a common word, so one that opens a sentence
        // (Министр Шойгу) is given the benefit of the doubt.
        guard value < 0x250 || (0x1E00..<0x1F00).contains(value) else {
            return !Self.opensSentence(at: base + Int(token.start), line)
        }
        // The word with the words that hyphens join to it, in text order.
        var parts = [n]
        var k = n
        while k + step >= 0 && k + step < whole.count {
            let (left, right) = step < 0 ? (whole[k + step], whole[k]) : (whole[k], whole[k + step])
            guard whole[k + step].kind == .word, Self.joinedByHyphen(part, Int(left.end), Int(right.start)) else { break }
            k += step
            parts.append(k)
        }
        if step < 0 { parts.reverse() }
        var word: [UInt8] = []
        for (index, piece) in parts.enumerated() {
            if index > 0 { word.append(0x2D) }
            word += LineTokens.cased(whole[piece], stem: false, part, workspace.whole.keys).map(asciiLower)
        }
        return !CommonWords.shipped.contains(word)
    }

    /// Whether a stored token starts at `start` and some candidate covers it.
    private func isCovered(start: Int32, _ workspace: ScanWorkspace) -> Bool {
        guard let s = Self.tokenIndex(startingAt: Int(start), workspace.line.tokens) else { return false }
        return workspace.candidates.contains { $0.first <= s && s <= $0.last }
    }

    /// The index of the token that starts at a byte offset (tokens are in line order).
    static func tokenIndex(startingAt offset: Int, _ tokens: [Token]) -> Int? {
        var low = 0, high = tokens.count
        while low < high {
            let mid = (low + high) / 2
            if Int(tokens[mid].start) < offset { low = mid + 1 } else { high = mid }
        }
        return low < tokens.count && Int(tokens[low].start) == offset ? low : nil
    }

    /// The index of the token that ends at a byte offset.
    static func tokenIndex(endingAt offset: Int, _ tokens: [Token]) -> Int? {
        var low = 0, high = tokens.count
        while low < high {
            let mid = (low + high) / 2
            if Int(tokens[mid].end) < offset { low = mid + 1 } else { high = mid }
        }
        return low < tokens.count && Int(tokens[low].end) == offset ? low : nil
    }

    /// The length of the space (ASCII space, tab, U+00A0 or U+202F) at `i`, or 0.
    @inline(__always)
    static func spaceLength(_ line: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let b = line[i]
        if b == 0x20 || b == 0x09 { return 1 }
        if b == 0xC2 && i + 1 < line.count && line[i + 1] == 0xA0 { return 2 }
        if b == 0xE2 && i + 2 < line.count && line[i + 1] == 0x80 && line[i + 2] == 0xAF { return 3 }
        return 0
    }

    /// Where the spaces (as ``spaceLength(_:at:)`` counts them) that end at `end` begin:
    /// `end` itself when none do.
    static func spacesStart(before end: Int, _ line: UnsafeBufferPointer<UInt8>) -> Int {
        var p = end
        while p > 0 {
            let b = line[p - 1]
            if b == 0x20 || b == 0x09 {
                p -= 1
            } else if b == 0xA0 && p >= 2 && line[p - 2] == 0xC2 {
                p -= 2
            } else if b == 0xAF && p >= 3 && line[p - 2] == 0x80 && line[p - 3] == 0xE2 {
                p -= 3
            } else {
                break
            }
        }
        return p
    }

    /// Whether bytes `from..<to` are one or more spaces and nothing else.
    static func joinedBySpaces(_ line: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        guard from < to else { return false }
        var i = from
        while i < to {
            let length = spaceLength(line, at: i)
            if length == 0 { return false }
            i += length
        }
        return true
    }

    /// Whether bytes `from..<to` are exactly one hyphen (U+002D, U+2010 or U+2011).
    static func joinedByHyphen(_ line: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        if to - from == 1 { return line[from] == 0x2D }
        return to - from == 3 && line[from] == 0xE2 && line[from + 1] == 0x80 && (line[from + 2] == 0x90 || line[from + 2] == 0x91)
    }

    /// A look at the bytes before `start`: spaces, then a word that may be capitalised
    /// (an ASCII word with a capital first letter, or one with other letters).
    static func mayBeNameWord(before start: Int, _ line: UnsafeBufferPointer<UInt8>) -> Bool {
        let p = spacesStart(before: start, line)
        guard p < start, p > 0 else { return false }
        var q = p
        while q > 0 && isASCIIAlnum(line[q - 1]) { q -= 1 }
        if q > 0 && line[q - 1] >= 0x80 { return true }
        return q < p && line[q] &- 0x41 < 26
    }

    /// A look at the bytes after `end`: spaces, then a capital ASCII letter or a
    /// non-ASCII character.
    static func mayBeNameWord(after end: Int, _ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var p = end
        while p < line.count {
            let length = spaceLength(line, at: p)
            if length == 0 { break }
            p += length
        }
        guard p > end, p < line.count else { return false }
        return line[p] &- 0x41 < 26 || line[p] >= 0x80
    }
}
