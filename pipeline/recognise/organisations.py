"""Organisations in one sentence: legal names, gazetteer names and their short forms, coined names.

Gazetteer matches keep their canonical names (the article's own name for an
organisation is chosen at assembly: resolve.article_names).
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import lru_cache

from .. import grammar, lexicon, segment
from ..lexicon import OrgRecord
from ..records import Hit
from ..text import alternation
from .common import CJK, in_compound, overlaps
from .titles import title_pattern


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    lex = lexicon.load()
    g = grammar.load()
    return {
        "org": re.compile(alternation(lex.alias_index)),
        "weak_org": re.compile(alternation(lex.weak_alias_index)),
        "org_tail": re.compile(alternation(g.company_tails)),
        "legal": re.compile(rf"[{CJK}A-Za-z0-9（）()]{{2,24}}?(?:{alternation(g.legal_tails)})"),
        "short_name": re.compile(
            rf"[（(](?:{alternation(g.short_name_markers)})[“\"]?([{CJK}A-Za-z0-9]{{2,10}})[”\"]?[）)]"),
        "brand": re.compile(alternation(g.brand_suffixes)),
        "branch_tail": re.compile(rf"[{CJK}]{{0,6}}?(?:{alternation(g.branch_suffixes)})"),
        "unit_tail": re.compile(rf"[{CJK}]{{0,6}}?(?:{alternation(g.unit_suffixes)})"),
    }


def organisations(text: str, bounds: frozenset[int], short_names: Mapping[str, Hit] | None = None) -> list[Hit]:
    """Organisations in a sentence: legal names, gazetteer names, names the article defined,
    operators' bare names in context, jieba's dictionary organisations and coined brand names.

    `short_names` maps the short names the article introduced before this
    sentence (以下简称“华信智联”) to their organisation (defined_short_names).
    """
    hits = _legal_names(text)
    defined = defined_short_names(text, hits)
    hits += _gazetteer(text, bounds, hits)
    for name, ref in {**(short_names or {}), **defined}.items():
        for m in re.finditer(re.escape(name), text):
            if not overlaps(m.start(), m.end(), hits):
                hits.append(Hit(m.start(), m.end(), ref.label, ref.name, name))
    hits += _weak_aliases(text, bounds, hits)
    hits += _dictionary_orgs(text, hits)
    hits += _brand_names(text, bounds, hits)
    return sorted(hits, key=lambda h: h.start)


def defined_short_names(text: str, orgs: list[Hit]) -> dict[str, Hit]:
    """华信智联 for 深圳华信智联通信科技有限公司（以下简称“华信智联”）: the short names a
    registered name among ``orgs`` defines, for the rest of the article."""
    tails = tuple(grammar.load().legal_tails)
    defined = {}
    for o in orgs:
        short = _patterns()["short_name"].match(text, o.end) if o.text.endswith(tails) else None
        if short:
            defined[short.group(1)] = o
    return defined


def org_tail_pattern() -> re.Pattern[str]:
    """公司, 集团, 有限公司: the tails that stay part of an organisation's mention."""
    return _patterns()["org_tail"]


def _dictionary_orgs(text: str, taken: list[Hit]) -> list[Hit]:
    """Organisations jieba's dictionary knows (中国工商银行), or a place and such a word
    (南京市 + 公安局), with a unit after them (南京市公安局反诈骗中心)."""
    lex = lexicon.load()
    g = grammar.load()
    out = []
    words = segment.words(text)
    for i, (word, start, end) in enumerate(words):
        if segment.dictionary_tag(word) != "nt" or word in g.not_orgs or word in lex.alias_index:
            continue
        if i > 0 and segment.dictionary_tag(words[i - 1][0]) == "ns":
            start = words[i - 1][1]  # 南京市公安局
        elif len(word) < 4:
            continue
        if overlaps(start, end, taken) or in_compound(text, start, end):  # the gazetteer has had its say
            continue
        unit = _patterns()["unit_tail"].match(text, end)
        end = unit.end() if unit else end
        label = lex.org_suffix_label(word) or "ORGANIZATION"
        out.append(Hit(start, end, label, text[start:end], text[start:end]))
    return out


def _brand_names(text: str, bounds: frozenset[int], taken: list[Hit]) -> list[Hit]:
    """星联通信, 瀚海互联, 云途科技: a rare word (a coined name) before a company suffix."""
    g = grammar.load()
    out: list[Hit] = []
    for m in _patterns()["brand"].finditer(text):
        p = m.start()
        if p not in bounds or overlaps(p, m.end(), taken + out):
            continue
        for k in (4, 3, 2):
            s = p - k
            head = text[max(s, 0):p]
            if (s < 0 or s not in bounds or not re.fullmatch(rf"[{CJK}]+", head) or head[0] in g.org_stop_prefixes
                    or head.endswith(g.unit_suffixes)):
                continue
            words = [w for w, _, _ in segment.words(head)]
            if len(words) > 2 or any(len(w) < 2 or segment.frequency(w) >= g.rare_word_freq
                                     or (segment.dictionary_tag(w) or "").startswith("v") for w in words):
                continue  # 移动通信, 一家科技: common words; 手握移动: a verb
            name = head + m.group()
            if name not in g.not_orgs and not overlaps(s, m.end(), taken) and not in_compound(text, s, m.end()):
                out.append(Hit(s, m.end(), "COMPANY", name, name))
                break
    return out


def _gazetteer(text: str, bounds: frozenset[int], taken: list[Hit]) -> list[Hit]:
    lex = lexicon.load()
    pats = _patterns()
    hits = []
    for m in pats["org"].finditer(text):
        alias = m.group()
        if len(alias) <= 2 and not (m.start() in bounds and m.end() in bounds):
            continue
        if overlaps(m.start(), m.end(), taken) or in_compound(text, m.start(), m.end()):
            continue
        rec = lex.alias_index[alias]
        end = _yield_to_title(text, m.start(), m.end(), rec)
        tail = pats["org_tail"].match(text, end) or pats["branch_tail"].match(text, end)
        if tail:  # 迪信通公司, 京东集团, 中国联通浙江省分公司: the same organisation, the mention takes the tail
            end = tail.end()
        hits.append(Hit(m.start(), end, rec.label, rec.name, text[m.start():end]))
    return hits


def _weak_aliases(text: str, bounds: frozenset[int], taken: list[Hit]) -> list[Hit]:
    """联通, 移动: an operator's bare name counts only beside another operator, or before
    公司/集团 or 方面 (联通方面表示)."""
    lex = lexicon.load()
    pats = _patterns()
    found = []
    for m in pats["weak_org"].finditer(text):
        if not (m.start() in bounds and m.end() in bounds) or overlaps(m.start(), m.end(), taken):
            continue
        if in_compound(text, m.start(), m.end()):
            continue
        rec = lex.weak_alias_index[m.group()]
        found.append((m, rec))
    hits = []
    for m, rec in found:
        peers = (any((lex.org(h.name) or rec).type == rec.type and h.name != rec.name for h in taken)
                 or any(r.type == rec.type and r is not rec for _, r in found))
        tail = pats["org_tail"].match(text, m.end())
        if peers or tail or text.startswith(grammar.load().org_side_words, m.end()):
            end = tail.end() if tail else m.end()
            hits.append(Hit(m.start(), end, rec.label, rec.name, text[m.start():end]))
    return hits


def _legal_names(text: str) -> list[Hit]:
    """Registered names (深圳华信智联通信科技有限公司): the gazetteer's organisation if it names one, else a new one
    (named by the short name it defines, if any), and that short name's mention."""
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
            label = lex.org_suffix_label(name) or "COMPANY"
            hit = Hit(start, m.end(), label, canonical, name)
        hits.append(hit)
        if short:
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


def _aliases_in(name: str) -> Iterator[str]:
    return (m.group() for m in _patterns()["org"].finditer(name))


def _yield_to_title(text: str, start: int, end: int, rec: OrgRecord) -> int:
    """易观分析师: the alias 易观分析 gives way to 易观 + 分析师 when a title runs past it."""
    lex = lexicon.load()
    for p in range(start + 1, end):
        t = title_pattern().match(text, p)
        if t and t.end() > end and lex.alias_index.get(text[start:p]) is rec:
            return p
    return end

