"""Progress bars whose numbers read naturally: 2.6%, 2059万 rows, 3.2 articles/s, and an ETA.

tqdm's own display shows large counts as 2.06e+07 and fractions of a unit per second
with many decimals; these bars format every number themselves.
"""

from __future__ import annotations

import sys
from typing import Any

from tqdm import tqdm

from pipeline.language.numbers import natural

BAR_FORMAT = "{share} |{bar}| {done}/{whole} {unit} [{elapsed}<{remaining}, {speed}]"
BAR_FORMAT_OPEN = "{done} {unit} [{elapsed}, {speed}]"  # no total known


def share(n: float, total: float) -> str:
    """A part of a whole as a percentage with one decimal: 2.6%."""
    return f"{100 * n / total:.1f}%" if total else "?"


def speed(n: float, elapsed: float, unit: str) -> str:
    """Items per second, or seconds per item when under one a second."""
    if not n or not elapsed:
        return f"? {unit}/s"
    rate = n / elapsed
    return f"{natural(round(rate, 1))} {unit}/s" if rate >= 1 else f"{elapsed / n:.1f} s/{unit.rstrip('s')}"


class Bar(tqdm):
    """A tqdm bar on stderr with natural numbers; ``total`` known from the start gives the ETA."""

    def __init__(self, total: int | None = None, unit: str = "items", disable: bool = False, **kwargs: Any):
        super().__init__(
            total=total,
            unit=unit,
            disable=disable,
            file=sys.stderr,
            dynamic_ncols=True,
            bar_format=BAR_FORMAT if total else BAR_FORMAT_OPEN,
            **kwargs,
        )

    @property
    def format_dict(self) -> dict[str, Any]:
        d = super().format_dict  # also read while closing, when tqdm has set disable
        n, total, elapsed = d["n"], d["total"], d["elapsed"]
        return {
            **d,
            "done": natural(n),
            "whole": natural(total) if total else "?",
            "share": share(n, total),
            "speed": speed(n, elapsed, d["unit"]),
        }
