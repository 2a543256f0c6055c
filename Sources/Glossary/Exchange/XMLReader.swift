/// A small, strict XML reader for the termbase formats Glossary imports (TBX v3 and
/// v2). It checks well-formedness (one root, matching tags, quoted and unique
/// attributes, known entities, legal characters) and builds a tree of elements whose
/// every node knows its line and column, so that an import can say where a file is
/// wrong. A DOCTYPE is skipped (its entities are not expanded); comments and
/// processing instructions are dropped; CDATA becomes text.
struct XMLReader {
    private let bytes: [UInt8]
    /// The file's name, for locations.
    private let source: String
    private var position = 0
    private var line = 1
    private var lineStart = 0

    init(_ bytes: [UInt8], source: String) {
        self.bytes = bytes
        self.source = source
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3; lineStart = 3 }
    }

    /// Parses a whole document and returns its root element.
    static func parse(_ bytes: [UInt8], source: String) throws(XMLError) -> XMLElement {
        var reader = XMLReader(bytes, source: source)
        return try reader.document()
    }

    private var column: Int {
        // Columns count scalars, not bytes.
        bytes[lineStart..<position].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
    }

    /// Where the reader is.
    private var here: SourceLocation { SourceLocation(file: source, line: line, column: column) }

    private func fail(_ message: String) -> XMLError { XMLError(location: here, message: message) }

    private var atEnd: Bool { position >= bytes.count }

    private func peek(_ text: String) -> Bool {
        let utf8 = Array(text.utf8)
        return position + utf8.count <= bytes.count && bytes[position..<(position + utf8.count)].elementsEqual(utf8)
    }

    private mutating func advance(_ count: Int = 1) {
        for _ in 0..<count where position < bytes.count {
            if bytes[position] == 0x0A {
                line += 1
                lineStart = position + 1
            }
            position += 1
        }
    }

    private mutating func skipSpace() {
        while !atEnd, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { advance() }
    }

    /// Skips up to and past `end`, or fails with `message`.
    private mutating func skip(past end: String, _ message: String) throws(XMLError) {
        while !atEnd && !peek(end) { advance() }
        guard !atEnd else { throw fail(message) }
        advance(end.utf8.count)
    }

    private mutating func document() throws(XMLError) -> XMLElement {
        if let error = firstInvalidUTF8() { throw error }
        var root: XMLElement?
        while true {
            skipSpace()
            if atEnd { break }
            if peek("<?") {
                try skip(past: "?>", "a processing instruction is not closed")
            } else if peek("<!--") {
                try skip(past: "-->", "a comment is not closed")
            } else if peek("<!DOCTYPE") {
                try skipDoctype()
            } else if peek("<") {
                guard root == nil else { throw fail("a second root element; a document has one") }
                root = try element()
            } else {
                throw fail("text outside the root element")
            }
        }
        guard let root else { throw fail("no root element") }
        return root
    }

    /// Where the bytes stop being UTF-8, if they do.
    private func firstInvalidUTF8() -> XMLError? {
        var line = 1, column = 1, index = 0
        return bytes.withUnsafeBufferPointer { buffer in
            while index < buffer.count {
                if buffer[index] < 0x80 {
                    if buffer[index] == 0x0A { line += 1; column = 1 } else { column += 1 }
                    index += 1
                } else if let (_, length) = decodeScalar(buffer, at: index) {
                    column += 1
                    index += length
                } else {
                    return XMLError(location: SourceLocation(file: source, line: line, column: column),
                                    message: "this is not UTF-8 (byte 0x\(String(buffer[index], radix: 16, uppercase: true)))")
                }
            }
            return nil
        }
    }

    private mutating func skipDoctype() throws(XMLError) {
        var depth = 0
        while !atEnd {
            let byte = bytes[position]
            if byte == UInt8(ascii: "[") { depth += 1 }
            if byte == UInt8(ascii: "]") { depth -= 1 }
            advance()
            if byte == UInt8(ascii: ">") && depth == 0 { return }
        }
        throw fail("the DOCTYPE is not closed")
    }

    private mutating func name() throws(XMLError) -> String {
        let start = position
        while !atEnd {
            let byte = bytes[position]
            if byte >= 0x80 || isASCIIAlnum(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":")
                || (position > start && (byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")))
            {
                advance()
            } else {
                break
            }
        }
        guard position > start else { throw fail("a name was expected here") }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    private mutating func element() throws(XMLError) -> XMLElement {
        let start = here
        advance()  // <
        let elementName = try name()
        var attributes: [(name: String, value: String)] = []
        while true {
            let hadSpace = !atEnd && [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position])
            skipSpace()
            guard !atEnd else { throw fail("the tag <\(elementName)> is not closed") }
            if peek("/>") {
                advance(2)
                return XMLElement(name: elementName, attributes: attributes, children: [], location: start)
            }
            if peek(">") {
                advance()
                break
            }
            guard hadSpace else { throw fail("a space is needed before an attribute") }
            let attributeName = try name()
            skipSpace()
            guard peek("=") else { throw fail("the attribute \(attributeName) has no value") }
            advance()
            skipSpace()
            guard !atEnd, bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'") else {
                throw fail("the value of \(attributeName) must be in quotes")
            }
            let quote = bytes[position]
            advance()
            var value = ""
            while !atEnd && bytes[position] != quote {
                if bytes[position] == UInt8(ascii: "<") { throw fail("< is not allowed in an attribute value") }
                if bytes[position] == UInt8(ascii: "&") {
                    value += try reference()
                } else {
                    let start = position
                    while !atEnd && bytes[position] != quote && bytes[position] != UInt8(ascii: "&") && bytes[position] != UInt8(ascii: "<") {
                        advance()
                    }
                    value += String(decoding: bytes[start..<position], as: UTF8.self)
                }
            }
            guard !atEnd else { throw fail("the value of \(attributeName) is not closed") }
            advance()
            if attributes.contains(where: { $0.name == attributeName }) { throw fail("the attribute \(attributeName) is given twice") }
            attributes.append((attributeName, value))
        }
        var children: [XMLNode] = []
        var text = ""
        func flushText() {
            if !text.isEmpty { children.append(.text(text)) }
            text = ""
        }
        while true {
            guard !atEnd else {
                throw XMLError(location: start, message: "the element <\(elementName)> is never closed")
            }
            if peek("</") {
                advance(2)
                let closing = try name()
                skipSpace()
                guard peek(">") else { throw fail("the closing tag </\(closing)> is not closed") }
                guard closing == elementName else {
                    throw fail("</\(closing)> closes <\(elementName)> (opened at line \(start.line))")
                }
                advance()
                flushText()
                return XMLElement(name: elementName, attributes: attributes, children: children, location: start)
            } else if peek("<!--") {
                try skip(past: "-->", "a comment is not closed")
            } else if peek("<![CDATA[") {
                advance(9)
                let start = position
                while !atEnd && !peek("]]>") { advance() }
                guard !atEnd else { throw fail("a CDATA section is not closed") }
                text += String(decoding: bytes[start..<position], as: UTF8.self)
                advance(3)
            } else if peek("<?") {
                try skip(past: "?>", "a processing instruction is not closed")
            } else if peek("<") {
                flushText()
                children.append(.element(try element()))
            } else if bytes[position] == UInt8(ascii: "&") {
                text += try reference()
            } else {
                let start = position
                while !atEnd && bytes[position] != UInt8(ascii: "<") && bytes[position] != UInt8(ascii: "&") {
                    let byte = bytes[position]
                    if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D {
                        throw fail("the control character U+\(hex(UInt32(byte))) is not allowed in XML")
                    }
                    advance()
                }
                text += String(decoding: bytes[start..<position], as: UTF8.self)
            }
        }
    }

    /// An entity or character reference, at `&`.
    private mutating func reference() throws(XMLError) -> String {
        let start = position
        while !atEnd && bytes[position] != UInt8(ascii: ";") && position - start < 12 { advance() }
        guard !atEnd, bytes[position] == UInt8(ascii: ";") else { throw fail("& must start a reference such as &amp;") }
        let body = String(decoding: bytes[(start + 1)..<position], as: UTF8.self)
        advance()
        switch body {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default:
            var digits = Substring(body)
            var radix = 10
            guard digits.hasPrefix("#") else { throw fail("the entity &\(body); is not defined") }
            digits = digits.dropFirst()
            if digits.hasPrefix("x") {
                radix = 16
                digits = digits.dropFirst()
            }
            guard let value = UInt32(digits, radix: radix), let scalar = Unicode.Scalar(value),
                value == 0x9 || value == 0xA || value == 0xD || value >= 0x20
            else { throw fail("&\(body); is not a character XML allows") }
            return String(Character(scalar))
        }
    }
}
