#!/usr/bin/env bash
# Checks that a glossary binary needs no Swift toolchain:
#   1. it links no Swift runtime library and has no run path into a toolchain;
#   2. (as root) it runs in a chroot that holds only the binary and the system
#      libraries it names, and normalizes a sample as the build it came from does.
#
#   bash Packaging/check-portable.sh BINARY [SAMPLE]
set -euo pipefail
binary="$(realpath "$1")"
sample="${2:-$(dirname "$0")/../Examples/sample.txt}"
if ldd "$binary" | grep -Eq 'libswift|libdispatch|libFoundation|libBlocksRuntime'; then
    echo "check-portable: $binary links Swift runtime libraries:" >&2
    ldd "$binary" | grep -E 'libswift|libdispatch|libFoundation|libBlocksRuntime' >&2
    exit 1
fi
if readelf -d "$binary" | grep -Eiq '(RUNPATH|RPATH).*(swift|toolchain)'; then
    echo "check-portable: $binary has a run path into a Swift toolchain" >&2
    exit 1
fi
echo "check-portable: no Swift runtime library, no toolchain run path"
if [ "$(id -u)" != 0 ]; then
    echo "check-portable: not root, so the chroot run is skipped"
    exit 0
fi
jail="$(mktemp -d)"
# Every real machine has /proc (a static Swift binary reads its arguments there).
mkdir -p "$jail/proc"
mount -t proc proc "$jail/proc"
trap 'umount "$jail/proc"; rm -rf "$jail"' EXIT
cp "$binary" "$jail/glossary"
for lib in $(ldd "$binary" | awk '/=>/ {print $3} /ld-linux/ {print $1}'); do
    mkdir -p "$jail$(dirname "$lib")"
    cp -L "$lib" "$jail$lib"
done
cp "$sample" "$jail/sample.txt"
chroot "$jail" /glossary normalize --jobs 2 /sample.txt > "$jail.out"
echo "check-portable: ran in a chroot with only /proc and: $(cd "$jail" && find . -path ./proc -prune -o -type f -print | sort | tr '\n' ' ')"
cat "$jail.out"
rm -f "$jail.out"
