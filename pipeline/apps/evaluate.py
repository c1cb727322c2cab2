"""Scoring extractions against hand-annotated gold: the team's scorer inside the product.

The rules are those of the team's `kg_score.py docs` (design brief, "How extraction is
scored"), so `kg eval` and the scorer print the same figures; on top of the counts each
document's misses and false hits are kept, which is what one reads to find an error's cause.
Gold files follow the sample's schema (`doc`, `organizations`, `persons`, `statements`,
`figures`); predictions are `kg extract` JSON objects.
"""

from __future__ import annotations

import json
import pathlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pipeline.records import ORG_LABELS

FIELDS = ("organizations", "persons", "roles", "statements", "attributed", "about", "figures", "subjects")

Json = dict[str, Any]


@dataclass
class Counts:
    """What precision and recall are computed from (a field's true positives are counted on both
    sides because one predicted item may match several gold ones and the reverse)."""

    right_predicted: int = 0
    predicted: int = 0
    right_gold: int = 0
    gold: int = 0

    def add(self, other: Counts) -> None:
        self.right_predicted += other.right_predicted
        self.predicted += other.predicted
        self.right_gold += other.right_gold
        self.gold += other.gold

    @property
    def precision(self) -> float:
        return self.right_predicted / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.right_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> Json:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "predicted": self.predicted,
            "gold": self.gold,
        }


@dataclass(frozen=True)
class Error:
    """One miss or false hit: `kind` names the class (missed statement, wrong speaker, ...)."""

    kind: str
    detail: str


@dataclass
class DocScore:
    doc: str
    counts: dict[str, Counts] = field(default_factory=lambda: {f: Counts() for f in FIELDS})
    errors: list[Error] = field(default_factory=list)

    def miss(self, kind: str, detail: str) -> None:
        self.errors.append(Error(kind, detail))


@dataclass
class Report:
    totals: dict[str, Counts]
    docs: list[DocScore]
    missing_docs: list[str]

    def summary(self) -> str:
        """The scorer's one-line summary."""
        return " ".join(f"{f}={self.totals[f].f1:.3f}" for f in FIELDS)

    def to_json(self, errors: bool = False) -> Json:
        out: Json = {f: self.totals[f].to_json() for f in FIELDS}
        out["missing_docs"] = self.missing_docs
        if errors:
            out["errors"] = {
                d.doc: [{"kind": e.kind, "detail": e.detail} for e in d.errors] for d in self.docs if d.errors
            }
        return out


def doc_key(name: str) -> str:
    """Gold and predictions are paired by file stem (`docs/07.txt` ↔ `gold/07.json`)."""
    return pathlib.Path(str(name)).stem


def load_gold(path: str | pathlib.Path) -> list[Json]:
    """A gold file, or every *.json of a folder in name order."""
    p = pathlib.Path(path)
    files = sorted(p.glob("*.json")) if p.is_dir() else [p]
    if not files:
        raise ValueError(f"{path}: no gold files (*.json)")
    golds = []
    for f in files:
        try:
            golds.append(json.loads(f.read_text(encoding="utf-8")))
        except (OSError, ValueError) as e:
            raise ValueError(f"{f}: not a gold file ({e})") from e
    return golds


def score(golds: Iterable[Json], predictions: Iterable[Json]) -> Report:
    """Every gold document scored against the prediction for the same file stem."""
    preds = {doc_key(d.get("doc", "")): d for d in predictions}
    totals = {f: Counts() for f in FIELDS}
    docs, missing = [], []
    for g in golds:
        d = preds.get(doc_key(g["doc"]))
        if d is None:
            missing.append(g["doc"])
        s = score_doc(g, d or {})
        for f in FIELDS:
            totals[f].add(s.counts[f])
        docs.append(s)
    return Report(totals, docs, missing)


def score_doc(gold: Json, pred: Json) -> DocScore:
    """One document: counts per field and the errors behind them."""
    out = DocScore(gold["doc"])
    canon = _Canon(gold, pred)
    _organisations(gold, pred, canon, out)
    _persons(gold, pred, out)
    _roles(gold, pred, canon, out)
    _statements(gold, pred, canon, out)
    _figures(gold, pred, canon, out)
    return out


class _Canon:
    """A name as the gold organisation it stands for: directly through a gold surface form, or
    through the predicted entity of that name, whose surface forms may be gold mentions
    (工业和信息化部, never written, stands for 工信部)."""

    def __init__(self, gold: Json, pred: Json):
        self.alias = {m: o["name"] for o in gold["organizations"] for m in set(o["mentions"]) | {o["name"]}}
        self.forms: dict[str, set[str]] = {}
        for e in _orgs(pred):
            self.forms.setdefault(e.get("name", ""), set()).update(_forms(e))

    def __call__(self, name: str) -> str | None:
        if name in self.alias:
            return self.alias[name]
        hits = {self.alias[f] for f in self.forms.get(name, ()) if f in self.alias}
        return hits.pop() if len(hits) == 1 else None

    def named(self, name: str) -> str:
        """The gold organisation, or the name marked as resolving to none."""
        return self(name) or "?" + name


def _orgs(pred: Json) -> list[Json]:
    return [e for e in pred.get("entities", []) if e.get("label") in ORG_LABELS]


def _forms(entity: Json) -> list[str]:
    return [entity.get("name", "")] + [m.get("text", "") for m in entity.get("mentions", [])]


def _organisations(gold: Json, pred: Json, canon: _Canon, out: DocScore) -> None:
    hit: set[str] = set()
    right = 0
    for e in _orgs(pred):
        found = {canon(f) for f in _forms(e)} - {None}
        if found:
            right += 1
            hit |= found  # type: ignore[arg-type]
        else:
            out.miss("extra organisation", e.get("name", ""))
    for o in gold["organizations"]:
        if o["name"] not in hit:
            out.miss("missed organisation", f"{o['name']} ({'、'.join(o['mentions'])})")
    out.counts["organizations"] = Counts(right, len(_orgs(pred)), len(hit), len(gold["organizations"]))


def _persons(gold: Json, pred: Json, out: DocScore) -> None:
    g = {p["name"] for p in gold["persons"]}
    p = {e.get("name") for e in pred.get("entities", []) if e.get("label") == "PERSON"}
    out.errors += [Error("missed person", n) for n in sorted(g - p)]
    out.errors += [Error("extra person", str(n)) for n in sorted(p - g, key=str)]
    out.counts["persons"] = Counts(len(p & g), len(p), len(p & g), len(g))


Role = tuple[str, str, str | None]


def _role_match(pred: Role, gold: Role) -> bool:
    """Same person and organisation; titles match when one contains the other, and a gold role
    without a title accepts any."""
    if pred[0] != gold[0] or pred[2] != gold[2]:
        return False
    return not gold[1] or (bool(pred[1]) and (pred[1] in gold[1] or gold[1] in pred[1]))


def _roles(gold: Json, pred: Json, canon: _Canon, out: DocScore) -> None:
    g: list[Role] = [(p["name"], r["title"] or "", r["org"]) for p in gold["persons"] for r in p["roles"]]
    p: list[Role] = [
        (r.get("person"), r.get("title") or "", canon(r["org"]) if r.get("org") else None)
        for r in pred.get("roles", [])
    ]
    predicted = list(dict.fromkeys(p))
    right = [r for r in predicted if any(_role_match(r, x) for x in g)]
    found = [x for x in g if any(_role_match(r, x) for r in p)]
    show = lambda r: f"{r[0]}: {r[1] or '(no title)'} @ {r[2]}"
    out.errors += [Error("missed role", show(x)) for x in g if x not in found]
    out.errors += [Error("wrong role", show(r)) for r in predicted if r not in right]
    out.counts["roles"] = Counts(len(right), len(predicted), len(found), len(g))


def _statements(gold: Json, pred: Json, canon: _Canon, out: DocScore) -> None:
    """Found when a predicted text contains the gold quote head; attributed when the speaker also
    agrees (null = null); about as (statement, organisation) pairs over the statements found, a
    spurious statement's pairs counting against precision."""
    said = pred.get("statements", [])
    used_found: set[int] = set()
    used_attr: set[int] = set()
    found = attributed = 0
    want: set[tuple[Any, str]] = set()
    got: set[tuple[Any, str]] = set()
    for gs in gold["statements"]:
        head = gs["quote_head"]
        who = gs["speaker"] or f"[{gs.get('speaker_desc')}]"
        cands = [i for i, s in enumerate(said) if head in (s.get("text") or "")]
        g_about = {(head, a) for a in gs.get("about") or []}
        want |= g_about  # a missed statement's pairs are missed too
        if not cands:
            out.miss("missed statement", f"{who}: {head}")
            continue
        found += 1
        used_found.update(cands)
        ok = [i for i in cands if (said[i].get("speaker") or None) == gs["speaker"]]
        if ok:
            attributed += 1
            used_attr.update(ok)
        else:
            names = "、".join(sorted({said[i].get("speaker") or f"[{said[i].get('speaker_desc')}]" for i in cands}))
            out.miss("wrong speaker", f"{head}: expected {who}, got {names}")
        p_about = {(head, canon.named(a)) for i in cands for a in said[i].get("about") or []}
        got |= p_about
        _about_errors(head, g_about, p_about, out)
    for i, s in enumerate(said):
        if i not in used_found:
            who = s.get("speaker") or f"[{s.get('speaker_desc')}]"
            out.miss("extra statement", f"{who}: {(s.get('text') or '')[:24]}")
            got |= {(i, a) for a in s.get("about") or []}
    right = len(got & want)
    n = len(gold["statements"])
    out.counts["statements"] = Counts(len(used_found), len(said), found, n)
    out.counts["attributed"] = Counts(len(used_attr), len(said), attributed, n)
    out.counts["about"] = Counts(right, len(got), right, len(want))


def _about_errors(head: str, want: set[tuple[Any, str]], got: set[tuple[Any, str]], out: DocScore) -> None:
    missed = sorted(a for _, a in want - got)
    extra = sorted(a for _, a in got - want)
    if missed or extra:
        parts = ([f"missing {'、'.join(missed)}"] if missed else []) + ([f"extra {'、'.join(extra)}"] if extra else [])
        out.miss("wrong about", f"{head}: {'; '.join(parts)}")


def _figure_match(pred: Json, gold: Json) -> bool:
    """Overlapping surface text and an equal value."""
    pt, gt = pred.get("text") or "", gold["text"]
    value = pred.get("value")
    try:
        same = value is not None and abs(float(value) - float(gold["value"])) <= 1e-9 * max(
            1.0, abs(float(gold["value"]))
        )
    except (TypeError, ValueError):
        same = False
    return same and bool(pt) and (pt in gt or gt in pt)


def _figures(gold: Json, pred: Json, canon: _Canon, out: DocScore) -> None:
    """Figures by overlapping text and equal value; subjects over the found figures (precision over
    the subjects predicted for them, recall over every gold figure that has one)."""
    figs = pred.get("figures", [])
    golds = gold["figures"]
    right_p = sum(any(_figure_match(pf, gf) for gf in golds) for pf in figs)
    right_g = 0
    subj_right = subj_predicted = 0
    for gf in golds:
        ms = [pf for pf in figs if _figure_match(pf, gf)]
        if not ms:
            out.miss("missed figure", f"{gf['text']} = {gf['value']:g}")
            continue
        right_g += 1
        subj = {canon.named(pf["subject"]) for pf in ms if pf.get("subject")}
        subj_predicted += bool(subj)
        ok = bool(gf.get("subject")) and gf["subject"] in subj
        subj_right += ok
        if not ok and (subj or gf.get("subject")):
            got = "、".join(sorted(s.lstrip("?") for s in subj)) or "null"
            out.miss("wrong subject", f"{gf['text']}: expected {gf.get('subject') or 'null'}, got {got}")
    out.errors += [
        Error("extra figure", f"{pf.get('text')} = {pf.get('value')}")
        for pf in figs
        if not any(_figure_match(pf, gf) for gf in golds)
    ]
    out.counts["figures"] = Counts(right_p, len(figs), right_g, len(golds))
    with_subject = sum(1 for gf in golds if gf.get("subject"))
    out.counts["subjects"] = Counts(subj_right, subj_predicted, subj_right, with_subject)


def format_table(report: Report) -> str:
    """Precision, recall and F1 per field, as a person reads them."""
    rows = [f"{'field':<14} {'precision':>9} {'recall':>7} {'F1':>6} {'predicted':>9} {'gold':>5}"]
    for f in FIELDS:
        c = report.totals[f]
        rows.append(f"{f:<14} {c.precision:>9.3f} {c.recall:>7.3f} {c.f1:>6.3f} {c.predicted:>9} {c.gold:>5}")
    if report.missing_docs:
        rows.append(f"no prediction for: {', '.join(report.missing_docs)}")
    return "\n".join(rows)


def format_errors(report: Report) -> str:
    """Each document's misses and false hits, grouped by document."""
    blocks = []
    for d in report.docs:
        if d.errors:
            blocks.append(f"== {d.doc}\n" + "\n".join(f"  {e.kind:<19} {e.detail}" for e in d.errors))
    return "\n".join(blocks)
