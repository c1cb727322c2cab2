"""The speech stage of an article: each sentence's statements, what they are about, and
the quotations that open a sentence of their own attached to their speaker."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace

from .. import grammar, lexicon
from ..context import ArticleContext, SentenceFacts, persons_in
from ..records import Hit, Said, Speaker, Statement
from ..text import nesting
from .attribute import attribute
from .source import SentenceContext, latest_reference


@dataclass(frozen=True)
class Discourse:
    """What one sentence leaves the next: the people named so far, who 他/她 means, who answers 答：."""

    known_persons: tuple[str, ...]  # in the order first named
    last_speaker: Speaker | None = None
    interviewee: Speaker | None = None


@dataclass(frozen=True)
class SentenceSpeech:
    statements: list[Statement]
    persons: tuple[Hit, ...]  # the sentence's people, those found as speakers included
    discourse: Discourse  # for the next sentence


def sentence_statements(sent: SentenceFacts, ctx: ArticleContext, discourse: Discourse) -> SentenceSpeech:
    """The statements of one sentence, given what the sentences before it left (`discourse`)."""
    view = SentenceContext(sent.span.text, sent.orgs, tuple(persons_in(sent, discourse.known_persons)), sent.anons,
                           discourse.last_speaker, discourse.interviewee, ctx.references,
                           sent.orgs + [c.title for c in sent.chains])
    found = attribute(view)
    view = replace(view, persons=found.persons)
    after = Discourse(tuple(dict.fromkeys(discourse.known_persons + tuple(p.name for p in found.persons))),
                      latest_reference(view, found.said), found.interviewee)
    return SentenceSpeech([_statement(sent, s, ctx) for s in found.said], found.persons, after)


def _statement(sent: SentenceFacts, said: Said, ctx: ArticleContext) -> Statement:
    text = sent.span.text
    st = Statement(said.speaker.person, said.speaker.desc, said.cue, text[said.start:said.end], [],
                   sent.span.start + said.start, sent.span.start + said.end, text, said.speaker.org)
    st.about = about(sent, said.start, said.end, st.speaker, ctx)
    for name in said.speaker.group:
        if name not in st.about:
            st.about.append(name)
    if said.speaker.org and said.speaker.org not in st.about:
        st.about.append(said.speaker.org)
    return st


def about(sent: SentenceFacts, start: int, end: int, speaker: str | None, ctx: ArticleContext) -> list[str]:
    """Organisations the statement text[start:end] names, and the speaker's own for 该公司/这款."""
    lex = lexicon.load()
    names = [o.name for o in sent.orgs if start <= o.start and o.end <= end and not lex.is_media(o.name)]
    if speaker and any(w in sent.span.text[start:end] for w in grammar.load().own_company_words):
        own = ctx.employer(speaker)
        if own and own not in names:
            names.append(own)
    return list(dict.fromkeys(names))


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
        quote = _whole_quotation(prev.span.text)
        if quote is None or "\n" in ctx.article.text[prev.span.end:nxt.span.start]:
            continue  # a quotation that ends its paragraph belongs with what came before
        first = first_in.get(k + 1)
        if first is None or not _opens_with_speaker(nxt.span.text, first.start - nxt.span.start):
            continue
        s, e = quote
        start = prev.span.start + s
        if start in by_sentence:
            continue
        out.append(Statement(first.speaker, first.speaker_desc, first.cue, prev.span.text[s:e], [],
                             start, prev.span.start + e, prev.span.text, first.speaker_org))
        out[-1].about = about(prev, s, e, first.speaker, ctx)
    return sorted(out, key=lambda s: s.start)


def _whole_quotation(text: str) -> tuple[int, int] | None:
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

