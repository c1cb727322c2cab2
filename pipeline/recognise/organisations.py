"""Organisations in one sentence: legal names, gazetteer names and their short forms, coined names.

Gazetteer matches keep their canonical names (the article's own name for an
organisation is chosen at assembly: resolve.article_names).
Reads: a sentence and its word boundaries. Provides: organisation Hits and defined short names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import lru_cache

from pipeline.language import grammar, lexicon, segment
from pipeline.language.lexicon import OrgRecord
from pipeline.language.text import CLAUSE_DELIMITERS, PUNCTUATION, alternation
from pipeline.recognise.common import CJK, in_compound, is_place, modifies_next, names_a_kind, overlaps
from pipeline.recognise.titles import title_pattern
from pipeline.records import Hit

CLAUSE_WORD_FLAGS = frozenset("pcdrumtfv")  # jieba: kinds of word that belong to a clause, not to a name
ENGLISH_NAME = re.compile(r"[（(]\s*([A-Z][\w&.'\- ]*?(?:\([\w ]+\)[\w&.'\- ]*?)?)\s*(?=[,，;；)）])")


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    lex = lexicon.load()
    g = grammar.load()
    anaphora = rf"[“\"]?(?:{alternation(g.org_anaphora)})[”\"]?"  # 以下简称“公司”或“华信智联”
    joiners = "、，,或及和"
    return {
        "org": re.compile(alternation(lex.alias_index)),
        "weak_org": re.compile(alternation(lex.weak_alias_index)),
        "speech_verb": re.compile(alternation(v for v in lex.speech_verbs_by_length if len(v) > 1)),
        "org_tail": re.compile(alternation(g.company_tails)),
        "legal": re.compile(rf"[{CJK}A-Za-z0-9（）()]{{2,24}}?(?:{alternation(g.legal_tails)})"),
        "short_name": re.compile(
            rf"[（(](?:{alternation(g.short_name_markers)})[:：]?(?:{anaphora}[{joiners}])?"
            rf"[“\"]?([{CJK}A-Za-z0-9]{{2,10}})[”\"]?(?:[{joiners}]{anaphora})?[）)]"
        ),
        "brand": re.compile(alternation(g.brand_suffixes)),
        "bureau_tail": re.compile(alternation(g.bureau_tails)),
        "report_period": re.compile(rf"(?:\d{{4}}年)?(?:{alternation(g.business_line_periods)})*"),
        "branch_tail": re.compile(rf"[{CJK}]{{0,6}}?({alternation(g.branch_suffixes)})"),
        "local_body": re.compile(alternation(g.local_bodies + g.level_bodies)),
        "unit_tail": re.compile(rf"[{CJK}]{{0,6}}?(?:{alternation(g.unit_suffixes)})"),
        "group_branch": re.compile(
            rf"(?P<parent>{alternation(f for o in _operators() for f in o.forms)})(?:集团)?"
            rf"(?P<place>[{CJK}]{{2,4}}?)(?:{alternation(g.place_suffixes)})?(?:{alternation(g.branch_tails)})"
        ),
        "vehicle": re.compile(
            rf"(?:{alternation(g.vehicle_words)}|{alternation(g.vehicle_before_tail)}(?={alternation(g.company_tails)}))+"
        ),
        "local_outlet": re.compile(alternation(g.local_outlets)),
        "stock_code": re.compile(r"\s?[（(]\s*(?:[A-Z]{2,4}[:：]\s*)?\d{4,6}(?:\.[A-Z]{2})?\s*[)）]"),
        "channel": re.compile(rf"[{CJK}]{{2,6}}?(?:{alternation(g.channel_words)})"),
        "undated_dateline": re.compile(
            rf"【?([{CJK}A-Za-z0-9]{{2,10}}?)(?:】|(?:{alternation(g.dateline_words)})(?=[\s(（】]))"
        ),
        "dateline": re.compile(
            rf"[《【]?([{CJK}A-Za-z]{{2,10}}?)(?:\d{{1,2}}月)?\d{{1,2}}日(?:{alternation(g.dateline_times)})?"
            rf"(?:{alternation(g.dateline_words)})"
        ),
    }


@lru_cache(maxsize=1)
def _operators() -> tuple[OrgRecord, ...]:
    """The organisations with a bare short name (移动, 联通) that their local branches take (浙江移动)."""
    return tuple(o for o in lexicon.load().orgs if o.weak_aliases)


def organisations(text: str, bounds: frozenset[int], short_names: Mapping[str, Hit] | None = None) -> list[Hit]:
    """Organisations in a sentence: legal names, gazetteer names, names the article defined,
    operators' bare names in context, jieba's dictionary organisations and coined brand names.

    `short_names` maps the short names the article introduced before this
    sentence (以下简称“华信智联”) to their organisation (defined_short_names).
    """
    hits = _branches(text, bounds)
    hits += [h for h in _legal_names(text) if not overlaps(h.start, h.end, hits)]
    defined = defined_short_names(text, hits)
    hits += _gazetteer(text, bounds, hits)
    hits = [_unit_of(text, bounds, h) for h in hits]
    for name, ref in {**(short_names or {}), **defined}.items():
        for m in re.finditer(re.escape(name), text):
            if not overlaps(m.start(), m.end(), hits):
                hits.append(Hit(m.start(), m.end(), ref.label, ref.name, name))
    hits += _weak_aliases(text, bounds, hits)
    hits += _dictionary_orgs(text, hits)
    hits += _schools(text, hits)
    hits = _with_local_bodies(text, bounds, hits)
    hits = _outlets(text, bounds, hits)
    hits += _brand_names(text, bounds, hits)
    hits += _dateline_outlet(text, hits)
    hits += _english_names(text, hits)
    return sorted((_with_stock_mark(text, h) for h in hits), key=lambda h: h.start)


def _with_stock_mark(text: str, hit: Hit) -> Hit:
    """ST鹏博士, *ST某某: the exchange's mark before a company's stock name belongs to its mention."""
    if hit.label != "COMPANY":
        return hit
    mark = next((p for p in grammar.load().stock_name_prefixes if text.endswith(p, 0, hit.start)), "")
    start = hit.start - len(mark)
    if not mark or (start > 0 and text[start - 1].isascii() and text[start - 1].isalnum()):
        return hit
    return Hit(start, hit.end, hit.label, hit.name, text[start : hit.end])


def _branches(text: str, bounds: frozenset[int]) -> list[Hit]:
    """浙江电信, 宁波联通, 深圳市移动公司, 中国移动通信集团广东有限公司, 中国联通广东省分公司: an operator's
    provincial or city company is an organisation of its own, named by its place and the operator's
    short name (广东移动)."""
    lex = lexicon.load()
    out: list[Hit] = []
    for m in _patterns()["group_branch"].finditer(text):
        short = lex.alias_index[m.group("parent")].weak_aliases[0]
        if is_place(m.group("place")):
            out.append(Hit(m.start(), m.end(), "COMPANY", m.group("place") + short, m.group()))
    for m in _patterns()["weak_org"].finditer(text):
        found = _place_before(text, bounds, m.start())
        if found is None or overlaps(found[0], m.end(), out) or _in_term(text, found[0], m.end()):
            continue
        more = _name_suffix(text, m.end())  # 陕西广电网络: the name runs on
        tail = _patterns()["org_tail"].match(text, m.end() + len(more)) or _bureau_tail(text, bounds, m.end())
        end = tail.end() if tail else m.end() + len(more)
        out.append(Hit(found[0], end, "COMPANY", found[1] + m.group() + more, text[found[0] : end]))
    return out


def _bureau_tail(text: str, bounds: frozenset[int], end: int) -> re.Match[str] | None:
    """南昌电信局, 杭州电信局: the city's telecom bureau the operator's city company grew from is its
    mention, a word of its own (not 电信局势)."""
    m = _patterns()["bureau_tail"].match(text, end)
    return m if m and m.end() in bounds else None


def _place_before(text: str, bounds: frozenset[int], start: int) -> tuple[int, str] | None:
    """(where it starts, its name without 省/市) of the Chinese province or city named right before
    ``start`` (浙江|电信, 南京市|苏宁易购), where place and name are not one gazetteer form (中国|移动)."""
    g = grammar.load()
    for k in range(5, 1, -1):
        s = start - k
        head = text[max(s, 0) : start]
        place = head[:-1] if head.endswith(g.place_suffixes) and k > 2 else head
        if (
            s >= 0
            and s in bounds
            and is_place(place)
            and not (place.endswith(g.foreign_place_endings) or place in g.foreign_places)
            and not _patterns()["org"].match(text, s)
        ):
            return s, place
    return None


def _name_suffix(text: str, end: int) -> str:
    """网络 in 陕西广电网络公司: the word after a name when it is an organisation suffix itself (not a tail)."""
    words = segment.tagged(text[end : end + 6])
    word = words[0][0] if words else ""
    return word if lexicon.load().org_suffix("_" + word) == word and not org_tail_pattern().fullmatch(word) else ""


def _english_names(text: str, hits: list[Hit]) -> list[Hit]:
    """星途出行科技有限公司(Xingtu Mobility Co.), 星联通信有限公司(Xinglian Telecom Ltd., 0123.HK):
    an English name in brackets right after an organisation is another mention of it (not a stock code)."""
    out: list[Hit] = []
    for h in hits:
        m = ENGLISH_NAME.match(text, h.end)
        if m and re.search("[a-z]", m.group(1)) and not overlaps(m.start(1), m.end(1), hits + out):
            out.append(Hit(m.start(1), m.end(1), h.label, h.name, m.group(1)))
    return out


def _dateline_outlet(text: str, taken: list[Hit]) -> list[Hit]:
    """通信快报4月9日晚间消息, 某某网上海4月9日电: the name that opens a dateline is an outlet,
    the place before the date aside (the month may be left out: 《星河通讯社22日专讯》); without a date
    (星河网讯, 【港岛新闻】, 【星河日报讯】) it must end as an outlet's name does."""
    m = _patterns()["dateline"].match(text)
    if m is None:
        m = _patterns()["undated_dateline"].match(text)
        if m is None or not m.group(1).endswith(grammar.load().outlet_endings):
            return []
    if overlaps(m.start(1), m.end(1), taken):
        return []
    words = segment.tagged(m.group(1))
    while words and is_place(words[-1][0]):  # 北京 in …北京7月8日电
        words.pop()
    end = m.start(1) + sum(len(w) for w, _, _ in words)
    if (
        end - m.start(1) < 2
        or words[0][1][:1] in ("v", "p", "d", "c", "r", "m", "t", "f")
        or (len(words) == 1 and segment.frequency(words[0][0]) >= grammar.load().rare_word_freq)
    ):
        return []  # 今年3月5日, 据悉5月2日, 公司9月1日消息, 【互联网】: no name
    name = text[m.start(1) : end]
    return [Hit(m.start(1), end, "COMPANY", name, name)]


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


def short_name_bracket_end(text: str, org: Hit) -> int | None:
    """Where the bracket ends that defines ``org`` as a short name (…有限公司（以下简称“星联”）副总裁:
    the title after it is held at the organisation the bracket names), None when ``org`` is no such name."""
    opening = max(text.rfind("（", 0, org.start), text.rfind("(", 0, org.start))
    m = _patterns()["short_name"].match(text, opening) if opening >= 0 else None
    return m.end() if m and m.span(1) == (org.start, org.end) else None


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
    tags = segment.dictionary_tags()
    for i, (word, start, end) in enumerate(words):
        if (
            tags.get(word) != "nt"
            or word in g.not_orgs
            or names_a_kind(word)
            or word in lex.alias_index
            or not (word.endswith(g.org_word_endings) or lex.org_suffix(word))
        ):
            continue  # 统一安排: jieba's dictionary has odd organisations; a name ends as one does
        place = _places_before(words, i)
        if place:
            start -= len(place)  # 南京市|公安局; 四川省|成都市|中级|人民法院; 毕业于长春|邮电学院
        elif len(word) < 4:
            continue
        if overlaps(start, end, taken) or in_compound(text, start, end):  # the gazetteer has had its say
            continue
        unit = _patterns()["unit_tail"].match(text, end)
        end = unit.end() if unit else end
        label = lex.org_suffix_label(word) or "ORGANIZATION"
        out.append(Hit(start, end, label, text[start:end], text[start:end]))
    return out


def _places_before(words: tuple[segment.Token, ...], i: int) -> str:
    """四川省成都市中级 of 四川省成都市中级人民法院: the chain of places right before word ``i``, with the
    body's rank after them, as written; '' where no place comes first."""
    rank = words[i - 1][0] if i > 0 and words[i - 1][0] in grammar.load().body_ranks else ""
    k = i - 1 if rank else i
    places = ""
    while k > 0:
        place = _place_ending(words[k - 1][0])
        if not place:
            break
        places = place + places
        k -= 1
        if place != words[k][0]:
            break  # 于长春: a word that only ends in a place starts the chain
    return places + rank if places else ""


def _place_ending(word: str) -> str:
    """The place a word is or ends in (南京市; 长春 of 于长春, a preposition jieba glued to it), else ''."""
    return next((word[-k:] for k in range(len(word), 1, -1) if is_place(word[-k:])), "")


SCHOOL_HEAD, SCHOOL_TAIL = 16, 6  # characters tagged before and from a school's word


def _schools(text: str, taken: list[Hit]) -> list[Hit]:
    """挪威管理学院, 美国南加州大学: a place and a name before a school's word is a school jieba does not
    know; not 美国大学 (a country's schools) or 大学生 (the word runs on)."""
    g = grammar.load()
    out: list[Hit] = []
    for at in sorted({m.start() for w in g.school_words for m in re.finditer(re.escape(w), text)}):
        out += _school_at(text, at, taken + out)
    return out


def _school_at(text: str, at: int, taken: list[Hit]) -> list[Hit]:
    """The school whose word starts at ``at``, if one does: only the few words before it are tagged
    (a sentence's full tagging costs more than every other organisation rule)."""
    g = grammar.load()
    offset = max(at - SCHOOL_HEAD, 0)
    words = [(w, f, p + offset) for w, f, p in segment.tagged(text[offset : at + SCHOOL_TAIL])]
    out: list[Hit] = []
    for i, (word, _, pos) in enumerate(words):
        if word not in g.school_words or i == 0 or pos != at:
            continue
        k = i
        while k > 0 and i - k < 3 and (words[k - 1][1][:1] in ("n", "j", "s") or words[k - 1][1] == "vn"):
            k -= 1
        head = [w for w, _, _ in words[k:i]]
        while head and not is_place(head[0]):
            head.pop(0)
            k += 1
        last = head[-1] if head else ""
        if not head or last.endswith(g.foreign_place_endings) or last in g.foreign_places or not is_place(head[0]):
            continue
        start, end = words[k][2], pos + len(word)
        if not overlaps(start, end, taken + out):
            name = text[start:end]
            out.append(Hit(start, end, "ORGANIZATION", name, name))
    return out


def _with_local_bodies(text: str, bounds: frozenset[int], hits: list[Hit]) -> list[Hit]:
    """广州市工业和信息化局, 浙江省经信厅, 深圳市发改委, 荆门市委: a place's government, party or
    congress body (data: local_bodies, level_bodies),
    named as written, with a named unit after it (…公安局反诈骗中心); a national body's name after the
    place (发改委) is the local one's."""
    out = list(hits)
    for m in _patterns()["local_body"].finditer(text):
        place = _place_before(text, bounds, m.start())
        unit = _patterns()["unit_tail"].match(text, m.end())
        end = unit.end() if unit and unit.end() in bounds else m.end()
        if place is None or end not in bounds or in_deputy_title(text, m.start(), end):
            continue
        national = [h for h in out if h.start == m.start() and h.end <= end and h.label == "GOVERNMENT"]
        rest = [h for h in out if h not in national]
        if not overlaps(place[0], end, rest):
            out = [*rest, Hit(place[0], end, "GOVERNMENT", text[place[0] : end], text[place[0] : end])]
    return out


def _outlets(text: str, bounds: frozenset[int], hits: list[Hit]) -> list[Hit]:
    """浙江广播电视台, 某某总台经济之声: a place's outlet is an outlet of its own, and an outlet's named
    channel is one outlet with it, not two."""
    hits = [_with_channel(text, bounds, h, hits) for h in _local_outlets(text, bounds, hits)]
    return [h for h in hits if not any(o.start <= h.start and h.end <= o.end and o != h for o in hits)]


def _local_outlets(text: str, bounds: frozenset[int], hits: list[Hit]) -> list[Hit]:
    """浙江广播电视台, 河南人民广播电台, 杭州日报: a place's broadcaster or paper (not 广播电台 alone)."""
    out = list(hits)
    for m in _patterns()["local_outlet"].finditer(text):
        place = _place_before(text, bounds, m.start())
        if place is None or m.end() not in bounds:
            continue
        inside = [h for h in out if place[0] <= h.start and h.end <= m.end()]
        if not overlaps(place[0], m.end(), [h for h in out if h not in inside]):
            name = text[place[0] : m.end()]
            out = [h for h in out if h not in inside] + [Hit(place[0], m.end(), "COMPANY", name, name)]
    return out


def _is_outlet(hit: Hit) -> bool:
    g = grammar.load()
    return lexicon.load().is_media(hit.name) or hit.name.endswith(g.local_outlets + g.channel_words)


def _with_channel(text: str, bounds: frozenset[int], hit: Hit, hits: list[Hit]) -> Hit:
    """某某总台|经济之声, 山东广播电视台|公共频道: a named channel right after an outlet is one outlet with it
    (not 央视财经|频道, where the channel has no name of its own)."""
    m = _patterns()["channel"].match(text, hit.end) if _is_outlet(hit) else None
    if m is None or m.end() not in bounds or overlaps(hit.end, m.end(), [h for h in hits if h.end > m.end()]):
        return hit
    name = text[hit.start : m.end()]
    return Hit(hit.start, m.end(), hit.label, name, name)


def _brand_names(text: str, bounds: frozenset[int], taken: list[Hit]) -> list[Hit]:
    """星联通信, 瀚海互联, 云途科技: a rare word (a coined name) before a company suffix, unless a list
    names kinds that share the suffix (应急通信、海事通信、偏远地区通信)."""
    found: list[tuple[re.Match[str], Hit | None]] = []
    for m in _patterns()["brand"].finditer(text):
        named = taken + [h for _, h in found if h]
        if m.start() not in bounds or m.end() not in bounds or overlaps(m.start(), m.end(), named):
            continue  # 三是互联|网金融, 高质量科技|创新: the suffix must end a word
        found.append((m, _brand_name(text, bounds, m, taken)))
    out: list[Hit] = []
    for run in _suffix_lists(text, found):
        names = [h for _, h in run]
        out += [h for h in names if h and all(names)]
    return out


def _brand_name(text: str, bounds: frozenset[int], m: re.Match[str], taken: list[Hit]) -> Hit | None:
    """The coined name that ends in the suffix ``m``, or None where the words before it are common ones."""
    g = grammar.load()
    p = m.start()
    for k in (4, 3, 2):
        s = p - k
        head = text[max(s, 0) : p]
        if (
            s < 0
            or s not in bounds
            or not re.fullmatch(rf"[{CJK}]+", head)
            or head[0] in g.org_stop_prefixes
            or head.endswith(g.unit_suffixes)
        ):
            continue
        words = [w for w, _, _ in segment.words(head)]
        if len(words) > 2 or any(len(w) < 2 or _common_word(w) for w in words):
            continue  # 移动通信, 一家科技: common words; 手握移动: a verb; 第一场通信, 新一轮科技: a count
        name = head + m.group()
        if not (
            name in g.not_orgs or names_a_kind(name) or overlaps(s, m.end(), taken) or in_compound(text, s, m.end())
        ):
            return Hit(s, m.end(), "COMPANY", name, name)
    return None


def _common_word(word: str) -> bool:
    """A word of the language, not of a name: frequent, or of a kind no name has (a verb, a count, a time),
    or holding a count (新一轮, 新一代: jieba knows 一轮, 一代 as numerals)."""
    g = grammar.load()
    inner = (word[i : i + 2] for i in range(len(word) - 1)) if len(word) > 2 else ()
    return (
        segment.frequency(word) >= g.rare_word_freq
        or (segment.dictionary_tag(word) or "").startswith(g.not_brand_tags)
        or any((segment.dictionary_tag(w) or "").startswith(g.count_tags) for w in inner)
    )


def _suffix_lists(
    text: str, found: list[tuple[re.Match[str], Hit | None]]
) -> Iterator[list[tuple[re.Match[str], Hit | None]]]:
    """The suffix matches in runs, each a list of items that share one suffix (应急通信、海事通信): one
    item of common words makes every item of its run a kind."""
    run: list[tuple[re.Match[str], Hit | None]] = []
    for item in found:
        if run and not _next_in_list(text, run[-1][0], item[0]):
            yield run
            run = []
        run.append(item)
    if run:
        yield run


def _next_in_list(text: str, before: re.Match[str], after: re.Match[str]) -> bool:
    """Whether ``after`` is the next item of a list that ``before`` ends: the same suffix, a separator and a
    short head between them."""
    gap = text[before.end() : after.start()]
    return (
        before.group() == after.group()
        and gap[:1] in grammar.load().list_separators
        and re.fullmatch(rf"[{CJK}]{{2,4}}", gap[1:]) is not None
    )


def _gazetteer(text: str, bounds: frozenset[int], taken: list[Hit]) -> list[Hit]:
    lex = lexicon.load()
    pats = _patterns()
    hits = []
    for m in pats["org"].finditer(text):
        alias = m.group()
        if len(alias) <= 2 and not (m.start() in bounds and m.end() in bounds):
            continue
        if len(alias) == 3 and _word_over(text, m.start()):
            continue  # 其中|移动电话: a word of the sentence runs into the short name
        if _cut_name_runs_on(text, alias, m.end()) or _in_latin_word(text, m.start(), m.end()):
            continue
        if overlaps(m.start(), m.end(), taken) or _in_term(text, m.start(), m.end()):
            continue
        if alias.isascii() and alias.isupper() and _business_after(text, m.end()):
            continue  # IDC业务, IDC、CDN: the business of those letters, not the firm
        if product_after(text, m.end()) or in_deputy_title(text, m.start(), m.end()):
            continue
        rec = lex.alias_index[alias]
        end = _yield_to_title(text, m.start(), m.end(), rec)
        start = m.start() - len(_ministry_prefix(text, m.start(), rec) or _country_prefix(text, m.start(), rec))
        vehicle = _vehicle_hit(text, bounds, start, end)
        if vehicle:
            hits.append(vehicle)
            continue
        tail = pats["org_tail"].match(text, end) or _branch_tail(text, end)
        name_end = tail.end() if tail else end  # 迪信通公司, 京东集团: the mention takes the tail
        place = _place_before(text, bounds, start) if rec.label == "COMPANY" and not lex.is_media(rec.name) else None
        if place and not overlaps(place[0], start, taken + hits):  # 南京苏宁易购: a city's company of its own
            name = place[1] + text[start:end]
            hits.append(Hit(place[0], name_end, "COMPANY", name, text[place[0] : name_end]))
        else:
            hits.append(Hit(start, name_end, rec.label, rec.name, text[start:name_end]))
    return hits


def in_deputy_title(text: str, start: int, end: int) -> bool:
    """全国人大|代表, 浙江省政协|委员: a deputy's title that opens inside the name and runs past it takes the
    name in (the deputy holds no post at the congress)."""
    return any(text.find(t, max(start, end - len(t) + 1), end - 1 + len(t)) >= 0 for t in grammar.load().deputy_titles)


def product_after(text: str, end: int) -> bool:
    """百度|贴吧, 网易|邮箱: a product word right after a company's name makes the name the product's,
    no mention of the company."""
    return text.startswith(grammar.load().product_words, end)


def _in_term(text: str, start: int, end: int) -> bool:
    """中国移动|转售业务, 中国|电信业: a whole name that ends inside a domain term is no mention, unless
    what runs past it is the name's own line of business (中国移动|业务收入, 江苏移动|业务)."""
    return in_compound(text, start, end) and not text.startswith(grammar.load().own_line_words, end)


def _branch_tail(text: str, end: int) -> re.Match[str] | None:
    """广东分公司 after a name, where the words before the branch word name it: not 对部分省级分公司,
    地市及省级子公司 (a preposition, a conjunction, a quantity: the clause, not a branch)."""
    m = _patterns()["branch_tail"].match(text, end)
    if m is None:
        return None
    words = segment.tagged(text[end : m.start(1)])
    return None if any(flag[:1] in CLAUSE_WORD_FLAGS and flag != "vn" for _, flag, _ in words) else m


def _word_over(text: str, at: int) -> bool:
    """其中|移动, 集中|移动: the character before a short name and its first one are a common word."""
    return at > 0 and segment.frequency(text[at - 1 : at + 1]) >= grammar.load().rare_word_freq


def _cut_name_runs_on(text: str, alias: str, end: int) -> bool:
    """台湾大|学, 中华电|力, 亚太电|子: a short form cut from its full name (台湾大 of 台湾大哥大) is no mention
    where its last character and the next one are a common word."""
    name = lexicon.load().alias_index[alias].name
    cut = name != alias and name.startswith(alias)
    return cut and segment.frequency(text[end - 1 : end + 1]) >= grammar.load().rare_word_freq


def _in_latin_word(text: str, start: int, end: int) -> bool:
    """Wind|ows: a Latin-letter name inside a longer Latin word is no mention of it."""
    return text[start].isascii() and (
        (start > 0 and text[start - 1].isascii() and text[start - 1].isalpha())
        or (end < len(text) and text[end].isascii() and text[end].isalpha())
    )


def _business_after(text: str, end: int) -> bool:
    """收入, 服务商, 数据中心, 、CDN: a business word right after the letters, or listed with them."""
    g = grammar.load()
    sep = next((x for x in sorted(g.list_separators, key=len, reverse=True) if text.startswith(x, end)), "")
    return text.startswith(g.business_terms, end + len(sep))


def _vehicle_hit(text: str, bounds: frozenset[int], start: int, end: int) -> Hit | None:
    """京东创投, 小米产业基金, 联想创投集团: an investment vehicle after its parent's name, a gazetteer
    name or an ambiguous bare one, is an organisation of its own (with its tail in the mention)."""
    vehicle = _vehicle(text, bounds, end)
    if vehicle is None:
        return None
    tail = _patterns()["org_tail"].match(text, vehicle) or _branch_tail(text, vehicle)
    name_end = tail.end() if tail else vehicle
    return Hit(start, name_end, "COMPANY", text[start:vehicle], text[start:name_end])


def _vehicle(text: str, bounds: frozenset[int], end: int) -> int | None:
    """Where an investment vehicle's word after a name ends (创投, 资本, 产业基金, 控股), if one does:
    a word of its own that modifies no noun after it (资本开支, 控股子公司) and is no verb (投资了)."""
    m = _patterns()["vehicle"].match(text, end)
    if (
        m is None
        or m.end() not in bounds
        or in_compound(text, end, m.end())
        or (modifies_next(text, m.end()) and not _patterns()["org_tail"].match(text, m.end()))
        or text.startswith(("的", "了"), m.end())
    ):
        return None
    return m.end()


def _unit_of(text: str, bounds: frozenset[int], org: Hit) -> Hit:
    """财政部条法司, 工信部信息通信管理局网络资源处, 中国电信国际公司, 中国通信企业协会增值业务专委会: a
    government body's, a company's, an association's or an institute's named unit right after its name
    is an organisation of its own (a role then points at it), and so is a unit of that unit, named
    with it (某研究院规划研究所产业研究部: one unit, not the first of the chain)."""
    rec = lexicon.load().org(org.name)
    if rec is None or org.text not in rec.forms:
        return org
    units = _unit_words(rec)
    end = _unit_end(text, bounds, org.end, units) if units else None
    if end is None:
        return org
    inner = units + grammar.load().sub_unit_words
    while (deeper := _unit_end(text, bounds, end, inner)) is not None:
        end = deeper
    name = text[org.start : end]
    return Hit(org.start, end, rec.label, name, name)


def _unit_end(text: str, bounds: frozenset[int], start: int, units: tuple[str, ...]) -> int | None:
    """Where a named unit that starts at ``start`` and ends in one of ``units`` ends, if one does.
    The words before the unit's word must read as its name (nouns, a verb only before one of them: not
    相关司局, not a place's branch, 浙江公司)."""
    g = grammar.load()
    m = _unit_pattern(units).match(text, start)
    if m is None or m.end() not in bounds or _ends_in_organisation(text, start, m.end()):
        return None
    words = segment.tagged(text[start : m.start(1)])  # the unit's own name: 新闻|处; 办公厅 has none
    if len(m.group(1)) < 3 and sum(len(w) for w, _, _ in words) < 2:
        return None  # 新闻处, 国际公司 have a name; 办公厅, 研究院 need none; 母公司 is no unit
    nounish = [f[:1] in ("n", "j", "b", "s") or f == "vn" for _, f, _ in words] + [False]
    if any(
        w in g.unit_stop_words
        or not (nounish[i] or (f[:1] == "v" and (i > 0 or nounish[i + 1])))  # 增值|业务, 信用|评价|中心
        or is_place(w)
        for i, (w, f, _) in enumerate(words)
    ) or title_pattern().search(m.group()):
        return None
    return m.end()


@lru_cache(maxsize=16)
def _unit_pattern(units: tuple[str, ...]) -> re.Pattern[str]:
    """Up to six characters of a unit's name, then one of ``units``: built once per list of unit words."""
    return re.compile(rf"[{CJK}]{{0,6}}?({alternation(units)})")


def _ends_in_organisation(text: str, start: int, end: int) -> bool:
    """工信部|联合公安部, 国资委|会同财政部: a would-be unit that ends in another known organisation is a
    second organisation joined to the first by a verb, not a unit of it."""
    return any(a.end() == end for a in _patterns()["org"].finditer(text, start, end))


def _unit_words(rec: OrgRecord) -> tuple[str, ...]:
    """The words a unit of this organisation ends in: a government body's (司, 局, 处), a company's
    (公司, 研究院), an association's or an institute's (分会, 专委会, 实验室)."""
    g = grammar.load()
    if rec.type == "regulator":
        return g.ministry_units
    if rec.label == "COMPANY":
        return g.company_units
    return g.institute_units if rec.type in ("association", "research") else ()


def _country_prefix(text: str, start: int, rec: OrgRecord) -> str:
    """中国|工业和信息化部, 中国|商务部: the country before a national body's name is part of its mention."""
    if rec.type != "regulator":
        return ""
    return next((c for c in grammar.load().country_prefixes if text.endswith(c, 0, start)), "")


def _ministry_prefix(text: str, start: int, rec: OrgRecord) -> str:
    """部网络安全管理局: in a ministry's own text a lone 部 before one of its units is part of the mention."""
    if rec.type != "regulator":
        return ""
    for ref in grammar.load().ministry_anaphora:
        at = start - len(ref)
        if at >= 0 and text.startswith(ref, at) and (at == 0 or text[at - 1] in PUNCTUATION) and _ministry_unit(rec):
            return ref
    return ""


@lru_cache(maxsize=256)
def _ministry_unit(rec: OrgRecord) -> bool:
    """A unit of a ministry: its name is a ministry's name or alias and more (工业和信息化部信息通信管理局)."""
    suffix = min(grammar.load().ministry_anaphora, key=len)
    return any(
        rec.name.startswith(form) and len(rec.name) > len(form)
        for org in lexicon.load().orgs
        if org.type == "regulator" and org.name.endswith(suffix)
        for form in org.forms
    )


def _weak_aliases(text: str, bounds: frozenset[int], taken: list[Hit]) -> list[Hit]:
    """联通, 移动, 联想: an operator's bare name counts only in a list with another operator (联通、移动和电信;
    中国移动和联通), another company's in a list with a company (小米、联想), in the clause of another of
    its type where no noun follows it (中国移动的意愿弱于联通), before 公司/集团 or 方面 (联通方面表示) or
    before a speech verb (苹果宣布) or its stock code (联通(0762), 联想（00992.HK）), or before its
    numbers where another operator is named (联通号码转到电信);
    投向电信网络建设, 中国联通的移动业务 name no one. Before an investment vehicle's word it names the
    vehicle (联想创投集团)."""
    lex = lexicon.load()
    pats = _patterns()
    found = []
    for m in pats["weak_org"].finditer(text):
        if not (m.start() in bounds and m.end() in bounds) or overlaps(m.start(), m.end(), taken):
            continue
        if in_compound(text, m.start(), m.end()) or _business_line(text, m, taken):
            continue
        rec = lex.weak_alias_index[m.group()]
        found.append((m, rec))
    hits = []
    for m, rec in found:
        vehicle = _vehicle_hit(text, bounds, m.start(), m.end())
        if vehicle:
            hits.append(vehicle)
            continue
        others = [(h.start, h.end, lex.org(h.name) or rec) for h in taken if h.name != rec.name]
        others += [(n.start(), n.end(), r) for n, r in found if r is not rec]
        peers = [(s, e) for s, e, r in others if r.type == rec.type]
        listed = any(_listed(text, m.start(), m.end(), s, e) for s, e, r in others if _list_peer(rec, r)) or (
            any(_same_clause(text, m.start(), m.end(), s, e) for s, e in peers) and not modifies_next(text, m.end())
        )
        tail = pats["org_tail"].match(text, m.end())
        if (
            listed
            or tail
            or text.startswith(grammar.load().org_side_words, m.end())
            or _speaks(text, bounds, m.end())
            or pats["stock_code"].match(text, m.end())
            or (peers and text.startswith(grammar.load().number_words, m.end()))
        ):
            end = tail.end() if tail else m.end()
            hits.append(Hit(m.start(), end, rec.label, rec.name, text[m.start() : end]))
    return hits


def _business_line(text: str, m: re.Match[str], taken: list[Hit]) -> bool:
    """中国联通移动用户, 中国电信上半年移动收入: right after an organisation's name, or after it and the
    reporting period, a bare name that is also a business (移动, mobile) is that organisation's business
    (not 中国移动联通两家)."""
    period = _patterns()["report_period"]
    return m.group() in grammar.load().business_line_names and any(
        h.end <= m.start() and period.fullmatch(text, h.end, m.start()) for h in taken
    )


def _speaks(text: str, bounds: frozenset[int], end: int) -> bool:
    """苹果宣布, 锤子透露: a bare name right before a speech verb of two characters or more is the
    organisation speaking (a fruit or a tool announces nothing); not 电信|分析师, where the verb
    runs into a word."""
    m = _patterns()["speech_verb"].match(text, end)
    return m is not None and m.end() in bounds


def _list_peer(rec: OrgRecord, other: OrgRecord) -> bool:
    """Who a bare name may be listed with: an operator's with operators (联通、移动和电信), another
    company's with any company but an operator (小米、联想等厂商: 联想 is the company)."""
    return other.type == rec.type or ("operator" not in (rec.type, other.type) and other.label == "COMPANY")


def _listed(text: str, start: int, end: int, peer_start: int, peer_end: int) -> bool:
    """Two names side by side in a list: only a list separator (、, 和, 与, 及) between them."""
    between = text[end:peer_start] if end <= peer_start else text[peer_end:start]
    return between in grammar.load().list_separators


def _same_clause(text: str, start: int, end: int, peer_start: int, peer_end: int) -> bool:
    between = text[end:peer_start] if end <= peer_start else text[peer_end:start]
    return not any(ch in CLAUSE_DELIMITERS for ch in between)


def _legal_names(text: str) -> list[Hit]:
    """Registered names (深圳华信智联通信科技有限公司): the gazetteer's organisation if it names one, else a new one
    (named by the short name it defines, if any), and that short name's mention."""
    lex = lexicon.load()
    hits = []
    for m in _patterns()["legal"].finditer(text):
        start = _legal_start(text, m.start(), m.end())
        name = text[start : m.end()]
        tail = next((t for t in grammar.load().legal_tails if name.endswith(t)), None)
        if tail is None or len(name) - len(tail) < 2:
            continue
        alias = next(_aliases_in(name), None)
        short = _patterns()["short_name"].match(text, m.end())
        if alias is not None:
            known = lex.alias_index[alias.group()]
            start += _clause_words_before(name, alias.start())
            hit = Hit(start, m.end(), known.label, known.name, text[start : m.end()])
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
    return _after_apposition(text, i, end - len(tail))


def _after_apposition(text: str, start: int, head_end: int) -> int:
    """出行平台星途出行科技有限公司, 大股东华信智联通信科技股份有限公司, 通信企业星联…: a common noun
    saying what the company is stands before its name, not in it. What remains must still read as a
    name: two characters or more, not opening with a company suffix (用友软件, 金山软件科技 stay whole)."""
    g = grammar.load()
    cut = start
    for word, _, pos in segment.tagged(text[start:head_end]):
        after = start + pos + len(word)
        rest = text[after:head_end]
        if (
            word.endswith(g.apposition_heads)
            and len(rest) >= 2
            and not rest.startswith(g.brand_suffixes)
            and not _group_before_place(text[cut:after], rest)
        ):
            cut = after
    return cut


def _group_before_place(head: str, rest: str) -> bool:
    """中科创集团|甘肃海荣网络有限公司, 星联控股|浙江…: a named group (no common word: not 投资集团) and a place
    after it open one registered name, the group's local company."""
    tail = next((t for t in grammar.load().company_tails if head.endswith(t)), None)
    words = segment.tagged(rest)
    return (
        tail is not None
        and len(head) > len(tail)
        and segment.frequency(head[: -len(tail)]) < grammar.load().rare_word_freq
        and bool(words)
        and is_place(words[0][0])
    )


def _aliases_in(name: str) -> Iterator[re.Match[str]]:
    return _patterns()["org"].finditer(name)


def _clause_words_before(name: str, at: int) -> int:
    """How much of ``name`` before a gazetteer name at ``at`` belongs to the clause, not the name:
    all of it (简勤同志任|中国联合网络通信集团有限公司, 近日|中国广播电视网络有限公司) unless only
    places stand there (北京|京东世纪贸易有限公司 is one registered name)."""
    head = segment.tagged(name[:at])
    return 0 if all(is_place(w) for w, _, _ in head) else at


def _yield_to_title(text: str, start: int, end: int, rec: OrgRecord) -> int:
    """易观分析师: the alias 易观分析 gives way to 易观 + 分析师 when a title runs past it."""
    lex = lexicon.load()
    for p in range(start + 1, end):
        t = title_pattern().match(text, p)
        if t and t.end() > end and lex.alias_index.get(text[start:p]) is rec:
            return p
    return end
