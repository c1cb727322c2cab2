"""The NER's entity layer: a BILUO tag per char, decoded by constrained Viterbi.

spaCy's transition-based entity layer takes about 11 of the recogniser's 28
µs a char, in Python-level state handling.  A softmax over BILUO tags on the
encoder's output costs about one, and decoding every doc of a batch at once
(the best tag path the BILUO grammar allows) keeps the spans well formed.
Measured better too (training/EXPERIMENTS.md).  Registered with spaCy, so
``spacy.load`` on the shipped model works once this module is imported.
"""
from __future__ import annotations

import functools
from itertools import islice
from typing import Callable, Iterable

import numpy
from spacy.language import Language
from spacy.pipeline import TrainablePipe
from spacy.tokens import Doc
from spacy.training import Example, biluo_tags_to_spans
from spacy.util import registry
from spacy.vocab import Vocab
from thinc.api import Maxout, Model, SequenceCategoricalCrossentropy, Softmax, chain, with_array
from thinc.types import Floats2d

FACTORY = "kg_biluo_ner"
OUTSIDE = "O"


@registry.architectures("kg.BiluoTagger.v1")
def biluo_tagger(tok2vec: Model, hidden_width: int = 0, nO: int | None = None) -> Model:
    """The encoder's vectors through an optional maxout layer to a softmax over tags."""
    output = Softmax(nO=nO)
    head = chain(Maxout(hidden_width, nP=2, dropout=0.0, normalize=True), output) if hidden_width else output
    model = chain(tok2vec, with_array(head))
    model.set_ref("tok2vec", tok2vec)
    model.set_ref("output_layer", output)
    return model


def tag_names(labels: Iterable[str]) -> tuple[str, ...]:
    """O, then B-, I-, L- and U- of each label, in that order."""
    return (OUTSIDE, *(f"{move}-{label}" for label in labels for move in "BILU"))


@functools.lru_cache(maxsize=8)
def grammar(tags: tuple[str, ...]) -> tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray]:
    """BILUO's rules as log-scores (0 allowed, -inf not): tag after tag, first tag, last tag."""
    def opens(tag: str) -> bool:  # may stand where no span is open
        return tag == OUTSIDE or tag[0] in "BU"

    def follows(before: str, tag: str) -> bool:
        return tag[0] in "IL" and tag[2:] == before[2:] if before[0] in "BI" else opens(tag)

    def scores(allowed: list[bool]) -> numpy.ndarray:
        return numpy.where(allowed, 0.0, -numpy.inf).astype("float32")

    return (scores([[follows(a, b) for b in tags] for a in tags]),
            scores([opens(t) for t in tags]),
            scores([t == OUTSIDE or t[0] in "LU" for t in tags]))


def viterbi(probs: list[numpy.ndarray], after: numpy.ndarray, first: numpy.ndarray,
            last: numpy.ndarray) -> list[list[int]]:
    """Each doc's most probable tag path that the grammar allows; the docs of a
    batch are padded and decoded together, so numpy works a char position at a time."""
    if not probs:
        return []
    lengths = numpy.array([len(p) for p in probs])
    size, n = max(int(lengths.max()), 1), after.shape[0]
    scores = numpy.zeros((len(probs), size, n), dtype="float32")
    for b, p in enumerate(probs):
        scores[b, :len(p)] = numpy.log(numpy.maximum(p, 1e-12))
    best = scores[:, 0] + first
    back = numpy.zeros((len(probs), size, n), dtype="int32")
    stay = numpy.arange(n)[None]
    for t in range(1, size):
        paths = best[:, :, None] + after[None]
        came = paths.argmax(1)
        going = (t < lengths)[:, None]  # a finished doc keeps its scores
        best = numpy.where(going, numpy.take_along_axis(paths, came[:, None], 1)[:, 0] + scores[:, t], best)
        back[:, t] = numpy.where(going, came, stay)
    ends = (best + last).argmax(1)
    out = []
    for b, length in enumerate(lengths):
        path = [int(ends[b])]
        for t in range(length - 1, 0, -1):
            path.append(int(back[b, t, path[-1]]))
        out.append(path[::-1][:length])
    return out


@Language.factory(FACTORY, default_config={"scorer": {"@scorers": "spacy.ner_scorer.v1"}})
def make_biluo_ner(nlp: Language, name: str, model: Model, scorer: Callable | None) -> "BiluoNER":
    return BiluoNER(nlp.vocab, model, name, scorer=scorer)


class BiluoNER(TrainablePipe):
    """Sets ``doc.ents``, like spaCy's ``ner``, from a tag per token."""

    def __init__(self, vocab: Vocab, model: Model, name: str = "ner", *, scorer: Callable | None = None):
        self.vocab, self.model, self.name, self.scorer = vocab, model, name, scorer
        self.cfg: dict = {"labels": []}

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(self.cfg["labels"])

    @property
    def tags(self) -> tuple[str, ...]:
        return tag_names(self.labels)

    def add_label(self, label: str) -> int:
        if label in self.labels:
            return 0
        self.cfg["labels"].append(label)
        return 1

    def predict(self, docs: list[Doc]) -> list[Floats2d]:
        return self.model.predict(docs)

    def set_annotations(self, docs: list[Doc], probs: list[Floats2d]) -> None:
        tags = self.tags
        for doc, path in zip(docs, viterbi([numpy.asarray(p) for p in probs], *grammar(tags))):
            doc.set_ents(biluo_tags_to_spans(doc, [tags[k] for k in path]), default="outside")

    def get_loss(self, examples: Iterable[Example], probs: list[Floats2d]) -> tuple[float, list[Floats2d]]:
        loss_func = SequenceCategoricalCrossentropy(names=list(self.tags), normalize=False)
        d_probs, loss = loss_func(probs, [_gold_tags(eg) for eg in examples])
        return float(loss), d_probs

    def initialize(self, get_examples: Callable[[], Iterable[Example]], *, nlp: Language | None = None,
                   labels: Iterable[str] | None = None) -> None:
        for label in labels or sorted({e.label_ for eg in get_examples() for e in eg.reference.ents}):
            self.add_label(label)
        self.model.get_ref("output_layer").set_dim("nO", len(self.tags))
        sample = list(islice(get_examples(), 10))
        truths = [self.model.ops.asarray2f([[float(tag == gold) for tag in self.tags]
                                           for gold in _gold_tags(eg, unknown=OUTSIDE)]) for eg in sample]
        self.model.initialize(X=[eg.x for eg in sample], Y=truths)


def _gold_tags(eg: Example, unknown: str | None = None) -> list[str | None]:
    """The reference's BILUO tag per predicted token; ``unknown`` (no loss) where
    it has none (a teacher vote left disputed, a misaligned token)."""
    return [tag if tag and tag != "-" else unknown for tag in eg.get_aligned_ner()]
