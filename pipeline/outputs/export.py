"""Exports of the whole store for researchers: GraphML (networkx, Gephi) and node-link JSON.

Node attributes: ``label`` (what a person reads: the name, an article's title
or else its URL or file, a statement's opening words, a figure's text), ``kind``
(the primary label: Person, Statement, …), ``labels`` (all, ":"-joined) and the
node's properties (``aliases`` "|"-joined: GraphML has no lists), with ``mvno`` true or false on
organisations; edge attributes: ``label`` and ``type`` (the relationship
type), ``id`` and the relationship's properties. Every value is a scalar of
one type per attribute (graph.py: numbers as numbers, dates as ISO strings), so
each GraphML key is declared once with its type and Gephi shows names. In text,
what XML 1.0 forbids (NUL and most other C0 controls, U+FFFE, U+FFFF) and lone
surrogates become U+FFFD, one for one, in both exports, so networkx and any XML
parser read them back.

Files are written as atomic.output writes them: whole or not at all, through links, streamed to devices.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from typing import Any, BinaryIO, Protocol, TextIO

import networkx as nx

from pipeline.graph import Node, Rel, label_props
from pipeline.outputs.atomic import output


class Graph(Protocol):
    """What is exported: the store, or a Spark job's Parquet output (parquet_graph.ParquetGraph), both in id order."""

    def nodes(self) -> Iterable[Node]: ...

    def rels(self) -> Iterable[Rel]: ...


OPENING = 24  # characters of a statement shown as its label


def label(node: Node) -> str:
    """What a person reads for a node: names, titles, the opening words of what was said."""
    p = node.props
    text = p.get("name") or p.get("title") or p.get("url") or p.get("doc") or p.get("text") or node.id
    return text if len(text) <= OPENING else text[:OPENING] + "…"


_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(value: Any) -> Any:
    """Text with every character XML 1.0 forbids replaced by U+FFFD; other values as they are."""
    return _NOT_XML.sub("\ufffd", value) if isinstance(value, str) else value


def _safe(attrs: dict[str, Any]) -> dict[str, Any]:
    return {k: xml_safe(v) for k, v in attrs.items()}


def _node_attrs(node: Node) -> dict[str, Any]:
    kinds = {"label": label(node), "kind": node.labels[0], "labels": ":".join(node.labels)}
    return _safe({**node.props, **label_props(node), **kinds})


def _edge_attrs(rel: Rel) -> dict[str, Any]:
    return _safe({**rel.props, "label": rel.type, "type": rel.type, "id": rel.id})


def to_networkx(store: Graph) -> nx.MultiDiGraph:
    """The store as a multigraph keyed by node and relationship ids."""
    g = nx.MultiDiGraph()
    g.add_nodes_from((n.id, _node_attrs(n)) for n in store.nodes())
    g.add_edges_from((r.start, r.end, r.id, _edge_attrs(r)) for r in store.rels())
    return g


def write_graphml(store: Graph, path: str | os.PathLike[str] | BinaryIO) -> None:
    """GraphML to ``path`` (a file, ``-`` for standard output, or an open binary stream)."""
    graph = to_networkx(store)
    with output(path, binary=True) as f:
        nx.write_graphml(graph, f, encoding="utf-8", prettyprint=True)


def write_json(store: Graph, out: str | os.PathLike[str] | TextIO) -> None:
    """Node-link JSON, as ``nx.node_link_graph(data, edges="edges")`` reads it back."""
    data = {
        "directed": True,
        "multigraph": True,
        "graph": {},
        "nodes": [{"id": n.id, **_node_attrs(n)} for n in store.nodes()],
        "edges": [{"source": r.start, "target": r.end, "key": r.id, **_edge_attrs(r)} for r in store.rels()],
    }
    with output(out) as f:
        json.dump(data, f, ensure_ascii=False, indent=1)
        f.write("\n")
