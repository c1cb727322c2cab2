"""Agreements between organisations: only a signing the sentence states, with the parties that sign.

签订/签署/达成 … 协议/合同/备忘录 (``data/agreements.yaml``), the two sides named
around the link word before the verb: A与B签署了合作协议, A先后与B、C和D签署,
A、B与C签订. The subject may open the sentence as the one announcing it
(分享通信今日宣布，已与中国联通签署…协议). A signing to come, asked for, wished for
or denied (将与…签订, 要求…签署, 尚未签署) is none; neither is a side that names no
organisation on both ends but a group (三基础运营商与6家虚拟运营商…签订 keeps the group
as ``counterpart`` as written, and the graph draws no edge to it).
Reads: a sentence's SentenceFacts. Provides: Agreements.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from pipeline.language.datafiles import load_yaml
from pipeline.language.text import CLAUSE_DELIMITERS, SENTENCE_DELIMITERS, alternation, clause_start
from pipeline.recognise.context import SentenceFacts
from pipeline.records import Agreement, Hit

DATE = re.compile(r"(\d{4}年)?\d{1,2}月\d{1,2}日")
_FILLER = re.compile(r"已经|已|先后|分别|正式|还|也|并|共同|重新|再次|日前|近日|今日|当天|[，,、\s]")  # no party


@dataclass(frozen=True)
class _Words:
    verbs: re.Pattern[str]
    documents: tuple[str, ...]
    links: tuple[str, ...]
    weak_links: tuple[str, ...]
    not_done: tuple[str, ...]
    announce: tuple[str, ...]
    references: tuple[str, ...]


@lru_cache(maxsize=1)
def _words() -> _Words:
    d = load_yaml("agreements.yaml")
    return _Words(
        re.compile(alternation(d["verbs"])),
        tuple(d["documents"]),
        tuple(d["links"]),
        tuple(d["weak_links"]),
        tuple(d["not_done"]),
        tuple(d["announce"]),
        ("", *d["subject_references"]),
    )


def sentence_agreements(sent: SentenceFacts) -> list[Agreement]:
    """The agreements of one sentence, in article offsets."""
    base = sent.span.start
    return [replace(g, start=base + g.start, end=base + g.end) for g in find_agreements(sent.span.text, sent.orgs)]


def find_agreements(text: str, orgs: list[Hit]) -> list[Agreement]:
    """Each signing `text` states (offsets into it): the parties on one side of the link, the other side."""
    w = _words()
    out = []
    for m in w.verbs.finditer(text):
        sentence = clause_start(text, m.start(), SENTENCE_DELIMITERS)
        start = clause_start(text, m.start(), CLAUSE_DELIMITERS)
        clause_end = min([i for i in (text.find(c, m.end()) for c in CLAUSE_DELIMITERS) if i >= 0] or [len(text)])
        if not any(d in text[m.end() : clause_end] for d in w.documents):
            continue  # 达成终端合作, 签约仪式: no document signed
        if any(word in text[sentence : m.start()] for word in w.not_done):
            continue
        link = _link(text[start : m.start()], w)
        if link is None:
            continue
        link += start
        first = [o for o in orgs if start <= o.start and o.end <= link]
        if not first and _FILLER.sub("", text[start:link]) in w.references:
            first = _announcer(text, sentence, start, orgs, w)
        second = [o for o in orgs if link < o.start and o.end <= m.start()]
        sides = _sides(first, second, text[start:link], text[link + 1 : m.start()])
        if sides is None:
            continue
        parties, counterpart = sides
        end = text.find("。", m.end())
        end = len(text) if end < 0 else end
        date = DATE.search(text[sentence : m.start()])
        out.append(Agreement(parties, counterpart, date.group() if date else None, text[sentence:end], sentence, end))
    return out


def _link(left: str, w: _Words) -> int | None:
    """Where the link word stands in the clause before the verb: the first strong one, else the last 和."""
    strong = [i for i in (left.find(x) for x in w.links) if i >= 0]
    if strong:
        return min(strong)
    weak = [left.rfind(x) for x in w.weak_links]
    return max(weak) if max(weak, default=-1) >= 0 else None


def _announcer(text: str, sentence: int, start: int, orgs: list[Hit], w: _Words) -> list[Hit]:
    """The organisation that announces the signing earlier in the sentence: 分享通信今日宣布，已与…"""
    before = [o for o in orgs if sentence <= o.start and o.end <= start]
    return before[-1:] if before and any(a in text[before[-1].end : start] for a in w.announce) else []


def _sides(
    first: list[Hit], second: list[Hit], first_text: str, second_text: str
) -> tuple[list[str], str | None] | None:
    """(parties, counterpart): one side's organisations and the other side's one organisation, or its words
    when it names none (a group); None when neither side or both sides name several (unsure)."""
    a, b = list(dict.fromkeys(o.name for o in first)), list(dict.fromkeys(o.name for o in second))
    if a and b:
        if len(a) == 1:
            return b, a[0]
        if len(b) == 1:
            return a, b[0]
        return None
    if not (a or b):
        return None
    group = _FILLER.sub("", DATE.sub("", second_text if a else first_text)) or None
    return (a or b), group
