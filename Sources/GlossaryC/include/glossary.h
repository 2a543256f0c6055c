/*
 * glossary.h: the C interface of Glossary (libGlossaryC.so), version 1.
 *
 * Glossary finds the mentions of the concepts of a term table in UTF-8 text and writes
 * the text back normalized or tagged (README.md, DESIGN.md "The match rules"). This
 * header is the whole interface: plain C types and opaque handles; no Swift or ICU type
 * crosses it. Build the library with `swift build -c release --product GlossaryC`.
 *
 * Ownership: every object a function returns is the caller's and is freed with the
 * function named beside it. Strings that a matcher hands out (concept ids, terms) live
 * as long as the matcher.
 *
 * Threads: a glossary_matcher is immutable once opened; any number of threads may use
 * one at once. A glossary_document is one stream: use it from one thread at a time.
 *
 * Errors: a function that can fail returns NULL (or a negative count) and, when `error`
 * is not NULL, stores a glossary_error there: a code, a message, and the file, line and
 * column of each problem (a term table's diagnostics). Free it with glossary_error_free.
 *
 * Text: byte offsets are UTF-8 byte offsets into the text passed; bytes that are not
 * UTF-8 are allowed, never match, and pass through unchanged. A paragraph is a line.
 */
#ifndef GLOSSARY_H
#define GLOSSARY_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The version of this interface. glossary_abi_version() returns the library's; a
 * program built with this header should check that they are equal. */
#define GLOSSARY_ABI_VERSION 1
uint32_t glossary_abi_version(void);

typedef struct glossary_matcher glossary_matcher;
typedef struct glossary_document glossary_document;
typedef struct glossary_mentions glossary_mentions;
typedef struct glossary_error glossary_error;

/* --- Errors ------------------------------------------------------------------- */

enum {
    GLOSSARY_OK = 0,
    GLOSSARY_ERROR_TABLE = 1,    /* a table or variant rules that cannot be used */
    GLOSSARY_ERROR_ARGUMENT = 2, /* a bad argument: a NULL pointer, an unknown format */
    GLOSSARY_ERROR_MARKUP = 3,   /* tagged text whose markup is malformed (glossary_untag) */
};

int32_t glossary_error_code(const glossary_error *error);
/* Every problem, one per line, as FILE:LINE:COLUMN: error: what (and how to fix it). */
const char *glossary_error_message(const glossary_error *error);
/* The problems one by one: how many, and each one's file, line and column (1-based;
 * 0 when the problem is about the whole file) and message. */
size_t glossary_error_count(const glossary_error *error);
const char *glossary_error_file(const glossary_error *error, size_t index);
int64_t glossary_error_line(const glossary_error *error, size_t index);
int64_t glossary_error_column(const glossary_error *error, size_t index);
const char *glossary_error_text(const glossary_error *error, size_t index);
void glossary_error_free(glossary_error *error);

/* --- Matchers ----------------------------------------------------------------- */

/* Opens a matcher over layers (Data/README.md, "Layers"), bottom first: when `shipped`
 * is not 0 the shipped data is the bottom (Data/world.tsv, Data/terms.tsv, built in),
 * then the `count` files of `paths`. `kinds` is NULL for the default (every kind but
 * idea), "all", or a comma-separated list (person,country,...). `variants` is the path
 * of romanization rules (the format of Data/variants.txt), NULL for the shipped ones. */
glossary_matcher *glossary_matcher_open(const char *const *paths, size_t count, int shipped,
                                        const char *kinds, const char *variants, glossary_error **error);
/* The same with the layers' texts in memory: `texts[i]` of `lengths[i]` bytes, named
 * `names[i]` in diagnostics (NULL names: "layer1", "layer2", ...). */
glossary_matcher *glossary_matcher_open_texts(const char *const *texts, const size_t *lengths,
                                              const char *const *names, size_t count, int shipped,
                                              const char *kinds, const char *variants, glossary_error **error);
void glossary_matcher_free(glossary_matcher *matcher);

/* The concepts, by index (the `concept` of a sense): id ("sergei-shoigu") and kind
 * ("person", or "" when the table gives none). -1 for an unknown id. */
size_t glossary_concept_count(const glossary_matcher *matcher);
const char *glossary_concept_id(const glossary_matcher *matcher, size_t concept);
const char *glossary_concept_kind(const glossary_matcher *matcher, size_t concept);
int64_t glossary_concept_index(const glossary_matcher *matcher, const char *id);

/* The rows, by index (the `row` of a sense): the spelling that matched, its language
 * (BCP 47), form (full, short, abbr) and status (pref, alt, deprecated). */
size_t glossary_row_count(const glossary_matcher *matcher);
const char *glossary_row_term(const glossary_matcher *matcher, size_t row);
const char *glossary_row_language(const glossary_matcher *matcher, size_t row);
const char *glossary_row_form(const glossary_matcher *matcher, size_t row);
const char *glossary_row_status(const glossary_matcher *matcher, size_t row);

/* --- Mentions ----------------------------------------------------------------- */

/* How a mention's sense was chosen (DESIGN.md, rule 9). */
enum {
    GLOSSARY_UNIQUE = 0,     /* one concept has the spelling */
    GLOSSARY_CONTEXT = 1,    /* chosen by context words of the paragraph */
    GLOSSARY_DOCUMENT = 2,   /* chosen by an earlier paragraph of the document */
    GLOSSARY_DEFAULT = 3,    /* the spelling's default sense */
    GLOSSARY_AMBIGUOUS = 4,  /* undecided: every candidate sense is listed */
};

/* Flags of a mention. */
enum {
    GLOSSARY_MIXED_SCRIPT = 1, /* a word mixes Latin with Cyrillic or Greek letters */
};

/* One mention: its bytes [start, end) in the text, how it was resolved, its flags, and
 * its senses: sense_count pairs (concept, row) from index sense_start of the senses
 * array (one unless ambiguous). */
typedef struct glossary_mention {
    uint64_t start;
    uint64_t end;
    uint32_t sense_start;
    uint32_t sense_count;
    uint8_t resolution;
    uint8_t flags;
    uint8_t reserved[6];
} glossary_mention;

typedef struct glossary_sense {
    int32_t concept;
    int32_t row;
} glossary_sense;

/* The mentions of a text read as one document. NULL only on a NULL argument. */
glossary_mentions *glossary_find(const glossary_matcher *matcher, const uint8_t *text, size_t length,
                                 glossary_error **error);
size_t glossary_mentions_count(const glossary_mentions *mentions);
const glossary_mention *glossary_mentions_items(const glossary_mentions *mentions);
const glossary_sense *glossary_mentions_senses(const glossary_mentions *mentions);
/* All of it in one call (for bindings, where each call costs): stores the two arrays
 * and the number of senses, and returns the number of mentions. */
size_t glossary_mentions_view(const glossary_mentions *mentions, const glossary_mention **items,
                              const glossary_sense **senses, size_t *sense_count);
void glossary_mentions_free(glossary_mentions *mentions);

/* --- Documents in parts --------------------------------------------------------- */

/* A document read in parts: each call passes whole paragraphs (one or more lines);
 * what earlier parts introduced counts for later ones (rules 9 to 11). Offsets are
 * into the part passed. glossary_document_reset starts a new document. */
glossary_document *glossary_document_new(const glossary_matcher *matcher);
glossary_mentions *glossary_document_find(glossary_document *document, const uint8_t *text, size_t length,
                                          glossary_error **error);
void glossary_document_reset(glossary_document *document);
void glossary_document_free(glossary_document *document);

/* --- Writing text back ---------------------------------------------------------- */

/* The text rendered in a format: "text" (every mention replaced by its concept's
 * preferred term in `language`, a tag of the table such as "en" or "id"), "tag"
 * (⟦id|surface⟧), or "jsonl" (a JSON line per mention). The result has *out_length
 * bytes plus a terminating NUL; free it with glossary_free. */
uint8_t *glossary_render(const glossary_matcher *matcher, const uint8_t *text, size_t length,
                         const char *format, const char *language, size_t *out_length, glossary_error **error);
void glossary_free(void *pointer);

/* Tagged text (the "tag" format) back to the text: each ⟦id|surface⟧ becomes its
 * surface, doubled brackets single ones. Malformed markup is an error at its line and
 * column. Free the result with glossary_free. */
uint8_t *glossary_untag(const uint8_t *text, size_t length, size_t *out_length, glossary_error **error);

#ifdef __cplusplus
}
#endif

#endif /* GLOSSARY_H */
