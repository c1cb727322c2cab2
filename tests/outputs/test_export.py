"""Exports: GraphML and node-link JSON that networkx reads back with everything the store holds."""

from __future__ import annotations

import io
import json

import networkx as nx
import pytest
from click.testing import CliRunner
from graph_samples import launch, regulator
from repo import ROOT

from pipeline.cli import main
from pipeline.outputs.export import to_networkx, write_graphml, write_json, xml_safe
from pipeline.storage.store import Store


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
        assert {k: g.nodes[node.id][k] for k in node.props} == {k: xml_safe(v) for k, v in node.props.items()}
        assert g.nodes[node.id].get("mvno") == ("MVNO" in node.labels if node.labels[0] == "Organization" else None)
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
    corpus = ROOT / "corpus"
    db, out = str(tmp_path / "kg.db"), str(tmp_path / "kg.graphml")
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(corpus), "--store", db, "-j", "1", "-q"]).exit_code == 0
    assert runner.invoke(main, ["export", "--store", db, "--graphml", out]).exit_code == 0
    g = nx.read_graphml(out, force_multigraph=True)
    with Store(db, create=False) as store:
        assert store.totals()[0] > 0
        assert_same_graph(g, store)


def test_graphml_labels_are_what_a_person_reads_and_the_kind_has_its_own_attribute(store, tmp_path):
    write_graphml(store, tmp_path / "kg.graphml")
    g = nx.read_graphml(tmp_path / "kg.graphml", force_multigraph=True)
    by_kind: dict[str, set[str]] = {}
    for _, d in g.nodes(data=True):
        by_kind.setdefault(d["kind"], set()).add(d["label"])
    assert {"李明", "周记者"} <= by_kind["Person"] and "蓝海移动" in by_kind["Organization"]
    assert {"虚拟运营商观察", "工信部发布通知"} <= by_kind["Article"]
    assert "虚拟运营商的用户增长超出了预期" in by_kind["Statement"] and "超过50万户" in by_kind["Figure"]
    assert not set().union(*by_kind.values()) & {"Person", "Organization", "Article", "Statement", "Figure"}
    assert {d["label"] for *_, d in g.edges(data=True)} >= {"SAID", "ABOUT", "CONTAINS"}


def test_a_long_statement_is_labelled_by_its_opening_words():
    from pipeline.graph import Node
    from pipeline.outputs.export import OPENING, label

    text = "虚拟运营商要在资费、服务和渠道上都拿出和基础运营商不一样的东西，否则用户没有理由转网"
    assert label(Node("stm:1", ("Statement",), {"text": text})) == text[:OPENING] + "…"
    assert label(Node("art:1", ("Article",), {"url": "https://a.example/1", "doc": "a.md"})) == "https://a.example/1"
    assert label(Node("art:2", ("Article",), {"doc": "a.md"})) == "a.md"


def test_every_graphml_attribute_is_declared_once_with_its_type(store, tmp_path):
    import xml.etree.ElementTree as ET

    write_graphml(store, tmp_path / "kg.graphml")
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    keys = [
        (k.get("for"), k.get("attr.name"), k.get("attr.type"))
        for k in ET.parse(tmp_path / "kg.graphml").getroot().findall("g:key", ns)
    ]
    assert len({(scope, name) for scope, name, _ in keys}) == len(keys)
    types = {(scope, name): t for scope, name, t in keys}
    assert types[("node", "value")] == "double" and types[("node", "start")] in ("int", "long")
    assert types[("edge", "count")] in ("int", "long") and types[("node", "published")] == "string"
    assert types[("node", "label")] == types[("node", "kind")] == "string"
    assert types[("node", "mvno")] == "boolean" and types[("node", "aliases")] == "string"  # GraphML has no lists


FORBIDDEN = "\x00\x01\x08\x0b\x0c\x0e\x1f\ufffe\uffff"


def test_what_xml_forbids_becomes_replacement_characters_and_both_exports_load_back(tmp_path):
    import xml.etree.ElementTree as ET

    quote = f"资费{FORBIDDEN}\x1b[31m会下降"
    with Store(tmp_path / "kg.db") as s:
        s.apply(launch(quote=quote))
    runner = CliRunner()
    graphml, as_json = tmp_path / "kg.graphml", tmp_path / "kg.json"
    assert runner.invoke(main, ["export", "--store", str(tmp_path / "kg.db"), "--graphml", str(graphml)]).exit_code == 0
    assert (
        runner.invoke(
            main, ["export", "--store", str(tmp_path / "kg.db"), "--format", "json", "-o", str(as_json)]
        ).exit_code
        == 0
    )
    ET.parse(graphml)
    loaded = [
        nx.read_graphml(graphml, force_multigraph=True),
        nx.node_link_graph(json.loads(as_json.read_text(encoding="utf-8")), edges="edges"),
    ]
    want = "资费" + "\ufffd" * len(FORBIDDEN) + "\ufffd[31m会下降"
    for g in loaded:
        assert want in {d.get("text") for _, d in g.nodes(data=True)}


def test_lone_surrogates_never_reach_an_export(tmp_path):
    from pipeline.graph import Node

    class OneNode:  # the store cannot hold a lone surrogate (read.py replaces them): a stand-in that does
        def nodes(self):
            return iter([Node("n1", ("Statement",), {"text": "甲\ud800乙"})])

        def rels(self):
            return iter([])

    write_graphml(OneNode(), tmp_path / "s.graphml")
    write_json(OneNode(), tmp_path / "s.json")
    assert nx.read_graphml(tmp_path / "s.graphml").nodes["n1"]["text"] == "甲\ufffd乙"
    assert json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))["nodes"][0]["text"] == "甲\ufffd乙"
    assert xml_safe(7) == 7


def test_export_to_a_missing_folder_is_one_line_and_leaves_nothing(store, tmp_path):
    target = tmp_path / "no" / "such" / "kg.graphml"
    result = CliRunner().invoke(main, ["export", "--store", store.path, "--graphml", str(target)])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [f"kg: {target}: cannot write: No such file or directory"]


def test_a_full_disk_during_export_keeps_the_previous_file_whole(store, tmp_path):
    import resource
    import subprocess
    import sys

    target = tmp_path / "kg.graphml"
    assert CliRunner().invoke(main, ["export", "--store", store.path, "--graphml", str(target)]).exit_code == 0
    before = target.read_bytes()

    def cap() -> None:  # writes past 1 KB fail (EFBIG), as on a full disk
        resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024))

    full = subprocess.run(
        [
            sys.executable,
            "-c",
            "from pipeline.cli import main; main()",
            "export",
            "--store",
            store.path,
            "--graphml",
            str(target),
        ],
        capture_output=True,
        text=True,
        preexec_fn=cap,
    )
    assert full.returncode == 1 and "Traceback" not in full.stderr
    assert full.stderr.strip().splitlines() == [f"kg: {target}: cannot write: File too large; nothing written"]
    assert target.read_bytes() == before
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_an_article_with_colour_codes_and_a_late_nul_exports_and_loads_back(tmp_path):
    filler = "中国联通发布公告称，将下调批发价。" * 600  # the NUL comes after the first 8 KB binary sniff
    (tmp_path / "a.txt").write_text(
        f"\x1b[1m小米移动\x1b[0m总经理王强表示，{filler}资费\x00还会下降。\n", encoding="utf-8"
    )
    db, out = str(tmp_path / "kg.db"), tmp_path / "kg.graphml"
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(tmp_path / "a.txt"), "--store", db, "-j", "1", "-q"]).exit_code == 0
    assert runner.invoke(main, ["export", "--store", db, "--graphml", str(out)]).exit_code == 0
    with Store(db, create=False) as store:
        assert_same_graph(nx.read_graphml(out, force_multigraph=True), store)
