import Glibc

/// A term's type, as in TBX: what kind of spelling of its concept it is.
public enum TermForm: String, Sendable, Hashable, CaseIterable {
    /// Not a spelling: the concept's kind (``ConceptKind``), in the term column of a row
    /// in `und` (`wang-yi<TAB>und<TAB>person<TAB>kind`). At most one per concept; it comes
    /// first in the concept's block.
    case kind
    /// The full name: *Sergei Shoigu*, *Partai Komunis Tiongkok*.
    case full
    /// A short name: a bare surname (*Shoigu*), a short form of a name.
    case short
    /// An acronym or abbreviation (*PKT*, *SCO*, *RRT*). Matches only in its own case.
    case abbr
    /// Not a mention: a word that tells which concept an ambiguous mention means when
    /// it occurs in the same paragraph (*pupuk* for the fertilizer maker PKT).
    case context
    /// Not a mention: a title or honorific written before a name (*Presiden*, *Menlu*,
    /// *Mr*, *Pak*). A short form next to it still stands alone (rule 11).
    case title
    /// Not a mention: the proper name of something else that holds a listed word
    /// (*Bank of China*, *bahasa Jepang*, *Kremlin Kazan*). It is matched like a full
    /// term and wins by leftmost-longest, so the words inside it are no mentions; it is
    /// never reported or rewritten (rule 12).
    case protected

    /// Whether rows of this form name their concept, and so carry a status: full,
    /// short and abbreviated terms. Context words, titles and protected names are
    /// recognised in text but are never mentions, and have no status.
    public var isTerm: Bool {
        switch self {
        case .full, .short, .abbr: true
        case .kind, .context, .title, .protected: false
        }
    }
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
    /// Full name, short name, abbreviation, context word, title, or protected name.
    public var form: TermForm
    /// The status; `nil` exactly for the rows that are not terms (context words,
    /// titles, protected names: see ``TermForm/isTerm``).
    public var status: TermStatus?
    /// Whether the spelling deliberately names other concepts too.
    public var sharing: Sharing
    /// `+intro`: the spelling counts only where its concept has been introduced: by
    /// another mention earlier in the document or in the same paragraph, or by one of its
    /// context words in the paragraph (a surname that millions share, such as *Wang*).
    public var needsIntroduction: Bool
    /// `+titlecase`: an abbreviation that is also written with one capital (*Asean* for
    /// *ASEAN*), as house styles write acronyms read as words (rule 4).
    public var alsoTitlecase: Bool
    /// Free text: why the row is as it is.
    public var note: String
    /// The 1-based line of the row in its file.
    public var line: Int
    /// The layer the row comes from: an index into ``TermTable/sources`` (0 for a table
    /// of one file).
    public var layer: Int = 0
    /// Whether the row's status is `removed`: in a layer, it takes away the row of an
    /// earlier layer with the same concept, language and term. Such rows are never in
    /// ``TermTable/rows``.
    var isRemoval = false

    /// Creates a row.
    public init(
        conceptID: String, language: String, term: String, form: TermForm, status: TermStatus?,
        sharing: Sharing = .none, needsIntroduction: Bool = false, alsoTitlecase: Bool = false, note: String = "", line: Int = 0
    ) {
        self.conceptID = conceptID
        self.language = language
        self.term = term
        self.form = form
        self.status = status
        self.sharing = sharing
        self.needsIntroduction = needsIntroduction
        self.alsoTitlecase = alsoTitlecase
        self.note = note
        self.line = line
    }
}
