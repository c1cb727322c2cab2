"""Figures: quantities in a sentence, with a normalised value (约20万个 → 200000, 56% → 0.56).

The vocabulary (qualifiers, measure words, what rules a number out) lives in
data/figures.yaml; this module only knows the shape of a quantity.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from . import grammar, lexicon
from .context import SentenceFacts
from .datafiles import load_yaml
from .numbers import BIG_UNITS, NUMERAL_CHARS, SMALL_UNITS, parse_number
from .records import Figure
from .text import alternation, clause_start

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
        rf"(?P<mult>(?<=\d)[{multipliers}]+|(?<=[多余几])[{multipliers}]+)?"
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
        precise_units=frozenset(data["precise_units"]),
        share_words=re.compile(rf"(?:{alternation(data['qualifiers'])})?(?:{alternation(data['share_words'])})"),
        shares=dict(data["share_words"]),
    )


def _longest_prefix(text: str, pos: int, words) -> str | None:
    for w in sorted(words, key=len, reverse=True):
        if text.startswith(w, pos):
            return w
    return None


def _is_vague(numeral: str, v: _Vocab) -> bool:
    """上千万, 上百家, 几万, 一个: numbers too loose to report as a figure (十余家 and 两亿 are fine)."""
    if re.search(r"\d", numeral):
        return False
    if all(ch in "百千" or ch in BIG_UNITS for ch in numeral) or numeral[0] in v.vague_heads:
        return True
    return numeral in v.vague


def find_figures(text: str) -> list[Figure]:
    """Every reportable quantity in `text`, left to right (offsets into it, no subject yet)."""
    v = _vocab()
    hits: list[Figure] = []
    for m in v.pattern.finditer(text):
        start = m.start()
        if not m.group("qual") and start > 0 and re.match(r"[A-Za-z0-9._\-]", text[start - 1]):
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
        unit_word = _longest_prefix(text, end, v.units)
        ruled_out = _longest_prefix(text, end, v.not_before)
        if ruled_out and len(ruled_out) >= len(unit_word or ""):  # 5个月 is a period, 300分钟 a figure
            continue
        try:
            value = parse_number(numeral)
        except ValueError:
            continue
        approx = m.group("approx") or m.group("approx2")
        if _is_vague(numeral, v) and not (approx and numeral in v.vague) and (
                unit_word not in v.precise_units or numeral not in v.vague):
            continue  # 两成, 两倍, 十余家 are figures; 两家, 三家, 千元 are not
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
            before = text[max(0, start - 10):start]
            unit = next((u for w, u in v.counted.items() if w in before), None)
        value = round(value * (v.scales.get(unit_word, 1) if unit_word else 1), 10)
        hits.append(Figure(text[start:end], value, unit, None, start, end))
    for m in v.share_words.finditer(text):
        word = next(w for w in v.shares if m.group().endswith(w))
        hits.append(Figure(m.group(), v.shares[word], "%", None, m.start(), m.end()))
    return sorted(hits, key=lambda h: h.start)


def sentence_figures(sent: SentenceFacts) -> list[Figure]:
    """The figures of one sentence, each with the organisation it measures, in article offsets."""
    base = sent.span.start
    return [replace(f, subject=_subject(sent, f), start=base + f.start, end=base + f.end)
            for f in find_figures(sent.span.text)]


def _subject(sent: SentenceFacts, f: Figure) -> str | None:
    """The organisation in the figure's clause before it, else the company that opens the sentence."""
    text = sent.span.text
    start = clause_start(text, f.start, SUBJECT_DELIMITERS)
    lex = lexicon.load()
    candidates = [o for o in sent.orgs if o.end <= f.start and not lex.is_media(o.name)]
    in_clause = [o for o in candidates if o.start >= start]
    if in_clause:
        return in_clause[-1].name
    if any(w in text[start:f.start] for w in grammar.load().generic_subjects):
        return None
    opening = [o for o in candidates if o.label == "COMPANY"]
    return opening[-1].name if opening else None
