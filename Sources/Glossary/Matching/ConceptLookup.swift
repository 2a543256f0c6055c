/// Concept id → index in ``Matcher/concepts``, made on first use: the scan and the
/// renderer never ask, so a matcher loaded from a compiled file does not spend its
/// start-up on a dictionary of 100,000 ids that `normalize` would not read.
final class ConceptLookup: Sendable {
    private let concepts: [Matcher.Concept]
    private let index = Lock<[String: Int32]?>(nil)

    init(_ concepts: [Matcher.Concept]) {
        self.concepts = concepts  // the matcher's own array, not a copy
    }

    subscript(id: String) -> Int32? {
        index.withLock { index in
            if index == nil {
                var made: [String: Int32] = Dictionary(minimumCapacity: concepts.count)
                for (position, concept) in concepts.enumerated() where made[concept.id] == nil { made[concept.id] = Int32(position) }
                index = made
            }
            return index![id]
        }
    }
}
