"""A Spark job's Parquet output read back with pyarrow, as `kg export --from` and `kg push --from` do:
the store's nodes and relationships in id order, and no Spark session started for it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from graph_samples import launch, regulator
from repo import ROOT

from pipeline.storage.parquet import ParquetGraph, ParquetGraphError
from pipeline.storage.store import Store


@pytest.fixture
def folder(tmp_path) -> tuple[Path, Store]:
    """The store's graph written as kg spark-ingest lays it out: nodes/ and rels/ (several part files,
    hive-partitioned nodes, Spark's _SUCCESS marker), rows in no particular order."""
    store = Store(tmp_path / "kg.db")
    for x in (launch(), regulator()):
        store.apply(x)
    nodes = [
        {"id": n.id, "labels": ":".join(n.labels), "props": json.dumps(n.props), "label": n.labels[0]}
        for n in store.nodes()
    ]
    rels = [
        {"id": r.id, "start": r.start, "end": r.end, "props": json.dumps(r.props), "type": r.type} for r in store.rels()
    ]
    out = tmp_path / "graph"
    pq.write_to_dataset(pa.Table.from_pylist(nodes[::-1]), out / "nodes", partition_cols=["label"])
    for i, part in enumerate((rels[1::2], rels[::2])):
        (out / "rels").mkdir(exist_ok=True)
        pq.write_table(pa.Table.from_pylist(part), out / "rels" / f"part-{i:05d}.parquet")
    (out / "nodes" / "_SUCCESS").touch()
    return out, store


def test_the_folder_reads_back_as_the_stores_graph_in_id_order(folder):
    out, store = folder
    graph = ParquetGraph(str(out))
    as_read = (
        [(n.id, n.labels, n.props) for n in graph.nodes()],
        [(r.id, r.type, r.start, r.end, r.props) for r in graph.rels()],
    )
    in_store = (
        [(n.id, n.labels, n.props) for n in store.nodes()],
        [(r.id, r.type, r.start, r.end, r.props) for r in store.rels()],
    )
    assert as_read == in_store
    assert graph.totals() == store.totals()
    assert ParquetGraph(out.as_uri()).totals() == store.totals()  # a file: URI too


def test_a_folder_without_a_graph_is_a_one_line_error(tmp_path):
    with pytest.raises(ParquetGraphError, match="no kg graph there"):
        ParquetGraph(str(tmp_path))


def test_export_from_starts_no_spark(folder, tmp_path):
    """pyspark made unimportable: kg export --from still writes the store's GraphML."""
    out, store = folder
    code = (
        "import sys; sys.modules['pyspark'] = None; from pipeline.cli import main; "
        f"main(['export', '--from', {str(out)!r}, '--graphml', {str(tmp_path / 'g.graphml')!r}])"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)
    nodes, rels = store.totals()
    assert done.returncode == 0, done.stderr
    assert f"exported {nodes} nodes, {rels} relationships" in done.stderr
