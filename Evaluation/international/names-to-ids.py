"""Turns the international set's markup ⟦Canonical Name|surface⟧ into the scorer's
⟦concept-id|surface⟧, by the table, and writes the result to standard output.

The set was written without the table (README.md), so its gold names English Wikipedia
titles, not concept ids. A title is mapped to the concept whose id is the title's slug
(a parenthesised disambiguator dropped: "Georgia (country)" → georgia), else to the one
concept with an English term equal to the title (case and diacritics aside), with the
kind of entities.tsv breaking a tie, else to the concept of a mention that `glossary
normalize` finds covering the whole title (--glossary, default .build/release/glossary;
"Sergey Lavrov" is Sergei Lavrov by the match key; a leading "The " and a trailing
", State" are left out). A title that maps to nothing stays as the id
`unlisted-SLUG`: the table lacks it, and the scorer counts each of its mentions as
missed. With --report, the titles and what they map to go to standard error.

    python3 Evaluation/international/names-to-ids.py > /tmp/international.txt
    python3 Evaluation/score.py --glossary .build/release/glossary \\
        --annotated /tmp/international.txt --ordinary Evaluation/heldout/ordinary.txt

Options: --glossary=PATH (the command that maps the titles left), --report.
"""
import json
import os
import re
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
LAYERS = [os.path.join(HERE, "..", "..", "Data", name) for name in ("world.tsv", "terms.tsv")]
MARK = re.compile(r"⟦([^|⟧]+)\|([^⟧]+)⟧")
KIND_OF_SET = {"country": {"country"}, "territory": {"territory", "country", "region"},
               "city": {"city"}, "organisation": {"organisation", "event"}, "person": {"person"}}


def fold(text):
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("\u2019", "'")


def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", fold(re.sub(r"\s*\(.*\)$", "", text))).strip("-")


def main():
    ids, kinds, by_term = set(), {}, {}
    for path in LAYERS:
        for line in open(path, encoding="utf-8"):
            cols = line.rstrip("\n").split("\t")
            if line.startswith("#") or len(cols) < 5 or cols[0] == "id" or cols[4] == "removed":
                continue
            ids.add(cols[0])
            if cols[3] == "kind":
                kinds[cols[0]] = cols[2]
            elif cols[1] == "en" and cols[3] in ("full", "short", "abbr"):
                by_term.setdefault(fold(cols[2]), set()).add(cols[0])
    set_kinds = {}
    for line in open(os.path.join(HERE, "entities.tsv"), encoding="utf-8"):
        if "\t" in line:
            name, kind = line.rstrip("\n").split("\t")
            set_kinds[name] = kind

    mapping = {}

    def concept(name):
        if name in mapping:
            return mapping[name]
        wanted = KIND_OF_SET.get(set_kinds.get(name, ""), set())
        result = None
        if slug(name) in ids:
            result = slug(name)
        else:
            bare = re.sub(r"\s*\(.*\)$", "", name)
            candidates = by_term.get(fold(name), set()) | by_term.get(fold(bare), set())
            if len(candidates) > 1:
                candidates = {c for c in candidates if kinds.get(c) in wanted} or candidates
            if len(candidates) == 1:
                result = next(iter(candidates))
        mapping[name] = result or "unlisted-" + slug(name)
        return mapping[name]

    text = open(os.path.join(HERE, "annotated.txt"), encoding="utf-8").read()
    names = sorted({m.group(1) for m in MARK.finditer(text)})
    for name in names:
        concept(name)
    glossary = next((a.split("=", 1)[1] for a in sys.argv[1:] if a.startswith("--glossary=")),
                    os.path.join(HERE, "..", "..", ".build", "release", "glossary"))
    left = [n for n in names if mapping[n].startswith("unlisted-")]
    bare = [re.sub(r"^The ", "", re.sub(r"(, [^,]+|\s*\(.*\))$", "", n)) for n in left]
    found = subprocess.run([glossary, "normalize", "--format", "jsonl", "--kinds", "all", "--documents", "lines"],
                           input="\n".join(bare) + "\n", capture_output=True, text=True, check=True).stdout
    for record in map(json.loads, found.splitlines()):
        name, plain = left[record["line"] - 1], bare[record["line"] - 1]
        if record.get("id") and record["start"] == 0 and record["end"] == len(plain.encode("utf-8")):
            mapping[name] = record["id"]
    sys.stdout.write(MARK.sub(lambda m: f"⟦{mapping[m.group(1)]}|{m.group(2)}⟧", text))
    if "--report" in sys.argv:
        for name, cid in sorted(mapping.items(), key=lambda kv: kv[1]):
            print(f"{name}\t{cid}", file=sys.stderr)


main()
