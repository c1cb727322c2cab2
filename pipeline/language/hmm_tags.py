"""jieba.posseg's HMM reading of a run of characters its dictionary leaves single (a name, mostly).

The same as POSTokenizer.__cut_detail, whose Viterbi (jieba.posseg.viterbi) took a sixth of the rules'
time: this one adds the same numbers in the same order, so it finds the same path, but looks up each
state's emission once per character rather than once per pair of states, and adds a character's pairs
of states in numpy at once, those without a transition scoring minus infinity as there (they win only
where every pair does).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy

if TYPE_CHECKING:
    import jieba.posseg

State = tuple[str, str]  # (B, M, E or S: where the character stands in its word; the word's tag)


def cut_detail(run: str) -> list[jieba.posseg.pair]:
    """jieba.posseg.POSTokenizer.__cut_detail: Han blocks read by the HMM, numbers and letters apart."""
    import jieba.posseg as p

    out: list[p.pair] = []
    for blk in p.re_han_detail.split(run):
        if p.re_han_detail.match(blk):
            out += _hmm_words(blk)
            continue
        for x in p.re_skip_detail.split(blk):
            if x:
                out.append(p.pair(x, "m" if p.re_num.match(x) else "eng" if p.re_eng.match(x) else "x"))
    return out


def _hmm_words(block: str) -> list[jieba.posseg.pair]:
    """POSTokenizer.__cut: the words and tags of the HMM's best path through a block of Han chars."""
    import jieba.posseg as p

    path = _viterbi(block)
    out, begin, nexti = [], 0, 0
    for i, char in enumerate(block):
        where, tag = path[i]
        if where == "B":
            begin = i
        elif where == "E":
            out.append(p.pair(block[begin : i + 1], tag))
            nexti = i + 1
        elif where == "S":
            out.append(p.pair(char, tag))
            nexti = i + 1
    if nexti < len(block):
        out.append(p.pair(block[nexti:], path[nexti][1]))
    return out


def _viterbi(obs: str) -> list[State]:
    """jieba.posseg.viterbi's best path: each state's score is (previous + transition) + emission, its
    previous state the one of the largest (score, state), as there. A step's pairs of states are added at
    once in numpy (the same float sums); the states stand in descending order, so the first of equal
    scores is the largest state, as in the max over (score, state)."""
    m = _model()
    states = _allowed(obs[0]).nonzero()[0]
    scores = m.start[states] + _emissions(obs[0], states)
    back: list[tuple[numpy.ndarray, numpy.ndarray]] = []  # each step's states, and the state before each
    for char in obs[1:]:
        leaving = m.leaves[states]
        prev, prev_scores = states[leaving], scores[leaving]  # jieba's prev_states: those with a way on
        expect = m.follows[prev].any(0)
        here = _allowed(char) & expect
        states = (here if here.any() else expect if expect.any() else numpy.ones_like(expect)).nonzero()[0]
        paths = (prev_scores[:, None] + m.trans[prev[:, None], states]) + _emissions(char, states)[None, :]
        best = paths.argmax(0)
        scores = paths[best, numpy.arange(len(states))]
        came = prev[best]
        came[scores == -numpy.inf] = prev[0]  # no way in: jieba's max over (-inf, state) takes the largest state
        back.append((states, came))
    state = states[scores.argmax()]
    path = [state]
    for step, came in reversed(back):
        state = came[numpy.searchsorted(step, state)]
        path.append(state)
    return [m.states[i] for i in reversed(path)]


@dataclass(frozen=True)
class _Model:
    """jieba.posseg's HMM as arrays over its states, in descending order."""

    states: tuple[State, ...]
    index: dict[State, int]
    start: numpy.ndarray  # start_P of each
    trans: numpy.ndarray  # (from, to): trans_P, -inf where no transition is listed
    follows: numpy.ndarray  # (from, to): whether trans_P lists the transition
    leaves: numpy.ndarray  # whether trans_P lists any transition from the state
    emit: tuple[dict[str, float], ...]  # emit_P of each


@lru_cache(maxsize=1)
def _model() -> _Model:
    from jieba.posseg import emit_P, start_P, trans_P

    states = tuple(sorted(trans_P, reverse=True))
    index = {s: i for i, s in enumerate(states)}
    trans = numpy.full((len(states), len(states)), -numpy.inf)
    for x, row in trans_P.items():
        for y, p in row.items():
            trans[index[x], index[y]] = p
    follows = numpy.asarray(trans > -numpy.inf)  # every listed transition's score is finite
    return _Model(
        states,
        index,
        numpy.array([start_P[s] for s in states]),
        trans,
        follows,
        numpy.asarray(follows.any(axis=1)),
        tuple(emit_P[s] for s in states),
    )


@lru_cache(maxsize=4096)
def _allowed(char: str) -> numpy.ndarray:
    """The states jieba.posseg lets a char take (char_state_tab_P; all where it lists none)."""
    from jieba.posseg import char_state_tab_P

    m = _model()
    listed = char_state_tab_P.get(char)
    if listed is None:
        return numpy.ones(len(m.states), dtype=bool)
    mask = numpy.zeros(len(m.states), dtype=bool)
    mask[[m.index[s] for s in listed]] = True
    return mask


def _emissions(char: str, states: numpy.ndarray) -> numpy.ndarray:
    """The char's emission score in each of the states (MIN_FLOAT where none is listed)."""
    from jieba.posseg.viterbi import MIN_FLOAT

    emit = _model().emit
    return numpy.array([emit[i].get(char, MIN_FLOAT) for i in states.tolist()], dtype=float)
