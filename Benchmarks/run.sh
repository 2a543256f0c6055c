#!/usr/bin/env bash
# The whole benchmark from a fresh clone: data, peers, release build, runs, table.
#   bash Benchmarks/run.sh [bench.py options, e.g. --sizes 10k --reps 5]
# Environment: GLOSSARY_BENCH_MB (corpus size, default 100).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
out="$here/out"
venv="$here/.venv"

bash "$root/.ci/setup"
if [ ! -x /usr/bin/time ]; then
    echo "bench: installing GNU time (peak memory)" >&2
    apt-get update -qq && apt-get install -y -qq time
fi
if [ ! -x "$venv/bin/python" ]; then
    echo "bench: creating $venv with the peers from PyPI" >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q flashtext ahocorasick_rs pyahocorasick hyperscan spacy
fi
if [ ! -f "$out/corpus.txt" ]; then
    echo "bench: generating the corpus and tables" >&2
    python3 "$here/generate.py" --out "$out" --mb "${GLOSSARY_BENCH_MB:-100}"
fi
echo "bench: building glossary (release)" >&2
(cd "$root" && swift build -c release --product glossary >&2)
for table in "$out"/terms-*.tsv; do
    # The compiled form (NAME.compiled, mapped in at start-up) and the word keys (NAME.keys).
    "$root/.build/release/glossary" compile --terms "$table"
done
python3 "$here/bench.py" --data "$out" --glossary "$root/.build/release/glossary" --python "$venv/bin/python" "$@"
