"""Who said what in one sentence: cues, their content and their source put together.

A quotation that opens the sentence (“……”王帅说) belongs to the same speaker;
in a transcript, 答：… is the interviewee's.
Reads: a sentence's cues, content and sources. Provides: its statements.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from pipeline.language import grammar, lexicon, segment
from pipeline.language.text import (
    CLAUSE_DELIMITERS,
    alternation,
    clause_start,
    clause_starts,
    nesting,
    quotation_at,
    strip_span,
)
from pipeline.recognise.common import CJK
from pipeline.records import Hit, Said, Speaker
from pipeline.relate.speech.content import (
    CONTENT_TRIM,
    MIN_CONTENT,
    confirms_before,
    content,
    leading_quote,
    names_topic,
    opens_content,
    preceding,
)
from pipeline.relate.speech.cues import cues, followed_by_cue
from pipeline.relate.speech.source import Floor, SentenceContext, patterns, speaker_in, subject


@dataclass(frozen=True)
class Attribution:
    said: list[Said]  # in order
    persons: tuple[Hit, ...]  # the sentence's people, with the names found only as a speaker, last
    interviewee: Speaker | None  # who answers 答： from here on
    floor: Floor | None = None  # a label or a cue ending its line (张三：, X表示：): the next sentence's speaker


@lru_cache(maxsize=1)
def _transcript_pattern() -> re.Pattern[str]:
    g = grammar.load()
    return re.compile(rf"(.{{0,6}}?)({alternation(g.question_markers + g.answer_markers)})[：:]")


_DATELINE = re.compile(
    r"(?!\s*据)[^，,。“”：:]{0,16}?\d{1,2}月\d{1,2}日(?:晚间|早间)?(?:电|讯|消息)\s*(?:[（(][^（()）]{0,30}[）)])?\s*"
)


def dateline_end(text: str) -> int:
    """Where a wire dateline and its byline end (新华社北京3月5日电(记者 张三)…): the outlet is no speaker.
    据X报3月5日消息，… is no dateline but a report, its outlet the source."""
    m = _DATELINE.match(text)
    return m.end() if m else 0


def attribute(ctx: SentenceContext) -> Attribution:
    """Every statement in the sentence, in order."""
    text = ctx.text
    qa = _transcript_pattern().match(text)
    if qa:
        return _transcript(ctx, qa)
    labelled = _labelled_answer(ctx) or _titled_label(ctx)
    if labelled is not None:
        return labelled
    quotes, _ = nesting(text)
    opening = dateline_end(text)
    starts = sorted({max(s, opening) for s in clause_starts(text, quotes)})
    out: list[Said] = []
    floor: Floor | None = None
    covered = -1
    found_cues = cues(text, ctx.persons)
    for i, (c0, c1, verb) in enumerate(found_cues):
        if c0 < covered:
            split = _new_voice(ctx, quotes, out[-1], c0, c1)
            if split is None:
                continue
            out[-1] = replace(out[-1], end=split)
        if followed_by_cue(text, found_cues[i], found_cues[i + 1 :]):
            continue
        info = lexicon.load().speech_verbs[verb]
        verb = text[c0:c1]  # with its tail: 解释说
        (speaker, named), subject_start = subject(ctx, starts, c0)
        if named is not None:
            ctx = replace(ctx, persons=ctx.persons + (named,))
        if speaker is None or _negated(text, c0) or _conditional(text, c0, quotes):
            continue
        if not info.strong and _borrowed_group(speaker, text, subject_start, c0):
            continue
        if _conceded_crowd(speaker, text, c0):
            continue
        confirmed = confirms_before(text, c1)  # “……”X证实了传言: only the quotation before was said
        s, e = (c1, c1) if confirmed else content(text, c1)
        if text.startswith(grammar.load().refusals, s) or _ceremony(text, s):  # 不予置评, 宣布开幕: nothing said
            continue
        if _opens_with_cue(text, s, found_cues[i + 1 :], info.strong):  # 给予高度评价，称…: the later cue's
            continue
        lead = leading_quote(text, subject_start, c0)
        if e - s < MIN_CONTENT and text[c1:].strip() in ("：", ":"):  # X表示：⏎“……”: the next sentence
            floor = (speaker, verb)
            continue
        if e - s < MIN_CONTENT:  # “……”，在座谈会上，孙立平说。: the sentence's opening quotation
            lead = (
                lead
                or leading_quote(text, 0, c0)
                or (None if out or confirmed else preceding(text, opening, subject_start))
            )
            if lead is None or not info.post:
                continue
            s, e = lead
            lead = None
        if not info.strong and speaker.org and not opens_content(text, c1):
            continue
        if lead is None and names_topic(text, c1, verb):
            continue
        out.append(Said(speaker, verb, s, e, lead))  # “……”X说，……: one statement, one cue
        covered = e
    if not out:
        out = _given_floor(ctx) or _reported(ctx, opening) or _answer_received(ctx)
    out = sorted(out + _nominal(ctx, quotes, out) + _topical(ctx, quotes, out), key=lambda x: x.start)
    return Attribution(out, ctx.persons, ctx.interviewee, floor)


def _new_voice(ctx: SentenceContext, quotes: tuple[int, ...], last: Said, cue: int, cue_end: int) -> int | None:
    """中国移动强调发展4G，首席执行官李跃指出，…: a later clause of the last statement's content that names
    a person of its own before a cue is that speaker's statement, and the last one ends before it (where
    it ends then; None when the clause opens the content, as reported speech nested in it, or is quoted)."""
    text = ctx.text
    start = clause_start(text, cue)
    if start <= last.start or quotes[start] != 0 or last.lead is not None:
        return None
    s, e = strip_span(text, last.start, start, CONTENT_TRIM)
    if e - s < MIN_CONTENT:
        return None
    speaker, _ = speaker_in(ctx, start, cue)
    return e if speaker is not None and speaker != last.speaker and opens_content(text, cue_end) else None


def _opens_with_cue(text: str, pos: int, later: list[tuple[int, int, str]], strong: bool) -> bool:
    """对X给予高度评价，并表示…: content opening with another cue (after a conjunction or adverb at
    most) is that cue's, the first verb only the act that frames it; but what a reported act of saying
    (`strong`) opens with a weak verb (中国联通表示，预计…; 宣布预计…) is its own: the estimate is what it said."""
    verbs = lexicon.load().speech_verbs
    nxt = next((c0 for c0, _, v in later if c0 >= pos and (verbs[v].strong or not strong)), None)
    if nxt is None or nxt - pos > 4:
        return False
    return all(w[1][:1] in ("c", "d") for w in segment.tagged(text[pos:nxt]))


def _borrowed_group(speaker: Speaker, text: str, subject_start: int, cue: int) -> bool:
    """用户占全国的1.4%，预计明年将翻番: a weak verb opening its clause is the journalist's forecast,
    not that of an unnamed group an earlier clause is about."""
    unnamed = speaker.person is None and speaker.org is None and not speaker.group
    return unnamed and subject_start < clause_start(text, cue) and not text[clause_start(text, cue) : cue].strip()


def _conceded_crowd(speaker: Speaker, text: str, cue: int) -> bool:
    """尽管许多人看好…，但…: an unnamed crowd's view the writer concedes is no one's statement."""
    if speaker.person or speaker.org:
        return False
    words = segment.cut(text[clause_start(text, cue) : cue])
    return bool(words) and words[0][0] in grammar.load().concessive_openers


def _negated(text: str, cue: int) -> bool:
    """未回应, 不愿透露, 并未就此表态: a negator in the words right before the cue (not 未来)."""
    head = text[max(clause_start(text, cue), cue - 8) : cue]
    return any(word in grammar.load().cue_negators for word, _, _ in segment.cut(head))


def _conditional(text: str, cue: int, quotes: tuple[int, ...]) -> bool:
    """用户提出申请后，…/ 如用户要求退订，…: a cue in a rule's condition reports nobody's speech
    (如 as a word of its own: not 如今)."""
    g = grammar.load()
    start = clause_start(text, cue)
    end = next((i for i in range(cue, len(text)) if text[i] in CLAUSE_DELIMITERS and quotes[i] == 0), len(text))
    clause = text[start:end].strip()
    words = segment.cut(clause)
    return (bool(words) and words[0][0] in g.conditional_openers) or clause.endswith(g.conditional_ends)


def _ceremony(text: str, pos: int) -> bool:
    """大会宣布开幕: the object is the event itself, not what was said."""
    return re.split(r"[，,。；;]", text[pos:], maxsplit=1)[0].strip() in grammar.load().ceremony_words


def _reported(ctx: SentenceContext, pos: int) -> list[Said]:
    """据工业和信息化部网站消息，……/ 按照X的说法，……: the report is the source, when no one
    inside it speaks (据中新网报道，…辛国斌表示 is 辛国斌's); an organisation it names is its issuer;
    a person or anonymous source whose account it is (按照王磊的说法, 根据知情人士提供的消息) speaks."""
    text = ctx.text
    m = patterns()["reported"].match(text, pos)
    if m is None:
        return _media_report(ctx, pos) or _likened(ctx, pos)
    s, e = strip_span(text, m.end(), len(text), CONTENT_TRIM)
    lex = lexicon.load()
    issuer = next((o.name for o in ctx.orgs if m.start(1) <= o.start < m.end(1) and not lex.is_media(o.name)), None)
    speaker = _account_holder(ctx, m.start(1), m.end(1)) or Speaker(None, m.group(1), issuer)
    return [Said(speaker, "据", s, e)] if e - s >= MIN_CONTENT else []


def _answer_received(ctx: SentenceContext) -> list[Said]:
    """记者联系了中国联通客服，得到的回复是…… / 采访了多位专家，得到的回答无一例外：……: the party the
    inquiry verb names as its object gives the answer (looked for only where an answer is received)."""
    text = ctx.text
    if not any(w in text for w in grammar.load().received_answers):
        return []
    m = patterns()["answer"].search(text)
    if m is None:
        return []
    asked = "asked" if m.group("asked") else "asked_to"
    speaker, _ = speaker_in(ctx, m.start(asked), m.end(asked))
    s, e = strip_span(text, m.end(), len(text), CONTENT_TRIM)
    if speaker is None or e - s < MIN_CONTENT or text.startswith(grammar.load().refusals, s):
        return []
    return [Said(speaker, "回复", s, e)]


def _account_holder(ctx: SentenceContext, start: int, end: int) -> Speaker | None:
    """The person or anonymous source a report is the account of (王磊的说法, 知情人士向…提供的消息);
    a journalist's report (记者张三报道) is the outlet's, not the journalist's."""
    if any(w in ctx.text[start:end] for w in grammar.load().reporter_markers):
        return None
    person = next((p for p in ctx.persons if start <= p.start and p.end <= end), None)
    if person is not None:
        return Speaker(person.name, None, None)
    anon = next((a for a in ctx.anons if start <= a.start and a.end <= end), None)
    return Speaker(None, anon.name, None) if anon is not None else None


def _media_report(ctx: SentenceContext, pos: int) -> list[Said]:
    """新华社报道，…… / 中国之声《新闻纵横》报道，……: an outlet (with its programme) reporting is the
    source of what follows; a journalist's report (记者张三报道) is no such opening."""
    text = ctx.text
    m = patterns()["media_report"].match(text, pos)
    if m is None:
        return []
    outlet = next((o for o in ctx.orgs if o.start == m.start(1) and lexicon.load().is_media(o.name)), None)
    rest = text[outlet.end : m.end(1)].strip() if outlet else ""
    if outlet is None or (rest and not re.fullmatch(r"《[^》]{1,20}》", rest)):
        return []
    s, e = strip_span(text, m.end(), len(text), CONTENT_TRIM)
    return [Said(Speaker(None, m.group(1), None), text[m.end(1) : m.end() - 1], s, e)] if e - s >= MIN_CONTENT else []


def _likened(ctx: SentenceContext, pos: int) -> list[Said]:
    """正如电信专家付亮所分析的，……/ 诚如业内人士所言，……: the source likened to speaks what follows."""
    text = ctx.text
    m = patterns()["likened"].match(text, pos)
    if m is None:
        return []
    speaker, _ = speaker_in(ctx, m.start(1), m.end(1))
    s, e = strip_span(text, m.end(), len(text), CONTENT_TRIM)
    return [Said(speaker, m.group(2), s, e)] if speaker is not None and e - s >= MIN_CONTENT else []


def _nominal(ctx: SentenceContext, quotes: tuple[int, ...], said: list[Said]) -> list[Said]:
    """媒体“……”的报道 / 研究院此前“……”的预测: a quotation its holder's noun attributes, the holder
    being what stands right before it (an organisation, a person or a group such as 媒体)."""
    text = ctx.text
    out = []
    for m in patterns()["nominal"].finditer(text):
        q0 = m.start()
        if (q0 > 0 and quotes[q0 - 1] != 0) or any(x.start <= q0 < x.end for x in said):
            continue
        before = text[:q0].rstrip()
        for w in grammar.load().time_openers + grammar.load().adverbial_openers + ("今天", "此前"):
            if before.endswith(w):
                before = before[: -len(w)].rstrip()
                break
        holder = _holder(ctx, before)
        if holder is not None:
            out.append(Said(holder, m.group(2), m.start(1), m.end(1)))
    return out


def _topical(ctx: SentenceContext, quotes: tuple[int, ...], said: list[Said]) -> list[Said]:
    """外界关于中国联通将出售业务的猜测 / 业界传出关于…的声音: what the noun attributes to the source
    before 关于, not in the journalist's framing (针对外界关于…的传闻，…)."""
    text = ctx.text
    out = []
    for m in patterns()["nominal_topic"].finditer(text):
        if quotes[m.start()] != 0 or any(x.start <= m.start() < x.end for x in said):
            continue
        start = clause_start(text, m.start())
        if text[start:].lstrip().startswith(grammar.load().framing_openers):
            continue
        speaker, _ = speaker_in(ctx, start, m.start())
        group = next((w for w in grammar.load().reporting_groups if w in text[start : m.start()]), None)
        speaker = speaker or (Speaker(None, group, None) if group else None)
        if speaker is not None:
            out.append(Said(speaker, m.group(2), m.start(1), m.end(1)))
    return out


def _holder(ctx: SentenceContext, before: str) -> Speaker | None:
    end = len(before)
    for o in ctx.orgs:
        if o.end == end and not lexicon.load().is_media(o.name):
            return Speaker(None, o.text, o.name)
    for p in ctx.persons:
        if p.end == end:
            return Speaker(p.name, None, None)
    group = next((w for w in grammar.load().reporting_groups if before.endswith(w)), None)
    return Speaker(None, group, None) if group else None


_LABEL = re.compile(rf"\s*([{CJK}]{{2,4}})([：:])")


def _labelled_answer(ctx: SentenceContext) -> Attribution | None:
    """苗圩：移动通信转售业务试点是…: in a transcript a person's name and a colon open the answer."""
    m = _LABEL.match(ctx.text)
    if m is None:
        return None
    speaker, person = speaker_in(ctx, m.start(1), m.end(1))
    if speaker is None or speaker.person != m.group(1):
        return None
    s, e = strip_span(ctx.text, m.end(), len(ctx.text), CONTENT_TRIM)
    persons = (*ctx.persons, person) if person is not None else ctx.persons
    if speaker.person in ctx.interviewers:  # 记者名：…？ asks; even its echoes and remarks state nothing
        return Attribution([], persons, ctx.interviewee)
    if s == e:  # 张三：⏎…: the answer is the next sentence
        return Attribution([], persons, speaker, (speaker, m.group(2)))
    if e - s < MIN_CONTENT:
        return None
    return Attribution([Said(speaker, m.group(2), s, e)], persons, speaker)


_TITLED_LABEL = re.compile(r"\s*([^，,。；;：:“”「」\s]{3,24}?)([：:])\s*(?=[“「])")


def _titled_label(ctx: SentenceContext) -> Attribution | None:
    """中国移动董事长王建：“……”: a speaker named with title and organisation, then a colon and a
    quotation, labels it as a caption does; the label must end on the name, so a clause about the
    person (王建信心满满：“……”) is no label."""
    m = _TITLED_LABEL.match(ctx.text)
    if m is None:
        return None
    named = [h for h in ctx.persons if h.end == m.end(1) and m.start(1) <= h.start]
    if not named:
        return None
    q = quotation_at(ctx.text, m.end()) or (m.end(), len(ctx.text) + 1)
    s, e = strip_span(ctx.text, q[0] + 1, q[1] - 1, CONTENT_TRIM)
    if e - s < MIN_CONTENT:
        return None
    return Attribution([Said(Speaker(named[0].name, None, None), m.group(2), s, e)], ctx.persons, ctx.interviewee)


def _given_floor(ctx: SentenceContext) -> list[Said]:
    """The sentence after a label alone on its line (张三：) or a cue ending it (X表示：) is what
    that speaker said."""
    if ctx.floor is None:
        return []
    s, e = strip_span(ctx.text, 0, len(ctx.text), CONTENT_TRIM)
    return [Said(ctx.floor[0], ctx.floor[1], s, e)] if e - s >= MIN_CONTENT else []


def _transcript(ctx: SentenceContext, m: re.Match[str]) -> Attribution:
    """问：… says nothing attributable; 答：… is the interviewee's (named, or the one introduced)."""
    if m.group(2) not in grammar.load().answer_markers:
        return Attribution([], ctx.persons, ctx.interviewee)
    named, person = speaker_in(ctx, m.start(1), m.end(1)) if m.group(1) else (None, None)
    persons = ctx.persons + (person,) if person is not None else ctx.persons
    speaker = named or ctx.interviewee or (ctx.last_speaker if ctx.last_speaker and ctx.last_speaker.person else None)
    if speaker is None:
        return Attribution([], persons, ctx.interviewee)
    s, e = strip_span(ctx.text, m.end(), len(ctx.text), CONTENT_TRIM)
    return Attribution([Said(speaker, m.group(2), s, e)] if e - s >= MIN_CONTENT else [], persons, speaker)
