#!/usr/bin/env python3
"""Score `glossary normalize` on the project's own evaluation set.

Reads Evaluation/annotated.txt (gold mentions in the tag markup ⟦id|surface⟧),
strips the markup, runs `GLOSSARY normalize --format jsonl --to en` on the plain
text and computes lenient precision, recall and F1. Then runs the same command on
Evaluation/ordinary.txt, whose sentences mention no concept of the table, and
reports the false mentions per 1,000 sentences. Standard library only.

    python3 Evaluation/score.py --glossary .build/release/glossary [--verbose] [--json]

See Evaluation/README.md for the guidelines and what the figures mean.
"""

import argparse
import fnmatch
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

OPEN, CLOSE, SEP = "\u27e6", "\u27e7", "|"

# Idea-like concepts of today's table, used only when the table has no
# `kind` rows (a row whose form column is `kind` and whose term column is `idea`).
# Patterns are fnmatch-style.
FALLBACK_IDEAS = [
    "hegemony",
    "multilateralism",
    "true-multilateralism",
    "unilateralism",
    "multipolar-world",
    "cold-war-mentality",
    "bloc-confrontation",
    "climate-change",
    "global-governance",
    "artificial-intelligence",
    "strategic-*",
    "comprehensive-strategic-*",
    "democratization-of-international-relations",
    "good-neighbourliness",
    "high-level-exchanges",
    "asean-centrality",
    "asean-dialogue-partner",
    "greater-brics-cooperation",
    "china-russia-partnership-for-a-new-era",
    "china-brazil-six-point-consensus",
    "china-russia-strategic-security-consultation",
]


class MarkupError(Exception):
    pass


def read_table(paths):
    """Return (all concept ids, idea ids or None when the tables have no kind rows).

    The paths are layers, bottom first (Data/README.md, "Layers"): a later kind row of a
    concept replaces an earlier one."""
    ids, kinds, has_kind = set(), {}, False
    for path in paths:
        has_kind |= read_layer(path, ids, kinds)
    ideas = {cid for cid, kind in kinds.items() if kind == "idea"}
    return ids, (ideas if has_kind else None)


def read_layer(path, ids, kinds):
    has_kind = False
    with open(path, encoding="utf-8") as f:
        header_seen = False
        for raw in f:
            line = raw.rstrip("\n").rstrip("\r")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if not header_seen:
                header_seen = True
                if cols[:1] == ["id"]:
                    continue
            if len(cols) < 4:
                continue
            cid, term, form = cols[0], cols[2], cols[3]
            if len(cols) > 4 and cols[4] == "removed":
                continue
            ids.add(cid)
            if form == "kind":
                has_kind = True
                kinds[cid] = term.strip().lower()
    return has_kind


def idea_predicate(table_ids, table_ideas):
    if table_ideas is not None:
        return lambda cid: cid in table_ideas, sorted(table_ideas), "table kind rows"
    matched = sorted(c for c in table_ids
                     if any(fnmatch.fnmatchcase(c, p) for p in FALLBACK_IDEAS))
    def is_idea(cid):
        return any(fnmatch.fnmatchcase(cid, p) for p in FALLBACK_IDEAS)
    return is_idea, matched, "built-in list (the table has no kind rows)"


def parse_markup(path):
    """Return (plain lines, gold spans). A gold span is a dict with line (1-based),
    start, end (UTF-8 byte offsets in the plain line), id and surface."""
    plain_lines, gold = [], []
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for lineno, line in enumerate(lines, 1):
        if line.endswith("\r"):
            line = line[:-1]
        out = bytearray()
        i = 0
        while i < len(line):
            ch = line[i]
            if ch == OPEN:
                j = line.find(CLOSE, i + 1)
                if j < 0:
                    raise MarkupError(f"{path}:{lineno}:{i + 1}: tag left open")
                body = line[i + 1:j]
                if OPEN in body or SEP not in body:
                    raise MarkupError(f"{path}:{lineno}:{i + 1}: malformed tag {body!r}")
                cid, surface = body.split(SEP, 1)
                if not cid or not surface or surface != surface.strip():
                    raise MarkupError(f"{path}:{lineno}:{i + 1}: malformed tag {body!r}")
                start = len(out)
                out += surface.encode("utf-8")
                gold.append({"line": lineno, "start": start, "end": len(out),
                             "id": cid, "surface": surface})
                i = j + 1
            elif ch == CLOSE:
                raise MarkupError(f"{path}:{lineno}:{i + 1}: lone {CLOSE}")
            else:
                out += ch.encode("utf-8")
                i += 1
        plain_lines.append(out.decode("utf-8"))
    return plain_lines, gold


KINDS = None  # --kinds, passed on to glossary normalize


def run_glossary(glossary, terms, path):
    cmd = [glossary, "normalize", "--format", "jsonl", "--to", "en"]
    if terms:
        cmd += ["--terms", terms]
    if KINDS:
        cmd += ["--kinds", KINDS]
    cmd.append(path)
    try:
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    except OSError as e:
        sys.exit(f"score.py: cannot run {glossary}: {e}")
    if proc.returncode != 0:
        sys.exit(f"score.py: {' '.join(cmd)} failed with status {proc.returncode}:\n"
                 + proc.stderr.decode("utf-8", "replace"))
    preds = []
    for raw in proc.stdout.decode("utf-8").splitlines():
        if not raw.strip():
            continue
        obj = json.loads(raw)
        cands = obj.get("candidates") or []
        cand_ids = [c.get("id") if isinstance(c, dict) else c for c in cands]
        preds.append({"line": obj["line"], "start": obj["start"], "end": obj["end"],
                      "id": obj.get("id"), "surface": obj.get("surface", ""),
                      "resolution": obj.get("resolution"), "candidates": cand_ids})
    return preds


def is_ignored(pred, is_idea):
    if pred["id"] is not None:
        return is_idea(pred["id"])
    cands = [c for c in pred["candidates"] if c]
    return bool(cands) and all(is_idea(c) for c in cands)


def overlaps(a, b):
    return a["line"] == b["line"] and a["start"] < b["end"] and b["start"] < a["end"]


def label(pred):
    if pred["id"] is not None:
        return pred["id"]
    return "ambiguous:" + ",".join(c for c in pred["candidates"] if c)


def prf(tp_pred, n_pred, found, n_gold):
    p = tp_pred / n_pred if n_pred else 0.0
    r = found / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def snippet(line, start, end, width=60):
    """The line around a byte span, with the span in brackets."""
    b = line.encode("utf-8")
    left = b[max(0, start - width):start].decode("utf-8", "ignore")
    mid = b[start:end].decode("utf-8", "ignore")
    right = b[end:end + width].decode("utf-8", "ignore")
    return f"{'…' if start > width else ''}{left}[{mid}]{right}{'…' if end + width < len(b) else ''}"


def count_documents(lines):
    docs, in_doc = 0, False
    for line in lines:
        if line.strip():
            if not in_doc:
                docs += 1
            in_doc = True
        else:
            in_doc = False
    return docs


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--glossary", default="glossary",
                    help="the glossary command (default: glossary on PATH)")
    ap.add_argument("--terms", help="term table passed to glossary with --terms")
    ap.add_argument("--table", action="append", default=None,
                    help="table read for the idea concepts and the ids; repeat it for layers, "
                         "bottom first (default: the --terms file if given, else the shipped "
                         "layers ../Data/world.tsv and ../Data/terms.tsv next to this script)")
    ap.add_argument("--annotated", default=os.path.join(HERE, "annotated.txt"))
    ap.add_argument("--ordinary", default=os.path.join(HERE, "ordinary.txt"))
    ap.add_argument("--kinds", help="passed on to glossary normalize --kinds: the kinds of concept "
                                     "the annotation covers (the international set: "
                                     "country,territory,city,organisation,person)")
    ap.add_argument("--verbose", action="store_true",
                    help="list every false positive and false negative")
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = ap.parse_args()
    global KINDS
    KINDS = args.kinds

    shipped = [os.path.join(HERE, "..", "Data", name) for name in ("world.tsv", "terms.tsv")]
    table_paths = args.table or ([args.terms] if args.terms else shipped)
    table_ids, table_ideas = read_table(table_paths)
    is_idea, idea_list, idea_source = idea_predicate(table_ids, table_ideas)

    try:
        plain, gold = parse_markup(args.annotated)
    except MarkupError as e:
        sys.exit(f"score.py: {e}")

    warnings = []
    for g in gold:
        if g["id"] not in table_ids:
            warnings.append(f"{os.path.basename(args.annotated)}:{g['line']}: gold id "
                            f"{g['id']!r} is not in the table ({g['surface']})")
        elif is_idea(g["id"]):
            warnings.append(f"{os.path.basename(args.annotated)}:{g['line']}: gold id "
                            f"{g['id']!r} is an idea concept; it is not scored")
    gold = [g for g in gold if not is_idea(g["id"])]

    with tempfile.TemporaryDirectory() as tmp:
        plain_path = os.path.join(tmp, "annotated.plain.txt")
        with open(plain_path, "w", encoding="utf-8", newline="") as f:
            f.write("".join(line + "\n" for line in plain))
        preds_all = run_glossary(args.glossary, args.terms, plain_path)
    preds = [p for p in preds_all if not is_ignored(p, is_idea)]

    # Lenient matching: overlap on the same line with the same id.
    for p in preds:
        p["ok"] = any(overlaps(p, g) and p["id"] == g["id"] for g in gold)
    for g in gold:
        g["found"] = any(overlaps(p, g) and p["id"] == g["id"] for p in preds)
    tp_pred = sum(p["ok"] for p in preds)
    found = sum(g["found"] for g in gold)
    precision, recall, f1 = prf(tp_pred, len(preds), found, len(gold))

    # Ordinary text may mark, as annotated.txt does, the mentions of concepts that the
    # table gained after the text was written (a country named in a sports report):
    # a prediction of the marked concept on a marked span is no false mention.
    try:
        ord_lines, ord_marked = parse_markup(args.ordinary)
    except MarkupError as e:
        sys.exit(f"score.py: {e}")
    ord_sentences = sum(1 for line in ord_lines if line.strip())
    with tempfile.TemporaryDirectory() as tmp:
        ord_path = os.path.join(tmp, "ordinary.txt")
        with open(ord_path, "w", encoding="utf-8") as f:
            f.write("".join(line + "\n" for line in ord_lines))
        ord_all = run_glossary(args.glossary, args.terms, ord_path)
    ord_false = [p for p in ord_all if not is_ignored(p, is_idea)
                 and not any(overlaps(p, g) and p["id"] == g["id"] for g in ord_marked)]
    ord_ignored = [p for p in ord_all if is_ignored(p, is_idea)]
    rate = 1000.0 * len(ord_false) / ord_sentences if ord_sentences else 0.0
    ord_lines_hit = len({p["line"] for p in ord_false})

    fps = [p for p in preds if not p["ok"]]
    fns = [g for g in gold if not g["found"]]

    figures = {
        "annotated": {
            "sentences": sum(1 for line in plain if line.strip()),
            "documents": count_documents(plain),
            "gold": len(gold),
            "predicted": len(preds),
            "true_positives": tp_pred,
            "gold_found": found,
            "false_positives": len(fps),
            "false_negatives": len(fns),
            "ignored_idea_predictions": len(preds_all) - len(preds),
            "precision": round(precision, 3),
            "recall": round(recall, 3),
            "f1": round(f1, 3),
        },
        "ordinary": {
            "sentences": ord_sentences,
            "documents": count_documents(ord_lines),
            "false_mentions": len(ord_false),
            "sentences_with_false_mentions": ord_lines_hit,
            "false_mentions_per_1000_sentences": round(rate, 1),
            "ignored_idea_predictions": len(ord_ignored),
        },
        "ideas": {"source": idea_source, "ids": idea_list},
    }

    if warnings:
        sys.stdout.flush()
        for w in warnings:
            print("warning: " + w, file=sys.stderr)
        sys.stderr.flush()

    if args.json:
        if args.verbose:
            figures["annotated"]["false_positive_list"] = [
                {"line": p["line"], "surface": p["surface"], "id": label(p)} for p in fps]
            figures["annotated"]["false_negative_list"] = [
                {"line": g["line"], "surface": g["surface"], "id": g["id"]} for g in fns]
            figures["ordinary"]["false_mention_list"] = [
                {"line": p["line"], "surface": p["surface"], "id": label(p)} for p in ord_false]
        print(json.dumps(figures, ensure_ascii=False))
        return 0

    a, o = figures["annotated"], figures["ordinary"]
    print(f"Glossary evaluation ({args.glossary})")
    print(f"annotated.txt: {a['sentences']} sentences in {a['documents']} documents")
    print(f"  precision {precision:.3f}   recall {recall:.3f}   F1 {f1:.3f}   (lenient: overlap, same id, same line)")
    print(f"  gold {a['gold']}   predicted {a['predicted']}   true positives {tp_pred}"
          f"   gold found {found}   false positives {len(fps)}   false negatives {len(fns)}")
    print(f"  idea-concept predictions ignored: {a['ignored_idea_predictions']}")
    print(f"ordinary.txt: {o['sentences']} sentences in {o['documents']} documents")
    print(f"  false mentions {o['false_mentions']} (in {ord_lines_hit} sentences)"
          f"   = {rate:.1f} per 1,000 sentences")
    print(f"  idea-concept predictions ignored: {o['ignored_idea_predictions']}")

    if args.verbose:
        def show(kind, fname, lines, item, ident):
            print(f"  {kind} {fname}:{item['line']}  {ident}  «{item['surface']}»")
            print(f"      {snippet(lines[item['line'] - 1], item['start'], item['end'])}")
        print(f"\nFalse positives in annotated.txt ({len(fps)}):")
        for p in sorted(fps, key=lambda x: (x["line"], x["start"])):
            gold_here = [g["id"] for g in gold if overlaps(p, g)]
            extra = f"  (gold here: {', '.join(gold_here)})" if gold_here else ""
            show("FP", "annotated.txt", plain, p, label(p) + extra)
        print(f"\nFalse negatives in annotated.txt ({len(fns)}):")
        for g in sorted(fns, key=lambda x: (x["line"], x["start"])):
            pred_here = [label(p) for p in preds_all if overlaps(p, g)]
            extra = f"  (predicted here: {', '.join(pred_here)})" if pred_here else ""
            show("FN", "annotated.txt", plain, g, g["id"] + extra)
        print(f"\nFalse mentions in ordinary.txt ({len(ord_false)}):")
        for p in sorted(ord_false, key=lambda x: (x["line"], x["start"])):
            show("FM", "ordinary.txt", ord_lines, p, label(p))
        if ord_ignored:
            print(f"\nIdea-concept predictions in ordinary.txt, not counted ({len(ord_ignored)}):")
            for p in sorted(ord_ignored, key=lambda x: (x["line"], x["start"])):
                show("--", "ordinary.txt", ord_lines, p, label(p))
    return 0


if __name__ == "__main__":
    sys.exit(main())
