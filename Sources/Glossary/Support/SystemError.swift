import Glibc

/// An error of the operating system: an `errno` value, shown in the words of
/// `strerror`. Every system call of Glossary that can fail reports one, in the manner
/// of swift-system's `Errno`; ``retryingInterrupts(_:)`` is the one loop around `EINTR`.
package struct SystemError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The `errno` value.
    package let code: Int32

    /// Wraps an `errno` value.
    package init(_ code: Int32) { self.code = code }

    /// The error the last failed system call left in `errno`.
    package static var current: SystemError { SystemError(errno) }

    /// `ENOENT`: no such file or folder.
    package static let noSuchFile = SystemError(ENOENT)
    /// `EPIPE`: the reader of a pipe has gone.
    package static let brokenPipe = SystemError(EPIPE)

    /// `strerror(code)`.
    package var description: String { String(cString: strerror(code)) }

    /// Calls `body`, a system call that returns -1 and sets `errno` when it fails, again
    /// for as long as a signal interrupts it (`EINTR`); throws any other failure.
    @discardableResult
    package static func retryingInterrupts<Result: SignedInteger & FixedWidthInteger>(
        _ body: () -> Result
    ) throws(SystemError) -> Result {
        while true {
            let result = body()
            if result != -1 { return result }
            if errno != EINTR { throw .current }
        }
    }
}
