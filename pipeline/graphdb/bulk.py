"""``kg push --bulk``: a first load through Neo4j's offline importer, from CSV files of the store.

Far faster than transactions for a large store, but the importer REPLACES the database and needs
its server stopped. kg writes the store as CSV (one file per label set and set of property
columns, so every value keeps its type), runs the import tool of the server's own installation
(``java -cp HOME/lib/* org.neo4j.cli.AdminTool database import full``: HOME is scripts/neo4j-local's
KG_NEO4J_HOME, or any Neo4j installation folder with lib/ and conf/), and imports the push marker
too: the first ``kg push`` once the server runs again creates the constraints and sends nothing.
The graph is the one a transactional push makes (same ids, labels and properties).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from pipeline.graph import MULTI
from pipeline.graphdb.push import MARKER, NODE_LABELS, KgNeo4jError, PushResult, counts_text, neo4j_props
from pipeline.messages import quoted
from pipeline.storage.store import Store

TOOL = "org.neo4j.cli.AdminTool"
_TYPES = ((bool, "boolean"), (int, "long"), (float, "double"), (str, "string"), (list, "string[]"))
# the importer's array delimiter (labels, lists): "|", which no element of a list kg writes holds (graph.MULTI)
ARRAY = MULTI


def _type(value: Any) -> str:
    return next(name for kind, name in _TYPES if isinstance(value, kind))


def _field(value: Any) -> str:
    """One CSV field as the importer reads it: strings always quoted (inner quotes doubled), so an
    empty string stays one; a missing property is an empty unquoted field."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, list):
        value = ARRAY.join(value)
    return '"' + str(value).replace('"', '""') + '"'


class _Files:
    """CSV files by header, each opened when its first row comes."""

    def __init__(self, folder: Path, prefix: str):
        self.folder, self.prefix = folder, prefix
        self.files: dict[tuple[str, ...], IO[str]] = {}
        self.multiline = False

    def write(self, header: tuple[str, ...], values: Iterable[Any]) -> None:
        out = self.files.get(header)
        if out is None:
            path = self.folder / f"{self.prefix}-{len(self.files):04d}.csv"
            out = self.files[header] = path.open("w", encoding="utf-8", newline="")
            out.write(",".join(header) + "\n")
        line = ",".join(map(_field, values))
        self.multiline = self.multiline or "\n" in line or "\r" in line
        out.write(line + "\n")

    def close(self) -> list[str]:
        for out in self.files.values():
            out.close()
        return [out.name for out in self.files.values()]


def write_csv(store: Store, folder: Path) -> tuple[list[str], list[str], bool, int, int]:
    """The store (and the push marker) as importer CSV: node files, relationship files, whether any
    value spans lines, nodes, relationships."""
    nodes, rels = _Files(folder, "nodes"), _Files(folder, "rels")
    n_nodes = n_rels = 0
    for n in store.nodes():
        props = neo4j_props(n)
        keys = sorted(props)
        nodes.write(
            ("id:ID", ":LABEL", *(f"{k}:{_type(props[k])}" for k in keys)),
            [n.id, ARRAY.join(n.labels), *(props[k] for k in keys)],
        )
        n_nodes += 1
    for r in store.rels():
        keys = sorted(r.props)
        rels.write(
            (":START_ID", ":END_ID", ":TYPE", "id:string", *(f"{k}:{_type(r.props[k])}" for k in keys)),
            [r.start, r.end, r.type, r.id, *(r.props[k] for k in keys)],
        )
        n_rels += 1
    identity = store.identity()
    if identity is not None:
        in_store = store.counts()
        nodes.write(
            (f":ID({MARKER})", ":LABEL", "store:string", "seq:long", "counts:string"),
            [
                "marker",
                MARKER,
                identity,
                store.last_change(),
                counts_text([in_store.get(label, 0) for label in NODE_LABELS], n_rels),
            ],
        )
    return nodes.close(), rels.close(), nodes.multiline or rels.multiline, n_nodes, n_rels


def bulk_load(store: Store, home: str | os.PathLike[str], database: str | None = None) -> PushResult:
    """Replace ``database`` (default ``neo4j``) of the stopped Neo4j installed at ``home`` with the store's graph."""
    home = Path(home)
    java = shutil.which("java")
    if not (home / "lib").is_dir() or not (home / "conf").is_dir():
        raise KgNeo4jError(
            f"{quoted(str(home))}: not a Neo4j installation (no lib/ and conf/; run scripts/neo4j-local start once)"
        )
    if java is None:
        raise KgNeo4jError("the Neo4j importer needs Java 17 (apt-get install openjdk-17-jre-headless)")
    with store.snapshot(), tempfile.TemporaryDirectory(prefix="kg-bulk-") as tmp:
        node_files, rel_files, multiline, n_nodes, n_rels = write_csv(store, Path(tmp))
        command = [
            java,
            "-cp",
            str(home / "lib" / "*"),
            TOOL,
            "database",
            "import",
            "full",
            database or "neo4j",
            "--overwrite-destination=true",
            "--id-type=string",
            f"--array-delimiter={ARRAY}",
            f"--report-file={Path(tmp) / 'import.report'}",
            f"--multiline-fields={'true' if multiline else 'false'}",
            *(f"--nodes={f}" for f in node_files),
            *(f"--relationships={f}" for f in rel_files),
        ]
        env = {**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf")}
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        said = [
            line.strip()
            for line in (done.stdout + done.stderr).splitlines()
            if line.strip() and not line.startswith(("\t", " ")) and "--verbose" not in line
        ]
        raise KgNeo4jError(f"the Neo4j importer failed: {said[-1] if said else f'exit status {done.returncode}'}")
    return PushResult(n_nodes, n_rels, 0, 0)
