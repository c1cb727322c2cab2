"""The embedded graph store: one SQLite file, no server.

Each article owns the nodes and relationships its extraction produced
(``node_owners`` / ``rel_owners``, with that article's own properties), so an
edited article can drop exactly its own facts and anything no article owns any
more is garbage-collected. A node seen by several articles reads back as the
merge of its owners' properties in article-id order (``graph.merge_props``):
the result does not depend on the order articles were ingested in.
One transaction per article (WAL) means a crash loses nothing committed.
"""
from __future__ import annotations

import json
import os
import sqlite3
import time
from contextlib import contextmanager
from dataclasses import dataclass
from functools import reduce
from itertools import groupby
from typing import Any, Iterator

from .graph import Node, Rel, article_graph, article_id, article_key, article_sha, merge_props
from .records import Extraction

SCHEMA = "kg-store/1"
_WAL_ATTEMPTS = 20

_TABLES = """
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (id TEXT PRIMARY KEY, key TEXT NOT NULL UNIQUE, sha256 TEXT NOT NULL, doc TEXT NOT NULL);
CREATE TABLE nodes (id TEXT PRIMARY KEY, labels TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE rels (id TEXT PRIMARY KEY, type TEXT NOT NULL, start TEXT NOT NULL, "end" TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE node_owners (node_id TEXT NOT NULL, article_id TEXT NOT NULL, props TEXT NOT NULL,
                          labels TEXT NOT NULL, PRIMARY KEY (node_id, article_id)) WITHOUT ROWID;
CREATE TABLE rel_owners (rel_id TEXT NOT NULL, article_id TEXT NOT NULL, props TEXT NOT NULL,
                         PRIMARY KEY (rel_id, article_id)) WITHOUT ROWID;
CREATE INDEX node_owners_article ON node_owners (article_id);
CREATE INDEX rel_owners_article ON rel_owners (article_id);
"""


class StoreError(Exception):
    """The store cannot be opened or written; the message is one line naming the path."""


@dataclass(frozen=True)
class Change:
    """What committing one article did (or, in a rehearsal, would do)."""

    status: str  # "new" | "unchanged" | "replaced"
    nodes_created: int = 0
    nodes_merged: int = 0  # already in the store (from other articles, or kept from this one)
    nodes_removed: int = 0  # dropped: only the old version of a replaced article had them
    rels_created: int = 0
    rels_merged: int = 0
    rels_removed: int = 0


def _labels(labels: str) -> tuple[str, ...]:
    return tuple(labels.split(":"))


def _union(*label_sets: tuple[str, ...]) -> str:
    primary = label_sets[0][0]
    extra = sorted({l for labels in label_sets for l in labels} - {primary})
    return ":".join((primary, *extra))


class Store:
    """A kg store file; ``create=False`` for commands that only read it."""

    def __init__(self, path: str | os.PathLike[str], *, create: bool = True):
        self.path = os.fspath(path)
        self._rehearsing = False
        if self.path != ":memory:":
            if os.path.isdir(self.path):
                raise StoreError(f"{self.path}: is a directory, not a kg store")
            if not create and not os.path.exists(self.path):
                raise StoreError(f"{self.path}: no such store (run kg ingest first)")
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None, timeout=60)
            self._open(create)
        except sqlite3.OperationalError as e:  # locked, full disk, read-only folder, ...
            raise StoreError(f"{self.path}: cannot open the store ({e}){self._read_only()}") from None
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self.path}: not a kg store ({e})") from None

    def _open(self, create: bool) -> None:
        db = self._db
        tables = self._tables()
        if not tables and create:
            self._create()
            tables = self._tables()
        if "meta" not in tables:
            raise StoreError(f"{self.path}: not a kg store (no kg tables)")
        row = db.execute("SELECT value FROM meta WHERE name = 'schema'").fetchone()
        if row is None or row[0] != SCHEMA:
            raise StoreError(f"{self.path}: not a kg store (schema {row[0] if row else 'missing'}, want {SCHEMA})")
        db.execute("PRAGMA synchronous = NORMAL")

    def _read_only(self) -> str:
        """Why a store may fail to open or write: SQLite only says "unable to open database file"."""
        folder = os.path.dirname(os.path.abspath(self.path))
        blocked = [p for p in (self.path, folder) if os.path.exists(p) and not os.access(p, os.W_OK)]
        return f"; {blocked[0]} is read-only" if blocked else ""

    def _tables(self) -> set[str]:
        return {r[0] for r in self._db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}

    def _create(self) -> None:
        """The schema, once, even when several processes create the same new store at the same instant:
        the write lock is taken first (BEGIN IMMEDIATE waits for it), then the tables are looked for again;
        WAL comes after, as switching to it fails or is ignored at once while another process switches."""
        db = self._db
        db.execute("BEGIN IMMEDIATE")
        try:
            if not self._tables():
                for statement in filter(str.strip, _TABLES.split(";")):
                    db.execute(statement)
                db.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA,))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        if self.path == ":memory:":
            return
        for attempt in range(_WAL_ATTEMPTS):
            try:
                if db.execute("PRAGMA journal_mode = WAL").fetchone()[0] == "wal":
                    return
            except sqlite3.OperationalError:
                if attempt == _WAL_ATTEMPTS - 1:
                    raise
            time.sleep(0.01 * (attempt + 1))
        raise StoreError(f"{self.path}: cannot switch the new store to WAL mode (another process holds it)")

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One article's writes; inside a rehearsal a savepoint, so rehearsed articles see each other."""
        begin, commit, rollback = (
            ("SAVEPOINT article", ["RELEASE article"], ["ROLLBACK TO article", "RELEASE article"])
            if self._rehearsing else ("BEGIN IMMEDIATE", ["COMMIT"], ["ROLLBACK"]))
        self._db.execute(begin)
        try:
            yield self._db
            for sql in commit:
                self._db.execute(sql)
        except BaseException:
            if self._db.in_transaction:  # SQLite may have rolled back already (a full disk)
                for sql in rollback:
                    self._db.execute(sql)
            raise

    @contextmanager
    def rehearsal(self) -> Iterator[Store]:
        """Everything done inside is rolled back at the end: ``--dry-run``."""
        self._db.execute("BEGIN")
        self._rehearsing = True
        try:
            yield self
        finally:
            self._rehearsing = False
            self._db.execute("ROLLBACK")

    def article_status(self, key: str, sha256: str) -> str:
        """What applying an article with this key and content would do."""
        row = self._db.execute("SELECT sha256 FROM articles WHERE key = ?", (key,)).fetchone()
        return "new" if row is None else "unchanged" if row[0] == sha256 else "replaced"

    def apply(self, extraction: Extraction) -> Change:
        """Store one article's graph; the Change says "new", "unchanged" (nothing written) or "replaced",
        with the counts of what changed. A write that fails (disk full, a read-only file) rolls the article
        back and raises StoreError, leaving every committed article as it was."""
        try:
            return self._apply(extraction)
        except sqlite3.Error as e:
            raise StoreError(f"{self.path}: cannot write to the store ({e}{self._read_only()});"
                             " articles already stored are kept") from None

    def _apply(self, extraction: Extraction) -> Change:
        a = extraction.article
        key, sha = article_key(a), article_sha(a)
        nodes, rels = article_graph(extraction)
        with self._transaction() as db:
            status = self.article_status(key, sha)
            if status == "unchanged":
                return Change(status)
            aid = article_id(key)
            old_nodes = {r[0] for r in db.execute("SELECT node_id FROM node_owners WHERE article_id = ?", (aid,))}
            old_rels = {r[0] for r in db.execute("SELECT rel_id FROM rel_owners WHERE article_id = ?", (aid,))}
            for table in ("node_owners", "rel_owners"):
                db.execute(f"DELETE FROM {table} WHERE article_id = ?", (aid,))
            db.execute("INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?)", (aid, key, sha, a.doc))
            nodes_created = sum(self._add_node(aid, n) for n in nodes)
            rels_created = sum(self._add_rel(aid, r) for r in rels)
            nodes_removed, rels_removed = self._collect(old_nodes, old_rels)
        return Change(status, nodes_created, len(nodes) - nodes_created, nodes_removed,
                      rels_created, len(rels) - rels_created, rels_removed)

    def _add_node(self, aid: str, node: Node) -> bool:
        labels = ":".join(node.labels)
        db = self._db
        db.execute("INSERT INTO node_owners VALUES (?, ?, ?, ?)", (node.id, aid, _dump(node.props), labels))
        row = db.execute("SELECT labels FROM nodes WHERE id = ?", (node.id,)).fetchone()
        if row is None:
            db.execute("INSERT INTO nodes VALUES (?, ?)", (node.id, labels))
            return True
        union = _union(_labels(row[0]), node.labels)
        if union != row[0]:
            db.execute("UPDATE nodes SET labels = ? WHERE id = ?", (union, node.id))
        return False

    def _add_rel(self, aid: str, rel: Rel) -> bool:
        self._db.execute("INSERT INTO rel_owners VALUES (?, ?, ?)", (rel.id, aid, _dump(rel.props)))
        return self._db.execute("INSERT OR IGNORE INTO rels VALUES (?, ?, ?, ?)",
                                (rel.id, rel.type, rel.start, rel.end)).rowcount == 1

    def _collect(self, nodes: set[str], rels: set[str]) -> tuple[int, int]:
        """After an article lost these: drop what no article owns any more, relabel the rest."""
        db = self._db
        rels_removed = sum(db.execute(
            "DELETE FROM rels WHERE id = ? AND NOT EXISTS (SELECT 1 FROM rel_owners WHERE rel_id = ?)",
            (r, r)).rowcount for r in rels)
        nodes_removed = 0
        for n in nodes:
            owners = [_labels(r[0]) for r in db.execute("SELECT labels FROM node_owners WHERE node_id = ?", (n,))]
            if owners:
                db.execute("UPDATE nodes SET labels = ? WHERE id = ?", (_union(*owners), n))
            else:
                nodes_removed += db.execute("DELETE FROM nodes WHERE id = ?", (n,)).rowcount
        return nodes_removed, rels_removed

    def nodes(self) -> Iterator[Node]:
        """Every node, its properties merged over the articles that own it; ordered by id."""
        rows = self._db.execute(
            "SELECT n.id, n.labels, o.props FROM nodes n JOIN node_owners o ON o.node_id = n.id"
            " ORDER BY n.id, o.article_id")
        for (id_, labels), group in groupby(rows, key=lambda r: (r[0], r[1])):
            yield Node(id_, _labels(labels), _merged(r[2] for r in group))

    def rels(self) -> Iterator[Rel]:
        """Every relationship, merged like ``nodes()``; ordered by id."""
        rows = self._db.execute(
            'SELECT r.id, r.type, r.start, r."end", o.props FROM rels r JOIN rel_owners o ON o.rel_id = r.id'
            " ORDER BY r.id, o.article_id")
        for (id_, type_, start, end), group in groupby(rows, key=lambda r: r[:4]):
            yield Rel(id_, type_, start, end, _merged(r[4] for r in group))

    def rel_articles(self, type_: str) -> Iterator[tuple[str, str]]:
        """(relationship id, id of an article that states it) for every relationship of one type:
        which article said a fact, e.g. the title a person held at the time (HOLDS_POSITION)."""
        yield from self._db.execute(
            "SELECT o.rel_id, o.article_id FROM rel_owners o JOIN rels r ON r.id = o.rel_id WHERE r.type = ?"
            " ORDER BY o.rel_id, o.article_id", (type_,))

    def counts(self) -> dict[str, int]:
        """Nodes per label (a node counts under each of its labels) and relationships per type."""
        counts: dict[str, int] = {}
        for labels, n in self._db.execute("SELECT labels, count(*) FROM nodes GROUP BY labels"):
            for label in _labels(labels):
                counts[label] = counts.get(label, 0) + n
        counts.update(self._db.execute("SELECT type, count(*) FROM rels GROUP BY type"))
        return counts

    def totals(self) -> tuple[int, int]:
        """(nodes, relationships)."""
        return (self._db.execute("SELECT count(*) FROM nodes").fetchone()[0],
                self._db.execute("SELECT count(*) FROM rels").fetchone()[0])


def _dump(props: dict[str, Any]) -> str:
    return json.dumps(props, ensure_ascii=False, sort_keys=True)


def _merged(props: Iterator[str]) -> dict[str, Any]:
    return reduce(merge_props, (json.loads(p) for p in props))
