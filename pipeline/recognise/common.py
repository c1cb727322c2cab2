"""What the recognisers share: the CJK range, overlap and the domain terms a name may not run into.

Reads: nothing of its own. Provides: shared helpers for the recognisers.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.language import grammar
from pipeline.records import Hit

CJK = r"\u4e00-\u9fff"


def overlaps(start: int, end: int, hits: list[Hit]) -> bool:
    return any(h.start < end and start < h.end for h in hits)


def in_compound(text: str, start: int, end: int) -> bool:
    """中国移动|转售: the name's last characters begin a domain term that runs past it."""
    pattern, longest = _compound_terms()
    return any((m := pattern.match(text, p)) and m.end() > end for p in range(max(start, end - longest + 1), end))


@lru_cache(maxsize=1)
def _compound_terms() -> tuple[re.Pattern[str], int]:
    """The domain terms longest first, so the term matched at a place is the longest there, and that length."""
    terms = sorted(grammar.load().compound_terms, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, terms)) or "(?!)"), max(map(len, terms), default=0)
