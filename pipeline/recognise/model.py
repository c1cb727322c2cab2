"""The trained NER's spans as hits: kinds by suffix and gazetteer, companies run on to their tails.

Used in both modes: in an article the rules decide and the model adds what
they missed (model_organisations, names.model_persons); on a sentence out of
context (``kg extract --lines``) the model leads (lines_rules).
Reads: the NER's spans over a sentence. Provides: organisation and person Hits.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.language import grammar, lexicon, segment, tense
from pipeline.language.text import alternation, without_loose_marks
from pipeline.recognise.appointments import opening_holder
from pipeline.recognise.common import CJK, in_compound, overlaps
from pipeline.recognise.organisations import org_tail_pattern, product_after
from pipeline.records import ORG_LABELS, Hit

PROPER_TAGS = frozenset({"ns", "nz", "nt", "nr", "nrt", "nrfg", "j", "eng", "x"})  # jieba: names, not common words


@lru_cache(maxsize=1)
def _near_tail() -> re.Pattern[str]:
    return re.compile(rf"[{CJK}]{{0,4}}?({alternation(grammar.load().company_tails)})")


def model_entities(texts: list[str]) -> list[list[Hit]]:
    """The trained NER's spans for each text (pipeline/ner/), organisations' kinds per
    org_kind, companies run on to their tails (company_end)."""
    from pipeline import ner

    return [model_hits(text, spans) for text, spans in zip(texts, ner.recognise(texts))]


def model_hits(text: str, spans: list[tuple[int, int, str]]) -> list[Hit]:
    """The model's spans in ``text`` (in order, not overlapping) as Hits; a span a
    company ran on over is dropped (中储粮|黑龙江公司 is one company, not two)."""
    hits: list[Hit] = []
    for s, e, lab in spans:
        s, e = without_loose_marks(text, s, e)
        if s == e or (hits and s < hits[-1].end):
            continue
        kind = org_kind(text[s:e], lab)
        e = company_end(text, s, e) if kind == "COMPANY" else e
        hits.append(Hit(s, e, kind, text[s:e], text[s:e]))
    return hits


def company_end(text: str, start: int, end: int) -> int:
    """Where a company's name ends: at the company tail after the model's span when only
    nouns lie between (派拉蒙|影片公司, 中储粮|黑龙江公司), not over a function word or a
    verb (腾讯|等公司, 中国银行|收购信托公司).

    The model often stops at the brand, while news (and CLUENER) name the
    company with its tail; a span not ending on a word boundary is left alone.
    """
    tail = _near_tail().match(text, end)
    if tail is None:
        return end
    for word, flag, pos in segment.tagged(text[start : tail.start(1)]):
        at = start + pos
        if at < end < at + len(word) or (at >= end and not flag.startswith("n")):
            return end
    return tail.end()


def org_kind(name: str, label: str) -> str:
    """The kind an organisation's suffix gives it (…银行 a company, …局 an agency), else ``label``;
    the gazetteer's kind, though, for a name it knows (中国人民银行 is the regulator, not a bank).

    The model often has an organisation's span right and its kind wrong, or
    takes a place-named organisation (上海永嘉投资管理公司) for the place.
    """
    if label in ORG_LABELS or label == "LOCATION":
        lex = lexicon.load()
        by_suffix = lex.org_suffix_label(name)
        entry = lex.org(name) if by_suffix else None
        return entry.label if entry else by_suffix or label
    return label


def model_organisations(text: str, model: list[Hit], known: list[Hit]) -> list[Hit]:
    """Organisations the model finds where the gazetteer and the rules found none.

    A span that is a gazetteer name with a company tail (苏宁互联公司) is that
    organisation; any other span must read as a proper name to count.
    """
    lex = lexicon.load()
    out = []
    for h in map(_without_clause_head, model):
        if h.label not in ORG_LABELS or overlaps(h.start, h.end, known) or len(h.text) < 2:
            continue
        if in_compound(text, h.start, h.end) or product_after(text, h.end):  # 2017中国移动转售产业峰会, 百度贴吧
            continue
        if h.start not in segment.boundaries(text):  # 物|联网产业研究中心: cut inside a word
            continue
        if h.text in grammar.load().not_orgs or not re.search(rf"[{CJK}A-Za-z]", h.text):
            continue
        stem = org_tail_pattern().sub("", h.text)
        rec = lex.alias_index.get(h.text) or lex.alias_index.get(stem)
        if rec is None and not _proper_org_name(h.text):
            continue
        out.append(Hit(h.start, h.end, rec.label if rec else h.label, rec.name if rec else h.text, h.text))
    return out


def _without_clause_head(h: Hit) -> Hit:
    """原|联通研究院, 苏宝合任|山西分公司: a span that opens with a tense word, or with a name and a
    verb of holding, takes in the clause before the organisation; the organisation starts after it."""
    cut = len(tense.opening(h.text))
    cut += opening_holder(h.text[cut:])
    if cut == 0 or len(h.text) - cut < 2:
        return h
    return Hit(h.start + cut, h.end, h.label, h.name[cut:], h.text[cut:])


def _proper_org_name(name: str) -> bool:
    """A name, not a common noun: an organisation suffix after a proper word (星河互联, 澜拓科技,
    not 航空公司 or 监管部门)."""
    suffix = lexicon.load().org_suffix(name)
    if suffix is None:
        return False
    head = segment.tagged(name[: -len(suffix)])
    return bool(head) and head[0][1] in PROPER_TAGS
