import Glibc

/// State behind a `pthread_mutex_t`, for the few places threads share mutable state
/// (the key caches, the workspace pool).
///
/// Not Synchronization's `Mutex`: on Linux it hands a contended lock over through a
/// priority-inheritance futex, in the kernel, where ThreadSanitizer cannot see the
/// hand-over, so every contended section is reported as a race. ThreadSanitizer knows
/// pthread mutexes, so the sanitizer runs of the test suite stay meaningful.
package final class Lock<State: ~Copyable>: @unchecked Sendable {
    // @unchecked: `state` is only touched with `mutex` held.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var state: State

    package init(_ state: consuming State) {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
        self.state = state
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Runs `body` with the state, the lock held.
    package func withLock<Result>(_ body: (inout State) throws -> Result) rethrows -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&state)
    }
}
