"""What a figure counts (its metric) and the period it is stated for, read from its clause.

Two articles citing one company's users at the end of 2015 should agree; when
they do not, the graph flags them (store.py). That needs each figure's metric
(用户, 营收, 净利润, 门店, 基站… from ``data/metrics.yaml``) and, where the text
states one, its period, normalised so that 截至2015年底 and 截至2015年12月31日
are one period: ``as of 2015-12-31``, ``2015``, ``2015-H1``, ``2015-Q3``,
``2015-Q1..Q3``, ``2015-12``.
Reads: a figure's clause. Provides: its metric and period.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.language.datafiles import load_yaml
from pipeline.language.text import alternation

CLAUSE_END = "，,；;。！？!?\n"
SENTENCE_END = "。！？!?\n"


@dataclass(frozen=True)
class _Words:
    metrics: dict[str, str]  # word → metric
    changes: dict[str, str]  # word → kind of change
    relative_years: dict[str, int]


@lru_cache(maxsize=1)
def _words() -> _Words:
    data = load_yaml("metrics.yaml")
    return _Words(_flat(data["metrics"]), _flat(data["changes"]), dict(data["relative_years"]))


def _flat(table: dict[str, list[str]]) -> dict[str, str]:
    return {w: name for name, words in table.items() for w in words}


def _longest(text: str, at: int, table: dict[str, str]) -> str | None:
    """The longest word of ``table`` starting at ``at``."""
    return max((w for w in table if text.startswith(w, at)), key=len, default=None)


def metric(text: str, start: int, end: int) -> str | None:
    """The metric of the figure at ``text[start:end]``: named in or right after it, else the nearest before it
    in its clause (in its sentence, for a change: 营收达到12亿元，同比增长15%); with the change it measures
    when a change word stands between (营收增长)."""
    w = _words()
    clause_start = max(text.rfind(c, 0, start) for c in CLAUSE_END) + 1
    inside = [word for i in range(start, min(end + 1, len(text))) if (word := _longest(text, i, w.metrics))]
    if inside:
        return w.metrics[inside[0]]
    found = _last_before(text, clause_start, start, w.metrics)
    change = _last_before(text, clause_start, start, w.changes)
    if found is None and change is not None:
        found = _last_before(text, max(text.rfind(c, 0, start) for c in SENTENCE_END) + 1, start, w.metrics)
    if found is None:
        return None
    after = _last_before(text, found[0], start, w.changes) or change
    return w.metrics[found[1]] + (w.changes[after[1]] if after else "")


def _last_before(text: str, begin: int, end: int, table: dict[str, str]) -> tuple[int, str] | None:
    """(end, word) of the word of ``table`` in ``text[begin:end]`` that ends last (the longest, on a tie)."""
    best: tuple[int, int, str] | None = None
    for m in _starting(tuple(table)).finditer(text, begin, end):  # the longest word at each offset
        word = m.group(1)
        key = (m.start() + len(word), len(word), word)
        best = key if best is None or key[:2] > best[:2] else best
    return (best[0], best[2]) if best else None


@lru_cache(maxsize=4)
def _starting(words: tuple[str, ...]) -> re.Pattern[str]:
    """Matches at every offset where one of ``words`` starts (overlapping), capturing the longest."""
    return re.compile("(?=(" + alternation(words) + "))")


_YEAR = r"(?P<y>(?:19|20)\d\d|今年|本年|去年|上年|前年)年?"
_PERIODS = [
    re.compile(p)
    for p in (
        rf"截至{_YEAR}(?P<m>[01]?\d)月(?P<d>[0-3]?\d)[日号]",
        rf"截至{_YEAR}(?P<m>[01]?\d)月(?P<end>底|末)",
        rf"截至{_YEAR}(?P<end>底|末)",
        rf"截至{_YEAR}(?P<m>[01]?\d)月",
        rf"{_YEAR}(?P<h>上半年|下半年|前半年|后半年)",
        rf"{_YEAR}(?P<q3>前三季度)",
        rf"{_YEAR}第?(?P<q>[一二三四1-4])季度",
        rf"{_YEAR}(?P<m>[01]?\d)月(?!\d*[日号])",
        rf"{_YEAR}(?P<full>全年|年度|年底|年末)?",
    )
]
_QUARTER = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def period(text: str, start: int, year: int | None = None) -> str | None:
    """The period stated for the figure starting at ``start``: the last one its sentence names before it.

    ``year`` is the article's, for 今年/去年; without it such a period is not read.
    """
    sentence_start = max(text.rfind(c, 0, start) for c in SENTENCE_END) + 1
    head = text[sentence_start:start]
    found: tuple[int, int, str] | None = None  # (end, length, period) of the one ending last, longest on a tie
    for form in _PERIODS:
        for m in form.finditer(head):
            key = (m.end(), len(m.group()))
            if (p := _normalised(m, year)) and (found is None or key > found[:2]):
                found = (*key, p)
    return found[2] if found else None


def _normalised(m: re.Match[str], article_year: int | None) -> str | None:
    g = m.groupdict()
    y = g["y"]
    if not y[0].isdigit():
        if article_year is None:
            return None
        y = str(article_year - _words().relative_years[y])
    year = int(y)
    month = int(g["m"]) if g.get("m") else None
    if g.get("d"):
        return f"as of {year}-{month:02d}-{int(g['d']):02d}"
    if g.get("end") and month:
        return f"as of {year}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}" if 1 <= month <= 12 else None
    if g.get("end"):
        return f"as of {year}-12-31"
    if m.group().startswith("截至") and month:
        return f"as of {year}-{month:02d}"
    if g.get("h"):
        return f"{year}-H1" if g["h"] in ("上半年", "前半年") else f"{year}-H2"
    if g.get("q3"):
        return f"{year}-Q1..Q3"
    if g.get("q"):
        return f"{year}-Q{_QUARTER[g['q']]}"
    if month:
        return f"{year}-{month:02d}" if 1 <= month <= 12 else None
    if g.get("full") in ("年底", "年末"):
        return f"as of {year}-12-31"
    return str(year)
