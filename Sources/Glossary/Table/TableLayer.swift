/// One file of a layered term table (``TermTable/init(layers:)``), not yet parsed.
public struct TableLayer: Sendable {
    /// The file's name, for messages.
    public let source: String
    /// Its bytes.
    public let bytes: [UInt8]

    /// A layer held in memory.
    public init(utf8 bytes: [UInt8], source: String) {
        self.bytes = bytes
        self.source = source
    }

    /// A layer held in a string.
    public init(parsing text: String, source: String = "<string>") {
        self.init(utf8: Array(text.utf8), source: source)
    }

    /// Reads a layer file.
    public init(contentsOfFile path: String) throws(TableError) {
        let bytes: [UInt8]
        do {
            bytes = try FileIO.read(path)
        } catch {
            throw TableError.unreadable(path, "the table", error)
        }
        self.init(utf8: bytes, source: path)
    }

    /// The files of the shipped data, bottom first, as they are named in messages:
    /// `Data/world.tsv`, then `Data/terms.tsv`.
    public static let shippedPaths = ["Data/world.tsv", "Data/terms.tsv"]

    /// The shipped layers, built into the library.
    public static var shipped: [TableLayer] {
        [TableLayer(utf8: EmbeddedData.world, source: shippedPaths[0]),
         TableLayer(utf8: EmbeddedData.terms, source: shippedPaths[1])]
    }
}
