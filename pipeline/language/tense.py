"""A title's tense: 时任, 原, 前, 现任, 新任, 曾任 before a title chain (``data/tenses.txt``).

The graph keeps the tense on HOLDS_POSITION beside the article's date, so
原董事长 in a 2018 article is not read as the person's title in 2018.
"""

from __future__ import annotations

from functools import lru_cache

from pipeline.language import segment
from pipeline.language.datafiles import read_text
from pipeline.language.text import PUNCTUATION


@lru_cache(maxsize=1)
def words() -> dict[str, str]:
    """Tense word → tense, longest first."""
    pairs = [line.split() for line in read_text("tenses.txt").splitlines() if line.strip() and line[0] != "#"]
    return dict(sorted(((w, t) for w, t in pairs), key=lambda p: -len(p[0])))


def read(text: str, chain_start: int, title: str) -> tuple[str | None, str]:
    """(tense, title without its tense word) of the title chain starting at ``chain_start``.

    The word either opens the title (前董事长, as a chain between organisation and title
    reads it) or stands right before the chain (时任中国联通董事长, 原苏宁互联副总经理).
    """
    for word, tense in words().items():
        if title.startswith(word) and len(title) > len(word):
            return tense, title[len(word) :]
    for word, tense in words().items():
        at = chain_start - len(word)
        if at >= 0 and text.startswith(word, at) and (len(word) > 1 or at == 0 or _apart(text[at - 1])):
            return tense, title
    return None, title


def _apart(char: str) -> bool:
    """A character that cannot join a one-character tense word into a word before it (，原… but not 此前)."""
    return char.isspace() or char in PUNCTUATION or char.isascii()


def opening(name: str) -> str:
    """原 in 原|联通研究院: the tense word a span opens with, where it is a word of its own (not 前海)."""
    tagged = segment.tagged(name)
    return tagged[0][0] if len(tagged) > 1 and tagged[0][0] in words() else ""
