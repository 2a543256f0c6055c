/// A strict single-pass JSON checker that notes where one value (given by a path) is.
struct JSONScanner {
    struct Target {
        var range: Range<Int>
        var kind: String
        var isString: Bool { kind == "a string" }
        var isNull: Bool { kind == "null" }
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    /// The input and line the bytes are, for locations.
    private let line: SourceLocation
    private let path: [String]
    private var position = 0
    private(set) var target: Target?
    private(set) var targetIsInArray = false
    static let maxDepth = 512

    init(_ bytes: UnsafeBufferPointer<UInt8>, path: [String], line: SourceLocation) {
        self.bytes = bytes
        self.path = path
        self.line = line
    }

    /// The place of a byte offset of the line.
    func location(of offset: Int) -> SourceLocation {
        SourceLocation(file: line.file, line: line.line, column: column(of: offset))
    }

    private func column(of offset: Int) -> Int {
        var column = 1
        for index in 0..<min(offset, bytes.count) where bytes[index] & 0xC0 != 0x80 { column += 1 }
        return column
    }

    private func fail(_ message: String) -> InputError {
        InputError(at: location(of: position), message: message)
    }

    private mutating func skipSpace() {
        while position < bytes.count, [0x20, 0x09, 0x0D, 0x0A].contains(bytes[position]) { position += 1 }
    }

    mutating func scanDocument() throws(InputError) {
        skipSpace()
        guard position < bytes.count else { throw fail("an empty line is not a JSON document") }
        try value(depth: 0, path: path[...], inArray: false)
        skipSpace()
        guard position == bytes.count else { throw fail("text after the end of the JSON value") }
    }

    private mutating func value(depth: Int, path: ArraySlice<String>?, inArray: Bool) throws(InputError) {
        guard depth < Self.maxDepth else { throw fail("nested more than \(Self.maxDepth) deep") }
        guard position < bytes.count else { throw fail("the line ends where a value was expected") }
        let start = position
        let kind: String
        switch bytes[position] {
        case UInt8(ascii: "{"):
            kind = "an object"
            position += 1
            skipSpace()
            if position < bytes.count && bytes[position] == UInt8(ascii: "}") {
                position += 1
            } else {
                while true {
                    skipSpace()
                    guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw fail("a member name in quotes was expected") }
                    let keyStart = position
                    try string()
                    let key = decodedString(at: keyStart..<position)
                    skipSpace()
                    guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw fail("a colon was expected after the member name") }
                    position += 1
                    skipSpace()
                    let next: ArraySlice<String>? = path.flatMap { path in
                        path.first.map { Array($0.utf8) == key } == true ? path.dropFirst() : nil
                    }
                    try value(depth: depth + 1, path: next, inArray: false)
                    skipSpace()
                    guard position < bytes.count else { throw fail("the object is not closed") }
                    if bytes[position] == UInt8(ascii: ",") {
                        position += 1
                        continue
                    }
                    guard bytes[position] == UInt8(ascii: "}") else { throw fail("a comma or } was expected") }
                    position += 1
                    break
                }
            }
        case UInt8(ascii: "["):
            kind = "an array"
            position += 1
            skipSpace()
            if position < bytes.count && bytes[position] == UInt8(ascii: "]") {
                position += 1
            } else {
                var index = 0
                while true {
                    skipSpace()
                    let next: ArraySlice<String>? = path.flatMap { path in path.first == String(index) ? path.dropFirst() : nil }
                    try value(depth: depth + 1, path: next, inArray: true)
                    index += 1
                    skipSpace()
                    guard position < bytes.count else { throw fail("the array is not closed") }
                    if bytes[position] == UInt8(ascii: ",") {
                        position += 1
                        continue
                    }
                    guard bytes[position] == UInt8(ascii: "]") else { throw fail("a comma or ] was expected") }
                    position += 1
                    break
                }
            }
        case UInt8(ascii: "\""):
            kind = "a string"
            try string()
        case UInt8(ascii: "t"):
            kind = "true"
            try literal("true")
        case UInt8(ascii: "f"):
            kind = "false"
            try literal("false")
        case UInt8(ascii: "n"):
            kind = "null"
            try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            kind = "a number"
            try number()
        default:
            throw fail("a JSON value was expected")
        }
        if let path, path.isEmpty {
            target = Target(range: start..<position, kind: kind)
            targetIsInArray = inArray
        }
    }

    private mutating func literal(_ word: String) throws(InputError) {
        for byte in word.utf8 {
            guard position < bytes.count, bytes[position] == byte else { throw fail("a JSON value was expected (\(word)?)") }
            position += 1
        }
    }

    private mutating func number() throws(InputError) {
        func digits() -> Int {
            let start = position
            while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 { position += 1 }
            return position - start
        }
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard position < bytes.count else { throw fail("a number ends too early") }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
        } else if digits() == 0 {
            throw fail("a number needs digits")
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard digits() > 0 else { throw fail("a number needs digits after the point") }
        }
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
            guard digits() > 0 else { throw fail("a number needs digits in its exponent") }
        }
    }

    /// Checks a string at `"`, and moves past it.
    private mutating func string() throws(InputError) {
        position += 1
        while true {
            guard position < bytes.count else { throw fail("the string is not closed") }
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                return
            case UInt8(ascii: "\\"):
                position += 1
                guard position < bytes.count else { throw fail("the string is not closed") }
                switch bytes[position] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                    UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    position += 1
                case UInt8(ascii: "u"):
                    position += 1
                    let high = try hex4()
                    if (0xD800..<0xDC00).contains(high) {
                        guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") else {
                            throw fail("a lone surrogate \\u\(hex(high))")
                        }
                        position += 2
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw fail("a lone surrogate \\u\(hex(high))") }
                    } else if (0xDC00..<0xE000).contains(high) {
                        throw fail("a lone surrogate \\u\(hex(high))")
                    }
                default:
                    throw fail("an unknown escape \\\(String(UnicodeScalar(bytes[position])))")
                }
            case 0..<0x20:
                throw fail("a control character U+\(hex(UInt32(byte))) in a string (write it as \\u\(hex(UInt32(byte))))")
            case 0x80...:
                guard let (_, length) = decodeScalar(bytes, at: position) else { throw fail("this is not UTF-8") }
                position += length
            default:
                position += 1
            }
        }
    }

    private mutating func hex4() throws(InputError) -> UInt32 {
        guard position + 4 <= bytes.count,
            let value = UInt32(String(decoding: bytes[position..<(position + 4)], as: UTF8.self), radix: 16)
        else { throw fail("\\u needs four hex digits") }
        position += 4
        return value
    }

    /// The UTF-8 of a checked string token (quotes included in `range`).
    func decodedString(at range: Range<Int>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var i = range.lowerBound + 1
        let end = range.upperBound - 1
        func hexValue(_ at: Int) -> UInt32 { UInt32(String(decoding: bytes[at..<(at + 4)], as: UTF8.self), radix: 16) ?? 0xFFFD }
        while i < end {
            let byte = bytes[i]
            guard byte == UInt8(ascii: "\\") else {
                out.append(byte)
                i += 1
                continue
            }
            let escape = bytes[i + 1]
            i += 2
            switch escape {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var value = hexValue(i)
                i += 4
                if (0xD800..<0xDC00).contains(value) {
                    let low = hexValue(i + 2)
                    value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                }
                out += Array(String(Character(Unicode.Scalar(value) ?? "\u{FFFD}")).utf8)
            default: out.append(escape)  // " \ /
            }
        }
        return out
    }
}
