/// The words that say that the name after them is a place: the prepositions of place
/// and direction of Indonesian and English (*di*, *ke*, *dari*; *in*, *at*, *to*,
/// *from*) and the word for a city (*kota*, *city*). Rule 11 asks for them: after a
/// city's namesake (*Denzel Washington*), the city's bare name counts where one of
/// them stands right before it (*di Washington*), since a person is not *in* or *at*.
/// Lowercase ASCII; a word is compared by its folded key.
enum Locatives {
    static let words: Set<[UInt8]> = Set([
        // Indonesian
        "di", "ke", "dari", "menuju", "dekat", "sekitar", "kota",
        // English
        "in", "at", "to", "from", "into", "near", "outside", "across", "via", "city",
    ].map { Array($0.utf8) })
}
