/// A term table: the rows of one `terms.tsv` file, or of several layered ones, checked
/// for form and consistency.
///
/// The format (see `Data/README.md`): UTF-8, LF line ends, tab-separated; `#` starts a
/// comment line; blank lines are ignored; the first other line is the header
/// `id	lang	term	form	status	note`; then one row per spelling. Loading is all or
/// nothing: any problem throws a ``TableError`` that lists every problem found with its
/// file, line and column, and no table is made.
///
/// Several files can be read as **layers** (``init(layers:)``): the shipped data at the
/// bottom, a newsroom's own spellings on top. The merge rules are in `Data/README.md`,
/// "Layers".
public struct TermTable: Sendable {
    /// The file the table came from, as named to the loader, for messages; the files of a
    /// layered table joined by ` + `.
    public let source: String
    /// The files of the layers, bottom first (one for a table of one file). A row's
    /// ``TermRow/layer`` is an index into it.
    public let sources: [String]
    /// The rows, in file order: the bottom layer's first, a row that a later layer
    /// refines in the place of the row it refines, a later layer's new rows after them.
    public var rows: [TermRow] { contents.rows }
    /// What the later layers changed in the earlier ones, as notes at the later row
    /// (`glossary check --refinements` prints them), and the redundant rows of a later
    /// layer as warnings.
    public var layerFindings: [Diagnostic] { contents.findings }
    private let contents: Contents

    /// The rows and findings: parsed, or made on first use from a compiled table (a
    /// matcher loaded from ``CompiledTable`` scans and renders text without them).
    private enum Contents: Sendable {
        case parsed(rows: [TermRow], findings: [Diagnostic])
        case deferred(Deferred)

        var rows: [TermRow] {
            switch self {
            case .parsed(let rows, _): rows
            case .deferred(let deferred): deferred.value.rows
            }
        }

        var findings: [Diagnostic] {
            switch self {
            case .parsed(_, let findings): findings
            case .deferred(let deferred): deferred.value.findings
            }
        }
    }

    /// Rows and findings made once, by the first reader.
    final class Deferred: Sendable {
        private let make: @Sendable () -> (rows: [TermRow], findings: [Diagnostic])
        private let made = Lock<(rows: [TermRow], findings: [Diagnostic])?>(nil)

        init(_ make: @escaping @Sendable () -> (rows: [TermRow], findings: [Diagnostic])) {
            self.make = make
        }

        var value: (rows: [TermRow], findings: [Diagnostic]) {
            made.withLock { made in
                if let made { return made }
                let value = make()
                made = value
                return value
            }
        }
    }

    /// A table whose rows and findings `make` gives on first use.
    init(sources: [String], deferred make: @escaping @Sendable () -> (rows: [TermRow], findings: [Diagnostic])) {
        self.sources = sources
        self.source = sources.joined(separator: " + ")
        self.contents = .deferred(Deferred(make))
    }

    /// The header line, exactly.
    public static let header = "id\tlang\tterm\tform\tstatus\tnote"

    /// Parses a table held in a string.
    public init(parsing text: String, source: String = "<string>") throws(TableError) {
        try self.init(utf8: Array(text.utf8), source: source)
    }

    /// Parses a table from UTF-8 bytes.
    public init(utf8 bytes: [UInt8], source: String) throws(TableError) {
        try self.init(layers: [TableLayer(utf8: bytes, source: source)])
    }

    /// Reads and parses a table file.
    public init(contentsOfFile path: String) throws(TableError) {
        try self.init(layers: [TableLayer(contentsOfFile: path)])
    }

    /// Parses and merges layers, bottom first (see `Data/README.md`, "Layers"). Every
    /// layer is checked on its own as a table of one file is, then the merge is
    /// checked: a problem anywhere throws, and no table is made.
    public init(layers: [TableLayer]) throws(TableError) {
        guard !layers.isEmpty else {
            throw TableError([Diagnostic(at: SourceLocation(file: "<layers>"), message: "no table was given: a table has at least one layer")])
        }
        var parsed: [(rows: [TermRow], removals: [TermRow])] = []
        var diagnostics: [Diagnostic] = []
        for (index, layer) in layers.enumerated() {
            var parser = TableParser(source: layer.source, bytes: layer.bytes, layer: index)
            do {
                parsed.append((try parser.parse(), parser.removals))
            } catch {
                diagnostics += error.diagnostics
            }
        }
        if !diagnostics.isEmpty { throw TableError(Array(diagnostics.prefix(TableError.limit))) }
        self.sources = layers.map(\.source)
        self.source = sources.joined(separator: " + ")
        if parsed.count == 1 && parsed[0].removals.isEmpty {
            // One file: nothing to merge.
            self.contents = .parsed(rows: parsed[0].rows, findings: [])
            return
        }
        var merge = LayerMerge(capacity: parsed.reduce(0) { $0 + $1.rows.count }, sources: sources)
        for (index, layer) in parsed.enumerated() { merge.add(rows: layer.rows, removals: layer.removals, layer: index) }
        if !merge.errors.isEmpty { throw TableError(Array(merge.errors.prefix(TableError.limit))) }
        self.contents = .parsed(rows: merge.result(), findings: merge.findings)
    }

    /// The data shipped with Glossary: the layers `Data/world.tsv` (generated from CLDR
    /// and ISO 3166) and `Data/terms.tsv` (curated), built into the library.
    public static func shipped() throws(TableError) -> TermTable {
        try TermTable(layers: TableLayer.shipped)
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

    /// How a message about `row` names where `other` is: `line 12` in the same file,
    /// `Data/world.tsv:12` in another layer.
    public func place(of other: TermRow, seenFrom row: TermRow) -> String {
        other.layer == row.layer ? "line \(other.line)" : "\(sources[other.layer]):\(other.line)"
    }

    /// Where a row is: its layer's file, its line, and the given column.
    public func location(of row: TermRow, column: Int = 1) -> SourceLocation {
        SourceLocation(file: sources[row.layer], line: row.line, column: column)
    }
}
