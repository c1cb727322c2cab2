"""What was said that runs on past its sentence.

陈某告诉记者，工信部已完成标准草案。任何一家虚商都要满足三个条件……蜗牛移动做好了这三点。
Reported speech that ends its sentence goes on through the sentences of its paragraph that say
nothing of their own, an enumeration (提出三点要求：⏎一是…⏎二是…) through the paragraphs that
continue it, and a transcript's answer up to the next turn. What those sentences name counts for
the statement's `about` where a person speaks, a list is read out or a quotation follows: after an
organisation's or an anonymous source's one sentence, the journalist's background follows more
often than more of it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from functools import lru_cache

from pipeline.language import grammar
from pipeline.language.text import alternation
from pipeline.read.clean import normalise
from pipeline.recognise.context import ArticleContext, SentenceFacts, persons_in
from pipeline.records import Statement
from pipeline.relate.speech.content import CONTENT_TRIM
from pipeline.relate.speech.statements import about, whole_quotation

_LABEL = re.compile(r"\s*[^，,。：:]{0,6}[：:]")  # 记者：, 张三：, 问：: a transcript's next turn


@lru_cache(maxsize=1)
def _narration() -> re.Pattern[str]:
    """A sentence the journalist speaks in again: 据悉, 记者…, 数据显示, or a new paragraph's heading."""
    g = grammar.load()
    return re.compile(rf"\s*(?:{alternation(g.narration_openers + g.run_on_stops)}|[^，,。；;“”]{{0,10}}显示[，,：:])")


def run_on(ctx: ArticleContext, statements: list[Statement]) -> list[Statement]:
    """Each statement that ends its sentence, grown over the sentences that continue it."""
    starts = [sent.span.start for sent in ctx.sentences]
    index = {id(s): bisect_right(starts, s.start) - 1 for s in statements}
    spoken = {index[id(s)] for s in statements}
    last_in: dict[int, Statement] = {}
    for st in statements:
        last_in[index[id(st)]] = st  # statements come in order: the sentence's last one wins
    grown = {id(st): _grown(ctx, st, i, spoken) for i, st in last_in.items() if i >= 0}
    return [grown.get(id(s)) or s for s in statements]


def _grown(ctx: ArticleContext, st: Statement, i: int, spoken: set[int]) -> Statement | None:
    sentences = ctx.sentences
    sent = sentences[i]
    if sent.span.text[st.end - sent.span.start :].strip(CONTENT_TRIM):
        return None  # something follows what was said in its own sentence
    enumerating = sent.span.text.rstrip().endswith(("：", ":"))
    answering = st.cue in (":", "：") + grammar.load().answer_markers  # 张三：… runs on until the next label
    end, names = st.end, list(st.about)
    for k in range(i + 1, len(sentences)):
        nxt = sentences[k]
        if k in spoken or _narration().match(nxt.span.text) or _others(ctx, nxt, st.speaker):
            break
        item = nxt.span.text.startswith(grammar.load().enumeration_openers)
        if _LABEL.match(nxt.span.text) or (
            _new_paragraph(ctx, sentences[k - 1], nxt) and not (enumerating and item) and not answering
        ):
            break
        enumerating = enumerating or item
        end = _content_end(nxt)
        if st.speaker is not None or enumerating or whole_quotation(nxt.span.text):  # not background
            names += about(nxt, 0, len(nxt.span.text), st.speaker, ctx, st.speaker_org, _nobody)
    if end == st.end:
        return None
    return replace(st, text=normalise(ctx.article.text[st.start : end]), end=end, about=list(dict.fromkeys(names)))


def _nobody(text: str) -> bool:
    """No subject left out of a sentence speech runs on into is the speaker's: its bare 要… are
    often the audience's."""
    return False


def _others(ctx: ArticleContext, sent: SentenceFacts, speaker: str | None) -> bool:
    """A sentence naming someone other than the speaker is the journalist's account of them."""
    return any(p.name != speaker for p in persons_in(sent, ctx.known_persons))


def _new_paragraph(ctx: ArticleContext, before: SentenceFacts, sent: SentenceFacts) -> bool:
    """A line break or any space between two sentences: Chinese sets none inside a paragraph, and a
    page that merged its paragraphs (the sample's repeat) left one where each break was."""
    gap = ctx.article.text[before.span.end : sent.span.start]
    return any(ch.isspace() for ch in gap)


def _content_end(sent: SentenceFacts) -> int:
    text = sent.span.text
    return sent.span.start + len(text.rstrip(CONTENT_TRIM))
