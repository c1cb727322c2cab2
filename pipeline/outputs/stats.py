"""`kg stats`: what the store holds, read from the store alone (no Neo4j).

Counts of articles, people, organisations, statements and figures; the most quoted people
and the most discussed organisations; changed articles: stored articles whose source file has
changed or gone since it was ingested (each article's doc path and sha256 against the file now);
and stale articles: stored articles another version of the pipeline extracted, as
``kg ingest --check`` counts them. ``kg ingest`` updates both.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

from pipeline.graph import article_sha
from pipeline.read.articles import read_file
from pipeline.records import Article
from pipeline.storage.store import Store
from pipeline.version import current

_LINE_DOC = re.compile(r"(.+?)(?::\d+|#.+)$")  # a JSON Lines article: FILE:LINE or FILE#ID


@dataclass(frozen=True)
class Stats:
    articles: int
    people: int
    organisations: int
    mvnos: int
    statements: int
    figures: int
    top_people: list[tuple[str, int]]  # (name, statements made)
    top_organisations: list[tuple[str, int]]  # (name, statements about it)
    changed_articles: int  # source file changed or gone since ingest
    stale_articles: int  # extracted by another version of the pipeline


def compute(store: Store, top: int = 10) -> Stats:
    names: dict[str, str] = {}
    labels: dict[str, tuple[str, ...]] = {}
    articles: dict[str, dict[str, Any]] = {}
    for n in store.nodes():
        labels[n.id] = n.labels
        names[n.id] = str(n.props.get("name", ""))
        if n.labels[0] == "Article":
            articles[n.id] = n.props
    said: Counter[str] = Counter()
    about: Counter[str] = Counter()
    for r in store.rels():
        if r.type == "SAID" and labels[r.start][0] == "Person":
            said[names[r.start]] += 1
        elif r.type == "ABOUT":
            about[names[r.end]] += 1
    counts = store.counts()
    return Stats(
        articles=counts.get("Article", 0),
        people=counts.get("Person", 0),
        organisations=counts.get("Organization", 0),
        mvnos=counts.get("MVNO", 0),
        statements=counts.get("Statement", 0),
        figures=counts.get("Figure", 0),
        top_people=_top(said, top),
        top_organisations=_top(about, top),
        changed_articles=changed_articles(articles.values()),
        stale_articles=len(store.stale_articles(current())),
    )


def _top(counter: Counter[str], n: int) -> list[tuple[str, int]]:
    return sorted(counter.items(), key=lambda x: (-x[1], x[0]))[:n]


def changed_articles(articles: Iterable[dict[str, Any]]) -> int:
    """Stored articles (their ``doc`` and ``sha256``) whose source now reads differently or is gone.

    Paths are as given to ``kg ingest``, so relative ones are taken from the working directory.
    """
    by_file: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for a in articles:
        doc = str(a.get("doc", ""))
        m = None if os.path.exists(doc) else _LINE_DOC.fullmatch(doc)
        by_file[m[1] if m else doc].append((doc, str(a.get("sha256", ""))))
    changed = 0
    for file, docs in by_file.items():
        now = {x.doc: article_sha(x) for x in read_file(file) if isinstance(x, Article)} if os.path.isfile(file) else {}
        changed += sum(now.get(doc) != sha for doc, sha in docs)
    return changed


def to_json(stats: Stats) -> str:
    data = asdict(stats)
    data["top_people"] = [{"name": n, "statements": c} for n, c in stats.top_people]
    data["top_organisations"] = [{"name": n, "statements": c} for n, c in stats.top_organisations]
    return json.dumps(data, ensure_ascii=False, indent=2)


def to_table(stats: Stats) -> str:
    lines = [
        f"articles         {stats.articles}",
        f"people           {stats.people}",
        f"organisations    {stats.organisations} ({stats.mvnos} MVNOs)",
        f"statements       {stats.statements}",
        f"figures          {stats.figures}",
        f"changed articles {stats.changed_articles} (source file changed or gone since ingest)",
        f"stale articles   {stats.stale_articles} (extracted by another version of the pipeline)",
    ]
    for heading, rows in (
        ("most quoted people (statements made)", stats.top_people),
        ("most discussed organisations (statements about)", stats.top_organisations),
    ):
        lines += ["", heading] + [f"  {count:>5}  {name}" for name, count in rows]
    return "\n".join(lines)
