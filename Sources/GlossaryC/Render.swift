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
    let output = handle.matcher.render(Array(bytes), format: chosen, language: target)
    let result = malloc(output.count + 1)!.assumingMemoryBound(to: UInt8.self)
    if !output.isEmpty { output.withUnsafeBufferPointer { result.update(from: $0.baseAddress!, count: output.count) } }
    result[output.count] = 0
    outLength?.pointee = output.count
    return result
}
