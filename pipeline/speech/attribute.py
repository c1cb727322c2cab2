"""Who said what in one sentence: cues, their content and their source put together.

A quotation that opens the sentence (“……”王帅说) belongs to the same speaker;
in a transcript, 答：… is the interviewee's.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from .. import grammar, lexicon
from ..records import Hit, Said, Speaker
from ..text import alternation, clause_starts, nesting, strip_span
from .content import CONTENT_TRIM, MIN_CONTENT, content, leading_quote, opens_content
from .cues import cues, followed_by_cue
from .source import SentenceContext, speaker_in, subject


@dataclass(frozen=True)
class Attribution:
    said: list[Said]  # in order
    persons: tuple[Hit, ...]  # the sentence's people, with the names found only as a speaker, last
    interviewee: Speaker | None  # who answers 答： from here on


@lru_cache(maxsize=1)
def _transcript_pattern() -> re.Pattern[str]:
    g = grammar.load()
    return re.compile(rf"(.{{0,6}}?)({alternation(g.question_markers + g.answer_markers)})[：:]")


def attribute(ctx: SentenceContext) -> Attribution:
    """Every statement in the sentence, in order."""
    text = ctx.text
    qa = _transcript_pattern().match(text)
    if qa:
        return _transcript(ctx, qa)
    quotes, parens = nesting(text)
    starts = clause_starts(text, quotes)
    out: list[Said] = []
    covered = -1
    found_cues = cues(text, quotes, parens, ctx.persons)
    for i, (c0, c1, verb) in enumerate(found_cues):
        if c0 < covered or followed_by_cue(text, c1, found_cues[i + 1:]):
            continue
        info = lexicon.load().speech_verbs[verb]
        verb = text[c0:c1]  # with its tail: 解释说
        (speaker, named), subject_start = subject(ctx, starts, c0)
        if named is not None:
            ctx = replace(ctx, persons=ctx.persons + (named,))
        if speaker is None:
            continue
        s, e = content(text, c1)
        lead = leading_quote(text, subject_start, c0)
        if e - s < MIN_CONTENT:  # “……”，在座谈会上，孙立平说。: the sentence's opening quotation
            lead = lead or leading_quote(text, 0, c0)
            if lead is None or not info.post:
                continue
            s, e = lead
            lead = None
        if not info.strong and speaker.org and not opens_content(text, c1):
            continue
        if lead is not None:
            out.append(Said(speaker, verb, *lead))
        out.append(Said(speaker, verb, s, e))
        covered = e
    return Attribution(out, ctx.persons, ctx.interviewee)


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
