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
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from itertools import groupby, islice
from typing import Any

from pipeline.errors import KgFailure
from pipeline.graph import (
    Node,
    Rel,
    article_graph,
    article_id,
    article_key,
    article_sha,
    disputes,
    employers,
    figure_claim,
    people,
)
from pipeline.messages import quoted
from pipeline.records import Extraction
from pipeline.storage import codec
from pipeline.storage.merge import dump, labels_of, merged, union

SCHEMA = "kg-store/2"
_WAL_ATTEMPTS = 20

# kg-store/1 lacked each article's pipeline version and extraction and the people tables
_PEOPLE_TABLES = """
CREATE TABLE people (article_id TEXT NOT NULL, name TEXT NOT NULL, org TEXT NOT NULL,
                     PRIMARY KEY (article_id, name)) WITHOUT ROWID;
CREATE INDEX people_name ON people (name);
CREATE TABLE bare_people (article_id TEXT NOT NULL, name TEXT NOT NULL,
                          PRIMARY KEY (name, article_id)) WITHOUT ROWID;
CREATE INDEX bare_people_article ON bare_people (article_id);
"""
_UPGRADE_1 = f"""
ALTER TABLE articles ADD COLUMN version TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN extraction TEXT;
{_PEOPLE_TABLES}
UPDATE meta SET value = '{SCHEMA}' WHERE name = 'schema';
"""
_TABLES = f"""
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (id TEXT PRIMARY KEY, key TEXT NOT NULL UNIQUE, sha256 TEXT NOT NULL, doc TEXT NOT NULL,
                       version TEXT NOT NULL DEFAULT '', extraction TEXT);
{_PEOPLE_TABLES}CREATE TABLE nodes (id TEXT PRIMARY KEY, labels TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE rels (id TEXT PRIMARY KEY, type TEXT NOT NULL, start TEXT NOT NULL, "end" TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE node_owners (node_id TEXT NOT NULL, article_id TEXT NOT NULL, props TEXT NOT NULL,
                          labels TEXT NOT NULL, PRIMARY KEY (node_id, article_id)) WITHOUT ROWID;
CREATE TABLE rel_owners (rel_id TEXT NOT NULL, article_id TEXT NOT NULL, props TEXT NOT NULL,
                         PRIMARY KEY (rel_id, article_id)) WITHOUT ROWID;
CREATE INDEX node_owners_article ON node_owners (article_id);
CREATE INDEX rel_owners_article ON rel_owners (article_id);
"""

# What changed since a push (pipeline/graphdb/push.py): each node or relationship an article gained or
# lost, with the serial number of its latest change, and what finds it again in Neo4j once the store
# no longer has it (a node's primary label; a relationship's type, start node and its primary label).
# Triggers keep it, so no writer can forget to; created on open, so older stores gain it.
_CHANGES = """
CREATE TABLE IF NOT EXISTS changes (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, kind TEXT NOT NULL,
                                    label TEXT NOT NULL, start TEXT, start_label TEXT) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS changes_seq ON changes (seq);
CREATE TRIGGER IF NOT EXISTS node_owner_added AFTER INSERT ON node_owners BEGIN
  INSERT OR REPLACE INTO changes SELECT NEW.node_id, coalesce(max(seq), 0) + 1, 'node',
    substr(NEW.labels, 1, instr(NEW.labels || ':', ':') - 1), NULL, NULL FROM changes; END;
CREATE TRIGGER IF NOT EXISTS node_owner_dropped AFTER DELETE ON node_owners BEGIN
  INSERT OR REPLACE INTO changes SELECT OLD.node_id, coalesce(max(seq), 0) + 1, 'node',
    substr(OLD.labels, 1, instr(OLD.labels || ':', ':') - 1), NULL, NULL FROM changes; END;
CREATE TRIGGER IF NOT EXISTS rel_owner_added AFTER INSERT ON rel_owners BEGIN
  INSERT OR REPLACE INTO changes SELECT NEW.rel_id, coalesce(max(seq), 0) + 1, 'rel', '', NULL, NULL FROM changes; END;
CREATE TRIGGER IF NOT EXISTS rel_owner_dropped AFTER DELETE ON rel_owners BEGIN
  INSERT OR REPLACE INTO changes SELECT OLD.rel_id, coalesce(max(seq), 0) + 1, 'rel', '', NULL, NULL FROM changes; END;
CREATE TRIGGER IF NOT EXISTS rel_dropped AFTER DELETE ON rels BEGIN
  INSERT OR REPLACE INTO changes SELECT OLD.id, coalesce(max(c.seq), 0) + 1, 'rel', OLD.type, OLD.start,
    (SELECT substr(labels, 1, instr(labels || ':', ':') - 1) FROM nodes WHERE id = OLD.start) FROM changes c; END;
"""


class StoreError(KgFailure):
    """The store cannot be opened or written; the message is one line naming the path."""


@dataclass(frozen=True)
class Change:
    """What committing one article did (or, in a rehearsal, would do)."""

    status: str  # "new" | "unchanged" | "changed" (its facts replaced) | "upgraded" (re-extracted by a newer pipeline)
    nodes_created: int = 0
    nodes_merged: int = 0  # already in the store (from other articles, or kept from this one)
    nodes_removed: int = 0  # dropped: only the old version of a changed article had them
    rels_created: int = 0
    rels_merged: int = 0
    rels_removed: int = 0


class Store:
    """A kg store file; ``create=False`` for commands that only read it."""

    def __init__(self, path: str | os.PathLike[str], *, create: bool = True):
        self.path = os.fspath(path)
        self._rehearsing = False
        if self.path != ":memory:":
            if os.path.isdir(self.path):
                raise StoreError(f"{quoted(self.path)}: is a directory, not a kg store")
            if not create and not os.path.exists(self.path):
                raise StoreError(f"{quoted(self.path)}: no such store (run kg ingest first)")
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None, timeout=60)
            self._open(create)
        except sqlite3.OperationalError as e:  # locked, full disk, read-only folder, ...
            raise StoreError(f"{quoted(self.path)}: cannot open the store ({e}){self._read_only()}") from None
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{quoted(self.path)}: not a kg store ({e})") from None

    def _open(self, create: bool) -> None:
        db = self._db
        tables = self._tables()
        if not tables and create:
            self._create()
            tables = self._tables()
        if "meta" not in tables:
            raise StoreError(f"{quoted(self.path)}: not a kg store (no kg tables)")
        row = db.execute("SELECT value FROM meta WHERE name = 'schema'").fetchone()
        if row is not None and row[0] == "kg-store/1" and tables:  # its articles read as stale: re-ingest updates them
            db.executescript(f"BEGIN IMMEDIATE; {_UPGRADE_1} COMMIT;")
            row = (SCHEMA,)
        if row is None or row[0] != SCHEMA:
            raise StoreError(
                f"{quoted(self.path)}: not a kg store (schema {row[0] if row else 'missing'}, want {SCHEMA})"
            )
        db.execute("PRAGMA synchronous = NORMAL")
        if create:  # IMMEDIATE: a deferred transaction that must turn into a write fails at once, without
            # waiting, when another process has just written; this one waits its turn (two creators at once)
            db.executescript(
                f"BEGIN IMMEDIATE; {_CHANGES} INSERT OR IGNORE INTO meta VALUES ('uuid', '{uuid.uuid4()}'); COMMIT;"
            )

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
        raise StoreError(f"{quoted(self.path)}: cannot switch the new store to WAL mode (another process holds it)")

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
            if self._rehearsing
            else ("BEGIN IMMEDIATE", ["COMMIT"], ["ROLLBACK"])
        )
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

    def article_status(self, key: str, sha256: str, version: str | None = None) -> str:
        """What applying an article with this key and content would do: "new", "unchanged", "changed",
        or "stale" (unchanged, but extracted by another ``version`` of the pipeline; None: not compared)."""
        row = self._db.execute("SELECT sha256, version FROM articles WHERE key = ?", (key,)).fetchone()
        if row is None:
            return "new"
        if row[0] != sha256:
            return "changed"
        return "stale" if version is not None and row[1] != version else "unchanged"

    def apply(self, extraction: Extraction, version: str = "") -> Change:
        """Store one article's graph; the Change says "new", "unchanged" (nothing written), "changed" or
        "upgraded", with the counts of what changed. ``version`` is the pipeline's that extracted it.

        Articles that name a person without an organisation are re-derived when this
        one changes who of that name is known at an organisation (graph.article_graph's
        ``known``), so the graph is the same whatever order articles come in. A write that fails
        (disk full, a read-only file) rolls the article back and raises StoreError, leaving every
        committed article as it was.
        """
        try:
            return self._apply(extraction, version)
        except sqlite3.Error as e:
            raise StoreError(
                f"{quoted(self.path)}: cannot write to the store ({e}{self._read_only()});"
                " articles already stored are kept"
            ) from None

    def _apply(self, extraction: Extraction, version: str) -> Change:
        a = extraction.article
        key, sha = article_key(a), article_sha(a)
        with self._transaction() as db:
            status = self.article_status(key, sha, version)
            if status == "unchanged":
                return Change(status)
            aid = article_id(key)
            found = people(extraction)
            touched = set(found.employer) | {
                r[0] for r in db.execute("SELECT name FROM people WHERE article_id = ?", (aid,))
            }
            before = self._employers(touched)
            for table in ("people", "bare_people"):
                db.execute(f"DELETE FROM {table} WHERE article_id = ?", (aid,))
            db.executemany("INSERT INTO people VALUES (?, ?, ?)", [(aid, n, o) for n, o in found.employer.items()])
            db.executemany("INSERT INTO bare_people VALUES (?, ?)", [(aid, n) for n in sorted(found.bare)])
            db.execute(
                "INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?)",
                (aid, key, sha, a.doc, version, codec.dumps(extraction)),
            )
            counts = self._derive(aid, extraction, found.bare)
            change = Change("upgraded" if status == "stale" else status, *counts)
            after = self._employers(touched)
            for other, text in self._articles_naming({n for n in touched if before.get(n) != after.get(n)}, aid):
                x = codec.loads(text)
                n_new, _, n_gone, r_new, _, r_gone = self._derive(other, x, people(x).bare)
                change = replace(
                    change,
                    nodes_created=change.nodes_created + n_new,
                    nodes_removed=change.nodes_removed + n_gone,
                    rels_created=change.rels_created + r_new,
                    rels_removed=change.rels_removed + r_gone,
                )
        return change

    def _employers(self, names: set[str]) -> dict[str, str]:
        """The organisation each name is known at, for the names known at exactly one (``graph.employers``)."""
        marks = ",".join("?" * len(names))
        return employers(self._db.execute(f"SELECT name, org FROM people WHERE name IN ({marks})", sorted(names)))

    def _articles_naming(self, names: set[str], besides: str) -> list[tuple[str, str]]:
        """(id, extraction) of the articles, other than ``besides``, that name one of ``names`` without organisation."""
        marks = ",".join("?" * len(names))
        return self._db.execute(
            f"SELECT DISTINCT a.id, a.extraction FROM bare_people b JOIN articles a ON a.id = b.article_id"
            f" WHERE b.name IN ({marks}) AND a.id != ? AND a.extraction IS NOT NULL ORDER BY a.id",
            [*sorted(names), besides],
        ).fetchall()

    def _derive(self, aid: str, extraction: Extraction, bare: frozenset[str]) -> tuple[int, int, int, int, int, int]:
        """Replace the nodes and relationships article ``aid`` owns by its graph as the store now knows people."""
        db = self._db
        nodes, rels = article_graph(extraction, self._employers(set(bare)))
        old_nodes = {r[0] for r in db.execute("SELECT node_id FROM node_owners WHERE article_id = ?", (aid,))}
        old_rels = {r[0] for r in db.execute("SELECT rel_id FROM rel_owners WHERE article_id = ?", (aid,))}
        for table in ("node_owners", "rel_owners"):
            db.execute(f"DELETE FROM {table} WHERE article_id = ?", (aid,))
        nodes_created = sum(self._add_node(aid, n) for n in nodes)
        rels_created = sum(self._add_rel(aid, r) for r in rels)
        nodes_removed, rels_removed = self._collect(old_nodes, old_rels)
        return (
            nodes_created,
            len(nodes) - nodes_created,
            nodes_removed,
            rels_created,
            len(rels) - rels_created,
            rels_removed,
        )

    def _add_node(self, aid: str, node: Node) -> bool:
        labels = ":".join(node.labels)
        db = self._db
        db.execute("INSERT INTO node_owners VALUES (?, ?, ?, ?)", (node.id, aid, dump(node.props), labels))
        row = db.execute("SELECT labels FROM nodes WHERE id = ?", (node.id,)).fetchone()
        if row is None:
            db.execute("INSERT INTO nodes VALUES (?, ?)", (node.id, labels))
            return True
        joined = union(labels_of(row[0]), node.labels)
        if joined != row[0]:
            db.execute("UPDATE nodes SET labels = ? WHERE id = ?", (joined, node.id))
        return False

    def _add_rel(self, aid: str, rel: Rel) -> bool:
        self._db.execute("INSERT INTO rel_owners VALUES (?, ?, ?)", (rel.id, aid, dump(rel.props)))
        return (
            self._db.execute(
                "INSERT OR IGNORE INTO rels VALUES (?, ?, ?, ?)", (rel.id, rel.type, rel.start, rel.end)
            ).rowcount
            == 1
        )

    def _collect(self, nodes: set[str], rels: set[str]) -> tuple[int, int]:
        """After an article lost these: drop what no article owns any more, relabel the rest."""
        db = self._db
        rels_removed = sum(
            db.execute(
                "DELETE FROM rels WHERE id = ? AND NOT EXISTS (SELECT 1 FROM rel_owners WHERE rel_id = ?)", (r, r)
            ).rowcount
            for r in rels
        )
        nodes_removed = 0
        for n in nodes:
            owners = [labels_of(r[0]) for r in db.execute("SELECT labels FROM node_owners WHERE node_id = ?", (n,))]
            if owners:
                db.execute("UPDATE nodes SET labels = ? WHERE id = ?", (union(*owners), n))
            else:
                nodes_removed += db.execute("DELETE FROM nodes WHERE id = ?", (n,)).rowcount
        return nodes_removed, rels_removed

    def stale_articles(self, version: str) -> list[str]:
        """Keys (url, else path) of the stored articles extracted by a pipeline version other than ``version``."""
        return [r[0] for r in self._db.execute("SELECT key FROM articles WHERE version != ? ORDER BY key", (version,))]

    def article_count(self) -> int:
        return self._db.execute("SELECT count(*) FROM articles").fetchone()[0]

    def person_sources(
        self, name: str
    ) -> tuple[list[tuple[str, str | None, str, list[str]]], list[tuple[str, str | None]]]:
        """Where ``name`` is named: (article, date, organisation, titles there) for each article that places it
        at an organisation, and (article, date) for each that names it without one."""
        db = self._db
        placed = []
        for aid, org, text in db.execute(
            "SELECT p.article_id, p.org, a.extraction FROM people p JOIN articles a"
            " ON a.id = p.article_id WHERE p.name = ? ORDER BY p.article_id",
            (name,),
        ):
            found = people(codec.loads(text)).roles.get(name, []) if text else []
            titles = [t for t, o, _ in found if o == org and t]
            placed.append((*self._article_label(aid), org, titles))
        bare = [
            self._article_label(aid)
            for (aid,) in db.execute("SELECT article_id FROM bare_people WHERE name = ? ORDER BY article_id", (name,))
        ]
        return placed, bare

    def _article_label(self, aid: str) -> tuple[str, str | None]:
        """(title, else URL or file; ISO date) of a stored article."""
        row = self._db.execute(
            "SELECT props FROM node_owners WHERE node_id = ? AND article_id = ?", (aid, aid)
        ).fetchone()
        props = json.loads(row[0]) if row else {}
        return props.get("title") or props.get("url") or props.get("doc") or aid, props.get("published")

    def disputes(self) -> list[list[str]]:
        """Figures that disagree (``graph.disputes``): each list holds the ids of the figures on one subject,
        metric and period whose values differ between articles."""
        return disputes(*self._figures())

    def comparable_figures(self) -> set[str]:
        """Ids of the figures ``disputes`` compares (those with a subject, metric and period): a change
        anywhere may flag or clear any of them, so an incremental push sends them all again."""
        figures, subjects = self._figures()
        return {fid for fid, aid, props in figures if figure_claim(fid, aid, props, subjects.get(fid))}

    def _figures(self) -> tuple[Iterator[tuple[str, str, dict[str, Any]]], dict[str, str]]:
        """Every article's (figure id, article id, props), and each figure's subject (its MEASURES end)."""
        subjects = dict(self._db.execute("SELECT start, \"end\" FROM rels WHERE type = 'MEASURES'"))
        rows = self._db.execute(
            "SELECT o.node_id, o.article_id, o.props FROM node_owners o"
            " JOIN nodes n ON n.id = o.node_id WHERE n.labels = 'Figure'"
        )
        return ((fid, aid, json.loads(text)) for fid, aid, text in rows), subjects

    def nodes(self, ids: Iterable[str] | None = None) -> Iterator[Node]:
        """Every node (or those of ``ids`` the store has), its properties merged over the articles that
        own it; ordered by id (within each thousand ``ids``).

        A Figure that another article contradicts (``disputes``) reads ``disputed: true``.
        """
        disputed = {f for group in self.disputes() for f in group}
        for where, params in _among("n.id", ids):
            rows = self._db.execute(
                f"SELECT n.id, n.labels, o.props FROM nodes n JOIN node_owners o ON o.node_id = n.id {where}"
                " ORDER BY n.id, o.article_id",
                params,
            )
            for (id_, labels), group in groupby(rows, key=lambda r: (r[0], r[1])):
                props = merged(r[2] for r in group)
                if id_ in disputed:
                    props["disputed"] = True
                yield Node(id_, labels_of(labels), props)

    def rels(self, ids: Iterable[str] | None = None) -> Iterator[Rel]:
        """Every relationship (or those of ``ids``), merged like ``nodes()``."""
        for where, params in _among("r.id", ids):
            rows = self._db.execute(
                'SELECT r.id, r.type, r.start, r."end", o.props FROM rels r JOIN rel_owners o ON o.rel_id = r.id'
                f" {where} ORDER BY r.id, o.article_id",
                params,
            )
            for (id_, type_, start, end), group in groupby(rows, key=lambda r: r[:4]):
                yield Rel(id_, type_, start, end, merged(r[4] for r in group))

    def primary_labels(self, ids: Iterable[str] | None = None) -> dict[str, str]:
        """Node id → primary label, for every node (or those of ``ids`` the store has)."""
        return {
            id_: labels.partition(":")[0]
            for where, params in _among("id", ids)
            for id_, labels in self._db.execute(f"SELECT id, labels FROM nodes {where}", params)
        }

    @contextmanager
    def snapshot(self) -> Iterator[Store]:
        """Reads inside see one state of the store, whatever other processes commit meanwhile."""
        self._db.execute("BEGIN")
        try:
            self._db.execute("SELECT 1 FROM meta").fetchone()  # the read that fixes the snapshot
            yield self
        finally:
            self._db.execute("ROLLBACK")

    def identity(self) -> str | None:
        """This store's own random id (None for a store no writer has opened since changes were logged)."""
        row = self._db.execute("SELECT value FROM meta WHERE name = 'uuid'").fetchone()
        return row[0] if row else None

    def last_change(self) -> int:
        """The serial number of the latest change (0: none logged)."""
        return self._db.execute("SELECT coalesce(max(seq), 0) FROM changes").fetchone()[0] if self.identity() else 0

    def changes_since(self, seq: int) -> Iterator[tuple[str, str, str, str | None, str | None]]:
        """(kind "node"/"rel", id, label or type, start, start's label) of all that changed after ``seq``;
        the last three as they were when it left the store (a node's label always)."""
        yield from self._db.execute(
            "SELECT kind, id, label, start, start_label FROM changes WHERE seq > ? ORDER BY seq", (seq,)
        )

    def rel_articles(self, type_: str) -> Iterator[tuple[str, str]]:
        """(relationship id, id of an article that states it) for every relationship of one type:
        which article said a fact, e.g. the title a person held at the time (HOLDS_POSITION)."""
        yield from self._db.execute(
            "SELECT o.rel_id, o.article_id FROM rel_owners o JOIN rels r ON r.id = o.rel_id WHERE r.type = ?"
            " ORDER BY o.rel_id, o.article_id",
            (type_,),
        )

    def counts(self) -> dict[str, int]:
        """Nodes per label (a node counts under each of its labels) and relationships per type."""
        counts: dict[str, int] = {}
        for labels, n in self._db.execute("SELECT labels, count(*) FROM nodes GROUP BY labels"):
            for label in labels_of(labels):
                counts[label] = counts.get(label, 0) + n
        counts.update(self._db.execute("SELECT type, count(*) FROM rels GROUP BY type"))
        return counts

    def totals(self) -> tuple[int, int]:
        """(nodes, relationships)."""
        return (
            self._db.execute("SELECT count(*) FROM nodes").fetchone()[0],
            self._db.execute("SELECT count(*) FROM rels").fetchone()[0],
        )


def _among(column: str, ids: Iterable[str] | None, size: int = 1000) -> Iterator[tuple[str, list[str]]]:
    """WHERE clauses that select ``ids`` a thousand at a time (SQLite limits parameters); all rows for None."""
    if ids is None:
        yield "", []
        return
    it = iter(ids)
    while chunk := list(islice(it, size)):
        yield f"WHERE {column} IN ({','.join('?' * len(chunk))})", chunk
