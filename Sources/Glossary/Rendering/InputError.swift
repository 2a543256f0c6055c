/// Why a line of input is not in the format it was given as: a JSON line that is not
/// JSON (or has no string at the field, ``JSONFieldNormalizer``), or tagged text whose
/// markup is malformed (``Untagger``). It says where, and what is wrong.
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The input's name, the line, and the column (in scalars) of the problem.
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
