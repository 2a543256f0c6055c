import Glibc
import Glossary

@_cdecl("glossary_render")
public func glossary_render(
    _ matcher: OpaquePointer?, _ text: UnsafePointer<UInt8>?, _ length: Int, _ format: UnsafePointer<CChar>?,
    _ language: UnsafePointer<CChar>?, _ outLength: UnsafeMutablePointer<Int>?, _ errorOut: UnsafeMutablePointer<OpaquePointer?>?
) -> UnsafeMutablePointer<UInt8>? {
    guard let handle = MatcherHandle.borrow(matcher) else { return fail(ErrorHandle(argument: "matcher is NULL"), errorOut) }
    guard let bytes = buffer(text, length) else { return fail(ErrorHandle(argument: "text is NULL"), errorOut) }
    let name = format.map { String(cString: $0) } ?? "text"
    guard let chosen = OutputFormat(rawValue: name) else {
        return fail(ErrorHandle(argument: "unknown format “\(name)”; the formats are \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))"), errorOut)
    }
    let target = language.map { String(cString: $0) } ?? "en"
    return mallocCopy(handle.matcher.render(Array(bytes), format: chosen, language: target), outLength)
}

@_cdecl("glossary_untag")
public func glossary_untag(
    _ text: UnsafePointer<UInt8>?, _ length: Int, _ outLength: UnsafeMutablePointer<Int>?,
    _ errorOut: UnsafeMutablePointer<OpaquePointer?>?
) -> UnsafeMutablePointer<UInt8>? {
    guard let bytes = buffer(text, length) else { return fail(ErrorHandle(argument: "text is NULL"), errorOut) }
    var untagger = Untagger(source: "<text>")
    var output: [UInt8] = []
    do throws(InputError) {
        try untagger.feed(bytes, into: &output)
        try untagger.finish(into: &output)
    } catch {
        return fail(ErrorHandle(code: ErrorHandle.markup, diagnostics: [Diagnostic(at: error.location, message: error.message)]), errorOut)
    }
    return mallocCopy(output, outLength)
}

/// A malloc'd copy of bytes with a NUL after them, its length stored for the caller.
func mallocCopy(_ bytes: [UInt8], _ outLength: UnsafeMutablePointer<Int>?) -> UnsafeMutablePointer<UInt8> {
    let result = malloc(bytes.count + 1)!.assumingMemoryBound(to: UInt8.self)
    if !bytes.isEmpty { bytes.withUnsafeBufferPointer { result.update(from: $0.baseAddress!, count: bytes.count) } }
    result[bytes.count] = 0
    outLength?.pointee = bytes.count
    return result
}
