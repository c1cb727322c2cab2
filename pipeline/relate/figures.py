"""Figures: quantities in a sentence, with a normalised value (约20万个 → 200000, 56% → 0.56).

The vocabulary (qualifiers, measure words, what rules a number out) lives in
data/figures.yaml; this module only knows the shape of a quantity.
Reads: a sentence and its organisations. Provides: Figures with values and subjects.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from pipeline.language import grammar, lexicon
from pipeline.language.datafiles import load_yaml
from pipeline.language.numbers import BIG_UNITS, NUMERAL_CHARS, SMALL_UNITS, parse_number
from pipeline.language.text import alternation, clause_start
from pipeline.recognise.context import ArticleContext, SentenceFacts
from pipeline.records import Figure, Hit, Statement

SUBJECT_DELIMITERS = "，,；;：:。"  # what ends the clause a figure's subject is looked for in


@dataclass(frozen=True)
class _Vocab:
    pattern: re.Pattern[str]
    units: dict[str, str]
    counted: dict[str, str]
    scales: dict[str, float]
    not_after: re.Pattern[str]
    not_before: tuple[str, ...]
    vague: frozenset[str]
    vague_heads: frozenset[str]
    vague_before: tuple[str, ...]
    category_after: tuple[str, ...]
    organisation_units: frozenset[str]
    not_organisations: tuple[str, ...]
    precise_units: frozenset[str]
    share_words: re.Pattern[str]
    shares: dict[str, float]


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    data = load_yaml("figures.yaml")
    multipliers = "".join(SMALL_UNITS) + "".join(BIG_UNITS)
    pattern = re.compile(
        rf"(?P<qual>{alternation(data['qualifiers'])})?"
        rf"(?:(?P<pct_word>百分之)(?P<pct_num>[{NUMERAL_CHARS}\d.]+)"
        rf"|(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|[{NUMERAL_CHARS}]+)"
        rf"(?P<approx>{alternation(data['approx_suffixes'])})?"
        rf"(?P<mult>(?<=\d) ?[{multipliers}]+|(?<=[多余几])[{multipliers}]+)?"
        rf"(?P<approx2>{alternation(data['approx_suffixes'])})?)"
    )
    return _Vocab(
        pattern=pattern,
        units=dict(data["units"]),
        counted=dict(data["counted_nouns"]),
        scales=dict(data["scales"]),
        not_after=re.compile("(?:" + "|".join(data["not_after"]) + ")$"),
        not_before=tuple(sorted(data["not_before"], key=len, reverse=True)),
        vague=frozenset(data["vague_numerals"]),
        vague_heads=frozenset(data["vague_heads"]),
        vague_before=tuple(data["vague_before"]),
        category_after=tuple(data["category_after"]),
        organisation_units=frozenset(data["organisation_units"]),
        not_organisations=tuple(data["not_organisations"]),
        precise_units=frozenset(data["precise_units"]),
        share_words=re.compile(rf"(?:{alternation(data['qualifiers'])})?(?:{alternation(data['share_words'])})"),
        shares=dict(data["share_words"]),
    )


def _longest_prefix(text: str, pos: int, words) -> str | None:
    for w in sorted(words, key=len, reverse=True):
        if text.startswith(w, pos):
            return w
    return None


def _is_magnitude(numeral: str) -> bool:
    """百亿, 千万, 万: a numeral of magnitude characters only (十 alone is a number)."""
    return all(ch in SMALL_UNITS or ch in BIG_UNITS for ch in numeral) and set(numeral) != {"十"}


def _ends_phrase(text: str, pos: int) -> bool:
    return pos >= len(text) or text[pos] in "，,。；;！？!?、）)”"


def _is_vague(numeral: str, v: _Vocab) -> bool:
    """几万, 数百, 一个: numbers too loose to report as a figure (十余家, 两家 and 两亿 are fine)."""
    if re.search(r"\d", numeral):
        return False
    return numeral[0] in v.vague_heads or numeral in v.vague


def find_figures(text: str) -> list[Figure]:
    """Every reportable quantity in `text`, left to right (offsets into it, no subject yet)."""
    v = _vocab()
    hits: list[Figure] = []
    for m in v.pattern.finditer(text):
        start = m.start()
        if (
            not m.group("qual")
            and start > 0
            and re.match(r"[A-Za-z0-9._\-]", text[start - 1])
            and text[start].isdigit()
        ):
            continue  # part of an id, a model name or a phone number
        if v.not_after.search(text, 0, start):
            continue
        end = m.end()
        if m.group("pct_word"):
            try:
                value = parse_number(m.group("pct_num")) / 100
            except ValueError:
                continue
            hits.append(Figure(text[start:end], value, "%", None, start, end))
            continue
        numeral = m.group("num") + (m.group("mult") or "")
        if text.startswith(" ", end) and numeral[-1].isdigit() and _longest_prefix(text, end + 1, v.units):
            end += 1  # 6.70 元: a number set off by a space keeps its unit
        unit_word = _longest_prefix(text, end, v.units)
        ruled_out = _longest_prefix(text, end, v.not_before)
        if ruled_out and len(ruled_out) >= len(unit_word or ""):  # 5个月 is a period, 300分钟 a figure
            continue
        try:
            value = parse_number(numeral)
        except ValueError:
            continue
        approx = m.group("approx") or m.group("approx2")
        if _is_magnitude(numeral):  # 突破百亿, 千亿元 are figures; 上千万, 万卡集群, 千元以下的手机 are not
            if (
                text.endswith(v.vague_before, 0, start)
                or not (unit_word or _ends_phrase(text, end))
                or text.startswith(v.category_after, end + len(unit_word or ""))
            ):
                continue
        elif (
            _is_vague(numeral, v)
            and not (approx and numeral in v.vague)
            and (unit_word not in v.precise_units or numeral not in v.vague)
        ):
            continue  # 两成, 两倍, 十余家, 两家 are figures; 一个, 几万 are not
        unit = v.units[unit_word] if unit_word else None
        if unit_word:
            end += len(unit_word)
        has_mult = bool(m.group("mult")) or any(c in BIG_UNITS for c in m.group("num"))
        noun = _longest_prefix(text, end, v.counted) if has_mult or unit else None
        if noun:
            unit = unit or v.counted[noun]
            end += len(noun)
        if unit is None and not has_mult:
            continue
        if unit is None:  # 用户达到40万: the counted noun came before the number
            before = text[max(0, start - 10) : start]
            unit = next((u for w, u in v.counted.items() if w in before), None)
        value = round(value * (v.scales.get(unit_word, 1) if unit_word else 1), 10)
        hits.append(Figure(text[start:end], value, unit, None, start, end))
    for m in v.share_words.finditer(text):
        word = next(w for w in v.shares if m.group().endswith(w))
        hits.append(Figure(m.group(), v.shares[word], "%", None, m.start(), m.end()))
    return sorted(hits, key=lambda h: h.start)


def sentence_figures(
    sent: SentenceFacts, ctx: ArticleContext, topic: str | None, statements: list[Statement]
) -> list[Figure]:
    """The figures of one sentence, each with the organisation it measures, in article offsets.

    `topic` is the company the sentences before are about (next_topic); `statements` are this
    sentence's, whose speakers' companies an executive's figures measure.
    """
    base = sent.span.start
    return [
        replace(f, subject=_subject(sent, f, ctx, topic, statements), start=base + f.start, end=base + f.end)
        for f in find_figures(sent.span.text)
    ]


def next_topic(sent: SentenceFacts, topic: str | None) -> str | None:
    """The company later sentences' figures measure when they name none (上半年，中国联通实现…; 移动用户
    ARPU达到44.4元): the sentence's first organisation when it is such a company, else none; a sentence
    that names no organisation keeps the topic it was given."""
    named = [o for o in sent.orgs if not lexicon.load().is_media(o.name)]
    if not named:
        return topic
    return named[0].name if _reports_own_figures(named[0]) else None


def counts_organisations(unit: str | None, after: str) -> bool:
    """14家 (虚商): a figure that counts organisations, not a quantity of one; `after` is the text that
    follows it (300家独立门店 are one company's stores)."""
    v = _vocab()
    return unit in v.organisation_units and not any(w in after[:4] for w in v.not_organisations)


def _reports_own_figures(org: Hit) -> bool:
    """A company whose own quantities an article reports: not a regulator, an analyst firm or the media."""
    rec = lexicon.load().org(org.name)
    return org.label == "COMPANY" and not (rec and rec.type in ("consultancy", "research", "media"))


def _subject(
    sent: SentenceFacts, f: Figure, ctx: ArticleContext, topic: str | None, statements: list[Statement]
) -> str | None:
    """The organisation in the figure's clause before it; none for a count of organisations (unless a
    company counts its own) or a clause about the industry; the company that opens the sentence; for
    what an executive says, the company they work for; else the topic the sentences before set."""
    text = sent.span.text
    start = clause_start(text, f.start, SUBJECT_DELIMITERS)
    lex = lexicon.load()
    candidates = [o for o in sent.orgs if o.end <= f.start and not lex.is_media(o.name)]
    in_clause = [o for o in candidates if o.start >= start]
    counted = counts_organisations(f.unit, text[f.end :])
    if in_clause:
        return None if counted and not _reports_own_figures(in_clause[-1]) else in_clause[-1].name
    if counted or any(w in text[start : f.start] for w in grammar.load().generic_subjects):
        return None
    opening = [o for o in candidates if o.label == "COMPANY"]
    if opening:
        return opening[-1].name
    pos = sent.span.start + f.start
    for st in statements:
        if st.start <= pos < st.end and st.speaker:
            own = ctx.employer(st.speaker, "COMPANY")
            if own:
                return own
    return topic
