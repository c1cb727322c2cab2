"""Masked-char pretraining of the NER's tok2vec on unlabelled news (``--pretrain-epochs``).

The labelled split has ten thousand sentences, the news twenty times their
text.  Hiding 15 % of the news chars and teaching the tok2vec to give each
hidden char's static vector from the chars around it (BERT's cloze, on the
CNN we ship) lets it learn to read context before it sees a label.  The
masked text goes through the model's own tokenizer, so the bigram, jieba
word and POS features see the mask too; spaCy's ``pretrain`` rebuilds masked
Docs from their words and would lose those features.  Its weights reach a
training run through ``[paths] pretrained`` (``pretrained_tok2vec`` below).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy
import spacy
from spacy.language import Language
from spacy.training import Example
from spacy.util import registry
from thinc.api import Adam, Linear, chain, fix_random_seed, list2array, set_dropout_rate

from . import vectors

MASK = "\u2426"  # stands for a hidden char; the news has none
SHARE = 0.15  # of the chars with a static vector, hidden
MIN_CHARS = 8  # shorter pieces are mostly headlines' fragments
BATCH = 64  # sentences
DROPOUT = 0.1
REPORT_EVERY = 1000  # batches


def news() -> list[str]:
    """The news as sentence-sized pieces (no CLUENER line: held-out lines stay unseen)."""
    return [t for t in vectors.sentences(vectors.news_texts()) if len(t) >= MIN_CHARS]


def masked(
    text: str, rng: random.Random, chars: Sequence[str], has_vector: Callable[[str], bool]
) -> tuple[str, list[int]]:
    """``text`` with SHARE of its chars that have a vector chosen as targets,
    eight in ten of them replaced by MASK, one by a random char of ``chars``,
    one left as it is; and the targets' offsets."""
    out, targets = list(text), []
    for i, char in enumerate(text):
        if rng.random() < SHARE and has_vector(char):
            draw = rng.random()
            out[i] = MASK if draw < 0.8 else rng.choice(chars) if draw < 0.9 else char
            targets.append(i)
    return "".join(out), targets


def pipeline(config: Path, vector_source: Path, overrides: dict | None = None) -> Language:
    """The config's tok2vec alone (``overrides`` applied), with the static vectors, not yet initialised."""
    settings = spacy.util.load_config(config, overrides={**(overrides or {}), "paths.vectors": str(vector_source)})
    settings["nlp"]["pipeline"] = ["tok2vec"]
    settings["components"] = {"tok2vec": settings["components"]["tok2vec"]}
    return spacy.util.load_model_from_config(settings, auto_fill=True)


def pretrain(
    nlp: Language, texts: Sequence[str], epochs: int, seed: int = 0, report: Callable[[str], None] = print
) -> bytes:
    """``nlp``'s tok2vec, initialised here, after ``epochs`` passes over
    ``texts``: its weights, for ``[paths] pretrained``."""
    fix_random_seed(seed)
    rng = random.Random(seed)
    sample = [nlp.make_doc(t) for t in texts[:20]]
    nlp.initialize(lambda: [Example(d, d) for d in sample])
    table = nlp.vocab.vectors
    rows = table.data / numpy.linalg.norm(table.data, axis=1, keepdims=True).clip(1e-6)

    def row(char: str) -> int:
        return table.find(key=nlp.vocab.strings.add(char))

    def has_vector(char: str) -> bool:
        return row(char) >= 0

    tok2vec = nlp.get_pipe("tok2vec").model
    model = chain(tok2vec, list2array(), Linear(rows.shape[1]))
    model.initialize(X=sample[:2])
    set_dropout_rate(model, DROPOUT)
    optimizer = Adam(0.001, L2=0.01, grad_clip=1.0, use_averages=False)  # to_bytes saves the weights, not averages
    chars = sorted({char for text in texts[:20_000] for char in text if has_vector(char)})
    order = list(texts)
    for epoch in range(epochs):
        rng.shuffle(order)
        lost, seen = 0.0, 0
        for start in range(0, len(order), BATCH):
            originals = order[start : start + BATCH]
            batch = [masked(text, rng, chars, has_vector) for text in originals]
            offset = numpy.cumsum([0] + [len(text) for text in originals])
            at = numpy.array([offset[n] + i for n, (_, targets) in enumerate(batch) for i in targets], dtype="i")
            want = rows[[row(text[i]) for text, (_, targets) in zip(originals, batch) for i in targets]]
            predicted, backprop = model.begin_update([nlp.make_doc(text) for text, _ in batch])
            gradient = numpy.zeros_like(predicted)
            if len(at):
                gradient[at], loss = cosine_gradient(predicted[at], want)
                lost, seen = lost + loss, seen + len(at)
            backprop(gradient)
            model.finish_update(optimizer)
            if start and start % (BATCH * REPORT_EVERY) == 0:
                report(
                    f"pass {epoch + 1}: {start:,} of {len(order):,} pieces, "
                    f"mean cosine distance so far {lost / max(seen, 1):.3f}"
                )
        report(f"pretraining pass {epoch + 1} of {epochs}: mean cosine distance {lost / max(seen, 1):.3f}")
    return tok2vec.to_bytes()


def cosine_gradient(predicted: numpy.ndarray, wanted: numpy.ndarray) -> tuple[numpy.ndarray, float]:
    """The gradient of the mean cosine distance between rows of ``predicted``
    and unit rows of ``wanted``, and the summed distance."""
    norm = numpy.linalg.norm(predicted, axis=1, keepdims=True) + 1e-8
    cosine = (predicted * wanted).sum(axis=1, keepdims=True) / norm
    return -(wanted / norm - cosine * predicted / norm**2) / len(predicted), float((1 - cosine).sum())


@registry.callbacks("kg.pretrained_tok2vec.v1")
def pretrained_tok2vec(path: str | None) -> Callable[[Language], Language]:
    """``[initialize] after_init``: the tok2vec starts from the weights at ``path`` (None: as initialised)."""

    def load(nlp: Language) -> Language:
        if path:
            nlp.get_pipe("tok2vec").model.from_bytes(Path(path).read_bytes())
        return nlp

    return load
