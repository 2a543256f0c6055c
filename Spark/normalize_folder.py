"""Normalize a folder of text or JSON-lines files on Apache Spark with `glossary normalize`.

    python3 Spark/normalize_folder.py INPUT_DIR OUTPUT_DIR [--glossary PATH] [--master local[*]]
                                      [--partitions N] [-- GLOSSARY_ARGS...]

A document is the unit of evidence for shared spellings (a paragraph's undecided *PKT*
goes to the sense an earlier paragraph of its document named), so every record of the
job is one whole document, and no partition ever cuts one:

- text files (the default): each file is read whole (`SparkContext.wholeTextFiles`) and
  cut into its documents as `glossary normalize` cuts a stream: at blank lines and at
  lines that begin with a form feed, and at the end of the file. Each document travels
  as one JSON line `{"d": TEXT}` through `glossary normalize --json-field d`, where a
  JSON line is a document, and comes back as its text; blank lines pass as they are.
- JSON lines (`-- --json-field PATH`): every line is a document already, and lines are
  the records (`SparkContext.textFile`).

Each partition is piped through one `glossary normalize --jobs 1 ...` process
(`RDD.pipe`), and the records come back in input order (`saveAsTextFile`: part-00000,
part-00001, ... concatenated are the output). So the result equals one `glossary
normalize` over the files in name order.

Arguments after `--` go to `glossary normalize` (for example `--to id`, `--format tag`,
`--json-field text`); `--format jsonl` needs `--json-field` (the mentions of a text file
are listed by one process: `glossary normalize --format jsonl`). `--glossary` must name
the binary as the executors see it: an absolute path on every node (a static release
build from Packaging/build-release.sh runs on nodes without a Swift toolchain; they need
only the system libraries the README lists), or `./glossary` when the job ships it with
`spark-submit --files glossary` (YARN and Kubernetes put such files in the executor's
working directory).

Limits of Spark's readers: bytes that are not UTF-8 are replaced, a last line without a
line feed gets one, and a text file must fit in an executor's memory (it is read whole);
with `--json-field`, Hadoop's line reader also turns CR LF and lone CR into LF. Files in
UTF-8 with LF line ends (the usual case for archives and JSON lines) come out byte for
byte as the single-process run.
"""

import argparse
import json
import os
import re
import shlex
import sys
import time

from pyspark import SparkConf, SparkContext


def is_boundary(line: str) -> bool:
    """A line that ends a document of a text stream, as `glossary normalize --documents
    blank-lines` decides: blank (spaces, tabs, CR, form feeds) or starting with a form feed."""
    return line.startswith("\f") or all(c in " \t\r\f" for c in line)


def documents(text: str):
    """The file's text as records in order: ("doc", TEXT) for a document (its lines
    joined by LF, a line that begins with a form feed first among them), ("pass", LINE)
    for a blank line, which has no mention and passes through."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # the file ended with a line feed
    current = []
    for line in lines:
        if is_boundary(line):
            if current:
                yield ("doc", "\n".join(current))
                current = []
            if line.startswith("\f") and not all(c in " \t\r\f" for c in line):
                current = [line]  # a form feed that begins a line with text: a new document
            else:
                yield ("pass", line)
        else:
            current.append(line)
    if current:
        yield ("doc", "\n".join(current))


def local_path(uri: str) -> str:
    """The absolute path of a `file:` URI as Spark writes it (file:/x or file:///x)."""
    return os.path.abspath(re.sub(r"^file:(//)?", "", uri))


def main() -> int:
    argv = sys.argv[1:]
    passthrough = []
    if "--" in argv:
        split = argv.index("--")
        argv, passthrough = argv[:split], argv[split + 1 :]
    parser = argparse.ArgumentParser(description="Normalize a folder of files with glossary on Spark (RDD.pipe).")
    parser.add_argument("input", help="folder of input files (or one file)")
    parser.add_argument("output", help="output folder (must not exist)")
    parser.add_argument("--glossary", default=os.environ.get("GLOSSARY", "glossary"), help="the glossary binary")
    parser.add_argument("--master", default="local[*]", help="Spark master (default: local[*], all local cores)")
    parser.add_argument("--partitions", type=int, default=0, help="minimum partitions (default: Spark's choice)")
    args = parser.parse_args(argv)
    json_lines = "--json-field" in passthrough or any(a.startswith("--json-field=") for a in passthrough)
    if not json_lines and ("jsonl" in passthrough or "--format=jsonl" in passthrough):
        print("normalize_folder: --format jsonl needs --json-field; list a text file's mentions with one "
              "glossary normalize --format jsonl", file=sys.stderr)
        return 2

    if os.path.isdir(args.input):
        files = sorted(
            os.path.join(args.input, name)
            for name in os.listdir(args.input)
            if not name.startswith((".", "_")) and os.path.isfile(os.path.join(args.input, name))
        )
    else:
        files = [args.input]
    if not files:
        print(f"normalize_folder: no input files in {args.input}", file=sys.stderr)
        return 2

    binary = os.path.abspath(args.glossary) if os.path.sep in args.glossary else args.glossary
    conf = SparkConf().setAppName("glossary-normalize").setMaster(args.master)
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    try:
        started = time.monotonic()
        paths = ["file://" + os.path.abspath(f) for f in files]
        if json_lines:
            # A JSON line is a document: lines are the records. A comma-separated list
            # keeps the files in the order given.
            records = sc.textFile(",".join(paths), minPartitions=args.partitions or None)
            command = shlex.join([binary, "normalize", "--jobs", "1", *passthrough])
            # checkCode makes a failing glossary (a bad table, a bad JSON line) fail the job.
            result = records.pipe(command, checkCode=True)
        else:
            order = {os.path.abspath(f): index for index, f in enumerate(files)}
            files_rdd = sc.wholeTextFiles(",".join(paths), minPartitions=args.partitions or None)
            # (file, record) keys keep the input order through the shuffle that spreads
            # the documents over the partitions.
            keyed = files_rdd.flatMap(
                lambda item: (((order[local_path(item[0])], k), record) for k, record in enumerate(documents(item[1]))))
            partitions = max(args.partitions, files_rdd.getNumPartitions(), 1)
            records = keyed.sortByKey(numPartitions=partitions).values()
            encoded = records.map(lambda r: json.dumps({"d": r[1]} if r[0] == "doc" else {"pass": r[1]}, ensure_ascii=False))
            command = shlex.join([binary, "normalize", "--jobs", "1", "--json-field", "d", *passthrough])
            piped = encoded.pipe(command, checkCode=True)
            result = piped.map(lambda line: (lambda value: value["d"] if "d" in value else value["pass"])(json.loads(line)))
        result.saveAsTextFile("file://" + os.path.abspath(args.output))
        seconds = time.monotonic() - started
        size = sum(os.path.getsize(f) for f in files)
        print(
            f'{{"files":{len(files)},"bytes":{size},"partitions":{result.getNumPartitions()},"seconds":{seconds:.3f},'
            f'"mb_per_s":{size / seconds / 1e6:.1f}}}',
            file=sys.stderr,
        )
    finally:
        sc.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
