/// How the tokenizer treats a non-ASCII scalar.
enum CharacterClass: UInt8 {
    case wordCharacter, han, separator, control, punctuation

    init(_ scalar: Unicode.Scalar) {
        if scalar.value < ScalarTraits.tableSize {
            self = ScalarTraits.table[Int(scalar.value)].characterClass
        } else {
            self.init(computing: scalar)
        }
    }

    init(computing scalar: Unicode.Scalar) {
        let value = scalar.value
        if (0x3400...0x4DBF).contains(value) || (0x4E00...0x9FFF).contains(value) || (0xF900...0xFAFF).contains(value)
            || (0x20000...0x3134F).contains(value) || (0x3040...0x30FF).contains(value)
        {
            self = .han
            return
        }
        if value == 0x2010 || value == 0x2011 || value == 0x00AD || value == 0x2E3A {
            self = .separator  // hyphens, soft hyphen
            return
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            self = .wordCharacter
        case .spaceSeparator, .format:
            self = .separator
        case .control, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned:
            self = .control
        default:
            self = .punctuation
        }
    }
}
