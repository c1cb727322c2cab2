"""Small facts about Chinese sentence structure shared by the relation stages."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

OPEN_QUOTES = "“「『"
CLOSE_QUOTES = "”」』"
OPEN_PARENS = "（("
CLOSE_PARENS = "）)"
CLAUSE_DELIMITERS = "，,；;：:。！？!?"
SENTENCE_DELIMITERS = "。；;！？"  # what ends a sentence's part that holds one fact (an agreement)
_BRACKETS = frozenset(OPEN_QUOTES + CLOSE_QUOTES + OPEN_PARENS + CLOSE_PARENS)
PUNCTUATION = CLAUSE_DELIMITERS + OPEN_QUOTES + CLOSE_QUOTES + OPEN_PARENS + CLOSE_PARENS + "、…—·《》<>[]【】 \t\"'"


@lru_cache(maxsize=256)
def nesting(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Per character: quote depth and parenthesis depth (the brackets themselves count as inside).

    Cached: attribution asks of the same sentence for every cue and clause."""
    if _BRACKETS.isdisjoint(text):  # most sentences: nothing nests, no char needs reading
        zeros = (0,) * len(text)
        return zeros, zeros
    quotes, parens = [], []
    q = p = 0
    for ch in text:
        if ch in OPEN_QUOTES:
            q += 1
        elif ch in OPEN_PARENS:
            p += 1
        quotes.append(q)
        parens.append(p)
        if ch in CLOSE_QUOTES:
            q = max(0, q - 1)
        elif ch in CLOSE_PARENS:
            p = max(0, p - 1)
    return tuple(quotes), tuple(parens)


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` as literals, longest first, so the longest form matches; grouped
    by first character (中(?:国移动|国联通)|…): one group at most can match at a place, so the matches
    and their order of trial are the flat list's, but re passes a group on its first character instead
    of trying each word (the gazetteer's names: 4 × as fast)."""
    groups: dict[str, list[str]] = {}
    for w in sorted(set(words), key=lambda w: (-len(w), w)):
        groups.setdefault(w[:1], []).append(re.escape(w[1:]))
    return "|".join(re.escape(first) + _rests(rests) for first, rests in groups.items())


def _rests(rests: list[str]) -> str:
    return "" if rests == [""] else "(?:" + "|".join(rests) + ")"


def clause_starts(text: str, quotes: tuple[int, ...]) -> list[int]:
    """Offsets where a clause begins: the start and after each delimiter outside quotes."""
    return [0] + [i + 1 for i, ch in enumerate(text) if ch in CLAUSE_DELIMITERS and quotes[i] == 0]


def clause_start(text: str, pos: int, delimiters: str = CLAUSE_DELIMITERS) -> int:
    """Where the clause holding ``pos`` begins: after the last of ``delimiters`` before it, quotes or not."""
    return max(text.rfind(d, 0, pos) for d in delimiters) + 1


def quotation_at(text: str, pos: int) -> tuple[int, int] | None:
    """(start, end) of the quotation opening at `pos`, brackets included."""
    if pos >= len(text) or text[pos] not in OPEN_QUOTES:
        return None
    depth = 0
    for i in range(pos, len(text)):
        if text[i] in OPEN_QUOTES:
            depth += 1
        elif text[i] in CLOSE_QUOTES:
            depth -= 1
            if depth == 0:
                return pos, i + 1
    return None


_PAIRS = dict(zip(OPEN_QUOTES + OPEN_PARENS + "《【[", CLOSE_QUOTES + CLOSE_PARENS + "》】]"))
_CLOSING = {close: open_ for open_, close in _PAIRS.items()}


def without_loose_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """The span less the clause delimiters and the unpaired brackets at its edges
    (KeSPA( → KeSPA, 【陈云波 → 陈云波); a name holds a bracket only with its partner."""
    while start < end and (
        text[start] in CLAUSE_DELIMITERS
        or text[start] in _CLOSING
        or (text[start] in _PAIRS and _PAIRS[text[start]] not in text[start + 1 : end])
    ):
        start += 1
    while end > start and (
        text[end - 1] in CLAUSE_DELIMITERS
        or text[end - 1] in _PAIRS
        or (text[end - 1] in _CLOSING and _CLOSING[text[end - 1]] not in text[start : end - 1])
    ):
        end -= 1
    return start, end


def strip_span(text: str, start: int, end: int, chars: str | None = None) -> tuple[int, int]:
    """text[start:end] less the ``chars`` (whitespace when None) at its edges, as offsets."""
    if chars is None:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return start, end
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end
