"""A benchmark corpus of any size, built deterministically from the articles the repo holds.

Article ``i`` is repo article ``i mod m`` (corpus/, tests/data/articles/, the holdouts) with its own url and
``（i）`` before every 。, so no two articles share a sentence: nothing is served from a cache
that real news, whose sentences rarely repeat, would miss.
"""

from __future__ import annotations

import dataclasses
from functools import lru_cache
from pathlib import Path

from pipeline.records import Article, Extraction

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "corpus", *(ROOT / "tests" / "data" / d for d in ("articles", "holdout", "holdout2"))]


@lru_cache(maxsize=1)
def repo_articles() -> tuple[Article, ...]:
    """The repo's own articles, in path order (the HTML one aside: its body is markup)."""
    from pipeline.read.articles import read_paths

    return tuple(
        a for a in read_paths([str(p) for p in SOURCES]) if isinstance(a, Article) and "<html" not in a.text.lower()
    )


def article_text(i: int) -> str:
    a = repo_articles()[i % len(repo_articles())]
    head = f"---\nurl: https://bench.example.cn/{i}\ntitle: {a.title or ''}\n"
    head += f"time: {a.time}\n" if a.time else ""
    return head + "---\n" + a.body.replace("。", f"（{i}）。")


def write(folder: Path, n: int, start: int = 0) -> int:
    """``n`` articles, from article ``start`` on, as files in ``folder``; returns the characters written."""
    folder.mkdir(parents=True, exist_ok=True)
    chars = 0
    for i in range(start, start + n):
        text = article_text(i)
        (folder / f"{i:06d}.md").write_text(text, encoding="utf-8")
        chars += len(text)
    return chars


def variant(x: Extraction, i: int) -> Extraction:
    """Copy ``i`` of an extraction as another article with statements of its own: a large store without
    extracting it (the push benchmarks), shaped like real output (people and organisations recur)."""
    a = x.article
    article = dataclasses.replace(a, doc=f"bench/{i}", url=f"https://bench.example.cn/{i}", text=f"{a.text}\n{i}")
    statements = [dataclasses.replace(s, text=f"{s.text}（{i}）") for s in x.statements]
    return dataclasses.replace(x, article=article, statements=statements)
