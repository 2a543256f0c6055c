/// Per-byte classes for the tokenizer's fast loop, with the variant rules' sensitive
/// bytes folded in. Owned by a ``Matcher``; immutable once built.
final class ByteClasses: @unchecked Sendable {
    // @unchecked: written in init only.
    static let alnum: UInt8 = 1 << 7
    static let upper: UInt8 = 1 << 0
    static let lower: UInt8 = 1 << 2
    static let sensitive: UInt8 = 1 << 3
    static let separator: UInt8 = 1 << 4
    static let punct: UInt8 = 1 << 5

    let pointer: UnsafeMutablePointer<UInt8>

    init(keyMaker: KeyMaker) {
        pointer = .allocate(capacity: 256)
        for value in 0..<256 {
            let byte = UInt8(value)
            var cls: UInt8 = 0
            if isASCIIAlnum(byte) { cls |= ByteClasses.alnum }
            if byte &- 0x41 < 26 { cls |= ByteClasses.upper }
            if byte &- 0x61 < 26 { cls |= ByteClasses.lower }
            if keyMaker.variantSensitive(byte) { cls |= ByteClasses.sensitive }
            if byte == 0x20 || byte == 0x09 || byte == 0x2D { cls |= ByteClasses.separator }
            if byte > 0x20 && byte < 0x7F && !isASCIIAlnum(byte) && byte != 0x2D { cls |= ByteClasses.punct }
            pointer[value] = cls
        }
    }

    deinit { pointer.deallocate() }
}
