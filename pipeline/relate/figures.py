"""Figures: quantities in a sentence, with a normalised value (约20万个 → 200000, 56% → 0.56).

The vocabulary (qualifiers, measure words, what rules a number out) lives in
data/figures.yaml; this module only knows the shape of a quantity.
Reads: a sentence and its organisations. Provides: Figures with values and subjects.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from pipeline.language import grammar, lexicon, segment
from pipeline.language.datafiles import load_yaml
from pipeline.language.numbers import BIG_UNITS, DIGITS, NUMERAL_CHARS, SMALL_UNITS, parse_number
from pipeline.language.text import alternation, clause_start
from pipeline.recognise.context import ArticleContext, SentenceFacts
from pipeline.records import Figure, Hit, Statement

SUBJECT_DELIMITERS = "，,；;：:。"  # what ends the clause a figure's subject is looked for in
SLASH_MAX_DENOMINATOR = 100  # 1/8 is a share; 170/171 a pair of number ranges


@dataclass(frozen=True)
class _Vocab:
    pattern: re.Pattern[str]
    units: dict[str, str]
    unit_words: re.Pattern[str]  # the longest unit at a place
    counted: dict[str, str]
    counted_words: re.Pattern[str]
    scales: dict[str, float]
    not_after: re.Pattern[str]
    not_before: re.Pattern[str]
    vague: frozenset[str]
    vague_heads: frozenset[str]
    vague_before: tuple[str, ...]
    category_after: tuple[str, ...]
    organisation_units: frozenset[str]
    not_organisations: tuple[str, ...]
    precise_units: frozenset[str]
    share_words: re.Pattern[str]
    shares: dict[str, float]
    distributive: re.Pattern[str]
    group_after: tuple[str, ...]
    pronouns: tuple[str, ...]
    national: tuple[str, ...]
    place_before: tuple[str, ...]
    range_low: re.Pattern[str]
    range_not_after: tuple[str, ...]
    per: re.Pattern[str]
    observed_data: tuple[str, ...]
    band_endings: tuple[str, ...]
    point_unit: str
    point_before: tuple[str, ...]
    demonstratives: tuple[str, ...]
    share_bases: tuple[str, ...]
    share_verbs: tuple[str, ...]
    not_subject_after: tuple[str, ...]
    acquiring_verbs: tuple[str, ...]
    acted_on: re.Pattern[str]
    argument_parts: tuple[str, ...]
    argument_count: re.Pattern[str]
    company_words: tuple[str, ...]
    total_words: tuple[str, ...]
    data_unit: str
    one_words: tuple[str, ...]
    data_words: tuple[str, ...]
    generations: frozenset[str]


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    data = load_yaml("figures.yaml")
    multipliers = "".join(SMALL_UNITS) + "".join(BIG_UNITS)
    pattern = re.compile(
        rf"(?P<qual>{alternation(data['qualifiers'])})?"
        rf"(?:(?P<pct_word>百分之)(?P<pct_num>[{NUMERAL_CHARS}\d.]+)"
        rf"|(?P<frac_den>[{NUMERAL_CHARS}\d]+)分之(?P<frac_num>[{NUMERAL_CHARS}\d.]+)"
        rf"|(?<![\d/.])(?P<slash_num>\d+)/(?P<slash_den>\d+)(?![\d/])(?P<slash_more>{alternation(data['approx_suffixes'])})?"
        rf"|(?P<sign>(?<![\d%％.A-Za-z])[-－](?=\d))?(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|[{NUMERAL_CHARS}]+)"
        rf"(?P<approx>{alternation(data['approx_suffixes'])})?"
        rf"(?P<mult>(?<=\d) ?[{multipliers}]+|(?<=[多余几])[{multipliers}]+)?"
        rf"(?P<rest>(?<=\d万)\d{{1,4}}(?![\d.年月日号])|(?<=\d亿)\d{{1,4}}(?![\d.年月日号])万?)?"
        rf"(?P<approx2>{alternation(data['approx_suffixes'])})?"
        rf"(?P<mult2>(?<=\d[{multipliers}][多余几])[{''.join(BIG_UNITS)}]+)?)"
    )
    return _Vocab(
        pattern=pattern,
        units={**data["units"], data["data_unit"]: data["data_unit"]},
        unit_words=re.compile(alternation(data["units"])),
        counted=dict(data["counted_nouns"]),
        counted_words=re.compile(alternation(data["counted_nouns"])),
        scales=dict(data["scales"]),
        not_after=re.compile("(?:" + "|".join(data["not_after"]) + ")$"),
        not_before=re.compile(alternation(data["not_before"])),
        vague=frozenset(data["vague_numerals"]),
        vague_heads=frozenset(data["vague_heads"]),
        vague_before=tuple(data["vague_before"]),
        category_after=tuple(data["category_after"]),
        organisation_units=frozenset(data["organisation_units"]),
        not_organisations=tuple(data["not_organisations"]),
        precise_units=frozenset(data["precise_units"]),
        share_words=re.compile(rf"(?:{alternation(data['qualifiers'])})?(?:{alternation(data['share_words'])})"),
        shares=dict(data["share_words"]),
        distributive=re.compile(alternation(data["distributive_words"])),
        group_after=tuple(data["group_after"]),
        pronouns=tuple(data["pronouns"]),
        national=tuple(data["national_subjects"]),
        place_before=tuple(data["place_before"]),
        range_low=re.compile(
            rf"(?<![A-Za-z0-9.\-{NUMERAL_CHARS}])(?P<num>\d+(?:\.\d+)?|[{NUMERAL_CHARS}]+)(?P<mult>(?:(?<=\d)[{multipliers}]+)?)"
            rf"(?P<unit>{alternation(data['units'])})? ?(?:{alternation(data['range_connectors'])}) ?$"
        ),
        range_not_after=tuple(data["range_not_after"]),
        per=re.compile(alternation(data["per"])),
        observed_data=tuple(data["observed_data"]),
        band_endings=tuple(data["band_endings"]),
        point_unit=data["point_unit"],
        point_before=tuple(data["point_before"]),
        demonstratives=tuple(data["demonstratives"]),
        share_bases=tuple(data["share_bases"]),
        share_verbs=tuple(data["share_verbs"]),
        not_subject_after=tuple(data["debt_verbs"] + data["comparison_words"] + data["recipient_words"]),
        acquiring_verbs=tuple(data["acquiring_verbs"]),
        acted_on=re.compile(
            rf"(?:(?:{alternation(data['own_action_verbs'])})了?|(?:{alternation(data['action_targets'])})[^，,；;：:。]{{0,4}})$"
        ),
        argument_parts=tuple(data["argument_parts"]),
        argument_count=re.compile(
            rf"(?:{alternation(data['argument_parts'])})[^，,；;：:。]{{0,3}}(?:{alternation(data['argument_links'])})$"
        ),
        company_words=tuple(data["company_words"]),
        total_words=tuple(data["total_words"]),
        data_unit=data["data_unit"],
        one_words=tuple(data["one_words"]),
        data_words=tuple(data["data_words"]),
        generations=frozenset(data["generations"]),
    )


def _longest_prefix(text: str, pos: int, words: re.Pattern[str]) -> str | None:
    """The longest of the words of an alternation that starts at ``pos``."""
    m = words.match(text, pos)
    return m.group() or None if m else None


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


def _range_low(text: str, at: int, v: _Vocab) -> re.Match[str] | None:
    """The lower bound and connector that end right at ``at`` (10- in 10-20万户), if any; none for a
    change (从1万到2万)."""
    low = v.range_low.search(text, max(0, at - 16), at)
    return None if low is None or text.endswith(v.range_not_after, 0, low.start()) else low


def _lower_bound(low: re.Match[str] | None, mult: str | None, unit_word: str | None) -> float | None:
    """A range's lower bound, in the upper's unit: 10-20万户 → 100000 (it takes the upper's multiplier)."""
    if low is None or low.group("unit") not in (None, unit_word):
        return None
    return parse_number(low.group("num") + (low.group("mult") or mult or ""))


def _split_digits(numeral: str) -> tuple[str, str] | None:
    """两三 → (两, 三), 三四十 → (三十, 四十): two Chinese digits side by side give a range's bounds."""
    for i in range(len(numeral) - 1):
        if numeral[i] in DIGITS and numeral[i + 1] in DIGITS and "零" not in numeral[i : i + 2]:
            return numeral[: i + 1] + numeral[i + 2 :], numeral[:i] + numeral[i + 1 :]
    return None


def _slash_fraction(m: re.Match[str]) -> float | None:
    """1/10 → 0.1: a proper fraction written with a slash; 12/3 (a date, a score) and 170/171 (codes) are
    no share."""
    num, den = int(m.group("slash_num")), int(m.group("slash_den"))
    return float(f"{num / den:.12g}") if 0 < num < den <= SLASH_MAX_DENOMINATOR else None


def _one_ends_word(text: str, start: int) -> bool:
    """唯一一家, 万一一个: the numeral at ``start`` begins with the 一 of a word (唯一, 万一) and a second 一."""
    one = text.find("一一", start, start + 3)
    return one in (start, start + 1) and text.endswith(_vocab().one_words, 0, one + 1)


def _data_unit(text: str, end: int, numeral: str) -> str | None:
    """G of 1.9G流量: a data allowance, where the clause is about data and the number names no
    network generation (4G, 5G) nor a band (3.5G频段 has no data word)."""
    v = _vocab()
    if not text.startswith(v.data_unit, end) or numeral in v.generations:
        return None
    after = end + len(v.data_unit)
    if after < len(text) and text[after].isascii() and text[after].isalpha():
        return None  # 1GE, 10GPON: a name, not an amount
    clause = text[clause_start(text, end, SUBJECT_DELIMITERS) : _clause_end(text, end)]
    return v.data_unit if any(w in clause for w in v.data_words) else None


def _counts_points(text: str, start: int, end: int, v: _Vocab) -> bool:
    """三点原因, 这三点: 点 counting the points someone makes, not a clock time (下午三点)."""
    if not text.startswith(v.point_unit, end):
        return False
    return text.startswith(v.point_before, end + len(v.point_unit)) or text.endswith(v.demonstratives, 0, start)


def find_figures(text: str) -> list[Figure]:
    """Every reportable quantity in `text`, left to right (offsets into it, no subject yet)."""
    v = _vocab()
    hits: list[Figure] = []
    for m in v.pattern.finditer(text):
        start = m.start()
        if hits and start < hits[-1].end:
            continue  # 2个亿: the magnitude belongs to the figure before
        low = None if m.group("qual") or m.group("pct_word") else _range_low(text, start + bool(m.group("sign")), v)
        in_code = (
            not m.group("qual")
            and start > 0
            and re.match(r"[A-Za-z0-9._\-]", text[start - 1]) is not None
            and text[start].isdigit()
        )  # part of an id, a model name or a phone number, unless a range's upper bound
        end = m.end()
        points = _counts_points(text, start, end, v)
        if (in_code and not low) or (v.not_after.search(text, 0, low.start() if low else start) and not points):
            continue  # 第1-3批, 前3至5名: a run of ordinals
        if m.group("pct_word") or m.group("frac_den"):
            try:
                value = (
                    parse_number(m.group("pct_num")) / 100
                    if m.group("pct_word")
                    else parse_number(m.group("frac_num")) / parse_number(m.group("frac_den"))
                )
            except (ValueError, ZeroDivisionError):
                continue
            hits.append(Figure(text[start:end], float(f"{value:.12g}"), "%", None, start, end))
            continue
        if m.group("slash_den"):
            fraction = _slash_fraction(m)
            if fraction is not None:
                hits.append(Figure(text[start:end], fraction, None, None, start, end))
            continue
        if _one_ends_word(text, m.start("num")):
            continue  # 唯一一家, 万一一个
        numeral = m.group("num") + (m.group("mult") or "") + (m.group("rest") or "") + (m.group("mult2") or "")
        # 3千多万: 30000000; 4万9218户: 49218 (Taiwan's way of writing a count)
        if text.startswith(" ", end) and numeral[-1].isdigit() and _longest_prefix(text, end + 1, v.unit_words):
            end += 1  # 6.70 元: a number set off by a space keeps its unit
        unit_word = (
            v.point_unit if points else _longest_prefix(text, end, v.unit_words) or _data_unit(text, end, numeral)
        )
        ruled_out = None if points else _longest_prefix(text, end, v.not_before)
        if ruled_out and len(ruled_out) >= len(unit_word or ""):  # 5个月 is a period, 300分钟 a figure
            continue
        bounds = _split_digits(numeral)
        try:
            value, high = (
                (parse_number(bounds[0]), parse_number(bounds[1])) if bounds else (parse_number(numeral), None)
            )
        except ValueError:
            continue
        approx = m.group("approx") or m.group("approx2")
        if (numeral[0] in SMALL_UNITS or numeral[0] in BIG_UNITS) and text.endswith(v.vague_before, 0, start):
            continue  # 上千万, 数十家, 几百万 are loose
        if _is_magnitude(numeral) and not approx:  # 突破百亿, 千亿元 are figures; 万卡集群, 千元以下的手机 not
            if not (unit_word or _ends_phrase(text, end)) or text.startswith(
                v.category_after, end + len(unit_word or "")
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
            per = _longest_prefix(text, end + 1, v.per) if text.startswith("/", end) else None
            end += 1 + len(per) if per else 0  # 113.9户/百人: a rate keeps what it is per
        has_mult = bool(m.group("mult")) or any(c in BIG_UNITS for c in m.group("num"))
        noun = _longest_prefix(text, end, v.counted_words) if has_mult or unit else None
        if noun:
            unit = unit or v.counted[noun]
            end += len(noun)
        if unit is None and not has_mult:
            continue
        if unit is None:  # 用户达到40万: the counted noun came before the number
            before = text[max(0, start - 10) : start]
            unit = next((u for w, u in v.counted.items() if w in before), None)
        scale = v.scales.get(unit_word, 1) if unit_word else 1
        bound = _lower_bound(low, m.group("mult"), unit_word)
        if low and bound is not None and bound < value:
            value, high, start = bound, value, low.start()
            while hits and hits[-1].start >= start:
                hits.pop()  # 20元-30元: the lower bound found on its own
        elif in_code:
            continue
        value = float(f"{value * scale:.12g}")  # 2.3亿: 230000000
        value = -value if m.group("sign") and start == m.start() else value  # 同比-5%
        value_max = None if high is None else float(f"{high * scale:.12g}")
        hits.append(Figure(text[start:end], value, unit, None, start, end, value_max))
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
    found = [f for f in find_figures(sent.span.text) if not _names_band(f, ctx.article.text)]
    shared = _distributed(sent, found)
    return [
        replace(
            f,
            subject=shared[i] if i in shared else _subject(sent, f, ctx, topic, statements),
            start=base + f.start,
            end=base + f.end,
        )
        for i, f in enumerate(found)
    ]


def _names_band(f: Figure, article: str) -> bool:
    """700M in an article that writes 700MHz: the short form of a frequency band, no bandwidth."""
    return f.text.endswith("M") and any(f.text + e in article for e in _vocab().band_endings)


def _distributed(sent: SentenceFacts, found: list[Figure]) -> dict[int, str]:
    """中国移动、中国联通的用户分别为3亿户、1.5亿户: the figures after 分别 (up to the sentence's end) go to
    the organisations listed before it in turn, when there are as many of them as figures, or a multiple;
    the list is the one of its clause, or where its clause names none, the last of the sentence (甲、乙去年
    净增用户，分别为…)."""
    text = sent.span.text
    out: dict[int, str] = {}
    for m in _vocab().distributive.finditer(text):
        before = [o for o in sent.orgs if o.end <= m.start() and not _is_outlet(o.name)]
        start = clause_start(text, m.start(), SUBJECT_DELIMITERS)
        listed = _list_ending(text, before, start if any(o.start >= start for o in before) else 0)
        end = _clause_end(text, m.end(), "。；;")
        after = [i for i, f in enumerate(found) if m.end() <= f.start and f.end <= end and i not in out]
        if len(listed) > 1 and after and len(after) % len(listed) == 0:
            out.update({i: listed[k % len(listed)].name for k, i in enumerate(after)})
    return out


def _is_outlet(name: str) -> bool:
    """A news outlet, which reports others' figures: one the gazetteer types so, or a name it lacks that
    ends as an outlet's does (a dateline's 某某晨报, 【某某新闻】)."""
    lex = lexicon.load()
    return lex.is_media(name) or (lex.org(name) is None and name.endswith(grammar.load().outlet_endings))


def _word_after(org: Hit, orgs: list[Hit]) -> bool:
    """中国联通移动用户: an ambiguous short name (移动, 联通) right after another organisation is a word of
    what it says about that one (its mobile users), no organisation of its own."""
    return org.text in lexicon.load().weak_alias_index and any(o.end == org.start for o in orgs)


def _clause_end(text: str, pos: int, delimiters: str = SUBJECT_DELIMITERS) -> int:
    return min((i for i in (text.find(c, pos) for c in delimiters) if i >= 0), default=len(text))


def _list_ending(text: str, orgs: list[Hit], start: int) -> list[Hit]:
    """The organisations in a list (甲、乙和丙) whose last one is the last of ``orgs`` from ``start`` on."""
    seps = grammar.load().list_separators
    run: list[Hit] = []
    for o in reversed([o for o in orgs if o.start >= start]):
        if run and text[o.end : run[0].start] not in seps:
            break
        run.insert(0, o)
    return run


def next_topic(sent: SentenceFacts, topic: str | None) -> str | None:
    """The company later sentences' figures measure when they name none (上半年，中国联通实现…; 移动用户
    ARPU达到44.4元): the sentence's first organisation when it is such a company, else none; a sentence
    that names no organisation keeps the topic it was given; one that opens with a list (甲、乙等14家企业…)
    is about all of them, and later figures measure none."""
    named = [o for o in sent.orgs if not _is_outlet(o.name)]
    if not named:
        return topic
    if len(_list_ending(sent.span.text, named[:2], named[0].start)) > 1 or _observes(sent.span.text, named[0]):
        return None
    return named[0].name if _reports_own_figures(named[0]) else None


def counts_organisations(unit: str | None, after: str) -> bool:
    """14家 (虚商): a figure that counts organisations, not a quantity of one; `after` is the text that
    follows it (300家独立门店 are one company's stores)."""
    v = _vocab()
    return unit in v.organisation_units and not any(w in after[:4] for w in v.not_organisations)


def _antecedent(sent: SentenceFacts, ctx: ArticleContext, at: int, own: bool = False) -> str | None:
    """The organisation named last before offset ``at`` of the sentence, in it or the sentences before; with
    ``own``, the last company that reports its own figures (not an analyst, a regulator or an exchange)."""
    earlier = [s.orgs for s in ctx.sentences if s.span.start < sent.span.start]
    for orgs in [[o for o in sent.orgs if o.end <= at], *reversed(earlier)]:
        named = [o for o in orgs if not _is_outlet(o.name) and (not own or _reports_own_figures(o))]
        if named:
            return named[-1].name
    return None


def _about_the_trade(head: str) -> bool:
    """虚拟运营商已超过500万户: a clause about the trade measures no one company; in 行业占比 the trade is
    only the base of the company's share."""
    return _names_subject(head, grammar.load().generic_subjects)


def _names_subject(text: str, words: tuple[str, ...]) -> bool:
    """One of ``words`` in ``text`` as a word of its own (not in 跨行业业务, 及其他投资), other than as the
    base of a share (行业占比, 占全球的30%) or the place an act reaches (向全球发售1亿股, 实现全国500家门店:
    the act and its count are the acting organisation's)."""
    if not any(w in text for w in words):
        return False  # most clauses name none: no need to segment them
    v = _vocab()
    not_after = v.share_verbs + v.place_before
    return any(
        w in words and not text.startswith(v.share_bases, p + len(w)) and not text.endswith(not_after, 0, p)
        for w, _, p in segment.tagged(text)
    )


def _bases(text: str, orgs: list[Hit], share: bool) -> list[Hit]:
    """The organisations after a creditor's verb, a comparison word or the 向 of a recipient, with those
    listed after them (比乙和丙多2亿): what a figure is measured against or handed to, never what it
    measures; for a ``share``, not the seller a stake is bought from."""
    seps = grammar.load().list_separators
    out: list[Hit] = []
    for o in orgs:
        after_base = bool(out) and text[out[-1].end : o.start] in seps
        if after_base or (text.endswith(_vocab().not_subject_after, 0, o.start) and not (share and _sells(text, o))):
            out.append(o)
    return out


def _sells(text: str, o: Hit) -> bool:
    """向乙购买50%的资产: the counterparty after 向 that sells what the clause acquires."""
    return text.startswith(_vocab().acquiring_verbs, o.end)


def _opening_company(text: str, orgs: list[Hit]) -> str | None:
    """The company that opens the sentence, whose figures its later clauses go on reporting (中国移动新增
    用户500万户，联通新增300万户，…); where it owns the company named right after it (中国电信天翼云收入…),
    that one. Analysts and the media report others' figures."""
    companies = [o for o in orgs if _reports_own_figures(o)]
    if not companies:
        return None
    head = companies[0]
    for o in companies[1:]:
        if text[head.end : o.start] not in ("", "的"):
            break
        head = o
    return head.name


def _about_the_nation(sent: SentenceFacts, at: int) -> bool:
    """中国已建成300万个基站: the sentence before ``at`` names the nation or its provinces (outside the names
    of organisations, 中国日报 or 中国移动), whose totals measure no one company."""
    chars = list(sent.span.text[:at])
    for o in sent.orgs:
        chars[o.start : o.end] = " " * len(chars[o.start : o.end])
    return _names_subject("".join(chars), _vocab().national)


def _names_the_company(head: str) -> bool:
    """公司上半年营收…, 我们预计公司明年…: 公司 as a word of its own (not 子公司) standing for the company the
    text is about, as the clause's subject or what is forecast, not the object of a preposition (在对接公司上)."""
    if not any(w in head for w in _vocab().company_words):
        return False  # most clauses say no 公司: no need to segment them
    for word, tag, _ in segment.tagged(head):
        if word in _vocab().company_words:
            return True
        if tag == "p":
            return False
    return False


def _totals_several(clause: str, before: list[Hit]) -> bool:
    """甲有4万户、乙有3万户，共有7万户: a clause that opens with a total after two or more organisations
    sums what they have, no one company's."""
    return clause.startswith(_vocab().total_words) and len({o.name for o in before}) > 1


def _speakers_company(pos: int, ctx: ArticleContext, statements: list[Statement]) -> str | None:
    """The company of the named speaker whose statement holds ``pos`` (its executive's 公司)."""
    for st in statements:
        if st.start <= pos < st.end and st.speaker:
            return ctx.employer(st.speaker, "COMPANY")
    return None


def _counts_argument(text: str, f: Figure, start: int) -> bool:
    """三点原因, 三个时代, 前提有三个: the parts of an argument, no quantity of whoever argues."""
    v = _vocab()
    return text.startswith(v.argument_parts, f.end) or v.argument_count.search(text, start, f.start) is not None


def _after_counted_organisations(head: str) -> bool:
    """已有7家转售企业用户突破百万: after a count of organisations in its clause, a figure is theirs
    together, no one company's."""
    if not any(u in head for u in _vocab().organisation_units):
        return False  # most heads count none: no need to look for figures in them
    return any(counts_organisations(g.unit, head[g.end :]) for g in find_figures(head))


def _acted_on(head: str) -> bool:
    """工信部约谈了3家企业, 向两批共19家企业发放: a count of organisations right after an own action's verb or
    the 向/对 of its target, which the organisation of the clause acts on: its own count, whatever its kind."""
    return _vocab().acted_on.search(head) is not None


def _observes(text: str, org: Hit) -> bool:
    """某安全公司发布的监测数据显示，…: an organisation that introduces data it observed (monitoring,
    analysis, a survey), whose figures are the world's, not its own (its 财报显示 and 数据显示 are its own)."""
    after = text[org.end : _clause_end(text, org.end)]
    return any(w in after for w in _vocab().observed_data)


def _reports_own_figures(org: Hit) -> bool:
    """A company whose own quantities an article reports: not a regulator, an analyst firm or the media."""
    rec = lexicon.load().org(org.name)
    return org.label == "COMPANY" and not (rec and rec.type in ("consultancy", "research", "media"))


def _subject(
    sent: SentenceFacts, f: Figure, ctx: ArticleContext, topic: str | None, statements: list[Statement]
) -> str | None:
    """The organisation in the figure's clause before it; none when organisations listed together share
    the figure (中国移动和中国联通共建10万个基站; 小米、迪信通等18家企业), for a count of organisations
    (unless a company counts its own, or the organisation acts on them: 工信部约谈了3家企业), what
    follows one in its clause (已有7家企业用户过百万) or a group one belongs to (三家运营商中第一家), or a
    clause about the industry; the organisation 其 or 该公司 points back at; for 公司, the speaking executive's
    company or the last company named that reports its own figures; the company that opens the sentence (none
    when only other organisations or the nation do); none for what an unnamed source says, the company an executive
    works for; else the topic the sentences before set."""
    text = sent.span.text
    start = clause_start(text, f.start, SUBJECT_DELIMITERS)
    v = _vocab()
    named = [o for o in sent.orgs if o.end <= f.start and not _is_outlet(o.name) and not _word_after(o, sent.orgs)]
    candidates = [o for o in named if not _observes(text, o)]
    bases = _bases(text, candidates, f.unit == "%")
    in_clause = [o for o in candidates if o.start >= start and o not in bases]
    if _counts_argument(text, f, start) or _after_counted_organisations(text[start : f.start]):
        return None
    counted = counts_organisations(f.unit, text[f.end :])
    if counted and any(w in text[f.end : _clause_end(text, f.end)] for w in v.group_after):
        return None
    if in_clause:
        acting = _reports_own_figures(in_clause[-1]) or _acted_on(text[start : f.start])
        if len(_list_ending(text, in_clause, start)) > 1 or (counted and not acting):
            return None
        return in_clause[-1].name
    if len(candidates) < len(named):
        return None  # 某安全公司监测数据显示，…: what a source observed is no quantity of its own
    head = text[start : f.start]
    if counted or _about_the_trade(head):
        return None
    named_back = next((head.index(w) for w in grammar.load().org_demonstratives if w in head), None)
    if named_back is not None:  # 该公司欠债8000万: the organisation named before, whoever says it
        return _antecedent(sent, ctx, start + named_back)
    if _names_the_company(head):  # 公司上半年营收…: the speaker's company, else the company named last
        speakers = _speakers_company(sent.span.start + f.start, ctx, statements)
        return speakers or _antecedent(sent, ctx, f.start, own=True)
    if any(p in head for p in v.pronouns):  # 其用户已达3亿户: whose the text said last (其中, 尤其 are no 其)
        at = next((p for w, t, p in segment.tagged(head) if w in v.pronouns and t == "r"), None)
        if at is not None:
            return _antecedent(sent, ctx, start + at)
    if _totals_several(text[start:], [o for o in candidates if o not in bases]):
        return None
    opening = _opening_company(text, [o for o in candidates if o not in bases])
    if opening:
        return opening
    if candidates or _about_the_nation(sent, f.start):
        return None  # 工信部《通知》提出，基站达到40万个: the sentence is another organisation's, or the nation's
    pos = sent.span.start + f.start
    for st in statements:
        if not (st.start <= pos < st.end):
            continue
        if st.speaker is None and st.speaker_org is None:
            return None  # 某虚商老板说，一个月赚不到两块钱: an unnamed source speaks for no company
        own = ctx.employer(st.speaker, "COMPANY") if st.speaker else None
        if own:
            return own
    return topic
