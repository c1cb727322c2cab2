"""What the recognisers share: the CJK range, overlap, the domain terms a name may not run into and
the words that make a would-be name a kind of organisation.

Reads: nothing of its own. Provides: shared helpers for the recognisers.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.language import grammar, lexicon, segment
from pipeline.records import Hit

CJK = r"\u4e00-\u9fff"


def overlaps(start: int, end: int, hits: list[Hit]) -> bool:
    for h in hits:  # noqa: SIM110 - a loop is 3 x as fast as any() over a generator, asked of every candidate
        if h.start < end and start < h.end:
            return True
    return False


def in_compound(text: str, start: int, end: int) -> bool:
    """中国移动|转售: the name's last characters begin a domain term that runs past it."""
    pattern, longest = _compound_terms()
    return any((m := pattern.match(text, p)) and m.end() > end for p in range(max(start, end - longest + 1), end))


@lru_cache(maxsize=1)
def _compound_terms() -> tuple[re.Pattern[str], int]:
    """The domain terms longest first, so the term matched at a place is the longest there, and that length."""
    terms = sorted(grammar.load().compound_terms, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, terms)) or "(?!)"), max(map(len, terms), default=0)


def is_place(word: str) -> bool:
    """包头, 银川市, 浙江: a province or city of China (data: places.txt; jieba tags 包头 a verb) or a place
    jieba's dictionary knows, not a verb or common word it tags as one (加盟爱施德: grammar.yaml not_places)."""
    g = grammar.load()
    if word in g.not_places:
        return False
    short = word
    if word.endswith(g.place_suffixes):  # most words end in none: one test of all first
        short = next((word[: -len(s)] for s in g.place_suffixes if word.endswith(s) and len(word) > len(s) + 1), word)
    return short in lexicon.load().places or segment.dictionary_tag(word) == "ns"


def modifies_next(text: str, end: int) -> bool:
    """移动|网络, 移动|主营业务: the bare name is an adjective of the noun after it."""
    words = segment.tagged(text[end : end + 6])
    return bool(words) and (words[0][1][:1] == "n" or words[0][1] == "vn")


def names_a_kind(name: str) -> bool:
    """商业银行, 网上银行, 科研院所, 综合信息, 知名通信企业: a word of kind before an organisation's
    ending or suffix (科技公司 counts as one) says what sort of organisation, it names none."""
    g = grammar.load()
    if not name.startswith(g.kind_words):  # most names start with none: one test of all first
        return False
    kind = next(k for k in g.kind_words if name.startswith(k))
    rest = name[len(kind) :]
    for ending in g.institution_kinds:
        if rest.endswith(ending) and len(rest) > len(ending):
            rest = rest[: -len(ending)]
    return rest in g.org_word_endings or rest in g.institution_kinds or lexicon.load().org_suffix("_" + rest) == rest
