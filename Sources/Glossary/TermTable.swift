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
public func readWholeFile(_ path: String) throws(SystemError) -> [UInt8] {
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

    /// A 64-bit hash of some fields of a row, for the duplicate checks. A hit is
    /// confirmed by comparing the rows themselves, so a collision never reports a false
    /// duplicate.
    private static func identity(_ parts: String...) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a
        for part in parts {
            var part = part
            part.withUTF8 { for byte in $0 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 } }
            hash = (hash ^ 0x09) &* 0x100_0000_01B3
        }
        return hash
    }

    mutating func parse() throws(TableError) -> [TermRow] {
        var rows: [TermRow] = []
        var sawHeader = false
        var lineNumber = 0
        let estimate = bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } + 1
        var firstRowOf = RowsByHash(capacity: estimate)  // by id, language and term
        var preferredOf = RowsByHash(capacity: estimate)  // preferred rows by id, language and form
        rows.reserveCapacity(estimate)
        // Runs of adjacent rows of one concept that hold only context words, by concept and
        // first context line. Rare, so the common case costs no lookup; whether such a
        // concept has terms in another run is settled after the last row.
        var run = (id: "", hasTerm: true, firstContextLine: 0)
        var contextOnly: [String: Int] = [:]

        func closeRun() {
            if !run.hasTerm && contextOnly[run.id] == nil { contextOnly[run.id] = run.firstContextLine }
        }

        let all = bytes
        all.withUnsafeBufferPointer { buffer in
            var start = buffer.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0  // a byte-order mark is tolerated
            while start < buffer.count {
                lineNumber += 1
                let end = buffer.baseAddress.map { base in
                    memchr(base + start, 0x0A, buffer.count - start).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? buffer.count
                } ?? buffer.count
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
                if row.conceptID == run.id {
                    row.conceptID = run.id
                } else {
                    closeRun()
                    run = (row.conceptID, false, 0)
                }

                let termIdentity = Self.identity(row.conceptID, row.language, row.term)
                if let first = firstRowOf.first(hash: termIdentity, where: {
                    rows[$0].conceptID == row.conceptID && rows[$0].language == row.language && rows[$0].term == row.term
                }) {
                    error(lineNumber, column(of: 2, in: line),
                          "the term “\(row.term)” is listed twice for \(row.conceptID) (\(row.language)); first at line \(rows[first].line)",
                          fix: "delete one of the two rows")
                } else {
                    firstRowOf.insert(hash: termIdentity, row: rows.count)
                }
                if row.status == .preferred {
                    let key = Self.identity(row.conceptID, row.language, row.form.rawValue)
                    if let first = preferredOf.first(hash: key, where: {
                        rows[$0].conceptID == row.conceptID && rows[$0].language == row.language && rows[$0].form == row.form
                    }) {
                        error(lineNumber, column(of: 4, in: line),
                              "a second preferred \(row.form.rawValue) term for \(row.conceptID) in \(row.language); the first is at line \(rows[first].line)",
                              fix: "make one of them `alt` (glossary set-pref chooses one for you)")
                    } else {
                        preferredOf.insert(hash: key, row: rows.count)
                    }
                }
                if row.form == .context {
                    if run.firstContextLine == 0 { run.firstContextLine = lineNumber }
                } else {
                    run.hasTerm = true
                }
                rows.append(row)
            }
        }
        closeRun()
        if !contextOnly.isEmpty {
            for row in rows where row.form != .context { contextOnly[row.conceptID] = nil }
        }
        if !sawHeader && diagnostics.isEmpty {
            error(max(lineNumber, 1), 1, "the table has no header and no rows",
                  fix: "start the file with the header `id<TAB>lang<TAB>term<TAB>form<TAB>status<TAB>note`")
        }
        for (concept, line) in contextOnly.sorted(by: { $0.value < $1.value }) {
            error(line, 1, "\(concept) has context words but no terms",
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

    /// Field ranges of the current line, kept between rows to spare an allocation a row.
    private var fields: [Range<Int>] = []

    mutating func parseRow(_ line: UnsafeBufferPointer<UInt8>, _ lineNumber: Int) -> TermRow? {
        fields.removeAll(keepingCapacity: true)
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
        let fields = self.fields
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
        let termIsASCII = bytes(2).allSatisfy { $0 < 0x80 }
        if termIsASCII ? bytes(2).allSatisfy({ $0 == 0x20 }) : text(2).unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
            error(lineNumber, column(of: 2, in: line), "the term is empty", fix: "write the spelling, or delete the row")
            ok = false
        }
        let form = TermForm(bytes(3))
        if form == nil {
            error(lineNumber, column(of: 3, in: line), "unknown form “\(text(3))”", fix: "use full, short, abbr or context")
            ok = false
        }
        var status: TermStatus?
        var sharing = Sharing.none
        let statusBytes = bytes(4)
        if form == .context {
            if !statusBytes.isEmpty {
                error(lineNumber, column(of: 4, in: line), "a context row has no status, found “\(text(4))”",
                      fix: "leave the status empty on context rows")
                ok = false
            }
        } else {
            let plus = statusBytes.firstIndex(of: UInt8(ascii: "+")) ?? statusBytes.endIndex
            status = TermStatus(UnsafeBufferPointer(rebasing: statusBytes[..<plus]))
            if status == nil {
                error(lineNumber, column(of: 4, in: line), "unknown status “\(text(4))”",
                      fix: "use pref, alt or deprecated, optionally followed by +shared or +default")
                ok = false
            }
            if plus < statusBytes.endIndex {
                let suffix = UnsafeBufferPointer(rebasing: statusBytes[(plus + 1)...])
                if suffix.elementsEqual("shared".utf8) {
                    sharing = .shared
                } else if suffix.elementsEqual("default".utf8) {
                    sharing = .defaultSense
                } else {
                    error(lineNumber, column(of: 4, in: line), "unknown status suffix “+\(String(decoding: suffix, as: UTF8.self))”",
                          fix: "use +shared (this spelling also names another concept) or +default (and this is the sense to use when the context does not decide)")
                    ok = false
                }
            }
        }
        guard ok, let form else { return nil }
        let term = termIsASCII ? text(2) : nfc(text(2))
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
    // Subtags, checked in order without splitting the text.
    var subtag = 0  // which subtag this is
    var stage = 0  // 0 language, 1 script expected, 2 region expected, 3 variants
    var start = bytes.startIndex
    while true {
        let end = bytes[start...].firstIndex(of: 0x2D) ?? bytes.endIndex
        let part = bytes[start..<end]
        let count = part.count
        if subtag == 0 {
            guard (2...3).contains(count), part.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return false }
            stage = 1
        } else {
            if stage == 1 && count == 4 && part.allSatisfy(isASCIILetter) {
                stage = 2
            } else if stage <= 2 && ((count == 2 && part.allSatisfy(isASCIILetter)) || (count == 3 && part.allSatisfy { $0 >= 0x30 && $0 <= 0x39 })) {
                stage = 3
            } else {
                guard (4...8).contains(count), part.allSatisfy(isASCIIAlnum) else { return false }
                stage = 3
            }
        }
        subtag += 1
        if end == bytes.endIndex { return true }
        start = bytes.index(after: end)
    }
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

extension TermForm {
    /// The form spelled by these bytes, as `init(rawValue:)` without making a String.
    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let form = TermForm.allCases.first(where: { bytes.elementsEqual($0.rawValue.utf8) }) else { return nil }
        self = form
    }
}

extension TermStatus {
    /// The status spelled by these bytes, as `init(rawValue:)` without making a String.
    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let status = TermStatus.allCases.first(where: { bytes.elementsEqual($0.rawValue.utf8) }) else { return nil }
        self = status
    }
}
