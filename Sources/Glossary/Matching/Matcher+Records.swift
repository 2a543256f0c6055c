// Mentions as plain numbers, for the C ABI (Sources/GlossaryC) and the bindings built
// on it: the same mentions as `mentions(inParagraph:…)`, with no string made per mention.

/// One mention as numbers: its byte range, how it was resolved, and its senses as a range
/// of the sense list that goes with it.
package struct MentionRecord: Sendable {
    package var start: Int
    package var end: Int
    package var resolution: Resolution
    package var mixedScript: Bool
    /// Its senses in the list filled beside the records.
    package var senses: Range<Int>
}

/// One sense of a mention as numbers: the concept's index (``Matcher/conceptID(at:)``)
/// and the row's index in ``TermTable/rows``.
package struct SenseRecord: Sendable {
    package var concept: Int32
    package var row: Int32
}

extension Matcher {
    /// Appends the mentions of one paragraph of a document to `records` and their senses
    /// to `senses`, as ``mentions(inParagraph:offset:workspace:document:)`` finds them.
    package func records(
        inParagraph line: UnsafeBufferPointer<UInt8>, offset: Int, workspace: inout ScanWorkspace,
        document: inout DocumentContext, into records: inout [MentionRecord], senses: inout [SenseRecord]
    ) {
        workspace.evidenceMatters = document.hasNamesakes
        scan(line, &workspace)
        resolve(&workspace, document: document)
        document.insert(facts: workspace.established)
        for found in workspace.found {
            let first = senses.count
            for ref in workspace.senses[found.senses] {
                senses.append(SenseRecord(concept: ref.concept, row: Int32(entries[Int(ref.entry)].row)))
            }
            records.append(MentionRecord(start: offset + found.start, end: offset + found.end, resolution: found.resolution,
                                         mixedScript: found.mixedScript, senses: first..<senses.count))
        }
    }

    /// The records of a text read as one document, paragraph by paragraph (a paragraph is
    /// a line), as ``mentions(inUTF8:)-(UnsafeBufferPointer<UInt8>)`` finds them.
    package func records(inUTF8 bytes: UnsafeBufferPointer<UInt8>, document: inout DocumentContext,
                         into records: inout [MentionRecord], senses: inout [SenseRecord]) {
        withWorkspace { workspace in
            forEachLine(bytes) { line, start in
                self.records(inParagraph: line, offset: start, workspace: &workspace, document: &document, into: &records, senses: &senses)
            }
        }
    }

    /// How many concepts the matcher knows; their indexes run from 0.
    package var conceptCount: Int { concepts.count }

    /// The id of the concept at an index of a ``SenseRecord``.
    package func conceptID(at index: Int) -> String { concepts[index].id }

    /// The kind of the concept at an index, if the table gives one.
    package func conceptKind(at index: Int) -> ConceptKind? { concepts[index].kind }

    /// The index of a concept id, or nil.
    package func conceptIndex(of id: String) -> Int? { conceptIndex[id].map(Int.init) }
}
