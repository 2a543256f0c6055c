// Finding mentions: the public calls, for a paragraph of a document, a paragraph on its
// own, a text, or UTF-8 bytes.

extension Matcher {
    /// Finds the mentions in one paragraph (a line, without its line end) of a document
    /// read paragraph by paragraph: what the earlier paragraphs introduced, `document`
    /// holds, and the paragraph's mentions are added to it (rule 9).
    ///
    /// - Parameters:
    ///   - line: the paragraph's UTF-8 bytes; ill-formed bytes are allowed and never match.
    ///   - offset: added to every range, for callers that pass a slice of a larger text.
    ///   - workspace: buffers to reuse between calls on one thread.
    ///   - document: the document's state; ``DocumentContext/reset()`` it where a
    ///     document ends.
    public func mentions(
        inParagraph line: UnsafeBufferPointer<UInt8>, offset: Int = 0, workspace: inout ScanWorkspace,
        document: inout DocumentContext
    ) -> [Mention] {
        workspace.evidenceMatters = document.hasNamesakes
        scan(line, &workspace)
        resolve(&workspace, document: document)
        document.insert(facts: workspace.established)
        return workspace.found.map { mention($0, in: line, offset: offset, workspace) }
    }

    /// Finds the mentions in one paragraph that is a document of its own.
    ///
    /// - Parameters:
    ///   - line: the paragraph's UTF-8 bytes; ill-formed bytes are allowed and never match.
    ///   - offset: added to every range, for callers that pass a slice of a larger text.
    ///   - workspace: buffers to reuse between calls on one thread.
    public func mentions(inParagraph line: UnsafeBufferPointer<UInt8>, offset: Int = 0, workspace: inout ScanWorkspace) -> [Mention] {
        var document = DocumentContext()
        return mentions(inParagraph: line, offset: offset, workspace: &workspace, document: &document)
    }

    /// The public form of an internal mention.
    func mention(_ found: ScanWorkspace.Found, in line: UnsafeBufferPointer<UInt8>, offset: Int, _ workspace: ScanWorkspace) -> Mention {
        Mention(
            range: (offset + found.start)..<(offset + found.end),
            surface: String(decoding: UnsafeBufferPointer(rebasing: line[found.start..<found.end]), as: UTF8.self),
            senses: workspace.senses[found.senses].map { sense(of: $0) },
            resolution: found.resolution, isMixedScript: found.mixedScript)
    }

    func sense(of ref: ScanWorkspace.SenseRef) -> Sense {
        let concept = concepts[Int(ref.concept)]
        return Sense(conceptID: concept.id, term: table.rows[entries[Int(ref.entry)].row], kind: concept.kind)
    }

    /// The mentions in a text, one document read paragraph by paragraph (a paragraph is
    /// a line). Ranges are UTF-8 byte offsets into `text`.
    public func mentions(in text: String) -> [Mention] {
        var text = text
        return text.withUTF8 { mentions(inUTF8: $0) }
    }

    /// The mentions in UTF-8 text, one document read paragraph by paragraph (a paragraph
    /// is a line). Ranges are byte offsets into `bytes`; bytes that are not UTF-8 never
    /// match.
    public func mentions(inUTF8 bytes: [UInt8]) -> [Mention] {
        bytes.withUnsafeBufferPointer { mentions(inUTF8: $0) }
    }

    /// The mentions in UTF-8 text, one document read paragraph by paragraph (a paragraph
    /// is a line). Ranges are byte offsets into `bytes`.
    public func mentions(inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [Mention] {
        withWorkspace { workspace in
            var result: [Mention] = []
            var document = DocumentContext()
            forEachLine(bytes) { line, start in
                result += mentions(inParagraph: line, offset: start, workspace: &workspace, document: &document)
            }
            return result
        }
    }
}
