#!/usr/bin/env bash
# Builds libGlossaryC.so and Tests/C/glossary_test.c against it, and runs the test: the
# C interface used from C. Exit status 0 when every check passes.
#   bash Tests/C/run.sh [SCRATCH]     # SCRATCH: SwiftPM's build folder (default .build)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
scratch="${1:-$root/.build}"
cd "$root"
swift build --product GlossaryC --scratch-path "$scratch" >&2
lib="$(swift build --product GlossaryC --scratch-path "$scratch" --show-bin-path)"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
clang -std=c11 -Wall -Wextra -Werror -pthread -I Sources/GlossaryC/include Tests/C/glossary_test.c \
    -L "$lib" -lGlossaryC -Wl,-rpath,"$lib" -o "$out/glossary_test"
"$out/glossary_test"
