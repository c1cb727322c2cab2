"""Agreements between organisations: A与B（…）签订“…”协议.

The side with organisations named in it gives the parties; the other side is
the counterpart, kept as written when it names no known organisation
(三基础运营商).
"""
from __future__ import annotations

import re
from dataclasses import replace

from . import grammar
from .context import SentenceFacts
from .records import Agreement, Hit
from .text import SENTENCE_DELIMITERS, alternation, clause_start

DATE = re.compile(r"(\d{4}年)?\d{1,2}月\d{1,2}日")


def sentence_agreements(sent: SentenceFacts) -> list[Agreement]:
    """The agreements of one sentence, in article offsets."""
    base = sent.span.start
    return [replace(g, start=base + g.start, end=base + g.end) for g in find_agreements(sent.span.text, sent.orgs)]


def find_agreements(text: str, orgs: list[Hit]) -> list[Agreement]:
    """Each signing in `text` (offsets into it): the parties named on one side of 与/和/同, the other side."""
    out = []
    for m in re.finditer(alternation(grammar.load().agreement_verbs), text):
        start = clause_start(text, m.start(), SENTENCE_DELIMITERS)
        left = text[start:m.start()]
        # the date often opens the sentence, before the clause: 9月25日，三基础运营商与…
        date = DATE.search(text[:m.start()])
        link = max(left.rfind("与"), left.rfind("和"), left.rfind("同"))
        if link < 0:
            continue
        link += start
        first = [o for o in orgs if start <= o.start and o.end <= link]
        second = [o for o in orgs if link < o.start and o.end <= m.start()]
        if not second and not first:
            continue
        counterpart: str | None
        if first and second:
            parties, counterpart = [o.name for o in second], first[-1].name
        else:
            side = second or first
            other = text[start:link] if second else text[link + 1:m.start()]
            if DATE.match(other.strip("，, ")):
                other = DATE.sub("", other)
            parties, counterpart = [o.name for o in side], other.strip("，, ") or None
        end = text.find("。", m.end())
        end = len(text) if end < 0 else end
        out.append(Agreement(list(dict.fromkeys(parties)), counterpart, date.group() if date else None,
                             text[start:end], start, end))
    return out
