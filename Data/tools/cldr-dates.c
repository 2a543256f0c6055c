// Prints the wide weekday and month names of a locale, one per line,
// from the CLDR data in ICU: the input of generate-common-words.sh for the names of
// days and months, which both languages capitalise but which are not names of people.
#include <stdio.h>
#include <unicode/udat.h>
#include <unicode/ustring.h>

static void print_symbols(UDateFormat *format, UDateFormatSymbolType type) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t count = udat_countSymbols(format, type);
    for (int32_t i = 0; i < count; i++) {
        UChar symbol[64];
        char utf8[256];
        status = U_ZERO_ERROR;
        int32_t length = udat_getSymbols(format, type, i, symbol, 64, &status);
        if (U_FAILURE(status) || length == 0) continue;
        u_strToUTF8(utf8, sizeof utf8, NULL, symbol, length, &status);
        if (U_SUCCESS(status)) printf("%s\n", utf8);
    }
}

int main(int argc, char **argv) {
    for (int a = 1; a < argc; a++) {
        UErrorCode status = U_ZERO_ERROR;
        UDateFormat *format = udat_open(UDAT_DEFAULT, UDAT_DEFAULT, argv[a], NULL, 0, NULL, 0, &status);
        if (U_FAILURE(status)) {
            fprintf(stderr, "cldr-dates: %s: %s\n", argv[a], u_errorName(status));
            return 1;
        }
        print_symbols(format, UDAT_WEEKDAYS);
        print_symbols(format, UDAT_MONTHS);
        udat_close(format);
    }
    return 0;
}
