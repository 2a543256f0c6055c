#!/usr/bin/env bash
# How `--jobs 2` scales against `--jobs 1`, and what the machine allows at the same
# moments (issue 14, target 4). On a shared machine a ratio means nothing alone: the
# neighbours may leave one core or two. So each round runs, one after the other:
#
#   scan    a trivial parallel byte scan (word starts, one equal part of the corpus per
#           thread) on 1 and 2 threads: what the cores give right now;
#   wall    glossary normalize --jobs 1 and --jobs 2 (process_seconds of --stats);
#   pinned  both again pinned to one core (taskset): the CPU seconds of the work each
#           path does, which no overlap can beat: 2 threads cannot go faster than
#           cpu(--jobs 1) / (cpu(--jobs 2 pinned) / 2).
#
# Usage: bash Benchmarks/scaling.sh [GLOSSARY] [ROUNDS] [TERMS]
#   defaults: .build/release/glossary, 5, Benchmarks/out/terms-10k.tsv
# Prints every round, then the medians and ratios.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
glossary="${1:-$here/../.build/release/glossary}"
rounds="${2:-5}"
terms="${3:-$here/out/terms-10k.tsv}"
corpus="$here/out/corpus.txt"
[ -f "$corpus" ] || { echo "scaling: no $corpus; run Benchmarks/generate.py first" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Ten passes over the corpus, so that the scan lasts about as long as Glossary's run.
cat > "$work/scan.c" <<'EOF'
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>
static unsigned char *buf;
typedef struct { size_t a, b; long count; } part;
static void *scan(void *p) {
  part *s = p; long c = 0;
  for (int pass = 1; pass <= 10; pass++)
    for (size_t i = s->a + 1; i < s->b; i++) c += pass * (buf[i - 1] == ' ' && buf[i] != ' ');
  s->count = c; return 0;
}
int main(int argc, char **argv) {
  int fd = open(argv[1], O_RDONLY), threads = atoi(argv[2]); struct stat st; fstat(fd, &st);
  size_t n = st.st_size, got = 0; buf = malloc(n);
  while (got < n) { ssize_t k = read(fd, buf + got, n - got); if (k <= 0) break; got += k; }
  pthread_t t[2]; part s[2]; struct timespec a, b; clock_gettime(CLOCK_MONOTONIC, &a);
  for (int k = 0; k < threads; k++) { s[k].a = n * k / threads; s[k].b = n * (k + 1) / threads; pthread_create(&t[k], 0, scan, &s[k]); }
  for (int k = 0; k < threads; k++) pthread_join(t[k], 0);
  clock_gettime(CLOCK_MONOTONIC, &b);
  printf("%.4f\n", (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) * 1e-9);
}
EOF
cc -O2 -pthread -o "$work/scan" "$work/scan.c"

wall() {  # jobs -> process seconds
  "$glossary" normalize --jobs "$1" --stats --to en --terms "$terms" "$corpus" 2>&1 >/dev/null \
    | sed -n 's/.*"process_seconds":\([0-9.]*\).*/\1/p'
}
cpu() {  # jobs -> user + system seconds, on one core
  { /usr/bin/time -f "%U %S" taskset -c 0 "$glossary" normalize --jobs "$1" --to en --terms "$terms" "$corpus" >/dev/null; } 2>&1 \
    | awk '{ print $1 + $2 }'
}
for round in $(seq "$rounds"); do
  echo "$("$work/scan" "$corpus" 1) $("$work/scan" "$corpus" 2) $(wall 1) $(wall 2) $(cpu 1) $(cpu 2)"
done | python3 -c '
import statistics, sys
rows = [list(map(float, line.split())) for line in sys.stdin]
print("round  scan 1t  2t  ratio | glossary j1  j2  ratio | pinned cpu j1  j2  bound")
for i, (s1, s2, g1, g2, c1, c2) in enumerate(rows, 1):
    print(f"{i:5}  {s1:.3f} {s2:.3f} {s1/s2:.2f}x | {g1:.3f} {g2:.3f} {g1/g2:.2f}x | {c1:.2f} {c2:.2f} {2*c1/c2:.2f}x")
s1, s2, g1, g2, c1, c2 = (statistics.median(c) for c in zip(*rows))
print(f"median scan {s1/s2:.2f}x (per round {statistics.median(r[0]/r[1] for r in rows):.2f}x); "
      f"glossary {g1:.3f} s / {g2:.3f} s = {g1/g2:.2f}x (per round {statistics.median(r[2]/r[3] for r in rows):.2f}x); "
      f"pinned cpu {c1:.2f} s / {c2:.2f} s: at most {2*c1/c2:.2f}x with perfect overlap")
'
