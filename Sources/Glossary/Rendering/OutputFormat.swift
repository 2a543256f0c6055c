/// What `normalize` writes.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// The text with each mention replaced by its concept's preferred term.
    case text
    /// The text unchanged, each mention marked `⟦id|surface⟧` (see ``Tagging``).
    case tag
    /// One JSON object per mention.
    case jsonl
}
