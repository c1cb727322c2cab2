"""Speech attribution: who said what, in one sentence.

A cue is a speech verb on word boundaries, outside quotations and asides.
What was said is the quotation or the rest of the sentence after the cue; who
said it is looked for in the clause before the cue (then in the clauses before
that, for 并认为): a person, an anonymous source, a group of organisations'
executives, or an organisation speaking through a document (工信部通知指出).
A quotation that opens the sentence (“……”王帅说) belongs to the same speaker.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from . import grammar, lexicon, segment
from .recognise import CJK, Hit, name_at, title_within
from .text import CLAUSE_DELIMITERS, OPEN_QUOTES, clause_starts, nesting, quotation_at, strip_span

CONTENT_TRIM = "，,：:；;。！？!? \t"
MIN_CONTENT = 4


@dataclass(frozen=True)
class Speaker:
    person: str | None
    desc: str | None
    org: str | None  # the organisation that speaks, when no person does
    group: tuple[str, ...] = ()  # organisations whose executives speak together


@dataclass(frozen=True)
class Said:
    speaker: Speaker
    cue: str
    start: int  # span of what was said, in the sentence
    end: int
    cue_start: int


@dataclass
class SentenceContext:
    text: str
    orgs: list[Hit]
    persons: list[Hit]
    anons: list[Hit]
    last_speaker: Speaker | None = None  # who 他/她 refers to: the latest person or source
    interviewee: Speaker | None = None  # who answers 答： in a transcript
    references: dict[str, str] = field(default_factory=dict)  # 王总 → 王帅
    names: list[Hit] = field(default_factory=list)  # organisation and title spans, opaque to object markers


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    g = grammar.load()
    alternation = lambda words: "|".join(map(re.escape, words))  # noqa: E731
    return {
        "cue": re.compile(alternation(lexicon.load().speech_verbs_by_length)),
        "transcript": re.compile(rf"(.{{0,6}}?)({alternation(g.question_markers + g.answer_markers)})[：:]"),
        "honorific": re.compile(rf"[{CJK}]{{1,2}}(?:{alternation(g.honorifics)})"),
        "addressee": re.compile(rf"[^，,。：:“]{{0,10}}?(?:{alternation(g.addressees)})[，,：:]"),
        "document": re.compile(rf"(?:该|这份|此)?(?:《[^》]{{1,40}}》|{alternation(g.document_nouns)})"),
    }


def _cues(text: str, quotes: tuple[int, ...], parens: tuple[int, ...], persons: list[Hit]) -> list[tuple[int, int, str]]:
    """Speech verbs on word boundaries, outside quotations and asides, not used as nouns (透露的, 的表态).

    jieba may glue a name's last character or a particle to the verb (张晓明说 →
    张晓/明说, 专访时称 → 时称), so a verb right after either counts as starting a word.
    Returns (start, end, lexicon verb); the span may run on past the verb (解释说).
    """
    bounds = segment.boundaries(text)
    not_after = tuple(grammar.load().not_after_cue)
    not_before = tuple(grammar.load().not_before_cue)
    name_ends = {p.end for p in persons}
    glue = grammar.load().cue_glue_chars
    out = []
    for m in _patterns()["cue"].finditer(text):
        pos, end = m.span()
        starts_word = (pos in bounds or pos in name_ends or (pos > 0 and text[pos - 1] in glue)
                       or any(name_at(text, pos - k) == k for k in (2, 3) if pos >= k))
        ends_word = end in bounds or end == len(text) or text[end] in CLAUSE_DELIMITERS
        if (quotes[pos] == 0 and parens[pos] == 0 and starts_word and ends_word
                and not text.startswith(not_after, end) and not text.endswith(not_before, 0, pos)):
            if text.startswith(grammar.load().cue_tails, end):  # 解释说, 介绍道: one cue
                end += 1
            out.append((pos, end, m.group()))
    return out


def attribute(ctx: SentenceContext) -> list[Said]:
    """Every statement in the sentence, in order."""
    text = ctx.text
    qa = _patterns()["transcript"].match(text)
    if qa:
        return _transcript(ctx, qa)
    quotes, parens = nesting(text)
    starts = clause_starts(text, quotes)
    out: list[Said] = []
    covered = -1
    cues = _cues(text, quotes, parens, ctx.persons)
    for i, (c0, c1, verb) in enumerate(cues):
        if c0 < covered or _followed_by_cue(text, c1, cues[i + 1:]):
            continue
        info = lexicon.load().speech_verbs[verb]
        verb = text[c0:c1]  # with its tail: 解释说
        speaker, subject_start = _subject(ctx, starts, c0)
        if speaker is None:
            continue
        s, e = _content(text, c1)
        lead = _leading_quote(text, subject_start, c0)
        if e - s < MIN_CONTENT:  # “……”，在座谈会上，孙立平说。: the sentence's opening quotation
            lead = lead or _leading_quote(text, 0, c0)
            if lead is None or not info.post:
                continue
            s, e = lead
            lead = None
        if not info.strong and speaker.org and not _opens_content(text, c1):
            continue
        if lead is not None:
            out.append(Said(speaker, verb, *lead, c0))
        out.append(Said(speaker, verb, s, e, c0))
        covered = e
    return out


def _followed_by_cue(text: str, end: int, later: list[tuple[int, int, str]]) -> bool:
    """在回复邮件中表示: a verb running on into a later cue of its clause is not the cue."""
    if end >= len(text) or text[end] in CLAUSE_DELIMITERS or text[end] in OPEN_QUOTES:
        return False
    clause_end = next((i for i in range(end, len(text)) if text[i] in CLAUSE_DELIMITERS), len(text))
    return any(c0 < clause_end for c0, _, _ in later)


def _transcript(ctx: SentenceContext, m: re.Match[str]) -> list[Said]:
    """问：… says nothing attributable; 答：… is the interviewee's (named, or the one introduced)."""
    if m.group(2) not in grammar.load().answer_markers:
        return []
    named = _speaker_in(ctx, m.start(1), m.end(1)) if m.group(1) else None
    speaker = named or ctx.interviewee or (ctx.last_speaker if ctx.last_speaker and ctx.last_speaker.person else None)
    if speaker is None:
        return []
    ctx.interviewee = speaker
    s, e = strip_span(ctx.text, m.end(), len(ctx.text), CONTENT_TRIM)
    return [Said(speaker, m.group(2), s, e, m.start(2))] if e - s >= MIN_CONTENT else []


def latest_reference(ctx: SentenceContext, said: list[Said]) -> Speaker | None:
    """Who a 他/她 in the next sentence means: this sentence's last speaker, else its subject.

    阿里通信总经理何承志并不同意倪雪的判断。他说…: the subject (the first person
    not in an object position), not the nearest name.
    """
    if said:
        return said[-1].speaker
    subjects = [h for h in ctx.persons if not _is_object(ctx, h.start, 0, persons_only=True)]
    return Speaker(subjects[0].name, None, None) if subjects else ctx.last_speaker


def _opens_content(text: str, pos: int) -> bool:
    """An organisation's weak cue (数据预计…) attributes only when a clause or a quotation follows."""
    return pos < len(text) and text[pos] in "，,：:" + OPEN_QUOTES


def _content(text: str, pos: int) -> tuple[int, int]:
    """What was said after the cue: a closing quotation, or the rest of the sentence,
    without an addressee (告诉现代快报记者，……)."""
    s, _ = strip_span(text, pos, len(text), "，,：: ")
    addressee = _patterns()["addressee"].match(text, s)
    if addressee:
        s, _ = strip_span(text, addressee.end(), len(text), "，,：: ")
    q = quotation_at(text, s)
    if q is not None and text[q[1]:].strip(CONTENT_TRIM) == "":
        return strip_span(text, q[0] + 1, q[1] - 1, CONTENT_TRIM)
    return strip_span(text, s, len(text), CONTENT_TRIM)


def _leading_quote(text: str, clause_start: int, cue: int) -> tuple[int, int] | None:
    """The quotation that opens the speaker's clause: “……”王帅说 / “……。”邹学勇认为."""
    q = quotation_at(text, clause_start)
    if q is None or q[1] >= cue or text[:clause_start].strip(CONTENT_TRIM):
        return None
    s, e = strip_span(text, q[0] + 1, q[1] - 1, CONTENT_TRIM)
    return (s, e) if e - s >= MIN_CONTENT else None


def _subject(ctx: SentenceContext, starts: list[int], cue: int) -> tuple[Speaker | None, int]:
    """The speaker in the clause before the cue, walking back over clauses that cannot hold one.

    并认为 / 在发布会上表示 / 张伟，小米移动总经理，表示: continuations, adverbials and
    appositions stand between a speaker and the verb.
    """
    g = grammar.load()
    passable = g.continuation_words + g.adverbial_openers
    clause_list = [s for s in starts if s <= cue]
    for back, start in enumerate(reversed(clause_list)):
        end = cue if back == 0 else clause_list[len(clause_list) - back] - 1
        speaker = _speaker_in(ctx, start, end)
        if speaker is not None:
            return speaker, start
        region = ctx.text[start:end].strip()
        if back >= 3 or region and not (region.startswith(passable) or _ends_with_title(region)):
            break
    return None, 0


def _ends_with_title(region: str) -> bool:
    return any(region.endswith(t) for t in lexicon.load().titles_by_length)


def _speaker_in(ctx: SentenceContext, start: int, end: int) -> Speaker | None:
    """Who speaks in text[start:end]: a person, a short form, a document, a pronoun's
    referent, an anonymous source or group, a name jieba confirms, or an organisation."""
    text = ctx.text
    quotes, parens = nesting(text)
    inside = lambda h: start <= h.start and h.end <= end and quotes[h.start] == 0 and parens[h.start] == 0  # noqa: E731
    persons = [h for h in ctx.persons if inside(h) and not _is_object(ctx, h.start, start, persons_only=True)]
    if persons:
        return Speaker(persons[0].name, None, None)
    q = quotation_at(text, start)
    if q is not None and q[1] <= end:  # “……”刘芳认为: the speaker follows the quotation
        start = q[1]
    region = text[start:end]
    lead = next((w for w in grammar.load().subject_lead_words if region.startswith(w)), "")
    head = start + len(lead)
    for form, name in ctx.references.items():
        if text.startswith(form, head):
            return Speaker(name, None, None)
    document = _document_at(text, head, end)
    if document:  # 《通知》指出: the document speaks for whoever issued it
        return Speaker(None, document, None)
    if text.startswith(tuple(grammar.load().pronouns), head) and not text.startswith("们", head + 1):
        earlier = [h for h in ctx.persons if h.end <= head]
        return Speaker(earlier[-1].name, None, None) if earlier else ctx.last_speaker
    anons = [h for h in ctx.anons if inside(h) and not _is_object(ctx, h.start, start)]
    orgs = [h for h in ctx.orgs if inside(h) and not _is_object(ctx, h.start, start)]
    if anons:
        a = anons[0]
        group = [o for o in orgs if o.end <= a.start]
        if group and _listed(text, group, a.start):
            return Speaker(None, text[group[0].start:a.end], None, tuple(dict.fromkeys(o.name for o in group)))
        return Speaker(None, a.name, None)
    honorific = _patterns()["honorific"].match(text, head, end)
    if honorific:  # 刘先生, 王女士: a source the text does not name
        return Speaker(None, honorific.group(), None)
    n = name_at(text, head)
    if n and _is_person_name(text, head, n, end):
        name = text[head:head + n]
        ctx.persons.append(Hit(head, head + n, "PERSON", name, name))
        return Speaker(name, None, None)
    orgs = [o for o in orgs if not _heads_title(text, o, end)]
    if orgs:
        o = orgs[0]
        doc = next((d for d in grammar.load().document_nouns if d in text[o.end:end]), "")
        return Speaker(None, o.text + doc, o.name)
    return None


def _document_at(text: str, pos: int, end: int) -> str | None:
    """《通知》, 该通知, 报告: a document as the subject of the clause."""
    m = _patterns()["document"].match(text, pos, end)
    return m.group() if m else None


def _heads_title(text: str, org: Hit, end: int) -> bool:
    """小米移动总经理: an organisation that opens a title speaks through its holder, not itself."""
    return title_within(text, org.end, min(end, org.end + 12))


def _is_object(ctx: SentenceContext, pos: int, clause_start: int, persons_only: bool = False) -> bool:
    """Who was spoken to, with or about, not who spoke: 对通信生活报表示, 针对王磊的说法.

    The marker must be a word of its own, outside names and titles (与会虚商高管 and
    政策与经济研究所高级工程师倪雪 are the ones speaking); 在 marks an object only for
    organisations and sources (在赵明看来 is 赵明 speaking).
    """
    chars = list(ctx.text[clause_start:pos])
    for h in ctx.names:
        for i in range(max(h.start, clause_start), min(h.end, pos)):
            chars[i - clause_start] = "X"
    before = "".join(chars)
    if before.startswith("据"):
        return False
    g = grammar.load()
    markers = g.person_object_markers if persons_only else g.object_markers
    for word, start, _ in segment.words(before):
        if word in markers and not re.search("[，,。]", before[start:]):
            return True
    return False


def _listed(text: str, group: list[Hit], head_start: int) -> bool:
    """迪信通、分享通信、乐语、蜗牛移动高层: organisations joined by 、 right before the source head."""
    gaps = [text[a.end:b.start] for a, b in zip(group, group[1:])]
    return all(g in "、和及与" for g in gaps) and text[group[-1].end:head_start] in ("", "的", "等", "等公司")


def _is_person_name(text: str, start: int, n: int, end: int) -> bool:
    """A surname-led word right before the cue that jieba also reads as a person's name."""
    name = text[start:start + n]
    if name in lexicon.load().not_names:
        return False
    tags = segment.tagged(text[start:end])
    return bool(tags) and tags[0][1] == "nr" and len(tags[0][0]) >= 2 and name.startswith(tags[0][0])
