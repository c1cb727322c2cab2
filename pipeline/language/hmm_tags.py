"""jieba.posseg's HMM reading of a run of characters its dictionary leaves single (a name, mostly).

The same as POSTokenizer.__cut_detail, whose Viterbi (jieba.posseg.viterbi) took a sixth of the rules'
time: this one adds the same numbers in the same order, so it finds the same path, but looks up each
state's emission once per character rather than once per pair of states, and leaves out the pairs
without a transition, which score minus infinity there (and win only where every pair does).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

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
    previous state the one of the largest (score, state), as there."""
    from jieba.posseg import char_state_tab_P, emit_P, start_P, trans_P
    from jieba.posseg.viterbi import MIN_FLOAT, MIN_INF

    all_states = trans_P.keys()
    scores = {y: start_P[y] + emit_P[y].get(obs[0], MIN_FLOAT) for y in char_state_tab_P.get(obs[0], all_states)}
    back: list[dict[State, State]] = []
    for char in obs[1:]:
        prev = [(x, scores[x], trans_P[x]) for x in scores if trans_P[x]]
        expect_next = {y for _, _, trans in prev for y in trans}
        states = set(char_state_tab_P.get(char, all_states)) & expect_next or expect_next or set(all_states)
        scores, step = {}, {}
        for y in states:
            emit = emit_P[y].get(char, MIN_FLOAT)
            best = max((score + trans[y] + emit, x) for x, score, trans in prev if y in trans)
            scores[y], step[y] = best if best[0] != MIN_INF else (MIN_INF, max(x for x, _, _ in prev))
        back.append(step)
    state = max((score, y) for y, score in scores.items())[1]
    path = [state]
    for step in reversed(back):
        state = step[state]
        path.append(state)
    return path[::-1]
