// The libFuzzer entry point of Glossary's fuzzers. Fuzz/build.sh compiles it with the
// library's sources and the oracles of Tests/GlossaryTests/FuzzOracles.swift into one
// binary per target; GLOSSARY_FUZZ_TARGET (matcher, table or json) picks the oracle.
import Glibc

let target: String = getenv("GLOSSARY_FUZZ_TARGET").map { String(cString: $0) } ?? "matcher"

@_cdecl("LLVMFuzzerTestOneInput")
public func glossaryFuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size == 0 || data == nil ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    let failure: String?
    switch target {
    case "table": failure = FuzzOracles.table(bytes)
    case "json": failure = FuzzOracles.json(bytes)
    default: failure = FuzzOracles.matcher(bytes)
    }
    if let failure { fatalError("oracle \(target): \(failure)") }
    return 0
}
