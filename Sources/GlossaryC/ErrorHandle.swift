import Glibc
import Glossary

/// A `glossary_error`: a code, and the problems with their places (one for an argument
/// error, a table's diagnostics for a table that cannot be used).
final class ErrorHandle: Handle {
    static let table: Int32 = 1
    static let argument: Int32 = 2
    static let markup: Int32 = 3

    let code: Int32
    let message: UnsafeMutablePointer<CChar>
    let files: [UnsafeMutablePointer<CChar>]
    let texts: [UnsafeMutablePointer<CChar>]
    let places: [(line: Int64, column: Int64)]

    init(code: Int32, diagnostics: [Diagnostic]) {
        self.code = code
        message = cString(diagnostics.map(\.description).joined(separator: "\n"))
        files = diagnostics.map { cString($0.location.file) }
        texts = diagnostics.map { cString($0.message) }
        places = diagnostics.map { (Int64($0.location.line), Int64($0.location.column)) }
    }

    convenience init(argument message: String) {
        self.init(code: Self.argument, diagnostics: [Diagnostic(at: SourceLocation(file: "<arguments>"), message: message)])
    }

    convenience init(_ error: TableError) {
        self.init(code: Self.table, diagnostics: error.diagnostics)
    }

    deinit {
        free(message)
        (files + texts).forEach { free($0) }
    }
}

@_cdecl("glossary_error_code")
public func glossary_error_code(_ error: OpaquePointer?) -> Int32 {
    ErrorHandle.borrow(error)?.code ?? ErrorHandle.argument
}

@_cdecl("glossary_error_message")
public func glossary_error_message(_ error: OpaquePointer?) -> UnsafePointer<CChar>? {
    ErrorHandle.borrow(error).map { UnsafePointer($0.message) }
}

@_cdecl("glossary_error_count")
public func glossary_error_count(_ error: OpaquePointer?) -> Int {
    ErrorHandle.borrow(error)?.files.count ?? 0
}

@_cdecl("glossary_error_file")
public func glossary_error_file(_ error: OpaquePointer?, _ index: Int) -> UnsafePointer<CChar>? {
    guard let handle = ErrorHandle.borrow(error), handle.files.indices.contains(index) else { return nil }
    return UnsafePointer(handle.files[index])
}

@_cdecl("glossary_error_line")
public func glossary_error_line(_ error: OpaquePointer?, _ index: Int) -> Int64 {
    guard let handle = ErrorHandle.borrow(error), handle.places.indices.contains(index) else { return 0 }
    return handle.places[index].line
}

@_cdecl("glossary_error_column")
public func glossary_error_column(_ error: OpaquePointer?, _ index: Int) -> Int64 {
    guard let handle = ErrorHandle.borrow(error), handle.places.indices.contains(index) else { return 0 }
    return handle.places[index].column
}

@_cdecl("glossary_error_text")
public func glossary_error_text(_ error: OpaquePointer?, _ index: Int) -> UnsafePointer<CChar>? {
    guard let handle = ErrorHandle.borrow(error), handle.texts.indices.contains(index) else { return nil }
    return UnsafePointer(handle.texts[index])
}

@_cdecl("glossary_error_free")
public func glossary_error_free(_ error: OpaquePointer?) {
    ErrorHandle.release(error)
}
