#!/usr/bin/env bash
# Builds the release binary with the Swift standard library, Foundation and Dispatch
# linked in statically, so that it runs on a machine without a Swift toolchain, and
# packs it with its documentation:
#
#   bash Packaging/build-release.sh            # -> dist/glossary-linux-<arch>.tar.gz
#
# The binary still needs these system libraries (Debian 12 package names): libc6,
# libstdc++6, libgcc-s1 and libicu72 (ICU 72; the data files are built in). Packaging/
# check-portable.sh runs it in a folder holding only those libraries.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
bash .ci/setup >&2
swift build -c release --static-swift-stdlib --product glossary --scratch-path .build-static >&2
binary=.build-static/release/glossary
arch="$(uname -m)"
name="glossary-linux-$arch"
rm -rf "dist/$name"
mkdir -p "dist/$name"
cp "$binary" "dist/$name/glossary"
strip "dist/$name/glossary" 2>/dev/null || true
cp README.md "dist/$name/"
cp Data/README.md "dist/$name/DATA.md"
tar -C dist -czf "dist/$name.tar.gz" "$name"
echo "dist/$name.tar.gz"
echo "needs:" $(ldd "dist/$name/glossary" | awk '/=>/ {print $1}' | sort | tr '\n' ' ') >&2
