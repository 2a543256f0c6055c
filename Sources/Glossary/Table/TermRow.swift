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
    /// `+intro`: the spelling counts only where its concept has been introduced: by
    /// another mention earlier in the document or in the same paragraph, or by one of its
    /// context words in the paragraph (a surname that millions share, such as *Wang*).
    public var needsIntroduction: Bool
    /// Free text: why the row is as it is.
    public var note: String
    /// The 1-based line of the row in its file.
    public var line: Int

    /// Creates a row.
    public init(
        conceptID: String, language: String, term: String, form: TermForm, status: TermStatus?,
        sharing: Sharing = .none, needsIntroduction: Bool = false, note: String = "", line: Int = 0
    ) {
        self.conceptID = conceptID
        self.language = language
        self.term = term
        self.form = form
        self.status = status
        self.sharing = sharing
        self.needsIntroduction = needsIntroduction
        self.note = note
        self.line = line
    }
}
