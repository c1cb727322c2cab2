"""Job titles in a sentence: the list's (data/titles.txt), new ones the model reads, joined ones as one.

Reads: a sentence and its organisation Hits. Provides: title Hits.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from pipeline.language import grammar, lexicon
from pipeline.language.text import alternation
from pipeline.recognise.common import overlaps
from pipeline.records import Hit


@lru_cache(maxsize=1)
def title_pattern() -> re.Pattern[str]:
    return re.compile(alternation(lexicon.load().titles))


def titles(text: str, taken: list[Hit], model: Sequence[Hit] = ()) -> list[Hit]:
    """Job titles not inside an organisation's name: the list's (the rest of one an organisation's
    name runs into: 全国政协|委员; the whole title where the name ends in its first character:
    信息通信发展司|长 is the 司's 司长), and new ones the model reads."""
    hits = []
    for found in title_pattern().finditer(text):
        inner = next((h.end for h in taken if h.start <= found.start() < h.end < found.end()), None)
        m = title_pattern().match(text, inner, found.end()) if inner is not None else found  # 全国政协|委员
        if m is None and inner == found.start() + 1:  # 信息通信发展司|长: the unit ends in the title's first character
            hits.append(Hit(inner, found.end(), "POSITION", found.group(), text[inner : found.end()]))
        if m is None or overlaps(m.start(), m.end(), taken):
            continue
        hits.append(Hit(m.start(), m.end(), "POSITION", m.group(), m.group()))
    hits += [h for h in model if h.label == "POSITION" and not overlaps(h.start, h.end, taken + hits)]
    return _joined_titles(text, sorted(hits, key=lambda h: h.start))


def _joined_titles(text: str, hits: list[Hit]) -> list[Hit]:
    """创始人兼CEO, 董事长、总经理: titles one person holds together are one title."""
    out: list[Hit] = []
    for h in hits:
        prev = out[-1] if out else None
        if prev is not None and text[prev.end : h.start] in grammar.load().title_joiners:
            out[-1] = Hit(prev.start, h.end, "POSITION", text[prev.start : h.end], text[prev.start : h.end])
        else:
            out.append(h)
    return out


def title_within(text: str, start: int, end: int) -> bool:
    """A title in text[start:end] with no punctuation before it."""
    m = title_pattern().search(text, start, end)
    return m is not None and not any(ch in "，,。；;：:“”（）()、" for ch in text[start : m.start()])
