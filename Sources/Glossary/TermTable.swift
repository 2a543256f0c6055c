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

/// The strict line-by-line parser behind ``TermTable``.
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

    mutating func parse() throws(TableError) -> [TermRow] {
        var rows: [TermRow] = []
        var sawHeader = false
        var start = 0
        // A byte-order mark at the very start is tolerated.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        var lineNumber = 0
        var firstRowOf: [String: Int] = [:]  // id|lang|term -> line
        var preferredOf: [String: Int] = [:]  // id|lang|form -> line
        var conceptHasTerm: [String: Bool] = [:]
        var firstContextLine: [String: Int] = [:]

        while start < bytes.count {
            lineNumber += 1
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            let raw = Array(bytes[start..<end])
            start = end + 1
            guard let text = validatedLine(raw, lineNumber) else { continue }
            if text.isEmpty || text.hasPrefix("#") { continue }
            if text.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            if !sawHeader {
                sawHeader = true
                if text != TermTable.header {
                    error(lineNumber, 1, "the first line that is not a comment must be the header",
                          fix: "write the header `id<TAB>lang<TAB>term<TAB>form<TAB>status<TAB>note`")
                }
                continue
            }
            guard let row = parseRow(text, lineNumber) else { continue }

            let termKey = "\(row.conceptID)\t\(row.language)\t\(row.term)"
            if let first = firstRowOf[termKey] {
                error(lineNumber, column(of: 2, in: text), "the term “\(row.term)” is listed twice for \(row.conceptID) (\(row.language)); first at line \(first)",
                      fix: "delete one of the two rows")
            } else {
                firstRowOf[termKey] = lineNumber
            }
            if row.status == .preferred {
                let prefKey = "\(row.conceptID)\t\(row.language)\t\(row.form.rawValue)"
                if let first = preferredOf[prefKey] {
                    error(lineNumber, column(of: 4, in: text),
                          "a second preferred \(row.form.rawValue) term for \(row.conceptID) in \(row.language); the first is at line \(first)",
                          fix: "make one of them `alt` (glossary set-pref chooses one for you)")
                } else {
                    preferredOf[prefKey] = lineNumber
                }
            }
            if row.form == .context {
                if firstContextLine[row.conceptID] == nil { firstContextLine[row.conceptID] = lineNumber }
                conceptHasTerm[row.conceptID, default: false] = conceptHasTerm[row.conceptID] ?? false
            } else {
                conceptHasTerm[row.conceptID] = true
            }
            rows.append(row)
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

    /// The line as a String, or nil (with a diagnostic) when it is not valid UTF-8 or has
    /// a carriage return or another control character.
    mutating func validatedLine(_ raw: [UInt8], _ lineNumber: Int) -> String? {
        var i = 0
        var column = 1
        var ok = true
        raw.withUnsafeBufferPointer { buffer in
            while i < buffer.count {
                guard let (scalar, length) = decodeScalar(buffer, at: i) else {
                    error(lineNumber, column, "this is not UTF-8 (byte 0x\(String(buffer[i], radix: 16, uppercase: true)))",
                          fix: "save the file as UTF-8")
                    ok = false
                    return
                }
                if scalar == "\r" {
                    error(lineNumber, column, "the line ends in CR LF", fix: "save the file with LF line ends")
                    ok = false
                    return
                }
                if scalar.value < 0x20 && scalar != "\t" || scalar.value == 0x7F {
                    error(lineNumber, column, "a control character U+\(hex(scalar.value)) is not allowed",
                          fix: "delete it")
                    ok = false
                    return
                }
                i += length
                column += 1
            }
        }
        return ok ? String(decoding: raw, as: UTF8.self) : nil
    }

    /// The 1-based column (in scalars) where field `index` (0-based) starts.
    func column(of index: Int, in text: String) -> Int {
        var column = 1
        var field = 0
        for scalar in text.unicodeScalars {
            if field == index { return column }
            if scalar == "\t" { field += 1 }
            column += 1
        }
        return column
    }

    mutating func parseRow(_ text: String, _ lineNumber: Int) -> TermRow? {
        let fields = text.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 6 || fields.count == 5 else {
            error(lineNumber, 1, "expected 6 tab-separated fields (id, lang, term, form, status, note), found \(fields.count)",
                  fix: fields.count > 6 ? "remove the extra tabs (a note may not contain a tab)" : "separate the fields with tabs")
            return nil
        }
        var ok = true
        let id = fields[0], lang = fields[1], term = fields[2], formText = fields[3], statusText = fields[4]
        let note = fields.count == 6 ? fields[5] : ""

        if !isSlug(id) {
            error(lineNumber, 1, "“\(id)” is not a concept id", fix: "use lowercase ASCII letters and digits joined by single hyphens, such as sergei-shoigu")
            ok = false
        }
        if !isLanguageTag(lang) {
            error(lineNumber, column(of: 1, in: text), "“\(lang)” is not a BCP 47 language tag",
                  fix: "use a tag such as id, en, ru, zh, zh-Hant, or und for a form of no language")
            ok = false
        }
        if term.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
            error(lineNumber, column(of: 2, in: text), "the term is empty", fix: "write the spelling, or delete the row")
            ok = false
        }
        let form = TermForm(rawValue: formText)
        if form == nil {
            error(lineNumber, column(of: 3, in: text), "unknown form “\(formText)”", fix: "use full, short, abbr or context")
            ok = false
        }
        var status: TermStatus?
        var sharing = Sharing.none
        if form == .context {
            if !statusText.isEmpty {
                error(lineNumber, column(of: 4, in: text), "a context row has no status, found “\(statusText)”",
                      fix: "leave the status empty on context rows")
                ok = false
            }
        } else {
            let parts = statusText.split(separator: "+", maxSplits: 1, omittingEmptySubsequences: false)
            status = TermStatus(rawValue: String(parts[0]))
            if status == nil {
                error(lineNumber, column(of: 4, in: text), "unknown status “\(statusText)”",
                      fix: "use pref, alt or deprecated, optionally followed by +shared or +default")
                ok = false
            }
            if parts.count == 2 {
                switch parts[1] {
                case "shared": sharing = .shared
                case "default": sharing = .defaultSense
                default:
                    error(lineNumber, column(of: 4, in: text), "unknown status suffix “+\(parts[1])”",
                          fix: "use +shared (this spelling also names another concept) or +default (and this is the sense to use when the context does not decide)")
                    ok = false
                }
            }
        }
        guard ok, let form else { return nil }
        let nfcTerm = nfc(term)
        return TermRow(conceptID: id, language: lang, term: nfcTerm, form: form, status: status, sharing: sharing,
                       note: note, line: lineNumber)
    }
}

/// Lowercase ASCII letters and digits in groups joined by single hyphens.
func isSlug(_ text: String) -> Bool {
    let groups = text.split(separator: "-", omittingEmptySubsequences: false)
    return !text.isEmpty && groups.allSatisfy { group in
        !group.isEmpty && group.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) }
    }
}

/// A BCP 47 tag in the forms a term table needs: a 2–3 letter language (or `und`),
/// then optionally a 4-letter script, a 2-letter or 3-digit region, and variants.
func isLanguageTag(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { Array($0.utf8) }
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
