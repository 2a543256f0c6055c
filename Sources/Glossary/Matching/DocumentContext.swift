/// What a document has established so far: the concepts that its earlier paragraphs
/// introduced, through mentions that were not ambiguous. A shared spelling that its own
/// paragraph leaves undecided goes to the one candidate the document introduced (rule 9).
///
/// It holds a set of concepts, never text, so its memory is bounded by the table,
/// however long the document. One value serves one document at a time: ``reset()`` it
/// where a document ends.
public struct DocumentContext: Sendable {
    /// One bit per concept of the matcher, grown on demand.
    private var bits: [UInt64] = []
    /// The words of `bits` that are not zero, so that a reset touches only them.
    private var used: [Int32] = []
    /// The function words of each language that the document's paragraphs held (for
    /// `--to auto`).
    var languageCount = LanguageCount()

    /// An empty document.
    public init() {}

    /// Whether no concept has been introduced yet.
    public var isEmpty: Bool { used.isEmpty }

    /// Forgets everything: the next paragraph starts a new document.
    public mutating func reset() {
        for word in used { bits[Int(word)] = 0 }
        used.removeAll(keepingCapacity: true)
        languageCount = LanguageCount()
    }

    @inline(__always)
    func contains(_ concept: Int32) -> Bool {
        let word = Int(concept >> 6)
        return word < bits.count && bits[word] & (1 << UInt64(concept & 63)) != 0
    }

    @inline(__always)
    mutating func insert(_ concept: Int32) {
        let word = Int(concept >> 6)
        if word >= bits.count { bits += [UInt64](repeating: 0, count: word + 1 - bits.count) }
        if bits[word] == 0 { used.append(Int32(word)) }
        bits[word] |= 1 << UInt64(concept & 63)
    }

    /// Adds the concepts another part of the same document introduced.
    mutating func insert(contentsOf concepts: [Int32]) {
        for concept in concepts { insert(concept) }
    }

    /// Adds everything another part of the same document introduced.
    mutating func formUnion(_ other: DocumentContext) {
        languageCount.add(other.languageCount)
        if other.bits.count > bits.count { bits += [UInt64](repeating: 0, count: other.bits.count - bits.count) }
        for word in other.used {
            let index = Int(word)
            if bits[index] == 0 { used.append(word) }
            bits[index] |= other.bits[index]
        }
    }
}
