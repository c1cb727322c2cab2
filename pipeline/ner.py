"""Trained Chinese named-entity recogniser (one token per character).

Chinese has no spaces, and a word segmenter's mistakes at name boundaries are
exactly where NER fails, so the model sees characters as tokens and gets the
segmenter's view only as features: char_features below (char bigram, the
jieba word around the char, its B/I/E/S position and the dictionary POS of
that word), which training (pipeline/ner_spacy.py's tokenizer) and inference
(pipeline/ner_runtime.py) share, so both featurise identically.  The model is
trained as a spaCy pipeline; kg runs it in numpy, without importing spaCy.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from . import segment
from .messages import quoted
from .records import LABELS

Span = tuple[int, int, str]
Recogniser = Callable[[list[str]], list[list[Span]]]  # texts (a batch) -> each one's entity spans

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


def model_dir() -> Path:
    """The model kg uses: the folder ``KG_NER_MODEL`` names, else the shipped one."""
    chosen = os.environ.get(MODEL_ENV)
    return _model_at(Path(chosen) if chosen else MODEL_DIR, MODEL_ENV + "=" if chosen else "")


def _model_at(path: Path, named: str = "") -> Path:
    if not (path / "config.cfg").is_file():
        raise FileNotFoundError(f"{named}{quoted(str(path))}: no spaCy model there (a folder with config.cfg)")
    return path


@functools.lru_cache(maxsize=4)
def load(path: str | Path | None = None) -> Recogniser:
    """The recogniser of the model at ``path``, else ``model_dir()``'s, loaded once per process:
    the numpy runtime (pipeline/ner_runtime.py), or spaCy for an architecture it does not know
    (an experiment's model with its tok2vec apart, say)."""
    from . import ner_runtime

    folder = _model_at(Path(path)) if path else model_dir()
    try:
        return ner_runtime.load(folder).spans
    except ner_runtime.UnknownArchitecture:
        from . import ner_spacy

        return ner_spacy.recogniser(ner_spacy.load(folder))


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
    texts: Iterable[str], batch_size: int = 128, model: Recogniser | None = None
) -> list[list[tuple[int, int, str]]]:
    """Entity spans (start, end exclusive, label) per text, offsets into that
    text; labels are the pipeline's (records.LABELS) only."""
    model = model or load()
    texts = list(texts)
    owners: list[tuple[int, int]] = []
    pieces: list[str] = []
    for i, text in enumerate(texts):
        for offset, piece in chunks(text):
            owners.append((i, offset))
            pieces.append(piece)
    result: list[list[tuple[int, int, str]]] = [[] for _ in texts]
    found = (spans for at in range(0, len(pieces), batch_size) for spans in model(pieces[at : at + batch_size]))
    for (i, offset), spans in zip(owners, found):
        result[i].extend((offset + s, offset + e, label) for s, e, label in spans if label in LABELS)
    return result
