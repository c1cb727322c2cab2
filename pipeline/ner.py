"""Trained Chinese named-entity recogniser (spaCy, one token per character).

Chinese has no spaces, and a word segmenter's mistakes at name boundaries are
exactly where NER fails, so the model sees characters as tokens and gets the
segmenter's view only as features.  The tokenizer below builds those features
(char bigram, the jieba word around the char, its B/I/E/S position and the
dictionary POS of that word) so training and inference featurise identically;
it is registered with spaCy, so ``spacy.load`` on the shipped model works once
this module is imported.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import cast

import numpy
from spacy.attrs import LEMMA, NORM, TAG
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab
from thinc.types import Ints2d

from . import ner_embed, ner_tagger, segment  # noqa: F401  ner_embed, ner_tagger: the model's layers, for spacy.load
from .records import LABELS

MODEL_NAME = "ner_zh"
MODEL_DIR = Path(__file__).parent / "models" / MODEL_NAME
MODEL_ENV = "KG_NER_MODEL"  # names another model folder: an experiment's (training --no-install), a user's own
MAX_CHUNK = 200  # the model was trained on sentences of this order of length
_END = "\u2403"  # stands for "after the last char" in bigrams
_SENTENCE = re.compile(r"[^。！？!?；;\n]*(?:[。！？!?；;\n]+|$)")
_CLAUSE = re.compile(r"[^，,、：:]*(?:[，,、：:]+|$)")


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


class CharTokenizer:
    """One token per character (whitespace included), so token i is char i;
    NORM carries the bigram, LEMMA the jieba word and TAG its BIES+POS."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        doc = Doc(self.vocab, words=list(text), spaces=[False] * len(text))
        if not text:
            return doc
        add = self.vocab.strings.add
        features = numpy.array([[add(g), add(w), add(t)] for g, w, t in zip(*char_features(text))], dtype="uint64")
        doc.from_array([NORM, LEMMA, TAG], cast(Ints2d, features))
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    # Stateless: nothing to save, but spaCy's (de)serialisation calls these.
    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> CharTokenizer:
        return self

    def to_disk(self, path, **kwargs) -> None:
        pass

    def from_disk(self, path, **kwargs) -> CharTokenizer:
        return self


@registry.tokenizers("kg.char_tokenizer.v1")
def create_char_tokenizer():
    def make(nlp: Language) -> CharTokenizer:
        return CharTokenizer(nlp.vocab)

    return make


def model_dir() -> Path:
    """The model kg uses: the folder ``KG_NER_MODEL`` names, else the shipped one."""
    chosen = os.environ.get(MODEL_ENV)
    return _model_at(Path(chosen) if chosen else MODEL_DIR, MODEL_ENV + "=" if chosen else "")


def _model_at(path: Path, named: str = "") -> Path:
    if not (path / "config.cfg").is_file():
        raise FileNotFoundError(f"{named}{path}: no spaCy model there (a folder with config.cfg)")
    return path


@functools.lru_cache(maxsize=4)
def load(path: str | Path | None = None) -> Language:
    """The model at ``path``, else ``model_dir()``'s, loaded once per process.

    Its matrix products go to numpy's BLAS rather than thinc's default blis
    kernels: same results, and on our x86-64 machines the whole recogniser
    runs about 1.5 times as fast (benchmarks/bench_ner.py).
    """
    import spacy
    from thinc.api import use_ops

    with use_ops("numpy", use_blis=False):
        return spacy.load(_model_at(Path(path)) if path else model_dir())


def chunks(text: str, size: int = MAX_CHUNK) -> list[tuple[int, str]]:
    """Split ``text`` into (offset, piece) of at most ``size`` chars, at
    sentence ends where possible, then at clause marks, then anywhere."""
    out: list[tuple[int, str]] = []
    start = end = 0  # current chunk is text[start:end]
    for piece_start, piece in _pieces(text, size):
        if piece_start + len(piece) - start > size and end > start:
            out.append((start, text[start:end]))
            start = piece_start
        end = piece_start + len(piece)
    if end > start:
        out.append((start, text[start:end]))
    return out


def _pieces(text: str, size: int) -> Iterator[tuple[int, str]]:
    for sent in _SENTENCE.finditer(text):
        if not sent.group():
            continue
        if len(sent.group()) <= size:
            yield sent.start(), sent.group()
            continue
        for clause in _CLAUSE.finditer(text, sent.start(), sent.end()):
            s = clause.group()
            for i in range(0, len(s), size):
                yield clause.start() + i, s[i : i + size]


def recognise(
    texts: Iterable[str], batch_size: int = 128, nlp: Language | None = None
) -> list[list[tuple[int, int, str]]]:
    """Entity spans (start, end exclusive, label) per text, offsets into that
    text; labels are the pipeline's (records.LABELS) only."""
    nlp = nlp or load()
    texts = list(texts)
    owners: list[tuple[int, int]] = []
    pieces: list[str] = []
    for i, text in enumerate(texts):
        for offset, piece in chunks(text):
            owners.append((i, offset))
            pieces.append(piece)
    result: list[list[tuple[int, int, str]]] = [[] for _ in texts]
    for (i, offset), doc in zip(owners, nlp.pipe(pieces, batch_size=batch_size)):
        result[i].extend((offset + e.start_char, offset + e.end_char, e.label_) for e in doc.ents if e.label_ in LABELS)
    return result
