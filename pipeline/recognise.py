"""Recognition: organisations, titles, people and anonymous sources in one sentence.

Gazetteer matches keep their canonical names; people are found from context
(a title right before a name, a name right before a speech verb), never from
a list of names. Offsets in a Hit are relative to the sentence text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import grammar, lexicon, segment

CJK = r"\u4e00-\u9fff"


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    label: str  # COMPANY, GOVERNMENT, ORGANIZATION, POSITION, PERSON, or ANON for unnamed sources
    name: str  # canonical name (organisations), the title, the person's name, or the source as written
    text: str


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    lex = lexicon.load()
    g = grammar.load()
    return {
        "org": re.compile(_alternation(lex.alias_index)),
        "weak_org": re.compile(_alternation(lex.weak_alias_index)),
        "org_tail": re.compile(_alternation(g.company_tails)),
        "legal": re.compile(rf"[{CJK}A-Za-z0-9（）()]{{2,24}}?(?:{_alternation(g.legal_tails)})"),
        "short_name": re.compile(rf"[（(](?:{_alternation(g.short_name_markers)})[“\"]?([{CJK}A-Za-z0-9]{{2,10}})[”\"]?[）)]"),
        "title": re.compile(_alternation(lex.titles)),
        "anon": re.compile("|".join(p.pattern for p in lex.anonymous)),
    }


def organisations(text: str, bounds: frozenset[int], local: dict[str, Hit] | None = None) -> list[Hit]:
    """Organisations in a sentence: legal names, gazetteer names, and names the article defined.

    `local` maps short names an article introduced (以下简称“华信智联”) to their
    organisation; new definitions found here are added to it.
    """
    local = {} if local is None else local
    hits = _legal_names(text, local)
    hits += _gazetteer(text, bounds, hits)
    for name, ref in local.items():
        for m in re.finditer(re.escape(name), text):
            if not _overlaps(m.start(), m.end(), hits):
                hits.append(Hit(m.start(), m.end(), ref.label, ref.name, name))
    hits += _weak_aliases(text, bounds, hits)
    return sorted(hits, key=lambda h: h.start)


def _gazetteer(text: str, bounds: frozenset[int], taken: list[Hit]) -> list[Hit]:
    lex = lexicon.load()
    pats = _patterns()
    hits = []
    for m in pats["org"].finditer(text):
        alias = m.group()
        if len(alias) <= 2 and not (m.start() in bounds and m.end() in bounds):
            continue
        if _overlaps(m.start(), m.end(), taken) or _in_compound(text, m.start(), m.end()):
            continue
        rec = lex.alias_index[alias]
        end = _yield_to_title(text, m.start(), m.end(), rec)
        tail = pats["org_tail"].match(text, end)
        if tail:  # 迪信通公司, 京东集团: the same organisation, the mention takes the tail
            end = tail.end()
        hits.append(Hit(m.start(), end, rec.label, rec.name, text[m.start():end]))
    return hits


def _weak_aliases(text: str, bounds: frozenset[int], taken: list[Hit]) -> list[Hit]:
    """联通, 移动: an operator's bare name counts only beside another operator, or as the
    head of 公司/集团, 方面 or a title (联通方面表示, 联通总经理)."""
    lex = lexicon.load()
    pats = _patterns()
    found = []
    for m in pats["weak_org"].finditer(text):
        if not (m.start() in bounds and m.end() in bounds) or _overlaps(m.start(), m.end(), taken):
            continue
        if _in_compound(text, m.start(), m.end()):
            continue
        rec = lex.weak_alias_index[m.group()]
        found.append((m, rec))
    hits = []
    for m, rec in found:
        peers = [h for h in taken if (lex.org(h.name) or rec).type == rec.type and h.name != rec.name]
        peers += [r for _, r in found if r.type == rec.type and r is not rec]
        tail = pats["org_tail"].match(text, m.end())
        heads = text.startswith(grammar.load().org_side_words, m.end()) or pats["title"].match(text, m.end())
        if peers or tail or heads:
            end = tail.end() if tail else m.end()
            hits.append(Hit(m.start(), end, rec.label, rec.name, text[m.start():end]))
    return hits


def _legal_names(text: str, local: dict[str, Hit]) -> list[Hit]:
    """Registered names (深圳华信智联通信科技有限公司): the gazetteer's organisation if it names one, else a new one."""
    lex = lexicon.load()
    hits = []
    for m in _patterns()["legal"].finditer(text):
        start = _legal_start(text, m.start(), m.end())
        name = text[start:m.end()]
        tail = next((t for t in grammar.load().legal_tails if name.endswith(t)), None)
        if tail is None or len(name) - len(tail) < 2:
            continue
        known = next((lex.alias_index[a] for a in _aliases_in(name)), None)
        short = _patterns()["short_name"].match(text, m.end())
        if known is not None:
            hit = Hit(start, m.end(), known.label, known.name, name)
        else:
            canonical = short.group(1) if short else name
            label = next((lab for suf, lab in lex.org_suffixes.items() if name.endswith(suf)), "COMPANY")
            hit = Hit(start, m.end(), label, canonical, name)
        hits.append(hit)
        if short:
            local[short.group(1)] = hit
            hits.append(Hit(short.start(1), short.end(1), hit.label, hit.name, short.group(1)))
    return hits


def _legal_start(text: str, start: int, end: int) -> int:
    """Drop the verbs and function words a greedy match takes in before the name (收购, 是, 与)."""
    stops = grammar.load().org_stop_prefixes
    tail = next(t for t in grammar.load().legal_tails if text.endswith(t, 0, end))
    i = end - len(tail)
    while i > start and text[i - 1] not in stops:
        i -= 1
    for word, flag, pos in segment.tagged(text[i:end]):
        if flag[:1] in ("v", "p", "c", "d", "r", "u") and word not in grammar.load().legal_tails:
            i = i + pos + len(word)
            continue
        break
    return i


def _aliases_in(name: str):
    return (m.group() for m in _patterns()["org"].finditer(name))


def _in_compound(text: str, start: int, end: int) -> bool:
    """中国移动|转售: the name's last characters begin a domain term that runs past it."""
    for term in grammar.load().compound_terms:
        for k in range(1, len(term)):
            if end - k >= start and text.startswith(term, end - k) and len(term) > k:
                return True
    return False


def title_within(text: str, start: int, end: int) -> bool:
    """A title in text[start:end] with no punctuation before it."""
    m = _patterns()["title"].search(text, start, end)
    return m is not None and not any(ch in "，,。；;：:“”（）()、" for ch in text[start:m.start()])


def _yield_to_title(text: str, start: int, end: int, rec) -> int:
    """易观分析师: the alias 易观分析 gives way to 易观 + 分析师 when a title runs past it."""
    lex = lexicon.load()
    for p in range(start + 1, end):
        t = _patterns()["title"].match(text, p)
        if t and t.end() > end and lex.alias_index.get(text[start:p]) is rec:
            return p
    return end


def titles(text: str, taken: list[Hit]) -> list[Hit]:
    """Job titles not inside an organisation's name."""
    hits = []
    for m in _patterns()["title"].finditer(text):
        if _overlaps(m.start(), m.end(), taken):
            continue
        hits.append(Hit(m.start(), m.end(), "POSITION", m.group(), m.group()))
    return hits


def anonymous_sources(text: str) -> list[Hit]:
    return [Hit(m.start(), m.end(), "ANON", m.group(), m.group())
            for m in _patterns()["anon"].finditer(text) if m.end() > m.start()]


def name_at(text: str, pos: int) -> int:
    """Length of a person's name starting at `pos` (0 when there is none).

    A surname from the list, then one or two given-name characters; where the
    characters run on, the name stops before a function word or a speech verb,
    and jieba decides between two and three characters.
    """
    lex = lexicon.load()
    if pos >= len(text):
        return 0
    sur = 2 if text[pos:pos + 2] in lex.surnames else 1 if text[pos] in lex.surnames else 0
    if not sur:
        return 0
    given = 0
    while given < 2:
        i = pos + sur + given
        if i >= len(text) or not re.match(rf"[{CJK}]", text[i]) or _stops_name(text, i):
            break
        given += 1
    if given == 0:
        return 0
    if given == 2 and sur == 1 and not _stops_name(text, pos + 3):
        # 王帅今天表示: three free characters; trust jieba's word for the name
        for word, start, _ in segment.words(text[pos:pos + 8]):
            if start == 0:
                if len(word) == 2 and len(text) > pos + 3 and not _single_char_next(text, pos + 2):
                    return 2
                break
    return sur + given


def _single_char_next(text: str, pos: int) -> bool:
    words = segment.words(text[pos:pos + 6])
    return bool(words) and len(words[0][0]) == 1


def _stops_name(text: str, i: int) -> bool:
    lex = lexicon.load()
    if i >= len(text):
        return True
    if text[i] in grammar.load().name_stops:
        return True
    return any(text.startswith(v, i) for v in lex.speech_verbs_by_length if len(v) > 1) or \
        bool(_patterns()["title"].match(text, i))


def _overlaps(start: int, end: int, hits: list[Hit]) -> bool:
    return any(h.start < end and start < h.end for h in hits)
