"""What the recognisers share: the CJK range, overlap and the domain terms a name may not run into."""

from __future__ import annotations

from .. import grammar
from ..records import Hit

CJK = r"\u4e00-\u9fff"


def overlaps(start: int, end: int, hits: list[Hit]) -> bool:
    return any(h.start < end and start < h.end for h in hits)


def in_compound(text: str, start: int, end: int) -> bool:
    """中国移动|转售: the name's last characters begin a domain term that runs past it."""
    for term in grammar.load().compound_terms:
        for k in range(1, len(term)):
            if end - k >= start and text.startswith(term, end - k) and len(term) > k:
                return True
    return False
