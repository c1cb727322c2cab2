"""Exports: GraphML and node-link JSON that networkx reads back with everything the store holds."""
from __future__ import annotations

import io
import json
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from graph_samples import launch, regulator

from pipeline.cli import main
from pipeline.export import to_networkx, write_graphml, write_json
from pipeline.store import Store


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "kg.db") as s:
        for x in (launch(), regulator(), launch(url="https://mirror.example.cn/3", alias="蓝海")):
            s.apply(x)
        yield s


def assert_same_graph(g: nx.MultiDiGraph, store: Store) -> None:
    nodes, rels = store.totals()
    assert (g.number_of_nodes(), g.number_of_edges()) == (nodes, rels)
    counts = store.counts()
    for label in ("Article", "Person", "Organization", "MVNO", "Statement", "Figure"):
        assert sum(label in d["labels"].split(":") for _, d in g.nodes(data=True)) == counts.get(label, 0)
    for type_ in {d["type"] for *_, d in g.edges(data=True)}:
        assert sum(d["type"] == type_ for *_, d in g.edges(data=True)) == counts[type_]
    for node in store.nodes():
        assert {k: g.nodes[node.id][k] for k in node.props} == node.props
    for rel in store.rels():
        assert g.edges[rel.start, rel.end, rel.id]["type"] == rel.type


def test_networkx_graph_mirrors_the_store(store):
    assert_same_graph(to_networkx(store), store)


def test_graphml_reloads_with_the_same_counts_and_attributes(store, tmp_path):
    write_graphml(store, tmp_path / "kg.graphml")
    g = nx.read_graphml(tmp_path / "kg.graphml", force_multigraph=True)
    assert isinstance(g, nx.MultiDiGraph)
    assert_same_graph(g, store)


def test_json_is_node_link_and_reloads(store):
    out = io.StringIO()
    write_json(store, out)
    g = nx.node_link_graph(json.loads(out.getvalue()), edges="edges")
    assert_same_graph(g, store)


def test_cli_exports_graphml_and_json(store, tmp_path):
    runner = CliRunner()
    path = str(tmp_path / "out.graphml")
    result = runner.invoke(main, ["export", "--store", store.path, "--graphml", path])
    assert result.exit_code == 0, result.output
    assert nx.read_graphml(path, force_multigraph=True).number_of_edges() == store.totals()[1]
    result = runner.invoke(main, ["export", "--store", store.path, "--format", "json"])
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)["nodes"]) == store.totals()[0]


def test_cli_export_of_no_store_is_a_one_line_error(tmp_path):
    result = CliRunner().invoke(main, ["export", "--store", str(tmp_path / "none.db"), "--format", "json"])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [f"kg: {tmp_path / 'none.db'}: no such store (run kg ingest first)"]


def test_ingested_corpus_exports_to_graphml_with_the_store_counts(tmp_path):
    corpus = Path(__file__).resolve().parent.parent / "corpus"
    db, out = str(tmp_path / "kg.db"), str(tmp_path / "kg.graphml")
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(corpus), "--store", db, "-j", "1", "-q"]).exit_code == 0
    assert runner.invoke(main, ["export", "--store", db, "--graphml", out]).exit_code == 0
    g = nx.read_graphml(out, force_multigraph=True)
    with Store(db, create=False) as store:
        assert store.totals()[0] > 0
        assert_same_graph(g, store)
