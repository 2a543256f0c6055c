// CGlossary: the only code in Glossary that sees ICU's headers.
//
// This header is imported by Swift, so it uses plain C types and opaque handles only.
// ICU's own types (UErrorCode, UChar, UTransliterator ...) stay inside the .c files;
// see DESIGN.md, "Why a C bridge".
//
// Conventions: text crosses the bridge as UTF-8 (pointer + length in bytes). A
// function that produces text writes at most `capacity` bytes to `out` and returns
// the full length it needs; when that is larger than `capacity`, call again with a
// larger buffer. A negative return means failure, and `status` says why.
#ifndef CGLOSSARY_H
#define CGLOSSARY_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// What an ICU call reports: its error code and, for rule parsing, where it failed.
typedef struct {
    int32_t code;          ///< ICU's UErrorCode; 0 is success, negative values are warnings.
    int32_t line;          ///< Rule parse errors: the 1-based rule line, or -1.
    int32_t offset;        ///< Rule parse errors: the offset in that line, or -1.
    char context[96];      ///< Rule parse errors: the rule text around the failure (UTF-8).
} GlossaryICUStatus;

/// ICU's version as text ("72.1"), written into `out` (at least 32 bytes).
void glossary_icu_version(char *out);

/// ICU's name for an error code ("U_ILLEGAL_ARGUMENT_ERROR").
const char *glossary_icu_error_name(int32_t code);

// MARK: Transliterators (not thread-safe: the caller serializes access)

typedef struct GlossaryTransform GlossaryTransform;

/// Opens a system transform by ID ("Russian-Latin/BGN", "Han-Latin").
GlossaryTransform *glossary_transform_open_id(const char *id, GlossaryICUStatus *status);
/// Compiles a transform from ICU rule text (UTF-8).
GlossaryTransform *glossary_transform_open_rules(const char *name, const uint8_t *rules, int32_t length,
                                                 GlossaryICUStatus *status);
void glossary_transform_close(GlossaryTransform *transform);
/// Transliterates `input` into `out`; see the conventions above.
int32_t glossary_transform_apply(GlossaryTransform *transform, const uint8_t *input, int32_t length,
                                 uint8_t *out, int32_t capacity, GlossaryICUStatus *status);
/// Marks in `bits` (128 bits, bit i of byte i/8) each ASCII character that the transform
/// may change, so that callers can skip it for text that has none of them.
void glossary_transform_ascii_source_set(GlossaryTransform *transform, uint8_t bits[16]);

// MARK: Normalization and case folding (immutable ICU singletons: thread-safe)

enum {
    GLOSSARY_NFC = 0,
    GLOSSARY_NFKC = 1,
    GLOSSARY_NFD = 2,
};

int32_t glossary_normalize(int32_t form, const uint8_t *input, int32_t length, uint8_t *out, int32_t capacity,
                           GlossaryICUStatus *status);
/// Full Unicode case folding.
int32_t glossary_fold_case(const uint8_t *input, int32_t length, uint8_t *out, int32_t capacity,
                           GlossaryICUStatus *status);

// MARK: Confusables (UTS #39)

typedef struct GlossarySpoofChecker GlossarySpoofChecker;
GlossarySpoofChecker *glossary_spoof_open(GlossaryICUStatus *status);
void glossary_spoof_close(GlossarySpoofChecker *checker);
/// The UTS #39 skeleton of `input` (Cyrillic о and Latin o share one).
int32_t glossary_spoof_skeleton(GlossarySpoofChecker *checker, const uint8_t *input, int32_t length, uint8_t *out,
                                int32_t capacity, GlossaryICUStatus *status);

// MARK: Character properties

enum {
    GLOSSARY_SCRIPT_COMMON = 0,
    GLOSSARY_SCRIPT_LATIN = 1,
    GLOSSARY_SCRIPT_CYRILLIC = 2,
    GLOSSARY_SCRIPT_GREEK = 3,
    GLOSSARY_SCRIPT_HAN = 4,
    GLOSSARY_SCRIPT_KANA = 5,
    GLOSSARY_SCRIPT_OTHER = 6,
};
/// The script of a code point, reduced to the few that Glossary treats differently.
int32_t glossary_script_of(uint32_t codePoint);

// MARK: Data built into the binary (see embedded.c)

/// The generated bottom layer of the shipped data, Data/world.tsv, as UTF-8 bytes.
const uint8_t *glossary_default_world(size_t *length);

/// The curated layer of the shipped data, Data/terms.tsv, as UTF-8 bytes.
const uint8_t *glossary_default_terms(size_t *length);
/// The shipped romanization variant rules, Data/variants.txt, as UTF-8 bytes.
const uint8_t *glossary_default_variants(size_t *length);
/// The match keys of the shipped table's words, Data/terms.keys (see KeyCache.swift).
const uint8_t *glossary_default_keys(size_t *length);

/// Data/terms.compiled: the compiled form of the shipped layers, 16-byte aligned.
const uint8_t *glossary_default_compiled(size_t *length);

/// The common surnames (`Data/common-surnames.txt`) that `glossary check` knows.
const uint8_t *glossary_default_common_surnames(size_t *length);

/// The words of Indonesian and English that are not names (`Data/common-words.txt`),
/// for match rule 11 and `glossary suggest`.
const uint8_t *glossary_default_common_words(size_t *length);

#ifdef __cplusplus
}
#endif

#endif
