"""The Python package against the library and the command: offsets that slice the text,
the same mentions as `glossary normalize --format jsonl`, threads, errors, documents."""
import json
import os
import random
import subprocess
import threading
from pathlib import Path

import pytest

import glossary

ROOT = Path(__file__).resolve().parents[2]
COMMAND = os.environ.get("GLOSSARY_COMMAND", str(ROOT / ".build" / "debug" / "glossary"))


@pytest.fixture(scope="module")
def matcher():
    return glossary.Matcher()


def test_mentions_name_their_concepts(matcher):
    text = "Menlu Rusia Sergey Lavrov bertemu 王毅 di Moskwa."
    found = [(m.text, m.concept, m.kind) for m in matcher.mentions(text)]
    assert found == [("Rusia", "russia", "country"), ("Sergey Lavrov", "sergei-lavrov", "person"),
                     ("王毅", "wang-yi", "person"), ("Moskwa", "moscow", "city")]
    moskwa = matcher.mentions(text)[-1]
    assert (moskwa.term, moskwa.language, moskwa.resolution) == ("Moskwa", "id", "unique")


def test_ambiguous_mentions_list_every_sense(matcher):
    [mention] = matcher.mentions("Georgia mengumumkan hasilnya.")
    assert mention.concept is None and mention.resolution == "ambiguous"
    assert sorted(s.concept for s in mention.senses) == ["georgia", "georgia-us-state"]


HOSTILE = ["Rusia", "Tiongkok", "Шойгу", "王毅", "Moskwa", "Wang Yi", " ", "\n", "é", "e\u0301", "\U0001F600", "\ud800",
           "\udfff", "\u200d", "ＰＢＢ", "AS", "\u0000", "\t", "ß", "İ", "Κ", "—", "⟦", "x"]


@pytest.mark.parametrize("seed", range(40))
def test_offsets_slice_the_text_exactly(matcher, seed):
    rng = random.Random(seed)
    text = "".join(rng.choice(HOSTILE) for _ in range(rng.randint(0, 60)))
    data = text.encode("utf-8", "surrogatepass")
    for mention in matcher.mentions(text):
        assert text[mention.start:mention.end] == mention.text
        assert data[mention.byte_start:mention.byte_end].decode("utf-8", "surrogatepass") == mention.text
        assert len(text[:mention.start].encode("utf-8", "surrogatepass")) == mention.byte_start


def seeds():
    folder = ROOT.parent / "shared" / "seeds"
    return sorted(folder.glob("*.txt")) if folder.is_dir() else []


@pytest.mark.skipif(not Path(COMMAND).exists(), reason="the glossary command is not built")
@pytest.mark.parametrize("path", seeds() + [ROOT / "Examples" / "sample.txt"], ids=lambda p: p.name)
def test_the_same_mentions_as_the_command(matcher, path):
    text = path.read_text(encoding="utf-8")
    # The command ends a document at a blank line; read each such document alike.
    run = subprocess.run([COMMAND, "normalize", "--format", "jsonl", "--documents", "lines", "-"], input=text.encode(),
                         capture_output=True, check=True)
    expected = [(r["line"], r["start"], r["end"], r["id"]) for r in map(json.loads, run.stdout.splitlines())]
    found = []
    for number, line in enumerate(text.split("\n"), 1):
        for m in matcher.mentions(line):
            found.append((number, m.byte_start, m.byte_end, m.concept))
    assert found == expected


@pytest.mark.skipif(not Path(COMMAND).exists(), reason="the glossary command is not built")
def test_the_same_mentions_as_the_command_on_hostile_text(matcher):
    rng = random.Random(7)
    pieces = HOSTILE + ["Sergey Shoygu", "PBB", "Rusianya", "Korea", "Georgia", "MOSKOW – ", "\u00a0", "ＡＳ", "Šojgu"]
    text = "".join(rng.choice(pieces) for _ in range(4000))
    run = subprocess.run([COMMAND, "normalize", "--format", "jsonl", "--documents", "lines", "-"],
                         input=text.encode("utf-8", "surrogatepass"), capture_output=True, check=True)
    expected = [(r["line"], r["start"], r["end"], r["id"]) for r in map(json.loads, run.stdout.splitlines())]
    found = [(number, m.byte_start, m.byte_end, m.concept)
             for number, line in enumerate(text.split("\n"), 1) for m in matcher.mentions(line)]
    assert found == expected and len(found) > 100


def test_other_variant_rules(tmp_path):
    rules = tmp_path / "none.txt"
    rules.write_text("# no rules: Shoygu is no longer Shoigu\n", encoding="utf-8")
    assert [m.concept for m in glossary.Matcher(variants=rules).mentions("Shoygu dan Shoigu")] == ["sergei-shoigu"]
    with pytest.raises(glossary.TableError):
        glossary.Matcher(variants=tmp_path / "missing.txt")


def test_normalize_tag_untag(matcher):
    assert matcher.normalize("Shoygu tiba di Moskwa.", to="en") == "Shoigu tiba di Moscow."
    tagged = matcher.tag("Sergey Shoygu di Moskwa \ud800.")
    assert tagged == "⟦sergei-shoigu|Sergey Shoygu⟧ di ⟦moscow|Moskwa⟧ \ud800."
    assert glossary.untag(tagged) == "Sergey Shoygu di Moskwa \ud800."
    with pytest.raises(glossary.MarkupError) as caught:
        glossary.untag("baik\nlalu ⟧ di sini")
    assert (caught.value.line, caught.value.column) == (2, 6)


def test_documents_read_in_parts(matcher):
    document = matcher.document()
    document.mentions("Menlu Wang Yi tiba.")
    [wang] = document.mentions("Kata Wang, kerja sama berlanjut.")
    assert (wang.concept, wang.start) == ("wang-yi", 5)
    document.reset()
    assert document.mentions("Kata Wang, kerja sama berlanjut.") == []


def test_a_bad_table_names_its_file_line_and_column(tmp_path):
    table = tmp_path / "newsroom.tsv"
    table.write_text("id\tlang\tterm\tform\tstatus\tnote\nkompas\tid\tKompas\tlong\tpref\n", encoding="utf-8")
    with pytest.raises(glossary.TableError) as caught:
        glossary.Matcher(tables=[table])
    assert (caught.value.file, caught.value.line, caught.value.column) == (str(table), 2, 18)
    assert "unknown form" in str(caught.value)
    with pytest.raises(ValueError):
        glossary.Matcher(kinds="person,planet")


def test_a_layer_over_the_shipped_data():
    layer = "id\tlang\tterm\tform\tstatus\tnote\nkompas\tund\torganisation\tkind\t\nkompas\tid\tHarian Kompas\tfull\tpref\n" \
            "kompas\ten\tKompas daily\tfull\tpref\n"
    matcher = glossary.Matcher(texts=[("newsroom", layer)])
    assert [m.concept for m in matcher.mentions("Harian Kompas dan Tiongkok")] == ["kompas", "china"]


def test_threads_share_one_matcher(matcher):
    text = "Putin dan Xi Jinping bertemu di Beijing. " * 50
    expected = [(m.start, m.concept) for m in matcher.mentions(text)]
    results = []

    def work():
        for _ in range(20):
            results.append([(m.start, m.concept) for m in matcher.mentions(text)])

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 160 and all(result == expected for result in results)


def test_help_teaches():
    assert "Matcher(tables=" in glossary.Matcher.__doc__
    assert "text[start:end]" in glossary.Mention.__doc__
