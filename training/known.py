"""The companies CLUENER's training text names as companies most of the times they occur.

The model finds a company it saw in training about 85 % of the time; this
list, shipped beside the model (``pipeline/ner.py``'s ``KNOWN_COMPANIES``),
lets ``kg extract --lines`` take the rest where the model has no span.  A
name counts only if the training text labels it at least ``min_share`` of the
times it appears, so 威廉 (a bookmaker here, a first name there) stays out.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path


def known_names(records: Iterable[dict], label: str = "company", min_share: float = 0.5) -> list[str]:
    """Surfaces of ``label`` (two chars or more) labelled in at least ``min_share`` of their
    occurrences in the records' text, sorted."""
    texts: list[str] = []
    labelled: Counter[str] = Counter()
    for record in records:
        texts.append(record["text"])
        for surface, positions in record.get("label", {}).get(label, {}).items():
            labelled[surface] += len(positions)
    corpus = "\n".join(texts)
    return sorted(s for s, n in labelled.items()
                  if len(s) >= 2 and "\n" not in s and n >= min_share * corpus.count(s))


def write(path: Path, names: list[str]) -> None:
    path.write_text("".join(n + "\n" for n in names), encoding="utf-8")
