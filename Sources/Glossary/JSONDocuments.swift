/// Documents in JSON lines: one JSON value per line, of which one string field is
/// normalized and every other byte is left as it was.
///
/// The line is checked as JSON (RFC 8259: UTF-8, strings without raw control
/// characters, valid escapes and numbers, nesting at most 512 deep) and the field is
/// found on the way. Its string is decoded, processed one paragraph (`\n`-separated
/// piece) at a time, and, only if that changes it, encoded again (`"`, `\` and control
/// characters escaped, everything else as UTF-8) and put back in place of the old value.
/// A field that a key appears twice for is the last one, as most JSON readers take it.
public struct JSONFieldNormalizer {
    /// Where the field is: object keys, and array indexes, from the top.
    public let path: [String]
    private var normalizer: LineNormalizer
    /// Lines that were processed, and lines whose field was missing or null (passed as
    /// they were).
    public private(set) var documents = 0
    public private(set) var withoutField = 0

    /// A path as the command line gives it: `text`, `body.text`, or a JSON Pointer
    /// (`/body/text`, `/items/0/text`, with `~1` for `/` and `~0` for `~`).
    public static func parsePath(_ text: String) -> [String]? {
        if text.hasPrefix("/") {
            return text.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map { segment in
                // ~1 is /, ~0 is ~ (in that order, as RFC 6901 says).
                var result = ""
                var rest = Substring(segment)
                while let tilde = rest.firstIndex(of: "~") {
                    result += rest[..<tilde]
                    let next = rest.index(after: tilde)
                    if next < rest.endIndex && rest[next] == "1" { result += "/" } else if next < rest.endIndex && rest[next] == "0" { result += "~" } else { result += "~"; rest = rest[next...]; continue }
                    rest = rest[rest.index(after: next)...]
                }
                return result + rest
            }
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        return parts.isEmpty || parts.contains("") ? nil : parts
    }

    public init(matcher: Matcher, format: OutputFormat, language: String, path: [String]) {
        self.path = path
        self.normalizer = LineNormalizer(matcher: matcher, format: format, language: language)
    }

    /// The counts of the text normalized so far.
    public var counts: LineNormalizer.Counts { normalizer.counts }

    /// Processes one line (without its line end) and appends the new line to `out`
    /// (without a line end). On an error nothing is appended.
    ///
    /// For `text` and `tag` the field's string is replaced by its normalized or tagged
    /// text. For `jsonl` the string stays and a sibling field named after it with
    /// `_mentions` (`text_mentions`) is added right after it, holding the mentions as
    /// `normalize --format jsonl` lists them, with byte offsets into the decoded string.
    public mutating func process(
        _ line: UnsafeBufferPointer<UInt8>, input: String = "-", lineNumber: Int = 1, into out: inout [UInt8]
    ) throws(JSONLineError) {
        var scanner = JSONScanner(line, path: path)
        try scanner.scanDocument()
        documents += 1
        guard let target = scanner.target, !target.isNull else {
            withoutField += 1
            out += line
            return
        }
        guard target.isString else {
            throw JSONLineError(column: scanner.column(of: target.range.lowerBound),
                                message: "the field \(path.joined(separator: ".")) is \(target.kind), not a string")
        }
        let text = scanner.decodedString(at: target.range)
        var result: [UInt8] = []
        var mentions: [UInt8] = []
        text.withUnsafeBufferPointer { all in
            var start = 0
            while start <= all.count {
                let end = all[start...].firstIndex(of: 0x0A) ?? all.count
                let piece = UnsafeBufferPointer(rebasing: all[start..<end])
                if normalizer.format == .jsonl {
                    normalizer.process(piece, input: input, lineNumber: lineNumber, offset: start, into: &mentions)
                } else {
                    normalizer.process(piece, input: input, lineNumber: lineNumber, into: &result)
                    if end < all.count { result.append(0x0A) }
                }
                start = end + 1
            }
        }
        if normalizer.format == .jsonl {
            guard let key = path.last, !scanner.targetIsInArray else {
                throw JSONLineError(column: 1, message: "--format jsonl needs the field to be an object's member")
            }
            out += line[..<target.range.upperBound]
            out += Array(",".utf8)
            JSONWriter.appendString(key + "_mentions", to: &out)
            out += Array(":[".utf8)
            // The normalizer writes one JSON object per line: join them with commas.
            var first = true
            for object in mentions.split(separator: 0x0A) {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                out += object
            }
            out.append(UInt8(ascii: "]"))
            out += line[target.range.upperBound...]
        } else if result == text {
            out += line  // unchanged: keep the value's own escapes
        } else {
            out += line[..<target.range.lowerBound]
            JSONWriter.appendString(result, to: &out)
            out += line[target.range.upperBound...]
        }
    }
}

/// Why a JSON line cannot be processed: the 1-based column (in scalars) and the reason.
public struct JSONLineError: Error, Sendable, CustomStringConvertible {
    public var column: Int
    public var message: String
    public var description: String { "column \(column): \(message)" }
}

/// A strict single-pass JSON checker that notes where one value (given by a path) is.
struct JSONScanner {
    struct Target {
        var range: Range<Int>
        var kind: String
        var isString: Bool { kind == "a string" }
        var isNull: Bool { kind == "null" }
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private let path: [String]
    private var position = 0
    private(set) var target: Target?
    private(set) var targetIsInArray = false
    static let maxDepth = 512

    init(_ bytes: UnsafeBufferPointer<UInt8>, path: [String]) {
        self.bytes = bytes
        self.path = path
    }

    func column(of offset: Int) -> Int {
        var column = 1
        for index in 0..<min(offset, bytes.count) where bytes[index] & 0xC0 != 0x80 { column += 1 }
        return column
    }

    private func fail(_ message: String) -> JSONLineError {
        JSONLineError(column: column(of: position), message: message)
    }

    private mutating func skipSpace() {
        while position < bytes.count, [0x20, 0x09, 0x0D, 0x0A].contains(bytes[position]) { position += 1 }
    }

    mutating func scanDocument() throws(JSONLineError) {
        skipSpace()
        guard position < bytes.count else { throw fail("an empty line is not a JSON document") }
        try value(depth: 0, path: path[...], inArray: false)
        skipSpace()
        guard position == bytes.count else { throw fail("text after the end of the JSON value") }
    }

    private mutating func value(depth: Int, path: ArraySlice<String>?, inArray: Bool) throws(JSONLineError) {
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

    private mutating func literal(_ word: String) throws(JSONLineError) {
        for byte in word.utf8 {
            guard position < bytes.count, bytes[position] == byte else { throw fail("a JSON value was expected (\(word)?)") }
            position += 1
        }
    }

    private mutating func number() throws(JSONLineError) {
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
    private mutating func string() throws(JSONLineError) {
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

    private mutating func hex4() throws(JSONLineError) -> UInt32 {
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

extension JSONWriter {
    /// Appends UTF-8 text as a JSON string.
    static func appendString(_ utf8: [UInt8], to bytes: inout [UInt8]) {
        appendString(String(decoding: utf8, as: UTF8.self), to: &bytes)
    }
}
