import CGlossary

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
