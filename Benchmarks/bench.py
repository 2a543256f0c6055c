#!/usr/bin/env python3
"""Glossary against the tools users would pick instead, on the same tables and corpus.

  python3 Benchmarks/bench.py [--data DIR] [--sizes 100,10k,100k] [--reps 3]
                              [--glossary PATH] [--baseline PATH] [--python PATH] [--skip TOOL,...]

Runs every tool round-robin, --reps times, and prints medians: load/compile time,
throughput, peak RSS, replacements, and Glossary's single-thread throughput as a ratio
to each tool. Slow tools run on the first 1 MB or 10 MB of the corpus (the table says
which). Then it prints a few lines where the tools disagree. Benchmarks/run.sh makes
the data, the virtual environment and the release build first. --baseline adds another
build of glossary (one thread) to the same round-robin, so that a change is measured
as a ratio in one run: `glossary 1-thread ×` on its row is new ÷ baseline.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def run(command, stdin_path):
    """Runs a command with stdin from a file. Returns wall seconds, peak RSS in MB and
    the JSON line it printed, if any. The peak comes from GNU time: Linux gives a child
    of this (large) Python process the parent's peak at exec, so wait4 would overstate
    it; time's own children start small."""
    import tempfile
    with open(stdin_path, "rb") as stdin, tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.run(["/usr/bin/time", "-f", "GLOSSARY_BENCH_RSS_KB %M"] + command,
                                 stdin=stdin, stdout=out, stderr=err)
        wall = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        texts = [out.read().decode(errors="replace"), err.read().decode(errors="replace")]
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed: {texts[1][-500:]}")
    figures, rss = None, 0.0
    for text in texts:
        for line in text.splitlines():
            if line.startswith("{"):
                figures = json.loads(line)
            elif line.startswith("GLOSSARY_BENCH_RSS_KB "):
                rss = int(line.split()[1]) / 1024
    return wall, rss, figures


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=os.path.join(HERE, "out"))
    parser.add_argument("--sizes", default="100,10k,100k")
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--glossary", default=os.path.join(HERE, "..", ".build", "release", "glossary"))
    parser.add_argument("--baseline", help="another glossary binary to compare with, in the same run")
    parser.add_argument("--python", default=os.path.join(HERE, ".venv", "bin", "python"))
    parser.add_argument("--skip", default="")
    args = parser.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    cores = os.cpu_count() or 1
    corpus = {name: os.path.join(args.data, f) for name, f in
              (("full", "corpus.txt"), ("10mb", "corpus-10mb.txt"), ("1mb", "corpus-1mb.txt"))}
    size_of = {name: os.path.getsize(path) for name, path in corpus.items()}
    peers = os.path.join(HERE, "peers.py")

    rows = []
    for size in args.sizes.split(","):
        tsv = os.path.join(args.data, f"terms-{size}.tsv")
        pairs = tsv.replace(".tsv", ".pairs")
        tools = [
            ("glossary (1 thread)", [args.glossary, "normalize", "--terms", tsv, "--jobs", "1", "--stats"], "full"),
            (f"glossary ({cores} threads)", [args.glossary, "normalize", "--terms", tsv, "--jobs", str(cores), "--stats"], "full"),
            ("ahocorasick_rs", [args.python, peers, "ahocorasick_rs", pairs, corpus["full"]], "full"),
            ("pyahocorasick", [args.python, peers, "pyahocorasick", pairs, corpus["full"]], "full"),
            ("flashtext", [args.python, peers, "flashtext", pairs, corpus["10mb"]], "10mb"),
            ("hyperscan", [args.python, peers, "hyperscan", pairs, corpus["10mb"]], "10mb"),
            ("python re", [args.python, peers, "re", pairs, corpus["1mb"]], "1mb"),
            ("spacy PhraseMatcher", [args.python, peers, "spacy", pairs, corpus["1mb"]], "1mb"),
            ("glossary baseline (1 thread)", [args.baseline or "", "normalize", "--terms", tsv, "--jobs", "1", "--stats"], "full"),
            ("cat | cat", ["sh", "-c", "cat | cat"], "full"),
            ("wc -l", ["wc", "-l"], "full"),
        ]
        tools = [t for t in tools if t[0].split(" ")[0] not in skip and t[0] not in skip
                 and (args.baseline or not t[0].startswith("glossary baseline"))]
        times = {name: [] for name, _, _ in tools}
        figures = {}
        for rep in range(args.reps):
            for name, command, which in tools:  # round-robin: every tool once per repetition
                stdin = corpus[which] if name.startswith(("glossary", "cat", "wc")) else os.devnull
                print(f"  [{size}] {name} ({rep + 1}/{args.reps})", file=sys.stderr, flush=True)
                wall, rss, result = run(command, stdin)
                load = result.get("load_seconds", 0.0) if result else 0.0
                process = result.get("process_seconds", wall) if result else wall
                times[name].append((load, process, rss))
                figures[name] = result or {}
        for name, command, which in tools:
            load = statistics.median(t[0] for t in times[name])
            process = statistics.median(t[1] for t in times[name])
            result = figures[name]
            replaced = result.get("mentions", result.get("replacements", ""))
            rows.append({"tool": name, "terms": size, "corpus": which, "load": load,
                         "mbps": size_of[which] / 1e6 / process, "rss": max(t[2] for t in times[name]),
                         "replacements": replaced})

    print()
    header = f"{'tool':30} {'terms':>6} {'corpus':>7} {'load s':>8} {'MB/s':>9} {'RSS MB':>7} {'replaced':>9} {'glossary 1-thread ×':>20}"
    print(header)
    print("-" * len(header))
    for size in args.sizes.split(","):
        own = next((r for r in rows if r["terms"] == size and r["tool"] == "glossary (1 thread)"), None)
        for r in (r for r in rows if r["terms"] == size):
            ratio = f"{own['mbps'] / r['mbps']:.2f}" if own else ""
            print(f"{r['tool']:30} {r['terms']:>6} {r['corpus']:>7} {r['load']:8.3f} {r['mbps']:9.1f} {r['rss']:7.1f} "
                  f"{str(r['replacements']):>9} {ratio:>20}")
    disagreements(args, corpus["1mb"])


def disagreements(args, corpus):
    """A few lines of the 1 MB slice where Glossary and the Aho-Corasick peers differ."""
    tsv = os.path.join(args.data, "terms-10k.tsv")
    if not os.path.exists(tsv):
        return
    jsonl = subprocess.run([args.glossary, "normalize", "--terms", tsv, "--format", "jsonl", corpus],
                           capture_output=True, check=True).stdout.decode()
    with open(corpus, encoding="utf-8", errors="surrogateescape") as f:
        lines = f.read().split("\n")
    ours = {}
    for record in map(json.loads, jsonl.splitlines()):
        ours.setdefault(record["line"], []).append(record["surface"])
    spans_path = os.path.join(args.data, "spans-ahocorasick_rs.txt")
    subprocess.run([args.python, os.path.join(HERE, "peers.py"), "ahocorasick_rs", tsv.replace(".tsv", ".pairs"),
                    corpus, "--spans", spans_path], capture_output=True, check=True)
    theirs = {}
    with open(spans_path) as f:
        for row in f:
            line, start, end = map(int, row.split("\t"))
            theirs.setdefault(line, []).append(lines[line - 1][start:end])
    shown = 0
    print("\nWhere Glossary and ahocorasick_rs (leftmost-longest + word boundaries) disagree, 10k table, 1 MB slice:")
    for line in sorted(set(ours) | set(theirs)):
        a, b = sorted(ours.get(line, [])), sorted(theirs.get(line, []))
        if a != b and shown < 4:
            only_ours = [s for s in a if s not in b]
            only_theirs = [s for s in b if s not in a]
            print(f"  line {line}: only Glossary: {only_ours}; only ahocorasick_rs: {only_theirs}")
            shown += 1


if __name__ == "__main__":
    main()
