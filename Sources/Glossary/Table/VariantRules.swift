/// The romanization variant rules: ICU transform rules applied to every word's
/// lower-case key (see `Data/variants.txt`).
public struct VariantRules: Sendable {
    /// The file the rules came from, for messages.
    public let source: String
    /// The rule text.
    public let text: String

    /// Rules held in a string.
    public init(parsing text: String, source: String = "<string>") {
        self.source = source
        self.text = text
    }

    /// Reads a rule file.
    public init(contentsOfFile path: String) throws(TableError) {
        do {
            let bytes = try FileIO.read(path)
            self.init(parsing: String(decoding: bytes, as: UTF8.self), source: path)
        } catch {
            throw TableError.unreadable(path, "the variant rules", error)
        }
    }

    /// The rules shipped with Glossary (`Data/variants.txt`, built into the library).
    public static var shipped: VariantRules {
        VariantRules(parsing: String(decoding: EmbeddedData.variants, as: UTF8.self), source: "Data/variants.txt")
    }
}
