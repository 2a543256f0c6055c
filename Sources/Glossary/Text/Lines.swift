/// Calls `body` with each line (without its LF) and the line's start offset. A final
/// line without LF counts; an empty text has no lines.
package func forEachLine(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) {
    var start = 0
    while start < bytes.count {
        var end = start
        while end < bytes.count && bytes[end] != 0x0A { end += 1 }
        body(UnsafeBufferPointer(rebasing: bytes[start..<end]), start)
        start = end + 1
    }
}
