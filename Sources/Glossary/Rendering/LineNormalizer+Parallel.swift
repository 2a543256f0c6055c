// Normalizing a stream's documents on several threads, with exactly the output of one
// thread (DESIGN.md, "Threads"). The stream is cut into slices, one per thread, that may
// begin and end inside documents. A slice's normalizer reads its paragraphs in order
// with a document of its own: for a document that begins inside the slice it knows
// everything, for the one that goes on from the slice before it knows only its own
// part. So a paragraph of that first document with a shared spelling that only its
// document can decide is handed back, and the normalizer that reads the whole stream
// in order finishes it. Such paragraphs are rare, finishing one costs no new scan, and
// what the slice learned passes to the reader in one piece.

extension LineNormalizer {
    /// A paragraph of a slice's first document that only the whole document can decide,
    /// with what the slice's own part of the document had introduced before it.
    package struct Deferred: Sendable {
        fileprivate var found: [ScanWorkspace.Found]
        fileprivate var senses: [ScanWorkspace.SenseRef]
        /// What the slice had established before it about the concepts of its mentions
        /// (``DocumentContext/Fact``).
        fileprivate var knownInSlice: [Int32]
        /// The concepts whose namesakes it met (rule 11).
        fileprivate var namesakes: [Int32]
        /// The function words of the slice's part of the document, up to it, and its own
        /// (`auto`).
        fileprivate var languageInSlice: LanguageCount
        fileprivate var ownLanguage: LanguageCount

        /// The mentions (and senses) it holds, and the room its buffers have for them.
        package var storage: (count: Int, capacity: Int) {
            (found.count + senses.count, found.capacity + senses.capacity)
        }
    }

    /// What a slice's normalizer learned about documents: the concepts its part of the
    /// first document introduced, and whether a document began in the slice (then its
    /// own document is the slice's last document, complete).
    package struct SliceDocuments: Sendable {
        var continued = DocumentContext()
        var began = false

        /// Nothing learned yet.
        package init() {}
    }

    /// Starts a slice: its first paragraphs go on with a document begun before it.
    package mutating func beginSlice() {
        document.reset()
        slice = SliceDocuments()
    }

    /// Processes the next paragraph of the slice (see the file's comment). Writes it
    /// and returns nil, or, for a paragraph of the first document that only the whole
    /// document can decide, writes nothing and returns it for
    /// ``finish(_:line:input:lineNumber:offset:into:)``.
    package mutating func processInSlice(
        _ line: UnsafeBufferPointer<UInt8>, startsDocument: Bool, input: String, lineNumber: Int, offset: Int,
        into out: inout [UInt8]
    ) -> Deferred? {
        if startsDocument {
            if !slice.began { slice.continued = document }
            slice.began = true
            document.reset()
        }
        // Before the slice's first document start, the document began in another slice.
        workspace.evidenceMatters = !slice.began || document.hasNamesakes
        scan(line)
        document.languageCount.add(workspace.languageCount)
        if !slice.began && (workspace.dependsOnDocument || needsDocumentLanguage) {
            var known: [Int32] = []
            for found in workspace.found where found.undecided || found.bare {
                for sense in workspace.senses[found.senses] {
                    for fact in [DocumentContext.Fact.introduced(sense.concept), DocumentContext.Fact.namesake(sense.concept)]
                    where document.holds(fact) {
                        known.append(fact)
                    }
                }
            }
            // Copies of their own size: sharing the workspace's buffers would make its next
            // scan allocate new ones as large as the largest paragraph's, per deferred one.
            return Deferred(found: Self.copy(workspace.found), senses: Self.copy(workspace.senses), knownInSlice: known,
                            namesakes: workspace.namesakes, languageInSlice: document.languageCount,
                            ownLanguage: workspace.languageCount)
        }
        chooseLanguage(document: document.languageCount)
        matcher.resolve(&workspace, document: document)
        document.insert(facts: workspace.established)
        render(line, input: input, lineNumber: lineNumber, offset: offset, into: &out)
        return nil
    }

    /// A copy of `elements` in a buffer of its own, no larger than it needs.
    private static func copy<Element>(_ elements: [Element]) -> [Element] {
        var copy: [Element] = []
        copy.reserveCapacity(elements.count)
        copy.append(contentsOf: elements)
        return copy
    }

    /// Ends a slice and gives what it learned about documents: for the reader, through
    /// ``takeIn(_:from:)``, after the slice's deferred paragraphs.
    package mutating func endSlice() -> SliceDocuments {
        if !slice.began { slice.continued = document }
        return slice
    }

    /// The slice's last document, when a document began in the slice.
    package var sliceDocument: DocumentContext { document }

    /// Finishes a deferred paragraph, in stream order: this normalizer's document holds
    /// what came before the slice and the slice's deferred paragraphs before this one.
    package mutating func finish(
        _ deferred: Deferred, line: UnsafeBufferPointer<UInt8>, input: String, lineNumber: Int, offset: Int,
        into out: inout [UInt8]
    ) {
        workspace.found = deferred.found
        workspace.senses = deferred.senses
        workspace.namesakes = deferred.namesakes
        workspace.languageCount = deferred.ownLanguage
        var language = document.languageCount
        language.add(deferred.languageInSlice)
        chooseLanguage(document: language)
        matcher.resolve(&workspace, document: document, alsoKnown: deferred.knownInSlice)
        document.insert(facts: workspace.established)
        render(line, input: input, lineNumber: lineNumber, offset: offset, into: &out)
    }

    /// Takes in what a slice learned, once its deferred paragraphs are finished: its part
    /// of the current document, then, if a document began in it, that slice's last
    /// document, which the next slice continues.
    package mutating func takeIn(_ learned: SliceDocuments, lastDocument: DocumentContext) {
        document.formUnion(learned.continued)
        if learned.began {
            document.reset()
            document.formUnion(lastDocument)
        }
    }
}
