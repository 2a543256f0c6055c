#!/usr/bin/env python3
"""Glossary from Python against the Swift library and the Python tools users would pick
instead, on 2 KB documents, in one run (issue "Glossary from Python", figures).

  Benchmarks/.venv/bin/python Benchmarks/python_bench.py [--table Benchmarks/out/terms-10k.tsv]
      [--corpus Benchmarks/out/corpus-10mb.txt] [--documents 5000] [--reps 5]

Each tool finds the mentions of the same table in the same documents (the corpus cut
into 2 KB pieces), one call per document:
- Glossary in Python: glossary.Matcher(tables=[TABLE], shipped=False).mentions(text);
- the Swift library: `glossary-benchmark --table TABLE --corpus CORPUS` (its "per 2 KB
  document" line, mentions(inUTF8:) per document), built with -c release;
- FlashText: KeywordProcessor.extract_keywords(text, span_info=True) with the table's
  terms (case-insensitive, its default);
- spaCy's EntityRuler, loaded from `glossary export --format spacy --terms TABLE`, on
  spacy.blank("en") (tokenizing included: that is what a pipeline pays), on a tenth of
  the documents.
Prints MB/s (medians of --reps) and Glossary-in-Python's ratio to each.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def documents(path, count):
    data = open(path, "rb").read()
    docs = []
    for start in range(0, len(data), 2048):
        if len(docs) == count:
            break
        docs.append(data[start:start + 2048].decode("utf-8", "ignore"))
    return docs


def timed(function, docs, reps):
    times = []
    found = 0
    for _ in range(reps):
        started = time.perf_counter()
        found = sum(function(doc) for doc in docs)
        times.append(time.perf_counter() - started)
    megabytes = sum(len(doc.encode("utf-8")) for doc in docs) / 1e6
    return megabytes / statistics.median(times), found


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--table", default=os.path.join(HERE, "out", "terms-10k.tsv"))
    parser.add_argument("--corpus", default=os.path.join(HERE, "out", "corpus-10mb.txt"))
    parser.add_argument("--documents", type=int, default=5000)
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--glossary", default=os.path.join(ROOT, ".build", "release", "glossary"))
    args = parser.parse_args()

    import glossary
    docs = documents(args.corpus, args.documents)
    results = {}

    matcher = glossary.Matcher(tables=[args.table], shipped=False)
    results["Glossary in Python"] = timed(lambda d: len(matcher.mentions(d)), docs, args.reps)

    swift = subprocess.run(["swift", "run", "-c", "release", "--package-path", ROOT, "glossary-benchmark", "--table", args.table,
                            "--corpus", args.corpus, "--repeat", str(args.reps)], capture_output=True, text=True, check=True).stdout
    line = next(l for l in swift.splitlines() if "per 2 KB document" in l)
    results["Swift library"] = (float(line.split(":")[1].split("MB/s")[0]), int(line.split(",")[-1].split()[0]))

    terms = []
    for row in open(args.table, encoding="utf-8"):
        fields = row.rstrip("\n").split("\t")
        if len(fields) >= 5 and fields[3] in ("full", "short", "abbr") and not row.startswith("#"):
            terms.append((fields[2], fields[0]))
    try:
        from flashtext import KeywordProcessor
        processor = KeywordProcessor()
        for term, concept in terms:
            processor.add_keyword(term, concept)
        results["FlashText"] = timed(lambda d: len(processor.extract_keywords(d, span_info=True)), docs, args.reps)
    except ImportError:
        print("FlashText is not installed: skipped", file=sys.stderr)

    try:
        import spacy
        patterns = subprocess.run([args.glossary, "export", "--format", "spacy", "--terms", args.table], capture_output=True,
                                  check=True).stdout
        nlp = spacy.blank("en")
        ruler = nlp.add_pipe("entity_ruler")
        ruler.add_patterns([json.loads(line) for line in patterns.splitlines()])
        few = docs[: max(1, len(docs) // 10)]
        results["spaCy EntityRuler"] = timed(lambda d: len(nlp(d).ents), few, max(1, args.reps // 2))
    except ImportError:
        print("spaCy is not installed: skipped", file=sys.stderr)

    ours = results["Glossary in Python"][0]
    print(f"{len(docs)} documents of 2 KB from {os.path.basename(args.corpus)}, table {os.path.basename(args.table)}")
    print(f"{'tool':<22}{'MB/s':>9}{'mentions':>10}  Glossary in Python ×")
    for name, (speed, found) in results.items():
        print(f"{name:<22}{speed:9.3f}{found:10d}  {ours / speed:8.2f}")


main()
