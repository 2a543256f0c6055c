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

    /// A file that cannot be read: one diagnostic that names it and says why.
    static func unreadable(_ path: String, _ what: String, _ error: SystemError) -> TableError {
        TableError([Diagnostic(at: SourceLocation(file: path), message: "cannot read \(what): \(error)")])
    }

    /// One line per finding (two with its fix).
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
