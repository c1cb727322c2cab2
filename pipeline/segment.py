"""Word segmentation with jieba, loaded once with a domain dictionary built from the lexicon.

Plain cutting is fast (≈150k chars/s) and is used to check that a cue or a
name sits on word boundaries; part-of-speech tagging is five times slower, so
it only runs on the short clauses where a speaker is looked for.
"""

from __future__ import annotations

import logging
from functools import lru_cache

import jieba
import jieba.posseg

from . import lexicon

jieba.setLogLevel(logging.WARNING)


@lru_cache(maxsize=1)
def _tokenizers() -> tuple[jieba.Tokenizer, jieba.posseg.POSTokenizer]:
    tok = jieba.Tokenizer()
    tok.initialize()
    for line in lexicon.load().jieba_userdict_lines():
        word, freq, tag = line.split(" ")
        tok.add_word(word, int(freq), tag)
    return tok, jieba.posseg.POSTokenizer(tok)


# Texts up to this long are cached (sentences, which several stages read); longer ones are cut afresh, so
# the caches hold at most 1,024 sentence-sized entries however long the article.
MAX_CACHED = 2000


def cut(text: str) -> tuple[tuple[str, int, int], ...]:
    """(word, start, end) for every word of `text`, not cached: for text asked about once (a clause's prefix)."""
    return tuple(_tokenizers()[0].tokenize(text))


_cached_cut = lru_cache(maxsize=1024)(cut)


def words(text: str) -> tuple[tuple[str, int, int], ...]:
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
    """(word, part of speech, start) for every word of `text`."""
    out, pos = [], 0
    for pair in _tokenizers()[1].cut(text):
        out.append((pair.word, pair.flag, pos))
        pos += len(pair.word)
    return out


def frequency(word: str) -> int:
    """How often jieba's dictionary saw `word` (0 when it does not know it): common words are frequent."""
    return _tokenizers()[0].FREQ.get(word) or 0


def dictionary_tag(word: str) -> str | None:
    """jieba's dictionary part of speech for a whole word (nt: an organisation), without tagging."""
    return _tokenizers()[1].word_tag_tab.get(word)
