"""Typed records to JSON and back, so the store can keep each article's extraction.

The store re-derives an article's graph when what it knows about people in other
articles changes (graph.py, ``known``), so it keeps the extraction the graph was
built from. The codec follows the dataclasses' own type hints: a field added to
a record needs no change here.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from typing import Any, TypeVar

from pipeline.records import Extraction

T = TypeVar("T")


def dumps(extraction: Extraction) -> str:
    return json.dumps(dataclasses.asdict(extraction), ensure_ascii=False, default=str)


def loads(text: str) -> Extraction:
    return _build(Extraction, json.loads(text))


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def _build(cls: type[T], data: dict[str, Any]) -> T:
    hints = _hints(cls)
    known = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    return cls(**{k: _value(hints[k], v) for k, v in data.items() if k in known})


def _value(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return _value(next(a for a in args if a is not type(None)), value)
    if dataclasses.is_dataclass(hint):
        return _build(hint, value)  # type: ignore[arg-type]
    if origin is list:
        return [_value(args[0], v) for v in value]
    if origin is tuple:
        return tuple(_value(args[0], v) for v in value)
    return value
