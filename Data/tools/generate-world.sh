#!/usr/bin/env bash
# Regenerates Data/world.tsv, the generated bottom layer of the shipped data: the
# countries and territories of Data/tools/world-entities.tsv with their names in
# Indonesian, English, Russian and Chinese, from two maintained sources:
# - CLDR, through the ICU that Glossary links (tools/cldr-territories.c): each
#   territory's name and CLDR's short and variant forms;
# - ISO 3166-1 from Debian's iso-codes: the English name, common name and official
#   name, and their translations in its gettext catalogues.
# Deterministic: the same ICU and iso-codes give the same file, byte for byte. To take
# in new data, install it (apt-get install libicu-dev iso-codes), run this script,
# review the diff, and run `swift run glossary compile`:
#
#     bash Data/tools/generate-world.sh            # writes Data/world.tsv
#     bash Data/tools/generate-world.sh OUT.tsv    # writes OUT.tsv instead
#
# The rules that turn names into rows are in generate-world.py; what the curated layer
# Data/terms.tsv changes on top is in Data/README.md, "World".
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here/../world.tsv}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

cc="$(command -v cc || command -v gcc || command -v clang)"
"$cc" -O1 -o "$tmp/cldr-territories" "$here/cldr-territories.c" $(pkg-config --cflags --libs icu-i18n)
grep -v '^#' "$here/world-entities.tsv" | cut -f1 | "$tmp/cldr-territories" id en ru zh > "$tmp/cldr.tsv"
python3 "$here/generate-world.py" "$here/world-entities.tsv" "$tmp/cldr.tsv" \
    "$(pkg-config --modversion icu-i18n)" "$(dpkg-query -W -f='${Version}' iso-codes)" > "$tmp/world.tsv"
mv "$tmp/world.tsv" "$out"
