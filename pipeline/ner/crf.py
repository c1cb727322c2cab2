"""The BILUO CRF's maths in numpy: the tag grammar, Viterbi decoding, marginals and loss.

Apart from spaCy, so that inference (pipeline/ner/runtime.py) decodes as
training (pipeline/ner/tagger.py) scores, without importing spaCy.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import cast

import numpy

OUTSIDE = "O"
FORBIDDEN = -1e4  # a path the grammar forbids: finite, so that log-sums stay numbers


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


def padded(scores: list[numpy.ndarray], dtype: str | numpy.dtype = "float64") -> tuple[numpy.ndarray, numpy.ndarray]:
    """The docs' (chars, tags) scores as one zero-padded (docs, chars, tags)
    array and the docs' lengths: numpy then works a char position at a time."""
    lengths = numpy.array([len(s) for s in scores], dtype="int64")
    out = numpy.zeros((len(scores), max(int(lengths.max(initial=0)), 1), scores[0].shape[1]), dtype=dtype)
    for b, s in enumerate(scores):
        out[b, : len(s)] = s
    return out, lengths


def viterbi(
    scores: list[numpy.ndarray], after: numpy.ndarray, first: numpy.ndarray, last: numpy.ndarray
) -> list[list[int]]:
    """Each doc's best-scoring tag path: its chars' tag scores plus ``after``'s
    between each two tags, ``first``'s and ``last``'s at its ends, in ``after``'s
    precision (float32 decodes kg's articles and dev lines as float64 does, faster).

    The docs go longest first, so those still going at a char position are the first few: each
    step and the walk back work on those alone, not on the padding of the docs already ended."""
    if not scores:
        return []
    order = sorted(range(len(scores)), key=lambda b: -len(scores[b]))
    emit, lengths = padded([scores[b] for b in order], after.dtype)
    size, n = emit.shape[1], after.shape[0]
    going = numpy.searchsorted(-lengths, -numpy.arange(size))  # how many docs are longer than each position
    best = emit[:, 0] + first
    back = numpy.zeros((len(scores), size, n), dtype="int32")
    for t in range(1, size):
        k = going[t]
        paths = best[:k, :, None] + after[None]
        back[:k, t] = paths.argmax(1)
        best[:k] = paths.max(1) + emit[:k, t]
    docs = numpy.arange(len(scores))
    tags = numpy.zeros((len(scores), size), dtype="int32")
    tags[docs, lengths - 1] = (best + last).argmax(1)
    for t in range(size - 1, 0, -1):
        k = going[t]
        tags[:k, t - 1] = back[docs[:k], t, tags[:k, t]]
    out: list[list[int]] = [[] for _ in scores]
    for b, length in enumerate(lengths.tolist()):
        out[order[b]] = tags[b, :length].tolist()
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


def spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """The entities (start, end exclusive, label) of a well-formed BILUO tag path, as spaCy's
    ``biluo_tags_to_spans`` reads it (one token a char: token offsets are char offsets)."""
    out, start = [], 0
    for i, tag in enumerate(tags):
        if tag[0] == "B":
            start = i
        elif tag[0] == "L":
            out.append((start, i + 1, tag[2:]))
        elif tag[0] == "U":
            out.append((i, i + 1, tag[2:]))
    return out
