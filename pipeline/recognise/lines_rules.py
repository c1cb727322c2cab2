"""The post-rules of ``kg extract --lines``: the model's kinds as its training text gives them,
and the companies it missed that are companies in any context (README: the CLUENER scores).
Reads: a line and the model's spans. Provides: the line's entity Hits.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from pipeline.language import grammar
from pipeline.language.text import alternation
from pipeline.ner import known
from pipeline.recognise.common import overlaps
from pipeline.records import LABELS, Hit


def with_missed(model: list[Hit], candidates: list[Hit]) -> list[Hit]:
    """The model's hits plus the candidates where it has no span (the first of
    overlapping candidates wins).

    On a sentence out of context the model leads (kg extract --lines); a
    candidate joins it only if it is right more often than F1/2 (about 0.36
    here), which is when an added span lifts F1: registered_names and
    known_company_mentions are, the other rules of article mode are not (README).
    """
    missed: list[Hit] = []
    for c in candidates:
        if not overlaps(c.start, c.end, model + missed):
            missed.append(c)
    return sorted(model + missed, key=lambda h: h.start) if missed else model


def registered_names(orgs: list[Hit]) -> list[Hit]:
    """The registered names (…有限公司) among ``organisations``' hits: a company in any context."""
    tails = tuple(grammar.load().legal_tails)
    return [o for o in orgs if o.text.endswith(tails)]


def known_company_mentions(text: str, bounds: frozenset[int]) -> list[Hit]:
    """Companies the model's training text names as such (known.companies), as whole words."""
    from pipeline import ner

    pattern = _known_pattern(ner.model_dir())
    if pattern is None:
        return []
    return [
        Hit(m.start(), m.end(), "COMPANY", m.group(), m.group())
        for m in pattern.finditer(text)
        if m.start() in bounds and m.end() in bounds
    ]


@lru_cache(maxsize=4)
def _known_pattern(model: Path) -> re.Pattern[str] | None:
    names = known.companies(known.read(model))
    return re.compile(alternation(names)) if names else None


def known_kinds(hits: list[Hit]) -> list[Hit]:
    """The model's hits, each of the kind its training text gives the surface
    most often when that outnumbers the model's kind (立博 a company, not an
    organisation; 英特尔 not a place); one it mostly calls a book, a game or
    another kind kg does not report is dropped.  A surface it never labelled
    takes the kind its ending nearly always has there (…法院, …局: a government
    body), a person's name excepted (张建军 is no army).  For kg extract
    --lines: the memory is CLUENER's, its kinds its conventions."""
    from pipeline import ner

    model = ner.model_dir()
    names, endings = known.read(model), _endings(model)
    kept: list[Hit] = []
    for h in hits:
        if h.text in names:
            kind = names[h.text].kind(h.label)
            if kind not in LABELS:
                continue
        else:
            by_ending = known.ending_kind(endings, h.text) if h.label != "PERSON" else None
            kind = by_ending if by_ending in LABELS else h.label
        kept.append(h if kind == h.label else replace(h, label=kind))
    return kept


@lru_cache(maxsize=4)
def _endings(model: Path) -> dict[str, str | None]:
    return known.ending_kinds(known.read(model))
