/// Why tagged text cannot be untagged: where the markup is malformed, and how.
public struct TagMarkupError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The input, line and column (in scalars) of the offending character.
    public var location: SourceLocation
    /// What is wrong.
    public var message: String

    /// An error at a place.
    public init(at location: SourceLocation, message: String) {
        self.location = location
        self.message = message
    }

    /// `FILE:LINE:COLUMN: message`.
    public var description: String { "\(location): \(message)" }
}
