"""Run the analysts' Cypher files (``queries/*.cypher``) or any Cypher against Neo4j.

A query file starts with comment lines that document it, which this module reads:

    // question: Who said what about an organisation?
    // param: org — organisation name or alias
    // param: limit = 10 — how many rows

Values always travel as query parameters, never pasted into the text, so a
name with quotes in it cannot change what a query does.
"""

from __future__ import annotations

import csv
import difflib
import fnmatch
import io
import json
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from neo4j import Driver, RoutingControl, graph
from neo4j import time as neo4j_time
from neo4j.exceptions import DriverError, Neo4jError

from pipeline.errors import KgFailure
from pipeline.graph import by_alias, join, near_names
from pipeline.graphdb.push import Neo4jConfig, connect, explain
from pipeline.language import datafiles
from pipeline.messages import quoted

NAME_PARAMS = {"org": "Organization", "person": "Person"}  # parameters of the shipped queries that name a node

FORMATS = ("table", "json", "csv")
SOURCE_DIR = datafiles.package_dir().parent / "queries"  # a source checkout or editable install
INSTALLED_DIR = Path(sys.prefix) / "share" / "kg" / "queries"  # a wheel install (setup.cfg data_files)
CELL_WIDTH = 60  # display columns a table cell is cut to at a terminal (not when piped)

_NAME = re.compile(r"[A-Za-z0-9_-]+")
_PARAM = re.compile(r"//\s*param:\s*(\w+)\s*(?:=\s*(\S+))?\s*(?:[—–-]+\s*(.*))?$")
_INT = re.compile(r"[+-]?\d+")
_FLOAT = re.compile(r"[+-]?(\d+\.\d*|\.\d+|\d+)([eE][+-]?\d+)?")
_INT64 = range(-(2**63), 2**63)  # what a Bolt integer holds


class QueryError(KgFailure):
    """A query that cannot be run as asked; the message is one line."""


@dataclass(frozen=True)
class Param:
    name: str
    default: Any = None
    required: bool = True
    help: str = ""


@dataclass(frozen=True)
class Query:
    name: str
    text: str
    question: str = ""
    params: tuple[Param, ...] = ()


# what a write did, in cypher-shell's order and words (the driver's SummaryCounters fields)
COUNTERS = (
    "nodes_created",
    "nodes_deleted",
    "relationships_created",
    "relationships_deleted",
    "properties_set",
    "labels_added",
    "labels_removed",
    "indexes_added",
    "indexes_removed",
    "constraints_added",
    "constraints_removed",
    "system_updates",
)


@dataclass(frozen=True)
class Result:
    keys: list[str]
    rows: list[dict[str, Any]]
    counters: dict[str, int] = field(default_factory=dict)  # the non-zero COUNTERS


def counters_text(counters: dict[str, int]) -> str:
    """``1 nodes created, 2 properties set``, or ``no changes``."""
    return ", ".join(f"{n} {name.replace('_', ' ')}" for name, n in counters.items()) or "no changes"


def parse_value(text: str) -> Any:
    """``--param`` values: numbers become numbers (LIMIT needs an int), the rest stays text."""
    if _INT.fullmatch(text):
        if int(text) not in _INT64:
            raise QueryError(f"{text} is too large for Neo4j, whose integers have 64 bits")
        return int(text)
    if _FLOAT.fullmatch(text):
        return float(text)
    return text


def parse_params(pairs: Iterable[str]) -> dict[str, Any]:
    params: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise QueryError(f"--param {pair!r}: expected key=value")
        try:
            params[key.strip()] = parse_value(value)
        except QueryError as e:
            raise QueryError(f"--param {pair!r}: {e}") from None
    return params


def parse(name: str, text: str) -> Query:
    """A query with what its header comment says about it."""
    question, params = "", []
    for line in text.splitlines():
        line = line.strip()
        if not line.startswith("//"):
            if line:
                break
            continue
        if m := _PARAM.match(line):
            default = None if m[2] is None else parse_value(m[2])
            params.append(Param(m[1], default, m[2] is None, (m[3] or "").strip()))
        elif m := re.match(r"//\s*question:\s*(.*)", line):
            question = m[1].strip()
    return Query(name, text, question, tuple(params))


def queries_dir() -> Path:
    return SOURCE_DIR if SOURCE_DIR.is_dir() else INSTALLED_DIR


def available() -> dict[str, Query]:
    """The shipped queries by name (file stem)."""
    folder = queries_dir()
    files = sorted(folder.glob("*.cypher")) if folder.is_dir() else []
    return {f.stem: parse(f.stem, f.read_text(encoding="utf-8")) for f in files}


def _is_file(path: Path) -> bool:
    """Cypher text can be too long to be a file name, which the OS rejects rather than denies."""
    try:
        return path.is_file()
    except OSError:
        return False


def resolve(spec: str) -> Query:
    """An existing FILE of Cypher, the NAME of a shipped query, or else the Cypher text itself."""
    path = Path(spec)
    if _is_file(path) or spec.endswith(".cypher"):
        try:
            return parse(path.stem, path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as e:
            raise QueryError(f"{quoted(spec)}: cannot read ({e.__class__.__name__}: {e})") from None
    if _NAME.fullmatch(spec):
        queries = available()
        if spec not in queries:
            near = difflib.get_close_matches(spec, queries, n=3, cutoff=0.5)
            hint = f"did you mean {' or '.join(near)}? " if near else ""
            raise QueryError(f"no query named {spec!r}; {hint}available: {', '.join(queries) or '(none found)'}")
        return queries[spec]
    return parse("cypher", spec)


def bind(query: Query, given: dict[str, Any]) -> dict[str, Any]:
    """The parameters to send: header defaults, then what was given; a missing required one is an error."""
    missing = [p for p in query.params if p.required and p.name not in given]
    if missing:
        needs = ", ".join(f"--param {p.name}=…" + (f" ({p.help})" if p.help else "") for p in missing)
        raise QueryError(f"query {query.name} needs {needs}")
    return {**{p.name: p.default for p in query.params if not p.required}, **given}


def run(query: Query, params: dict[str, Any], config: Neo4jConfig, write: bool = False) -> Result:
    """Run in a read transaction unless ``write``, and only once ``check_read_only`` passes it: the server
    then refuses CREATE, SET, DELETE…, and nothing that changes the server itself is sent."""
    bound = bind(query, params)
    with connect(config) as driver:
        try:
            if not write:
                check_read_only(driver, config, query, bound)
            check_names(driver, config, query, bound)
            records, summary, keys = driver.execute_query(
                query.text,
                parameters_=bound,
                database_=config.database,
                routing_=RoutingControl.WRITE if write else RoutingControl.READ,
            )
        except Neo4jError as e:
            message = " ".join(str(e.message or e).split())
            if e.code == "Neo.ClientError.Statement.AccessMode":
                message = "it writes, and kg query only reads unless given --write"
            raise QueryError(f"query {query.name} failed: {message}") from None
        except DriverError as e:
            raise explain(config, e) from None
    counters = {name: n for name in COUNTERS if (n := getattr(summary.counters, name))}
    return Result(list(keys), [{k: plain(r[k]) for k in keys} for r in records], counters)


_QUERY_TYPES = {"w": "writes", "rw": "writes", "s": "changes the schema or calls a server procedure"}


def check_read_only(driver: Driver, config: Neo4jConfig, query: Query, params: dict[str, Any]) -> None:
    """A QueryError unless the query's plan (EXPLAIN, which runs nothing) only reads: query type "r", no
    procedure outside data/read_only_cypher.yaml's, no command that changes the server."""
    _, summary, _ = driver.execute_query(
        "EXPLAIN " + query.text, parameters_=params, database_=config.database, routing_=RoutingControl.READ
    )
    allowed = datafiles.load_yaml("read_only_cypher.yaml")
    does = _QUERY_TYPES.get(summary.query_type or "r")
    if does is None:
        steps = list(_plan_steps(summary.plan or {}))
        calls = [d.partition("(")[0] for op, d in steps if op == "ProcedureCall"]
        refused = [c for c in calls if not any(fnmatch.fnmatchcase(c, p) for p in allowed["procedures"])]
        refused += [op for op, _ in steps if op in allowed["operators"]]
        does = f"calls {', '.join(refused)}, which can change the server" if refused else None
    if does:
        raise QueryError(f"query {query.name} failed: it {does}, and kg query only reads unless given --write")


def _plan_steps(plan: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(operator, details) of every step of an EXPLAIN plan."""
    yield plan.get("operatorType", "").partition("@")[0], str(plan.get("args", {}).get("Details", ""))
    for child in plan.get("children", []):
        yield from _plan_steps(child)


def check_names(driver: Driver, config: Neo4jConfig, query: Query, params: dict[str, Any]) -> None:
    """A shipped parameter that names a node (``NAME_PARAMS``) must name one, by name or alias; else near names."""
    for param in query.params:
        label, given = NAME_PARAMS.get(param.name), params.get(param.name)
        if label is None or not isinstance(given, str):
            continue
        records, _, _ = driver.execute_query(
            f"MATCH (n:{label}) RETURN n.name AS name, coalesce(n.aliases, []) AS aliases",
            database_=config.database,
            routing_=RoutingControl.READ,
        )
        names = by_alias((r["name"], join(r["aliases"])) for r in records)  # a list in Neo4j
        if given in names:
            continue
        near = near_names(given, names)
        hint = f"; near names: {', '.join(near)}" if near else ""
        raise QueryError(f"no {label} named {given!r} in Neo4j{hint}")


def plain(value: Any) -> Any:
    """Neo4j values as JSON-ready Python values."""
    if isinstance(value, graph.Node):
        return {"labels": sorted(value.labels), **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, graph.Relationship):
        return {"type": value.type, **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, graph.Path):
        return [plain(n) for n in value.nodes]
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (neo4j_time.Date, neo4j_time.DateTime, neo4j_time.Time, neo4j_time.Duration)):
        return value.iso_format()
    return value


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"  # as Cypher writes them
    if isinstance(value, list):
        return "; ".join(_text(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _width(text: str) -> int:
    """Terminal columns: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _cut(text: str, width: int | None) -> str:
    text = " ".join(text.split())
    if width is None or _width(text) <= width:
        return text
    out, used = [], 0
    for c in text:
        used += _width(c)
        if used > width - 1:
            break
        out.append(c)
    return "".join(out) + "…"


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def format_result(result: Result, fmt: str, width: int | None = None) -> str:
    """``width``: display columns a table cell is cut to (None: cells are whole, newlines folded)."""
    if fmt == "json":
        return json.dumps(result.rows, ensure_ascii=False, indent=2)
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(result.keys)
        writer.writerows([_text(row[k]) for k in result.keys] for row in result.rows)
        return out.getvalue().rstrip("\n")
    if fmt != "table":
        raise QueryError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    cells = [[_cut(_text(row[k]), width) for k in result.keys] for row in result.rows]
    widths = [max([_width(k)] + [_width(line[i]) for line in cells]) for i, k in enumerate(result.keys)]
    lines = [" | ".join(_pad(k, w) for k, w in zip(result.keys, widths)).rstrip(), "-+-".join("-" * w for w in widths)]
    lines += [" | ".join(_pad(c, w) for c, w in zip(line, widths)).rstrip() for line in cells]
    lines.append(f"({len(result.rows)} row{'s' if len(result.rows) != 1 else ''})")
    return "\n".join(lines)
