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


@lru_cache(maxsize=1024)
def words(text: str) -> tuple[tuple[str, int, int], ...]:
    """(word, start, end) for every word of `text` (cached: several stages read the same sentence)."""
    return tuple(_tokenizers()[0].tokenize(text))


@lru_cache(maxsize=1024)
def boundaries(text: str) -> frozenset[int]:
    """Offsets in `text` where a word starts or ends (cached: every stage asks of the same sentences)."""
    out = {0, len(text)}
    for _, start, end in words(text):
        out.add(start)
        out.add(end)
    return frozenset(out)


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
