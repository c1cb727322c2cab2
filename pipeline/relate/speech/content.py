"""Content: what was said after a cue, or the quotation that opens the speaker's clause.

Reads: a sentence and a cue. Provides: the content span.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.language import grammar
from pipeline.language.text import OPEN_QUOTES, alternation, nesting, quotation_at, strip_span

CONTENT_TRIM = "，,：:；;。！？!? \t"
MIN_CONTENT = 4


@lru_cache(maxsize=1)
def _addressee() -> re.Pattern[str]:
    return re.compile(rf"[^，,。：:“]{{0,10}}?(?:{alternation(grammar.load().addressees)})[，,：:]")


_DATE_OPENER = re.compile(r"\s*(?:\d{2,4}\s*年|\d{1,2}\s*月|\d{1,2}\s*日|(?:自|从)[^，,。]{1,15}?起|[，,\s])+")


def elided_subject(text: str) -> bool:
    """What was said opens, after time words, with a predicate: its subject was left out
    (正研究…, 下一步将…, 2019年已建设…), not 已有20多个国家… (有 there is existential)."""
    g = grammar.load()
    pos = 0
    while True:
        m = _DATE_OPENER.match(text, pos)
        if m and m.end() > pos:
            pos = m.end()
        word = next((w for w in g.time_openers if text.startswith(w, pos)), None)
        if word is None:
            break
        pos += len(word)
    opener = next((w for w in g.predicate_openers if text.startswith(w, pos)), None)
    return opener is not None and not text.startswith(("有", "没有"), pos + len(opener))


def opens_content(text: str, pos: int) -> bool:
    """An organisation's weak cue (数据预计…) attributes only when a clause or a quotation follows."""
    return pos < len(text) and text[pos] in "，,：:" + OPEN_QUOTES


def names_topic(text: str, pos: int, verb: str) -> bool:
    """闻库介绍了上半年发展情况 / 中国移动披露2024年半年度报告: the verb's object is a topic or a
    report, not what was said (grammar topic_verbs, topic_nouns)."""
    g = grammar.load()
    if not verb.startswith(g.topic_verbs) or pos >= len(text) or text[pos] in "，,：:" + OPEN_QUOTES:
        return False
    clause = re.split(r"[，,。；;：:]", text[pos:], maxsplit=1)[0].strip()
    return clause.endswith(g.topic_nouns)


def content(text: str, pos: int) -> tuple[int, int]:
    """What was said after the cue: a closing quotation, or the rest of the sentence,
    without an addressee (告诉现代快报记者，……)."""
    s, _ = strip_span(text, pos, len(text), "，,：: ")
    addressee = _addressee().match(text, s)
    if addressee:
        s, _ = strip_span(text, addressee.end(), len(text), "，,：: ")
    q = quotation_at(text, s)
    if q is not None and text[q[1] :].strip(CONTENT_TRIM) == "":
        return strip_span(text, q[0] + 1, q[1] - 1, CONTENT_TRIM)
    return strip_span(text, s, _narration_start(text, s), CONTENT_TRIM)


@lru_cache(maxsize=1)
def _narration() -> re.Pattern[str]:
    openers = alternation(grammar.load().narration_openers)
    return re.compile(rf"[，,；;](?=(?:{openers})|[^，,。；;“”]{{0,10}}显示[，,：:])")


def _narration_start(text: str, pos: int) -> int:
    """…上半年资本支出达到284亿元；数据显示，……: what was said ends where the journalist's
    narration or a data attribution begins (grammar narration_openers, X显示)."""
    quotes, _ = nesting(text)
    for m in _narration().finditer(text, pos):
        if quotes[m.start()] == 0:
            return m.start()
    return len(text)


def leading_quote(text: str, clause_start: int, cue: int) -> tuple[int, int] | None:
    """The quotation that opens the speaker's clause: “……”王帅说 / “……。”邹学勇认为."""
    q = quotation_at(text, clause_start)
    if q is None or q[1] >= cue or text[:clause_start].strip(CONTENT_TRIM):
        return None
    s, e = strip_span(text, q[0] + 1, q[1] - 1, CONTENT_TRIM)
    return (s, e) if e - s >= MIN_CONTENT else None
