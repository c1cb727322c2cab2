"""Char-token reference Docs, the one shape both gold and teacher-voted spans take for spaCy."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Doc
from spacy.vocab import Vocab

Span = tuple[int, int, str]  # start, end (exclusive), label: char offsets, which are token offsets here


def first_longest(spans: Iterable[Span]) -> list[Span]:
    """Non-overlapping spans, earliest first and the longest of those that
    start together (CLUENER nests a few; teachers' votes can overlap)."""
    kept: list[Span] = []
    end = 0
    for span in sorted(spans, key=lambda s: (s[0], -s[1])):
        if span[0] >= end:
            kept.append(span)
            end = span[1]
    return kept


def reference_doc(vocab: Vocab, text: str, spans: Sequence[Span], missing: Sequence[int] = ()) -> Doc:
    """One token per char; ``spans`` (non-overlapping) as entities, the chars
    at ``missing`` unknown (neither taught nor taught against), the rest outside."""
    doc = Doc(vocab, words=list(text), spaces=[False] * len(text))
    doc.set_ents(
        [doc.char_span(s, e, label=label) for s, e, label in spans],
        missing=[doc[i : i + 1] for i in missing],
        default="outside",
    )
    return doc
