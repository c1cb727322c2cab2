"""The trained NER through spaCy: its tokenizer and layers registered, and ``spacy.load``.

Training (training/) builds, trains and scores models as spaCy pipelines, and
a model whose architecture pipeline/ner/runtime.py does not know (an
experiment's, with its tok2vec a component apart) runs here.  ``kg`` itself
runs the shipped model without spaCy (pipeline/ner/ loads the runtime).
The tokenizer makes one token a char and carries ner.char_features as
NORM, LEMMA and TAG, so training and inference featurise identically.
"""

from __future__ import annotations

import functools
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

from pipeline.ner import embed, tagger  # noqa: F401  register the model's input and entity layers for spacy.load
from pipeline.ner.features import CharSpan, Recogniser, char_features
from pipeline.ner.location import model_at, model_dir


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


@functools.lru_cache(maxsize=4)
def load(path: str | Path | None = None) -> Language:
    """The spaCy pipeline at ``path``, else ``model_dir()``'s, loaded once per process.

    Its matrix products go to numpy's BLAS rather than thinc's default blis
    kernels: same results, and on our x86-64 machines the whole recogniser
    runs about 1.5 times as fast.
    """
    import spacy
    from thinc.api import use_ops

    with use_ops("numpy", use_blis=False):
        return spacy.load(model_at(Path(path)) if path else model_dir())


def recogniser(nlp: Language) -> Recogniser:
    """``nlp`` as ``ner.recognise`` takes a model: a batch of texts to their entity spans."""

    def spans(texts: list[str]) -> list[list[CharSpan]]:
        return [
            [(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in nlp.pipe(texts, batch_size=len(texts))
        ]

    return spans
