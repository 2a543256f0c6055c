import Glossary
import Testing

/// `(surface, concept id)` of each mention; an ambiguous mention lists its candidates
/// joined by commas.
func found(_ text: String, in matcher: Matcher = fixture) -> [Pair] {
    matcher.mentions(in: text).map { mention in
        Pair(mention.surface, mention.senses.map(\.conceptID).joined(separator: ","))
    }
}

/// A mention's surface and concept, comparable and readable in failure messages.
struct Pair: Equatable, CustomStringConvertible {
    var surface: String
    var id: String
    init(_ surface: String, _ id: String) {
        self.surface = surface
        self.id = id
    }
    var description: String { "\(surface)→\(id)" }
}

/// One row of a rule table: a sentence and the mentions it holds.
struct Case: CustomTestStringConvertible, Sendable {
    var text: String
    var expected: [(String, String)]
    init(_ text: String, _ expected: [(String, String)]) {
        self.text = text
        self.expected = expected
    }
    var testDescription: String { text }
    var pairs: [Pair] { expected.map { Pair($0.0, $0.1) } }
}
