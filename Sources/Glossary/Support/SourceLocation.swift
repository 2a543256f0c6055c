/// A place in a file, for every diagnostic Glossary reports: table findings, errors in
/// JSON lines, XML and TBX files, and tag markup. Printed `FILE:LINE:COLUMN`, as
/// compilers do, so that editors can jump to it.
public struct SourceLocation: Comparable, Hashable, Sendable, CustomStringConvertible {
    /// The file, as the user named it (`-` for standard input).
    public var file: String
    /// 1-based line; 0 when the finding is about the whole file.
    public var line: Int
    /// 1-based column, counted in Unicode scalars; 0 when unknown.
    public var column: Int

    /// A place in `file`; without a line, the file as a whole.
    public init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `FILE:LINE:COLUMN`, or just `FILE` for the file as a whole.
    public var description: String {
        line > 0 ? "\(file):\(line):\(column)" : file
    }

    /// By file, then line, then column.
    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}
