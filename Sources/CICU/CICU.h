// The system ICU library (Debian: libicu-dev), linked through pkg-config `icu-i18n`.
// Deliberately empty: Swift must never see ICU's own headers, because Foundation on
// Linux carries a second copy of them (`_FoundationICU`) and the two clash. The C
// target `CGlossary` includes <unicode/*.h> in its .c files only.
