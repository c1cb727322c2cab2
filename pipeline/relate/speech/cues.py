"""Cues: speech verbs on word boundaries, outside quotations and asides, not used as nouns.

Reads: a sentence. Provides: cue spans.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.language import grammar, lexicon, segment
from pipeline.language.text import CLAUSE_DELIMITERS, OPEN_QUOTES, alternation, clause_start, nesting
from pipeline.recognise.names import name_at
from pipeline.records import Hit
from pipeline.relate.speech.content import COUNT, confirms_before, list_header

Cue = tuple[int, int, str]  # start, end (the verb with its tail: 解释说), the lexicon's verb


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    return re.compile(alternation(lexicon.load().speech_verbs_by_length))


def cues(text: str, persons: tuple[Hit, ...]) -> list[Cue]:
    """Speech verbs on word boundaries, outside quotations and asides, not used as nouns (透露的, 的表态).

    jieba may glue a name's last character or a particle to the verb (张晓明说 →
    张晓/明说, 专访时称 → 时称), so a verb right after either counts as starting a word.
    Returns (start, end, lexicon verb); the span may run on past the verb (解释说).
    """
    return list(_cues(text, frozenset(p.end for p in persons)))


@lru_cache(maxsize=64)
def _cues(text: str, name_ends: frozenset[int]) -> tuple[Cue, ...]:
    """cues(), remembered: the rules and the learned second look (learned.candidates) read the same sentence's."""
    quotes, parens = nesting(text)
    bounds = segment.boundaries(text)
    not_after = tuple(grammar.load().not_after_cue)
    not_before = tuple(grammar.load().not_before_cue)
    glue = grammar.load().cue_glue_chars
    word_at = {start: word for word, start, _ in segment.words(text)}
    out = []
    for m in _pattern().finditer(text):
        pos, end = m.span()
        source = next((w for w in grammar.load().unnamed_sources if m.group().startswith(w)), "")
        if not (text.endswith("有", 0, pos) and m.group()[len(source) :] in lexicon.load().speech_verbs):
            source = ""
        pos += len(source)  # 有分析认为: 分析 is the source, 认为 the cue
        starts_word = (
            bool(source)
            or pos in bounds
            or pos in name_ends
            or (pos > 0 and text[pos - 1] in glue)
            or any(name_at(text, pos - k) == k for k in (2, 3) if pos >= k)
        )
        ends_word = end in bounds or end == len(text) or text[end] in CLAUSE_DELIMITERS
        if m.group() in grammar.load().clause_only_cues and not _opens_clause(text, end):
            continue
        if (
            quotes[pos] == 0
            and parens[pos] == 0
            and starts_word
            and ends_word
            and (not _particle_after(text, end, not_after, word_at) or _particle_allowed(text, end))
            and not text.endswith(not_before, 0, pos)
            and not _counted(text, pos)
            and not _light_verb_object(text, pos)
            and not _names_item(text, end)
        ):
            if text.startswith(grammar.load().cue_tails, end):  # 解释说, 介绍道: one cue
                end += 1
            out.append((pos, end, text[pos : m.end()]))
    return tuple(out)


def _light_verb_object(text: str, pos: int) -> bool:
    """进行回访和身份信息确认: a speech verb right after a noun, with a light verb (进行) before it
    in its clause, is that verb's object, not a cue (进行检查并表示 keeps its cue; 予以高度评价，称… is a cue)."""
    head = text[clause_start(text, pos) : pos]
    if not any(v in head for v in grammar.load().light_verbs):
        return False
    words = segment.cut(head)
    return bool(words) and (segment.dictionary_tag(words[-1][0]) or "") in ("n", "vn")


def _names_item(text: str, end: int) -> bool:
    """《…登记规定》, 语音通知回复、简讯通知回传: a verb that ends a document's title or an item of a list
    is a noun, not a cue."""
    return text.startswith(("》", "、"), end)


def _opens_clause(text: str, end: int) -> bool:
    """王晓初指，…: a comma or colon right after the verb."""
    return end < len(text) and text[end] in "，,：:"


def _particle_after(text: str, end: int, not_after: tuple[str, ...], word_at: dict[int, str]) -> bool:
    """透露的, 宣布后: a particle makes the verb a noun or a time, but not a word it only begins
    (他提到中移动…: 中 opens 中移动)."""
    word = word_at.get(end, "")
    return any(text.startswith(p, end) and len(word) <= len(p) for p in not_after)


def _particle_allowed(text: str, end: int) -> bool:
    """提出了三点要求：… / 证实了传言: 了 before a counted header or a word pointing back at what was
    confirmed leaves the verb a cue."""
    return _lists_after(text, end) or confirms_before(text, end)


def _lists_after(text: str, end: int) -> bool:
    """提出了三点要求：…: 了 before a counted header leaves the verb a cue."""
    return text.startswith("了", end) and list_header(text, end) > end


@lru_cache(maxsize=1)
def _count() -> re.Pattern[str]:
    return re.compile(rf"{COUNT}(?:{alternation(grammar.load().list_measures)})$")


def _counted(text: str, pos: int) -> bool:
    """提出三点要求: a verb right after a count and its measure word is a noun, the list's header."""
    return _count().search(text, max(0, pos - 4), pos) is not None


def followed_by_cue(text: str, cue: Cue, later: list[Cue]) -> bool:
    """在回复邮件中表示: a verb running on into a later cue of its clause is not the cue; but a reported act
    of saying right before a weak verb (宣布预计…, 称预计…) is, the estimate being what it reported."""
    _, end, verb = cue
    if end >= len(text) or text[end] in CLAUSE_DELIMITERS or text[end] in OPEN_QUOTES:
        return False
    verbs = lexicon.load().speech_verbs
    if later and later[0][0] == end and verbs[verb].strong and not verbs[later[0][2]].strong:
        return False
    clause_end = next((i for i in range(end, len(text)) if text[i] in CLAUSE_DELIMITERS), len(text))
    return any(c0 < clause_end for c0, _, _ in later)
