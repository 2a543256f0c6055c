/// The status field of a term row as the table writes it: `pref`, `alt` or
/// `deprecated`, then optionally `+shared` or `+default`, `+intro` and `+titlecase`
/// (`pref+shared+intro`). Each suffix at most once, in any order; written in this order.
public struct StatusField: Sendable, Hashable, CustomStringConvertible {
    /// `pref`, `alt` or `deprecated`.
    public var status: TermStatus
    /// `+shared` or `+default`, or neither.
    public var sharing: Sharing
    /// `+intro`: the spelling counts only where its concept is introduced (rule 10).
    public var needsIntroduction: Bool
    /// `+titlecase`: the abbreviation is also written with one capital, as the press
    /// writes acronyms read as words (*Asean*, *Nato*: rule 4).
    public var alsoTitlecase: Bool

    /// A status with its suffixes.
    public init(status: TermStatus, sharing: Sharing = .none, needsIntroduction: Bool = false, alsoTitlecase: Bool = false) {
        self.status = status
        self.sharing = sharing
        self.needsIntroduction = needsIntroduction
        self.alsoTitlecase = alsoTitlecase
    }

    /// The status field of a row (nil for rows without a status).
    public init?(of row: TermRow) {
        guard let status = row.status else { return nil }
        self.init(status: status, sharing: row.sharing, needsIntroduction: row.needsIntroduction, alsoTitlecase: row.alsoTitlecase)
    }

    /// Reads a status field; nil when it is not one.
    public init?(parsing text: String) {
        var text = text
        guard let field = text.withUTF8({ StatusField(bytes: $0) }) else { return nil }
        self = field
    }

    /// Reads a status field from its UTF-8 bytes (the table's parser, without a String).
    init?(bytes: UnsafeBufferPointer<UInt8>) {
        let plus = bytes.firstIndex(of: UInt8(ascii: "+")) ?? bytes.endIndex
        guard let status = TermStatus(UnsafeBufferPointer(rebasing: bytes[..<plus])) else { return nil }
        var sharing = Sharing.none, intro = false, titlecase = false
        var start = plus
        while start < bytes.endIndex {
            let end = bytes[(start + 1)...].firstIndex(of: UInt8(ascii: "+")) ?? bytes.endIndex
            let suffix = UnsafeBufferPointer(rebasing: bytes[(start + 1)..<end])
            if suffix.elementsEqual("shared".utf8) && sharing == .none {
                sharing = .shared
            } else if suffix.elementsEqual("default".utf8) && sharing == .none {
                sharing = .defaultSense
            } else if suffix.elementsEqual("intro".utf8) && !intro {
                intro = true
            } else if suffix.elementsEqual("titlecase".utf8) && !titlecase {
                titlecase = true
            } else {
                return nil
            }
            start = end
        }
        self.init(status: status, sharing: sharing, needsIntroduction: intro, alsoTitlecase: titlecase)
    }

    /// The field as written: `pref+shared+intro`.
    public var description: String {
        status.rawValue + (sharing == .none ? "" : "+" + sharing.rawValue) + (needsIntroduction ? "+intro" : "")
            + (alsoTitlecase ? "+titlecase" : "")
    }
}
