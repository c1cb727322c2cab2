"""The speech stage of an article: each sentence's statements, what they are about, and
the quotations that open a sentence of their own attached to their speaker.
Reads: SentenceFacts and the Discourse so far. Provides: Statements with their about, and the next Discourse.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from pipeline.language import grammar, lexicon, segment
from pipeline.language.text import CLAUSE_DELIMITERS, nesting
from pipeline.recognise.common import in_compound, modifies_next
from pipeline.recognise.context import ArticleContext, SentenceFacts, persons_in
from pipeline.records import Hit, Said, Speaker, Statement
from pipeline.relate.speech.attribute import Attribution, attribute
from pipeline.relate.speech.content import elided_subject, issuers_measure, issuing_act
from pipeline.relate.speech.learned import recover
from pipeline.relate.speech.source import Floor, SentenceContext, latest_reference
from pipeline.relate.speech.transcript import interviewers


@dataclass(frozen=True)
class Discourse:
    """What one sentence leaves the next: the people named so far, who 他/她 means, who answers 答：
    and who a label or a cue ending its line gave the floor to."""

    known_persons: tuple[str, ...]  # in the order first named
    last_speaker: Speaker | None = None
    interviewee: Speaker | None = None
    floor: Floor | None = None  # 张三： or X表示： ending its line: the next sentence is theirs
    last_org: str | None = None  # the organisation named last: who 该公司 / 公司 opening a statement means


@dataclass(frozen=True)
class SentenceSpeech:
    statements: list[Statement]
    persons: tuple[Hit, ...]  # the sentence's people, those found as speakers included
    discourse: Discourse  # for the next sentence


def sentence_statements(sent: SentenceFacts, ctx: ArticleContext, discourse: Discourse) -> SentenceSpeech:
    """The statements of one sentence, given what the sentences before it left (`discourse`)."""
    view = SentenceContext(
        sent.span.text,
        sent.orgs,
        tuple(persons_in(sent, discourse.known_persons)),
        sent.anons,
        discourse.last_speaker,
        discourse.interviewee,
        ctx.references,
        sent.orgs + [c.title for c in sent.chains if c.title is not None],
        discourse.floor,
        interviewers(ctx.article.text),
        discourse.last_org,
    )
    found = attribute(view)
    view = replace(view, persons=found.persons)
    found = replace(found, said=recover(view, found.said))  # the cues the rules passed over, weighed again
    after = Discourse(
        tuple(dict.fromkeys(discourse.known_persons + tuple(p.name for p in found.persons))),
        latest_reference(view, found.said),
        _heading_answerer(sent, ctx, found, discourse) or found.interviewee,
        found.floor,
        _last_org(sent) or discourse.last_org,
    )
    return SentenceSpeech([_statement(sent, s, ctx) for s in found.said], found.persons, after)


def _last_org(sent: SentenceFacts) -> str | None:
    """The organisation the sentence names last, media aside (they report, not act)."""
    lex = lexicon.load()
    named = [o.name for o in sent.orgs if not lex.is_media(o.name)]
    return named[-1] if named else None


_HEADING_MAX = 16  # characters: a section heading is a short line


def _heading_answerer(
    sent: SentenceFacts, ctx: ArticleContext, found: Attribution, before: Discourse
) -> Speaker | None:
    """“三问”电信 / 联通篇: a short heading line naming one organisation opens a section of a Q&A whose
    unnamed answers (答：…) are that organisation's; a person who spoke or answered last keeps them."""
    text = sent.span.text.strip()
    person = any(s and s.person for s in (found.interviewee, before.last_speaker))
    if found.said or person or not text or len(text) > _HEADING_MAX or text.endswith(tuple(CLAUSE_DELIMITERS)):
        return None
    lex = lexicon.load()
    named = [o.name for o in sent.orgs if not lex.is_media(o.name)] + _bare_names(ctx, text)
    names = list(dict.fromkeys(named))
    return Speaker(None, names[0], names[0]) if len(names) == 1 else None


def _statement(sent: SentenceFacts, said: Said, ctx: ArticleContext) -> Statement:
    text = sent.span.text
    start = said.lead[0] if said.lead else said.start  # the text runs from the quotation, cue and all
    st = Statement(
        said.speaker.person,
        said.speaker.desc,
        said.cue,
        text[start : said.end],
        [],
        sent.span.start + start,
        sent.span.start + said.end,
        text,
        said.speaker.org,
    )
    group = said.speaker.group or _operators(ctx, said.speaker.desc or "")  # 三大运营商均表示
    own = said.speaker.org or (group[0] if len(group) == 1 else None)  # 工信部相关负责人: one organisation's
    parts = [p for p in (said.lead, (said.start, said.end)) if p]  # what was said, not who said it
    left_out = _left_out(said.speaker)
    watched = _watched(sent, start, ctx, said.speaker)
    st.about = list(
        dict.fromkeys(o for s, e in parts for o in about(sent, s, e, st.speaker, ctx, own, left_out, watched))
    )
    st.about += [name for name in group if len(group) > 1 and name not in st.about]
    return st


def _left_out(speaker: Speaker) -> Callable[[str], bool]:
    """How the content says its speaker's organisation is the subject it leaves out: a channel's or
    plan's only by an act done, a notice's by an act or a measure none is named to carry out."""
    if _through_channel(speaker):
        return issuing_act
    return issuers_measure if _through_notice(speaker) else elided_subject


def about(
    sent: SentenceFacts,
    start: int,
    end: int,
    speaker: str | None,
    ctx: ArticleContext,
    own: str | None = None,
    left_out: Callable[[str], bool] = elided_subject,
    watched: list[str] | None = None,
) -> list[str]:
    """Organisations the statement text[start:end] names, and the speaker's own organisation (the one
    speaking, or a person's employer) where the content refers to it: by 该公司/我们/我部, by 其
    opening an organisation's statement (其用户已突破…), by a short form, or as the subject it
    leaves out (中国联通称，正研究…; not an analyst's firm), as `left_out` reads that: a document's
    issuer only for an act done (已约谈…, not a plan's 将…), nobody in the sentences speech runs on into (their bare 要…
    are often the audience's). A unit's 我们 is its parent when the content names the parent
    (工信部通信发展司's 我们, next to 工信部). `watched`, said by a supervisor: the company it oversees
    (see _watched), which its 该公司 / 公司 mean."""
    lex = lexicon.load()
    inside = [o for o in sent.orgs if start <= o.start and o.end <= end and not lex.is_media(o.name)]
    text = _masked(sent.span.text, start, end, sent.orgs)
    names = [o.name for o in inside] + list(_operators(ctx, text)) + _bare_names(ctx, text)
    names += _parties(sent, start, ctx) if any(w in text for w in grammar.load().pair_words) else []
    employer = ctx.employer(speaker) if speaker and not own else None
    g = grammar.load()
    own_words = g.own_company_words + g.org_demonstratives
    if watched is not None:
        names += [w for w in watched if w not in names and _own_word_in(text, g.supervised_words)]
        own_words = tuple(w for w in own_words if w not in g.supervised_words)
    own = own or employer or (_antecedent(sent, start, ctx, text) if watched is None else None)
    if (
        own
        and own not in names
        and not lex.is_media(own)
        and not _unit_of(own, inside)
        and (
            _own_word_in(text, own_words)
            or (left_out(text) and not _observes(employer))
            or _short_form_in(own, text)
            or (speaker is None and text.lstrip().startswith(grammar.load().speaker_anaphora))
        )
    ):
        names.append(own)
    parent = _parent_named(own, text) if own else None
    if parent:
        names.append(parent)
    return list(dict.fromkeys(names))


def _parent_named(own: str, text: str) -> str | None:
    """A branch's people calling their group by its bare name (浙江联通's 联通今年将…): the parent
    (中国联通), where the name stands for a company (not 移动互联网, 移动业务)."""
    lex = lexicon.load()
    for i in range(2, len(own) - 1):
        short = next((own[i:k] for k in range(len(own), i, -1) if own[i:k] in lex.weak_alias_index), None)
        if short is not None and segment.dictionary_tag(own[:i]) == "ns" and _bare_name_in(short, text):
            return lex.weak_alias_index[short].name
    return None


def _bare_name_in(short: str, text: str, strict: bool = False) -> bool:
    """联通今年将…: an operator's bare name standing for the company somewhere in `text`, not as a
    word of another kind (移动互联网, 电信业务, 移动的用户 aside); `strict`, nor qualified as one
    (see _qualified), where no organisation of the speaker's vouches for the reading."""
    return any(
        not in_compound(text, m.start(), m.end())
        and not modifies_next(text, m.end())
        and not (strict and _qualified(text, m.start(), m.end()))
        for m in re.finditer(re.escape(short), text)
    )


def _qualified(text: str, start: int, end: int) -> bool:
    """电信|普遍服务, 世界|电信日, 全国|广电: an adjective or adverb after the bare name, or a noun
    before it, makes it a word of kind or part of another name."""
    after = segment.tagged(text[end : end + 6])
    before = segment.tagged(text[max(0, start - 4) : start])
    return (bool(after) and after[0][1] in ("a", "ad")) or (bool(before) and before[-1][1][:1] == "n")


def _bare_names(ctx: ArticleContext, text: str) -> list[str]:
    """Operators the article names in full, called in `text` by a bare name standing alone
    (中国移动承担建设，广电分担费用; not 电信普遍服务, 移动互联网)."""
    weak = lexicon.load().weak_alias_index
    return [r.name for w, r in weak.items() if w in text and r.name in ctx.org_names and _bare_name_in(w, text, True)]


_DATE_END = re.compile(r"\d\s*[年月日]\s*$")


def _own_word_in(text: str, candidates: tuple[str, ...]) -> bool:
    """该公司 / 这家公司 / 我们 / 公司将… (`candidates`): a word for the speaker's own organisation, standing as a word
    of its own and not as the head of a phrase whose modifier says which (互联网公司, 其他公司, 几家公司, 分公司)."""
    g = grammar.load()
    present = [w for w in candidates if w in text]  # a pattern only for those
    found = [m.start() for w in present for m in re.finditer(re.escape(w), text)]
    if not found:
        return False
    words = segment.cut(text)
    before = {end: word for word, _, end in words}
    starts = {start for _, start, _ in words}
    return any(
        p in starts
        and (
            (segment.dictionary_tag(before.get(p, "")) or "") not in g.modifier_tags
            or _DATE_END.search(text, 0, p) is not None  # 2022年公司…: a date, no modifier
        )
        for p in found
    )


def _watched(sent: SentenceFacts, start: int, ctx: ArticleContext, speaker: Speaker) -> list[str] | None:
    """A regulator, an exchange or an analysts' firm speaking (深交所要求该公司说明…, a broker's 我们预计公司…,
    their people too): the company it oversees or covers, which its 公司 / 该公司 mean: the organisation
    named last before the content in the sentence, else the one named most often before it (the listed
    company of an inquiry letter, not a subsidiary named last); None where the speaker watches nobody or
    the sentence has no such word."""
    if not any(w in sent.span.text for w in grammar.load().supervised_words):
        return None
    who = [w for w in (speaker.org, speaker.desc, ctx.employer(speaker.person) if speaker.person else None) if w]
    if not any(_supervises(w) for w in who):
        return None
    lex = lexicon.load()

    def watched(o: Hit) -> bool:
        return not lex.is_media(o.name) and not _supervises(o.name) and not any(o.name in w for w in who)

    here = [o.name for o in sent.orgs if o.end <= start and watched(o)]
    if here:
        return here[-1:]
    before = [o.name for s in ctx.sentences[: ctx.sentences.index(sent)] for o in s.orgs if watched(o)]
    latest_first = dict.fromkeys(reversed(before))  # ties go to the one named later
    return [max(latest_first, key=before.count)] if before else []


@lru_cache(maxsize=1024)
def _supervises(name: str) -> bool:
    """A regulator or an analysts' firm (orgs.yaml types), or an exchange or supervisory office by its
    name's end: it speaks of companies, not as one. Cached: asked of every organisation named before
    such a speaker's statement."""
    g = grammar.load()
    rec = lexicon.load().org(name)
    return (rec is not None and rec.type in g.supervisor_types + g.observer_types) or name.endswith(g.supervisor_tails)


def _observes(employer: str | None) -> bool:
    """An analyst's or researcher's firm (grammar observer_types) is not what the subject they leave
    out stands for: 将迎来洗牌 said by a consultancy's analyst is the market's, not the firm's."""
    rec = lexicon.load().org(employer) if employer else None
    return rec is not None and rec.type in grammar.load().observer_types


def _looking_back(sent: SentenceFacts, start: int, ctx: ArticleContext) -> Iterator[tuple[SentenceFacts, int]]:
    """The sentence up to `start`, then each sentence before it, nearest first, whole: where a word that
    points back (该公司, 双方) finds what it stands for."""
    yield sent, start
    for facts in reversed(ctx.sentences[: ctx.sentences.index(sent)]):
        yield facts, len(facts.span.text)


def _antecedent(sent: SentenceFacts, start: int, ctx: ArticleContext, text: str) -> str | None:
    """该公司 in what a source with no organisation of its own said: the organisation named last
    before it (有业内人士透露，该公司…)."""
    if not any(w in text for w in grammar.load().org_demonstratives):
        return None
    lex = lexicon.load()
    for facts, limit in _looking_back(sent, start, ctx):
        named = [o for o in facts.orgs if o.end <= limit and not lex.is_media(o.name)]
        if named:
            return named[-1].name
    return None


def _parties(sent: SentenceFacts, start: int, ctx: ArticleContext) -> list[str]:
    """双方 in the content: the two organisations last joined by 与/和 before it (中国移动与中国广电
    签订了协议。…表示，双方将…), in its sentence or the ones before; nobody where none were."""
    joiners = grammar.load().pair_joiners
    for facts, limit in _looking_back(sent, start, ctx):
        named = [o for o in facts.orgs if o.end <= limit]
        for a, b in reversed(list(zip(named, named[1:]))):
            if facts.span.text[a.end : b.start] in joiners and a.name != b.name:
                return [a.name, b.name]
    return []


def _operators(ctx: ArticleContext, text: str) -> tuple[str, ...]:
    """三大运营商 / 四大运营商 in `text` stand for the operators where the article names each of them
    (grammar operator_groups), and for nobody otherwise."""
    groups = grammar.load().operator_groups
    group = next((w for w in groups if w in text), None)  # longest first
    if group is None:
        return ()
    return groups[group] if set(ctx.org_names).issuperset(groups[group]) else ()


def _masked(text: str, start: int, end: int, orgs: list[Hit]) -> str:
    """text[start:end] with organisations' names blanked: 工信部 inside 工信部信息通信管理局 and 公司
    inside 联通红筹公司 refer to nobody."""
    chars = list(text[start:end])
    for o in orgs:
        for i in range(max(o.start, start), min(o.end, end)):
            chars[i - start] = "X"
    return "".join(chars)


def _unit_of(own: str, named: list[Hit]) -> bool:
    """工业和信息化部通信发展司 is a unit of 工信部, named in the content; a company named after its
    parent (中国联通香港上市公司, beside 中国联通) speaks for itself."""
    rec = lexicon.load().org(own)
    company = rec.type == "company" if rec else own.endswith(grammar.load().company_tails)
    return not company and any(own != o.name and own.startswith((o.name, o.text)) for o in named)


def _short_form_in(org: str, text: str) -> bool:
    """The content calls the organisation by a short form not read alone: a gazetteer alias
    (联通将…, for 中国联通), the name without its place (省通信管理局, for 江苏省通信管理局) or a
    brand's stem (蜗牛, for 蜗牛移动); a bare name read alone elsewhere (联通) only where it stands for
    the company (not 移动互联网, 电信业务)."""
    rec = lexicon.load().org(org)
    forms = [a for a in (rec.aliases if rec else ()) if len(a) >= 2]
    forms += [org[i:] for i in range(1, len(org) - 3)]
    forms += _brand_stem(org)
    weak = [a for a in (rec.weak_aliases if rec else ()) if len(a) >= 2]
    return any(f in text for f in forms) or any(_bare_name_in(w, text) for w in weak)


def _brand_stem(org: str) -> list[str]:
    """蜗牛 for 蜗牛移动, 远特 for 远特通信: a brand called by its first two characters, unless
    they are a common word of another kind (分享, a verb; 长江, a place)."""
    g = grammar.load()
    stem = org[:2]
    tag = segment.dictionary_tag(stem)
    return [stem] if org[2:] in g.brand_suffixes and (tag is None or tag in g.brand_stem_tags) else []


def _through_notice(speaker: Speaker) -> bool:
    """An organisation speaking through its notice, announcement or spokesman (工信部通知指出): what
    the notice says are its issuer's measures."""
    g = grammar.load()
    desc = speaker.desc or ""
    return bool(speaker.org) and desc.endswith(g.document_nouns) and not _through_channel(speaker)


def _through_channel(speaker: Speaker) -> bool:
    """A channel, report or plan (工信部网站消息称, 据工信部网站消息, 工信部规划提出): its issuer is
    what it says only where it reports the issuer's own act (see content.issuing_act)."""
    g = grammar.load()
    desc = speaker.desc or ""
    return bool(speaker.org) and desc.endswith(g.channel_nouns + g.plan_nouns)


def attach_quotes(ctx: ArticleContext, statements: list[Statement]) -> list[Statement]:
    """A sentence that is only a quotation belongs to the speaker who opens the next sentence.

    “京东要做一个互联网化的通讯运营商”。京东移动转售事业部总经理闫小波对通信生活报表示，……
    """
    out = list(statements)
    by_sentence = {s.start: s for s in statements}
    starts = [sent.span.start for sent in ctx.sentences]
    first_in: dict[int, Statement] = {}  # sentence index -> its first statement (found by bisection, not a scan)
    for st in statements:
        i = bisect_right(starts, st.start) - 1
        if i >= 0 and st.start < ctx.sentences[i].span.end:
            first_in.setdefault(i, st)
    for k, (prev, nxt) in enumerate(zip(ctx.sentences, ctx.sentences[1:])):
        quote = whole_quotation(prev.span.text)
        if quote is None:
            continue
        first = first_in.get(k + 1)
        if (
            "\n" in ctx.article.text[prev.span.end : nxt.span.start]
            or first is None
            or not _opens_with_speaker(nxt.span.text, first.start - nxt.span.start)
        ):
            continue  # a quotation that ends its paragraph runs on from what came before (continuation.run_on)
        s, e = quote
        start = prev.span.start + s
        if start in by_sentence:
            continue
        out.append(
            Statement(
                first.speaker,
                first.speaker_desc,
                first.cue,
                prev.span.text[s:e],
                [],
                start,
                prev.span.start + e,
                prev.span.text,
                first.speaker_org,
            )
        )
        out[-1].about = about(prev, s, e, first.speaker, ctx)
    return sorted(out, key=lambda s: s.start)


def whole_quotation(text: str) -> tuple[int, int] | None:
    """(start, end) of what a sentence that is only a quotation quotes."""
    t = text.rstrip("。 ")
    if not t or t[0] != "“" or t[-1] != "”":
        return None
    quotes, _ = nesting(t)
    if any(q == 0 for q in quotes[:-1]):
        return None
    return 1, len(t) - 1


def _opens_with_speaker(text: str, content_start: int) -> bool:
    """The first statement's cue sits in the first clause: the sentence opens with its speaker."""
    head = text[:content_start]
    return head.count("，") <= 1 and "“" not in head
