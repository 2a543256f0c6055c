// The libFuzzer entry point of Glossary's fuzzers. Fuzz/build.sh compiles it with the
// library's sources and the oracles of Tests/GlossaryTests/Support/FuzzOracles.swift
// into one binary; GLOSSARY_FUZZ_TARGET (one of FuzzOracles.targets) picks the oracle.
import Glibc

let target: String = getenv("GLOSSARY_FUZZ_TARGET").map { String(cString: $0) } ?? "matcher"

@_cdecl("LLVMFuzzerTestOneInput")
public func glossaryFuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size == 0 || data == nil ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    if let failure = FuzzOracles.check(target, bytes) { fatalError("oracle \(target): \(failure)") }
    return 0
}
