/// Whether the word ending at `end` (at least four bytes long) ends in -nya, -lah, -pun
/// or -kah, in any case.
@inline(__always)
func hasClitic(_ line: UnsafeBufferPointer<UInt8>, _ end: Int) -> Bool {
    let a = line[end - 3] | 0x20, b = line[end - 2] | 0x20, c = line[end - 1] | 0x20
    return (a == 0x6E && b == 0x79 && c == 0x61)  // nya
        || (b == 0x61 && c == 0x68 && (a == 0x6C || a == 0x6B))  // lah, kah
        || (a == 0x70 && b == 0x75 && c == 0x6E)  // pun
}
