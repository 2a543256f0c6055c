import CGlossary

/// The data files built into the binary.
enum EmbeddedData {
    static var terms: [UInt8] {
        var length = 0
        let pointer = glossary_default_terms(&length)
        return Array(UnsafeBufferPointer(start: pointer, count: length))
    }

    static var world: [UInt8] {
        var length = 0
        let pointer = glossary_default_world(&length)
        return Array(UnsafeBufferPointer(start: pointer, count: length))
    }

    /// Borrowed: the compiled form of the shipped layers is read in place.
    static var compiled: UnsafeRawBufferPointer {
        var length = 0
        let pointer = glossary_default_compiled(&length)
        return UnsafeRawBufferPointer(start: pointer, count: length)
    }

    /// The shipped layers' bytes, borrowed (to hash them without a copy).
    static var layerBytes: [UnsafeRawBufferPointer] {
        var worldLength = 0, termsLength = 0
        let world = glossary_default_world(&worldLength), terms = glossary_default_terms(&termsLength)
        return [UnsafeRawBufferPointer(start: world, count: worldLength), UnsafeRawBufferPointer(start: terms, count: termsLength)]
    }

    static var keys: [UInt8] {
        var length = 0
        let pointer = glossary_default_keys(&length)
        return Array(UnsafeBufferPointer(start: pointer, count: length))
    }

    static var commonSurnames: [UInt8] {
        var length = 0
        let pointer = glossary_default_common_surnames(&length)
        return Array(UnsafeBufferPointer(start: pointer, count: length))
    }

    /// Borrowed, not copied: the list is large and read once.
    static var commonWords: UnsafeBufferPointer<UInt8> {
        var length = 0
        let pointer = glossary_default_common_words(&length)
        return UnsafeBufferPointer(start: pointer, count: length)
    }

    static var variants: [UInt8] {
        var length = 0
        let pointer = glossary_default_variants(&length)
        return Array(UnsafeBufferPointer(start: pointer, count: length))
    }
}
