import Glibc

/// Safe edits of a term table file.
///
/// ``edit(_:)`` takes an exclusive lock on the table's folder, reads the file afresh,
/// applies the change to it as a ``TableDocument``, checks the result by loading and
/// compiling it exactly as `glossary normalize` would, and only then replaces the file:
/// a temporary file in the same folder is written, flushed to disk and renamed over the
/// table, and the folder is flushed. So:
///
/// - a change that would make the table invalid is refused and the file is untouched;
/// - a crash or kill at any moment leaves the old table or the new one, never a mix;
/// - two edits at the same time run one after the other, and both land.
///
/// A key cache and a compiled form beside the table (``TableFile/keyCachePath(forTable:)``,
/// ``CompiledTable/path(forTable:)``), when there are, are rewritten after the table
/// under the same lock, so they stay in step.
public struct TableFile: Sendable {
    /// The table's path.
    public let path: String
    /// The variant rules the table is checked with.
    public let variants: VariantRules
    /// The layers below the file, bottom first (``TermTable/init(layers:)``): every edit
    /// is checked on the merge of these and the edited file.
    public let below: [TableLayer]

    /// The table at `path`, to be checked with `variants` on every edit, as the top layer
    /// over `below`.
    public init(path: String, variants: VariantRules = .shipped, below: [TableLayer] = []) {
        self.path = path
        self.variants = variants
        self.below = below
    }

    /// The merge of the layers below the file; nil when there are none.
    public func belowTable() throws(EditError) -> TermTable? {
        guard !below.isEmpty else { return nil }
        do {
            return try TermTable(layers: below)
        } catch {
            throw EditError("the layers below \(path) do not load:", diagnostics: error.diagnostics)
        }
    }

    /// Where the key cache of a table lives: `terms.tsv` → `terms.keys` (so the shipped
    /// `Data/terms.tsv` has `Data/terms.keys`); a name without `.tsv` gets `.keys` added.
    public static func keyCachePath(forTable path: String) -> String {
        path.hasSuffix(".tsv") ? String(path.dropLast(4)) + ".keys" : path + ".keys"
    }

    /// What an edit did.
    public struct Outcome: Sendable {
        /// The document as written (or as it was, when nothing changed).
        public var document: TableDocument
        /// The compiled table, checked.
        public var matcher: Matcher
        /// False when the edit left the text as it was, and nothing was written.
        public var changed: Bool
    }

    /// Applies `change` to the table under the lock and writes the result if it is
    /// valid. Throws ``EditError`` (and changes nothing) when the file cannot be read or
    /// locked, when `change` throws, or when the result does not load.
    public func edit(_ change: (inout TableDocument) throws(EditError) -> Void) throws(EditError) -> Outcome {
        let lock = try FolderLock(folderOf: path)
        defer { lock.release() }
        removeStaleTemporaries()

        var old: [UInt8] = []
        do {
            old = try FileIO.read(path)
        } catch where error == .noSuchFile {
            // A new table: the edit starts from the header alone.
        } catch {
            throw EditError("cannot read \(path): \(error)")
        }
        var document = TableDocument(parsing: old.isEmpty ? TermTable.header + "\n" : String(decoding: old, as: UTF8.self))
        try change(&document)
        let new = Array(document.text.utf8)

        let matcher: Matcher
        let layers = below + [TableLayer(utf8: new, source: path)]
        do {
            let table = try TermTable(layers: layers)
            let cache = try? KeyCache(contentsOfFile: Self.keyCachePath(forTable: path))
            matcher = try Matcher(table: table, variants: variants, keyCache: cache, kinds: Set(ConceptKind.allCases))
        } catch {
            throw EditError("the change would leave \(path) invalid, so it was not made (line numbers as the file would have been):",
                            diagnostics: error.diagnostics)
        }
        guard new != old else { return Outcome(document: document, matcher: matcher, changed: false) }
        do {
            try FileIO.writeAtomically(new, to: path)
            let keys = Self.keyCachePath(forTable: path)
            if access(keys, F_OK) == 0 { try FileIO.writeAtomically(matcher.keyCache().bytes, to: keys) }
            let compiled = CompiledTable.path(forTable: path)
            if access(compiled, F_OK) == 0 {
                try FileIO.writeAtomically(CompiledTable.encode(matcher, layers: layers, variants: variants), to: compiled)
            }
        } catch {
            throw EditError("cannot write \(path): \(error)")
        }
        return Outcome(document: document, matcher: matcher, changed: true)
    }

    /// Temporary files of an edit that was killed before its rename: under the lock no
    /// other edit is running, so any such file is stale.
    private func removeStaleTemporaries() {
        let (folder, name) = FileIO.splitPath(path)
        guard let dir = opendir(folder) else { return }
        defer { closedir(dir) }
        let prefix = ".\(name).tmp-"
        while let entry = readdir(dir) {
            let entryName = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if entryName.hasPrefix(prefix) { unlink(folder + "/" + entryName) }
        }
    }
}
