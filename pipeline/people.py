"""People and their roles, found from context: title chains and later references.

A title chain is ORG + (department) + TITLE + NAME: 苏宁互联副总经理王帅,
京东移动转售事业部总经理闫小波. The name is cut by `recognise.names.name_at`; the
organisation is the gazetteer match right before the title, or an unknown
name ending in an organisation suffix (小米科技副总裁…).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import grammar, lexicon, segment
from .recognise.common import CJK
from .recognise.names import name_at
from .records import Hit, Role
from .text import PUNCTUATION

MAX_DEPARTMENT = 12  # characters between an organisation and its title: 移动转售事业部


@dataclass(frozen=True)
class Chain:
    person: Hit
    title: Hit  # name = the full title, department included
    org: Hit | None
    org_is_reference: bool = False  # 该公司总经理: `org` names the antecedent, its span is the 该公司


def title_chains(text: str, orgs: list[Hit], titles: list[Hit], antecedent: Hit | None = None) -> list[Chain]:
    """Every person a title introduces, with the organisation when there is one.

    ORG + TITLE + NAME (苏宁互联副总经理王帅), or the apposition NAME，ORG + TITLE，
    (张伟，小米移动总经理，表示 / 王磊（分享通信副总裁）说). `antecedent` is the
    organisation that 该公司/公司 right before a title refers to.
    """
    chains = []
    org: Hit | None
    for t in titles:
        ref = next((w for w in grammar.load().org_anaphora if text.endswith(w, 0, t.start)), None)
        if ref and antecedent is not None:
            org = Hit(t.start - len(ref), t.start, antecedent.label, antecedent.name, ref)
            title, reference = t, True
        else:
            org = _org_before(text, t.start, orgs)
            title, reference = _with_department(text, t, org), False
        person = _name_after(text, t, orgs) or _apposed_name(text, t, org)
        if person is not None:
            chains.append(Chain(person, title, org, org_is_reference=reference))
    return chains


def marked_persons(text: str, orgs: list[Hit]) -> list[Chain]:
    """本报记者 周涛 / 新京报讯（记者 宋佳宁）: a name after a reporter's marker, with the
    outlet when it is named right before (本报 names none)."""
    out: list[Chain] = []
    for marker in grammar.load().person_markers:
        for m in re.finditer(re.escape(marker) + r"\s*[：:|｜/]?\s*", text):
            if any(c.title.start <= m.start() < c.title.end for c in out):
                continue
            t = Hit(m.start(), m.end(), "POSITION", marker, m.group())
            person = _name_after(text, t, orgs)
            if person is not None:
                outlet = next((o for o in orgs if o.end <= m.start() and re.fullmatch(r"讯?[（(]?", text[o.end:m.start()])),
                              None)
                out.append(Chain(person, t, outlet))
    return out


def _name_after(text: str, t: Hit, orgs: list[Hit]) -> Hit | None:
    n = name_at(text, t.end)
    if not n or any(o.start < t.end + n and t.start < o.end for o in orgs) or _common_word(text[t.end:t.end + n]):
        return None
    return Hit(t.end, t.end + n, "PERSON", text[t.end:t.end + n], text[t.end:t.end + n])


def _common_word(name: str) -> bool:
    """这位负责人强调: 强调 is a frequent word that is no name, though 强 is a surname."""
    lex = lexicon.load()
    tag = segment.dictionary_tag(name)
    return name in lex.not_names or name in lex.speech_verbs or (
        tag is not None and not tag.startswith("nr") and segment.frequency(name) >= grammar.load().rare_word_freq)


def _apposed_name(text: str, t: Hit, org: Hit | None) -> Hit | None:
    """张伟，小米移动总经理， / 王磊（分享通信副总裁）: the name stands before the organisation."""
    if org is None or org.start < 2 or text[org.start - 1] not in "，,（(" or text[t.end:t.end + 1] not in "，,）)":
        return None
    end = org.start - 1
    for k in (3, 2, 4):
        start = end - k
        if start >= 0 and (start == 0 or text[start - 1] in PUNCTUATION) and name_at(text, start) == k:
            return Hit(start, end, "PERSON", text[start:end], text[start:end])
    return None


def _with_department(text: str, t: Hit, org: Hit | None) -> Hit:
    """移动转售事业部总经理: the words between the organisation and the title belong to the title."""
    if org is None or org.end >= t.start:
        return t
    dept = text[org.end:t.start].removesuffix("的")
    return Hit(org.end, t.end, "POSITION", dept + t.name, text[org.end:t.end]) if dept else t


def _org_before(text: str, pos: int, orgs: list[Hit]) -> Hit | None:
    before = [o for o in orgs if o.end <= pos]
    if before:
        o = max(before, key=lambda h: h.end)
        gap = text[o.end:pos]
        if len(gap) <= MAX_DEPARTMENT and not any(ch in PUNCTUATION for ch in gap) and not _has_title(gap):
            return _with_legal_tail(text, o, gap)
    return _unknown_org_before(text, pos)


def _with_legal_tail(text: str, org: Hit, gap: str) -> Hit:
    """华为终端有限公司董事长: the unit's legal name up to 有限公司 stays with the organisation."""
    tails = [(gap.rfind(t) + len(t)) for t in grammar.load().company_tails if t in gap]
    if not tails:
        return org
    end = org.end + max(tails)
    return Hit(org.start, end, org.label, org.name, text[org.start:end])


def _has_title(gap: str) -> bool:
    return any(t in gap for t in lexicon.load().titles if len(t) > 1)


def _unknown_org_before(text: str, pos: int) -> Hit | None:
    """An organisation the gazetteer does not know, named right before `pos` (小米科技副总裁)."""
    lex = lexicon.load()
    start = pos
    while start > 0 and re.match(rf"[{CJK}A-Za-z0-9]", text[start - 1]) and pos - start < 12:
        start -= 1
    run = text[start:pos]
    for i in range(len(run) - 2):
        cand = run[i:]
        if cand[0] in grammar.load().org_stop_prefixes:
            continue
        for suffix, label in lex.org_suffixes.items():
            if cand.endswith(suffix) and len(cand) > len(suffix) + 1 and cand not in grammar.load().not_orgs:
                return Hit(start + i, pos, label, cand, cand)
    return None


def roles(chains: list[Chain]) -> list[Role]:
    """One role per (person, title, organisation); chains without an organisation give none."""
    seen, out = set(), []
    for c in chains:
        if c.org is None:
            continue
        key = (c.person.name, c.title.name, c.org.name)
        if key not in seen:
            seen.add(key)
            out.append(Role(*key))
    return out


def reference_forms(chains: list[Chain]) -> dict[str, str]:
    """Later ways to refer to a person: 王总, 蒋董事长, 刘总 → full name (only when unambiguous)."""
    forms: dict[str, set[str]] = {}
    for c in chains:
        name, title = c.person.name, c.title.name
        surname = name[:2] if name[:2] in lexicon.load().surnames and len(name) >= 3 else name[0]
        for short in grammar.load().short_forms(title):
            forms.setdefault(surname + short, set()).add(name)
    return {form: next(iter(names)) for form, names in forms.items() if len(names) == 1}
