"""Mention replacement: copies of the gold sentences whose entities are
swapped for other mentions of the same label.

Most of the companies the model misses are ones it never saw in training;
a copy that puts 阿里巴巴 where 招商银行 stood teaches it to find a company
by its context (…董事长, …发布公告) instead of by heart.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Sequence

from .docs import Span

Example = tuple[str, list[Span]]  # text, its non-overlapping spans


def replace_mentions(examples: Sequence[Example], copies: int, seed: int) -> list[Example]:
    """``copies`` new examples per example (one without spans is copied as
    it is), each span's text drawn from every mention of its label in
    ``examples``."""
    pool: dict[str, list[str]] = defaultdict(list)
    for text, spans in examples:
        for start, end, label in spans:
            pool[label].append(text[start:end])
    rng = random.Random(seed)
    return [_replaced(text, spans, pool, rng) for text, spans in examples for _ in range(copies)]


def _replaced(text: str, spans: Sequence[Span], pool: dict[str, list[str]], rng: random.Random) -> Example:
    pieces: list[str] = []
    moved: list[Span] = []
    done = length = 0  # text[:done] is rewritten into pieces, which are `length` chars long
    for start, end, label in spans:
        surface = rng.choice(pool[label])
        at = length + start - done
        pieces += [text[done:start], surface]
        moved.append((at, at + len(surface), label))
        done, length = end, at + len(surface)
    pieces.append(text[done:])
    return "".join(pieces), moved
