"""The graph model: one article's extraction as nodes and relationships.

Ids are stable hashes of what identifies a thing (not of where it was seen),
so re-ingesting an article merges into the same nodes, and the same person,
organisation or republished statement from several articles is one node.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Node:
    id: str
    labels: tuple[str, ...]  # primary label first, e.g. ("Organization", "MVNO")
    props: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class Rel:
    id: str
    type: str
    start: str  # Node.id
    end: str  # Node.id
    props: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
