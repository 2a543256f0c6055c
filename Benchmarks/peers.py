#!/usr/bin/env python3
"""One run of one peer on one table and corpus, for Benchmarks/bench.py.

  peers.py TOOL PAIRS CORPUS [--spans FILE]

TOOL is flashtext, ahocorasick_rs, pyahocorasick, re, hyperscan or spacy. PAIRS has one
"surface<TAB>canonical" per line. The corpus is read in blocks of about 1 MB cut at
line ends; each tool replaces whole-word, case-insensitive matches of the surfaces by
their canonical term (leftmost-longest where the tool can do it) and writes the text
to /dev/null. Prints one JSON line: load_seconds, process_seconds, replacements. With
--spans, writes "line<TAB>start<TAB>end" of every replacement (for comparing tools).
"""
import json
import re
import sys
import time


def read_pairs(path):
    pairs = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            surface, _, canonical = line.rstrip("\n").partition("\t")
            if surface:
                pairs.setdefault(surface, canonical)
    return pairs


def blocks(path, size=1 << 20):
    with open(path, encoding="utf-8", errors="surrogateescape", newline="") as f:
        rest = ""
        while True:
            chunk = f.read(size)
            if not chunk:
                if rest:
                    yield rest
                return
            chunk = rest + chunk
            cut = chunk.rfind("\n") + 1
            if cut == 0:
                rest = chunk
                continue
            rest = chunk[cut:]
            yield chunk[:cut]


def is_word(ch):
    return ch.isalnum() or ch == "_"


def bounded(text, start, end):
    return (start == 0 or not is_word(text[start - 1])) and (end == len(text) or not is_word(text[end]))


def leftmost_longest(spans):
    """Non-overlapping spans, leftmost first, then longest."""
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    chosen, free = [], 0
    for start, end, value in spans:
        if start >= free:
            chosen.append((start, end, value))
            free = end
    return chosen


def replace(text, spans):
    out, done = [], 0
    for start, end, value in spans:
        out.append(text[done:start])
        out.append(value)
        done = end
    out.append(text[done:])
    return text[:0].join(out)


def build(tool, pairs):
    lower_map = {}
    for surface, canonical in pairs.items():
        lower_map.setdefault(surface.lower(), canonical)
    if tool == "flashtext":
        from flashtext import KeywordProcessor

        kp = KeywordProcessor(case_sensitive=False)
        for surface, canonical in pairs.items():
            kp.add_keyword(surface, canonical)
        return lambda text: [(s, e, v) for v, s, e in kp.extract_keywords(text, span_info=True)]
    if tool == "ahocorasick_rs":
        import ahocorasick_rs

        surfaces = list(lower_map)
        ac = ahocorasick_rs.AhoCorasick(surfaces, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)

        def find(text):
            low = text.lower()
            return [(s, e, lower_map[surfaces[i]]) for i, s, e in ac.find_matches_as_indexes(low) if bounded(low, s, e)]
        return find
    if tool == "pyahocorasick":
        import ahocorasick

        automaton = ahocorasick.Automaton()
        for surface, canonical in lower_map.items():
            automaton.add_word(surface, (len(surface), canonical))
        automaton.make_automaton()

        def find(text):
            low = text.lower()
            out = []
            for end, (length, canonical) in automaton.iter_long(low):
                start = end - length + 1
                if bounded(low, start, end + 1):
                    out.append((start, end + 1, canonical))
            return out
        return find
    if tool == "re":
        alternation = "|".join(re.escape(s) for s in sorted(lower_map, key=len, reverse=True))
        pattern = re.compile(r"\b(?:" + alternation + r")\b", re.IGNORECASE)
        return lambda text: [(m.start(), m.end(), lower_map.get(m.group(0).lower(), "")) for m in pattern.finditer(text)]
    if tool == "hyperscan":
        import hyperscan

        surfaces = list(lower_map)
        db = hyperscan.Database()
        expressions = [rb"\b" + re.escape(s).encode() + rb"\b" for s in surfaces]
        flags = [hyperscan.HS_FLAG_CASELESS | hyperscan.HS_FLAG_SOM_LEFTMOST | hyperscan.HS_FLAG_UTF8] * len(surfaces)
        db.compile(expressions=expressions, ids=list(range(len(surfaces))), elements=len(surfaces), flags=flags)
        values = [lower_map[s].encode() for s in surfaces]

        def find(text):
            # Hyperscan works on bytes: the spans and the replacement are in bytes.
            found = []
            db.scan(text, match_event_handler=lambda i, s, e, f, ctx: found.append((s, e, values[i])))
            return leftmost_longest(found)
        find.bytes = True
        return find
    if tool == "spacy":
        import spacy
        from spacy.matcher import PhraseMatcher
        from spacy.util import filter_spans

        nlp = spacy.blank("id")
        matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        surfaces = list(lower_map)
        for start in range(0, len(surfaces), 1000):
            matcher.add("TERM", list(nlp.tokenizer.pipe(surfaces[start:start + 1000])))

        def find(text):
            out = []
            for line_start, line in line_offsets(text):
                doc = nlp.make_doc(line)
                spans = filter_spans([doc[s:e] for _, s, e in matcher(doc)])
                for span in spans:
                    out.append((line_start + span.start_char, line_start + span.end_char,
                                lower_map.get(span.text.lower(), span.text)))
            return out
        return find
    raise SystemExit(f"unknown tool {tool}")


def line_offsets(text):
    start = 0
    for line in text.split("\n"):
        yield start, line
        start += len(line) + 1


def main():
    tool, pairs_path, corpus = sys.argv[1:4]
    spans_path = sys.argv[5] if len(sys.argv) > 5 and sys.argv[4] == "--spans" else None
    began = time.perf_counter()
    find = build(tool, read_pairs(pairs_path))
    loaded = time.perf_counter()
    replacements = 0
    spans_out = open(spans_path, "w") if spans_path else None
    line_base = 0
    as_bytes = getattr(find, "bytes", False)
    with open("/dev/null", "wb" if as_bytes else "w") as sink:
        for block in blocks(corpus):
            if as_bytes:
                block = block.encode("utf-8", "surrogateescape")
            spans = find(block)
            if tool == "flashtext":
                spans = leftmost_longest(spans)
            replacements += len(spans)
            sink.write(replace(block, spans))
            if spans_out:
                if as_bytes:  # back to characters, for comparing with the other tools
                    block = block.decode("utf-8", "surrogateescape")
                    spans = [(len(block.encode("utf-8", "surrogateescape")[:s].decode("utf-8", "surrogateescape")),
                              len(block.encode("utf-8", "surrogateescape")[:e].decode("utf-8", "surrogateescape")), v)
                             for s, e, v in spans]
                starts = [0] + [i + 1 for i, ch in enumerate(block) if ch == "\n"]
                import bisect
                for s, e, _ in spans:
                    n = bisect.bisect_right(starts, s) - 1
                    spans_out.write(f"{line_base + n + 1}\t{s - starts[n]}\t{e - starts[n]}\n")
                line_base += block.count("\n") if isinstance(block, str) else block.count(b"\n")
    done = time.perf_counter()
    print(json.dumps({"load_seconds": loaded - began, "process_seconds": done - loaded, "replacements": replacements}))


if __name__ == "__main__":
    main()
