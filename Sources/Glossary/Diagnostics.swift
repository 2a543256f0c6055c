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

    /// The file, as the user named it.
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column, counted in Unicode scalars.
    public var column: Int
    /// Error, warning or note.
    public var severity: Severity
    /// What is wrong.
    public var message: String
    /// What would fix it, when there is something to say.
    public var fix: String?

    /// Creates a finding.
    public init(file: String, line: Int, column: Int, severity: Severity = .error, message: String, fix: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
        self.fix = fix
    }

    /// `file:line:column: severity: message`, and the fix on an indented second line.
    public var description: String {
        let place = line > 0 ? "\(file):\(line):\(column)" : file
        var text = "\(place): \(severity.rawValue): \(message)"
        if let fix { text += "\n    fix: \(fix)" }
        return text
    }
}

/// A term table or rule file that cannot be used. Nothing of it was loaded.
public struct TableError: Error, Sendable, CustomStringConvertible {
    /// Every problem found, in file order (at most `TableError.limit`).
    public var diagnostics: [Diagnostic]

    /// The most diagnostics one error carries; a file with more is hopeless anyway.
    public static let limit = 50

    /// Wraps the findings of a failed load.
    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// One line per finding (two with its fix).
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
