"""People's names, cut from context: a listed surname and one or two given-name characters.

No list of names: where a name ends is read from what follows it (a function
word, a speech verb, a title) and from jieba.
Reads: a sentence and a position. Provides: the person name there, if any.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.language import grammar, lexicon, segment
from pipeline.language.text import PUNCTUATION, alternation
from pipeline.recognise.common import CJK, overlaps
from pipeline.recognise.titles import title_pattern
from pipeline.records import Hit

NAME_ENDING_FLAGS = frozenset("vpdcu")  # jieba: a one-character word of these kinds after a name is no part of it
MAX_FOREIGN_PART = 6  # characters of one part of a transliterated name: 扎克伯格
_FOREIGN_HEAD = re.compile(rf"(?:[{CJK}]{{1,{MAX_FOREIGN_PART}}}[·•・])+")


def name_at(text: str, pos: int) -> int:
    """Length of a person's name starting at `pos` (0 when there is none).

    A surname from the list, then one or two given-name characters; where the
    characters run on, the name stops before a function word or a speech verb,
    and jieba decides between two and three characters.
    """
    lex = lexicon.load()
    if pos >= len(text):
        return 0
    sur = 2 if text[pos : pos + 2] in lex.surnames else 1 if text[pos] in lex.surnames else 0
    if not sur or text.startswith(grammar.load().honorifics, pos + sur):  # 刘先生 names nobody
        return 0
    given = 0
    while given < 2:
        i = pos + sur + given
        if i >= len(text) or not re.match(rf"[{CJK}]", text[i]) or _stops_name(text, i):
            break
        given += 1
    if given == 0:
        return 2 + sur if _split_given_name(text, pos, sur) else 0
    if given == 2 and sur == 1 and _two_char_name(text, pos):
        return 2
    return sur + given


_LATIN_NAME = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}(?![A-Za-z])")


def foreign_name_at(text: str, pos: int) -> int:
    """Length of a transliterated name at `pos` (蒂姆·库克, 马克·扎克伯格) or one in Latin letters
    (James Zhang: capitalised words, at least two), 0 when there is none: parts joined by a middle
    dot, the last ending where a name would."""
    latin = _LATIN_NAME.match(text, pos)
    if latin is not None:
        return latin.end() - pos
    m = _FOREIGN_HEAD.match(text, pos)
    if m is None:
        return 0
    end = m.end()
    while end < len(text) and end - m.end() < MAX_FOREIGN_PART and re.match(rf"[{CJK}]", text[end]):
        if _stops_name(text, end) or text.startswith(grammar.load().foreign_name_stops, end):
            break
        end += 1
    return end - pos if end - m.end() >= 1 else 0


def name_ending_at(text: str, end: int) -> Hit | None:
    """The name that ends at `end` and opens its clause (at the start or after punctuation):
    张伟|，小米移动总经理, 王刚|曾任…, 王刚|（中国移动）."""
    for k in (3, 2, 4):  # the usual length first
        start = end - k
        if start >= 0 and (start == 0 or text[start - 1] in PUNCTUATION) and name_at(text[:end] + "。", start) == k:
            return Hit(start, end, "PERSON", text[start:end], text[start:end])
    return None


def _split_given_name(text: str, pos: int, sur: int) -> bool:
    """鲁|向东, 于|和平: a given name opening with a function word (向, 和) is a name where jieba reads
    the surname alone as a word of no function kind and the two characters after it as a given name."""
    words = segment.tagged(text[pos : pos + sur + 4])
    return (
        len(words) > 1
        and words[0][0] == text[pos : pos + sur]
        and words[0][1][:1] not in NAME_ENDING_FLAGS
        and len(words[1][0]) == 2
        and words[1][1].startswith("nr")
    )


def _two_char_name(text: str, pos: int) -> bool:
    """王帅近日表示, 杨杰做报告, 刘强为大会致辞: of three free characters jieba reads the first two
    as a word and the third as the start of the next word, a longer one or a verb, preposition or
    adverb of one character (a given name's last character jieba split off stands alone otherwise)."""
    words = segment.tagged(text[pos : pos + 8])
    if len(words) < 2 or len(words[0][0]) != 2 or len(text) <= pos + 3:
        return False
    nxt, flag, _ = words[1]
    if len(nxt) == 2 and _stops_name(text, pos + 3) and flag[:1] not in ("t", "p", "d", "c"):
        return False  # 闫晓明说: jieba's 明说 is the name's last character and the verb
    return len(nxt) > 1 or (words[0][1].startswith("nr") and flag[:1] in NAME_ENDING_FLAGS and len(words) > 2)


def _stops_name(text: str, i: int) -> bool:
    if i >= len(text):
        return True
    if text[i] in grammar.load().name_stops:
        return True
    return bool(_long_speech_verb().match(text, i) or title_pattern().match(text, i))


@lru_cache(maxsize=1)
def _long_speech_verb() -> re.Pattern[str]:
    """The speech verbs of two characters or more, one of which ends a name where it starts: a pattern,
    since every character a name may run on to is asked of."""
    return re.compile(alternation(v for v in lexicon.load().speech_verbs if len(v) > 1))


def model_persons(model: list[Hit], known: list[Hit]) -> list[Hit]:
    """People the model finds: surname-led names of two to four characters, outside organisations."""
    return [h for h in model if h.label == "PERSON" and _confirmed_name(h.text) and not overlaps(h.start, h.end, known)]


@lru_cache(maxsize=4096)
def _confirmed_name(name: str) -> bool:
    """The model's name as the rules would cut it, and a name to jieba too (not 米粉, 韦总在, 冯静称).
    Cached: a function of the name alone, asked of each of the model's names twice (read_context)."""
    if (
        name in lexicon.load().not_names
        or name[-1] in grammar.load().one_char_short_forms
        or name_at(name + "。", 0) != len(name)
    ):
        return False
    tags = segment.tagged(name)
    return len(tags) == 1 and tags[0][1].startswith("nr")
