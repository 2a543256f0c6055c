// The ICU side of the bridge. Everything here converts between UTF-8 (what Swift
// hands over) and UTF-16 (what ICU works in) and reports failures through
// GlossaryICUStatus. No ICU type leaves this file.
#include "CGlossary.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/unorm2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/uset.h>
#include <unicode/uspoof.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>
#include <unicode/uversion.h>

struct GlossaryTransform {
    UTransliterator *trans;
};

struct GlossarySpoofChecker {
    USpoofChecker *checker;
};

static void reset_status(GlossaryICUStatus *status) {
    status->code = U_ZERO_ERROR;
    status->line = -1;
    status->offset = -1;
    status->context[0] = 0;
}

const char *glossary_icu_error_name(int32_t code) { return u_errorName((UErrorCode)code); }

void glossary_icu_version(char *out) {
    UVersionInfo version;
    u_getVersion(version);
    u_versionToString(version, out);
}

// MARK: UTF-8 <-> UTF-16 helpers

// A UTF-16 buffer that lives on the stack for short text and on the heap otherwise.
typedef struct {
    UChar *chars;
    int32_t length;
    int32_t capacity;
    UChar small[256];
} U16Buffer;

static void u16_free(U16Buffer *buffer) {
    if (buffer->chars != buffer->small) free(buffer->chars);
    buffer->chars = buffer->small;
    buffer->capacity = (int32_t)(sizeof(buffer->small) / sizeof(UChar));
}

static int u16_reserve(U16Buffer *buffer, int32_t capacity) {
    if (capacity <= buffer->capacity) return 1;
    UChar *chars = malloc((size_t)capacity * sizeof(UChar));
    if (!chars) return 0;
    if (buffer->length > 0) memcpy(chars, buffer->chars, (size_t)buffer->length * sizeof(UChar));
    if (buffer->chars != buffer->small) free(buffer->chars);
    buffer->chars = chars;
    buffer->capacity = capacity;
    return 1;
}

static void u16_init(U16Buffer *buffer) {
    buffer->chars = buffer->small;
    buffer->length = 0;
    buffer->capacity = (int32_t)(sizeof(buffer->small) / sizeof(UChar));
}

// Decodes UTF-8 into `buffer`, leaving `extra` spare capacity. Ill-formed bytes
// become U+FFFD (callers pass only well-formed text).
static int u16_from_utf8(U16Buffer *buffer, const uint8_t *input, int32_t length, int32_t extra,
                         UErrorCode *error) {
    if (!u16_reserve(buffer, length + extra + 1)) {
        *error = U_MEMORY_ALLOCATION_ERROR;
        return 0;
    }
    int32_t produced = 0;
    u_strFromUTF8WithSub(buffer->chars, buffer->capacity, &produced, (const char *)input, length, 0xFFFD, NULL,
                         error);
    buffer->length = produced;
    return U_SUCCESS(*error);
}

static int32_t utf8_out(const UChar *chars, int32_t length, uint8_t *out, int32_t capacity,
                        GlossaryICUStatus *status) {
    UErrorCode error = U_ZERO_ERROR;
    int32_t needed = 0;
    u_strToUTF8WithSub((char *)out, capacity, &needed, chars, length, 0xFFFD, NULL, &error);
    if (error == U_BUFFER_OVERFLOW_ERROR || error == U_STRING_NOT_TERMINATED_WARNING) return needed;
    if (U_FAILURE(error)) {
        status->code = error;
        return -1;
    }
    return needed;
}

// MARK: Transliterators

static GlossaryTransform *wrap_transform(UTransliterator *trans, UErrorCode error, GlossaryICUStatus *status) {
    if (U_FAILURE(error)) {
        status->code = error;
        if (trans) utrans_close(trans);
        return NULL;
    }
    GlossaryTransform *transform = malloc(sizeof(GlossaryTransform));
    if (!transform) {
        utrans_close(trans);
        status->code = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    transform->trans = trans;
    return transform;
}

GlossaryTransform *glossary_transform_open_id(const char *id, GlossaryICUStatus *status) {
    reset_status(status);
    UErrorCode error = U_ZERO_ERROR;
    U16Buffer name;
    u16_init(&name);
    if (!u16_from_utf8(&name, (const uint8_t *)id, (int32_t)strlen(id), 0, &error)) {
        status->code = error;
        return NULL;
    }
    UTransliterator *trans = utrans_openU(name.chars, name.length, UTRANS_FORWARD, NULL, 0, NULL, &error);
    u16_free(&name);
    return wrap_transform(trans, error, status);
}

GlossaryTransform *glossary_transform_open_rules(const char *name, const uint8_t *rules, int32_t length,
                                                 GlossaryICUStatus *status) {
    reset_status(status);
    UErrorCode error = U_ZERO_ERROR;
    U16Buffer id, text;
    u16_init(&id);
    u16_init(&text);
    if (!u16_from_utf8(&id, (const uint8_t *)name, (int32_t)strlen(name), 0, &error) ||
        !u16_from_utf8(&text, rules, length, 0, &error)) {
        u16_free(&id);
        u16_free(&text);
        status->code = error;
        return NULL;
    }
    UParseError parse;
    memset(&parse, 0, sizeof(parse));
    UTransliterator *trans = utrans_openU(id.chars, id.length, UTRANS_FORWARD, text.chars, text.length, &parse, &error);
    if (U_FAILURE(error)) {
        status->line = parse.line;
        status->offset = parse.offset;
        UChar around[2 * U_PARSE_CONTEXT_LEN + 4];
        int32_t n = 0;
        for (int32_t i = 0; parse.preContext[i] && n < U_PARSE_CONTEXT_LEN; i++) around[n++] = parse.preContext[i];
        for (int32_t i = 0; parse.postContext[i] && i < U_PARSE_CONTEXT_LEN; i++) around[n++] = parse.postContext[i];
        UErrorCode ignored = U_ZERO_ERROR;
        u_strToUTF8WithSub(status->context, (int32_t)sizeof(status->context) - 1, NULL, around, n, 0xFFFD, NULL,
                           &ignored);
        status->context[sizeof(status->context) - 1] = 0;
        if (U_FAILURE(ignored)) status->context[0] = 0;
    }
    u16_free(&id);
    u16_free(&text);
    return wrap_transform(trans, error, status);
}

void glossary_transform_close(GlossaryTransform *transform) {
    if (!transform) return;
    utrans_close(transform->trans);
    free(transform);
}

int32_t glossary_transform_apply(GlossaryTransform *transform, const uint8_t *input, int32_t length, uint8_t *out,
                                 int32_t capacity, GlossaryICUStatus *status) {
    reset_status(status);
    UErrorCode error = U_ZERO_ERROR;
    U16Buffer text;
    u16_init(&text);
    // Transliteration can grow text (one Han character becomes a syllable); start
    // with room to spare and retry with more if ICU asks for it.
    int32_t extra = length * 3 + 16;
    for (;;) {
        error = U_ZERO_ERROR;
        if (!u16_from_utf8(&text, input, length, extra, &error)) break;
        int32_t textLength = text.length;
        int32_t limit = text.length;
        utrans_transUChars(transform->trans, text.chars, &textLength, text.capacity, 0, &limit, &error);
        if (error == U_BUFFER_OVERFLOW_ERROR) {
            extra = extra * 2 + textLength;
            continue;
        }
        if (U_FAILURE(error)) break;
        int32_t result = utf8_out(text.chars, textLength, out, capacity, status);
        u16_free(&text);
        return result;
    }
    u16_free(&text);
    status->code = error;
    return -1;
}

void glossary_transform_ascii_source_set(GlossaryTransform *transform, uint8_t bits[16]) {
    memset(bits, 0, 16);
    UErrorCode error = U_ZERO_ERROR;
    USet *set = uset_openEmpty();
    utrans_getSourceSet(transform->trans, 0, set, &error);
    if (U_FAILURE(error)) {
        memset(bits, 0xFF, 16);  // unknown: assume every character may change
    } else {
        for (UChar32 c = 0; c < 128; c++) {
            if (uset_contains(set, c)) bits[c >> 3] |= (uint8_t)(1u << (c & 7));
        }
    }
    uset_close(set);
}

// MARK: Normalization

static const UNormalizer2 *normalizer_for(int32_t form, UErrorCode *error) {
    switch (form) {
    case GLOSSARY_NFKC: return unorm2_getNFKCInstance(error);
    case GLOSSARY_NFD: return unorm2_getNFDInstance(error);
    default: return unorm2_getNFCInstance(error);
    }
}

int32_t glossary_normalize(int32_t form, const uint8_t *input, int32_t length, uint8_t *out, int32_t capacity,
                           GlossaryICUStatus *status) {
    reset_status(status);
    UErrorCode error = U_ZERO_ERROR;
    const UNormalizer2 *normalizer = normalizer_for(form, &error);
    U16Buffer source, result;
    u16_init(&source);
    u16_init(&result);
    int32_t answer = -1;
    if (u16_from_utf8(&source, input, length, 0, &error)) {
        // NFKC can expand (U+FDFA becomes 18 characters); ask ICU for the size.
        int32_t needed = unorm2_normalize(normalizer, source.chars, source.length, result.chars, result.capacity,
                                          &error);
        if (error == U_BUFFER_OVERFLOW_ERROR) {
            error = U_ZERO_ERROR;
            if (u16_reserve(&result, needed + 1)) {
                needed = unorm2_normalize(normalizer, source.chars, source.length, result.chars, result.capacity,
                                          &error);
            } else {
                error = U_MEMORY_ALLOCATION_ERROR;
            }
        }
        if (U_SUCCESS(error)) answer = utf8_out(result.chars, needed, out, capacity, status);
    }
    if (U_FAILURE(error)) status->code = error;
    u16_free(&source);
    u16_free(&result);
    return U_FAILURE(error) ? -1 : answer;
}

int32_t glossary_fold_case(const uint8_t *input, int32_t length, uint8_t *out, int32_t capacity,
                           GlossaryICUStatus *status) {
    reset_status(status);
    UErrorCode error = U_ZERO_ERROR;
    U16Buffer source, result;
    u16_init(&source);
    u16_init(&result);
    int32_t answer = -1;
    if (u16_from_utf8(&source, input, length, 0, &error)) {
        int32_t needed = u_strFoldCase(result.chars, result.capacity, source.chars, source.length,
                                       U_FOLD_CASE_DEFAULT, &error);
        if (error == U_BUFFER_OVERFLOW_ERROR) {
            error = U_ZERO_ERROR;
            if (u16_reserve(&result, needed + 1)) {
                needed = u_strFoldCase(result.chars, result.capacity, source.chars, source.length,
                                       U_FOLD_CASE_DEFAULT, &error);
            } else {
                error = U_MEMORY_ALLOCATION_ERROR;
            }
        }
        if (U_SUCCESS(error)) answer = utf8_out(result.chars, needed, out, capacity, status);
    }
    if (U_FAILURE(error)) status->code = error;
    u16_free(&source);
    u16_free(&result);
    return U_FAILURE(error) ? -1 : answer;
}

// MARK: Confusables

GlossarySpoofChecker *glossary_spoof_open(GlossaryICUStatus *status) {
    reset_status(status);
    UErrorCode error = U_ZERO_ERROR;
    USpoofChecker *checker = uspoof_open(&error);
    if (U_FAILURE(error)) {
        status->code = error;
        if (checker) uspoof_close(checker);
        return NULL;
    }
    GlossarySpoofChecker *wrapper = malloc(sizeof(GlossarySpoofChecker));
    if (!wrapper) {
        uspoof_close(checker);
        status->code = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    wrapper->checker = checker;
    return wrapper;
}

void glossary_spoof_close(GlossarySpoofChecker *checker) {
    if (!checker) return;
    uspoof_close(checker->checker);
    free(checker);
}

int32_t glossary_spoof_skeleton(GlossarySpoofChecker *checker, const uint8_t *input, int32_t length, uint8_t *out,
                                int32_t capacity, GlossaryICUStatus *status) {
    reset_status(status);
    UErrorCode error = U_ZERO_ERROR;
    int32_t needed = uspoof_getSkeletonUTF8(checker->checker, 0, (const char *)input, length, (char *)out, capacity,
                                            &error);
    if (error == U_BUFFER_OVERFLOW_ERROR || error == U_STRING_NOT_TERMINATED_WARNING) return needed;
    if (U_FAILURE(error)) {
        status->code = error;
        return -1;
    }
    return needed;
}

// MARK: Character properties

int32_t glossary_script_of(uint32_t codePoint) {
    UErrorCode error = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript((UChar32)codePoint, &error);
    if (U_FAILURE(error)) return GLOSSARY_SCRIPT_OTHER;
    switch (script) {
    case USCRIPT_COMMON:
    case USCRIPT_INHERITED: return GLOSSARY_SCRIPT_COMMON;
    case USCRIPT_LATIN: return GLOSSARY_SCRIPT_LATIN;
    case USCRIPT_CYRILLIC: return GLOSSARY_SCRIPT_CYRILLIC;
    case USCRIPT_GREEK: return GLOSSARY_SCRIPT_GREEK;
    case USCRIPT_HAN: return GLOSSARY_SCRIPT_HAN;
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA: return GLOSSARY_SCRIPT_KANA;
    default: return GLOSSARY_SCRIPT_OTHER;
    }
}
