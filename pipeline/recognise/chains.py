"""People and their roles, found from context: title chains and later references.

A title chain is ORG + (department) + TITLE + NAME: 苏宁互联副总经理王帅,
京东移动转售事业部总经理闫小波. The name is cut by `recognise.names.name_at`; the
organisation is the gazetteer match right before the title, or an unknown
name ending in an organisation suffix (小米科技副总裁…).
Reads: a sentence's organisation and title Hits. Provides: Chains, roles, bylines, reference forms.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import chain

from pipeline.language import grammar, lexicon, segment, tense
from pipeline.language.text import PUNCTUATION, alternation
from pipeline.recognise.appointments import appointee, joiners, opening_holder
from pipeline.recognise.common import CJK, overlaps
from pipeline.recognise.names import NAME_ENDING_FLAGS, foreign_name_at, name_at, name_ending_at
from pipeline.recognise.organisations import organisations, short_name_bracket_end
from pipeline.recognise.titles import title_pattern
from pipeline.records import Hit, Role

NOT_NAME_FLAGS = frozenset("admrpcuv")  # jieba: kinds of word no organisation's name opens with
MAX_DEPARTMENT = 12  # characters between an organisation and its title: 移动转售事业部
MAX_RANK = 6  # characters of a rank in brackets between a title and its holder: 主持工作
MAX_UNKNOWN_ORG = 16  # characters of an unknown organisation's name before a title: 新疆维吾尔自治区邮电管理局
MAX_OUTLET = 10  # characters of an unknown outlet's name opening a byline line: 法治周末
NOT_OUTLET_FLAGS = frozenset("tvpdrmfcu")  # jieba: kinds of word no outlet's name opens with (上午, 据, 该)
# 都是本次峰会指定的|新闻发言人: 是, a short description ending in 的 (and a qualifier), before a title
DATELINE_DATE = r"(?:\d{1,2}月)?\d{1,2}日"  # 3月5日, 5日
DESCRIBED_TITLE = re.compile(r"(?:都|均|也)?是([^\s，,。；;：:、“”\d]{0,12}的[^\s，,。；;：:、“”\d]{0,2})")


@dataclass(frozen=True)
class Chain:
    person: Hit
    title: Hit | None  # name = the full title, department included; None for a byline's bare name
    org: Hit | None
    org_is_reference: bool = False  # 该公司总经理: `org` names the antecedent, its span is the 该公司
    tense: str | None = None  # 时任/原/前/现任/新任/曾任 before the chain (tense.py)


def title_chains(
    text: str,
    orgs: list[Hit],
    titles: list[Hit],
    antecedent: Hit | None = None,
    ministry: Hit | None = None,
    earlier: Sequence[Hit] = (),
) -> list[Chain]:
    """Every person a title introduces, with the organisation when there is one.

    ORG + TITLE + NAME (苏宁互联副总经理王帅, names listed by 、 after it included), the
    apposition NAME，ORG + TITLE， (张伟，小米移动总经理，表示 / 王磊（分享通信副总裁）说), an
    appointment (recognise.appointments: 王刚曾任…, 任命李强为…, and the posts listed after it),
    or NAME + TITLE (杨杰董事长指出, 习近平总书记). `antecedent` is the organisation that
    该公司/公司 right before a title refers to when the sentence names none before it,
    `ministry` the one 部/我部 stands for in a ministry's own text (部新闻发言人), `earlier` the
    organisations the sentences before named (我局副局长: the 局 named last). A title joined by
    、 or 兼 to the next chain is held by its person too (部新闻发言人、无线电管理局局长黄某); a
    title without an organisation, listed after another person's, shares theirs (部长甲、副部长乙).
    """
    chains: list[Chain] = []
    unnamed: list[tuple[int, Chain]] = []  # titles no name follows: where they end, and what they give
    for t in titles:
        when: str | None = None
        found = _unit_reference(text, t, orgs, earlier) or _title_org(text, t, orgs, antecedent, ministry)
        org, title, reference = found
        start = _outer_start(org.start if org is not None and org.end <= title.start else title.start, orgs)
        if org is None and (subject := _clause_subject(text, t, orgs)) is not None:
            org, reference = subject, True  # 中国电信公布半年报，董事长X表示
        if org is None and (head := _brand_head_before(text, t, orgs, earlier)) is not None:
            org, reference, start = head, True, head.start  # 蜗牛CEO石海, after 蜗牛移动
        if org is None and (unit := _unit_named_last(t, orgs, earlier)) is not None:
            org, reference = unit, True  # 工信部…。副部长X
        person = (
            _name_after(text, t, orgs)
            or _apposed_name(text, t, org, [c.person for c in chains])
            or appointee(text, start, [c.person for c in chains], orgs)
        )
        if person is None and (post := _listed_post(text, start, t.end, chains)) is not None:
            person, when = post.person, post.tense  # 曾任A公司副总裁、B公司总经理
            if org is None and post.org is not None:  # 任A公司董事、总经理: the chain's organisation
                org, reference = post.org, True
        if person is None and (person := _name_before(text, t, orgs)) is not None:
            title, reference = t, False  # 工信部陈立副部长: at the organisation right before the name
            org = next((o for o in orgs if o.end == person.start), None)
            start = org.start if org is not None else person.start
        if person is None and (described := _described_holders(text, t, org, chains)):
            chains += described  # 甲、乙是三家公司指定的新闻发言人
            continue
        if person is not None and org is None and (own := _promoted_from(text, start, person, chains)) is not None:
            org, reference = own, True  # 总经理柯某升任董事长
        if person is not None:
            when = when or tense.read(text, start, title.name)[0]
            chains += [
                Chain(p, title, org, org_is_reference=reference, tense=when)
                for p in [person, *_co_holders(text, person, orgs)]
            ]
        else:
            unnamed.append((t.end, Chain(t, title, org, org_is_reference=reference)))
    listed = _shared_orgs(text, [(c.person.end, c) for c in chains] + _joined_holders(text, unnamed, chains))
    return sorted((_officer_at_subject(c, orgs, antecedent) for c in listed), key=lambda c: _beyond_comma(text, c))


def _beyond_comma(text: str, c: Chain) -> bool:
    """甲局副局长，乙办公室主任X: a post a comma parts from its holder's name comes after the one next
    to it (the organisation the person speaks for is the one next to the name)."""
    between = text[c.title.end : c.person.start] if c.title is not None else ""
    return "，" in between or "," in between


def _officer_at_subject(c: Chain, orgs: list[Hit], antecedent: Hit | None) -> Chain:
    """中国铁塔董事会选举X为董事长; 接掌中国联通，出任董事长; (中移动…。)新任董事长X: a company
    officer's title no organisation is named for is at the company named last before it (in the
    sentence, else before it); none where that is a government body or an outlet, or where the
    sentence names two before it (小米与中国联通签约，总经理X: whose?)."""
    if c.org is not None or c.title is None or not c.title.name.endswith(grammar.load().company_officer_titles):
        return c
    before = {o.name: o for o in orgs if o.end <= c.title.start and not lexicon.load().is_media(o.name)}
    subject = next(iter(before.values())) if len(before) == 1 else None if before else antecedent
    if subject is None or subject.label != "COMPANY":
        return c
    return replace(c, org=Hit(c.title.start, c.title.start, subject.label, subject.name, ""), org_is_reference=True)


def _listed_post(text: str, start: int, end: int, chains: list[Chain]) -> Chain | None:
    """曾任小米科技副总裁、星联通信首席执行官, 辞去董事长及董事职务 (or by commas, each post a clause
    of its own: 曾任A中心副主任，B局副局长，C…): a post from `start` to `end` listed right after one whose holder stands
    before it is that holder's too."""
    marks = (*grammar.load().title_separators, "，", ",")
    mark = next((m for m in marks if text.endswith(m, 0, start)), None)
    if mark is None or (mark in "，," and not _post_ends(text, end)):
        return None
    return next(
        (
            c
            for c in chains
            if c.title is not None and c.title.end == start - len(mark) and c.person.end <= c.title.start
        ),
        None,
    )


def _outer_start(start: int, orgs: list[Hit]) -> int:
    """中国联通|人力资源部总经理: where a chain starts, back over the organisations its own runs on from."""
    while (outer := next((o for o in orgs if o.end == start and o.start < start), None)) is not None:
        start = outer.start
    return start


def _post_ends(text: str, end: int) -> bool:
    """A listed post ends its clause: at punctuation, or before the list's closing words (…总经理等职务)."""
    end += len(next((w for w in grammar.load().post_list_closers if text.startswith(w, end)), ""))
    return end == len(text) or text[end] in PUNCTUATION


def _described_holders(text: str, t: Hit, org: Hit | None, chains: list[Chain]) -> list[Chain]:
    """华为副总裁甲、小米副总裁乙是本届展会的新闻发言人: people already named with a title, listed
    before 是 and a clause that ends in another title, hold it too; at the organisation named
    between 是 and the title, else each at their own."""
    copula = DESCRIBED_TITLE.search(text, 0, t.start)
    if copula is None or copula.end() != t.start or not _post_ends(text, t.end):
        return []
    at = org if org is not None and org.start >= copula.end(1) else None
    out: list[Chain] = []
    end = copula.start()
    while (c := next((c for c in chains if c.person.end == end and c.title is not None), None)) is not None:
        out.insert(0, Chain(c.person, t, at or c.org, org_is_reference=at is None and c.org is not None))
        start = _chain_start(c)
        mark = next((m for m in grammar.load().person_list_marks if text.endswith(m, 0, start)), None)
        if mark is None:
            break
        end = start - len(mark)
    return out


def _promoted_from(text: str, start: int, person: Hit, chains: list[Chain]) -> Hit | None:
    """中国电信总经理柯某升任董事长: a post a verb of promotion gives, with no organisation named,
    is at the organisation of the holder's post named before it in the sentence."""
    if not text.endswith(grammar.load().promotion_verbs, 0, start):
        return None
    return next((c.org for c in chains if c.person.name == person.name and c.org is not None), None)


def _co_holders(text: str, person: Hit, orgs: list[Hit]) -> list[Hit]:
    """副部长刘烈宏、张云明: names listed by 、 right after a title's holder hold the title too,
    up to a name a title or an organisation follows (董事长王伟、总经理刘洋 is two chains)."""
    out: list[Hit] = []
    last = person
    while text.startswith("、", last.end):
        nxt = _name_at(text, last.end + 1, orgs)
        if nxt is None or title_pattern().match(text, nxt.end) or not _named(text, nxt, True):
            break
        out.append(nxt)
        last = nxt
    return out


def _shared_orgs(text: str, listed: list[tuple[int, Chain]]) -> list[Chain]:
    """部长李明、副部长张强; 董事长、总经理王伟: a title without an organisation of its own, listed
    right after another person or title (`listed`: where each ends, and the chain), is at that
    one's organisation; not a title held in one's own right (专家, 分析师)."""
    g = grammar.load()
    org_ending_at: dict[int, Hit] = {}
    out = []
    for end, c in sorted(listed, key=lambda item: _chain_start(item[1])):
        if c.org is None and c.title is not None and not c.title.name.endswith(g.own_right_titles):
            start = _chain_start(c)
            start -= len(next((w for w in tense.words() if text.endswith(w, 0, start)), ""))  # 、现任董事长
            mark = next((m for m in g.person_list_marks + g.title_separators if text.endswith(m, 0, start)), "")
            before = org_ending_at.get(start - len(mark)) if mark else None
            if before is not None:
                c = replace(c, org=before, org_is_reference=True)
        if c.org is not None:
            org_ending_at[end] = c.org
        out.append(c)
    return out


def _unit_reference(text: str, t: Hit, orgs: list[Hit], earlier: Sequence[Hit]) -> tuple[Hit, Hit, bool] | None:
    """我局副局长, 该行行长: the organisation named last (this sentence first) whose name ends in the
    unit the reference names, as `_title_org` returns it."""
    endings = _unit_references()
    ref = next((w for w in endings if text.endswith(w, 0, t.start)), None)
    if ref is None:
        return None
    before = chain([o for o in orgs if o.end <= t.start - len(ref)][::-1], reversed(earlier))
    unit = next((o for o in before if o.name.endswith(endings[ref]) or o.text.endswith(endings[ref])), None)
    return (Hit(t.start - len(ref), t.start, unit.label, unit.name, ref), t, True) if unit is not None else None


def _unit_named_last(t: Hit, orgs: list[Hit], earlier: Sequence[Hit]) -> Hit | None:
    """工信部…。副部长甲; 某研究院发布报告，院长乙表示: a head's title no organisation is named for is at
    the organisation named last (in the sentence before the title, else before the sentence) when its
    name ends in the title's unit (部 of 部长). The Hit is the empty span before the title."""
    head = next((h for h in grammar.load().unit_heads if t.name.endswith(h)), None)
    last = next(chain((o for o in reversed(orgs) if o.end <= t.start), reversed(earlier)), None)
    if head is None or last is None or not last.name.endswith(head[:-1]):
        return None
    return Hit(t.start, t.start, last.label, last.name, "")


@lru_cache(maxsize=1)
def _unit_references() -> dict[str, str]:
    """Each unit reference (我局, 该协会), longest first, and the ending of the names it stands for."""
    pairs = [(ref, ending) for ending, refs in grammar.load().unit_anaphora.items() for ref in refs]
    return dict(sorted(pairs, key=lambda p: -len(p[0])))


def _title_org(
    text: str, t: Hit, orgs: list[Hit], antecedent: Hit | None, ministry: Hit | None
) -> tuple[Hit | None, Hit, bool]:
    """The organisation before a title, the title with its department, and whether the
    organisation is a reference (该公司, 部) to one named before."""
    g = grammar.load()
    ref = next((w for w in g.org_anaphora if text.endswith(w, 0, t.start)), None)
    if ref and not overlaps(t.start - len(ref), t.start, orgs) and not _ends_unknown_name(text, t.start, ref):
        named = [o for o in orgs if o.end <= t.start - len(ref) and not lexicon.load().is_media(o.name)]
        target = named[-1] if named else antecedent
        if target is not None:
            return Hit(t.start - len(ref), t.start, target.label, target.name, ref), t, True
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
    org = _org_before(text, t.start, orgs) or _weak_alias_before(text, t)
    unit = _government_unit(text, t, org)
    return (unit, _after_unit(t, unit), False) if unit is not None else (org, _with_department(text, t, org), False)


def _clause_subject(text: str, t: Hit, orgs: list[Hit]) -> Hit | None:
    """中国电信公布半年报，董事长X表示; 小米于昨日发布财报时，总裁Y称: an officer's bare title opening
    a clause is at the organisation opening the clause before it (after time words only), when the
    sentence names no other before the title. The Hit is the empty span before the title."""
    if t.start == 0 or text[t.start - 1] not in "，," or t.name.endswith(grammar.load().own_right_titles):
        return None
    before = [o for o in orgs if o.end <= t.start]
    if len({o.name for o in before}) != 1 or lexicon.load().is_media(before[0].name):
        return None
    opening = max(text.rfind(mark, 0, t.start - 1) for mark in "，,；;：:。") + 1
    org = next((o for o in before if o.start >= opening), None)
    if org is None or not all(flag[:1] in "tm" for _, flag, _ in segment.tagged(text[opening : org.start])):
        return None
    return Hit(t.start, t.start, org.label, org.name, "")


def _ends_unknown_name(text: str, pos: int, ref: str) -> bool:
    """中国电信集团, 江苏分公司: the reference word ends a name, gazetteer's or not, and refers to nothing."""
    org = _unknown_org_before(text, pos)
    return org is not None and org.start < pos - len(ref)


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


def _joined_holders(text: str, unnamed: list[tuple[int, Chain]], chains: list[Chain]) -> list[tuple[int, Chain]]:
    """部新闻发言人、无线电管理局局长黄某: the title before 、/兼/和 is the next chain's people's too
    (with where the title ends), along a chain of any length (党组书记、董事长、总经理X: right to left;
    高管和重要骨干甲、乙: both hold both)."""
    g = grammar.load()
    out: list[tuple[int, Chain]] = []
    for end, u in reversed(unnamed):
        joiner = next((j for j in g.title_separators + g.title_joiners if text.startswith(j, end)), None)
        joiner = joiner or _tensed_comma(text, end) or _post_comma(text, end, unnamed)
        if joiner is None:
            continue
        held = chains + [c for _, c in out]
        when = tense.read(text, _chain_start(u), u.title.name)[0] if u.title is not None else None  # 原董事长、
        out += [(end, replace(u, person=c.person, tense=when)) for c in held if _follows(text, end, joiner, c)]
    return out[::-1]


def _tensed_comma(text: str, end: int) -> str | None:
    """中国联通原董事长，现任中国电信董事长X: a comma and a tense word between a post no name follows
    and the next chain join them."""
    word = next((w for w in tense.words() if text.startswith(w, end + 1)), None)
    return text[end] + word if word is not None and text[end : end + 1] in ("，", ",") else None


def _follows(text: str, end: int, joiner: str, c: Chain) -> bool:
    """The chain `c` starts right after the joiner; after a bare comma, anywhere in the clause it
    opens (…，全国某某整合发展领导小组办公室主任X: the organisation's name may be read short)."""
    start = _chain_start(c)
    if joiner not in ("，", ","):
        return start == end + len(joiner)
    return end < start and not any(ch in PUNCTUATION for ch in text[end + 1 : start])


def _post_comma(text: str, end: int, unnamed: list[tuple[int, Chain]]) -> str | None:
    """国家某局副局长、党组成员，某办公室主任X: a comma after posts no name follows, in a clause that
    is only posts and opens with their organisation, joins them to the next chain (a list of one
    person's posts; not 从A公司挖来大批高管，其中…)."""
    if text[end : end + 1] not in ("，", ","):
        return None
    opening = max(text.rfind(m, 0, end) for m in "，,。；;：:") + 1
    own = any(u.org is not None and not u.org_is_reference and u.org.start == opening for e, u in unnamed if e <= end)
    return text[end] if own else None


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
        names = _names_from(text, m.end(), orgs)
        outlet = _outlet_before(text, m.start(), orgs) or _line_outlet(text, m.start(), names)
        out += [Chain(person, t, outlet) for person in names]
    opening, closing = _bracket_credit()
    for pos, outlet in _dateline_ends(text, orgs):
        credit = opening.match(text, pos)
        names = _names_from(text, credit.end() if credit else pos, orgs)
        if names and closing.match(text, names[-1].end):
            out += [Chain(person, None, outlet) for person in names]
    return out + _credited(text, orgs) + _pseudonyms(text) + _anonymised(text)


def _dateline_ends(text: str, orgs: list[Hit]) -> list[tuple[int, Hit | None]]:
    """Where a dateline ends, with its outlet: after an organisation (某某网上海4月9日电（), or
    opening a line with only a place and a date (上海2月23日电（: a wire story without its agency)."""
    ends = [
        (d.end(), _publisher(o, orgs)) for o in orgs if (d := _dateline_pattern().match(text, o.end)) and d.group(1)
    ]
    return ends + [
        (m.end(), None)
        for m in _bare_dateline_pattern().finditer(text)
        if not any(m.start() <= o.start < m.end() for o in orgs)
    ]


@lru_cache(maxsize=1)
def _bare_dateline_pattern() -> re.Pattern[str]:
    g = grammar.load()
    ends = "|".join(re.escape(w) for w in g.dateline_words)
    return re.compile(rf"(?m)^[ \t]*[{CJK}]{{2,8}}?{DATELINE_DATE}(?:{ends})\s*[（(]\s*")


def _anonymised(text: str) -> list[Chain]:
    """犯罪嫌疑人罗某, 据张某某介绍, 市民王女士, 营业厅的张经理: a surname and 某, an honorific or 经理 is a
    person the text does not name in full, where jieba starts a word at the surname (not 中国|某运营商,
    张朝阳|先生, 客户经理)."""
    out: list[Chain] = []
    for m in _anonymised_pattern().finditer(text):
        start = m.start() - 1
        if start < 0 or text[start] not in lexicon.load().surnames or (out and out[-1].person.end > start):
            continue
        window = max(start - 4, 0)
        if any(w_start + window == start for _, _, w_start in segment.tagged(text[window : m.end() + 2])):
            out.append(Chain(Hit(start, m.end(), "PERSON", text[start : m.end()], text[start : m.end()]), None, None))
    return out


@lru_cache(maxsize=1)
def _anonymised_pattern() -> re.Pattern[str]:
    """某 and the honorifics after a surname: built once, not per sentence."""
    g = grammar.load()
    return re.compile(alternation(g.anonymised_given + g.honorifics))


def _pseudonyms(text: str) -> list[Chain]:
    """小李（化名）, 张晓明（化名）: a pseudonym is a person, with no role (刘先生（化名）: _anonymised)."""
    g = grammar.load()
    out = []
    for m in re.finditer(rf"[（(](?:{'|'.join(g.pseudonym_markers)})[）)]", text):
        end = m.start()
        for k in (3, 2):
            start = end - k
            name = text[max(start, 0) : end]
            if start >= 0 and (
                name_at(text[:end] + "。", start) == k or (k == 2 and name.startswith(g.familiar_prefixes))
            ):
                out.append(Chain(Hit(start, end, "PERSON", name, name), None, None))
                break
    return out


def _credited(text: str, orgs: list[Hit]) -> list[Chain]:
    """文/张明 or 张明/文 on a line, and （张明） closing a paragraph: the writers, with no title
    and no outlet (so no role); an outlet opening the names (某某网张明/文) is theirs, without a title."""
    out = []
    for pattern in _credit_patterns():
        for m in pattern.finditer(text):
            outlet = next((o for o in orgs if o.start == m.start("names") and lexicon.load().is_media(o.name)), None)
            names = _names_from(text, _past_spaces(text, outlet.end) if outlet else m.start("names"), orgs)
            if names and names[-1].end == m.end("names"):
                out += [Chain(person, None, outlet) for person in names]
    return out


def _past_spaces(text: str, pos: int) -> int:
    while text[pos : pos + 1] in (" ", "\t"):
        pos += 1
    return pos


@lru_cache(maxsize=1)
def _credit_patterns() -> tuple[re.Pattern[str], ...]:
    names = rf"(?P<names>[{CJK}][{CJK}、 \t]{{1,24}}?)"
    slash = r"[ \t]*[/／][ \t]*"
    forms = (
        rf"^[ \t]*文{slash}{names}[ \t]*$",
        rf"^[ \t]*{names}{slash}文[ \t]*$",
        rf"(?:^|(?<=[。！？!?]))[ \t]*[（(][ \t]*{names}[ \t]*[)）][ \t]*$",
    )
    return tuple(re.compile(f, re.M) for f in forms)


def untitled_members(text: str, orgs: list[Hit], chains: list[Chain]) -> list[Chain]:
    """中国联通的张明, 来自京东的李华, 王刚（中国移动）, 李华加盟京东: a person tied to an organisation
    without a title (the name read as one by jieba, or followed by a speech verb, or one a verb of
    joining ties to it), not one a chain has."""
    taken = [c.person for c in chains] + [c.title for c in chains if c.title is not None]
    out = []
    for o in orgs:
        linked = text.startswith("的", o.end)
        after = _name_at(text, o.end + (1 if linked else 0), orgs)
        bracketed = o.start > 0 and text[o.start - 1] in "（(" and text[o.end : o.end + 1] in ("）", ")")
        before = name_ending_at(text, o.start - 1) if bracketed else None
        for person, loose in ((after, linked), (before, bracketed)):
            if person is not None and not overlaps(person.start, person.end, taken) and _named(text, person, loose):
                out.append(Chain(person, None, o))
        out += [Chain(p, None, o) for p in joiners(text, o, [c.person for c in chains], orgs)]
    return out


def _named(text: str, person: Hit, loose: bool) -> bool:
    """A name jieba reads as one, or that a speech verb or a list's end follows (中国电信的柯瑞文和…);
    right after an organisation's name with nothing between, jieba's name and a speech verb
    (小米雷军表示, not 中国移动金卡)."""
    words = segment.tagged(text[person.start : person.end + 4])
    spoken = any(text.startswith(v, person.end) for v in lexicon.load().speech_verbs_by_length)
    read = words[0][0] == person.text and words[0][1].startswith("nr")
    after = text[person.end : person.end + 1]  # "" at the end of the sentence
    ends = after in PUNCTUATION or text.startswith(grammar.load().list_separators, person.end)
    return (spoken or read or ends) if loose else (spoken and read)


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
def _bracket_credit() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What may open and what closes the names in a dateline's brackets: a writer's credit (某网讯（文/张明）,
    某网讯(张明/文)), then the bracket."""
    return re.compile(r"文[ \t]*[/／][ \t]*"), re.compile(r"(?:[ \t]*[/／][ \t]*文)?\s*[)）]")


@lru_cache(maxsize=1)
def _dateline_pattern() -> re.Pattern[str]:
    """What lies between an outlet and its byline: 北京3月5日电（, 讯（, 讯 4月21日消息（ (the end
    word said again after the date), a page's time stamp (某报 2012-03-15 16:44:30 记者), or nothing
    (新华社记者)."""
    g = grammar.load()
    ends = "|".join(re.escape(w) for w in g.dateline_words)
    times = "|".join(re.escape(w) for w in g.dateline_times)
    date = DATELINE_DATE
    stamp = r"\s+\d{4}(?:[-/.]\d{1,2}[-/.]\d{1,2}|年\d{1,2}月\d{1,2}日)(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?=\s)"
    wire = rf"(?:[{CJK}]{{0,6}}?{date})?(?:{ends})(?:\s*{date}(?:{times})?(?:{ends}))?"
    return re.compile(rf"({wire}|{stamp})?\s*[（(]?\s*")


def _own_outlet_before(text: str, pos: int) -> int:
    """Where 本报 starts in 本报讯（ before `pos`, else `pos`."""
    for w in grammar.load().own_outlet_words:
        for start in range(max(pos - 12, 0), pos):
            if text.startswith(w, start) and (d := _dateline_pattern().match(text, start + len(w))) and d.end() == pos:
                return start
    return pos


def _outlet_before(text: str, pos: int, orgs: list[Hit]) -> Hit | None:
    outlet = next(
        (o for o in orgs if o.end <= pos and (d := _dateline_pattern().match(text, o.end)) and d.end() == pos), None
    )
    return _publisher(outlet, orgs) if outlet is not None else None


def _publisher(outlet: Hit, orgs: list[Hit]) -> Hit:
    """上证报中国证券网讯: an outlet right after another names the paper's own site or channel; the
    byline is the paper's."""
    lex = lexicon.load()
    before = next((o for o in orgs if o.end == outlet.start and lex.is_media(o.name)), None)
    return before if before is not None and lex.is_media(outlet.name) else outlet


def _line_outlet(text: str, marker: int, names: list[Hit]) -> Hit | None:
    """法治周末见习记者 文丽娟: a line that is only a name, a reporter's marker and the names it lists
    opens with the outlet, known or not."""
    start = text.rfind("\n", 0, marker) + 1
    head = text[start:marker].strip()
    start = marker - len(head)
    if not names or not 2 <= len(head) <= MAX_OUTLET or not re.fullmatch(rf"[{CJK}A-Za-z0-9]+", head):
        return None
    if text[names[-1].end :].split("\n", 1)[0].strip() or head.startswith(grammar.load().own_outlet_words):
        return None  # 本报记者 is no name; the line runs on past the names
    first = segment.tagged(head)[0][1]
    return Hit(start, marker, "COMPANY", head, head) if first[:1] not in NOT_OUTLET_FLAGS else None


def _names_from(text: str, pos: int, orgs: list[Hit]) -> list[Hit]:
    """The names a byline lists from `pos`: 王刚、萧海涛、覃立华 or 张明 韩磊; a name after the
    first must end where the list does (not 江苏 in 记者 李明 江苏报道)."""
    names: list[Hit] = []
    while (person := _name_at(text, pos, orgs) or _spaced_name(text, pos)) is not None:
        if names and not re.match(r"[、\s)）】/／]|$", text[person.end : person.end + 1]):
            break
        names.append(person)
        sep = re.match(r"[、\s]+", text[person.end :])
        if sep is None:
            break
        pos = person.end + sep.end()
    return names


def _spaced_name(text: str, pos: int) -> Hit | None:
    """每经编辑 赵 桥, 本报记者 贺 骏: a byline sets a two-character name off by a space (kept as written)."""
    m = re.compile(rf"[{CJK}][ \u3000][{CJK}](?=[\s)）、/／]|$)").match(text, pos)
    if m is None or text[pos] not in lexicon.load().surnames:
        return None
    return Hit(pos, m.end(), "PERSON", m.group(), m.group())


def _name_after(text: str, t: Hit, orgs: list[Hit]) -> Hit | None:
    """The name right after the title, after spaces (董事长 王某) or a rank in brackets (司长（正局级）王某);
    or a surname with an honorific there (资深分析师李女士)."""
    gap = _gap_pattern().match(text, t.end)
    pos = gap.end() if gap else t.end
    return _name_at(text, pos, orgs) or _honoured_at(text, pos)


def _honoured_at(text: str, pos: int) -> Hit | None:
    """李女士, 欧阳先生: a surname and an honorific at `pos`, a person the text does not name in full."""
    lex = lexicon.load()
    for k in (1, 2):
        if text[pos : pos + k] in lex.surnames and (m := _honorific_pattern().match(text, pos + k)):
            return Hit(pos, m.end(), "PERSON", text[pos : m.end()], text[pos : m.end()])
    return None


@lru_cache(maxsize=1)
def _honorific_pattern() -> re.Pattern[str]:
    return re.compile(alternation(grammar.load().honorifics))


@lru_cache(maxsize=1)
def _gap_pattern() -> re.Pattern[str]:
    """Spaces, and a bracket of a few characters, no name, between a title and its holder: a rank
    （正局级）, （主持工作） or the title's English letters （CEO）."""
    return re.compile(rf"[ \t\u3000]*(?:[（(](?:[{CJK}]{{1,{MAX_RANK}}}|[A-Z]{{2,{MAX_RANK}}})[）)][ \t\u3000]*)?")


def _name_at(text: str, pos: int, orgs: list[Hit]) -> Hit | None:
    n = foreign_name_at(text, pos) or name_at(text, pos)
    clash = next((o for o in orgs if o.start < pos + n and pos < o.end), None)
    if clash is not None:
        n = _name_into_org(text, pos, clash)
    if not n or _common_word(text[pos : pos + n]) or _runs_into_word(text, pos, n):
        return None
    return Hit(pos, pos + n, "PERSON", text[pos : pos + n], text[pos : pos + n])


def _runs_into_word(text: str, pos: int, n: int) -> bool:
    """股东应占利润, 主席任职期间: of a three-character name jieba reads no name at `pos`, and a word
    of its dictionary runs from inside the name past it (利润, 任职期间), so the characters are words
    of the sentence, not a name (a two-character one keeps its given name: 谢存|在)."""
    words = segment.tagged(text[pos : pos + n + 4])
    if n < 3 or not words or words[0][1].startswith("nr"):
        return False
    return any(at < n < at + len(w) and segment.frequency(w) > 0 for w, _, at in words)


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


def _apposed_name(text: str, t: Hit, org: Hit | None, persons: list[Hit]) -> Hit | None:
    """张伟，小米移动总经理， / 王磊（分享通信副总裁）/ 总裁李强（原华为副总裁）: the name stands before
    the organisation (and the tense word before it); before a bracket, it may be a name already cut
    (`persons`) after a title of its own."""
    if org is None or text[t.end : t.end + 1] not in "，,）)":
        return None
    start = org.start - len(next((w for w in tense.words() if text.endswith(w, 0, org.start)), ""))
    if start < 2 or text[start - 1] not in "，,（(":
        return None
    named = next((p for p in persons if p.end == start - 1), None) if text[start - 1] in "（(" else None
    return named or name_ending_at(text, start - 1)


def _name_before(text: str, t: Hit, orgs: list[Hit]) -> Hit | None:
    """X总书记, X总理 (a high office, which news names after the person), 杨杰董事长指出,
    工信部陈立副部长: a name jieba reads as one right before the title; before another title it
    opens its clause or follows an organisation's name."""
    words = segment.tagged(text[max(t.start - 6, 0) : t.start])
    if not words or not words[-1][1].startswith("nr"):
        return None
    start = t.start - len(words[-1][0])
    opens = (
        t.name in grammar.load().titles_after_name
        or start == 0
        or text[start - 1] in PUNCTUATION
        or any(o.end == start for o in orgs)
    )
    return _name_at(text, start, orgs) if opens and name_at(text, start) == t.start - start else None


def _weak_alias_before(text: str, t: Hit) -> Hit | None:
    """联通董事长, 移动总经理: an operator's bare name as the word right before an officer's title
    (not 电信|行业分析师: a title held in one's own right)."""
    if t.name.endswith(grammar.load().own_right_titles):
        return None
    words = segment.tagged(text[max(t.start - 6, 0) : t.start])
    rec = lexicon.load().weak_alias_index.get(words[-1][0]) if words else None
    if rec is None:
        return None
    start = t.start - len(words[-1][0])
    return Hit(start, t.start, rec.label, rec.name, text[start : t.start])


def _brand_head_before(text: str, t: Hit, orgs: list[Hit], earlier: Sequence[Hit]) -> Hit | None:
    """蜗牛CEO石海, once 蜗牛移动 is named: the word right before an officer's title opens the name of
    one organisation named before it, and no other (its brand's short form); a place (中国) is none."""
    if t.name.endswith(grammar.load().own_right_titles):
        return None
    words = segment.tagged(text[max(t.start - 6, 0) : t.start])
    if not words or len(words[-1][0]) < 2 or words[-1][1].startswith("ns"):
        return None
    word = words[-1][0]
    start = t.start - len(word)
    named = {o.name: o for o in chain(earlier, (o for o in orgs if o.end <= start)) if o.name.startswith(word)}
    if len(named) != 1 or word in named:
        return None
    org = next(iter(named.values()))
    return Hit(start, t.start, org.label, org.name, word)


def _government_unit(text: str, t: Hit, org: Hit | None) -> Hit | None:
    """国家发改委价格司司长, 工信部信管局局长: a government body's unit (a name ending in 司, 局, 处…)
    between it and the title is the organisation the title is held at; 价格司长: the unit's last
    character is the title's first, written once."""
    if org is None or org.label != "GOVERNMENT" or not org.end < t.start:
        return None
    units = grammar.load().ministry_units
    unit = text[org.end : t.start]
    if not unit.endswith(units) and len(unit) > 1 and (unit + t.name[:1]).endswith(units):
        unit += t.name[:1]
    if not unit.endswith(units) or any(ch in PUNCTUATION for ch in unit) or _has_title(unit):
        return None
    end = org.end + len(unit)
    return Hit(org.start, end, org.label, text[org.start : end], text[org.start : end])


def _after_unit(t: Hit, unit: Hit) -> Hit:
    """The title as held at a unit that ends in its first character (价格司|长 is the 司长)."""
    return t if unit.end <= t.start else Hit(unit.end, t.end, t.label, t.name, t.text[unit.end - t.start :])


def _with_department(text: str, t: Hit, org: Hit | None) -> Hit:
    """移动转售事业部总经理: the words between the organisation and the title belong to the title."""
    if org is None or org.end >= t.start:
        return t
    start = _org_end(text, org)
    dept = text[start : t.start].removesuffix("的")
    return Hit(start, t.end, "POSITION", dept + t.name, text[start : t.end]) if dept else t


def _org_end(text: str, org: Hit) -> int:
    """Where the words about an organisation end: after the bracket that defines it as a short name
    (星联通信有限公司（以下简称星联）|副总裁), else at its name."""
    return short_name_bracket_end(text, org) or org.end


def _org_before(text: str, pos: int, orgs: list[Hit]) -> Hit | None:
    before = [o for o in orgs if o.end <= pos]
    if before:
        o = max(before, key=lambda h: h.end)
        gap = text[_org_end(text, o) : pos]
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
    return _long_titles().search(gap) is not None


@lru_cache(maxsize=1)
def _long_titles() -> re.Pattern[str]:
    """The titles of two characters or more, as one pattern: asked of every gap before a title."""
    return re.compile(alternation(t for t in lexicon.load().titles if len(t) > 1))


def _unknown_org_before(text: str, pos: int) -> Hit | None:
    """An organisation the gazetteer does not know, named right before `pos` (小米科技副总裁)."""
    lex = lexicon.load()
    start = pos
    while start > 0 and re.match(rf"[{CJK}A-Za-z0-9]", text[start - 1]) and pos - start < MAX_UNKNOWN_ORG:
        start -= 1
    run = text[start:pos]
    suffixes = [(suffix, label) for suffix, label in lex.org_suffixes.items() if run.endswith(suffix)]
    if not suffixes:
        return None  # every candidate ends where the run does: no suffix, no name (and no tagging)
    held = max((i + n for i in range(len(run) - 2) if (n := opening_holder(run[i:]))), default=0)
    for i in range(held, len(run) - 2):  # 周山任|江苏分公司: the holder and the verb before the name
        cand = run[i:]
        label = next((label for suffix, label in suffixes if len(cand) > len(suffix) + 1), None)
        if label is None or cand in grammar.load().not_orgs:
            continue
        if cand[0] in grammar.load().org_stop_prefixes or tense.opening(cand) or not _name_like_head(cand):
            continue  # 在…, 原|联通研究院: a clause's word or a tense before the name
        return Hit(start + i, pos, label, cand, cand)
    return None


def _name_like_head(cand: str) -> bool:
    """著名通信专家: an adjective, adverb, numeral or verb opening the words before a suffix is no name's;
    接受中电传媒记者: nor is a verb of two characters or more among them (the name starts after it)."""
    suffix = lexicon.load().org_suffix(cand)
    head = segment.tagged(cand[: -len(suffix)]) if suffix else []
    return not head or (
        head[0][1][:1] not in NOT_NAME_FLAGS and not any(f.startswith("v") and len(w) > 1 for w, f, _ in head[1:])
    )


def roles(chains: list[Chain]) -> list[Role]:
    """One role per (person, title, organisation). A title without an organisation is a role
    (独立分析师, 记者 in a stand-alone byline) unless the person holds it at one, or it is an
    editor's or author's marker (责任编辑：…, 作者：…, page furniture); a byline's bare name or a
    member named without a title (中国联通的张明) is a role at the organisation without a title,
    unless the person holds a title there."""
    markers = grammar.load().person_markers
    held = {(c.person.name, c.title.name) for c in chains if c.org is not None and c.title is not None}
    titled_at = {(c.person.name, c.org.name) for c in chains if c.org is not None and c.title is not None}
    reporters = grammar.load().reporter_markers
    seen, out = set(), []
    for c in chains:
        title = c.title.name if c.title is not None else None
        if title is None and c.org is not None and (c.person.name, c.org.name) in titled_at:
            continue
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
