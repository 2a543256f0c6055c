// The shipped data files, built into the binary with C23 #embed so that `glossary`
// works from any working directory and as a lone copied binary. The paths are
// relative to this file; the compiler records them as dependencies, so editing the
// data rebuilds this file.
#include "CGlossary.h"

// #embed is standard C23; the target is compiled as C17, where clang offers it as an extension.
#pragma clang diagnostic ignored "-Wc23-extensions"

static const uint8_t terms[] = {
#embed "../../Data/terms.tsv" suffix(,)
    0
};

static const uint8_t world[] = {
#embed "../../Data/world.tsv" suffix(,)
    0
};

static const uint8_t variants[] = {
#embed "../../Data/variants.txt" suffix(,)
    0
};

static const uint8_t surnames[] = {
#embed "../../Data/common-surnames.txt" suffix(,)
    0
};

static const uint8_t words[] = {
#embed "../../Data/common-words.txt" suffix(,)
    0
};

// The compiled form of the two layers above (`glossary compile`), read in place: its
// records are 8-byte aligned from the start of the array.
static const uint8_t compiled[] __attribute__((aligned(16))) = {
#embed "../../Data/terms.compiled" suffix(,)
    0
};

static const uint8_t keys[] = {
#embed "../../Data/terms.keys" suffix(,)
    0
};

const uint8_t *glossary_default_keys(size_t *length) {
    *length = sizeof(keys) - 1;
    return keys;
}

const uint8_t *glossary_default_compiled(size_t *length) {
    *length = sizeof(compiled) - 1;
    return compiled;
}

const uint8_t *glossary_default_world(size_t *length) {
    *length = sizeof(world) - 1;
    return world;
}

const uint8_t *glossary_default_terms(size_t *length) {
    *length = sizeof(terms) - 1;
    return terms;
}

const uint8_t *glossary_default_common_surnames(size_t *length) {
    *length = sizeof(surnames) - 1;
    return surnames;
}

const uint8_t *glossary_default_common_words(size_t *length) {
    *length = sizeof(words) - 1;
    return words;
}

const uint8_t *glossary_default_variants(size_t *length) {
    *length = sizeof(variants) - 1;
    return variants;
}
