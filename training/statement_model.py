"""Train the statement detector (pipeline/relate/speech/learned.py) on annotated real news.

    python -m training.statement_model            # cross-validate, then write pipeline/data/statement_model.json
    python -m training.statement_model --dry-run  # cross-validate only
    python -m training.statement_model --also DOCS GOLD --dry-run   # a further set, in this process only

Each cue the rules pass over whose source they can name is a candidate; it is positive when the content
it would attribute holds the quotation head of a gold statement the rules missed and the source is that
statement's speaker. A logistic regression with an L2 penalty weighs the candidates' features; the
penalty and the acceptance threshold are chosen by cross-validation over documents, the threshold as
the one that maximises the pooled `attributed` F1 of the rules plus the candidates accepted.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

from pipeline.apps.evaluate import doc_key, load_gold, score
from pipeline.extract import extract_paths
from pipeline.language import datafiles
from pipeline.read.script import in_simplified
from pipeline.records import Extraction, InputError, Said
from pipeline.relate.speech import learned
from pipeline.relate.speech.source import SentenceContext

SETS = [  # written for the project (tests/data) or read blind for study (training/realnews/dev)
    ("training/realnews/dev/docs", "training/realnews/dev/gold"),
    ("tests/data/articles", "tests/data/articles_gold"),
    ("tests/data/holdout", "tests/data/holdout_gold"),
    ("tests/data/holdout2", "tests/data/holdout2_gold"),
]
FIELDS = ("statements", "attributed")
PENALTIES = (0.3, 1.0, 3.0, 10.0)
FOLDS = 5
MIN_COUNT = 2  # a feature seen once is a sentence, not a signal


@dataclass
class Example:
    doc: str
    features: tuple[str, ...]
    found: bool  # the content holds a missed gold statement's head
    label: bool  # ... and the source is its speaker
    shown: str = ""  # source, cue and content, for --show


@dataclass
class Baseline:
    """The rules' pooled counts for a field (evaluate.Counts), and its F1 with `n` more statements
    accepted of which `right` are right."""

    right_predicted: int = 0
    predicted: int = 0
    right_gold: int = 0
    gold: int = 0

    def add(self, other: Baseline) -> None:
        self.right_predicted += other.right_predicted
        self.predicted += other.predicted
        self.right_gold += other.right_gold
        self.gold += other.gold

    def with_accepted(self, n: int, right: int) -> tuple[float, float, float]:
        """Precision, recall and F1."""
        p = (self.right_predicted + right) / max(self.predicted + n, 1)
        r = (self.right_gold + right) / max(self.gold, 1)
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _rejecting() -> learned.Model:
    return learned.Model(0.0, 2.0, {})  # no probability reaches 2: the rules alone


def collect(docs: str, gold_dir: str) -> tuple[list[Example], dict[str, Baseline]]:
    """The candidates of a set's documents, labelled, and the rules' own counts on it."""
    golds = {doc_key(g["doc"]): g for g in load_gold(gold_dir)}
    seen: list[tuple[SentenceContext, learned.Candidate]] = []
    original = learned.candidates

    def recording(ctx: SentenceContext, said: list[Said]) -> list[learned.Candidate]:
        found = original(ctx, said)
        seen.extend((ctx, c) for c in found)
        return found

    learned.candidates = recording  # type: ignore[assignment]
    learned.model.cache_clear()
    learned_model = learned.model
    learned.model = _rejecting  # type: ignore[assignment]
    examples: list[Example] = []
    preds = []
    try:
        for x in _extractions(docs):
            key = doc_key(x.article.doc)
            preds.append(x.to_json())
            examples += _label(key, golds.get(key), x, seen)
            seen.clear()
    finally:
        learned.candidates = original  # type: ignore[assignment]
        learned.model = learned_model  # type: ignore[assignment]
    report = score(golds.values(), preds)
    base = {f: Baseline(**vars(report.totals[f])) for f in FIELDS}
    return examples, base


def _extractions(docs: str) -> Iterator[Extraction]:
    for x in extract_paths([docs]):
        if not isinstance(x, InputError):
            yield x


def _label(
    key: str, gold: dict | None, x: Extraction, seen: list[tuple[SentenceContext, learned.Candidate]]
) -> list[Example]:
    if gold is None:
        return []
    texts = [s.text for s in x.statements]
    missed = [g for g in gold["statements"] if not any(g["quote_head"] in t for t in texts)]
    out = []
    for ctx, c in seen:
        said = ctx.text[c.said.start : c.said.end]
        holds = [g for g in missed if in_simplified(g["quote_head"]) in said]
        right = any((c.said.speaker.person or None) == g["speaker"] for g in holds)
        who = c.said.speaker.person or f"[{c.said.speaker.desc}]"
        out.append(Example(key, c.features, bool(holds), right, f"{who} {c.said.cue}: {said[:30]}"))
    return out


def fit(X: np.ndarray, y: np.ndarray, penalty: float) -> np.ndarray:
    """Weights (bias last) of an L2-penalised logistic regression, the bias unpenalised."""
    Xb = np.hstack([X, np.ones((X.shape[0], 1))])

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = Xb @ w
        p = 1.0 / (1.0 + np.exp(-z))
        nll = np.sum(np.logaddexp(0.0, z) - y * z)
        reg = 0.5 * penalty * np.sum(w[:-1] ** 2)
        grad = Xb.T @ (p - y)
        grad[:-1] += penalty * w[:-1]
        return float(nll + reg), grad

    w0 = np.zeros(Xb.shape[1])
    return np.asarray(minimize(loss, w0, jac=True, method="L-BFGS-B").x)


def vocabulary(examples: list[Example]) -> list[str]:
    counts: dict[str, int] = {}
    for e in examples:
        for f in e.features:
            counts[f] = counts.get(f, 0) + 1
    return sorted(f for f, n in counts.items() if n >= MIN_COUNT)


def matrix(examples: list[Example], vocab: list[str]) -> np.ndarray:
    index = {f: i for i, f in enumerate(vocab)}
    X = np.zeros((len(examples), len(vocab)))
    for r, e in enumerate(examples):
        for f in e.features:
            if f in index:
                X[r, index[f]] = 1.0
    return X


def cross_validated(examples: list[Example], penalty: float) -> np.ndarray:
    """Each example's probability from a model fit on the folds its document is not in."""
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


def best_threshold(examples: list[Example], probs: np.ndarray, base: dict[str, Baseline]) -> tuple[float, float]:
    """The threshold maximising the pooled attributed F1 with the candidates it accepts, and that F1."""
    att = base["attributed"]
    best = (2.0, att.with_accepted(0, 0)[2])
    for t in sorted(set(np.round(probs, 3)), reverse=True):
        if t < 0.3:
            break
        take = probs >= t
        right = sum(e.label for e, k in zip(examples, take) if k)
        score_ = att.with_accepted(int(take.sum()), right)[2]
        if score_ > best[1] + 1e-9:
            best = (float(t), score_)
    return best


def report_at(examples: list[Example], probs: np.ndarray, base: dict[str, Baseline], t: float) -> str:
    take = probs >= t
    lines = []
    for field, attr in (("statements", "found"), ("attributed", "label")):
        right = sum(getattr(e, attr) for e, k in zip(examples, take) if k)
        n = int(take.sum())
        p0, r0, f0 = base[field].with_accepted(0, 0)
        p1, r1, f1 = base[field].with_accepted(n, right)
        lines.append(
            f"{field:11} rules P {p0:.3f} R {r0:.3f} F1 {f0:.3f}"
            f"  -> with model P {p1:.3f} R {r1:.3f} F1 {f1:.3f}  (accepted {n}, right {right})"
        )
    return "\n".join(lines)


def pooled(sets: list[tuple[str, str]]) -> tuple[list[Example], dict[str, Baseline]]:
    examples: list[Example] = []
    base = {f: Baseline() for f in FIELDS}
    for docs, gold in sets:
        ex, b = collect(docs, gold)
        examples += [Example(f"{docs}/{e.doc}", e.features, e.found, e.label, e.shown) for e in ex]
        for f in FIELDS:
            base[f].add(b[f])
    return examples, base


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--also", nargs=2, action="append", default=[], metavar=("DOCS", "GOLD"))
    ap.add_argument("--dry-run", action="store_true", help="cross-validate, write nothing")
    ap.add_argument("--show", action="store_true", help="list the candidates with their cross-validated probability")
    args = ap.parse_args()
    examples, base = pooled(SETS + [tuple(a) for a in args.also])
    print(
        f"{len(examples)} candidates, {sum(e.found for e in examples)} hold a missed statement, "
        f"{sum(e.label for e in examples)} with its speaker"
    )
    choice = None
    for penalty in PENALTIES:
        probs = cross_validated(examples, penalty)
        t, score_ = best_threshold(examples, probs, base)
        print(f"penalty {penalty}: threshold {t:.3f}, cross-validated attributed F1 {score_:.4f}")
        print(report_at(examples, probs, base, t))
        if choice is None or score_ > choice[2] + 1e-9:
            choice = (penalty, t, score_)
            shown = sorted(zip(probs, examples), key=lambda pe: -pe[0])
    assert choice is not None
    if args.show:
        for p, e in shown:
            print(f"  {p:.2f} {'+' if e.label else '*' if e.found else '-'} {e.doc}: {e.shown}")
    penalty, threshold, _ = choice
    vocab = vocabulary(examples)
    w = fit(matrix(examples, vocab), np.array([e.label for e in examples], float), penalty)
    weights = {f: round(float(x), 4) for f, x in zip(vocab, w[:-1]) if abs(x) >= 1e-3}
    top = sorted(weights.items(), key=lambda kv: -abs(kv[1]))[:25]
    print("top features:", ", ".join(f"{f} {x:+.2f}" for f, x in top))
    if args.dry_run:
        return
    out = Path(str(datafiles.path(learned.MODEL_FILE, datafiles.data_dir())))
    data = {"bias": round(float(w[-1]), 4), "threshold": min(threshold, 1.0), "penalty": penalty, "weights": weights}
    out.write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
