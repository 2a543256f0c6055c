/// An object that C holds as an opaque pointer: passed retained when a function returns
/// it, borrowed while C uses it, released by its `_free` function.
class Handle {
    /// The pointer for C, retained: C owns a reference until it frees the handle.
    func retainedPointer() -> OpaquePointer {
        OpaquePointer(Unmanaged.passRetained(self).toOpaque())
    }

    /// The object behind a pointer that C passes back, not retained; nil for NULL or a
    /// handle of another type.
    static func borrow(_ pointer: OpaquePointer?) -> Self? {
        guard let pointer else { return nil }
        return Unmanaged<Handle>.fromOpaque(UnsafeRawPointer(pointer)).takeUnretainedValue() as? Self
    }

    /// Gives back C's reference; NULL is allowed and does nothing.
    static func release(_ pointer: OpaquePointer?) {
        guard let pointer else { return }
        Unmanaged<Handle>.fromOpaque(UnsafeRawPointer(pointer)).release()
    }
}
