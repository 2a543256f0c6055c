/// One spelling found in a corpus that is probably a variant of a known term.
public struct Suggestion: Sendable, Hashable {
    /// The spelling, as first seen (in NFC).
    public var surface: String
    /// The row it resembles most.
    public var term: TermRow
    /// How it resembles it, in words: "same match key", "edit distance 1", …
    public var reason: String
    /// From 0 to 1: 1 for the same key, less for each edit.
    public var closeness: Double
    /// How often the spelling occurs.
    public var count: Int
    /// Where it first occurs, and the text around it there.
    public var example: Example

    /// A place where a spelling occurs.
    public struct Example: Sendable, Hashable {
        /// The input, the line, and the column where the spelling starts.
        public var location: SourceLocation
        /// Up to 60 characters of the line on each side of the spelling, on one line.
        public var context: String
    }

    /// `count × closeness`: the order in which suggestions are listed.
    public var score: Double { Double(count) * closeness }
}
