import CGlossary

/// Unicode normalization and case folding through ICU's immutable singletons, which
/// are safe to use from any thread.
enum Normalization {
    enum Form: Int32 {
        case nfc = 0, nfkc = 1, nfd = 2
    }

    static func normalize(_ input: UnsafeBufferPointer<UInt8>, to form: Form) throws(ICUError) -> [UInt8] {
        try icuProduceUTF8(input, operation: "normalize text") { input, count, out, capacity, status in
            glossary_normalize(form.rawValue, input, count, out, capacity, status)
        }
    }

    static func foldCase(_ input: UnsafeBufferPointer<UInt8>) throws(ICUError) -> [UInt8] {
        try icuProduceUTF8(input, operation: "fold case") { input, count, out, capacity, status in
            glossary_fold_case(input, count, out, capacity, status)
        }
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

/// Bytes in NFKC; ASCII as it is, without a call (unchanged when ICU cannot normalize).
func nfkcBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    if bytes.allSatisfy({ $0 < 0x80 }) { return Array(bytes) }
    return (try? Normalization.normalize(bytes, to: .nfkc)) ?? Array(bytes)
}
