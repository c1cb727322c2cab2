"""Word segmentation: jieba's words, cut by rjieba (jieba in Rust) wherever its cut is jieba's.

Two dictionaries: jieba's own, whose words and parts of speech are the NER's features (the model
learnt them, ner.char_features), and the domain one, jieba's plus the lexicon's words, which the rules
read. rjieba cuts about 16 times as fast as jieba and as jieba does, except where a word of its cut
holds a char other than a Han one or an ASCII letter or digit (rjieba keeps NB-IoT and 3.5% whole,
jieba may split them) or the text holds a char rjieba reads as Han and jieba does not (the CJK
extensions): such a text is cut by jieba itself, so every cut is jieba's (tests/test_segment.py
compares the two over generated text and the repo's).

jieba's dictionary is read once per process: its word frequencies (from jieba's cache) start both
dictionaries, its parts of speech are those jieba.posseg reads on import. Tagging stays jieba.posseg's
(rjieba tags otherwise); it is five times slower than cutting, so it only runs on the short clauses
where a speaker is looked for.
"""

from __future__ import annotations

import logging
import marshal
import re
import tempfile
from collections.abc import Callable, Iterable
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from . import lexicon

if TYPE_CHECKING:
    import jieba
    import jieba.posseg

# Where rjieba's cut may part from jieba's, in its words joined by _JOIN: a char rjieba reads as Han and jieba
# does not, or a char other than a Han one or an ASCII letter or digit in a word of two chars or more
_JOIN = "\x00"
_MAY_PART = re.compile(
    "[\u3400-\u4dbf\u9fd6-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]"
    "|[^\x00\u4e00-\u9fd5a-zA-Z0-9](?=[^\x00])|(?<=[^\x00])[^\x00\u4e00-\u9fd5a-zA-Z0-9]"
)
# A private-use char, so in no Han run: the word that gives rjieba's dictionary jieba's total (domain)
_SPARE_WORD = "\ue000"

Token = tuple[str, int, int]  # a word, its start and end in the text


class _Cutter(Protocol):
    """An rjieba.Jieba, or the rjieba module (its own instance, with jieba's dictionary)."""

    def cut(self, text: str) -> list[str]: ...

    def tokenize(self, text: str) -> list[Token]: ...


class Segmenter:
    """jieba's cut with one dictionary: rjieba's where it is jieba's, else jieba's own (`slow`, made
    on first need)."""

    def __init__(self, fast: _Cutter, slow: Callable[[], jieba.Tokenizer]):
        self._fast, self._slow = fast, slow

    def lcut(self, text: str) -> list[str]:
        """The words of `text`."""
        words = self._fast.cut(text)
        return words if _same_as_jieba(text, words) else self._by_block(text)

    def tokenize(self, text: str) -> list[Token]:
        """(word, start, end) for every word of `text`."""
        tokens = self._fast.tokenize(text)
        if _same_as_jieba(text, map(itemgetter(0), tokens)):
            return tokens
        out, start = [], 0
        for word in self._by_block(text):
            out.append((word, start, start + len(word)))
            start += len(word)
        return out

    def _by_block(self, text: str) -> list[str]:
        """jieba cuts each run of the chars it may join into words on its own (jieba.Tokenizer.cut): only
        the runs where rjieba may part from it are cut by jieba."""
        import jieba

        out: list[str] = []
        for block in jieba.re_han_default.split(text):
            words = self._fast.cut(block)
            out += words if _same_as_jieba(block, words) else self._slow().lcut(block)
        return out


def _same_as_jieba(text: str, words: Iterable[str]) -> bool:
    return _JOIN not in text and not _MAY_PART.search(_JOIN.join(words))


@lru_cache(maxsize=1)
def _jieba_default() -> jieba.Tokenizer:
    """jieba with its own dictionary, read once: the NER's fallback, the domain's start.

    From jieba's cache of it (where jieba.Tokenizer.initialize looks), read whole: jieba's own
    marshal.load from the open file reads it piecemeal, at less than half the speed."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    try:
        tok.FREQ, tok.total = marshal.loads((Path(tempfile.gettempdir()) / "jieba.cache").read_bytes())
        tok.initialized = True
    except (OSError, EOFError, ValueError, TypeError):  # none yet, or unreadable: jieba reads the dictionary, writes it
        tok.initialize()
    return tok


@lru_cache(maxsize=1)
def default_tags() -> dict[str, str]:
    """Part of speech of every word of jieba's own dictionary (as jieba.posseg read it on import)."""
    import jieba.posseg

    return dict(jieba.posseg.dt.word_tag_tab)


@lru_cache(maxsize=1)
def default() -> Segmenter:
    """jieba's cut with its own dictionary, nothing added (the NER's features): rjieba's module instance,
    which it builds on import and kg adds no word to."""
    import rjieba

    return Segmenter(rjieba, _jieba_default)


@lru_cache(maxsize=1)
def _user_words() -> tuple[tuple[str, int, str], ...]:
    return tuple((w, int(f), tag) for w, f, tag in (line.split(" ") for line in lexicon.load().jieba_userdict_lines()))


@lru_cache(maxsize=1)
def _jieba_domain() -> tuple[jieba.Tokenizer, jieba.posseg.POSTokenizer]:
    """jieba with the domain dictionary, and its tagger: a copy of the default's frequencies and tags."""
    import jieba
    import jieba.posseg

    base = _jieba_default()
    tok = jieba.Tokenizer()
    tok.FREQ, tok.total, tok.initialized = dict(base.FREQ), base.total, True
    for word, freq, tag in _user_words():
        tok.add_word(word, freq, tag)
    tagger = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)  # its __init__ would read the tags again
    tagger.tokenizer, tagger.word_tag_tab = tok, dict(default_tags())  # jieba adds the user words' tags on first use
    tagger._POSTokenizer__cut_detail = _unknown_run  # POSTokenizer.__cut_detail, remembered
    return tok, tagger


@lru_cache(maxsize=4096)
def _unknown_run(run: str) -> tuple[jieba.posseg.pair, ...]:
    """jieba.posseg's HMM reading of a run of chars its dictionary leaves single (a name, mostly: most of
    them recur through an article): a function of the run alone, so any tagger's serves."""
    import jieba.posseg

    return tuple(jieba.posseg.dt._POSTokenizer__cut_detail(run))


@lru_cache(maxsize=1)
def domain() -> Segmenter:
    """jieba's cut with the domain dictionary (the lexicon's words added)."""
    import rjieba

    fast = rjieba.Jieba()
    # jieba adds a word's frequency to its dictionary's total, rjieba first takes off what the word had:
    # the spare word gives that back, so the totals, and with them the cuts, agree
    had, base, added = 0, _jieba_default().FREQ, dict[str, int]()
    for word, freq, tag in _user_words():
        had += added.get(word, base.get(word) or 0)
        added[word] = freq
        fast.add_word(word, freq, tag)
    if had:
        fast.add_word(_SPARE_WORD, had, None)
    return Segmenter(fast, lambda: _jieba_domain()[0])


# Texts up to this long are cached (sentences, which several stages read); longer ones are cut afresh, so
# the caches hold at most 1,024 sentence-sized entries however long the article.
MAX_CACHED = 2000


def cut(text: str) -> tuple[Token, ...]:
    """(word, start, end) for every word of `text`, not cached: for text asked about once (a clause's prefix)."""
    return tuple(domain().tokenize(text))


_cached_cut = lru_cache(maxsize=1024)(cut)


def words(text: str) -> tuple[Token, ...]:
    """(word, start, end) for every word of `text` (cached: several stages read the same sentence)."""
    return _cached_cut(text) if len(text) <= MAX_CACHED else cut(text)


def boundaries(text: str) -> frozenset[int]:
    """Offsets in `text` where a word starts or ends (cached: every stage asks of the same sentences)."""
    return _cached_boundaries(text) if len(text) <= MAX_CACHED else _boundaries(text)


def _boundaries(text: str) -> frozenset[int]:
    out = {0, len(text)}
    for _, start, end in words(text):
        out.add(start)
        out.add(end)
    return frozenset(out)


_cached_boundaries = lru_cache(maxsize=1024)(_boundaries)


def tagged(text: str) -> list[tuple[str, str, int]]:
    """(word, part of speech, start) for every word of `text` (cached: names and clauses recur)."""
    return list(_cached_tagged(text) if len(text) <= MAX_CACHED else _tagged(text))


def _tagged(text: str) -> tuple[tuple[str, str, int], ...]:
    out, pos = [], 0
    for pair in _jieba_domain()[1].cut(text):
        out.append((pair.word, pair.flag, pos))
        pos += len(pair.word)
    return tuple(out)


_cached_tagged = lru_cache(maxsize=1024)(_tagged)


def frequency(word: str) -> int:
    """How often jieba's dictionary saw `word` (0 when it does not know it): common words are frequent."""
    return _jieba_domain()[0].FREQ.get(word) or 0


def dictionary_tag(word: str) -> str | None:
    """jieba's dictionary part of speech for a whole word (nt: an organisation), without tagging."""
    return _jieba_domain()[1].word_tag_tab.get(word)
