"""Exports of the whole store for researchers: GraphML (networkx, Gephi) and node-link JSON.

Node attributes: ``label`` (primary label), ``labels`` (all, ":"-joined) and the
node's properties; edge attributes: ``type``, ``id`` and the relationship's
properties. Every value is a scalar (graph.py), so GraphML needs no conversion.
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterable
from typing import Any, BinaryIO, Protocol, TextIO

import networkx as nx

from .graph import Node, Rel


class Graph(Protocol):
    """What is exported: the store, or a Spark job's Parquet output (spark_job.ParquetGraph), both in id order."""

    def nodes(self) -> Iterable[Node]: ...

    def rels(self) -> Iterable[Rel]: ...


def _node_attrs(node: Node) -> dict[str, Any]:
    return {"label": node.labels[0], "labels": ":".join(node.labels), **node.props}


def _edge_attrs(rel: Rel) -> dict[str, Any]:
    return {"type": rel.type, "id": rel.id, **rel.props}


def to_networkx(store: Graph) -> nx.MultiDiGraph:
    """The store as a multigraph keyed by node and relationship ids."""
    g = nx.MultiDiGraph()
    g.add_nodes_from((n.id, _node_attrs(n)) for n in store.nodes())
    g.add_edges_from((r.start, r.end, r.id, _edge_attrs(r)) for r in store.rels())
    return g


def write_graphml(store: Graph, path: str | os.PathLike[str] | BinaryIO) -> None:
    nx.write_graphml(to_networkx(store), path, encoding="utf-8", prettyprint=True)


def write_json(store: Graph, out: str | os.PathLike[str] | TextIO) -> None:
    """Node-link JSON, as ``nx.node_link_graph(data, edges="edges")`` reads it back."""
    data = {
        "directed": True, "multigraph": True, "graph": {},
        "nodes": [{"id": n.id, **_node_attrs(n)} for n in store.nodes()],
        "edges": [{"source": r.start, "target": r.end, "key": r.id, **_edge_attrs(r)} for r in store.rels()],
    }
    if isinstance(out, (str, os.PathLike)):
        with open(out, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, indent=1)
    else:
        json.dump(data, out, ensure_ascii=False, indent=1)
        out.write("\n")
