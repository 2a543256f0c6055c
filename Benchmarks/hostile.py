"""Hostile and pathological inputs: time and peak memory of `glossary normalize` on each,
at two sizes, to show that time grows linearly with the input and memory stays bounded.

    python3 Benchmarks/hostile.py [--glossary .build/release/glossary] [--big]

--big adds the 1 GB line (about half a minute here). Figures go to RELIABILITY.md.
Generated input is streamed into the command, never written to disk.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time

NAMES = "Sergey Shoygu bertemu Wang Yi di Moskwa, kata PBB dan Partai Komunis Tiongkok. "


def repeat(piece: bytes, size: int):
    """Chunks of `piece` repeated up to `size` bytes."""
    block = piece * max(1, (1 << 20) // len(piece))
    left = size
    while left > 0:
        chunk = block[: min(left, len(block))]
        left -= len(chunk)
        yield chunk


def all_scalars(size: int):
    """Every Unicode scalar value in order (no surrogates), in lines of 1,000, repeated up to `size`."""
    text = []
    for value in range(0x110000):
        if 0xD800 <= value < 0xE000:
            continue
        if value in (0x0A, 0x0D):
            continue
        text.append(chr(value))
    lines = "\n".join("".join(text[i : i + 1000]) for i in range(0, len(text), 1000)).encode("utf-8") + b"\n"
    return repeat(lines, size)


def shared_prefix_table(path: str, count: int):
    with open(path, "w", encoding="utf-8") as out:
        out.write("id\tlang\tterm\tform\tstatus\tnote\n")
        for i in range(count):
            out.write(f"branch-{i}\tid\tPartai Komunis Cabang {i}\tfull\tpref\n")
            out.write(f"branch-{i}\ten\tCommunist Party Branch {i}\tfull\tpref\n")


def run(glossary: str, args, chunks):
    """Streams chunks into glossary; returns (seconds, peak RSS in MB, bytes in)."""
    started = time.monotonic()
    process = subprocess.Popen(
        ["/usr/bin/time", "-f", "%M", glossary, "normalize", "--jobs", "1", *args],
        stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    total = 0
    for chunk in chunks:
        process.stdin.write(chunk)
        total += len(chunk)
    process.stdin.close()
    err = process.stderr.read().decode()
    process.wait()
    seconds = time.monotonic() - started
    if process.returncode != 0:
        raise SystemExit(f"glossary failed: {err}")
    return seconds, int(err.strip().splitlines()[-1]) / 1024, total


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--glossary", default=".build/release/glossary")
    parser.add_argument("--big", action="store_true")
    args = parser.parse_args()
    mb = 1 << 20
    with tempfile.TemporaryDirectory() as folder:
        table = os.path.join(folder, "shared-prefixes.tsv")
        shared_prefix_table(table, 50_000)
        cases = [
            ("one line without a line feed, names", [], lambda n: repeat(NAMES.encode(), n), [100 * mb] + ([1024 * mb] if args.big else [10 * mb])),
            ("near-matches: Partai Komunis Partai Komunis …, one line", [], lambda n: repeat(b"Partai Komunis ", n), [15 * mb, 150 * mb]),
            ("100,000 terms sharing a prefix, text of near-matches", ["--terms", table],
             lambda n: repeat(b"Partai Komunis Cabang 12x Partai Komunis Cabang 7 dan ", n), [10 * mb, 100 * mb]),
            ("every Unicode scalar value, lines of 1,000", [], all_scalars, [10 * mb, 100 * mb]),
            ("hyphens: ----…, one line", [], lambda n: repeat(b"-", n), [10 * mb, 100 * mb]),
            ("clitics: Rusia-nya-nya-lah-…, one line", [], lambda n: repeat(b"Rusia-nya-nya-lah-pun-kah-", n), [10 * mb, 100 * mb]),
        ]
        print("| input | size | seconds | MB/s | peak RSS MB |")
        print("|---|---:|---:|---:|---:|")
        for name, extra, make, sizes in cases:
            for size in sorted(sizes):
                seconds, rss, total = run(args.glossary, extra, make(size))
                print(f"| {name} | {total / mb:.0f} MB | {seconds:.2f} | {total / mb / seconds:.1f} | {rss:.0f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
