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

A file is written beside its target under a temporary name and renamed over it
when complete, so a full disk or a crash never leaves a truncated export.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import IO, Any, BinaryIO, Protocol, TextIO

import networkx as nx

from pipeline.errors import KgFailure
from pipeline.graph import Node, Rel, label_props


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


class ExportError(KgFailure):
    """The export cannot be written; the message is one line naming the file."""


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
    graph = to_networkx(store)
    _write(path, "wb", lambda f: nx.write_graphml(graph, f, encoding="utf-8", prettyprint=True))


def write_json(store: Graph, out: str | os.PathLike[str] | TextIO) -> None:
    """Node-link JSON, as ``nx.node_link_graph(data, edges="edges")`` reads it back."""
    data = {
        "directed": True,
        "multigraph": True,
        "graph": {},
        "nodes": [{"id": n.id, **_node_attrs(n)} for n in store.nodes()],
        "edges": [{"source": r.start, "target": r.end, "key": r.id, **_edge_attrs(r)} for r in store.rels()],
    }

    def dump(f: IO[str]) -> None:
        json.dump(data, f, ensure_ascii=False, indent=1)
        f.write("\n")

    _write(out, "w", dump)


def _write(target: str | os.PathLike[str] | IO[Any], mode: str, write: Callable[[Any], None]) -> None:
    """``write(file)`` into an open stream as it is, or into a path through a temporary file."""
    if not isinstance(target, (str, os.PathLike)):
        write(target)
        return
    with _replacing(os.fspath(target), mode) as f:
        write(f)


@contextmanager
def _replacing(path: str, mode: str) -> Iterator[IO[Any]]:
    """A temporary file beside ``path`` that becomes ``path`` only once fully written (ExportError if not)."""
    folder = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(path)}.", suffix=".tmp")
    except OSError as e:
        raise ExportError(f"{path}: cannot write: {e.strerror or e}") from None
    try:
        with os.fdopen(fd, mode, encoding=None if "b" in mode else "utf-8") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp's file is private; an export is an ordinary file
        os.replace(tmp, path)
    except OSError as e:
        os.unlink(tmp)
        raise ExportError(f"{path}: cannot write: {e.strerror or e}; nothing written") from None
    except BaseException:
        os.unlink(tmp)
        raise
