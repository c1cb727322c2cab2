"""Traditional characters read as well as simplified: a scored set's F1 per field, as written and converted.

    python -m benchmarks.traditional SET_DIR [--config s2t] [--config s2hk] ...

SET_DIR holds ``docs/`` (articles) and ``gold/`` (annotations in simplified characters), as the team's
real-news sets do. Each config converts every article with OpenCC into a temporary folder; kg extracts
it, its output goes back to simplified (``t2s``) and is scored with the same rules as ``kg eval``
against the simplified gold. The table gives the simplified run first, then each conversion with its
largest F1 gap to it. Nothing of the set is kept or printed but the figures.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path
from typing import Any

import opencc

from pipeline.apps.evaluate import FIELDS, load_gold, score
from pipeline.extract import extract_paths
from pipeline.records import InputError


def predictions(docs: Path, to_simplified: opencc.OpenCC | None = None) -> list[dict[str, Any]]:
    """kg's output for every article under ``docs``, brought back to simplified when asked."""
    out = []
    for x in extract_paths([str(docs)]):
        if isinstance(x, InputError):
            print(f"kg: {x}")
            continue
        pred = x.to_json()
        if to_simplified is not None:
            pred = json.loads(to_simplified.convert(json.dumps(pred, ensure_ascii=False)))
        out.append(pred)
    return out


def convert(docs: Path, into: Path, config: str) -> Path:
    """Every article of ``docs`` converted with OpenCC's ``config``, under the same names in ``into``."""
    converter = opencc.OpenCC(config)
    into.mkdir()
    for doc in sorted(docs.iterdir()):
        if doc.is_file():
            (into / doc.name).write_text(converter.convert(doc.read_text(encoding="utf-8")), encoding="utf-8")
    return into


def f1s(golds: list[dict[str, Any]], preds: list[dict[str, Any]]) -> dict[str, float]:
    report = score(golds, preds)
    return {f: report.totals[f].f1 for f in FIELDS}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("set_dir", type=Path, help="a folder with docs/ and gold/")
    parser.add_argument("--config", action="append", help="OpenCC conversion(s) to score (default s2t)")
    args = parser.parse_args()
    golds = load_gold(args.set_dir / "gold")
    docs = args.set_dir / "docs"
    rows = {"simplified": f1s(golds, predictions(docs))}
    back = opencc.OpenCC("t2s")
    with tempfile.TemporaryDirectory() as tmp:
        for config in args.config or ["s2t"]:
            rows[config] = f1s(golds, predictions(convert(docs, Path(tmp) / config, config), back))
    print("| F1 | " + " | ".join(FIELDS) + " | largest gap |")
    print("|---" * (len(FIELDS) + 2) + "|")
    for name, row in rows.items():
        gap = max(abs(row[f] - rows["simplified"][f]) for f in FIELDS)
        print(f"| {name} | " + " | ".join(f"{row[f]:.3f}" for f in FIELDS) + f" | {gap:.3f} |")


if __name__ == "__main__":
    main()
