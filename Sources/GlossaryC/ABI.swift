// The C interface of Glossary: the functions of include/glossary.h, exported with
// @_cdecl over the Swift library. Each handle of the header is a Swift object passed
// retained as an opaque pointer (Handles.swift); nothing of Swift or ICU crosses.
import Glibc
import Glossary

/// The interface's version: GLOSSARY_ABI_VERSION of include/glossary.h.
let abiVersion: UInt32 = 1

@_cdecl("glossary_abi_version")
public func glossary_abi_version() -> UInt32 { abiVersion }

@_cdecl("glossary_free")
public func glossary_free(_ pointer: UnsafeMutableRawPointer?) {
    free(pointer)
}

/// A NUL-terminated copy of a string in memory from malloc: the caller's, or the
/// handle's that keeps it.
func cString(_ text: String) -> UnsafeMutablePointer<CChar> {
    strdup(text)!
}

/// The bytes of a C buffer, or an empty buffer for a NULL pointer of length 0.
func buffer(_ pointer: UnsafePointer<UInt8>?, _ length: Int) -> UnsafeBufferPointer<UInt8>? {
    if let pointer { return UnsafeBufferPointer(start: pointer, count: length) }
    return length == 0 ? UnsafeBufferPointer(start: nil, count: 0) : nil
}

/// Stores an error for the caller when it asked for one, and returns nil.
func fail<T>(_ error: ErrorHandle, _ out: UnsafeMutablePointer<OpaquePointer?>?) -> T? {
    out?.pointee = error.retainedPointer()
    return nil
}
