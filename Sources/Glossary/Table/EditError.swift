/// Why an edit cannot be made.
public struct EditError: Error, Sendable, CustomStringConvertible {
    /// What is wrong, in one sentence.
    public var message: String
    /// The problems the edit would have caused in the table, if that is why.
    public var diagnostics: [Diagnostic]

    /// A refusal, with the problems it would have caused.
    public init(_ message: String, diagnostics: [Diagnostic] = []) {
        self.message = message
        self.diagnostics = diagnostics
    }

    /// The message, then each diagnostic on its own line.
    public var description: String {
        ([message] + diagnostics.map(\.description)).joined(separator: "\n")
    }
}
