@testable import Glossary

/// The checks the fuzzers run on every input, shared with the regression tests that
/// replay the inputs the fuzzers ever found (`Fuzz/regressions/`). Each returns nil
/// when the input passes, or what went wrong.
///
/// This file is compiled twice: into the test target, and by `Fuzz/build.sh` into the
/// fuzzers together with the library's sources (the import lines are dropped there).
enum FuzzOracles {
    /// The fuzz targets, each named after the parser it reads the input with.
    static let targets = ["matcher", "table", "json", "untag", "compiled"]

    /// The one entry point of the fuzzers and of the regression test that replays their
    /// kept inputs: nil when `bytes` passes the oracle of `target`, else what went wrong.
    static func check(_ target: String, _ bytes: [UInt8]) -> String? {
        switch target {
        case "table": table(bytes)
        case "json": json(bytes)
        case "untag": untag(bytes)
        case "compiled": compiled(bytes)
        default: matcher(bytes)
        }
    }

    /// The longest line the slow reference matcher is asked about.
    static let referenceLimit = 600

    /// Matcher and normalizer: on every line, and on the lines read as one document, the
    /// fast and the reference matcher agree; text output is the input with mentions
    /// replaced and nothing else changed; normalizing twice changes nothing; `tag` is
    /// reversible; `jsonl` offsets slice the input to the surface.
    static func matcher(_ bytes: [UInt8]) -> String? {
        var workspace = ScanWorkspace()
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).prefix(64).map { Array($0) }
        if lines.allSatisfy({ $0.count <= referenceLimit }) {
            var document = DocumentContext()
            let actual = lines.map { fixture.referenceResults(inLine: $0, workspace: &workspace, document: &document) }
            if actual != referenceMatcher.mentions(inDocument: lines) {
                return "the matcher and the reference disagree on the lines as one document"
            }
        }
        for line in lines {
            let line = Array(line)
            let mentions = fixture.mentions(inUTF8: line)
            if line.count <= referenceLimit {
                let actual = fixture.referenceResults(inLine: line, workspace: &workspace)
                if actual != referenceMatcher.mentions(inLine: line) {
                    return "the matcher and the reference disagree on \(line)"
                }
            }
            var expected: [UInt8] = []
            var done = 0
            for mention in mentions {
                guard mention.range.lowerBound >= done, mention.range.upperBound <= line.count else {
                    return "mention ranges overlap or leave the line: \(mentions.map(\.range)) in \(line.count) bytes"
                }
                if String(decoding: line[mention.range], as: UTF8.self) != mention.surface {
                    return "a mention's range does not slice its surface"
                }
                expected += line[done..<mention.range.lowerBound]
                let replacement = fixture.replacement(for: mention, language: "en").map { Array($0.utf8) }
                let joins = replacement.map { new in line.withUnsafeBufferPointer { Matcher.replacementWouldJoin($0, mention.range, new) } } ?? false
                expected += joins ? Array(line[mention.range]) : replacement ?? Array(line[mention.range])
                done = mention.range.upperBound
            }
            expected += line[done...]
            let once = fixture.render(line, format: .text, language: "en")
            if once != expected { return "text output is not the input with its mentions replaced: \(line)" }
            if fixture.render(once, format: .text, language: "en") != once { return "normalizing twice changes the text: \(line)" }
        }
        if (try? Tagging.untag(fixture.render(bytes, format: .tag, language: "en"))) != bytes { return "untag(tag(x)) != x" }
        return nil
    }

    /// Table loader: it never crashes, and loads all or nothing. A table that loads
    /// loads the same again in canonical form; one that does not says where.
    static func table(_ bytes: [UInt8]) -> String? {
        if let failure = layers(bytes) { return failure }
        let lineCount = bytes.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
        let table: TermTable
        do {
            table = try TermTable(utf8: bytes, source: "fuzz.tsv")
        } catch {
            if error.diagnostics.isEmpty { return "a table was refused without a diagnostic" }
            if let bad = error.diagnostics.first(where: { $0.location.line < 0 || $0.location.line > lineCount || $0.location.column < 0 }) {
                return "a diagnostic outside the file: \(bad)"
            }
            return nil
        }
        do {
            _ = try Matcher(table: table)
        } catch {
            return error.diagnostics.isEmpty ? "a table was refused without a diagnostic" : nil
        }
        let formatted = TableDocument(parsing: String(decoding: bytes, as: UTF8.self)).formatted().text
        guard let again = try? TermTable(parsing: formatted) else { return "the formatted table does not load" }
        // Formatting trims spaces around fields (glossary check warns about them); nothing else.
        func rows(_ table: TermTable) -> [String] {
            table.rows.map {
                [$0.conceptID, $0.language, $0.term.trimmingSpaces(), $0.form.rawValue, String(describing: $0.status),
                 $0.sharing.rawValue, $0.note.trimmingSpaces()].joined(separator: "|")
            }.sorted()
        }
        if rows(again) != rows(table) { return "formatting changed the rows" }
        _ = TableCheck.check(utf8: bytes, source: "fuzz.tsv")
        return nil
    }

    /// Layers (Data/README.md, "Layers"): the input split at its form feeds, or else at
    /// its middle line, is either refused with every diagnostic inside the layer it names,
    /// or merged into rows that keep the merge's invariants: each from a line of its own
    /// layer, one row per concept, language and term, one kind per concept, one preferred
    /// term per concept, language and form.
    static func layers(_ bytes: [UInt8]) -> String? {
        var parts = bytes.split(separator: 0x0C, omittingEmptySubsequences: false).map(Array.init)
        if parts.count == 1 {
            let newlines = bytes.indices.filter { bytes[$0] == 0x0A }
            guard let middle = newlines.dropFirst(newlines.count / 2).first else { return nil }
            parts = [Array(bytes[...middle]), Array(bytes[(middle + 1)...])]
        }
        let layers = parts.enumerated().map { TableLayer(utf8: $1, source: "layer\($0).tsv") }
        func lineCount(_ layer: Int) -> Int { parts[layer].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) } }
        let table: TermTable
        do {
            table = try TermTable(layers: layers)
        } catch {
            if error.diagnostics.isEmpty { return "layers were refused without a diagnostic" }
            for diagnostic in error.diagnostics {
                guard let layer = layers.firstIndex(where: { $0.source == diagnostic.location.file }) else { return "a diagnostic in no layer: \(diagnostic)" }
                if diagnostic.location.line < 1 || diagnostic.location.line > lineCount(layer) { return "a diagnostic outside its layer: \(diagnostic)" }
            }
            return nil
        }
        var identities = Set<String>(), kinds = Set<String>(), preferred = Set<String>()
        for row in table.rows {
            guard row.layer < layers.count, row.line >= 1, row.line <= lineCount(row.layer) else { return "a merged row from nowhere: \(row)" }
            if row.isRemoval { return "a removal among the merged rows: \(row)" }
            if row.form == .kind {
                if !kinds.insert(row.conceptID).inserted { return "two kinds for \(row.conceptID)" }
            } else if !identities.insert("\(row.conceptID)\t\(row.language)\t\(row.term)").inserted {
                return "two merged rows for \(row.conceptID) \(row.language) \(row.term)"
            }
            if row.status == .preferred && !preferred.insert("\(row.conceptID)\t\(row.language)\t\(row.form)").inserted {
                return "two preferred \(row.form) terms for \(row.conceptID) in \(row.language)"
            }
        }
        do {
            _ = try Matcher(table: table)
        } catch {
            if error.diagnostics.isEmpty { return "merged layers were refused without a diagnostic" }
            if let bad = error.diagnostics.first(where: { d in !layers.contains { $0.source == d.location.file } }) { return "a diagnostic in no layer: \(bad)" }
        }
        _ = TableCheck.check(layers: layers, refinements: true)
        return nil
    }

    /// JSON lines: a line is either refused with a column inside it, or processed so that
    /// the output is JSON again, and processing the output changes nothing more.
    static func json(_ bytes: [UInt8]) -> String? {
        let line = Array(bytes.prefix { $0 != 0x0A })
        var normalizer = JSONFieldNormalizer(matcher: fixture, format: .text, language: "en", path: ["text"])
        func process(_ input: [UInt8], into out: inout [UInt8]) -> InputError? {
            input.withUnsafeBufferPointer { buffer in
                do throws(InputError) {
                    try normalizer.process(buffer, into: &out)
                    return nil
                } catch {
                    return error
                }
            }
        }
        var out: [UInt8] = []
        if let error = process(line, into: &out) {
            let columns = String(decoding: line, as: UTF8.self).unicodeScalars.count + 1
            let column = error.location.column
            return column >= 1 && column <= columns + 1 ? nil : "an error column outside the line: \(error)"
        }
        var again: [UInt8] = []
        if let error = process(out, into: &again) { return "the output is not a valid JSON line: \(error)" }
        return again == out ? nil : "processing the output changed it again"
    }
}

extension FuzzOracles {
    /// Tag markup, read as tagged text: untagging either succeeds or stops at a place
    /// inside the input; fed in pieces split anywhere, it does exactly the same; and
    /// the input, tagged, untags back to itself.
    static func untag(_ bytes: [UInt8]) -> String? {
        let whole: Result<[UInt8], InputError> = Result { () throws(InputError) in try Tagging.untag(bytes) }
        if case .failure(let error) = whole {
            let lines = bytes.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            guard error.location.line >= 1, error.location.line <= lines, error.location.column >= 1 else {
                return "an error outside the input: \(error)"
            }
        }
        // The same text in pieces, cut at places taken from its own bytes.
        var untagger = Untagger()
        var out: [UInt8] = []
        var pieces: Result<[UInt8], InputError>
        do throws(InputError) {
            var start = 0
            var cut = 1
            while start < bytes.count {
                let end = min(bytes.count, start + cut)
                try bytes[start..<end].withUnsafeBufferPointer { piece throws(InputError) in try untagger.feed(piece, into: &out) }
                cut = Int(bytes[start] % 7) + 1
                start = end
            }
            try untagger.finish(into: &out)
            pieces = .success(out)
        } catch {
            pieces = .failure(error)
        }
        switch (whole, pieces) {
        case (.success(let a), .success(let b)) where a == b: break
        case (.failure(let a), .failure(let b)) where a == b: break
        default: return "untagging in pieces differs from untagging whole: \(whole) vs \(pieces)"
        }
        if (try? Tagging.untag(fixture.render(bytes, format: .tag, language: "en"))) != bytes { return "untag(tag(x)) != x" }
        return nil
    }
}

/// The reference matcher over the fixture, made once.
let referenceMatcher = ReferenceMatcher(table: fixture.table, keyMaker: fixture.keyMaker)

extension FuzzOracles {
    /// The compiled form of the fixture table, and the fingerprint of its one layer.
    static let compiledFixture: [UInt8] = {
        let layers = [TableLayer(parsing: fixtureTSV, source: "fixture.tsv")]
        return CompiledTable.encode(fixture, layers: layers, variants: .shipped)
    }()

    /// Sets a compiled file's hash to match its bytes, as a forger would.
    static func rehash(_ file: inout [UInt8]) {
        guard file.count >= CompiledTable.headerSize else { return }
        let hash = file.withUnsafeBytes { ContentHash.of(UnsafeRawBufferPointer(rebasing: $0[CompiledTable.headerSize...])) }
        withUnsafeBytes(of: hash.littleEndian) { file.replaceSubrange(16..<24, with: $0) }
    }

    /// Compiled-table reader: the input edits the fixture's compiled file (each 4 bytes:
    /// a 24-bit position and a byte to put there; a first byte with its low bit set cuts
    /// the file at the first position instead, and one with bit 1 set keeps the old
    /// hash). The result is refused, or read: then matching, rendering and the rows never
    /// leave the file, and an unchanged file finds what the fixture finds.
    static func compiled(_ bytes: [UInt8]) -> String? {
        var file = compiledFixture
        let mode = bytes.first ?? 0
        var edits = bytes.dropFirst()
        while edits.count >= 4 {
            let e = Array(edits.prefix(4))
            edits = edits.dropFirst(4)
            let position = (Int(e[0]) << 16 | Int(e[1]) << 8 | Int(e[2])) % max(file.count, 1)
            if mode & 1 != 0 {
                file = Array(file.prefix(position))
                break
            }
            if position < file.count { file[position] = e[3] }
        }
        if mode & 2 == 0 { rehash(&file) }
        return compiled(forged: file)
    }

    /// Reads a compiled file of the fixture's layer: refused, or used on sample text.
    static func compiled(forged file: [UInt8]) -> String? {
        let layers = [TableLayer(parsing: fixtureTSV, source: "fixture.tsv")]
        let matcher: Matcher
        do {
            matcher = try CompiledTable.matcher(MappedBytes(copying: file), fingerprint: CompiledTable.fingerprint(of: layers))
        } catch {
            return file == compiledFixture ? "the fixture's own compiled form was refused: \(error)" : nil
        }
        let text = Array("Sergei Shoigu dan Wang Yi di Moskow; Шойгу, 王毅, PBB, pajak PBB, Tiongkok dan Rusianya.\nSHOIGU BERTEMU WANG YI".utf8)
        let mentions = matcher.mentions(inUTF8: text)
        for format in [OutputFormat.text, .tag, .jsonl] { _ = matcher.render(text, format: format, language: "en") }
        _ = matcher.table.rows.count
        if file == compiledFixture && mentions != fixture.mentions(inUTF8: text) { return "the fixture's compiled form finds other mentions" }
        return nil
    }
}
