"""Batch ingest: read, extract in parallel, commit to the store in input order.

Extraction (the slow part) runs in worker processes; only the parent writes,
one transaction per article, in the order the articles were read. So a crash
or Ctrl-C loses nothing already committed, and a rerun skips what is stored
unchanged without extracting it again.
"""
from __future__ import annotations

import os
import signal
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import nullcontext
from dataclasses import dataclass, field, fields
from typing import Callable, Iterable, Iterator

from .graph import article_key, article_sha
from .records import Article, Extraction, InputError
from .progress import Bar
from .read import MAX_BYTES, count_articles, read_paths
from .store import Change, Store

_WINDOW = 4  # articles in flight per worker: keeps workers busy without reading the whole batch ahead


@dataclass(frozen=True)
class Failure:
    """A document that could not be ingested, as the run reports it."""

    doc: str
    reason: str


@dataclass
class Summary:
    dry_run: bool = False
    new: int = 0
    unchanged: int = 0
    replaced: int = 0
    failed: int = 0
    nodes_created: int = 0
    nodes_merged: int = 0
    nodes_removed: int = 0
    rels_created: int = 0
    rels_merged: int = 0
    rels_removed: int = 0
    counts: dict[str, int] = field(default_factory=dict)  # Store.counts() after the run (would-be, if dry)

    def add(self, change: Change) -> None:
        """Count one article's change (its counters are named like ours)."""
        setattr(self, change.status, getattr(self, change.status) + 1)
        for f in fields(Change):
            if f.name != "status":
                setattr(self, f.name, getattr(self, f.name) + getattr(change, f.name))

    def lines(self) -> list[str]:
        """The closing report, as printed by ``kg ingest``."""
        c = self.counts
        head = "dry run, nothing written: " if self.dry_run else ""
        return [
            f"{head}articles {self.new} new, {self.unchanged} unchanged, {self.replaced} replaced, {self.failed} failed",
            f"nodes {self.nodes_created} created, {self.nodes_merged} merged, {self.nodes_removed} removed;"
            f" relationships {self.rels_created} created, {self.rels_merged} merged, {self.rels_removed} removed",
            f"store: {c.get('Person', 0)} people, {c.get('Organization', 0)} organisations"
            f" ({c.get('MVNO', 0)} MVNOs), {c.get('Statement', 0)} statements, {c.get('Figure', 0)} figures,"
            f" {c.get('Article', 0)} articles",
        ]


def ingest(paths: Iterable[str], store: Store, jobs: int | None = None, dry_run: bool = False,
           progress: bool = False, on_error: Callable[[str, str], None] | None = None,
           max_bytes: int = MAX_BYTES) -> Summary:
    """Ingest every article under ``paths`` into ``store``; ``on_error(doc, reason)`` hears each failure.

    ``jobs``: worker processes (default: all cores; 1 extracts in this process).
    ``dry_run``: everything is done inside a rehearsal that is rolled back.
    ``max_bytes``: larger files fail (read.MAX_BYTES). A write the store refuses raises StoreError.
    """
    summary = Summary(dry_run=dry_run)
    paths = list(paths)  # read twice when there is a bar: counted first, for its total and ETA
    bar = Bar(total=count_articles(paths) if progress else None, unit="articles", disable=not progress)
    with store.rehearsal() if dry_run else nullcontext(), bar:
        for item in _extracted(_triaged(paths, store, max_bytes), jobs or os.cpu_count() or 1):
            if isinstance(item, Failure):
                summary.failed += 1
                if on_error:
                    on_error(item.doc, item.reason)
            elif isinstance(item, Article):
                summary.unchanged += 1
            else:
                summary.add(store.apply(item))
            bar.update()
        summary.counts = store.counts()
    return summary


def _triaged(paths: Iterable[str], store: Store, max_bytes: int) -> Iterator[tuple[Article | Failure, bool]]:
    """(item, needs extraction): stored-unchanged articles and failures pass through as they are.

    A key seen twice in one batch with different content fails the second time, so
    two files claiming one url cannot replace each other on every run.
    """
    seen: dict[str, tuple[str, str]] = {}
    for item in read_paths(paths, max_bytes):
        if isinstance(item, InputError):
            yield Failure(item.doc, item.reason), False
            continue
        key, sha = article_key(item), article_sha(item)
        first = seen.setdefault(key, (sha, item.doc))
        if first[0] != sha:
            yield Failure(item.doc, f"same url as {first[1]} with different content; skipped"), False
        else:
            yield item, store.article_status(key, sha) != "unchanged"


def _extract(article: Article) -> Extraction | Failure:
    """Runs in a worker; extraction's models load there, not in the parent that only writes."""
    from .extract import safe_extract

    result = safe_extract(article)
    return Failure(result.doc, result.reason) if isinstance(result, InputError) else result


def _ignore_sigint() -> None:
    """Workers leave Ctrl-C to the parent, which stops after its last commit."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _extracted(items: Iterable[tuple[Article | Failure, bool]], jobs: int) -> Iterator[Article | Failure | Extraction]:
    """Extractions (or pass-through items) in input order; articles yielded as such are unchanged."""
    if jobs == 1:
        for item, needed in items:
            yield _extract(item) if needed else item
        return
    pool: ProcessPoolExecutor | None = None  # started at the first article to extract: reruns skip it
    pending: deque[Future | Article | Failure] = deque()
    try:
        for item, needed in items:
            if needed:
                pool = pool or ProcessPoolExecutor(jobs, initializer=_ignore_sigint)
                item = pool.submit(_extract, item)
            pending.append(item)
            while len(pending) > jobs * _WINDOW or pending and not isinstance(pending[0], Future):
                yield _result(pending.popleft())
        while pending:
            yield _result(pending.popleft())
    finally:
        if pool:
            pool.shutdown(wait=True, cancel_futures=True)


def _result(item: Future | Article | Failure) -> Article | Failure | Extraction:
    return item.result() if isinstance(item, Future) else item
