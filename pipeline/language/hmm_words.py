"""jieba's HMM reading of the single chars its dictionary's route leaves together (jieba.finalseg.cut).

The same words as jieba.finalseg.cut, whose Viterbi took a twentieth of the rules' time: four states
(B, M, E, S) with two ways into each, so each step is written out. The same sums in the same order
((previous + transition) + emission) and the same choice among equal scores (jieba's max over
(score, state) takes the larger state), and the path read back from each step's choices rather than
copied whole at every step.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache


def cut(chars: str) -> list[str]:
    """jieba.finalseg.cut: Han blocks read by the HMM (its force-split words char by char), letters,
    digits and what lies between as jieba splits them."""
    import jieba.finalseg as f

    out: list[str] = []
    for blk in f.re_han.split(chars):
        if not f.re_han.match(blk):
            out += [x for x in f.re_skip.split(blk) if x]
            continue
        for word in _words(blk):
            out += list(word) if word in f.Force_Split_Words else [word]
    return out


def _words(block: str) -> Iterator[str]:
    """jieba.finalseg.__cut: the words of the best path through a block of Han chars."""
    path = _viterbi(block)
    begin, nexti = 0, 0
    for i, char in enumerate(block):
        where = path[i]
        if where == "B":
            begin = i
        elif where == "E":
            yield block[begin : i + 1]
            nexti = i + 1
        elif where == "S":
            yield char
            nexti = i + 1
    if nexti < len(block):
        yield block[nexti:]


def _viterbi(obs: str) -> str:
    """jieba.finalseg.viterbi's best path, one letter (B, M, E, S) per char. Into B from E or S, into M
    from M or B, into E from B or M, into S from S or E (jieba's PrevStatus); of equal scores the later
    letter wins, as in jieba's max over (score, state)."""
    low, (eb, em, ee, es), (sb, sm, se, ss), (t_eb, t_sb, t_bm, t_mm, t_be, t_me, t_es, t_ss) = _model()
    c = obs[0]
    vb, vm, ve, vs = sb + eb.get(c, low), sm + em.get(c, low), se + ee.get(c, low), ss + es.get(c, low)
    back: list[dict[str, str]] = []  # each step's letter before each letter
    for c in obs[1:]:
        x, y, z, w = eb.get(c, low), em.get(c, low), ee.get(c, low), es.get(c, low)
        b1, b2 = ve + t_eb + x, vs + t_sb + x
        m1, m2 = vb + t_bm + y, vm + t_mm + y
        e1, e2 = vb + t_be + z, vm + t_me + z
        s1, s2 = ve + t_es + w, vs + t_ss + w
        back.append(
            {
                "B": "E" if b1 > b2 else "S",
                "M": "B" if m1 > m2 else "M",
                "E": "B" if e1 > e2 else "M",
                "S": "E" if s1 > s2 else "S",
            }
        )
        vb, vm, ve, vs = max(b1, b2), max(m1, m2), max(e1, e2), max(s1, s2)
    state = "E" if ve > vs else "S"
    path = [state]
    for step in reversed(back):
        state = step[state]
        path.append(state)
    return "".join(reversed(path))


Scores = tuple[float, float, float, float]


@lru_cache(maxsize=1)
def _model() -> tuple[float, tuple[dict[str, float], ...], Scores, tuple[float, ...]]:
    """jieba.finalseg's MIN_FLOAT; the emissions and start scores of B, M, E and S; the transitions
    E→B, S→B, B→M, M→M, B→E, M→E, E→S, S→S (MIN_FLOAT where jieba lists none)."""
    from jieba.finalseg import MIN_FLOAT, emit_P, start_P, trans_P

    return (
        MIN_FLOAT,
        tuple(emit_P[s] for s in "BMES"),
        (start_P["B"], start_P["M"], start_P["E"], start_P["S"]),
        tuple(trans_P[x].get(y, MIN_FLOAT) for x, y in ("EB", "SB", "BM", "MM", "BE", "ME", "ES", "SS")),
    )
