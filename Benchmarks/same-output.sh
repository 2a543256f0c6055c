#!/usr/bin/env bash
# Runs two builds of `glossary` on the same inputs and compares every output byte for
# byte: every format of normalize (with each benchmark table and the shipped one, one and
# two threads, JSON lines), the exports, import, lookup, suggest, check and format.
# For a change that must not change behaviour (a refactor, a faster path):
#
#   cp .build/release/glossary /tmp/glossary-before     # before the change
#   ... change, swift build -c release ...
#   bash Benchmarks/same-output.sh /tmp/glossary-before .build/release/glossary [SEEDS_DIR]
#
# Needs Benchmarks/out (python3 Benchmarks/generate.py --out Benchmarks/out). Exit
# status 0 when every output is the same, 1 with the differing runs named.
set -uo pipefail
old="$1"
new="$2"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
seeds="${3:-$root/../shared/seeds}"
data="$here/out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
[ -f "$data/corpus.txt" ] || { echo "same-output: no $data/corpus.txt; run Benchmarks/generate.py first" >&2; exit 2; }

texts=("$data/corpus-10mb.txt" "$root/Examples/sample.txt")
if [ -d "$seeds" ]; then for f in "$seeds"/*.txt; do texts+=("$f"); done; fi
# JSON lines: each text's lines as documents.
python3 - "$work/docs.jsonl" "${texts[@]:1}" <<'EOF'
import json, sys
with open(sys.argv[1], "w") as out:
    for n, path in enumerate(sys.argv[2:]):
        for i, line in enumerate(open(path, encoding="utf-8", errors="surrogateescape")):
            out.write(json.dumps({"n": n, "i": i, "body": {"text": line.rstrip("\n")}}, ensure_ascii=(i % 2 == 0)) + "\n")
EOF
# The benchmark tables' key files, so both builds load the same way.
for t in "$data"/terms-*.tsv; do "$new" compile --terms "$t" 2>/dev/null; done

runs=0
failed=0
compare() {  # name, then the arguments; stdin from $input
    local name="$1"; shift
    runs=$((runs + 1))
    "$old" "$@" <"$input" >"$work/old.out" 2>"$work/old.err"; local a=$?
    "$new" "$@" <"$input" >"$work/new.out" 2>"$work/new.err"; local b=$?
    # Timings in --stats differ from run to run: compare the rest.
    sed -i -E 's/"(load|process)_seconds":[0-9.e-]+/"\1_seconds":T/g' "$work/old.err" "$work/new.err"
    if [ $a -ne $b ] || ! cmp -s "$work/old.out" "$work/new.out" || ! cmp -s "$work/old.err" "$work/new.err"; then
        echo "DIFFERS: $name (status $a vs $b)" >&2
        diff <(head -c 2000 "$work/old.out") <(head -c 2000 "$work/new.out") | head -10 >&2
        diff "$work/old.err" "$work/new.err" | head -10 >&2
        failed=$((failed + 1))
    fi
}
input=/dev/null
for table in shipped "$data/terms-100.tsv" "$data/terms-10k.tsv" "$data/terms-100k.tsv"; do
    terms=(); [ "$table" = shipped ] || terms=(--terms "$table")
    for text in "${texts[@]}"; do
        for format in text tag jsonl; do
            for to in en id; do
                [ "$format" = tag ] && [ "$to" = id ] && continue
                compare "$(basename "$table") $(basename "$text") $format $to" normalize "${terms[@]}" --format "$format" --to "$to" --jobs 1 --stats "$text"
            done
        done
    done
    compare "$(basename "$table") jobs 2" normalize "${terms[@]}" --jobs 2 "$data/corpus-10mb.txt"
    compare "$(basename "$table") segment" normalize "${terms[@]}" --segment-bytes 300 --format jsonl "${texts[@]:1}"
done
compare "100 MB corpus" normalize --terms "$data/terms-10k.tsv" --format tag "$data/corpus.txt"
for format in text tag jsonl; do
    compare "json-field $format" normalize --json-field body.text --format "$format" --to id "$work/docs.jsonl"
    compare "json-pointer $format" normalize --json-field /body/text --format "$format" "$work/docs.jsonl"
done
printf '{"text":"PBB"}\nnot json\n{"text":1}\n' >"$work/bad.jsonl"
compare "bad json" normalize --json-field text "$work/bad.jsonl"
compare "bad json kept" normalize --json-field text --keep-bad-lines "$work/bad.jsonl"
compare "stdin" normalize --format tag
input="$root/Examples/sample.txt"
compare "stdin sample" normalize --format jsonl
input=/dev/null
compare "usage error" normalize --format xml
compare "missing file" normalize /nonexistent
compare "no language" normalize --to xx "$root/Examples/sample.txt"
for args in "--format tbx" "--format tbx --tbx-version 2" "--format omegat --from id --to en" \
    "--format synonyms --lang id" "--format synonyms --lang en --abbreviations" "--format spacy" "--format json"; do
    # shellcheck disable=SC2086
    compare "export $args" export $args
    # shellcheck disable=SC2086
    compare "export 10k $args" export --terms "$data/terms-10k.tsv" $args
done
"$new" export --format tbx >"$work/shipped.tbx"
"$new" export --format tbx --tbx-version 2 >"$work/shipped-v2.tbx"
compare "import v3" import "$work/shipped.tbx"
compare "import v2" import "$work/shipped-v2.tbx"
printf '<tbx><text><body><conceptEntry id="a"><langSec><termSec/></langSec></conceptEntry></body></text></tbx>' >"$work/bad.tbx"
compare "import bad" import "$work/bad.tbx"
for word in Shoygu 'Сергей Шойгу' 'Organisasi Kerjasama Shangkahi' PKT 王毅 Rusianya nothinghere 'SHOIGU BERTEMU LAVROV'; do
    compare "lookup $word" lookup "$word"
    compare "lookup json $word" lookup --format json "$word"
done
compare "suggest seeds" suggest "${texts[@]:1}"
compare "suggest 1mb" suggest --min-count 2 "$data/corpus-1mb.txt"
compare "check shipped" check "$root/Data/terms.tsv"
compare "check json" check --format json "$root/Data/terms.tsv"
compare "check 10k" check --strict "$data/terms-10k.tsv"
printf 'id\tlang\tterm\tform\tstatus\tnote\nx\ten\tX\tfull\tpref\t\nx\ten\tX\tfull\talt\t\nBad\ten\ty\tabr\tpref\t\n' >"$work/bad.tsv"
compare "check bad" check "$work/bad.tsv"
compare "normalize bad table" normalize --terms "$work/bad.tsv" "$root/Examples/sample.txt"
compare "format check" format --check "$root/Data/terms.tsv"
compare "format check 10k" format --check "$data/terms-10k.tsv"
compare "help" --help
compare "normalize help" normalize --help
if [ $failed -eq 0 ]; then
    echo "same-output: all $runs runs give the same bytes" >&2
else
    echo "same-output: $failed of $runs runs differ" >&2
    exit 1
fi
