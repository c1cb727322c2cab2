"""Batch ingest: read, extract in parallel, commit to the store in input order.

Extraction (the slow part) runs in worker processes; only the parent writes,
one transaction per article, in the order the articles were read. So a crash
or Ctrl-C loses nothing already committed, and a rerun skips what is stored
unchanged without extracting it again.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import nullcontext
from dataclasses import dataclass, field, fields

from pipeline.apps.progress import Bar
from pipeline.graph import article_key, article_sha
from pipeline.messages import quoted
from pipeline.read.articles import MAX_BYTES, count_articles, read_paths
from pipeline.records import Article, Extraction, InputError
from pipeline.storage.store import Change, Store
from pipeline.version import current as current_version

_CHUNK = 16  # articles per NER batch: big enough for the batch to pay, small enough to share out
_AHEAD = 2  # chunks in flight per worker: keeps workers busy without reading the whole batch ahead
_PR_SET_PDEATHSIG = 1  # linux/prctl.h


@dataclass(frozen=True)
class Failure:
    """A document that could not be ingested, as the run reports it."""

    doc: str
    reason: str


class WorkerDied(Exception):
    """Worker processes died (killed, as the out-of-memory killer does) twice while one chunk was in flight;
    the message is one line naming the articles in flight. Every article committed before stays stored."""

    def __init__(self, docs: list[str]):
        shown = ", ".join(quoted(d) for d in docs[:3]) + (f" and {len(docs) - 3} more" if len(docs) > 3 else "")
        super().__init__(f"a worker process died (killed, e.g. out of memory) while extracting {shown}")
        self.docs = docs


def key_conflict(first_doc: str) -> str:
    """Why a second article under one key with other content is skipped (the first in input order wins)."""
    return f"same url as {quoted(first_doc)} with different content; skipped"


@dataclass
class Summary:
    dry_run: bool = False
    new: int = 0
    unchanged: int = 0
    changed: int = 0  # stored before with other text: its facts replaced
    upgraded: int = 0  # unchanged, re-extracted because an older pipeline version had extracted it
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
            f"{head}articles {self.new} new, {self.unchanged} unchanged, {self.changed} changed,"
            f"{f' {self.upgraded} upgraded (extracted by an older pipeline),' if self.upgraded else ''}"
            f" {self.failed} failed",
            f"nodes {self.nodes_created} created, {self.nodes_merged} merged, {self.nodes_removed} removed;"
            f" relationships {self.rels_created} created, {self.rels_merged} merged, {self.rels_removed} removed",
            f"store: {c.get('Person', 0)} people, {c.get('Organization', 0)} organisations"
            f" ({c.get('MVNO', 0)} MVNOs), {c.get('Statement', 0)} statements, {c.get('Figure', 0)} figures,"
            f" {c.get('Article', 0)} articles",
        ]


def ingest(
    paths: Iterable[str],
    store: Store,
    jobs: int | None = None,
    dry_run: bool = False,
    progress: bool = False,
    on_error: Callable[[str, str], None] | None = None,
    version: str | None = None,
    max_bytes: int = MAX_BYTES,
    on_warning: Callable[[str], None] | None = None,
) -> Summary:
    """Ingest every article under ``paths`` into ``store``; ``on_error(doc, reason)`` hears each failure,
    ``on_warning(line)`` a worker that died and was replaced (WorkerDied if it dies again over one chunk).

    ``jobs``: worker processes (default: all cores; 1 extracts in this process).
    ``dry_run``: everything is done inside a rehearsal that is rolled back.
    ``version``: the pipeline's (default ``version.current()``); a stored article extracted by
    another is extracted again.
    ``max_bytes``: larger files fail (read.MAX_BYTES). A write the store refuses raises StoreError.
    """
    version = version or current_version()
    summary = Summary(dry_run=dry_run)
    paths = list(paths)  # read twice when there is a bar: counted first, for its total and ETA
    bar = Bar(total=count_articles(paths) if progress else None, unit="articles", disable=not progress)
    with store.rehearsal() if dry_run else nullcontext(), bar:
        triaged = _triaged(paths, store, version, max_bytes)
        for item in _extracted(triaged, jobs or os.cpu_count() or 1, on_restart=on_warning):
            if isinstance(item, Failure):
                summary.failed += 1
                if on_error:
                    on_error(item.doc, item.reason)
            elif isinstance(item, Article):
                summary.unchanged += 1
            else:
                summary.add(store.apply(item, version))
            bar.update()
        summary.counts = store.counts()
    return summary


def _triaged(
    paths: Iterable[str], store: Store, version: str, max_bytes: int
) -> Iterator[tuple[Article | Failure, bool]]:
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
            yield Failure(item.doc, key_conflict(first[1])), False
        else:
            yield item, store.article_status(key, sha, version) != "unchanged"


def _extract_chunk(articles: list[Article]) -> list[Extraction | Failure]:
    """Runs in a worker; extraction's models load there, not in the parent that only writes.

    The chunk is one batch for the NER (extract_batched), as in ``kg extract``.
    """
    from pipeline.extract import extract_batched

    try:
        return [
            Failure(x.doc, x.reason) if isinstance(x, InputError) else x
            for _, x in extract_batched(articles, batch_size=len(articles))
        ]
    except Exception as e:  # noqa: BLE001 - a bug outside any one article must not stop the batch
        return [Failure(a.doc, f"extraction failed: {type(e).__name__}: {e}") for a in articles]


def _start_worker(parent: int) -> None:
    """Workers leave Ctrl-C to the parent, which stops after its last commit, and die with it:
    the kernel kills them when it goes (SIGKILL included), and a watchdog checks its pid too."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the watchdog alone
        pass
    if os.getppid() != parent:  # the parent died before prctl took hold
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True, name="kg-parent-watchdog").start()
    try:  # load the models now, while the parent still reads, so the first chunk does not wait for them
        _extract_chunk([Article(doc="warm-up", text="中国联通副总裁李明表示，用户已超过5万户。")])
    except Exception:  # noqa: BLE001 - a failing load fails the first real chunk, with its reason
        pass


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(1)


class _Chunk:
    """Articles extracted together, in input order; sent off once full, or when it must be committed."""

    def __init__(self) -> None:
        self.articles: list[Article] = []
        self.future: Future | None = None
        self.retried = False  # sent again to new workers after one died over it


class _InProcess:
    """``--jobs 1``: the pool's one method, a chunk extracted in this process when it is sent off."""

    def submit(self, fn: Callable[[list[Article]], list[Extraction | Failure]], articles: list[Article]) -> Future:
        future: Future = Future()
        future.set_result(fn(articles))
        return future

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        pass


def _extracted(
    items: Iterable[tuple[Article | Failure, bool]],
    jobs: int,
    chunk_size: int = _CHUNK,
    on_restart: Callable[[str], None] | None = None,
) -> Iterator[Article | Failure | Extraction]:
    """Extractions (or pass-through items) in input order; articles yielded as such are unchanged.

    Reading streams: at most ``jobs * _AHEAD`` chunks are in flight, and a chunk that waits for
    more articles is sent off once that many chunks' worth of items queue behind it. When a worker
    dies, new workers take every chunk in flight again (``on_restart`` hears which); when one dies
    again before the oldest of them is done, WorkerDied ends the run.
    """
    pool: ProcessPoolExecutor | _InProcess | None = None  # started at the first article to extract: reruns skip it
    pending: deque[_Chunk | Article | Failure] = deque()
    chunk: _Chunk | None = None  # the one being filled
    in_flight = 0
    ahead = jobs * _AHEAD if jobs > 1 else 0  # in this process, each chunk is committed as soon as it is done

    def send(c: _Chunk) -> None:
        nonlocal pool, chunk, in_flight
        if pool is None:
            pool = (
                _InProcess()
                if jobs == 1
                else ProcessPoolExecutor(jobs, initializer=_start_worker, initargs=(os.getpid(),))
            )
        c.future = pool.submit(_extract_chunk, c.articles)
        in_flight += 1
        if c is chunk:
            chunk = None

    def committable() -> bool:
        first = pending[0]
        if not isinstance(first, _Chunk):
            return True
        if first.future is None and len(pending) > max(ahead, 1) * chunk_size:
            send(first)
        return in_flight > ahead

    def restart(died: _Chunk) -> None:
        """New workers for a pool a dead one broke; every chunk it held is sent to them again."""
        nonlocal pool, in_flight
        pool.shutdown(wait=True)  # type: ignore[union-attr]  # settles every future: a result, or the break
        pool = None
        lost = [c for c in pending if isinstance(c, _Chunk) and c.future and c.future.exception() is not None]
        died_over = WorkerDied([a.doc for c in lost for a in c.articles])
        if died.retried:
            raise died_over
        if on_restart:
            on_restart(f"{died_over}; new workers take them again")
        in_flight -= len(lost)
        for c in lost:
            c.retried = c.retried or c is died
            send(c)

    def head() -> Iterator[Article | Failure | Extraction]:
        nonlocal in_flight
        first = pending[0]
        if not isinstance(first, _Chunk):
            pending.popleft()
            yield first
            return
        if first.future is None:
            send(first)
        while True:
            try:
                done = first.future.result()  # type: ignore[union-attr]
                break
            except BrokenProcessPool:
                restart(first)
        pending.popleft()
        in_flight -= 1
        yield from done

    try:
        for item, needed in items:
            if not needed:
                pending.append(item)
            else:
                if chunk is None:
                    chunk = _Chunk()
                    pending.append(chunk)
                chunk.articles.append(item)  # type: ignore[arg-type]
                if len(chunk.articles) == chunk_size:
                    send(chunk)
            while pending and committable():
                yield from head()
        while pending:
            yield from head()
    finally:
        if pool:
            pool.shutdown(wait=True, cancel_futures=True)
