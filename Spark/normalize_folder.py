"""Normalize a folder of text or JSON-lines files on Apache Spark with `glossary normalize`.

    python3 Spark/normalize_folder.py INPUT_DIR OUTPUT_DIR [--glossary PATH] [--master local[*]]
                                      [--partitions N] [-- GLOSSARY_ARGS...]

Every input file is read line by line (`SparkContext.textFile`, files in name order),
each partition is piped through one `glossary normalize --jobs 1 ...` process
(`RDD.pipe`), and the lines come back in order (`saveAsTextFile`: part-00000, part-00001,
... concatenated are the output in input order). Normalizing is per line, so the result
equals one `glossary normalize` over the files in name order.

Arguments after `--` go to `glossary normalize` (for example `--to id`, `--format tag`,
`--json-field text`). `--glossary` must name the binary as the executors see it: an absolute path
on every node (a static release build from Packaging/build-release.sh runs on nodes
without a Swift toolchain; they need only the system libraries the README lists), or
`./glossary` when the job ships it with `spark-submit --files glossary` (YARN and
Kubernetes put such files in the executor's working directory).

Limits of Hadoop's line reader, which Spark uses: CR LF and lone CR line ends become LF,
and bytes that are not UTF-8 are replaced. Files in UTF-8 with LF line ends (the usual
case for archives and JSON lines) come out byte for byte as the single-process run.
"""

import argparse
import os
import shlex
import sys
import time

from pyspark import SparkConf, SparkContext


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
        # A comma-separated list keeps the files in the order given.
        lines = sc.textFile(",".join("file://" + os.path.abspath(f) for f in files), minPartitions=args.partitions or None)
        # One glossary process per partition, fed the partition's lines on stdin;
        # checkCode makes a failing glossary (a bad table, a bad JSON line) fail the job.
        command = shlex.join([binary, "normalize", "--jobs", "1", *passthrough])
        result = lines.pipe(command, checkCode=True)
        result.saveAsTextFile("file://" + os.path.abspath(args.output))
        seconds = time.monotonic() - started
        size = sum(os.path.getsize(f) for f in files)
        print(
            f'{{"files":{len(files)},"bytes":{size},"partitions":{lines.getNumPartitions()},"seconds":{seconds:.3f},'
            f'"mb_per_s":{size / seconds / 1e6:.1f}}}',
            file=sys.stderr,
        )
    finally:
        sc.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
