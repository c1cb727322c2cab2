"""Agreements between organisations: A与B（…）签订“…”协议.

The side with organisations named in it gives the parties; the other side is
the counterpart, kept as written when it names no known organisation
(三基础运营商).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import grammar, lexicon
from .recognise import Hit

DATE = re.compile(r"(\d{4}年)?\d{1,2}月\d{1,2}日")


@dataclass(frozen=True)
class AgreementHit:
    parties: list[str]
    counterpart: str | None
    date: str | None
    text: str
    start: int
    end: int


def find_agreements(text: str, orgs: list[Hit]) -> list[AgreementHit]:
    verbs = grammar.load().agreement_verbs
    out = []
    for m in re.finditer("|".join(map(re.escape, verbs)), text):
        clause_start = max(text.rfind(p, 0, m.start()) for p in "。；;！？") + 1
        left = text[clause_start:m.start()]
        # the date often opens the sentence, before the clause: 9月25日，三基础运营商与…
        date = DATE.search(text[:m.start()])
        link = max(left.rfind("与"), left.rfind("和"), left.rfind("同"))
        if link < 0:
            continue
        link += clause_start
        first = [o for o in orgs if clause_start <= o.start and o.end <= link]
        second = [o for o in orgs if link < o.start and o.end <= m.start()]
        if not second and not first:
            continue
        if first and second:
            parties, counterpart = [o.name for o in second], first[-1].name
        else:
            side = second or first
            other = text[clause_start:link] if second else text[link + 1:m.start()]
            if DATE.match(other.strip("，, ")):
                other = DATE.sub("", other)
            parties, counterpart = [o.name for o in side], other.strip("，, ") or None
        end = text.find("。", m.end())
        end = len(text) if end < 0 else end
        out.append(AgreementHit(list(dict.fromkeys(parties)), counterpart, date.group() if date else None,
                                text[clause_start:end], clause_start, end))
    return out
