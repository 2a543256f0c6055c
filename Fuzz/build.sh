#!/usr/bin/env bash
# Builds the fuzzer: the library's Swift sources, the C bridge, the test oracles and
# their fixtures (Tests/GlossaryTests/Support), and Fuzz/Harness.swift, with libFuzzer
# and AddressSanitizer. One binary serves every target of FuzzOracles.targets.
#   bash Fuzz/build.sh            # -> .build-fuzz/glossary-fuzz
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/.build-fuzz"
mkdir -p "$out/src" "$out/module"
cd "$root"
icu_cflags="$(pkg-config --cflags icu-i18n)"
icu_libs="$(pkg-config --libs icu-i18n)"
for c in Sources/CGlossary/*.c; do
    clang -c -O1 -g -fsanitize=fuzzer-no-link,address $icu_cflags -I Sources/CGlossary/include "$c" -o "$out/$(basename "$c" .c).o"
done
cat > "$out/module/module.modulemap" <<MAP
module CGlossary {
    header "$root/Sources/CGlossary/include/CGlossary.h"
    export *
}
MAP
# The oracles and what they use, without their import lines (one module here).
for file in FuzzOracles ReferenceMatcher FixtureTable; do
    grep -v -E '^(@testable )?import (Glossary|Testing)$' "Tests/GlossaryTests/Support/$file.swift" > "$out/src/$file.swift"
done
swiftc -O -g -sanitize=fuzzer,address -parse-as-library -module-name GlossaryFuzz -package-name glossary \
    -I "$out/module" \
    $(find Sources/Glossary -name '*.swift' | sort) "$out"/src/*.swift Fuzz/Harness.swift \
    "$out"/*.o $icu_libs -lstdc++ \
    -o "$out/glossary-fuzz"
echo "$out/glossary-fuzz"
