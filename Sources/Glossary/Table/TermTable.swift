/// A term table: the rows of a `terms.tsv` file, checked for form and consistency.
///
/// The format (see `Data/README.md`): UTF-8, LF line ends, tab-separated; `#` starts a
/// comment line; blank lines are ignored; the first other line is the header
/// `id	lang	term	form	status	note`; then one row per spelling. Loading is all or
/// nothing: any problem throws a ``TableError`` that lists every problem found with its
/// file, line and column, and no table is made.
public struct TermTable: Sendable {
    /// The file the table came from, as named to the loader, for messages.
    public let source: String
    /// The rows, in file order.
    public let rows: [TermRow]

    /// The header line, exactly.
    public static let header = "id\tlang\tterm\tform\tstatus\tnote"

    /// Parses a table held in a string.
    public init(parsing text: String, source: String = "<string>") throws(TableError) {
        try self.init(utf8: Array(text.utf8), source: source)
    }

    /// Parses a table from UTF-8 bytes.
    public init(utf8 bytes: [UInt8], source: String) throws(TableError) {
        self.source = source
        var parser = TableParser(source: source, bytes: bytes)
        self.rows = try parser.parse()
    }

    /// Reads and parses a table file.
    public init(contentsOfFile path: String) throws(TableError) {
        let bytes: [UInt8]
        do {
            bytes = try FileIO.read(path)
        } catch {
            throw TableError.unreadable(path, "the table", error)
        }
        try self.init(utf8: bytes, source: path)
    }

    /// The table shipped with Glossary (`Data/terms.tsv`, built into the library).
    public static func shipped() throws(TableError) -> TermTable {
        try TermTable(utf8: EmbeddedData.terms, source: "Data/terms.tsv")
    }

    /// The kind of each concept that has a `kind` row.
    public var kinds: [String: ConceptKind] {
        var kinds: [String: ConceptKind] = [:]
        for row in rows where row.form == .kind { kinds[row.conceptID] = ConceptKind(rawValue: row.term) }
        return kinds
    }

    /// The concept ids, in order of first appearance.
    public var conceptIDs: [String] {
        var seen = Set<String>()
        return rows.compactMap { seen.insert($0.conceptID).inserted ? $0.conceptID : nil }
    }
}
