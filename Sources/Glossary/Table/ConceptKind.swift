/// What kind of thing a concept is, as a `kind` row of the table says
/// (`hegemony<TAB>und<TAB>idea<TAB>kind`): shown by `lookup`, written in `jsonl` and in
/// the exports, and the basis of choosing which kinds are mentions at all
/// (``Matcher/init(table:variants:keyCache:kinds:)``).
public enum ConceptKind: String, Sendable, Hashable, CaseIterable {
    /// A person (*Wang Yi*).
    case person
    /// A sovereign state (*Tiongkok*).
    case country
    /// A territory or a disputed entity that is not a recognised state (*Taiwan*).
    case territory
    /// A city (*Moskow*).
    case city
    /// A region of the world (*Asia Tenggara*, *Global South*).
    case region
    /// Another place: a sea, a strait, a building (*Laut China Selatan*, *Kremlin*).
    case place
    /// An organisation, a body, a company, a party, a news agency (*PBB*, *Xinhua*).
    case organisation
    /// An event, a meeting, a period, a treaty (*KTT BRICS*, *Perang Dingin*).
    case event
    /// An idea, a policy, a slogan, a rhetorical phrase (*hegemoni*, *dunia multipolar*):
    /// common nouns whose every use is not a reference to the listed concept, so
    /// `normalize` leaves them out unless asked (`--kinds all`).
    case idea

    /// The kinds that are mentions by default: all but ``idea``.
    public static let mentionedByDefault: Set<ConceptKind> = Set(allCases).subtracting([.idea])
}
