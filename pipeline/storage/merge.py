"""How stored rows merge: labels as a ``:``-joined string, properties as sorted JSON.

The embedded store and the Spark job both merge with these, so both engines
give the same node from the same owners.
Reads: stored label strings and property JSON. Provides: their merge.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import reduce
from typing import Any

from pipeline.graph import merge_props


def labels_of(labels: str) -> tuple[str, ...]:
    """A stored ``A:B`` label string as a tuple, the primary label first."""
    return tuple(labels.split(":"))


def union(*label_sets: tuple[str, ...]) -> str:
    """The first set's primary label, then every other label of all sets, sorted."""
    primary = label_sets[0][0]
    extra = sorted({l for labels in label_sets for l in labels} - {primary})
    return ":".join((primary, *extra))


def dump(props: dict[str, Any]) -> str:
    """Properties as stored: JSON with sorted keys, so equal properties are equal strings."""
    return json.dumps(props, ensure_ascii=False, sort_keys=True)


def merged(props: Iterable[str]) -> dict[str, Any]:
    """Stored property JSONs merged in order (``graph.merge_props``)."""
    return reduce(merge_props, (json.loads(p) for p in props))
