import CGlossary

/// A failure reported by ICU, with ICU's name for it and, for rule text, where it failed.
struct ICUError: Error, Sendable, CustomStringConvertible {
    /// ICU's numeric error code (`UErrorCode`).
    let code: Int32
    /// ICU's name for the code, such as `U_MALFORMED_RULE`.
    let name: String
    /// What Glossary was doing when ICU failed.
    let operation: String
    /// For rule text: the 1-based line of the failing rule, if ICU said.
    let ruleLine: Int?
    /// For rule text: the offset within that rule, if ICU said.
    let ruleOffset: Int?
    /// For rule text: the text around the failure.
    let context: String

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
    var description: String {
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
