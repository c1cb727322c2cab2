"""Source: who speaks in the clause before a cue.

A person, a short form (王总), a document (工信部通知指出), a pronoun's referent,
an anonymous source or a group of organisations' executives, a name jieba
confirms, or an organisation. A name found only here is returned with the
speaker (Found), for the caller to add to the sentence's people.
Reads: the clause before a cue and the sentence's facts. Provides: the Speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from pipeline.language import grammar, lexicon, segment
from pipeline.language.text import alternation, nesting, quotation_at
from pipeline.recognise.common import CJK
from pipeline.recognise.names import name_at
from pipeline.recognise.titles import title_pattern, title_within
from pipeline.records import Hit, Said, Speaker
from pipeline.relate.speech.content import COUNT, MIN_CONTENT

Floor = tuple[Speaker, str]  # who speaks next, and the cue (a label's colon as written, or X表示：'s verb)


@dataclass(frozen=True)
class SentenceContext:
    """What attribution reads of one sentence: its hits, and who the sentence before left speaking."""

    text: str
    orgs: list[Hit]
    persons: tuple[Hit, ...]
    anons: list[Hit]
    last_speaker: Speaker | None = None  # who 他/她 refers to: the latest person or source
    interviewee: Speaker | None = None  # who answers 答： in a transcript
    references: dict[str, str] = field(default_factory=dict)  # 王总 → 王帅
    names: list[Hit] = field(default_factory=list)  # organisation and title spans, opaque to object markers
    floor: Floor | None = None  # who a label or a cue ending the line before gave the floor to
    interviewers: frozenset[str] = frozenset()  # labels whose turns are questions (transcript.interviewers)
    last_org: str | None = None  # the organisation named last before the sentence: who 该公司 means


Found = tuple[Speaker | None, Hit | None]  # the speaker, and the person's name when it was found here only


@lru_cache(maxsize=1)
def patterns() -> dict[str, re.Pattern[str]]:
    g = grammar.load()
    accounts = alternation(g.account_openers)
    return {
        "reported": re.compile(
            rf"\s*(?:(?:{alternation(g.report_leads)})[，,]?)?(?:据|(?=(?:{accounts})[^，,。“”]{{2,30}}?(?:{alternation(g.account_nouns)})[，,])(?:{accounts}))"
            rf"([^，,。“”]{{2,30}}?(?:{alternation(g.report_nouns)}))[，,]"
        ),
        "media_report": re.compile(rf"\s*([^，,。“”]{{2,24}}?)(?:{alternation(g.media_report_verbs)})[，,]"),
        "likened": re.compile(
            rf"\s*(?:{alternation(g.likening_openers)})([^，,。“”]{{2,30}}?)所?"
            rf"({alternation(lexicon.load().speech_verbs_by_length)}|言)的?[，,]"
        ),
        "answer": re.compile(
            rf"(?:(?:{alternation(g.inquiry_verbs)})了?(?P<asked>[^，,。“”]{{2,30}}?)(?:进行)?(?:{alternation(g.inquiry_verbs)})?"
            rf"|向(?P<asked_to>[^，,。“”]{{2,30}}?)(?:{alternation(g.inquiry_verbs)}))[，,]"
            rf"(?:{alternation(g.received_answers)})(?:[^，,。：:“”]{{0,6}}?(?:[：:]|是|为))?"
        ),
        "nominal": re.compile(rf"“([^“”]{{{MIN_CONTENT},80}})”的({alternation(g.nominal_cues)})"),
        "nominal_topic": re.compile(
            rf"(?:{alternation(g.nominal_topic_markers)})([^，,。；;“”]{{{MIN_CONTENT},60}}?)的({alternation(g.nominal_cues)})"
        ),
        "honorific": re.compile(rf"[{CJK}]{{1,2}}(?:{alternation(g.honorifics)})"),
        "document": re.compile(rf"(?:该|这份|此)?(?:《[^》]{{1,40}}》|{alternation(g.document_nouns)})"),
        "unnamed": re.compile(
            rf"\s*(?:{alternation(g.time_openers + g.adverbial_openers)}|但|不过|而|也|还|另|亦|则|曾)*"
            rf"有({alternation(g.unnamed_sources)})\s*"
        ),
        "named_document": re.compile(rf"[{CJK}]{{1,8}}?(?:{alternation(g.document_nouns)})"),
        "meeting": re.compile(rf"(?:该|此次|这次|本次)?[^，,。“”]{{0,12}}?(?:{alternation(g.meeting_nouns)})"),
    }


def latest_reference(ctx: SentenceContext, said: list[Said]) -> Speaker | None:
    """Who a 他/她 in the next sentence means: this sentence's last speaker, else its subject.

    阿里通信总经理何承志并不同意倪雪的判断。他说…: the subject (the first person
    not in an object position), not the nearest name.
    """
    if said:
        return said[-1].speaker
    subjects = [h for h in ctx.persons if not _is_object(ctx, h.start, 0, persons_only=True)]
    return Speaker(subjects[0].name, None, None) if subjects else ctx.last_speaker


def subject(ctx: SentenceContext, starts: list[int], cue: int) -> tuple[Found, int]:
    """The speaker in the clause before the cue, walking back over clauses that cannot hold one.

    并认为 / 在发布会上表示 / 张伟，小米移动总经理，表示 / 石海，用自嘲的方式宣布: continuations,
    adverbials, appositions and clauses of manner stand between a speaker and the verb.
    """
    g = grammar.load()
    passable = g.continuation_words + g.adverbial_openers
    clause_list = [s for s in starts if s <= cue]
    for back, start in enumerate(reversed(clause_list)):
        end = cue if back == 0 else clause_list[len(clause_list) - back] - 1
        found = speaker_in(ctx, start, end)
        if found[0] is not None:
            return found, start
        region = ctx.text[start:end].strip()
        if back >= 3 or (region and not (region.startswith(passable) or _ends_with_title(region) or _manner(region))):
            break
    return (None, None), 0


_HANDLE = re.compile(r"“([^“”，,。：:！!？?\s]{1,10})”")


def _handle_after(text: str, pos: int, end: int) -> tuple[int, int] | None:
    """网友“山中客”, 用户“阿杰”: a quoted handle right after the source's head, before the cue, is the
    name of the person who speaks (a pseudonym is a person)."""
    m = _HANDLE.match(text, pos)
    return m.span(1) if m and m.end() <= end else None


def _familiar_name(region: str) -> str | None:
    """老张 / 小李 / 阿王 ending the subject, alone or after the 的 of what describes them (在运营商
    工作的老张): a familiar prefix and a surname, not a word of that shape (老师, 小时)."""
    lex = lexicon.load()
    name = region[-2:]
    if len(name) < 2 or name[0] not in grammar.load().familiar_prefixes or name[1] not in lex.surnames:
        return None
    described = len(region) == 2 or region[-3] == "的"
    return name if described and name not in lex.not_names else None


def _manner(region: str) -> bool:
    """用自嘲的方式 / 以调侃的口吻 / 通过一组数据: a clause of manner, its first word a manner opener
    (not 以后, 用户)."""
    words = segment.cut(region)
    return bool(words) and words[0][0] in grammar.load().manner_openers


def _ends_with_title(region: str) -> bool:
    return any(region.endswith(t) for t in lexicon.load().titles_by_length)


def speaker_in(ctx: SentenceContext, start: int, end: int) -> Found:
    """Who speaks in text[start:end]: a person, a short form, a document, a pronoun's
    referent, an anonymous source or group, a name jieba confirms, an organisation, an official of one
    the text does not name, or a public body the gazetteer lacks."""
    text = ctx.text
    quotes, parens = nesting(text)
    inside = lambda h: start <= h.start and h.end <= end and quotes[h.start] == 0 and parens[h.start] == 0
    persons = [h for h in ctx.persons if inside(h) and not _is_object(ctx, h.start, start, persons_only=True)]
    if persons:
        return Speaker(persons[0].name, None, None), None
    q = quotation_at(text, start)
    if q is not None and q[1] <= end:  # “……”刘芳认为: the speaker follows the quotation
        start = q[1]
    region = text[start:end]
    lead = next((w for w in grammar.load().subject_lead_words if region.startswith(w)), "")
    head = start + len(lead)
    for form, name in ctx.references.items():
        if text.startswith(form, head):
            return Speaker(name, None, None), None
    by_surname = _by_surname(ctx, text[head:end].strip())
    if by_surname:  # 奚表示: a titled person's surname alone
        return Speaker(by_surname, None, None), None
    unnamed = patterns()["unnamed"].fullmatch(text, start, end)
    if unnamed:  # 有消息称, 也有分析认为: the source is 消息 / 分析
        return Speaker(None, unnamed.group(1), None), None
    document = _document_at(text, head, end)
    if document:  # 《通知》指出: the document speaks for whoever issued it
        return Speaker(None, document, None), None
    anaphor = _org_anaphor(ctx, head, end)
    if anaphor:  # 该公司表示 / 公司称: the organisation named last speaks
        return Speaker(None, anaphor, anaphor), None
    labelling = _labelling_org(ctx, start, end)
    if labelling:  # 某证券：标题【日期】 我们预计…: the organisation labelling the line
        return Speaker(None, labelling, None), None  # its report, not its acts: as an analyst speaks
    source = _phrase_source(ctx, head, end)
    if source:  # 国务院常务会议提出 / 政府工作报告提出: a meeting, or a document no organisation opens
        return Speaker(None, source, None), None
    if text.startswith(tuple(grammar.load().pronouns), head) and not text.startswith("们", head + 1):
        earlier = [h for h in ctx.persons if h.end <= head]
        return (Speaker(earlier[-1].name, None, None) if earlier else ctx.last_speaker), None
    anons = [h for h in ctx.anons if inside(h) and not _is_object(ctx, h.start, start) and not _in_org(ctx, h)]
    orgs = [h for h in ctx.orgs if inside(h) and not _is_object(ctx, h.start, start)]
    if anons:
        a = anons[0]
        handle = _handle_after(text, a.end, end)
        if handle is not None:  # 网友“山中客”发帖称: the handle names the person
            name = text[handle[0] : handle[1]]
            return Speaker(name, None, None), Hit(handle[0], handle[1], "PERSON", name, name)
        last = ctx.last_speaker
        referred = text.endswith(grammar.load().source_anaphora, 0, a.start)
        if referred and last and last.desc and last.desc.endswith(a.name):
            return last, None  # 该负责人透露: the source quoted before
        group = [o for o in orgs if o.end <= a.start]
        if group and _listed(text, group, a.start):
            return Speaker(None, text[group[0].start : a.end], None, tuple(dict.fromkeys(o.name for o in group))), None
        within = [o.name for o in ctx.orgs if a.start <= o.start and o.end <= a.end]
        if within:  # 不愿具名的中国联通集团人士: one organisation's people
            return Speaker(None, a.name, None, (within[0],)), None
        return Speaker(None, a.name, None), None
    honorific = patterns()["honorific"].match(text, head, end)
    if honorific:  # 刘先生, 王女士: a source the text does not name
        return Speaker(None, honorific.group(), None), None
    familiar = _familiar_name(text[head:end].rstrip())
    if familiar:  # 在运营商工作的老张直言: a person the text names only familiarly
        at = text.rindex(familiar, head, end)
        return Speaker(familiar, None, None), Hit(at, at + len(familiar), "PERSON", familiar, familiar)
    n = name_at(text, head)
    if n and _is_person_name(text, head, n, end):
        name = text[head : head + n]
        return Speaker(name, None, None), Hit(head, head + n, "PERSON", name, name)
    titled = [o for o in orgs if _heads_title(text, o, end)]
    orgs = [o for o in orgs if o not in titled]
    if orgs:
        o = _head_org(text, orgs)
        joint, desc_end = _joint(ctx, o, end)
        if joint:  # 中国移动、中国联通联合宣布: one statement, the group speaking
            return Speaker(None, text[o.start : desc_end], None, tuple(h.name for h in joint)), None
        return Speaker(None, o.text + _own_document(text, o.end, end), o.name), None
    if titled:  # 工信部发言人表示 / 蜗牛移动总经理在会上透露: an official the text does not name
        title = title_pattern().search(text, titled[0].end, end)
        return Speaker(None, text[titled[0].start : title.end()] if title else titled[0].text, titled[0].name), None
    body = _public_body(text[head:end].strip())
    return (Speaker(None, body, None) if body else None), None


def _org_anaphor(ctx: SentenceContext, head: int, end: int) -> str | None:
    """该公司 / 公司 / 该集团 as the subject (an adverbial may follow: 该公司还透露): the organisation
    named last before it, in the sentence or the ones before (not a medium, which reports rather than speaks)."""
    region = ctx.text[head:end].strip()
    word = next((w for w in _org_anaphors() if region.startswith(w)), None)
    if word is None or not _adverbial_rest(region[len(word) :]):
        return None
    lex = lexicon.load()
    before = [o.name for o in ctx.orgs if o.end <= head and not lex.is_media(o.name)]
    return before[-1] if before else ctx.last_org


def _labelling_org(ctx: SentenceContext, start: int, end: int) -> str | None:
    """我们 as the whole subject, set off from what comes before it (…【2021-03-02】 我们预计), in a line an
    organisation labels with a colon (某证券：… / 推荐——某证券：…): the organisation writes as 我们."""
    text = ctx.text
    region = text[start:end].rstrip()
    word = next((w for w in grammar.load().writer_pronouns if region.endswith(w)), None)
    if word is None:
        return None
    before = region[: -len(word)]
    if before and not (before[-1].isspace() or before[-1] in _SET_OFF):
        return None
    lex = lexicon.load()
    labels = [
        o.name for o in ctx.orgs if o.end < start and text[o.end : o.end + 1] in "：:" and not lex.is_media(o.name)
    ]
    return labels[-1] if labels else None


_SET_OFF = "】)）]"


@lru_cache(maxsize=1)
def _org_anaphors() -> tuple[str, ...]:
    g = grammar.load()
    return tuple(sorted(set(g.org_anaphora + g.org_demonstratives), key=len, reverse=True))


def _adverbial_rest(rest: str) -> bool:
    """该公司|还 / 公司|日前也 / 公司|方面 / 公司|8月4日、8月17日均在公告中: what follows the subject before the cue
    is adverbs, dates, a frame of place or occasion or the organisation's side, not a head noun of its own
    (公司员工) nor a clause (公司届时将根据…规定)."""
    g = grammar.load()
    if rest in g.org_side_words:
        return True
    frame = _frame().search(rest)
    parts = (rest[: frame.start()], rest[frame.end() :]) if frame else (rest,)
    return all(tag in g.adverb_tags for part in parts for _, tag, _ in segment.tagged(_DATES.sub("", part)))


_DATES = re.compile(r"(?:\d{1,4}年)?\d{1,2}月\d{1,2}日(?:[、和及](?:\d{1,4}年)?\d{1,2}月\d{1,2}日)+")  # a list of dates


@lru_cache(maxsize=1)
def _frame() -> re.Pattern[str]:
    """在公告中 / 于官网上 / 在回复投资者时: a frame of place or occasion (grammar frame_prepositions)."""
    g = grammar.load()
    return re.compile(
        rf"(?:{alternation(g.frame_prepositions)})[^，,。“”]{{1,20}}(?:{alternation(g.frame_postpositions)})"
    )


_QUOTED = re.compile(r"“[^“”]*”|《[^《》]*》")


def _own_document(text: str, start: int, end: int) -> str:
    """工信部|通知指出 / 工信部|在通知中要求 / 工信部|发布“关于…”通知指出: the document an organisation
    speaks through, not one it speaks of (中国联通|对该方案作出评价，并表示)."""
    region = text[start:end]
    doc = next((d for d in grammar.load().document_nouns if d in region), "")
    before = _QUOTED.sub("", region[: region.find(doc)]) if doc else ""  # 发布“关于…”通知: a title's words aside
    markers = grammar.load().spoken_of_markers
    return "" if any(word in markers for word, _, _ in segment.cut(before)) else doc


def _in_org(ctx: SentenceContext, h: Hit) -> bool:
    """消费者 in 宁波市消费者权益保护委员会: a source's head inside an organisation's name is none."""
    return any(o.start <= h.start and h.end <= o.end for o in ctx.orgs)


def _public_body(region: str) -> str | None:
    """厦门市反诈骗中心 / 宁波市消费者权益保护委员会 as the whole subject: a place, then a body's name."""
    g = grammar.load()
    if not region.endswith(tuple(g.body_heads)) or len(region) > 20 or not re.fullmatch(f"[{CJK}]+", region):
        return None
    first = segment.tagged(region)
    return region if first and first[0][1] == "ns" and len(first[0][0]) < len(region) - 1 else None


def _head_org(text: str, orgs: list[Hit]) -> Hit:
    """联想集团旗下的虚拟运营商联想懂的通信披露: an organisation that owns the next one named only
    modifies it; the last of such a chain speaks."""
    head = orgs[0]
    for o in orgs[1:]:
        if text[head.end : o.start].startswith(grammar.load().subsidiary_linkers):
            head = o
    return head


def _by_surname(ctx: SentenceContext, region: str) -> str | None:
    """The one person introduced with a title whose surname is the whole subject (奚表示, for 奚国华)."""
    if region not in lexicon.load().surnames:
        return None
    people = {name for name in ctx.references.values() if name.startswith(region) and len(name) > len(region)}
    return people.pop() if len(people) == 1 else None


def _document_at(text: str, pos: int, end: int) -> str | None:
    """《通知》, 该通知, 报告: a document as the subject of the clause."""
    m = patterns()["document"].match(text, pos, end)
    return m.group() if m else None


def _phrase_source(ctx: SentenceContext, head: int, end: int) -> str | None:
    """A meeting (国务院常务会议, 会议) or a document named by its modifiers (政府工作报告, 政策) that is
    the whole subject before the cue, but for a short adverbial (日前明确)."""
    text = ctx.text
    for kind in ("meeting", "named_document"):
        m = patterns()[kind].match(text, head, end)
        if m is None or len(text[m.end() : end].strip()) > 4:
            continue
        if kind == "named_document" and any(head <= o.start < m.end() for o in ctx.orgs):
            continue  # 中国联通公告: the organisation speaks through its document
        return m.group()
    return None


def _heads_title(text: str, org: Hit, end: int) -> bool:
    """小米移动总经理: an organisation that opens a title speaks through its holder, not itself."""
    return title_within(text, org.end, min(end, org.end + 12))


def _is_object(ctx: SentenceContext, pos: int, clause_start: int, persons_only: bool = False) -> bool:
    """Who was spoken to, with or about, not who spoke: 对通信生活报表示, 针对王磊的说法.

    The marker must be a word of its own, outside names and titles (与会虚商高管,
    政策与经济研究所高级工程师倪雪 and 工业和信息化局局长赵强 are the ones speaking); 在 marks an object only for
    organisations and sources (在赵明看来 is 赵明 speaking); a marker in a relative clause ending right
    before the source (接受采访的业内人士, 与王帅同行的张三) describes who speaks.
    """
    chars = list(ctx.text[clause_start:pos])
    for h in ctx.names:
        for i in range(max(h.start, clause_start), min(h.end, pos)):
            chars[i - clause_start] = "X"
    before = _names_with_he_masked("".join(chars))
    if before.startswith("据") or before.endswith("的"):
        return False
    g = grammar.load()
    markers = g.person_object_markers if persons_only else g.object_markers
    return any(word in markers and not re.search("[，,。]", before[start:]) for word, start, _ in segment.cut(before))


def _names_with_he_masked(text: str) -> str:
    """工业和信息化局党组书记: the 和 of a body's name blanked, as the names of known organisations are."""
    for part in grammar.load().names_with_he:
        text = text.replace(part, "X" * len(part))
    return text


@lru_cache(maxsize=1)
def _joint_tail() -> re.Pattern[str]:
    """等多家虚商 / 等企业, then 联合, 均, 也…: what may follow the last of organisations speaking together."""
    g = grammar.load()
    group = rf"等(?:{COUNT}+|多|数)?家?(?:{alternation(g.group_heads)})?"
    return re.compile(rf"\s*({group})?(?:{alternation(g.joint_speech_words + g.continuation_words)})*\s*")


def _joint(ctx: SentenceContext, first: Hit, end: int) -> tuple[list[Hit], int]:
    """中国移动、中国联通联合宣布 / 小米移动、蜗牛移动等多家虚商也表示: organisations listed from
    `first` up to the cue, with at most a group word and words of joint action after the last; and
    where the group's description ends."""
    g = grammar.load()
    group = [first]
    for o in sorted(ctx.orgs, key=lambda h: h.start):
        if o.start >= group[-1].end and o.end <= end and ctx.text[group[-1].end : o.start] in g.list_separators:
            group.append(o)
    tail = _joint_tail().fullmatch(ctx.text, group[-1].end, end)
    if len(group) < 2 or tail is None:
        return [], 0
    return group, tail.end(1) if tail.group(1) else group[-1].end


def _listed(text: str, group: list[Hit], head_start: int) -> bool:
    """迪信通、分享通信、乐语、蜗牛移动高层: organisations joined by 、 right before the source head."""
    gaps = [text[a.end : b.start] for a, b in zip(group, group[1:])]
    last_gap = text[group[-1].end : head_start]
    return all(g in "、和及与" for g in gaps) and (
        last_gap in ("", "的", "等", "等公司") or (len(group) == 1 and last_gap in grammar.load().source_quantifiers)
    )


def _is_person_name(text: str, start: int, n: int, end: int) -> bool:
    """A surname-led word right before the cue that jieba also reads as a person's name."""
    name = text[start : start + n]
    if name in lexicon.load().not_names:
        return False
    tags = segment.tagged(text[start:end])
    return bool(tags) and tags[0][1] in ("nr", "nrfg") and len(tags[0][0]) >= 2 and name.startswith(tags[0][0])
