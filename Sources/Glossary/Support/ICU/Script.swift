import CGlossary

/// The scripts that Glossary treats differently.
enum Script: Int32 {
    case common = 0, latin, cyrillic, greek, han, kana, other

    init(of scalar: Unicode.Scalar) {
        self = Script(rawValue: glossary_script_of(scalar.value)) ?? .other
    }
}
