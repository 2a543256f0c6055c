import CGlossary

/// A failure reported by ICU, with ICU's name for it and, for rule text, where it failed.
public struct ICUError: Error, Sendable, CustomStringConvertible {
    /// ICU's numeric error code (`UErrorCode`).
    public let code: Int32
    /// ICU's name for the code, such as `U_MALFORMED_RULE`.
    public let name: String
    /// What Glossary was doing when ICU failed.
    public let operation: String
    /// For rule text: the 1-based line of the failing rule, if ICU said.
    public let ruleLine: Int?
    /// For rule text: the offset within that rule, if ICU said.
    public let ruleOffset: Int?
    /// For rule text: the text around the failure.
    public let context: String

    init(_ status: GlossaryICUStatus, operation: String) {
        var status = status
        code = status.code
        name = String(cString: glossary_icu_error_name(status.code))
        self.operation = operation
        ruleLine = status.line >= 0 ? Int(status.line) : nil
        ruleOffset = status.offset >= 0 ? Int(status.offset) : nil
        context = withUnsafeBytes(of: &status.context) { raw in
            let bytes = raw.prefix { $0 != 0 }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// What failed, ICU's name for it, and where in rule text.
    public var description: String {
        var text = "ICU could not \(operation): \(name)"
        if let ruleLine { text += " at rule line \(ruleLine)" }
        if let ruleOffset { text += ", offset \(ruleOffset)" }
        if !context.isEmpty { text += " near “\(context)”" }
        return text
    }
}

/// Calls a bridge function that writes UTF-8 into a caller buffer and returns the
/// length it needs, growing the buffer once when the first guess was too small.
@inline(__always)
func icuProduceUTF8(
    _ input: UnsafeBufferPointer<UInt8>, operation: String,
    _ body: (UnsafePointer<UInt8>?, Int32, UnsafeMutablePointer<UInt8>?, Int32, UnsafeMutablePointer<GlossaryICUStatus>) -> Int32
) throws(ICUError) -> [UInt8] {
    var status = GlossaryICUStatus()
    var capacity = max(64, input.count * 4)
    while true {
        var output = [UInt8](repeating: 0, count: capacity)
        let needed = output.withUnsafeMutableBufferPointer { out in
            body(input.baseAddress, Int32(input.count), out.baseAddress, Int32(capacity), &status)
        }
        if needed < 0 { throw ICUError(status, operation: operation) }
        if Int(needed) <= capacity {
            output.removeSubrange(Int(needed)...)
            return output
        }
        capacity = Int(needed)
    }
}

/// One ICU transliterator. It owns its handle and closes it when released.
///
/// ICU transliterators are not thread-safe; `KeyMaker` serializes every use.
final class Transform {
    private let handle: OpaquePointer
    /// The transform's name, for messages.
    let name: String
    /// Which ASCII bytes the transform may change (bit i of byte i/8).
    let asciiSourceSet: [UInt8]

    /// Opens one of ICU's system transforms, such as `Russian-Latin/BGN`.
    init(id: String) throws(ICUError) {
        var status = GlossaryICUStatus()
        guard let handle = glossary_transform_open_id(id, &status) else {
            throw ICUError(status, operation: "open the transform \(id)")
        }
        self.handle = handle
        self.name = id
        self.asciiSourceSet = Transform.sourceSet(of: handle)
    }

    /// Compiles a transform from ICU rule text.
    init(name: String, rules: [UInt8]) throws(ICUError) {
        var status = GlossaryICUStatus()
        let handle = rules.withUnsafeBufferPointer { buffer in
            glossary_transform_open_rules(name, buffer.baseAddress, Int32(buffer.count), &status)
        }
        guard let handle else { throw ICUError(status, operation: "compile the rules \(name)") }
        self.handle = handle
        self.name = name
        self.asciiSourceSet = Transform.sourceSet(of: handle)
    }

    private static func sourceSet(of handle: OpaquePointer) -> [UInt8] {
        var bits = [UInt8](repeating: 0, count: 16)
        bits.withUnsafeMutableBufferPointer { glossary_transform_ascii_source_set(handle, $0.baseAddress) }
        return bits
    }

    deinit { glossary_transform_close(handle) }

    /// Transliterates UTF-8 text.
    func apply(_ input: UnsafeBufferPointer<UInt8>) throws(ICUError) -> [UInt8] {
        try icuProduceUTF8(input, operation: "apply the transform \(name)") { input, count, out, capacity, status in
            glossary_transform_apply(handle, input, count, out, capacity, status)
        }
    }

    /// Whether the transform may change this ASCII byte.
    func mayChange(asciiByte byte: UInt8) -> Bool {
        byte < 128 && asciiSourceSet[Int(byte >> 3)] & (1 << (byte & 7)) != 0
    }
}

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

/// ICU's confusable-character data (UTS #39). It owns its handle.
final class SpoofChecker {
    private let handle: OpaquePointer

    init() throws(ICUError) {
        var status = GlossaryICUStatus()
        guard let handle = glossary_spoof_open(&status) else {
            throw ICUError(status, operation: "open the confusables checker")
        }
        self.handle = handle
    }

    deinit { glossary_spoof_close(handle) }

    /// The UTS #39 skeleton of the text.
    func skeleton(_ input: UnsafeBufferPointer<UInt8>) throws(ICUError) -> [UInt8] {
        try icuProduceUTF8(input, operation: "compute a confusables skeleton") { input, count, out, capacity, status in
            glossary_spoof_skeleton(handle, input, count, out, capacity, status)
        }
    }
}

/// ICU's version, such as "72.1".
let icuVersion: String = {
    var buffer = [CChar](repeating: 0, count: 32)
    glossary_icu_version(&buffer)
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}()

/// The scripts that Glossary treats differently.
enum Script: Int32 {
    case common = 0, latin, cyrillic, greek, han, kana, other

    init(of scalar: Unicode.Scalar) {
        self = Script(rawValue: glossary_script_of(scalar.value)) ?? .other
    }
}

/// The data files built into the binary.
enum EmbeddedData {
    static var terms: [UInt8] {
        var length = 0
        let pointer = glossary_default_terms(&length)
        return Array(UnsafeBufferPointer(start: pointer, count: length))
    }

    static var keys: [UInt8] {
        var length = 0
        let pointer = glossary_default_keys(&length)
        return Array(UnsafeBufferPointer(start: pointer, count: length))
    }

    static var variants: [UInt8] {
        var length = 0
        let pointer = glossary_default_variants(&length)
        return Array(UnsafeBufferPointer(start: pointer, count: length))
    }
}
