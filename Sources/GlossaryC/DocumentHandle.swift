import Glossary

/// A `glossary_document`: a document read in parts. It holds what the earlier parts
/// established (``DocumentContext``) and a workspace; one thread at a time.
final class DocumentHandle: Handle {
    let matcher: MatcherHandle
    var context = DocumentContext()
    var workspace = ScanWorkspace()

    init(_ matcher: MatcherHandle) {
        self.matcher = matcher
    }
}

@_cdecl("glossary_document_new")
public func glossary_document_new(_ matcher: OpaquePointer?) -> OpaquePointer? {
    MatcherHandle.borrow(matcher).map { DocumentHandle($0).retainedPointer() }
}

@_cdecl("glossary_document_find")
public func glossary_document_find(
    _ document: OpaquePointer?, _ text: UnsafePointer<UInt8>?, _ length: Int, _ errorOut: UnsafeMutablePointer<OpaquePointer?>?
) -> OpaquePointer? {
    guard let handle = DocumentHandle.borrow(document) else { return fail(ErrorHandle(argument: "document is NULL"), errorOut) }
    guard let bytes = buffer(text, length) else { return fail(ErrorHandle(argument: "text is NULL"), errorOut) }
    var records: [MentionRecord] = [], senses: [SenseRecord] = []
    // Paragraph by paragraph (a paragraph is a line), as the whole-text call reads.
    forEachLine(bytes) { line, start in
        handle.matcher.matcher.records(inParagraph: line, offset: start, workspace: &handle.workspace, document: &handle.context,
                                       into: &records, senses: &senses)
    }
    return MentionsHandle(records, senses).retainedPointer()
}

@_cdecl("glossary_document_reset")
public func glossary_document_reset(_ document: OpaquePointer?) {
    DocumentHandle.borrow(document)?.context.reset()
}

@_cdecl("glossary_document_free")
public func glossary_document_free(_ document: OpaquePointer?) {
    DocumentHandle.release(document)
}
