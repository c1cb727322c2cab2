"""Entity spans for texts: chunking, batching and the choice of backend.

The model is trained as a spaCy pipeline; kg runs it in numpy (``runtime``),
without importing spaCy, and falls back to spaCy only for an architecture the
runtime does not know.
Reads: texts. Provides: (start, end, label) spans per text, the pipeline's labels only.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from pipeline.errors import KgFailure
from pipeline.ner.features import Recogniser
from pipeline.ner.location import model_at, model_dir
from pipeline.records import LABELS

MAX_CHUNK = 200  # the model was trained on sentences of this order of length
_SENTENCE = re.compile(r"[^。！？!?；;\n]*(?:[。！？!?；;\n]+|$)")
_CLAUSE = re.compile(r"[^，,、：:]*(?:[，,、：:]+|$)")


class NeedsSpacy(KgFailure):
    """A model only spaCy runs, where spaCy is not installed."""


@functools.lru_cache(maxsize=4)
def load(path: str | Path | None = None) -> Recogniser:
    """The recogniser of the model at ``path``, else ``model_dir()``'s, loaded once per process:
    the numpy runtime (``pipeline.ner.runtime``), or spaCy for an architecture it does not know
    (an experiment's model with its tok2vec apart, say)."""
    from pipeline.ner import runtime

    folder = model_at(Path(path)) if path else model_dir()
    try:
        return runtime.load(folder).spans
    except runtime.UnknownArchitecture as unknown:
        try:
            from pipeline.ner import spacy_model
        except ImportError:  # spaCy is in the train extra: no shipped model needs it
            raise NeedsSpacy(f"{unknown}; such a model runs in spaCy: pip install 'kg[train]'") from None
        return spacy_model.recogniser(spacy_model.load(folder))


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
