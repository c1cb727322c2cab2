"""The NER's entity layer: a linear-chain CRF over BILUO tags, one per char.

spaCy's transition-based entity layer takes about 11 of the recogniser's 28
µs a char, in Python-level state handling.  A score per tag on the encoder's
output costs about one, and decoding every doc of a batch at once (the best
tag path the BILUO grammar allows) keeps the spans well formed.  Training the
scores as a CRF (with learnt tag-to-tag scores) rather than a softmax per char
learns faster and measured better (training/EXPERIMENTS.md).  A teacher vote
left disputed is marginalised: any tag may stand there (the maths: pipeline/ner/crf.py).  Registered with
spaCy, so ``spacy.load`` on the shipped model works once this module is imported.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import islice
from typing import cast

import numpy
from spacy.language import Language
from spacy.pipeline import TrainablePipe
from spacy.tokens import Doc
from spacy.training import Example, biluo_tags_to_spans
from spacy.util import registry
from spacy.vocab import Vocab
from thinc.api import Linear, Maxout, Model, chain, with_array
from thinc.types import Floats2d

from pipeline.ner.crf import OUTSIDE, crf_loss, lattice, tag_names, viterbi

FACTORY = "kg_biluo_ner"


@registry.architectures("kg.BiluoCrf.v1")
def biluo_crf(tok2vec: Model, hidden_width: int = 0, nO: int | None = None) -> Model:
    """The encoder's vectors through an optional maxout layer to a score per
    tag; the tag-to-tag scores ride along as the parameter of a last, identity layer."""
    scores = biluo_tag_scores(tok2vec, hidden_width, nO)
    moves = _transitions(nO)
    model: Model = chain(*scores.layers, moves)  # flat: the structure the trained weights were saved with
    for ref in ("tok2vec", "output_layer"):
        model.set_ref(ref, scores.get_ref(ref))
    model.set_ref("transitions", moves)
    return model


@registry.architectures("kg.BiluoTagScores.v1")
def biluo_tag_scores(tok2vec: Model, hidden_width: int = 0, nO: int | None = None) -> Model:
    """kg.BiluoCrf.v1 less its tag-to-tag scores: one member of an ensemble."""
    head, output = _head(hidden_width, nO)
    model: Model = chain(tok2vec, with_array(head))
    model.set_ref("tok2vec", tok2vec)
    model.set_ref("output_layer", output)
    return model


@registry.architectures("kg.BiluoCrfEnsemble.v1")
def biluo_crf_ensemble(*members: Model, nO: int | None = None) -> Model:
    """Independently trained models read as one: their tag scores averaged,
    then one set of tag-to-tag scores (their mean, set when assembled:
    training/ensemble.py).  Averaging smooths each model's own mistakes; two
    scored better than either alone on each of five held-out sets (training/EXPERIMENTS.md)."""
    moves = _transitions(nO)
    model: Model = chain(Model("mean", _mean, init=_initialize_members, layers=list(members)), moves)
    model.set_ref("transitions", moves)
    return model


def _mean(model: Model, docs: list[Doc], is_train: bool) -> tuple[list[Floats2d], Callable]:
    outputs, backprops = zip(*(member(docs, is_train) for member in model.layers))
    share = 1.0 / len(outputs)

    def backprop(d_scores: list[Floats2d]) -> list:
        for member_backprop in backprops:
            member_backprop([d * share for d in d_scores])
        return []

    return [sum(scores) * share for scores in zip(*outputs)], backprop


def _initialize_members(model: Model, X=None, Y=None) -> None:
    for member in model.layers:
        member.initialize(X=X, Y=Y)


def _head(hidden_width: int, nO: int | None) -> tuple[Model, Model]:
    output = Linear(nO=nO)
    return (chain(Maxout(hidden_width, nP=2, dropout=0.0, normalize=True), output) if hidden_width else output), output


def _transitions(nO: int | None) -> Model:
    return Model(
        "transitions",
        lambda model, X, is_train: (X, lambda dY: dY),
        init=_zero_transitions,
        dims={"nO": nO},
        params={"T": None},
    )


def _zero_transitions(model: Model, X=None, Y=None) -> None:
    model.set_param("T", model.ops.alloc2f(model.get_dim("nO"), model.get_dim("nO")))


@Language.factory(FACTORY, default_config={"scorer": {"@scorers": "spacy.ner_scorer.v1"}})
def make_biluo_ner(nlp: Language, name: str, model: Model, scorer: Callable | None) -> BiluoNER:
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

    def lattice(self) -> tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray]:
        return lattice(self.tags, numpy.asarray(self.model.get_ref("transitions").get_param("T"), dtype="float64"))

    def predict(self, docs: list[Doc]) -> list[Floats2d]:
        return self.model.predict(docs)

    def set_annotations(self, docs: list[Doc], scores: list[Floats2d]) -> None:
        tags = self.tags
        for doc, path in zip(docs, viterbi([numpy.asarray(s) for s in scores], *self.lattice())):
            doc.set_ents(biluo_tags_to_spans(doc, [tags[k] for k in path]), default="outside")

    def get_loss(self, examples: Iterable[Example], scores: list[Floats2d]) -> tuple[float, list[Floats2d]]:
        """The CRF's loss; the gradient of the tag-to-tag scores goes straight
        to their layer, which the update's optimiser step then applies."""
        index = {tag: k for k, tag in enumerate(self.tags)}
        gold = [[index.get(tag) if tag else None for tag in _gold_tags(eg)] for eg in examples]
        loss, d_scores, d_after = crf_loss([numpy.asarray(s) for s in scores], gold, *self.lattice())
        ops = self.model.ops
        self.model.get_ref("transitions").inc_grad("T", ops.asarray2f(cast(Floats2d, d_after)))
        return loss, [ops.asarray2f(cast(Floats2d, d)) for d in d_scores]

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Example]],
        *,
        nlp: Language | None = None,
        labels: Iterable[str] | None = None,
    ) -> None:
        for label in labels or sorted({e.label_ for eg in get_examples() for e in eg.reference.ents}):
            self.add_label(label)
        sized = [node.get_ref("output_layer") for node in self.model.walk() if node.has_ref("output_layer")]
        for layer in (*sized, self.model.get_ref("transitions")):
            layer.set_dim("nO", len(self.tags))
        sample = list(islice(get_examples(), 10))
        truths = [
            self.model.ops.asarray2f(
                [[float(tag == gold) for tag in self.tags] for gold in _gold_tags(eg, unknown=OUTSIDE)]
            )
            for eg in sample
        ]
        self.model.initialize(X=[eg.x for eg in sample], Y=truths)


def _gold_tags(eg: Example, unknown: str | None = None) -> list[str | None]:
    """The reference's BILUO tag per predicted token; ``unknown`` (any tag)
    where it has none (a teacher vote left disputed, a misaligned token)."""
    return [tag if tag and tag != "-" else unknown for tag in eg.get_aligned_ner()]
