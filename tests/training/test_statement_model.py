"""The statement detector's training: the fit, the folds and the threshold (toy examples)."""

import numpy as np

from training.statement_model import Baseline, Example, best_threshold, fit, matrix, vocabulary


def examples():
    good = [Example(f"d{i}", ("verb=表示", "after=，"), True, True) for i in range(6)]
    bad = [Example(f"d{i}", ("verb=预计", "after=是"), False, False) for i in range(6)]
    return good + bad


def test_the_fit_weighs_a_signal_by_the_labels_it_goes_with():
    ex = examples()
    vocab = vocabulary(ex)
    w = fit(matrix(ex, vocab), np.array([e.label for e in ex], float), 1.0)
    weight = dict(zip(vocab, w[:-1]))
    assert weight["verb=表示"] > 0 > weight["verb=预计"]


def test_a_feature_seen_once_is_left_out():
    ex = examples() + [Example("d9", ("verb=坦承",), True, True)]
    assert "verb=坦承" not in vocabulary(ex)


def test_the_threshold_accepts_only_what_lifts_the_pooled_f1():
    ex = examples()
    probs = np.array([0.9] * 6 + [0.4] * 6)
    base = {"attributed": Baseline(80, 90, 80, 100)}
    t, f1 = best_threshold(ex, probs, base)
    assert t == 0.9 and f1 > base["attributed"].with_accepted(0, 0)[2]
    assert base["attributed"].with_accepted(6, 0)[2] < base["attributed"].with_accepted(0, 0)[2]
