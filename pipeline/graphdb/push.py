"""Mirror the kg store into Neo4j through the official driver.

A push makes Neo4j hold exactly the pushed nodes and relationships of kg's
labels: rows go in batches (``UNWIND $rows ... MERGE`` on the stable ids, under
uniqueness constraints), then whatever the store no longer has is deleted. Each
batch is its own managed transaction, so transient errors (deadlocks, leader
changes) are retried by the driver and a repeated push changes nothing.
Neo4j data that is not kg's (other labels, relationships without an ``id``)
is left alone. Nodes go in as ``neo4j_props`` shows them: lists where the store
and GraphML hold "|"-joined text, and ``mvno`` on every organisation.
"""

from __future__ import annotations

import os
import re
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from itertools import groupby, islice
from queue import Queue
from typing import Any, TypeVar
from urllib.parse import unquote, urlsplit, urlunsplit

from neo4j import Driver, GraphDatabase, Session
from neo4j.exceptions import AuthError, DriverError, Neo4jError, ServiceUnavailable

from pipeline.errors import KgFailure
from pipeline.graph import MULTI_VALUED, Node, Rel, label_props, split
from pipeline.storage.store import Store

DEFAULT_URI = "bolt://127.0.0.1:7687"
DEFAULT_USER = "neo4j"
DEFAULT_PASSWORD = "kg-local-pass"  # the initial password scripts/neo4j-local sets
SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")  # Bolt only: no optional HTTP extras

NODE_LABELS = ("Article", "Person", "Organization", "Statement", "Figure")  # primary labels kg owns
EXTRA_LABELS = ("MVNO",)  # secondary labels kg sets and removes; other labels on its nodes are kept
INDEXES = (("Organization", "name"), ("Person", "name"), ("Article", "published"))

T = TypeVar("T")


class KgNeo4jError(KgFailure):
    """Neo4j cannot be used; the message is one line, without the password."""


@dataclass(frozen=True)
class Neo4jConfig:
    """Where Neo4j is: arguments win over NEO4J_URI / NEO4J_USERNAME (Neo4j's own name; NEO4J_USER
    too) / NEO4J_PASSWORD / NEO4J_DATABASE (and NEO4J_TIMEOUT, seconds to connect and log in).

    Without NEO4J_URI, NEO4J_BOLT_PORT (the port scripts/neo4j-local starts on) gives
    bolt://127.0.0.1:PORT, so kg, the tests and the local server agree on one address.
    A user and password in the URI (bolt://neo4j:SECRET@host, which the driver refuses) are taken
    out of it, as the user and password when no other is given: ``uri`` never holds a secret to print.
    """

    uri: str = DEFAULT_URI
    user: str = DEFAULT_USER
    password: str = field(default=DEFAULT_PASSWORD, repr=False)
    database: str | None = None  # None: the server's default database
    timeout: float = 15.0  # seconds to connect, Bolt handshake and login included

    @classmethod
    def from_env(
        cls, uri: str | None = None, user: str | None = None, password: str | None = None, database: str | None = None
    ) -> Neo4jConfig:
        env = os.environ.get
        port = env("NEO4J_BOLT_PORT")
        uri, uri_user, uri_password = _userinfo(
            uri or env("NEO4J_URI") or (f"bolt://127.0.0.1:{port}" if port else DEFAULT_URI)
        )
        return cls(
            uri,
            user or uri_user or env("NEO4J_USERNAME") or env("NEO4J_USER") or DEFAULT_USER,
            password or uri_password or env("NEO4J_PASSWORD") or DEFAULT_PASSWORD,
            database or env("NEO4J_DATABASE") or None,
            _seconds(env("NEO4J_TIMEOUT")) or cls.timeout,
        )


def _userinfo(uri: str) -> tuple[str, str | None, str | None]:
    """``uri`` without its ``user:password@``, and the (URL-decoded) user and password it held."""
    parts = urlsplit(uri)
    if "@" not in parts.netloc:
        return uri, None, None
    info, _, host = parts.netloc.rpartition("@")
    user, _, password = info.partition(":")
    return urlunsplit(parts._replace(netloc=host)), unquote(user) or None, unquote(password) or None


def _seconds(value: str | None) -> float | None:
    try:
        return float(value) if value and float(value) > 0 else None
    except ValueError:
        return None


@dataclass(frozen=True)
class PushResult:
    nodes: int  # nodes written (created or updated)
    rels: int
    nodes_deleted: int  # kg nodes Neo4j had that the store no longer has
    rels_deleted: int


def explain(config: Neo4jConfig, error: Exception) -> KgNeo4jError:
    """A driver error as one line for the user."""
    if isinstance(error, AuthError):
        return KgNeo4jError(f"cannot log in to Neo4j at {config.uri} as {config.user!r}: wrong user or password")
    reason = " ".join(str(getattr(error, "message", None) or error).split())
    if isinstance(error, (ServiceUnavailable, ValueError, OSError)):
        if "Bolt handshake" in reason:
            return KgNeo4jError(
                f"cannot reach Neo4j at {config.uri}: something answers on that port, but not"
                f" in Bolt within {config.timeout:g} s (an HTTP port? Bolt's is usually 7687)"
            )
        if m := re.search(r"\(reason (.+?)\)$", reason):  # the socket's own words, without the driver's wrapping
            reason = m[1]
        return KgNeo4jError(f"cannot reach Neo4j at {config.uri}: {reason}")
    return KgNeo4jError(f"Neo4j at {config.uri} failed: {reason}")


def connect(config: Neo4jConfig) -> Driver:
    """A driver that has already proved it can log in, so nothing is touched before a bad config shows."""
    if config.uri.partition("://")[0] not in SCHEMES:
        raise KgNeo4jError(f"cannot reach Neo4j at {config.uri}: not a Bolt URI (use bolt:// or neo4j://)")
    try:
        # connection_timeout alone covers only the TCP connect: a port that accepts and then says nothing
        # (not Bolt) would hold the handshake for the acquisition timeout (60 s by default).
        driver = GraphDatabase.driver(
            config.uri,
            auth=(config.user, config.password),
            connection_timeout=config.timeout,
            connection_acquisition_timeout=config.timeout,
            notifications_min_severity="OFF",  # else each is a multi-line log record on the user's terminal
        )
    except (ValueError, DriverError) as e:  # a malformed URI
        raise explain(config, e) from None
    try:
        driver.verify_connectivity()
    except (Neo4jError, DriverError, OSError) as e:
        driver.close()
        raise explain(config, e) from None
    return driver


def _name(identifier: str) -> str:
    """A label or type for Cypher text (they cannot be parameters)."""
    return "`" + identifier.replace("`", "``") + "`"


def _batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _write(session: Session, query: str, **params: Any) -> None:
    session.execute_write(lambda tx: tx.run(query, **params).consume())


def _read(session: Session, query: str, **params: Any) -> list[list[Any]]:
    return session.execute_read(lambda tx: [list(r.values()) for r in tx.run(query, **params)])


def ensure_schema(session: Session) -> None:
    """Uniqueness on ``id`` for every kg label (which also indexes it) and name lookups."""
    for label in NODE_LABELS:
        _write(
            session,
            f"CREATE CONSTRAINT kg_{label.lower()}_id IF NOT EXISTS FOR (n:{_name(label)}) REQUIRE n.id IS UNIQUE",
        )
    for label, prop in INDEXES:
        _write(
            session, f"CREATE INDEX kg_{label.lower()}_{prop} IF NOT EXISTS FOR (n:{_name(label)}) ON (n.{_name(prop)})"
        )


_KG_NODES = "|".join(_name(label) for label in NODE_LABELS)
MARKER = "KgPush"  # one node: which store was last pushed, up to which change, and the counts it left


def counts_text(nodes: list[int], rels: int) -> str:
    """The marker's counts: kg's nodes under each of NODE_LABELS, then all relationships."""
    return ",".join(map(str, [*nodes, rels]))


def _fingerprint(session: Session) -> str:
    """``counts_text`` from Neo4j's count store (no scan): a push left them so, unless someone else
    changed the graph since (then the next push sends everything)."""
    return counts_text(
        [_read(session, f"MATCH (n:{_name(label)}) RETURN count(n)")[0][0] for label in NODE_LABELS],
        _read(session, "MATCH ()-[r]->() RETURN count(r)")[0][0],
    )


class _Sender:
    """Rows for each query, sent ``batch_size`` at a time, each batch one managed transaction.

    A thread sends the full batches, in order, while the caller reads the store and builds the next
    ones: a push mostly waits for Neo4j, and the store's reading and decoding hide in that wait.
    Use it as a context manager (the thread ends with it); ``flush`` returns once all is written.
    """

    def __init__(self, session: Session, batch_size: int, progress: Callable[[int], None]):
        self.session, self.batch_size, self.progress = session, batch_size, progress
        self.rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self._queue: Queue[tuple[str, list[dict[str, Any]]] | None] = Queue(maxsize=2)  # bounds memory
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="kg-push-sender", daemon=True)
        self._thread.start()

    def __enter__(self) -> _Sender:
        return self

    def __exit__(self, *exc: object) -> None:
        if exc[0] is not None and self._error is None:
            self._error = _Cancelled()  # what is still queued is dropped
        self._queue.put(None)
        self._thread.join()

    def _run(self) -> None:
        while (item := self._queue.get()) is not None:
            if self._error is None:
                try:
                    _write(self.session, item[0], rows=item[1])
                    self.progress(len(item[1]))
                except BaseException as e:  # noqa: BLE001 - raised again in the caller's thread
                    self._error = e
            self._queue.task_done()
        self._queue.task_done()

    def _check(self) -> None:
        if self._error is not None:
            raise self._error

    def add(self, query: str, row: dict[str, Any]) -> None:
        rows = self.rows[query]
        rows.append(row)
        if len(rows) >= self.batch_size:
            self._send(query)

    def flush(self) -> None:
        for query in sorted(self.rows):
            self._send(query)
        self._queue.join()
        self._check()

    def _send(self, query: str) -> None:
        self._check()
        rows = self.rows.pop(query, [])
        if rows:
            self._queue.put((query, rows))


class _Cancelled(Exception):
    """The push stopped in the caller's thread; batches not yet sent are not."""


@cache
def _node_query(labels: tuple[str, ...]) -> str:
    """Each row is the node's properties, ``id`` among them."""
    stale = sorted(set(EXTRA_LABELS) - set(labels))
    return (
        f"UNWIND $rows AS row MERGE (n:{_name(labels[0])} {{id: row.id}}) SET n = row"
        + "".join(f" SET n:{_name(label)}" for label in labels[1:])
        + "".join(f" REMOVE n:{_name(label)}" for label in stale)
    )


@cache
def _rel_query(type_: str, start: str, end: str) -> str:
    """Each row is the ends' ids and the relationship's properties, ``id`` among them."""
    return (
        f"UNWIND $rows AS row MATCH (a:{_name(start)} {{id: row.start}}) "
        f"MATCH (b:{_name(end)} {{id: row.end}}) "
        f"MERGE (a)-[r:{_name(type_)} {{id: row.props.id}}]->(b) SET r = row.props"
    )


def neo4j_props(node: Node) -> dict[str, Any]:
    """A node's properties as Neo4j holds them: multi-valued ones (``aliases``) as sorted lists, which
    Cypher tests with ``IN``; and ``graph.label_props`` (``mvno``, which Neo4j Browser's style shows)."""
    return {k: sorted(split(v)) if k in MULTI_VALUED else v for k, v in node.props.items()} | label_props(node)


def _send_nodes(sender: _Sender, nodes: Iterable[Node]) -> int:
    count = 0
    for n in nodes:
        if n.labels[0] not in NODE_LABELS:
            raise ValueError(f"nodes with labels kg does not manage: {[n.labels[0]]}")
        sender.add(_node_query(n.labels), {**neo4j_props(n), "id": n.id})
        count += 1
    sender.flush()  # every node is in before a relationship looks for its ends
    return count


def _send_rels(sender: _Sender, rels: Iterable[Rel], primary: Callable[[str], str | None]) -> int:
    count = 0
    for r in rels:
        start, end = primary(r.start), primary(r.end)
        if start is None or end is None:
            raise ValueError(f"relationship {r.id} ({r.type}) links a node that is not pushed")
        sender.add(_rel_query(r.type, start, end), {"start": r.start, "end": r.end, "props": {**r.props, "id": r.id}})
        count += 1
    sender.flush()
    return count


def _existing(session: Session) -> tuple[dict[str, list[str]], dict[str, str]]:
    """What Neo4j holds of kg's: node ids → element ids, relationship element ids → ids (a full mirror only)."""
    nodes: dict[str, list[str]] = defaultdict(list)
    for eid, id_ in _read(session, f"MATCH (n:{_KG_NODES}) RETURN elementId(n), n.id"):
        nodes[id_].append(eid)
    query = f"MATCH (:{_KG_NODES})-[r]->(:{_KG_NODES}) WHERE r.id IS NOT NULL RETURN elementId(r), r.id"
    rels = {eid: id_ for eid, id_ in _read(session, query)}  # noqa: C416 - rows are lists, not pairs
    return nodes, rels


def _holds_kg_nodes(session: Session) -> bool:
    return any(int(n) for n in _fingerprint(session).split(",")[: len(NODE_LABELS)])


def push(
    nodes: Iterable[Node],
    rels: Iterable[Rel],
    config: Neo4jConfig,
    batch_size: int = 1000,
    progress: Callable[[int], None] | None = None,
) -> PushResult:
    """Make Neo4j mirror these nodes and relationships; ``progress`` gets the size of each batch sent."""
    nodes, rels = list(nodes), list(rels)
    primary = {n.id: n.labels[0] for n in nodes}
    unknown = set(primary.values()) - set(NODE_LABELS)
    if unknown:
        raise ValueError(f"nodes with labels kg does not manage: {sorted(unknown)}")
    for r in rels:
        if r.start not in primary or r.end not in primary:
            raise ValueError(f"relationship {r.id} ({r.type}) links a node that is not pushed")
    with _session(config) as session:
        return _mirror(session, nodes, rels, primary.get, batch_size, progress or (lambda n: None))


@contextmanager
def _session(config: Neo4jConfig) -> Iterator[Session]:
    try:
        with connect(config) as driver, driver.session(database=config.database) as session:
            ensure_schema(session)
            yield session
    except (Neo4jError, DriverError) as e:
        raise explain(config, e) from None


def _noting(items: Iterable[T], ids: set[str]) -> Iterator[T]:
    for item in items:
        ids.add(item.id)  # type: ignore[attr-defined]
        yield item


def _mirror(
    session: Session,
    nodes: Iterable[Node],
    rels: Iterable[Rel],
    primary: Callable[[str], str | None],
    batch_size: int,
    progress: Callable[[int], None],
) -> PushResult:
    """Send everything, then delete what Neo4j has of kg's that was not sent: what it has is read
    back (element ids), so a push into a database that holds no kg node reads nothing."""
    _write(session, f"MATCH (m:{MARKER}) DELETE m")  # whatever it said no longer holds
    old_nodes, old_rels = _existing(session) if _holds_kg_nodes(session) else ({}, {})
    node_ids: set[str] = set()
    rel_ids: set[str] = set()
    with _Sender(session, batch_size, progress) as sender:
        n_nodes = _send_nodes(sender, _noting(nodes, node_ids) if old_nodes else nodes)
        n_rels = _send_rels(sender, _noting(rels, rel_ids) if old_rels else rels, primary)
    gone_rels = [eid for eid, id_ in old_rels.items() if id_ not in rel_ids]
    for batch in _batches(gone_rels, batch_size):
        _write(session, "UNWIND $ids AS eid MATCH ()-[r]->() WHERE elementId(r) = eid DELETE r", ids=batch)
    gone_nodes = [eid for id_, eids in old_nodes.items() if id_ not in node_ids for eid in eids]
    for batch in _batches(gone_nodes, batch_size):
        _write(session, "UNWIND $ids AS eid MATCH (n) WHERE elementId(n) = eid DETACH DELETE n", ids=batch)
    return PushResult(n_nodes, n_rels, len(gone_nodes), len(gone_rels))


def push_store(
    store: Store,
    config: Neo4jConfig,
    batch_size: int = 1000,
    progress: Callable[[int], None] | None = None,
    full: bool = False,
) -> PushResult:
    """Make Neo4j mirror the store, streaming it in batches.

    When Neo4j still holds what this store's last push left (the ``KgPush`` marker names the store,
    its last change and the counts it left, and they match), only what changed in the store since
    is sent (every row with ``full``), and what the store no longer has is deleted by id. Otherwise
    everything is sent and the rest of kg's data in Neo4j is deleted (``_mirror``).
    """
    progress = progress or (lambda n: None)
    with store.snapshot(), _session(config) as session:
        identity, seq = store.identity(), store.last_change()
        since = None if identity is None else _pushed_since(session, identity)
        if since is None or since > seq:  # (a store older than what was pushed from it: restored from a copy)
            result = _mirror(session, store.nodes(), store.rels(), store.primary_labels().get, batch_size, progress)
        else:
            result = _update(session, store, since, full, batch_size, progress)
        if identity is not None:
            _write(
                session,
                f"MERGE (m:{MARKER}) SET m.store = $store, m.seq = $seq, m.counts = $counts",
                store=identity,
                seq=seq,
                counts=_fingerprint(session),
            )
        return result


def _pushed_since(session: Session, identity: str) -> int | None:
    """The store change Neo4j is up to date with, if it still holds what this store last pushed."""
    rows = _read(session, f"MATCH (m:{MARKER}) RETURN m.store, m.seq, m.counts")
    if len(rows) != 1 or rows[0][0] != identity or rows[0][2] != _fingerprint(session):
        return None
    return rows[0][1]


def _update(
    session: Session, store: Store, since: int, everything: bool, batch_size: int, progress: Callable[[int], None]
) -> PushResult:
    """Send what changed in the store after change ``since`` (or everything); delete by id what it no longer has."""
    changed: dict[str, list[tuple[str, str, str | None, str | None]]] = {"node": [], "rel": []}
    for kind, id_, label, start, start_label in store.changes_since(since):
        changed[kind].append((id_, label, start, start_label))
    node_ids = [c[0] for c in changed["node"]]
    rel_ids = [c[0] for c in changed["rel"]]
    if not (everything or node_ids or rel_ids):
        return PushResult(0, 0, 0, 0)  # an unchanged store: nothing to read or send
    resent = [] if everything else sorted(store.comparable_figures() - set(node_ids))
    with _Sender(session, batch_size, progress) as sender:
        n_nodes = _send_nodes(sender, store.nodes(None if everything else node_ids + resent))
        if everything:
            n_rels = _send_rels(sender, store.rels(), store.primary_labels().get)
        else:
            rels = list(store.rels(rel_ids))
            ends = store.primary_labels({end for r in rels for end in (r.start, r.end)})
            n_rels = _send_rels(sender, rels, ends.get)
    kept_rels = {r.id for r in store.rels(rel_ids)} if everything else {r.id for r in rels}
    gone_rels = [c for c in changed["rel"] if c[0] not in kept_rels and c[3]]  # no start label: it went before
    for (type_, start_label), group in groupby(sorted(gone_rels, key=_shape), key=_shape):
        for batch in _batches(group, batch_size):
            _write(
                session,
                f"UNWIND $rows AS row MATCH (:{_name(start_label)} {{id: row.start}})"
                f"-[r:{_name(type_)} {{id: row.id}}]->() DELETE r",
                rows=[{"id": c[0], "start": c[2]} for c in batch],
            )
    kept_nodes = store.primary_labels(node_ids)
    gone_nodes = [c for c in changed["node"] if c[0] not in kept_nodes]
    for label, group in groupby(sorted(gone_nodes, key=lambda c: c[1]), key=lambda c: c[1]):
        for batch in _batches(group, batch_size):
            _write(
                session,
                f"UNWIND $ids AS id MATCH (n:{_name(label)} {{id: id}}) DETACH DELETE n",
                ids=[c[0] for c in batch],
            )
    return PushResult(n_nodes, n_rels, len(gone_nodes), len(gone_rels))


def _shape(change: tuple[str, str, str | None, str | None]) -> tuple[str, str]:
    return change[1], change[3] or ""


def counts(config: Neo4jConfig) -> dict[str, int]:
    """kg's nodes per label (a node counts under each label) and relationships per type, as ``Store.counts()``."""
    try:
        with connect(config) as driver, driver.session(database=config.database) as session:
            result: dict[str, int] = {}
            for label, n in _read(
                session,
                f"MATCH (n:{_KG_NODES}) UNWIND labels(n) AS label "
                "WITH label WHERE label IN $labels RETURN label, count(*)",
                labels=[*NODE_LABELS, *EXTRA_LABELS],
            ):
                result[label] = n
            for type_, n in _read(
                session, f"MATCH (:{_KG_NODES})-[r]->(:{_KG_NODES}) WHERE r.id IS NOT NULL RETURN type(r), count(*)"
            ):
                result[type_] = n
            return result
    except (Neo4jError, DriverError) as e:
        raise explain(config, e) from None
