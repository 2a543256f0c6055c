/// The status field of a term row as the table writes it: `pref`, `alt` or
/// `deprecated`, then optionally `+shared` or `+default`, and `+intro`
/// (`pref+shared+intro`). Each suffix at most once, in any order; written in this order.
public struct StatusField: Sendable, Hashable, CustomStringConvertible {
    /// `pref`, `alt` or `deprecated`.
    public var status: TermStatus
    /// `+shared` or `+default`, or neither.
    public var sharing: Sharing
    /// `+intro`: the spelling counts only where its concept is introduced (rule 10).
    public var needsIntroduction: Bool

    /// A status with its suffixes.
    public init(status: TermStatus, sharing: Sharing = .none, needsIntroduction: Bool = false) {
        self.status = status
        self.sharing = sharing
        self.needsIntroduction = needsIntroduction
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
        var sharing = Sharing.none, intro = false
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
            } else {
                return nil
            }
            start = end
        }
        self.init(status: status, sharing: sharing, needsIntroduction: intro)
    }

    /// The field as written: `pref+shared+intro`.
    public var description: String {
        status.rawValue + (sharing == .none ? "" : "+" + sharing.rawValue) + (needsIntroduction ? "+intro" : "")
    }
}
