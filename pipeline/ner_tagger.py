"""The NER's entity layer: a linear-chain CRF over BILUO tags, one per char.

spaCy's transition-based entity layer takes about 11 of the recogniser's 28
µs a char, in Python-level state handling.  A score per tag on the encoder's
output costs about one, and decoding every doc of a batch at once (the best
tag path the BILUO grammar allows) keeps the spans well formed.  Training the
scores as a CRF (with learnt tag-to-tag scores) rather than a softmax per char
learns faster and measured better (training/EXPERIMENTS.md).  A teacher vote
left disputed is marginalised: any tag may stand there.  Registered with
spaCy, so ``spacy.load`` on the shipped model works once this module is imported.
"""

from __future__ import annotations

import functools
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

FACTORY = "kg_biluo_ner"
OUTSIDE = "O"
FORBIDDEN = -1e4  # a path the grammar forbids: finite, so that log-sums stay numbers


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


def tag_names(labels: Iterable[str]) -> tuple[str, ...]:
    """O, then B-, I-, L- and U- of each label, in that order."""
    return (OUTSIDE, *(f"{move}-{label}" for label in labels for move in "BILU"))


@functools.lru_cache(maxsize=8)
def grammar(tags: tuple[str, ...]) -> tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray]:
    """BILUO's rules as scores (0 allowed, FORBIDDEN not): tag after tag, first tag, last tag."""

    def opens(tag: str) -> bool:  # may stand where no span is open
        return tag == OUTSIDE or tag[0] in "BU"

    def follows(before: str, tag: str) -> bool:
        return tag[0] in "IL" and tag[2:] == before[2:] if before[0] in "BI" else opens(tag)

    def scores(allowed: list) -> numpy.ndarray:
        return numpy.where(allowed, 0.0, FORBIDDEN)

    return (
        scores([[follows(a, b) for b in tags] for a in tags]),
        scores([opens(t) for t in tags]),
        scores([t == OUTSIDE or t[0] in "LU" for t in tags]),
    )


def lattice(tags: tuple[str, ...], learnt: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray]:
    """The grammar's step scores with the learnt ones standing where it allows the step."""
    after, first, last = grammar(tags)
    return numpy.where(after == 0, learnt, after), first, last


def padded(scores: list[numpy.ndarray]) -> tuple[numpy.ndarray, numpy.ndarray]:
    """The docs' (chars, tags) scores as one zero-padded (docs, chars, tags)
    array and the docs' lengths: numpy then works a char position at a time."""
    lengths = numpy.array([len(s) for s in scores], dtype="int64")
    out = numpy.zeros((len(scores), max(int(lengths.max(initial=0)), 1), scores[0].shape[1]), dtype="float64")
    for b, s in enumerate(scores):
        out[b, : len(s)] = s
    return out, lengths


def viterbi(
    scores: list[numpy.ndarray], after: numpy.ndarray, first: numpy.ndarray, last: numpy.ndarray
) -> list[list[int]]:
    """Each doc's best-scoring tag path: its chars' tag scores plus ``after``'s
    between each two tags, ``first``'s and ``last``'s at its ends."""
    if not scores:
        return []
    emit, lengths = padded(scores)
    size, n = emit.shape[1], after.shape[0]
    best = emit[:, 0] + first
    back = numpy.zeros((len(scores), size, n), dtype="int32")
    stay = numpy.arange(n)[None]
    for t in range(1, size):
        paths = best[:, :, None] + after[None]
        came = paths.argmax(1)
        going = (t < lengths)[:, None]  # a finished doc keeps its scores
        best = numpy.where(going, numpy.take_along_axis(paths, came[:, None], 1)[:, 0] + emit[:, t], best)
        back[:, t] = numpy.where(going, came, stay)
    ends = (best + last).argmax(1)
    out = []
    for b, length in enumerate(lengths):
        path = [int(ends[b])]
        for t in range(length - 1, 0, -1):
            path.append(int(back[b, t, path[-1]]))
        out.append(path[::-1][:length])
    return out


def _logsumexp(x: numpy.ndarray, axis: int) -> numpy.ndarray:
    top = x.max(axis=axis, keepdims=True)
    return (top + numpy.log(numpy.exp(x - top).sum(axis=axis, keepdims=True))).squeeze(axis)


def marginals(
    emit: numpy.ndarray, lengths: numpy.ndarray, after: numpy.ndarray, first: numpy.ndarray, last: numpy.ndarray
) -> tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray]:
    """Forward-backward over padded docs: each doc's log-sum of all its paths'
    scores, each char's probability of each tag, and each doc's expected count
    of each tag-to-tag step."""
    docs, size, _ = emit.shape
    inside = numpy.arange(size)[None] < lengths[:, None]
    ends = numpy.arange(docs), lengths - 1
    alpha = numpy.zeros_like(emit)
    alpha[:, 0] = emit[:, 0] + first
    for t in range(1, size):
        alpha[:, t] = numpy.where(
            inside[:, t, None], _logsumexp(alpha[:, t - 1, :, None] + after[None], 1) + emit[:, t], 0.0
        )
    beta = numpy.zeros_like(emit)
    beta[ends] = last
    for t in range(size - 2, -1, -1):
        beta[:, t] = numpy.where(
            inside[:, t + 1, None], _logsumexp(after[None] + (emit[:, t + 1] + beta[:, t + 1])[:, None], 2), beta[:, t]
        )
    total = _logsumexp(alpha[ends] + last, 1)

    def probability(log_score: numpy.ndarray, where: numpy.ndarray) -> numpy.ndarray:
        return numpy.where(where, numpy.exp(numpy.minimum(log_score, 0.0)), 0.0)

    tags = probability(alpha + beta - total[:, None, None], inside[:, :, None])
    steps = sum(
        probability(
            alpha[:, t - 1, :, None] + after[None] + (emit[:, t] + beta[:, t])[:, None] - total[:, None, None],
            inside[:, t, None, None],
        )
        for t in range(1, size)
    )
    return total, tags, cast(numpy.ndarray, steps)


def crf_loss(
    scores: list[numpy.ndarray],
    gold: list[list[int | None]],
    after: numpy.ndarray,
    first: numpy.ndarray,
    last: numpy.ndarray,
) -> tuple[float, list[numpy.ndarray], numpy.ndarray]:
    """The docs' negative log-likelihood of their gold paths (a None tag: any
    tag), its gradient by char and tag, and by tag-to-tag step."""
    emit, lengths = padded(scores)
    known = numpy.zeros_like(emit)
    for b, gold_tags in enumerate(gold):
        for t, k in enumerate(gold_tags):
            if k is not None:
                known[b, t] = FORBIDDEN
                known[b, t, k] = 0.0
    total, tags, steps = marginals(emit, lengths, after, first, last)
    total_gold, tags_gold, steps_gold = marginals(emit + known, lengths, after, first, last)
    fits = (total_gold > FORBIDDEN / 2).astype("float64")  # no loss where the grammar forbids the gold path
    d_emit = (tags - tags_gold) * fits[:, None, None]
    d_after = ((steps - steps_gold) * fits[:, None, None]).sum(0) * (after > FORBIDDEN / 2)
    return float(((total - total_gold) * fits).sum()), [d_emit[b, :n] for b, n in enumerate(lengths)], d_after


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
