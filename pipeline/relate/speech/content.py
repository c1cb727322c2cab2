"""Content: what was said after a cue, or the quotation that opens the speaker's clause.

Reads: a sentence and a cue. Provides: the content span.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.language import grammar, segment
from pipeline.language.text import OPEN_QUOTES, alternation, nesting, quotation_at, strip_span

CONTENT_TRIM = "，,：:；;。！？!? \t"
COUNT = r"[一二三四五六七八九十两几\d]"  # a count's digit (三点, 两项, 几条)
MIN_CONTENT = 4


@lru_cache(maxsize=1)
def _addressee() -> re.Pattern[str]:
    return re.compile(rf"[^，,。：:“]{{0,10}}?(?:{alternation(grammar.load().addressees)})[，,：:]")


@lru_cache(maxsize=1)
def _frame_opener() -> re.Pattern[str]:
    """Dates (2019年, 到2026年, 自5月1日起, 截至6月底), and comparisons (与手机业务相比): frames before a subject."""
    g = grammar.load()
    comparison = rf"(?:{alternation(g.comparison_markers)})[^，,。]{{1,20}}?(?:{alternation(g.comparison_words)})"
    prep = alternation(g.date_prepositions)
    date = (
        rf"(?:{prep})?\s*(?:\d{{2,4}}\s*年[底末初起]?|\d{{1,2}}\s*月|\d{{1,2}}\s*日)"
        rf"|(?:{prep})(?={alternation(g.time_openers)})|(?:自|从)[^，,。]{{1,15}}?起|截至[^，,。]{{1,12}}(?=[，,])"
    )
    return re.compile(rf"\s*(?:{date}|{comparison}|[，,\s])+")


def elided_subject(text: str) -> bool:
    """What was said opens, after time words and comparisons, with a predicate: its subject was
    left out (正研究…, 下一步将…, 2019年已建设…), not 已有20多个国家… or 将会出现… (existential) nor
    与手机业务相比，物联网客户… (与 opens a comparison there)."""
    return _opener(text) is not None


def issuing_act(text: str) -> bool:
    """A document reports its issuer's act with the subject left out (于近日发放了…, 已约谈…); a
    plan's or report's own 将… (2020年将建成…) is no act of its issuer's."""
    opener = _opener(text)
    return opener is not None and opener not in grammar.load().plan_openers


def issuers_measure(text: str) -> bool:
    """A notice reports its issuer's act (已约谈…) or a measure with nobody named to carry it out
    (…，应尽快解决; 不得…): its issuer's; not a rule for those it names (各企业须…, 用户应当…)."""
    directives = grammar.load().directive_openers
    return elided_subject(text) or any(c.strip().startswith(directives) for c in re.split(r"[，,；;。]", text))


def _opener(text: str) -> str | None:
    """The predicate word that opens `text` after its time words, if any."""
    g = grammar.load()
    pos = 0
    while True:
        m = _frame_opener().match(text, pos)
        if m and m.end() > pos:
            pos = m.end()
        word = next((w for w in g.time_openers if text.startswith(w, pos)), None)
        if word is None:
            break
        pos += len(word)
    opener = next((w for w in g.predicate_openers if text.startswith(w, pos)), None)
    if opener is None or not _heads_predicate(text, pos, opener) or _subjectless(text, pos + len(opener)):
        return None
    return None if _topic_phrase(text, pos) else opener


def _topic_phrase(text: str, pos: int) -> bool:
    """开展转售试点，是落实…的举措 / 推出新套餐是为了…: the verb phrase at `pos` is what a 是 after it
    says something of, a topic; nobody's act was left without its subject."""
    clause = re.split(r"[，,；;。]", text[pos:], maxsplit=2)
    copulas = grammar.load().copulas
    if len(clause) > 1 and clause[1].strip().startswith(copulas):
        return True
    return any(word in copulas for word, _, _ in segment.cut(clause[0])[1:])


def _subjectless(text: str, pos: int) -> bool:
    """将会出现…, 已有…, 还将是…: after the openers comes a verb whose subject is no actor (there is, it
    is: grammar subjectless_verbs), so no organisation was left out."""
    g = grammar.load()
    while (more := next((w for w in g.predicate_openers if text.startswith(w, pos)), None)) is not None:
        pos += len(more)
    return text.startswith(g.subjectless_verbs, pos)


def _heads_predicate(text: str, pos: int, opener: str) -> bool:
    """The opener at `pos` is a word of its own (将 in 将推出) or heads a predicate word (不断完善), not
    the first characters of a word of another kind (将来, 会员, 正是, 于是) or of a noun (开通率)."""
    first = segment.cut(text[pos : pos + 12])
    if len(first) > 1 and first[0][0] == opener and first[1][0] in grammar.load().nominal_suffixes:
        return False  # 开通|率, 签署|方: a noun made of the verb
    if not first or len(first[0][0]) <= len(opener):
        return True
    tag = segment.dictionary_tag(first[0][0])
    return tag is None or tag in grammar.load().predicate_word_tags


@lru_cache(maxsize=1)
def _list_header() -> re.Pattern[str]:
    measures = alternation(grammar.load().list_measures)
    return re.compile(rf"了?{COUNT}+(?:{measures})[^，,。：:“]{{0,6}}[：:]")


def list_header(text: str, pos: int) -> int:
    """提出三点要求：一是… / 提出了两项任务：…: where the items after a counted header begin (`pos` if none)."""
    m = _list_header().match(text, pos)
    return m.end() if m else pos


def confirms_before(text: str, pos: int) -> bool:
    """证实了传言 / 确认了这一消息: what was confirmed is what came before (a quotation), not what follows."""
    return text.startswith("了", pos) and text.startswith(tuple(grammar.load().confirmed_anaphora), pos + 1)


def opens_content(text: str, pos: int) -> bool:
    """An organisation's weak cue (数据预计…) attributes only when a clause, a quotation or a
    counted list (提出三点要求：) follows."""
    return pos < len(text) and (text[pos] in "，,：:" + OPEN_QUOTES or list_header(text, pos) > pos)


def names_topic(text: str, pos: int, verb: str) -> bool:
    """闻库介绍了上半年发展情况 / 中国移动披露2024年半年度报告: the verb's object is a topic or a
    report, not what was said (grammar topic_verbs, topic_nouns)."""
    g = grammar.load()
    if not verb.startswith(g.topic_verbs) or pos >= len(text) or text[pos] in "，,：:" + OPEN_QUOTES:
        return False
    clause = re.split(r"[，,。；;：:]", text[pos:], maxsplit=1)[0].strip()
    return clause.endswith(g.topic_nouns)


@lru_cache(maxsize=1)
def _audience() -> re.Pattern[str]:
    return re.compile(rf"[^，,。：:“]{{0,6}}?(?:{alternation(grammar.load().audiences)})[，,：:]")


def content(text: str, pos: int) -> tuple[int, int]:
    """What was said after the cue: a closing quotation, or the rest of the sentence,
    without an addressee (告诉现代快报记者，……), an audience (提醒各位市民朋友，……) or a counted
    header with items after it."""
    audience = _audience().match(text, pos)
    s, _ = strip_span(text, audience.end() if audience else pos, len(text), "，,：: ")
    addressee = _addressee().match(text, s)
    if addressee:
        s, _ = strip_span(text, addressee.end(), len(text), "，,：: ")
    if text[list_header(text, s) :].strip(CONTENT_TRIM):  # 提出三点要求：一是…: the items were said
        s = list_header(text, s)
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


def preceding(text: str, start: int, clause: int) -> tuple[int, int] | None:
    """明年资费还会下降，王某表示。: indirect speech before the speaker's clause, when the cue ends the
    sentence; the journalist's framing (针对…，, 在发布会上，) is not part of it."""
    if clause <= start or text[clause - 1] not in "，,":
        return None
    g = grammar.load()
    pos = start
    while text.startswith(g.framing_openers + g.adverbial_openers, pos):  # one framing clause after another
        end = min((i for i in (text.find(c, pos, clause) for c in "，,") if i >= 0), default=-1)
        if end < 0:
            return None
        pos = end + 1
    s, e = strip_span(text, pos, clause, CONTENT_TRIM)
    return (s, e) if e - s >= MIN_CONTENT else None
