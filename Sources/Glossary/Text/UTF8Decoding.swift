// The byte-level questions of the hot loops: UTF-8 scalars decoded by hand, and ASCII
// classes and case without String or Character.

/// Whether a byte is an ASCII letter or digit.
@inline(__always)
func isASCIIAlnum(_ byte: UInt8) -> Bool {
    isASCIILetter(byte) || (byte >= 0x30 && byte <= 0x39)
}

/// Decodes one well-formed UTF-8 scalar at `i` (no overlongs, no surrogates, at most
/// U+10FFFF); nil for anything else, which the caller passes through untouched.
@inline(__always)
func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int)? {
    let b0 = bytes[i]
    let count = bytes.count
    func continuation(_ j: Int) -> UInt32? {
        guard j < count, bytes[j] & 0xC0 == 0x80 else { return nil }
        return UInt32(bytes[j] & 0x3F)
    }
    if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
    if b0 >= 0xC2 && b0 <= 0xDF {
        guard let c1 = continuation(i + 1) else { return nil }
        return Unicode.Scalar((UInt32(b0 & 0x1F) << 6) | c1).map { ($0, 2) }
    }
    if b0 >= 0xE0 && b0 <= 0xEF {
        guard let c1 = continuation(i + 1), let c2 = continuation(i + 2) else { return nil }
        let value = (UInt32(b0 & 0x0F) << 12) | (c1 << 6) | c2
        guard value >= 0x800, !(0xD800...0xDFFF).contains(value) else { return nil }
        return Unicode.Scalar(value).map { ($0, 3) }
    }
    if b0 >= 0xF0 && b0 <= 0xF4 {
        guard let c1 = continuation(i + 1), let c2 = continuation(i + 2), let c3 = continuation(i + 3) else { return nil }
        let value = (UInt32(b0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3
        guard value >= 0x10000, value <= 0x10FFFF else { return nil }
        return Unicode.Scalar(value).map { ($0, 4) }
    }
    return nil
}

/// Whether a byte is an ASCII letter.
@inline(__always)
func isASCIILetter(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
}

/// An ASCII capital in lower case; any other byte as it is.
@inline(__always)
func asciiLower(_ byte: UInt8) -> UInt8 {
    byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
}
