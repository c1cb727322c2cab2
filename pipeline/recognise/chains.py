"""People and their roles, found from context: title chains and later references.

A title chain is ORG + (department) + TITLE + NAME: 苏宁互联副总经理王帅,
京东移动转售事业部总经理闫小波. The name is cut by `recognise.names.name_at`; the
organisation is the gazetteer match right before the title, or an unknown
name ending in an organisation suffix (小米科技副总裁…).
Reads: a sentence's organisation and title Hits. Provides: Chains, roles, bylines, reference forms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from pipeline.language import grammar, lexicon, segment, tense
from pipeline.language.text import PUNCTUATION
from pipeline.recognise.common import CJK
from pipeline.recognise.names import NAME_ENDING_FLAGS, name_at
from pipeline.recognise.organisations import organisations
from pipeline.records import Hit, Role

NOT_NAME_FLAGS = frozenset("admrpcuv")  # jieba: kinds of word no organisation's name opens with
MAX_DEPARTMENT = 12  # characters between an organisation and its title: 移动转售事业部


@dataclass(frozen=True)
class Chain:
    person: Hit
    title: Hit | None  # name = the full title, department included; None for a byline's bare name
    org: Hit | None
    org_is_reference: bool = False  # 该公司总经理: `org` names the antecedent, its span is the 该公司
    tense: str | None = None  # 时任/原/前/现任/新任/曾任 before the chain (tense.py)


def title_chains(
    text: str, orgs: list[Hit], titles: list[Hit], antecedent: Hit | None = None, ministry: Hit | None = None
) -> list[Chain]:
    """Every person a title introduces, with the organisation when there is one.

    ORG + TITLE + NAME (苏宁互联副总经理王帅), or the apposition NAME，ORG + TITLE，
    (张伟，小米移动总经理，表示 / 王磊（分享通信副总裁）说). `antecedent` is the
    organisation that 该公司/公司 right before a title refers to, `ministry` the one 部/我部
    stands for in a ministry's own text (部新闻发言人). A title joined by 、 or 兼 to the next
    chain is held by its person too (部新闻发言人、无线电管理局局长黄某).
    """
    chains: list[Chain] = []
    unnamed: list[tuple[int, Chain]] = []  # titles no name follows: where they end, and what they give
    for t in titles:
        org, title, reference = _title_org(text, t, orgs, antecedent, ministry)
        person = _name_after(text, t, orgs) or _apposed_name(text, t, org) or _name_before(text, t, orgs)
        if person is not None:
            start = org.start if org is not None and org.end <= title.start else title.start
            chains.append(
                Chain(person, title, org, org_is_reference=reference, tense=tense.read(text, start, title.name)[0])
            )
        else:
            unnamed.append((t.end, Chain(t, title, org, org_is_reference=reference)))
    return chains + _joined_holders(text, unnamed, chains)


def _title_org(
    text: str, t: Hit, orgs: list[Hit], antecedent: Hit | None, ministry: Hit | None
) -> tuple[Hit | None, Hit, bool]:
    """The organisation before a title, the title with its department, and whether the
    organisation is a reference (该公司, 部) to one named before."""
    g = grammar.load()
    ref = next((w for w in g.org_anaphora if text.endswith(w, 0, t.start)), None)
    if ref and antecedent is not None:
        return Hit(t.start - len(ref), t.start, antecedent.label, antecedent.name, ref), t, True
    ref = next(
        (
            w
            for w in g.ministry_anaphora
            if text.endswith(w, 0, t.start) and (t.start == len(w) or text[t.start - len(w) - 1] in PUNCTUATION)
        ),
        None,
    )
    if ref and ministry is not None:
        return Hit(t.start - len(ref), t.start, ministry.label, ministry.name, ref), t, True
    body = _body_in_title(text, t)
    if body is not None:
        return body, Hit(body.end, t.end, "POSITION", t.name[body.end - t.start :], text[body.end : t.end]), False
    org = _org_before(text, t.start, orgs)
    return org, _with_department(text, t, org), False


def _body_in_title(text: str, t: Hit) -> Hit | None:
    """广东省人大代表, 浙江省政协委员: the body inside the title, with the place before it, is the
    organisation (广东省人大) and the rest the title (代表)."""
    body = next((b for b in grammar.load().title_bodies if t.name.startswith(b) and len(t.name) > len(b)), None)
    if body is None:
        return None
    words = segment.tagged(text[max(t.start - 8, 0) : t.start])
    place = words[-1][0] if words and words[-1][1] == "ns" else ""
    if not place:
        return None
    start, end = t.start - len(place), t.start + len(body)
    return Hit(start, end, "GOVERNMENT", text[start:end], text[start:end])


def _joined_holders(text: str, unnamed: list[tuple[int, Chain]], chains: list[Chain]) -> list[Chain]:
    """部新闻发言人、无线电管理局局长黄某: the title before 、/兼 is the next chain's person's too."""
    out = []
    for end, u in unnamed:
        joiner = next((j for j in grammar.load().title_joiners if text.startswith(j, end)), None)
        if joiner is None:
            continue
        nxt = next((c for c in chains if _chain_start(c) == end + len(joiner)), None)
        if nxt is not None:
            out.append(replace(u, person=nxt.person))
    return out


def _chain_start(c: Chain) -> int:
    if c.org is not None and (c.org.end <= c.title.start if c.title else True):
        return c.org.start
    return c.title.start if c.title is not None else c.person.start


def marked_persons(text: str, orgs: list[Hit]) -> list[Chain]:
    """Bylines: 本报记者 周涛, 新京报讯（记者 宋佳宁）, 新华社上海4月9日电（记者 张三 李四）,
    新华社记者甲、乙、丙, and a name alone in a dateline's brackets (某某网上海4月9日电（周亮）).

    Each name with the outlet named right before its marker or opening the dateline
    (本报 names none); a name without a marker holds no title there.
    """
    out: list[Chain] = []
    own = grammar.load().own_outlet_words
    for m in _marker_pattern().finditer(text):
        marker = m.group(1)
        title = marker.removeprefix(next((w for w in own if marker.startswith(w)), ""))
        start = _own_outlet_before(text, m.start())  # 本报讯（记者: the title's text says whose reporter
        t = Hit(m.start(1), m.end(1), "POSITION", title, text[start : m.end(1)])
        outlet = _outlet_before(text, m.start(), orgs)
        out += [Chain(person, t, outlet) for person in _names_from(text, m.end(), orgs)]
    for o in orgs:
        d = _dateline_pattern().match(text, o.end)
        if d and d.group(1):
            names = _names_from(text, d.end(), orgs)
            if names and re.match(r"\s*[)）]", text[names[-1].end :]):
                out += [Chain(person, None, o) for person in names]
    return out


def label_person(text: str, orgs: list[Hit]) -> Hit | None:
    """苗某：转售是一项重要改革…: a paragraph an interview's label opens names a person
    (a name, then the colon); 记者：, 问： and 答： are no names."""
    person = _name_at(text, 0, orgs)
    return person if person is not None and re.match(r"\s*[：:]", text[person.end :]) else None


def with_own_outlet(chains: list[Chain], outlets: list[Hit]) -> list[Chain]:
    """本报记者 周涛, 本报讯（记者 …）: 本报 is the publisher, where the article names one outlet only
    (来源：人民邮电报); the byline's role is then at that outlet, else at none."""
    if len({o.name for o in outlets}) != 1:
        return chains
    own = grammar.load().own_outlet_words
    return [
        replace(c, org=outlets[0], org_is_reference=True)
        if c.org is None and c.title is not None and c.title.text.startswith(own)
        else c
        for c in chains
    ]


def outlet_lines(body: str) -> list[Chain]:
    """通信世界  罗立: a line that is only an outlet and a name names its writer, at the outlet
    without a title. Offsets are into `body`."""
    out = []
    for line in re.finditer(rf"(?m)^[ \t]*(\S{{2,12}})[ \t]+([{CJK}]{{2,4}})[ \t]*$", body):
        found = organisations(line.group(1), segment.boundaries(line.group(1)))
        o = found[0] if len(found) == 1 and found[0].text == line.group(1) else None
        rec = lexicon.load().org(o.name) if o is not None else None
        person = _name_at(body, line.start(2), []) if rec is not None and rec.type == "media" else None
        if o is not None and person is not None and person.end == line.end(2):
            out.append(Chain(person, None, Hit(line.start(1), line.end(1), o.label, o.name, o.text)))
    return out


@lru_cache(maxsize=1)
def _marker_pattern() -> re.Pattern[str]:
    markers = "|".join(re.escape(m) for m in grammar.load().person_markers)  # longest first
    return re.compile(rf"({markers})\s*[：:|｜/]?\s*")


@lru_cache(maxsize=1)
def _dateline_pattern() -> re.Pattern[str]:
    """What lies between an outlet and its byline: 北京3月5日电（, 讯（, or nothing (新华社记者)."""
    ends = "|".join(re.escape(w) for w in grammar.load().dateline_words)
    return re.compile(rf"((?:[{CJK}]{{0,6}}?(?:\d{{1,2}}月)?\d{{1,2}}日)?(?:{ends}))?\s*[（(]?\s*")


def _own_outlet_before(text: str, pos: int) -> int:
    """Where 本报 starts in 本报讯（ before `pos`, else `pos`."""
    for w in grammar.load().own_outlet_words:
        for start in range(max(pos - 12, 0), pos):
            if text.startswith(w, start) and (d := _dateline_pattern().match(text, start + len(w))) and d.end() == pos:
                return start
    return pos


def _outlet_before(text: str, pos: int, orgs: list[Hit]) -> Hit | None:
    return next(
        (o for o in orgs if o.end <= pos and (d := _dateline_pattern().match(text, o.end)) and d.end() == pos), None
    )


def _names_from(text: str, pos: int, orgs: list[Hit]) -> list[Hit]:
    """The names a byline lists from `pos`: 王刚、萧海涛、覃立华 or 张明 韩磊; a name after the
    first must end where the list does (not 江苏 in 记者 李明 江苏报道)."""
    names: list[Hit] = []
    while (person := _name_at(text, pos, orgs)) is not None:
        if names and not re.match(r"[、\s)）】]|$", text[person.end : person.end + 1]):
            break
        names.append(person)
        sep = re.match(r"[、\s]+", text[person.end :])
        if sep is None:
            break
        pos = person.end + sep.end()
    return names


def _name_after(text: str, t: Hit, orgs: list[Hit]) -> Hit | None:
    return _name_at(text, t.end, orgs)


def _name_at(text: str, pos: int, orgs: list[Hit]) -> Hit | None:
    n = name_at(text, pos)
    clash = next((o for o in orgs if o.start < pos + n and pos < o.end), None)
    if clash is not None:
        n = _name_into_org(text, pos, clash)
    if not n or _common_word(text[pos : pos + n]):
        return None
    return Hit(pos, pos + n, "PERSON", text[pos : pos + n], text[pos : pos + n])


def _name_into_org(text: str, pos: int, org: Hit) -> int:
    """董事长李华为大会致辞: after a title the name runs into a two-character organisation (华为) whose
    last character is a word of its own (为, a preposition): the name is 李华, the organisation none."""
    cut = org.end - 1
    if not pos < org.start < cut or org.end - org.start != 2:
        return 0
    rest = segment.tagged(text[cut : cut + 6])
    if not rest or len(rest[0][0]) != 1 or rest[0][1][:1] not in NAME_ENDING_FLAGS:
        return 0
    return cut - pos if name_at(text[:cut] + "。", pos) == cut - pos else 0


def _common_word(name: str) -> bool:
    """这位负责人强调: 强调 is a frequent word that is no name, though 强 is a surname."""
    lex = lexicon.load()
    tag = segment.dictionary_tag(name)
    return (
        name in lex.not_names
        or name in lex.speech_verbs
        or (tag is not None and not tag.startswith("nr") and segment.frequency(name) >= grammar.load().rare_word_freq)
    )


def _apposed_name(text: str, t: Hit, org: Hit | None) -> Hit | None:
    """张伟，小米移动总经理， / 王磊（分享通信副总裁）: the name stands before the organisation."""
    if org is None or org.start < 2 or text[org.start - 1] not in "，,（(" or text[t.end : t.end + 1] not in "，,）)":
        return None
    end = org.start - 1
    for k in (3, 2, 4):
        start = end - k
        if start >= 0 and (start == 0 or text[start - 1] in PUNCTUATION) and name_at(text, start) == k:
            return Hit(start, end, "PERSON", text[start:end], text[start:end])
    return None


def _name_before(text: str, t: Hit, orgs: list[Hit]) -> Hit | None:
    """X总书记, X总理: a high office after the name, which jieba reads as a person's."""
    if t.name not in grammar.load().titles_after_name:
        return None
    words = segment.tagged(text[max(t.start - 6, 0) : t.start])
    if not words or not words[-1][1].startswith("nr"):
        return None
    start = t.start - len(words[-1][0])
    return _name_at(text, start, orgs) if name_at(text, start) == t.start - start else None


def _with_department(text: str, t: Hit, org: Hit | None) -> Hit:
    """移动转售事业部总经理: the words between the organisation and the title belong to the title."""
    if org is None or org.end >= t.start:
        return t
    dept = text[org.end : t.start].removesuffix("的")
    return Hit(org.end, t.end, "POSITION", dept + t.name, text[org.end : t.end]) if dept else t


def _org_before(text: str, pos: int, orgs: list[Hit]) -> Hit | None:
    before = [o for o in orgs if o.end <= pos]
    if before:
        o = max(before, key=lambda h: h.end)
        gap = text[o.end : pos]
        if len(gap) <= MAX_DEPARTMENT and not any(ch in PUNCTUATION for ch in gap) and not _has_title(gap):
            return _with_legal_tail(text, o, gap)
    return _unknown_org_before(text, pos)


def _with_legal_tail(text: str, org: Hit, gap: str) -> Hit:
    """华为终端有限公司董事长: the unit's legal name up to 有限公司 stays with the organisation."""
    tails = [(gap.rfind(t) + len(t)) for t in grammar.load().company_tails if t in gap]
    if not tails:
        return org
    end = org.end + max(tails)
    return Hit(org.start, end, org.label, org.name, text[org.start : end])


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
        if cand[0] in grammar.load().org_stop_prefixes or not _name_like_head(cand):
            continue
        for suffix, label in lex.org_suffixes.items():
            if cand.endswith(suffix) and len(cand) > len(suffix) + 1 and cand not in grammar.load().not_orgs:
                return Hit(start + i, pos, label, cand, cand)
    return None


def _name_like_head(cand: str) -> bool:
    """著名通信专家: an adjective, adverb, numeral or verb opening the words before a suffix is no name's."""
    suffix = lexicon.load().org_suffix(cand)
    head = segment.tagged(cand[: -len(suffix)]) if suffix else []
    return not head or head[0][1][:1] not in NOT_NAME_FLAGS


def roles(chains: list[Chain]) -> list[Role]:
    """One role per (person, title, organisation). A title without an organisation is a role
    (独立分析师, 记者 in a stand-alone byline) unless the person holds it at one, or it is an
    editor's or author's marker (责任编辑：…, 作者：…, page furniture); a byline's bare name is a
    role at the outlet without a title."""
    markers = grammar.load().person_markers
    held = {(c.person.name, c.title.name) for c in chains if c.org is not None and c.title is not None}
    reporters = grammar.load().reporter_markers
    seen, out = set(), []
    for c in chains:
        title = c.title.name if c.title is not None else None
        if c.org is None and (
            title is None
            or any(p == c.person.name and title in t for p, t in held)
            or (title.endswith(markers) and not title.endswith(reporters))
        ):
            continue
        key = (c.person.name, title, c.org.name if c.org is not None else None)
        if key not in seen:
            seen.add(key)
            out.append(Role(*key, tense=c.tense))
    return out


def reference_forms(chains: list[Chain]) -> dict[str, str]:
    """Later ways to refer to a person: 王总, 蒋董事长, 刘总 → full name (only when unambiguous)."""
    forms: dict[str, set[str]] = {}
    for c in chains:
        if c.title is None:
            continue
        name, title = c.person.name, c.title.name
        surname = name[:2] if name[:2] in lexicon.load().surnames and len(name) >= 3 else name[0]
        for short in grammar.load().short_forms(title):
            forms.setdefault(surname + short, set()).add(name)
    return {form: next(iter(names)) for form, names in forms.items() if len(names) == 1}
