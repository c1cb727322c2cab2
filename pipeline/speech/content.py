"""Content: what was said after a cue, or the quotation that opens the speaker's clause."""
from __future__ import annotations

import re
from functools import lru_cache

from .. import grammar
from ..text import OPEN_QUOTES, alternation, quotation_at, strip_span

CONTENT_TRIM = "，,：:；;。！？!? \t"
MIN_CONTENT = 4


@lru_cache(maxsize=1)
def _addressee() -> re.Pattern[str]:
    return re.compile(rf"[^，,。：:“]{{0,10}}?(?:{alternation(grammar.load().addressees)})[，,：:]")


def opens_content(text: str, pos: int) -> bool:
    """An organisation's weak cue (数据预计…) attributes only when a clause or a quotation follows."""
    return pos < len(text) and text[pos] in "，,：:" + OPEN_QUOTES


def content(text: str, pos: int) -> tuple[int, int]:
    """What was said after the cue: a closing quotation, or the rest of the sentence,
    without an addressee (告诉现代快报记者，……)."""
    s, _ = strip_span(text, pos, len(text), "，,：: ")
    addressee = _addressee().match(text, s)
    if addressee:
        s, _ = strip_span(text, addressee.end(), len(text), "，,：: ")
    q = quotation_at(text, s)
    if q is not None and text[q[1]:].strip(CONTENT_TRIM) == "":
        return strip_span(text, q[0] + 1, q[1] - 1, CONTENT_TRIM)
    return strip_span(text, s, len(text), CONTENT_TRIM)


def leading_quote(text: str, clause_start: int, cue: int) -> tuple[int, int] | None:
    """The quotation that opens the speaker's clause: “……”王帅说 / “……。”邹学勇认为."""
    q = quotation_at(text, clause_start)
    if q is None or q[1] >= cue or text[:clause_start].strip(CONTENT_TRIM):
        return None
    s, e = strip_span(text, q[0] + 1, q[1] - 1, CONTENT_TRIM)
    return (s, e) if e - s >= MIN_CONTENT else None

