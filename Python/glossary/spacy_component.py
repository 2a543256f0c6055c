"""The spaCy component "glossary": Glossary's mentions as spans of a spaCy Doc.

    import spacy
    nlp = spacy.blank("id")
    nlp.add_pipe("glossary")                       # registered through spaCy's entry points
    doc = nlp("Menlu Rusia Sergey Lavrov tiba di Moskwa.")
    [(s.text, s.label_, s.kb_id_) for s in doc.spans["glossary"]]
    # [('Rusia', 'country', 'russia'), ('Sergey Lavrov', 'person', 'sergei-lavrov'), ('Moskwa', 'city', 'moscow')]

Each document's text is matched in one call, then every mention is aligned to spaCy's
tokens with ``Doc.char_span``: the span's ``label_`` is the concept's kind, its ``kb_id_``
the concept's id (empty for an ambiguous mention, whose label is ``AMBIGUOUS``).

A mention whose edge falls inside a token (the Indonesian *Rusianya*, where the mention
is *Rusia* and spaCy's token is the whole word) follows ``alignment_mode``: "expand"
(the default) takes the whole token, "contract" keeps only whole tokens inside the
mention, and "strict" drops the mention.

Config: ``tables`` (layers over the shipped data, paths), ``shipped`` (False: only
``tables``), ``kinds`` (None for every kind but ideas, "all", or "person,country,…"),
``spans_key`` ("glossary"), ``ents`` (also set ``doc.ents``), ``overwrite_ents`` (replace
existing entities that overlap, instead of keeping them), ``alignment_mode``.
"""
from __future__ import annotations

from typing import List, Optional

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from . import Matcher

DEFAULT_CONFIG = {"tables": [], "shipped": True, "kinds": None, "spans_key": "glossary", "ents": False,
                  "overwrite_ents": False, "alignment_mode": "expand"}


class GlossaryComponent:
    """Sets ``doc.spans[spans_key]`` (and, when asked, ``doc.ents``) from Glossary's mentions."""

    def __init__(self, nlp: Language, name: str = "glossary", tables: Optional[List[str]] = None, shipped: bool = True,
                 kinds: Optional[str] = None, spans_key: str = "glossary", ents: bool = False,
                 overwrite_ents: bool = False, alignment_mode: str = "expand"):
        if alignment_mode not in ("expand", "contract", "strict"):
            raise ValueError(f"alignment_mode must be expand, contract or strict, not {alignment_mode!r}")
        self.name = name
        self.matcher = Matcher(tables=tables or [], shipped=shipped, kinds=kinds)
        self.spans_key = spans_key
        self.ents = ents
        self.overwrite_ents = overwrite_ents
        self.alignment_mode = alignment_mode

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for mention in self.matcher.mentions(doc.text):
            label = "AMBIGUOUS" if mention.concept is None else (mention.kind or "GLOSSARY")
            span = doc.char_span(mention.start, mention.end, label=label, kb_id=mention.concept or "",
                                 alignment_mode=self.alignment_mode)
            if span is not None and len(span) > 0:
                spans.append(span)
        doc.spans[self.spans_key] = spans
        if self.ents:
            found = [span for span in spans if span.kb_id_]
            existing = list(doc.ents)
            if self.overwrite_ents:
                kept = [e for e in existing if not any(e.start < s.end and s.start < e.end for s in found)]
                doc.ents = filter_spans(found + kept)
            else:
                free = [s for s in found if not any(e.start < s.end and s.start < e.end for e in existing)]
                doc.ents = filter_spans(existing + free)
        return doc


@Language.factory("glossary", default_config=DEFAULT_CONFIG)
def make_glossary(nlp: Language, name: str, tables: List[str], shipped: bool, kinds: Optional[str], spans_key: str,
                  ents: bool, overwrite_ents: bool, alignment_mode: str) -> GlossaryComponent:
    """The factory spaCy calls for ``nlp.add_pipe("glossary", config={...})``."""
    return GlossaryComponent(nlp, name, tables=tables, shipped=shipped, kinds=kinds, spans_key=spans_key, ents=ents,
                             overwrite_ents=overwrite_ents, alignment_mode=alignment_mode)
