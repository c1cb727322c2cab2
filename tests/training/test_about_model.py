"""The about model's training: labels, the effect of adding and dropping, the thresholds (toy examples)."""

import numpy as np

from training.about_model import Example, best_thresholds, effect
from training.statement_model import Baseline


def examples():
    listed_wrong = [Example(f"d{i}", ("listed:where=content",), True, 1, 0) for i in range(3)]
    listed_right = [Example(f"d{i}", ("listed:where=content",), True, 1, 1) for i in range(5)]
    left_right = [Example(f"d{i}", ("left:where=before",), False, 1, 1) for i in range(3)]
    left_wrong = [Example(f"d{i}", ("left:where=previous",), False, 2, 0) for i in range(3)]
    return listed_wrong + listed_right + left_right + left_wrong


def test_a_candidate_is_right_where_a_matched_gold_statement_lists_it():
    assert Example("d", (), False, 2, 1).label and not Example("d", (), True, 1, 0).label


def test_adding_and_dropping_move_the_pairs_they_make():
    ex = examples()
    probs = np.array([0.05] * 3 + [0.6] * 5 + [0.9] * 3 + [0.2] * 3)
    assert effect(ex, probs, add=0.8, drop=0.1) == (3 - 3, 3 - 0)
    assert effect(ex, probs, add=2.0, drop=0.0) == (0, 0)


def test_the_thresholds_take_only_what_lifts_the_pooled_f1():
    ex = examples()
    probs = np.array([0.05] * 3 + [0.6] * 5 + [0.9] * 3 + [0.2] * 3)
    base = Baseline(80, 100, 80, 120)
    add, drop, f1 = best_thresholds(ex, probs, base)
    assert 0.2 < add <= 0.9 and 0.05 < drop <= 0.6 and f1 > base.with_accepted(0, 0)[2]
