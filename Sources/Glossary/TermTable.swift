import Glibc

/// A term's type, as in TBX: what kind of spelling of its concept it is.
public enum TermForm: String, Sendable, Hashable, CaseIterable {
    /// The full name: *Sergei Shoigu*, *Partai Komunis Tiongkok*.
    case full
    /// A short name: a bare surname (*Shoigu*), a short form of a name.
    case short
    /// An acronym or abbreviation (*PKT*, *SCO*, *RRT*). Matches only in its own case.
    case abbr
    /// Not a mention: a word that tells which concept an ambiguous mention means when
    /// it occurs in the same paragraph (*pupuk* for the fertilizer maker PKT).
    case context
}

/// A term's administrative status, as in TBX.
public enum TermStatus: String, Sendable, Hashable, CaseIterable {
    /// The preferred term of its concept, language and form (`pref`).
    case preferred = "pref"
    /// An admitted variant (`alt`).
    case admitted = "alt"
    /// Recognised but to be replaced (*Cina* in Indonesian).
    case deprecated
}

/// Whether a spelling deliberately names more than one concept.
public enum Sharing: String, Sendable, Hashable {
    /// The spelling names only this concept; another concept with the same key is an error.
    case none
    /// `+shared`: the spelling also names other concepts on purpose (*PKT*).
    case shared
    /// `+default`: shared, and this concept is meant when the context does not decide.
    case defaultSense = "default"
}

/// One row of a term table: one spelling of one concept.
public struct TermRow: Sendable, Hashable {
    /// The concept, a lowercase slug such as `sergei-shoigu`.
    public var conceptID: String
    /// A BCP 47 language tag, or `und`.
    public var language: String
    /// The spelling, in NFC.
    public var term: String
    /// Full name, short name, abbreviation, or context word.
    public var form: TermForm
    /// The status; `nil` exactly for `context` rows.
    public var status: TermStatus?
    /// Whether the spelling deliberately names other concepts too.
    public var sharing: Sharing
    /// Free text: why the row is as it is.
    public var note: String
    /// The 1-based line of the row in its file.
    public var line: Int

    /// Creates a row.
    public init(
        conceptID: String, language: String, term: String, form: TermForm, status: TermStatus?,
        sharing: Sharing = .none, note: String = "", line: Int = 0
    ) {
        self.conceptID = conceptID
        self.language = language
        self.term = term
        self.form = form
        self.status = status
        self.sharing = sharing
        self.note = note
        self.line = line
    }
}

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
            bytes = try readWholeFile(path)
        } catch {
            throw TableError([Diagnostic(file: path, line: 0, column: 0, message: "cannot read the table: \(error)")])
        }
        try self.init(utf8: bytes, source: path)
    }

    /// The table shipped with Glossary (`Data/terms.tsv`, built into the library).
    public static func shipped() throws(TableError) -> TermTable {
        try TermTable(utf8: EmbeddedData.terms, source: "Data/terms.tsv")
    }

    /// The concept ids, in order of first appearance.
    public var conceptIDs: [String] {
        var seen = Set<String>()
        return rows.compactMap { seen.insert($0.conceptID).inserted ? $0.conceptID : nil }
    }
}

/// The romanization variant rules: ICU transform rules applied to every word's
/// lower-case key (see `Data/variants.txt`).
public struct VariantRules: Sendable {
    /// The file the rules came from, for messages.
    public let source: String
    /// The rule text.
    public let text: String

    /// Rules held in a string.
    public init(parsing text: String, source: String = "<string>") {
        self.source = source
        self.text = text
    }

    /// Reads a rule file.
    public init(contentsOfFile path: String) throws(TableError) {
        do {
            let bytes = try readWholeFile(path)
            self.init(parsing: String(decoding: bytes, as: UTF8.self), source: path)
        } catch {
            throw TableError([Diagnostic(file: path, line: 0, column: 0, message: "cannot read the variant rules: \(error)")])
        }
    }

    /// The rules shipped with Glossary (`Data/variants.txt`, built into the library).
    public static var shipped: VariantRules {
        VariantRules(parsing: String(decoding: EmbeddedData.variants, as: UTF8.self), source: "Data/variants.txt")
    }
}

/// An error from the operating system, with its `strerror` text.
public struct SystemError: Error, Sendable, CustomStringConvertible {
    /// The `errno` value.
    public let code: Int32
    /// `strerror(code)`.
    public var description: String { String(cString: strerror(code)) }

    /// Wraps an `errno` value.
    public init(_ code: Int32) { self.code = code }
}

/// Reads a whole file with plain POSIX calls.
func readWholeFile(_ path: String) throws(SystemError) -> [UInt8] {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    if fd < 0 { throw SystemError(errno) }
    defer { close(fd) }
    var result: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if n < 0 {
            if errno == EINTR { continue }
            throw SystemError(errno)
        }
        if n == 0 { return result }
        result.append(contentsOf: chunk[0..<n])
    }
}

/// The strict line-by-line parser behind ``TermTable``. It works on the raw bytes
/// (a 100,000-row table parses in a fraction of a second) and makes Strings only for
/// the fields of valid rows.
struct TableParser {
    let source: String
    let bytes: [UInt8]
    var diagnostics: [Diagnostic] = []

    init(source: String, bytes: [UInt8]) {
        self.source = source
        self.bytes = bytes
    }

    mutating func error(_ line: Int, _ column: Int, _ message: String, fix: String? = nil) {
        if diagnostics.count < TableError.limit {
            diagnostics.append(Diagnostic(file: source, line: line, column: column, message: message, fix: fix))
        }
    }

    private struct TermKey: Hashable {
        var id: String, language: String, term: String
    }

    private struct PreferredKey: Hashable {
        var id: String, language: String, form: TermForm
    }

    mutating func parse() throws(TableError) -> [TermRow] {
        var rows: [TermRow] = []
        var sawHeader = false
        var lineNumber = 0
        let estimate = bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } + 1
        var firstRowOf: [TermKey: Int] = Dictionary(minimumCapacity: estimate)
        var preferredOf: [PreferredKey: Int] = Dictionary(minimumCapacity: estimate)
        rows.reserveCapacity(estimate)
        var conceptHasTerm: [String: Bool] = [:]
        var firstContextLine: [String: Int] = [:]
        var previousID = ""

        let all = bytes
        all.withUnsafeBufferPointer { buffer in
            var start = buffer.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0  // a byte-order mark is tolerated
            while start < buffer.count {
                lineNumber += 1
                var end = start
                while end < buffer.count && buffer[end] != 0x0A { end += 1 }
                let line = UnsafeBufferPointer(rebasing: buffer[start..<end])
                start = end + 1
                guard validate(line, lineNumber) else { continue }
                if line.isEmpty || line[0] == UInt8(ascii: "#") || line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                if !sawHeader {
                    sawHeader = true
                    if !line.elementsEqual(TermTable.header.utf8) {
                        error(lineNumber, 1, "the first line that is not a comment must be the header",
                              fix: "write the header `id<TAB>lang<TAB>term<TAB>form<TAB>status<TAB>note`")
                    }
                    continue
                }
                guard var row = parseRow(line, lineNumber) else { continue }
                // Rows of one concept are usually adjacent: share the id's storage.
                if row.conceptID == previousID { row.conceptID = previousID } else { previousID = row.conceptID }

                let termKey = TermKey(id: row.conceptID, language: row.language, term: row.term)
                if let first = firstRowOf[termKey] {
                    error(lineNumber, column(of: 2, in: line),
                          "the term “\(row.term)” is listed twice for \(row.conceptID) (\(row.language)); first at line \(first)",
                          fix: "delete one of the two rows")
                } else {
                    firstRowOf[termKey] = lineNumber
                }
                if row.status == .preferred {
                    let key = PreferredKey(id: row.conceptID, language: row.language, form: row.form)
                    if let first = preferredOf[key] {
                        error(lineNumber, column(of: 4, in: line),
                              "a second preferred \(row.form.rawValue) term for \(row.conceptID) in \(row.language); the first is at line \(first)",
                              fix: "make one of them `alt` (glossary set-pref chooses one for you)")
                    } else {
                        preferredOf[key] = lineNumber
                    }
                }
                if row.form == .context {
                    if firstContextLine[row.conceptID] == nil { firstContextLine[row.conceptID] = lineNumber }
                    if conceptHasTerm[row.conceptID] == nil { conceptHasTerm[row.conceptID] = false }
                } else {
                    conceptHasTerm[row.conceptID] = true
                }
                rows.append(row)
            }
        }
        if !sawHeader && diagnostics.isEmpty {
            error(max(lineNumber, 1), 1, "the table has no header and no rows",
                  fix: "start the file with the header `id<TAB>lang<TAB>term<TAB>form<TAB>status<TAB>note`")
        }
        for (concept, hasTerm) in conceptHasTerm where !hasTerm {
            error(firstContextLine[concept] ?? 1, 1, "\(concept) has context words but no terms",
                  fix: "add at least one term for \(concept), or use an id that has terms")
        }
        if !diagnostics.isEmpty {
            diagnostics.sort { ($0.line, $0.column) < ($1.line, $1.column) }
            throw TableError(diagnostics)
        }
        return rows
    }

    /// Whether the line is UTF-8 without a carriage return or another control character
    /// (but tab); records a diagnostic at the first offender.
    mutating func validate(_ line: UnsafeBufferPointer<UInt8>, _ lineNumber: Int) -> Bool {
        var i = 0
        while i < line.count {
            let byte = line[i]
            if byte >= 0x20 && byte < 0x7F || byte == 0x09 {
                i += 1
                continue
            }
            let columnHere = columnOf(byteOffset: i, in: line)
            guard let (scalar, length) = decodeScalar(line, at: i) else {
                error(lineNumber, columnHere, "this is not UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true)))",
                      fix: "save the file as UTF-8")
                return false
            }
            if scalar == "\r" {
                error(lineNumber, columnHere, "the line ends in CR LF", fix: "save the file with LF line ends")
                return false
            }
            if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) {
                error(lineNumber, columnHere, "a control character U+\(hex(scalar.value)) is not allowed", fix: "delete it")
                return false
            }
            i += length
        }
        return true
    }

    /// The 1-based column, in scalars, of a byte offset of the line.
    func columnOf(byteOffset: Int, in line: UnsafeBufferPointer<UInt8>) -> Int {
        var column = 1
        for i in 0..<byteOffset where line[i] & 0xC0 != 0x80 { column += 1 }
        return column
    }

    /// The 1-based column (in scalars) where field `index` (0-based) starts.
    func column(of index: Int, in line: UnsafeBufferPointer<UInt8>) -> Int {
        var field = 0
        for i in 0..<line.count {
            if field == index { return columnOf(byteOffset: i, in: line) }
            if line[i] == 0x09 { field += 1 }
        }
        return columnOf(byteOffset: line.count, in: line)
    }

    mutating func parseRow(_ line: UnsafeBufferPointer<UInt8>, _ lineNumber: Int) -> TermRow? {
        var fields: [Range<Int>] = []
        fields.reserveCapacity(6)
        var fieldStart = 0
        for i in 0..<line.count where line[i] == 0x09 {
            fields.append(fieldStart..<i)
            fieldStart = i + 1
        }
        fields.append(fieldStart..<line.count)
        guard fields.count == 6 || fields.count == 5 else {
            error(lineNumber, 1, "expected 6 tab-separated fields (id, lang, term, form, status, note), found \(fields.count)",
                  fix: fields.count > 6 ? "remove the extra tabs (a note may not contain a tab)" : "separate the fields with tabs")
            return nil
        }
        func text(_ index: Int) -> String { String(decoding: UnsafeBufferPointer(rebasing: line[fields[index]]), as: UTF8.self) }
        func bytes(_ index: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: line[fields[index]]) }
        var ok = true

        if !isSlug(bytes(0)) {
            error(lineNumber, 1, "“\(text(0))” is not a concept id", fix: "use lowercase ASCII letters and digits joined by single hyphens, such as sergei-shoigu")
            ok = false
        }
        if !isLanguageTag(bytes(1)) {
            error(lineNumber, column(of: 1, in: line), "“\(text(1))” is not a BCP 47 language tag",
                  fix: "use a tag such as id, en, ru, zh, zh-Hant, or und for a form of no language")
            ok = false
        }
        if bytes(2).allSatisfy({ $0 == 0x20 || $0 == 0x09 }) || text(2).unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
            error(lineNumber, column(of: 2, in: line), "the term is empty", fix: "write the spelling, or delete the row")
            ok = false
        }
        let formText = text(3), statusText = text(4)
        let form = TermForm(rawValue: formText)
        if form == nil {
            error(lineNumber, column(of: 3, in: line), "unknown form “\(formText)”", fix: "use full, short, abbr or context")
            ok = false
        }
        var status: TermStatus?
        var sharing = Sharing.none
        if form == .context {
            if !statusText.isEmpty {
                error(lineNumber, column(of: 4, in: line), "a context row has no status, found “\(statusText)”",
                      fix: "leave the status empty on context rows")
                ok = false
            }
        } else {
            let parts = statusText.split(separator: "+", maxSplits: 1, omittingEmptySubsequences: false)
            status = TermStatus(rawValue: parts.count == 1 ? statusText : String(parts[0]))
            if status == nil {
                error(lineNumber, column(of: 4, in: line), "unknown status “\(statusText)”",
                      fix: "use pref, alt or deprecated, optionally followed by +shared or +default")
                ok = false
            }
            if parts.count == 2 {
                switch parts[1] {
                case "shared": sharing = .shared
                case "default": sharing = .defaultSense
                default:
                    error(lineNumber, column(of: 4, in: line), "unknown status suffix “+\(parts[1])”",
                          fix: "use +shared (this spelling also names another concept) or +default (and this is the sense to use when the context does not decide)")
                    ok = false
                }
            }
        }
        guard ok, let form else { return nil }
        let term = bytes(2).allSatisfy({ $0 < 0x80 }) ? text(2) : nfc(text(2))
        return TermRow(conceptID: text(0), language: text(1), term: term, form: form, status: status, sharing: sharing,
                       note: fields.count == 6 ? text(5) : "", line: lineNumber)
    }
}

/// Lowercase ASCII letters and digits in groups joined by single hyphens.
func isSlug<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
    var previous: UInt8 = 0x2D  // a hyphen before the start: the id may not start with one
    for byte in bytes {
        if byte == 0x2D {
            if previous == 0x2D { return false }
        } else if !((byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)) {
            return false
        }
        previous = byte
    }
    return previous != 0x2D
}

func isSlug(_ text: String) -> Bool { isSlug(Array(text.utf8)) }

/// A BCP 47 tag in the forms a term table needs: a 2–3 letter language (or `und`),
/// then optionally a 4-letter script, a 2-letter or 3-digit region, and variants.
func isLanguageTag<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
    let parts = bytes.split(separator: 0x2D, omittingEmptySubsequences: false).map { Array($0) }
    guard let language = parts.first, (2...3).contains(language.count),
        language.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A })
    else { return false }
    var index = 1
    if index < parts.count, parts[index].count == 4, parts[index].allSatisfy(isASCIILetter) { index += 1 }
    if index < parts.count,
        (parts[index].count == 2 && parts[index].allSatisfy(isASCIILetter))
            || (parts[index].count == 3 && parts[index].allSatisfy { $0 >= 0x30 && $0 <= 0x39 })
    {
        index += 1
    }
    while index < parts.count {
        let part = parts[index]
        guard (4...8).contains(part.count), part.allSatisfy(isASCIIAlnum) else { return false }
        index += 1
    }
    return true
}

/// The text in NFC (unchanged when ICU cannot normalize it).
func nfc(_ text: String) -> String {
    var text = text
    return text.withUTF8 { buffer in
        guard let result = try? Normalization.normalize(buffer, to: .nfc) else { return String(decoding: buffer, as: UTF8.self) }
        return String(decoding: result, as: UTF8.self)
    }
}

func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}
