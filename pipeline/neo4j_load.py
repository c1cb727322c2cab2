"""Mirror the kg store into Neo4j through the official driver.

A push makes Neo4j hold exactly the pushed nodes and relationships of kg's
labels: rows go in batches (``UNWIND $rows ... MERGE`` on the stable ids, under
uniqueness constraints), then whatever the store no longer has is deleted. Each
batch is its own managed transaction, so transient errors (deadlocks, leader
changes) are retried by the driver and a repeated push changes nothing.
Neo4j data that is not kg's (other labels, relationships without an ``id``)
is left alone.
"""
from __future__ import annotations

import os
import re
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, Callable, Iterable, Iterator, TypeVar

from neo4j import Driver, GraphDatabase, Session
from neo4j.exceptions import AuthError, DriverError, Neo4jError, ServiceUnavailable

from .graph import Node, Rel

DEFAULT_URI = "bolt://127.0.0.1:7687"
DEFAULT_USER = "neo4j"
DEFAULT_PASSWORD = "kg-local-pass"  # the initial password scripts/neo4j-local sets
SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")  # Bolt only: no optional HTTP extras

NODE_LABELS = ("Article", "Person", "Organization", "Statement", "Figure")  # primary labels kg owns
EXTRA_LABELS = ("MVNO",)  # secondary labels kg sets and removes; other labels on its nodes are kept
INDEXES = (("Organization", "name"), ("Person", "name"), ("Article", "published"))

T = TypeVar("T")


class KgNeo4jError(Exception):
    """Neo4j cannot be used; the message is one line, without the password."""


@dataclass(frozen=True)
class Neo4jConfig:
    """Where Neo4j is: arguments win over NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE
    (and NEO4J_TIMEOUT, seconds to connect and log in).

    Without NEO4J_URI, NEO4J_BOLT_PORT (the port scripts/neo4j-local starts on) gives
    bolt://127.0.0.1:PORT, so kg, the tests and the local server agree on one address.
    """

    uri: str = DEFAULT_URI
    user: str = DEFAULT_USER
    password: str = field(default=DEFAULT_PASSWORD, repr=False)
    database: str | None = None  # None: the server's default database
    timeout: float = 15.0  # seconds to connect, Bolt handshake and login included

    @classmethod
    def from_env(cls, uri: str | None = None, user: str | None = None, password: str | None = None,
                 database: str | None = None) -> Neo4jConfig:
        env = os.environ.get
        port = env("NEO4J_BOLT_PORT")
        return cls(uri or env("NEO4J_URI") or (f"bolt://127.0.0.1:{port}" if port else DEFAULT_URI),
                   user or env("NEO4J_USER") or DEFAULT_USER,
                   password or env("NEO4J_PASSWORD") or DEFAULT_PASSWORD,
                   database or env("NEO4J_DATABASE") or None,
                   _seconds(env("NEO4J_TIMEOUT")) or cls.timeout)


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
            return KgNeo4jError(f"cannot reach Neo4j at {config.uri}: something answers on that port, but not"
                                f" in Bolt within {config.timeout:g} s (an HTTP port? Bolt's is usually 7687)")
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
        driver = GraphDatabase.driver(config.uri, auth=(config.user, config.password),
                                      connection_timeout=config.timeout, connection_acquisition_timeout=config.timeout)
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
        _write(session, f"CREATE CONSTRAINT kg_{label.lower()}_id IF NOT EXISTS "
                        f"FOR (n:{_name(label)}) REQUIRE n.id IS UNIQUE")
    for label, prop in INDEXES:
        _write(session, f"CREATE INDEX kg_{label.lower()}_{prop} IF NOT EXISTS "
                        f"FOR (n:{_name(label)}) ON (n.{_name(prop)})")


_KG_NODES = "|".join(_name(label) for label in NODE_LABELS)


def _existing(session: Session) -> tuple[dict[str, list[str]], dict[str, str]]:
    """What Neo4j holds of kg's: node ids → element ids, relationship element ids → ids."""
    nodes: dict[str, list[str]] = defaultdict(list)
    for eid, id_ in _read(session, f"MATCH (n:{_KG_NODES}) RETURN elementId(n), n.id"):
        nodes[id_].append(eid)
    rels = {eid: id_ for eid, id_ in _read(
        session, f"MATCH (:{_KG_NODES})-[r]->(:{_KG_NODES}) WHERE r.id IS NOT NULL RETURN elementId(r), r.id")}
    return nodes, rels


def push(nodes: Iterable[Node], rels: Iterable[Rel], config: Neo4jConfig, batch_size: int = 1000,
         progress: Callable[[int], None] | None = None) -> PushResult:
    """Make Neo4j mirror these nodes and relationships; ``progress`` gets the size of each batch sent."""
    nodes, rels = list(nodes), list(rels)
    primary = {n.id: n.labels[0] for n in nodes}
    unknown = set(primary.values()) - set(NODE_LABELS)
    if unknown:
        raise ValueError(f"nodes with labels kg does not manage: {sorted(unknown)}")
    for r in rels:
        if r.start not in primary or r.end not in primary:
            raise ValueError(f"relationship {r.id} ({r.type}) links a node that is not pushed")
    try:
        with connect(config) as driver, driver.session(database=config.database) as session:
            return _push(session, nodes, rels, primary, batch_size, progress or (lambda n: None))
    except (Neo4jError, DriverError) as e:
        raise explain(config, e) from None


def _push(session: Session, nodes: list[Node], rels: list[Rel], primary: dict[str, str],
          batch_size: int, progress: Callable[[int], None]) -> PushResult:
    ensure_schema(session)
    old_nodes, old_rels = _existing(session)
    extra_labels = set(EXTRA_LABELS) | {label for n in nodes for label in n.labels[1:]}

    by_labels: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for n in nodes:
        by_labels[n.labels].append({"id": n.id, "props": {**n.props, "id": n.id}})
    for labels, rows in sorted(by_labels.items()):
        stale = sorted(extra_labels - set(labels))
        query = (f"UNWIND $rows AS row MERGE (n:{_name(labels[0])} {{id: row.id}}) SET n = row.props"
                 + "".join(f" SET n:{_name(label)}" for label in labels[1:])
                 + "".join(f" REMOVE n:{_name(label)}" for label in stale))
        for batch in _batches(rows, batch_size):
            _write(session, query, rows=batch)
            progress(len(batch))

    by_shape: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for r in rels:
        by_shape[(r.type, primary[r.start], primary[r.end])].append(
            {"id": r.id, "start": r.start, "end": r.end, "props": {**r.props, "id": r.id}})
    for (type_, start, end), rows in sorted(by_shape.items()):
        query = (f"UNWIND $rows AS row MATCH (a:{_name(start)} {{id: row.start}}) "
                 f"MATCH (b:{_name(end)} {{id: row.end}}) "
                 f"MERGE (a)-[r:{_name(type_)} {{id: row.id}}]->(b) SET r = row.props")
        for batch in _batches(rows, batch_size):
            _write(session, query, rows=batch)
            progress(len(batch))

    rel_ids = {r.id for r in rels}
    gone_rels = [eid for eid, id_ in old_rels.items() if id_ not in rel_ids]
    for batch in _batches(gone_rels, batch_size):
        _write(session, "UNWIND $ids AS eid MATCH ()-[r]->() WHERE elementId(r) = eid DELETE r", ids=batch)
    gone_nodes = [eid for id_, eids in old_nodes.items() if id_ not in primary for eid in eids]
    for batch in _batches(gone_nodes, batch_size):
        _write(session, "UNWIND $ids AS eid MATCH (n) WHERE elementId(n) = eid DETACH DELETE n", ids=batch)
    return PushResult(len(nodes), len(rels), len(gone_nodes), len(gone_rels))


def counts(config: Neo4jConfig) -> dict[str, int]:
    """kg's nodes per label (a node counts under each label) and relationships per type, as ``Store.counts()``."""
    try:
        with connect(config) as driver, driver.session(database=config.database) as session:
            result: dict[str, int] = {}
            for label, n in _read(session, f"MATCH (n:{_KG_NODES}) UNWIND labels(n) AS label "
                                           "WITH label WHERE label IN $labels RETURN label, count(*)",
                                  labels=[*NODE_LABELS, *EXTRA_LABELS]):
                result[label] = n
            for type_, n in _read(session, f"MATCH (:{_KG_NODES})-[r]->(:{_KG_NODES}) "
                                           "WHERE r.id IS NOT NULL RETURN type(r), count(*)"):
                result[type_] = n
            return result
    except (Neo4jError, DriverError) as e:
        raise explain(config, e) from None
