/// What a document has established so far, two facts per concept: whether its earlier
/// paragraphs introduced the concept, through mentions that were not ambiguous (a shared
/// spelling that its own paragraph leaves undecided goes to the one candidate the
/// document introduced, rule 9; a `+intro` short form counts, rule 10), and whether
/// they met a namesake of it, a short form of it joined to another name (*Daniil
/// Medvedev*: then a bare short form counts only where the concept was introduced,
/// rule 11).
///
/// It holds a set of facts, never text, so its memory is bounded by the table, however
/// long the document. One value serves one document at a time: ``reset()`` it where a
/// document ends.
public struct DocumentContext: Sendable {
    /// A fact about a concept, as a bit number: `2 × concept` for "introduced",
    /// `2 × concept + 1` for "met a namesake".
    struct Fact {
        @inline(__always) static func introduced(_ concept: Int32) -> Int32 { concept << 1 }
        @inline(__always) static func namesake(_ concept: Int32) -> Int32 { concept << 1 | 1 }
    }

    /// One bit per fact, grown on demand.
    private var bits: [UInt64] = []
    /// The words of `bits` that are not zero, so that a reset touches only them.
    private var used: [Int32] = []
    /// Whether the document met a namesake of any concept (a fact that rule 11 asks about).
    private(set) var hasNamesakes = false
    /// The function words of each language that the document's paragraphs held (for
    /// `--to auto`).
    var languageCount = LanguageCount()

    /// An empty document.
    public init() {}

    /// Whether nothing has been established yet.
    public var isEmpty: Bool { used.isEmpty }

    /// Forgets everything: the next paragraph starts a new document.
    public mutating func reset() {
        for word in used { bits[Int(word)] = 0 }
        used.removeAll(keepingCapacity: true)
        hasNamesakes = false
        languageCount = LanguageCount()
    }

    /// Whether the document introduced the concept.
    @inline(__always)
    func contains(_ concept: Int32) -> Bool { holds(Fact.introduced(concept)) }

    /// Whether the document met a namesake of the concept (rule 11).
    @inline(__always)
    func metNamesake(of concept: Int32) -> Bool { holds(Fact.namesake(concept)) }

    /// Records that the document introduced the concept.
    @inline(__always)
    mutating func insert(_ concept: Int32) { insert(fact: Fact.introduced(concept)) }

    @inline(__always)
    func holds(_ fact: Int32) -> Bool {
        let word = Int(fact >> 6)
        return word < bits.count && bits[word] & (1 << UInt64(fact & 63)) != 0
    }

    @inline(__always)
    mutating func insert(fact: Int32) {
        let word = Int(fact >> 6)
        if word >= bits.count { bits += [UInt64](repeating: 0, count: word + 1 - bits.count) }
        if bits[word] == 0 { used.append(Int32(word)) }
        bits[word] |= 1 << UInt64(fact & 63)
        if fact & 1 == 1 { hasNamesakes = true }
    }

    /// Adds facts that a paragraph established (``Fact``).
    mutating func insert(facts: [Int32]) {
        for fact in facts { insert(fact: fact) }
    }

    /// Adds everything another part of the same document introduced.
    mutating func formUnion(_ other: DocumentContext) {
        languageCount.add(other.languageCount)
        hasNamesakes = hasNamesakes || other.hasNamesakes
        if other.bits.count > bits.count { bits += [UInt64](repeating: 0, count: other.bits.count - bits.count) }
        for word in other.used {
            let index = Int(word)
            if bits[index] == 0 { used.append(word) }
            bits[index] |= other.bits[index]
        }
    }
}
