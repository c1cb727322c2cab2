"""Train the second look at `about` (pipeline/relate/speech/about_model.py) on annotated real news.

    python -m training.about_model            # cross-validate, then write pipeline/data/about_model.json
    python -m training.about_model --dry-run  # cross-validate only

Each organisation a statement kg finds could be about is a candidate. The statement is matched to gold
as `kg eval` matches it (its text holds a gold quotation head); the candidate is positive when a
matched gold statement lists it in `about`. A statement matching none is spurious: every candidate of
it is negative (its pairs count against precision). A logistic regression with an L2 penalty weighs
the candidates' features; the penalty and the two thresholds (add a candidate the rules left out,
drop one they listed) are chosen by cross-validation over documents, as those maximising the pooled
`about` F1 of the rules with the candidates added and dropped.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from pipeline.apps.evaluate import Json, _Canon, doc_key, load_gold, score
from pipeline.extract import extract_paths
from pipeline.language import datafiles
from pipeline.read.script import in_simplified
from pipeline.recognise.context import ArticleContext
from pipeline.records import Extraction, InputError, Statement
from pipeline.relate.speech import about_model
from pipeline.resolve import article_names
from training.statement_model import SETS, Baseline, fit, matrix, vocabulary

PENALTIES = (0.3, 1.0, 3.0, 10.0)
FOLDS = 5
GRID = np.round(np.arange(0.02, 1.0, 0.02), 2)  # the thresholds tried


@dataclass
class Example:
    doc: str
    features: tuple[str, ...]
    chosen: bool  # the rules listed it
    pairs: int  # the (statement, organisation) pairs it makes: one per gold statement matched, or one
    right: int  # ... of which gold lists
    shown: str = ""  # statement and candidate, for --show

    @property
    def label(self) -> bool:
        return self.right > 0


Seen = list[tuple[ArticleContext, Statement, list[about_model.Candidate]]]


def _rules_alone() -> about_model.Model:
    return about_model.Model(0.0, 2.0, -1.0, {"chosen": 0.0})  # every candidate read, none added or dropped


def collect(docs: str, gold_dir: str) -> tuple[list[Example], Baseline]:
    """The candidates of a set's statements, labelled, and the rules' own `about` counts on it."""
    golds = {doc_key(g["doc"]): g for g in load_gold(gold_dir)}
    seen: Seen = []
    original, shipped = about_model.candidates, about_model.model

    def recording(article: about_model.ArticleView, st: Statement) -> list[about_model.Candidate]:
        found = original(article, st)
        seen.append((article.ctx, st, found))
        return found

    about_model.candidates = recording  # type: ignore[assignment]
    about_model.model = _rules_alone  # type: ignore[assignment]
    examples: list[Example] = []
    preds = []
    try:
        for x in extract_paths([docs]):
            if isinstance(x, InputError):
                raise SystemExit(f"{x.doc}: {x.reason}")  # a failing step would leave its candidates unlabelled
            key = doc_key(x.article.doc)
            preds.append(x.to_json())
            if key in golds:
                examples += label(key, golds[key], x, seen)
            seen.clear()
    finally:
        about_model.candidates = original  # type: ignore[assignment]
        about_model.model = shipped  # type: ignore[assignment]
    report = score(golds.values(), preds)
    return examples, Baseline(**vars(report.totals["about"]))


def label(key: str, gold: Json, x: Extraction, seen: Seen) -> list[Example]:
    """Each candidate with the pairs it makes and how many of them gold lists."""
    canon = _Canon(gold, x.to_json())
    out = []
    for ctx, st, found in seen:
        names = article_names(ctx)
        heads = [g for g in gold["statements"] if in_simplified(g["quote_head"]) in st.text]
        for c in found:
            name = canon.named(names.get(c.name, c.name))
            right = sum(name in (g.get("about") or []) for g in heads)
            shown = f"{st.text[:24]} :: {c.name}"
            out.append(Example(key, c.features, c.chosen, max(len(heads), 1), right, shown))
    return out


def effect(examples: list[Example], probs: np.ndarray, add: float, drop: float) -> tuple[int, int]:
    """The change in predicted pairs and in right pairs when candidates the rules left out are added
    from `add` up and those they listed are dropped below `drop`."""
    chosen = np.array([e.chosen for e in examples])
    pairs = np.array([e.pairs for e in examples])
    right = np.array([e.right for e in examples])
    added = ~chosen & (probs >= add)
    dropped = chosen & (probs < drop)
    return int(pairs[added].sum() - pairs[dropped].sum()), int(right[added].sum() - right[dropped].sum())


def best_thresholds(examples: list[Example], probs: np.ndarray, base: Baseline) -> tuple[float, float, float]:
    """The add and drop thresholds maximising the pooled about F1, and that F1 (2.0 adds nothing,
    0.0 drops nothing)."""
    best = (2.0, 0.0, base.with_accepted(0, 0)[2])
    for add in [2.0, *GRID[GRID >= 0.2]]:
        for drop in [0.0, *GRID[GRID <= 0.5]]:
            n, right = effect(examples, probs, add, drop)
            f1 = base.with_accepted(n, right)[2]
            if f1 > best[2] + 1e-9:
                best = (float(add), float(drop), f1)
    return best


def cross_validated(examples: list[Example], penalty: float) -> np.ndarray:
    """Each candidate's probability from a model fit on the folds its document is not in."""
    docs = sorted({e.doc for e in examples})
    fold = {d: i % FOLDS for i, d in enumerate(docs)}
    probs = np.zeros(len(examples))
    for k in range(FOLDS):
        train = [e for e in examples if fold[e.doc] != k]
        test = [i for i, e in enumerate(examples) if fold[e.doc] == k]
        vocab = vocabulary(train)
        w = fit(matrix(train, vocab), np.array([e.label for e in train], float), penalty)
        X = matrix([examples[i] for i in test], vocab)
        probs[test] = 1.0 / (1.0 + np.exp(-(X @ w[:-1] + w[-1])))
    return probs


def pooled(sets: list[tuple[str, str]]) -> tuple[list[Example], Baseline]:
    examples: list[Example] = []
    base = Baseline()
    for docs, gold in sets:
        ex, b = collect(docs, gold)
        examples += [Example(f"{docs}/{e.doc}", e.features, e.chosen, e.pairs, e.right, e.shown) for e in ex]
        base.add(b)
    return examples, base


def describe(examples: list[Example], probs: np.ndarray, base: Baseline, add: float, drop: float) -> str:
    n, right = effect(examples, probs, add, drop)
    p0, r0, f0 = base.with_accepted(0, 0)
    p1, r1, f1 = base.with_accepted(n, right)
    added = sum(1 for e, p in zip(examples, probs) if not e.chosen and p >= add)
    dropped = sum(1 for e, p in zip(examples, probs) if e.chosen and p < drop)
    return (
        f"about rules P {p0:.3f} R {r0:.3f} F1 {f0:.3f} -> P {p1:.3f} R {r1:.3f} F1 {f1:.3f}"
        f"  (added {added}, dropped {dropped}, right pairs {right:+d})"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dry-run", action="store_true", help="cross-validate, write nothing")
    ap.add_argument("--show", action="store_true", help="list the candidates the chosen model would change")
    args = ap.parse_args()
    examples, base = pooled(SETS)
    listed, right = sum(e.chosen for e in examples), sum(e.label for e in examples)
    print(f"{len(examples)} candidates, {listed} listed by the rules, {right} right")
    choice = None
    for penalty in PENALTIES:
        probs = cross_validated(examples, penalty)
        add, drop, f1 = best_thresholds(examples, probs, base)
        print(f"penalty {penalty}: add >= {add:.2f}, drop < {drop:.2f}, cross-validated about F1 {f1:.4f}")
        print("  " + describe(examples, probs, base, add, drop))
        if choice is None or f1 > choice[3] + 1e-9:
            choice = (penalty, add, drop, f1, probs)
    assert choice is not None
    penalty, add, drop, _, probs = choice
    if args.show:
        for p, e in sorted(zip(probs, examples), key=lambda pe: -pe[0]):
            if (not e.chosen and p >= add) or (e.chosen and p < drop):
                print(f"  {p:.2f} {'+' if e.label else '-'} {'drop' if e.chosen else 'add '} {e.doc}: {e.shown}")
    vocab = vocabulary(examples)
    w = fit(matrix(examples, vocab), np.array([e.label for e in examples], float), penalty)
    weights = {f: round(float(x), 4) for f, x in zip(vocab, w[:-1]) if abs(x) >= 1e-3}
    top = sorted(weights.items(), key=lambda kv: -abs(kv[1]))[:25]
    print("top features:", ", ".join(f"{f} {x:+.2f}" for f, x in top))
    if args.dry_run:
        return
    out = Path(str(datafiles.path(about_model.MODEL_FILE, datafiles.data_dir())))
    data = {"bias": round(float(w[-1]), 4), "add": add, "drop": drop, "penalty": penalty, "weights": weights}
    out.write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
