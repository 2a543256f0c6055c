/// One concept that a mention may name, with the row whose spelling matched.
public struct Sense: Sendable, Hashable {
    /// The concept's id.
    public var conceptID: String
    /// The row of the table whose key the mention met.
    public var term: TermRow
    /// The concept's kind, if the table says.
    public var kind: ConceptKind? = nil
}

/// How a mention's concept was decided.
public enum Resolution: String, Sendable, Hashable {
    /// Only one concept has this spelling.
    case unique
    /// Several concepts share the spelling; the paragraph's context words or other
    /// mentions chose one.
    case context
    /// Several concepts share the spelling, nothing in the paragraph chose, and one of
    /// them was introduced earlier in the document (a mention of it that was not
    /// ambiguous).
    case document
    /// Several concepts share the spelling, nothing in the paragraph chose, and the
    /// table declares a default sense.
    case defaultSense = "default"
    /// Several concepts share the spelling and nothing decided: `senses` lists them all.
    case ambiguous
}

/// A mention of a concept in text.
public struct Mention: Sendable, Hashable {
    /// The mention's UTF-8 byte offsets in the text that was searched. A clitic after
    /// the name (*Rusia*-nya) is not part of it.
    public var range: Range<Int>
    /// The mention as written.
    public var surface: String
    /// The concept (one sense), or the candidates of an ambiguous mention.
    public var senses: [Sense]
    /// How the concept was decided.
    public var resolution: Resolution
    /// The mention mixes Latin with Cyrillic or Greek letters (*Shоigu* with a
    /// Cyrillic *о*): a look-alike spelling worth a second look.
    public var isMixedScript: Bool

    /// The concept the mention names, or nil when it is ambiguous.
    public var sense: Sense? { resolution == .ambiguous ? nil : senses.first }
}
