/// One finding about a file, located by line and column, in the style of a compiler:
/// `Data/terms.tsv:17:3: error: unknown form "abr"`, followed by how to fix it.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How serious a finding is.
    public enum Severity: String, Sendable, Hashable {
        /// The file cannot be used.
        case error
        /// The file can be used, but something is probably wrong.
        case warning
        /// More about the finding before it.
        case note
    }

    /// Where the finding is.
    public var location: SourceLocation
    /// Error, warning or note.
    public var severity: Severity
    /// What is wrong.
    public var message: String
    /// What would fix it, when there is something to say.
    public var fix: String?

    /// Creates a finding.
    public init(at location: SourceLocation, severity: Severity = .error, message: String, fix: String? = nil) {
        self.location = location
        self.severity = severity
        self.message = message
        self.fix = fix
    }

    /// `FILE:LINE:COLUMN: severity: message`, and the fix on an indented second line.
    public var description: String {
        var text = "\(location): \(severity.rawValue): \(message)"
        if let fix { text += "\n    fix: \(fix)" }
        return text
    }
}
