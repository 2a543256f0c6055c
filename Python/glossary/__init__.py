"""Glossary from Python: the matcher of the Swift library, in process.

Glossary finds the mentions of the concepts of a term table in text, across spellings,
scripts and languages (*Shoigu*, *Shoygu*, *Шойгу*; *Tiongkok*, *China*, *RRT*), and
writes the text back normalized or tagged. This package calls the library through its C
interface (libGlossaryC.so, built when the package is installed).

    >>> import glossary
    >>> m = glossary.Matcher()                       # the shipped data
    >>> [(x.text, x.concept) for x in m.mentions("Shoygu tiba di Moskwa.")]
    [('Shoygu', 'sergei-shoigu'), ('Moskwa', 'moscow')]
    >>> m.normalize("Shoygu tiba di Moskwa.", to="en")
    'Shoigu tiba di Moscow.'

A Matcher is immutable: share one between threads. Its calls release the GIL while the
library works. Offsets are those of Python strings (code points), so ``text[m.start:m.end]``
is the mention.
"""
from __future__ import annotations

import ctypes
import os
import struct
from array import array
from dataclasses import dataclass
from typing import Iterable, List, NamedTuple, Optional, Sequence, Tuple, Union

__all__ = ["Matcher", "Document", "Mention", "Sense", "Problem", "GlossaryError", "TableError", "MarkupError", "untag"]

ABI_VERSION = 1

_RESOLUTIONS = ("unique", "context", "document", "default", "ambiguous")


# --- The library ----------------------------------------------------------------------

class _Mention(ctypes.Structure):
    _fields_ = [("start", ctypes.c_uint64), ("end", ctypes.c_uint64), ("sense_start", ctypes.c_uint32),
                ("sense_count", ctypes.c_uint32), ("resolution", ctypes.c_uint8), ("flags", ctypes.c_uint8),
                ("reserved", ctypes.c_uint8 * 6)]


class _Sense(ctypes.Structure):
    _fields_ = [("concept", ctypes.c_int32), ("row", ctypes.c_int32)]


def _load() -> ctypes.CDLL:
    path = os.environ.get("GLOSSARY_LIBRARY") or os.path.join(os.path.dirname(os.path.abspath(__file__)), "libGlossaryC.so")
    lib = ctypes.CDLL(path)
    P, S, I64, I32 = ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int64, ctypes.c_int32
    C = ctypes.c_char_p
    signatures = {
        "glossary_abi_version": (ctypes.c_uint32, []),
        "glossary_free": (None, [P]),
        "glossary_error_code": (I32, [P]),
        "glossary_error_message": (C, [P]),
        "glossary_error_count": (S, [P]),
        "glossary_error_file": (C, [P, S]),
        "glossary_error_line": (I64, [P, S]),
        "glossary_error_column": (I64, [P, S]),
        "glossary_error_text": (C, [P, S]),
        "glossary_error_free": (None, [P]),
        "glossary_matcher_open": (P, [ctypes.POINTER(C), S, ctypes.c_int, C, C, ctypes.POINTER(P)]),
        "glossary_matcher_open_texts": (P, [ctypes.POINTER(C), ctypes.POINTER(S), ctypes.POINTER(C), S, ctypes.c_int, C, C,
                                            ctypes.POINTER(P)]),
        "glossary_matcher_free": (None, [P]),
        "glossary_concept_count": (S, [P]),
        "glossary_concept_id": (C, [P, S]),
        "glossary_concept_kind": (C, [P, S]),
        "glossary_row_term": (C, [P, S]),
        "glossary_row_language": (C, [P, S]),
        "glossary_row_form": (C, [P, S]),
        "glossary_row_status": (C, [P, S]),
        "glossary_find": (P, [P, C, S, ctypes.POINTER(P)]),
        "glossary_mentions_count": (S, [P]),
        "glossary_mentions_items": (ctypes.POINTER(_Mention), [P]),
        "glossary_mentions_senses": (ctypes.POINTER(_Sense), [P]),
        "glossary_mentions_view": (S, [P, ctypes.POINTER(P), ctypes.POINTER(P), ctypes.POINTER(S)]),
        "glossary_mentions_free": (None, [P]),
        "glossary_document_new": (P, [P]),
        "glossary_document_find": (P, [P, C, S, ctypes.POINTER(P)]),
        "glossary_document_reset": (None, [P]),
        "glossary_document_free": (None, [P]),
        "glossary_render": (P, [P, C, S, C, C, ctypes.POINTER(S), ctypes.POINTER(P)]),
        "glossary_untag": (P, [C, S, ctypes.POINTER(S), ctypes.POINTER(P)]),
    }
    for name, (result, arguments) in signatures.items():
        function = getattr(lib, name)
        function.restype = result
        function.argtypes = arguments
    if lib.glossary_abi_version() != ABI_VERSION:
        raise ImportError(f"{path} has interface version {lib.glossary_abi_version()}, this package needs {ABI_VERSION}")
    return lib


_lib = _load()


# --- Errors ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Problem:
    """One problem of an error: where it is (file, 1-based line and column; 0 for the
    whole file) and what it is."""
    file: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message}"


class GlossaryError(Exception):
    """An error of the library: its text lists every problem as FILE:LINE:COLUMN, and
    ``problems`` holds them one by one."""

    def __init__(self, message: str, problems: Sequence[Problem] = ()):
        super().__init__(message)
        self.problems: Tuple[Problem, ...] = tuple(problems)

    @property
    def file(self) -> Optional[str]:
        """The file of the first problem."""
        return self.problems[0].file if self.problems else None

    @property
    def line(self) -> Optional[int]:
        """The line of the first problem."""
        return self.problems[0].line if self.problems else None

    @property
    def column(self) -> Optional[int]:
        """The column of the first problem."""
        return self.problems[0].column if self.problems else None


class TableError(GlossaryError):
    """A term table (or a layer of one) that cannot be used; nothing of it was loaded."""


class MarkupError(GlossaryError):
    """Tagged text whose markup is malformed, at its line and column."""


def _raise(error: ctypes.c_void_p) -> None:
    handle = error.value
    try:
        code = _lib.glossary_error_code(handle)
        message = _lib.glossary_error_message(handle).decode("utf-8", "replace")
        problems = [Problem(_lib.glossary_error_file(handle, i).decode("utf-8", "replace"), _lib.glossary_error_line(handle, i),
                            _lib.glossary_error_column(handle, i), _lib.glossary_error_text(handle, i).decode("utf-8", "replace"))
                    for i in range(_lib.glossary_error_count(handle))]
    finally:
        _lib.glossary_error_free(handle)
    kind = {1: TableError, 2: ValueError, 3: MarkupError}.get(code, GlossaryError)
    if kind is ValueError:
        raise ValueError(message)
    raise kind(message, problems)


# --- Mentions -------------------------------------------------------------------------

class Sense(NamedTuple):
    """One concept a mention may mean: its id and kind, and the table's row that matched
    (the spelling, its language, form and status)."""
    concept: str
    kind: Optional[str]
    term: str
    language: str
    form: str
    status: str


class Mention(NamedTuple):
    """A mention: ``text[start:end]`` (Python string offsets) is ``text``. ``concept`` is
    the concept's id, None when the mention is ambiguous (then ``senses`` lists every
    candidate). ``resolution`` says how the sense was chosen: unique, context, document,
    default or ambiguous. ``byte_start`` and ``byte_end`` are UTF-8 byte offsets."""
    start: int
    end: int
    text: str
    concept: Optional[str]
    kind: Optional[str]
    term: Optional[str]
    language: Optional[str]
    resolution: str
    senses: Tuple[Sense, ...]
    mixed_script: bool
    byte_start: int
    byte_end: int


# UTF-8 continuation bytes: the characters of some bytes of a text are its bytes
# without these (a lone surrogate, passed as three bytes, is one character too).
_CONTINUATION = bytes(range(0x80, 0xC0))
_MENTION = struct.Struct("<QQIIBB6x")


def _encode(text: str) -> bytes:
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    # Lone surrogates become bytes that are not UTF-8: they never match, and they keep
    # their place, so offsets still count them as one character each.
    return text.encode("utf-8", "surrogatepass")


class Matcher:
    """A term table compiled for matching: the shipped data, and any tables layered on
    top of it (Data/README.md, "Layers").

    Matcher()                                 the shipped data
    Matcher(tables=["newsroom.tsv"])          a newsroom's layer over the shipped data
    Matcher(tables=["my.tsv"], shipped=False) only your own tables, bottom first
    Matcher(texts=[("mine", tsv_text)])       layers held in strings, named for errors
    Matcher(kinds="all")                      ideas too; or "person,country", ...
    Matcher(variants="my-variants.txt")       other romanization rules (Data/variants.txt's format)

    A bad table raises TableError, whose problems name the file, line and column.
    """

    def __init__(self, tables: Iterable[Union[str, os.PathLike]] = (), *, texts: Iterable[Tuple[str, str]] = (),
                 shipped: bool = True, kinds: Optional[str] = None, variants: Optional[Union[str, os.PathLike]] = None):
        paths = [os.fsencode(path) for path in tables]
        layers = [(name, _encode(body)) for name, body in texts]
        error = ctypes.c_void_p()
        kinds_argument = kinds.encode() if kinds is not None else None
        variants_argument = os.fsencode(variants) if variants is not None else None
        if paths and layers:
            raise ValueError("give tables or texts, not both")
        if layers:
            count = len(layers)
            bodies = (ctypes.c_char_p * count)(*[body for _, body in layers])
            lengths = (ctypes.c_size_t * count)(*[len(body) for _, body in layers])
            names = (ctypes.c_char_p * count)(*[name.encode() for name, _ in layers])
            handle = _lib.glossary_matcher_open_texts(bodies, lengths, names, count, int(shipped), kinds_argument, variants_argument,
                                                      ctypes.byref(error))
        else:
            array = (ctypes.c_char_p * max(1, len(paths)))(*paths)
            handle = _lib.glossary_matcher_open(array, len(paths), int(shipped), kinds_argument, variants_argument, ctypes.byref(error))
        if not handle:
            _raise(error)
        self._handle = handle
        self._concepts: dict = {}
        self._rows: dict = {}
        self._senses: dict = {}

    def __del__(self):
        handle = getattr(self, "_handle", None)
        if handle:
            _lib.glossary_matcher_free(handle)
            self._handle = None

    def _concept(self, index: int) -> Tuple[str, Optional[str]]:
        found = self._concepts.get(index)
        if found is None:
            kind = _lib.glossary_concept_kind(self._handle, index).decode()
            found = (_lib.glossary_concept_id(self._handle, index).decode(), kind or None)
            self._concepts[index] = found
        return found

    def _row(self, index: int) -> Tuple[str, str, str, str]:
        found = self._rows.get(index)
        if found is None:
            h = self._handle
            found = tuple(f(h, index).decode("utf-8") for f in (_lib.glossary_row_term, _lib.glossary_row_language,
                                                                _lib.glossary_row_form, _lib.glossary_row_status))
            self._rows[index] = found
        return found

    def _sense(self, concept: int, row: int) -> Tuple[Sense]:
        """The sense of a concept and row, as a one-sense tuple, made once and reused."""
        key = (concept << 32) | row
        found = self._senses.get(key)
        if found is None:
            found = (Sense(*self._concept(concept), *self._row(row)),)
            self._senses[key] = found
        return found

    def _read(self, handle: int, text: str, data: bytes) -> List[Mention]:
        items_pointer, senses_pointer, total = ctypes.c_void_p(), ctypes.c_void_p(), ctypes.c_size_t()
        try:
            count = _lib.glossary_mentions_view(handle, ctypes.byref(items_pointer), ctypes.byref(senses_pointer), ctypes.byref(total))
            if count == 0:
                return []
            # The two arrays are read whole, in one copy each, not item by item.
            items = list(_MENTION.iter_unpack(ctypes.string_at(items_pointer.value, count * _MENTION.size)))
            senses = array("i")
            senses.frombytes(ctypes.string_at(senses_pointer.value, total.value * 8))
        finally:
            _lib.glossary_mentions_free(handle)
        result: List[Mention] = []
        ascii_only = len(data) == len(text)
        position_byte = position_char = 0
        sense_of, new = self._sense, tuple.__new__
        for byte_start, byte_end, sense_start, sense_count, resolution_code, flags in items:
            if ascii_only:
                start, end = byte_start, byte_end
            else:
                # Characters between the last offset and this one (offsets come in order).
                segment = data[position_byte:byte_start]
                position_char += len(segment.translate(None, _CONTINUATION))
                position_byte = byte_start
                start = position_char
                surface = data[byte_start:byte_end]
                end = start + len(surface.translate(None, _CONTINUATION))
            if sense_count == 1:
                listed = sense_of(senses[2 * sense_start], senses[2 * sense_start + 1])
            else:
                listed = tuple(sense_of(senses[2 * k], senses[2 * k + 1])[0] for k in range(sense_start, sense_start + sense_count))
            resolution = _RESOLUTIONS[resolution_code]
            # tuple.__new__ makes the NamedTuple without the Python-level __new__ it generates.
            if listed and resolution != "ambiguous":
                first = listed[0]
                result.append(new(Mention, (start, end, text[start:end], first[0], first[1], first[2], first[3],
                                            resolution, listed, bool(flags & 1), byte_start, byte_end)))
            else:
                result.append(new(Mention, (start, end, text[start:end], None, None, None, None, resolution, listed,
                                            bool(flags & 1), byte_start, byte_end)))
        return result

    def _find(self, function, handle: int, text: str) -> List[Mention]:
        """Calls a find function of the library (a whole text, or a document's next part)."""
        data = _encode(text)
        error = ctypes.c_void_p()
        found = function(handle, data, len(data), ctypes.byref(error))
        if not found:
            _raise(error)
        return self._read(found, text, data)

    def mentions(self, text: str) -> List[Mention]:
        """The mentions of a text read as one document (a paragraph is a line)."""
        return self._find(_lib.glossary_find, self._handle, text)

    def _render(self, text: str, format: str, language: str) -> str:
        data = _encode(text)
        return _text_of(lambda length, error: _lib.glossary_render(self._handle, data, len(data), format.encode(), language.encode(),
                                                                     length, error))

    def normalize(self, text: str, to: str = "id") -> str:
        """The text with every mention replaced by its concept's preferred term in the
        language ``to`` (a tag of the table: "id", "en", "ru", "zh"); ambiguous mentions
        and everything else are left as written."""
        return self._render(text, "text", to)

    def tag(self, text: str) -> str:
        """The text with every mention marked ⟦concept|surface⟧."""
        return self._render(text, "tag", "und")

    def untag(self, text: str) -> str:
        """Tagged text back to the text (see ``untag``)."""
        return untag(text)

    def document(self) -> "Document":
        """A document read in parts: what earlier parts introduced counts for later ones."""
        return Document(self)


class Document:
    """A document read in parts (a stream): pass whole paragraphs (lines) in order; a
    short form such as *Wang* counts after *Wang Yi* in an earlier part. ``reset``
    starts a new document. Use one Document from one thread at a time."""

    def __init__(self, matcher: Matcher):
        self._matcher = matcher
        self._handle = _lib.glossary_document_new(matcher._handle)

    def __del__(self):
        handle = getattr(self, "_handle", None)
        if handle:
            _lib.glossary_document_free(handle)
            self._handle = None

    def mentions(self, text: str) -> List[Mention]:
        """The mentions of the next part; offsets are into this part."""
        return self._matcher._find(_lib.glossary_document_find, self._handle, text)

    def reset(self) -> None:
        """Ends the document: the next part starts a new one."""
        _lib.glossary_document_reset(self._handle)


def untag(text: str) -> str:
    """Tagged text (``Matcher.tag``) back to the text: each ⟦concept|surface⟧ becomes its
    surface. Malformed markup raises MarkupError at its line and column."""
    data = _encode(text)
    return _text_of(lambda length, error: _lib.glossary_untag(data, len(data), length, error))


def _text_of(call) -> str:
    """The text of a library call that returns a malloc'd buffer and its length (or an
    error), with the buffer freed."""
    length = ctypes.c_size_t()
    error = ctypes.c_void_p()
    out = call(ctypes.byref(length), ctypes.byref(error))
    if not out:
        _raise(error)
    try:
        return ctypes.string_at(out, length.value).decode("utf-8", "surrogatepass")
    finally:
        _lib.glossary_free(out)
