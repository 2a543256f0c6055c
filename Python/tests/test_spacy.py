"""The spaCy component: spans with the concept's kind and id, alignment to tokens, the
entities, one call per document, and Glossary against spaCy's EntityRuler loaded from
`glossary export --format spacy` on the same text."""
import json
import os
import subprocess
from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")

import glossary  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
COMMAND = os.environ.get("GLOSSARY_COMMAND", str(ROOT / ".build" / "debug" / "glossary"))


def spans(doc, key="glossary"):
    return [(s.text, s.label_, s.kb_id_) for s in doc.spans[key]]


def pairs_ruler(nlp, text):
    doc = nlp(text)
    return [(e.text, e.ent_id_) for e in doc.ents]


def pairs_glossary(nlp, text):
    doc = nlp(text)  # kept alive while its spans are read
    return [(s.text, s.kb_id_) for s in doc.spans["glossary"]]


@pytest.mark.parametrize("language", ["id", "en"])
def test_spans_on_blank_pipelines(language):
    nlp = spacy.blank(language)
    nlp.add_pipe("glossary")
    doc = nlp("Menlu Rusia Sergey Lavrov tiba di Moskwa.")
    assert spans(doc) == [("Rusia", "country", "russia"), ("Sergey Lavrov", "person", "sergei-lavrov"),
                          ("Moskwa", "city", "moscow")]


@pytest.mark.parametrize("mode, expected", [("expand", [("Rusianya", "country", "russia")]), ("contract", []), ("strict", [])])
def test_an_edge_inside_a_token_follows_the_alignment_mode(mode, expected):
    nlp = spacy.blank("id")
    nlp.add_pipe("glossary", config={"alignment_mode": mode})
    doc = nlp("Rusianya menolak.")
    assert spans(doc) == expected


def test_ambiguous_mentions_are_labelled_so():
    nlp = spacy.blank("id")
    nlp.add_pipe("glossary")
    doc = nlp("Korea mengirim atlet.")
    assert spans(doc) == [("Korea", "AMBIGUOUS", "")]


def test_entities_keep_existing_ones_unless_asked():
    def run(overwrite):
        nlp = spacy.blank("en")
        ruler = nlp.add_pipe("entity_ruler")
        ruler.add_patterns([{"label": "GPE", "pattern": "Moscow"}])
        nlp.add_pipe("glossary", config={"ents": True, "overwrite_ents": overwrite})
        return [(e.text, e.label_, e.kb_id_) for e in nlp("Lavrov flew to Moscow.").ents]
    assert run(False) == [("Lavrov", "person", "sergei-lavrov"), ("Moscow", "GPE", "")]
    assert run(True) == [("Lavrov", "person", "sergei-lavrov"), ("Moscow", "city", "moscow")]


def test_one_call_per_document():
    nlp = spacy.blank("id")
    component = nlp.add_pipe("glossary")
    calls = []
    original = component.matcher.mentions
    component.matcher.mentions = lambda text: calls.append(text) or original(text)
    nlp("Rusia dan Tiongkok. Menlu Wang Yi tiba di Moskwa dan Beijing.")
    assert len(calls) == 1


@pytest.fixture(scope="module")
def ruler_nlp(tmp_path_factory):
    if not Path(COMMAND).exists():
        pytest.skip("the glossary command is not built")
    patterns = subprocess.run([COMMAND, "export", "--format", "spacy"], capture_output=True, check=True).stdout
    nlp = spacy.blank("id")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([json.loads(line) for line in patterns.splitlines()])
    return nlp


@pytest.fixture(scope="module")
def glossary_nlp():
    nlp = spacy.blank("id")
    nlp.add_pipe("glossary")
    return nlp


# Sentences that the EntityRuler's patterns can express: listed spellings, in the case
# the pattern matches, with spaCy's tokens at the mentions' edges.
SAME = [
    "Menlu Rusia Sergei Lavrov tiba di Moskow.",
    "Presiden Prabowo Subianto bertemu Presiden Xi Jinping di Beijing.",
    "Delegasi Malaysia dan Singapura hadir di Jenewa.",
    "Kanselir Jerman terbang dari Berlin ke Kairo dan Den Haag.",
]


@pytest.mark.parametrize("text", SAME)
def test_the_same_mentions_as_entity_ruler_where_it_can_express_them(ruler_nlp, glossary_nlp, text):
    assert pairs_glossary(glossary_nlp, text) == pairs_ruler(ruler_nlp, text)


# Where Glossary is right and the EntityRuler is not: a spelling that only the match key
# knows (cross-script romanization variants), a clitic glued to the name, the case
# rules (*china*, porcelain, is no country), and context that picks the sense of a
# shared abbreviation (*PBB*, which the ruler gives to one of its three senses whatever
# the paragraph says).
BETTER = [
    ("Shoygu tiba di Moskwa.", [("Shoygu", "sergei-shoigu"), ("Moskwa", "moscow")]),
    ("Rusianya menolak usulan itu.", [("Rusianya", "russia")]),
    ("Piring china itu pecah di Jakarta.", [("Jakarta", "jakarta")]),
    ("Sekjen PBB mengunjungi Kairo.", [("PBB", "united-nations"), ("Kairo", "cairo")]),
]


@pytest.mark.parametrize("text, expected", BETTER)
def test_where_glossary_is_right_and_entity_ruler_is_not(ruler_nlp, glossary_nlp, text, expected):
    assert pairs_glossary(glossary_nlp, text) == expected
    assert pairs_ruler(ruler_nlp, text) != pairs_glossary(glossary_nlp, text)


def test_context_picks_the_sense_where_entity_ruler_cannot(ruler_nlp, glossary_nlp):
    party, fertiliser = "Politbiro PKT bersidang di Beijing.", "Pabrik PKT di Bontang memproduksi urea."
    def pkt(pairs):
        return [i for t, i in pairs if t == "PKT"]
    assert pkt(pairs_glossary(glossary_nlp, party)) == ["communist-party-of-china"]
    assert pkt(pairs_glossary(glossary_nlp, fertiliser)) == ["pupuk-kalimantan-timur"]
    # Where nothing decides, Glossary says so; the ruler gives one of the senses anyway.
    korea = "Korea mengirim atlet ke kejuaraan itu."
    assert pairs_glossary(glossary_nlp, korea) == [("Korea", "")]
    assert [i for t, i in pairs_ruler(ruler_nlp, korea)] in (["south-korea"], ["north-korea"])
