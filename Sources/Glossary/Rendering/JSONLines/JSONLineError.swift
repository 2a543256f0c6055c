/// Why a JSON line cannot be processed: where (the input, its line, and the column in
/// scalars) and the reason.
public struct JSONLineError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The input's name, the line, and the column where the problem is.
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
