/// What `glossary lookup` tells about a spelling: how each word becomes its match key,
/// which concepts the spelling meets and through which row, and every term of those
/// concepts; or, when it meets none, the terms whose keys are nearest.
public struct Lookup: Sendable, Hashable {
    /// One step of a word's key: the step's name and the text after it.
    public struct Step: Sendable, Hashable {
        /// What the step does, such as `NFKC` or `ICU Russian-Latin/BGN`.
        public var name: String
        /// The word after the step.
        public var text: String
    }

    /// A variant rule that changes the word's case-folded key on its own.
    public struct RuleChange: Sendable, Hashable {
        /// The rule's line in the rule file.
        public var line: Int
        /// The rule as written.
        public var rule: String
        /// The key before the rule.
        public var before: String
        /// The key after the rule.
        public var after: String
    }

    /// One word of the spelling.
    public struct Word: Sendable, Hashable {
        /// The word as written.
        public var surface: String
        /// The steps that changed it, in order (NFKC, transliteration, …, variant rules).
        public var steps: [Step]
        /// The variant rules that change it.
        public var rules: [RuleChange]
        /// The folded key.
        public var key: String
    }

    /// A concept the spelling meets, with all its rows.
    public struct Concept: Sendable, Hashable {
        /// The concept's id.
        public var id: String
        /// Its rows, in table order.
        public var rows: [TermRow]
    }

    /// A term near a spelling that meets no concept.
    public struct Near: Sendable, Hashable {
        /// The term's row.
        public var term: TermRow
        /// The edit distance between the two match keys.
        public var distance: Int
    }

    /// The spelling looked up.
    public var text: String
    /// Its match key (the words' keys back to back).
    public var key: String
    /// Its words.
    public var words: [Word]
    /// The mentions found when the spelling is read as a line of text (as though the
    /// concepts of its `+intro` rows were introduced: see ``TermRow/needsIntroduction``).
    public var mentions: [Mention]
    /// The concepts met, in order of their first mention.
    public var concepts: [Concept]
    /// The term rows whose match key is the spelling's key.
    public var sameKey: [TermRow]
    /// The titles and protected names whose match key is the spelling's key: it is
    /// recognised, but as no mention (rules 11 and 12).
    public var names: [TermRow]
    /// When nothing matched: the terms with the nearest keys, and their edit distance.
    public var nearest: [Near]
}
