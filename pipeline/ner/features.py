"""The NER's input: one token per character, with the segmenter's view as features.

Chinese has no spaces, and a word segmenter's mistakes at name boundaries are
exactly where NER fails, so the model sees characters as tokens and gets the
segmenter's view only as features: ``char_features`` (char bigram, the jieba
word around the char, its B/I/E/S position and the dictionary POS of that
word), which training (``spacy_model``'s tokenizer) and inference (``runtime``)
share, so both featurise identically.
Reads: text. Provides: per-char features, the span and recogniser types.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from pipeline.language import segment

CharSpan = tuple[int, int, str]
Recogniser = Callable[[list[str]], list[list[CharSpan]]]  # texts (a batch) -> each one's entity spans

_END = "\u2403"  # stands for "after the last char" in bigrams


@functools.lru_cache(maxsize=1)
def segmenter() -> tuple[segment.Segmenter, dict[str, str]]:
    """jieba's cut and parts of speech with its own dictionary only, so the words
    the rules add (the domain's) cannot shift the features from what the model learnt."""
    return segment.default(), segment.default_tags()


def bigrams(text: str) -> list[str]:
    """Each char with the next one (or the end mark): the NORM feature, and
    the key of the static vectors."""
    return [text[i : i + 2] if i + 1 < len(text) else text[i] + _END for i in range(len(text))]


def char_features(text: str) -> tuple[list[str], list[str], list[str]]:
    """Per char: bigram with the next char, the jieba word it is in, and its
    B/I/E/S position plus the word's dictionary POS (``hmm`` for unknown
    words, which are often names)."""
    tok, tags = segmenter()
    words: list[str] = []
    bies: list[str] = []
    for word in tok.lcut(text):
        pos = tags.get(word, "hmm")
        n = len(word)
        words.extend([word] * n)
        if n == 1:
            bies.append("S-" + pos)
        else:
            bies.extend(["B-" + pos] + ["I-" + pos] * (n - 2) + ["E-" + pos])
    return bigrams(text), words, bies
