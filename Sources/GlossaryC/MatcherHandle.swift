import Glibc
import Glossary

/// A `glossary_matcher`: a compiled table, immutable and shared by threads, and the C
/// strings it has handed out (made on first request, freed with the matcher).
final class MatcherHandle: Handle, @unchecked Sendable {
    // @unchecked: the matcher is immutable and Sendable; `strings` is behind its lock.
    let matcher: Matcher
    private let strings = Lock<[String: UnsafeMutablePointer<CChar>]>([:])

    init(_ matcher: Matcher) {
        self.matcher = matcher
    }

    deinit {
        strings.withLock { $0.values.forEach { free($0) } }
    }

    /// A C string that lives as long as the matcher: one copy per distinct text.
    func string(_ text: String) -> UnsafePointer<CChar> {
        let made: UnsafeMutablePointer<CChar> = strings.withLock { cache in
            if let made = cache[text] { return made }
            let made = cString(text)
            cache[text] = made
            return made
        }
        return UnsafePointer(made)
    }
}

/// The kinds of a `kinds` argument (nil for the default, "all", or a comma-separated
/// list), or the error that names the unknown one.
private func kinds(_ text: UnsafePointer<CChar>?) -> (kinds: Set<ConceptKind>, error: ErrorHandle?) {
    guard let text else { return (ConceptKind.mentionedByDefault, nil) }
    let value = String(cString: text)
    if value == "all" { return (Set(ConceptKind.allCases), nil) }
    var kinds = Set<ConceptKind>()
    for name in value.split(separator: ",", omittingEmptySubsequences: false) {
        guard let kind = ConceptKind(rawValue: String(name)) else {
            return ([], ErrorHandle(argument: "unknown kind “\(name)”; the kinds are all, \(ConceptKind.allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        kinds.insert(kind)
    }
    return (kinds, nil)
}

/// Opens a matcher over layers, the shipped ones first when asked; the key cache is the
/// shipped one then, so that the shipped words need no ICU.
private func open(_ layers: [TableLayer], shipped: Bool, kinds text: UnsafePointer<CChar>?, variants: UnsafePointer<CChar>?,
                  _ errorOut: UnsafeMutablePointer<OpaquePointer?>?) -> OpaquePointer? {
    let (chosen, problem) = kinds(text)
    if let problem { return fail(problem, errorOut) }
    do throws(TableError) {
        let rules = try variants.map { path throws(TableError) in try VariantRules(contentsOfFile: String(cString: path)) } ?? .shipped
        // The shipped data alone: its compiled form built into the library, when it fits.
        if shipped && layers.isEmpty, let compiled = CompiledTable.shippedMatcher(variants: rules, kinds: chosen) {
            return MatcherHandle(compiled).retainedPointer()
        }
        let table = try TermTable(layers: (shipped ? TableLayer.shipped : []) + layers)
        // The shipped key cache is made for the shipped rules; other rules ignore it.
        let matcher = try Matcher(table: table, variants: rules, keyCache: shipped ? KeyCache.shipped : nil, kinds: chosen)
        return MatcherHandle(matcher).retainedPointer()
    } catch {
        return fail(ErrorHandle(error), errorOut)
    }
}

@_cdecl("glossary_matcher_open")
public func glossary_matcher_open(
    _ paths: UnsafePointer<UnsafePointer<CChar>?>?, _ count: Int, _ shipped: Int32,
    _ kinds: UnsafePointer<CChar>?, _ variants: UnsafePointer<CChar>?, _ errorOut: UnsafeMutablePointer<OpaquePointer?>?
) -> OpaquePointer? {
    guard count == 0 || paths != nil else { return fail(ErrorHandle(argument: "paths is NULL"), errorOut) }
    var layers: [TableLayer] = []
    for index in 0..<count {
        guard let path = paths![index] else { return fail(ErrorHandle(argument: "path \(index) is NULL"), errorOut) }
        do throws(TableError) {
            layers.append(try TableLayer(contentsOfFile: String(cString: path)))
        } catch {
            return fail(ErrorHandle(error), errorOut)
        }
    }
    return open(layers, shipped: shipped != 0, kinds: kinds, variants: variants, errorOut)
}

@_cdecl("glossary_matcher_open_texts")
public func glossary_matcher_open_texts(
    _ texts: UnsafePointer<UnsafePointer<CChar>?>?, _ lengths: UnsafePointer<Int>?,
    _ names: UnsafePointer<UnsafePointer<CChar>?>?, _ count: Int, _ shipped: Int32,
    _ kinds: UnsafePointer<CChar>?, _ variants: UnsafePointer<CChar>?, _ errorOut: UnsafeMutablePointer<OpaquePointer?>?
) -> OpaquePointer? {
    guard count == 0 || (texts != nil && lengths != nil) else { return fail(ErrorHandle(argument: "texts or lengths is NULL"), errorOut) }
    var layers: [TableLayer] = []
    for index in 0..<count {
        guard let bytes = buffer(UnsafeRawPointer(texts![index])?.assumingMemoryBound(to: UInt8.self), lengths![index]) else {
            return fail(ErrorHandle(argument: "text \(index) is NULL"), errorOut)
        }
        let name = names?[index].map { String(cString: $0) } ?? "layer\(index + 1)"
        layers.append(TableLayer(utf8: Array(bytes), source: name))
    }
    return open(layers, shipped: shipped != 0, kinds: kinds, variants: variants, errorOut)
}

@_cdecl("glossary_matcher_free")
public func glossary_matcher_free(_ matcher: OpaquePointer?) {
    MatcherHandle.release(matcher)
}

@_cdecl("glossary_concept_count")
public func glossary_concept_count(_ matcher: OpaquePointer?) -> Int {
    MatcherHandle.borrow(matcher)?.matcher.conceptCount ?? 0
}

@_cdecl("glossary_concept_id")
public func glossary_concept_id(_ matcher: OpaquePointer?, _ concept: Int) -> UnsafePointer<CChar>? {
    guard let handle = MatcherHandle.borrow(matcher), (0..<handle.matcher.conceptCount).contains(concept) else { return nil }
    return handle.string(handle.matcher.conceptID(at: concept))
}

@_cdecl("glossary_concept_kind")
public func glossary_concept_kind(_ matcher: OpaquePointer?, _ concept: Int) -> UnsafePointer<CChar>? {
    guard let handle = MatcherHandle.borrow(matcher), (0..<handle.matcher.conceptCount).contains(concept) else { return nil }
    return handle.string(handle.matcher.conceptKind(at: concept)?.rawValue ?? "")
}

@_cdecl("glossary_concept_index")
public func glossary_concept_index(_ matcher: OpaquePointer?, _ id: UnsafePointer<CChar>?) -> Int64 {
    guard let handle = MatcherHandle.borrow(matcher), let id else { return -1 }
    return handle.matcher.conceptIndex(of: String(cString: id)).map(Int64.init) ?? -1
}

@_cdecl("glossary_row_count")
public func glossary_row_count(_ matcher: OpaquePointer?) -> Int {
    MatcherHandle.borrow(matcher)?.matcher.table.rows.count ?? 0
}

/// A field of a row, as a C string that lives with the matcher.
private func rowField(_ matcher: OpaquePointer?, _ row: Int, _ field: (TermRow) -> String) -> UnsafePointer<CChar>? {
    guard let handle = MatcherHandle.borrow(matcher), handle.matcher.table.rows.indices.contains(row) else { return nil }
    return handle.string(field(handle.matcher.table.rows[row]))
}

@_cdecl("glossary_row_term")
public func glossary_row_term(_ matcher: OpaquePointer?, _ row: Int) -> UnsafePointer<CChar>? {
    rowField(matcher, row) { $0.term }
}

@_cdecl("glossary_row_language")
public func glossary_row_language(_ matcher: OpaquePointer?, _ row: Int) -> UnsafePointer<CChar>? {
    rowField(matcher, row) { $0.language }
}

@_cdecl("glossary_row_form")
public func glossary_row_form(_ matcher: OpaquePointer?, _ row: Int) -> UnsafePointer<CChar>? {
    rowField(matcher, row) { $0.form.rawValue }
}

@_cdecl("glossary_row_status")
public func glossary_row_status(_ matcher: OpaquePointer?, _ row: Int) -> UnsafePointer<CChar>? {
    rowField(matcher, row) { $0.status?.rawValue ?? "" }
}
