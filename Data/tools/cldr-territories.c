// Prints the CLDR names of territories, from the data in ICU: the input of
// generate-world.sh. For each locale given and each region code on standard input,
// one line per name: LOCALE<TAB>CODE<TAB>TYPE<TAB>NAME, where TYPE is `standard` (the
// name of uloc_getDisplayCountry), `short` or `variant` (CLDR's alt="short" and
// alt="variant" forms, when the locale has them). The region names live in ICU's
// data package "icudtNNl-region" (NN the ICU version, l little-endian).
#include <stdio.h>
#include <string.h>
#include <unicode/uloc.h>
#include <unicode/ures.h>
#include <unicode/ustring.h>
#include <unicode/uvernum.h>

static void print_name(const char *locale, const char *code, const char *type, const UChar *name, int32_t length) {
    char utf8[1024];
    UErrorCode status = U_ZERO_ERROR;
    u_strToUTF8(utf8, sizeof utf8, NULL, name, length, &status);
    if (U_SUCCESS(status) && length > 0) printf("%s\t%s\t%s\t%s\n", locale, code, type, utf8);
}

// An alternative form from the locale's own region table (no fallback to another locale).
static void print_alternative(const char *locale, const char *code, const char *table, const char *type) {
    UErrorCode status = U_ZERO_ERROR;
    UResourceBundle *bundle = ures_openDirect("icudt" U_ICU_VERSION_SHORT "l-region", locale, &status);
    UResourceBundle *names = ures_getByKey(bundle, table, NULL, &status);
    int32_t length = 0;
    const UChar *name = ures_getStringByKey(names, code, &length, &status);
    if (U_SUCCESS(status)) print_name(locale, code, type, name, length);
    ures_close(names);
    ures_close(bundle);
}

int main(int argc, char **argv) {
    char code[16];
    while (scanf("%15s", code) == 1) {
        char tag[32];
        snprintf(tag, sizeof tag, "und_%s", code);
        for (int a = 1; a < argc; a++) {
            UChar name[512];
            UErrorCode status = U_ZERO_ERROR;
            int32_t length = uloc_getDisplayCountry(tag, argv[a], name, 512, &status);
            if (U_FAILURE(status) || status == U_USING_DEFAULT_WARNING) {
                fprintf(stderr, "cldr-territories: no %s name for %s (%s)\n", argv[a], code, u_errorName(status));
                return 1;
            }
            print_name(argv[a], code, "standard", name, length);
            print_alternative(argv[a], code, "Countries%short", "short");
            print_alternative(argv[a], code, "Countries%variant", "variant");
        }
    }
    return 0;
}
