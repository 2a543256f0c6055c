import CGlossary

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
