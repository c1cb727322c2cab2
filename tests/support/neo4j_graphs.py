"""kg's graph as Neo4j and as the store hold it, for tests that compare the two."""

from __future__ import annotations

from pathlib import Path

from pipeline.apps.ingest import ingest
from pipeline.graphdb.push import NODE_LABELS, Neo4jConfig, PushResult, neo4j_props, push_store
from pipeline.storage.store import Store


def neo4j_graph(driver, config) -> tuple[dict, dict]:
    """kg's nodes (id → labels, properties) and relationships (id → type, ends, properties) in Neo4j."""
    kg = "|".join(NODE_LABELS)
    nodes, _, _ = driver.execute_query(
        f"MATCH (n:{kg}) RETURN n.id AS id, labels(n) AS labels, properties(n) AS p", database_=config.database
    )
    rels, _, _ = driver.execute_query(
        f"MATCH (a:{kg})-[r]->(b:{kg}) WHERE r.id IS NOT NULL "
        "RETURN r.id AS id, type(r) AS type, a.id AS a, b.id AS b, properties(r) AS p",
        database_=config.database,
    )
    return (
        {r["id"]: (sorted(r["labels"]), r["p"]) for r in nodes},
        {r["id"]: (r["type"], r["a"], r["b"], r["p"]) for r in rels},
    )


def store_graph(path: Path) -> tuple[dict, dict]:
    """The same, as the store has it: what Neo4j must mirror."""
    with Store(path, create=False) as store:
        return (
            {n.id: (sorted(n.labels), {**neo4j_props(n), "id": n.id}) for n in store.nodes()},
            {r.id: (r.type, r.start, r.end, {**r.props, "id": r.id}) for r in store.rels()},
        )


def ingest_into(db: Path, *paths: Path) -> None:
    with Store(db) as store:
        assert ingest([str(p) for p in paths], store, jobs=1).failed == 0


def push_from(db: Path, config: Neo4jConfig, **kw) -> PushResult:
    with Store(db, create=False) as store:
        return push_store(store, config, **kw)
