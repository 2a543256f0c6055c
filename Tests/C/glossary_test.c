/* The C interface (Sources/GlossaryC/include/glossary.h) used from C, as a C program
 * would: every function of the header at least once, with what each must give.
 * Built and run by Tests/C/run.sh (from .ci/harden). Exit status 0 when all checks pass. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glossary.h"

static int failures = 0;

#define CHECK(condition, ...)                                               \
    do {                                                                    \
        if (!(condition)) {                                                 \
            fprintf(stderr, "%s:%d: check failed: %s: ", __FILE__, __LINE__, #condition); \
            fprintf(stderr, __VA_ARGS__);                                   \
            fprintf(stderr, "\n");                                          \
            failures++;                                                     \
        }                                                                   \
    } while (0)

/* The concept id of a mention's first sense, or "(ambiguous)". */
static const char *concept_of(const glossary_matcher *m, const glossary_mentions *found, size_t i) {
    const glossary_mention *item = &glossary_mentions_items(found)[i];
    if (item->resolution == GLOSSARY_AMBIGUOUS) return "(ambiguous)";
    return glossary_concept_id(m, (size_t)glossary_mentions_senses(found)[item->sense_start].concept);
}

static glossary_mentions *find(const glossary_matcher *m, const char *text) {
    glossary_error *error = NULL;
    glossary_mentions *found = glossary_find(m, (const uint8_t *)text, strlen(text), &error);
    CHECK(found != NULL && error == NULL, "glossary_find failed");
    return found;
}

static void test_mentions(const glossary_matcher *m) {
    const char *text = "Menlu Rusia Sergey Lavrov bertemu Wang Yi di Moskwa.";
    glossary_mentions *found = find(m, text);
    const char *expected[][2] = {{"Rusia", "russia"}, {"Sergey Lavrov", "sergei-lavrov"}, {"Wang Yi", "wang-yi"}, {"Moskwa", "moscow"}};
    CHECK(glossary_mentions_count(found) == 4, "%zu mentions", glossary_mentions_count(found));
    for (size_t i = 0; i < 4 && i < glossary_mentions_count(found); i++) {
        const glossary_mention *item = &glossary_mentions_items(found)[i];
        size_t length = (size_t)(item->end - item->start);
        CHECK(length == strlen(expected[i][0]) && memcmp(text + item->start, expected[i][0], length) == 0,
              "mention %zu is %.*s", i, (int)length, text + item->start);
        CHECK(strcmp(concept_of(m, found, i), expected[i][1]) == 0, "mention %zu is %s", i, concept_of(m, found, i));
        CHECK(item->sense_count == 1 && item->resolution == GLOSSARY_UNIQUE, "mention %zu resolution %d", i, item->resolution);
    }
    /* The row that matched: the spelling, its language, form and status. */
    const glossary_sense *sense = &glossary_mentions_senses(found)[glossary_mentions_items(found)[3].sense_start];
    CHECK(strcmp(glossary_row_term(m, (size_t)sense->row), "Moskwa") == 0, "row term %s", glossary_row_term(m, (size_t)sense->row));
    CHECK(strcmp(glossary_row_language(m, (size_t)sense->row), "id") == 0, "row language");
    CHECK(strcmp(glossary_row_form(m, (size_t)sense->row), "full") == 0, "row form");
    CHECK(strcmp(glossary_concept_kind(m, (size_t)sense->concept), "city") == 0, "kind %s", glossary_concept_kind(m, (size_t)sense->concept));
    CHECK(glossary_concept_index(m, "moscow") == sense->concept, "concept index");
    CHECK(glossary_concept_index(m, "no-such-concept") == -1, "unknown concept");
    CHECK(glossary_concept_count(m) > 1000 && glossary_row_count(m) > 10000, "counts");
    const glossary_mention *items = NULL;
    const glossary_sense *senses = NULL;
    size_t sense_count = 0;
    CHECK(glossary_mentions_view(found, &items, &senses, &sense_count) == 4 && items == glossary_mentions_items(found)
          && senses == glossary_mentions_senses(found) && sense_count == 4, "view");
    glossary_mentions_free(found);

    /* An ambiguous mention lists every sense. */
    found = find(m, "Georgia mengumumkan hasilnya.");
    CHECK(glossary_mentions_count(found) == 1, "georgia: %zu", glossary_mentions_count(found));
    if (glossary_mentions_count(found) == 1) {
        CHECK(glossary_mentions_items(found)[0].resolution == GLOSSARY_AMBIGUOUS, "georgia resolution");
        CHECK(glossary_mentions_items(found)[0].sense_count == 2, "georgia senses");
    }
    glossary_mentions_free(found);

    /* Bytes that are not UTF-8 never match and break nothing. */
    const char bad[] = "Rusia \xff\xfe Tiongkok \xc3";
    found = find(m, bad);
    CHECK(glossary_mentions_count(found) == 2, "bad UTF-8: %zu", glossary_mentions_count(found));
    for (size_t i = 0; i < glossary_mentions_count(found); i++) CHECK(glossary_mentions_items(found)[i].end <= sizeof bad - 1, "range");
    glossary_mentions_free(found);
}

static void test_render(const glossary_matcher *m) {
    const char *text = "Shoygu tiba di Moskwa.\nMenlu Tiongkok";
    size_t length = 0;
    glossary_error *error = NULL;
    uint8_t *out = glossary_render(m, (const uint8_t *)text, strlen(text), "text", "en", &length, &error);
    CHECK(out != NULL && strcmp((char *)out, "Shoigu tiba di Moscow.\nMenlu China") == 0, "render: %s", out ? (char *)out : "NULL");
    CHECK(length == strlen("Shoigu tiba di Moscow.\nMenlu China"), "render length %zu", length);
    glossary_free(out);
    out = glossary_render(m, (const uint8_t *)"di Moskwa", 9, "tag", NULL, &length, &error);
    CHECK(out != NULL && strcmp((char *)out, "di \xe2\x9f\xa6moscow|Moskwa\xe2\x9f\xa7") == 0, "tag: %s", out ? (char *)out : "NULL");
    glossary_free(out);
    const char *tagged = "di \xe2\x9f\xa6moscow|Moskwa\xe2\x9f\xa7";
    out = glossary_untag((const uint8_t *)tagged, strlen(tagged), &length, &error);
    CHECK(out != NULL && strcmp((char *)out, "di Moskwa") == 0 && length == 9, "untag: %s", out ? (char *)out : "NULL");
    glossary_free(out);
    out = glossary_untag((const uint8_t *)"a\nb \xe2\x9f\xa7", 7, &length, &error);
    CHECK(out == NULL && error != NULL && glossary_error_code(error) == GLOSSARY_ERROR_MARKUP && glossary_error_line(error, 0) == 2,
          "malformed markup");
    glossary_error_free(error);
    error = NULL;
    out = glossary_render(m, (const uint8_t *)"x", 1, "yaml", "en", &length, &error);
    CHECK(out == NULL && error != NULL && glossary_error_code(error) == GLOSSARY_ERROR_ARGUMENT, "unknown format");
    glossary_error_free(error);
}

static void test_document(const glossary_matcher *m) {
    glossary_document *document = glossary_document_new(m);
    const char *first = "Menlu Wang Yi tiba di Moskow.";
    const char *second = "Kata Wang, kerja sama berlanjut.";
    glossary_mentions *found = glossary_document_find(document, (const uint8_t *)first, strlen(first), NULL);
    glossary_mentions_free(found);
    /* A bare Wang counts after Wang Yi in an earlier part of the same document. */
    found = glossary_document_find(document, (const uint8_t *)second, strlen(second), NULL);
    CHECK(glossary_mentions_count(found) == 1 && strcmp(concept_of(m, found, 0), "wang-yi") == 0, "wang after wang yi");
    CHECK(glossary_mentions_count(found) == 0 || glossary_mentions_items(found)[0].start == 5, "offsets are into the part");
    glossary_mentions_free(found);
    glossary_document_reset(document);
    found = glossary_document_find(document, (const uint8_t *)second, strlen(second), NULL);
    CHECK(glossary_mentions_count(found) == 0, "wang in a new document: %zu", glossary_mentions_count(found));
    glossary_mentions_free(found);
    glossary_document_free(document);
}

static void test_errors(void) {
    const char *table = "id\tlang\tterm\tform\tstatus\tnote\nkompas\tid\tKompas\tlong\tpref\n";
    size_t length = strlen(table);
    const char *name = "newsroom.tsv";
    glossary_error *error = NULL;
    glossary_matcher *m = glossary_matcher_open_texts(&table, &length, &name, 1, 1, NULL, NULL, &error);
    CHECK(m == NULL && error != NULL, "a bad table opens");
    if (error) {
        CHECK(glossary_error_code(error) == GLOSSARY_ERROR_TABLE, "code %d", glossary_error_code(error));
        CHECK(glossary_error_count(error) == 1, "%zu problems", glossary_error_count(error));
        CHECK(strcmp(glossary_error_file(error, 0), "newsroom.tsv") == 0, "file %s", glossary_error_file(error, 0));
        CHECK(glossary_error_line(error, 0) == 2 && glossary_error_column(error, 0) == 18, "place %lld:%lld",
              (long long)glossary_error_line(error, 0), (long long)glossary_error_column(error, 0));
        CHECK(strstr(glossary_error_message(error), "newsroom.tsv:2:18: error: unknown form") != NULL, "message %s", glossary_error_message(error));
        CHECK(strstr(glossary_error_text(error, 0), "long") != NULL, "text %s", glossary_error_text(error, 0));
        glossary_error_free(error);
    }
    error = NULL;
    const char *path = "/no/such/table.tsv";
    m = glossary_matcher_open(&path, 1, 0, NULL, NULL, &error);
    CHECK(m == NULL && error != NULL && strcmp(glossary_error_file(error, 0), path) == 0, "a missing file");
    glossary_error_free(error);
    error = NULL;
    m = glossary_matcher_open(NULL, 0, 1, "person,planet", NULL, &error);
    CHECK(m == NULL && error != NULL && glossary_error_code(error) == GLOSSARY_ERROR_ARGUMENT, "an unknown kind");
    glossary_error_free(error);
    CHECK(glossary_find(NULL, (const uint8_t *)"x", 1, NULL) == NULL, "a NULL matcher");
    error = NULL;
    const char *rules = "/no/such/variants.txt";
    m = glossary_matcher_open(NULL, 0, 1, NULL, rules, &error);
    CHECK(m == NULL && error != NULL && strcmp(glossary_error_file(error, 0), rules) == 0, "missing variant rules");
    glossary_error_free(error);
}

static void test_layer(void) {
    const char *table = "id\tlang\tterm\tform\tstatus\tnote\nkompas\tund\torganisation\tkind\t\n"
                        "kompas\tid\tHarian Kompas\tfull\tpref\nkompas\ten\tKompas daily\tfull\tpref\n";
    size_t length = strlen(table);
    glossary_error *error = NULL;
    glossary_matcher *m = glossary_matcher_open_texts(&table, &length, NULL, 1, 1, NULL, NULL, &error);
    CHECK(m != NULL && error == NULL, "a layer over the shipped data: %s", error ? glossary_error_message(error) : "");
    if (!m) return;
    glossary_mentions *found = find(m, "Harian Kompas memberitakan Tiongkok.");
    CHECK(glossary_mentions_count(found) == 2 && strcmp(concept_of(m, found, 0), "kompas") == 0
          && strcmp(concept_of(m, found, 1), "china") == 0, "layer mentions");
    glossary_mentions_free(found);
    glossary_matcher_free(m);
}

/* Threads share one matcher. */
static void *worker(void *argument) {
    const glossary_matcher *m = argument;
    size_t total = 0;
    for (int i = 0; i < 200; i++) {
        glossary_mentions *found = glossary_find(m, (const uint8_t *)"Putin dan Xi Jinping di Beijing.", 32, NULL);
        total += glossary_mentions_count(found);
        glossary_mentions_free(found);
    }
    return (void *)total;
}

static void test_threads(glossary_matcher *m) {
    pthread_t threads[4];
    for (int i = 0; i < 4; i++) pthread_create(&threads[i], NULL, worker, m);
    for (int i = 0; i < 4; i++) {
        void *total = NULL;
        pthread_join(threads[i], &total);
        CHECK((size_t)total == 600, "thread %d found %zu", i, (size_t)total);
    }
}

int main(void) {
    CHECK(glossary_abi_version() == GLOSSARY_ABI_VERSION, "version %u", glossary_abi_version());
    glossary_error *error = NULL;
    glossary_matcher *m = glossary_matcher_open(NULL, 0, 1, NULL, NULL, &error);
    CHECK(m != NULL, "the shipped data does not open: %s", error ? glossary_error_message(error) : "");
    if (!m) return 1;
    test_mentions(m);
    test_render(m);
    test_document(m);
    test_errors();
    test_layer();
    test_threads(m);
    glossary_matcher_free(m);
    if (failures) fprintf(stderr, "glossary_test: %d checks failed\n", failures);
    else printf("glossary_test: all checks passed\n");
    return failures ? 1 : 0;
}
