"""The Spark job (local[2], one session for the run: conftest's ``spark``) against kg ingest + the store:
the same nodes and relationships (people across articles and disputed figures too), in the real Neo4j and in
GraphML; errors as rows; reruns; grown input."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from repo import DATA, ROOT

from pipeline.apps.ingest import ingest
from pipeline.apps.spark_job import run
from pipeline.cli import main
from pipeline.extract import extract_paths
from pipeline.graph import article_graph, person_id
from pipeline.graphdb.push import NODE_LABELS, counts
from pipeline.storage.parquet import ParquetGraph
from pipeline.storage.store import Store

INPUTS = ["corpus/", "tests/data/articles/", "tests/data/graph_articles/"]


def graph_of(source) -> tuple[list, list]:
    """Every node and relationship with all it carries, in id order (the store and ParquetGraph alike)."""
    return (
        [(n.id, n.labels, n.props) for n in source.nodes()],
        [(r.id, r.type, r.start, r.end, r.props) for r in source.rels()],
    )


def neo4j_graph(driver, config) -> tuple[list, list]:
    nodes, _, _ = driver.execute_query(
        f"MATCH (n:{'|'.join(NODE_LABELS)}) RETURN n.id AS id, labels(n) AS labels"
        " ORDER BY id",  # kg's nodes: not the push's KgPush marker
        database_=config.database,
    )
    rels, _, _ = driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN r.id AS id, type(r) AS type, a.id, b.id ORDER BY id", database_=config.database
    )
    return [(r[0], sorted(r[1])) for r in nodes], [tuple(r) for r in rels]


def files_and_times(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> list[str]:
    """corpus/, the test articles and the graph's (people across articles, conflicting figures, tenses), plus a
    folder with an empty and a binary file."""
    bad = tmp_path_factory.mktemp("bad")
    (bad / "empty.txt").write_text("  \n", encoding="utf-8")
    (bad / "binary.txt").write_bytes(b"\x00\x01\x02kg" * 50)
    return [*INPUTS, str(bad)]


@pytest.fixture(scope="module")
def reference(batch, tmp_path_factory):
    """kg ingest of the batch into a fresh store, and the errors it reported."""
    errors: list[tuple[str, str]] = []
    store = Store(tmp_path_factory.mktemp("store") / "kg.db")
    summary = ingest(batch, store, jobs=1, on_error=lambda doc, reason: errors.append((doc, reason)))
    assert summary.new == 19 and summary.failed == 2
    yield store, sorted(errors)
    store.close()


@pytest.fixture(scope="module")
def built(spark, batch, tmp_path_factory):
    """``kg spark-ingest`` of the batch (the command, in this process: it uses the active session)."""
    out = tmp_path_factory.mktemp("spark") / "graph"
    result = CliRunner().invoke(main, ["spark-ingest", *batch, "--out", str(out)])
    return out, result


def test_the_job_builds_the_stores_graph(spark, built, reference):
    out, result = built
    store, _ = reference
    assert "articles 19 new, 0 unchanged, 0 changed, 0 removed, 2 failed" in result.stdout
    nodes, rels = graph_of(ParquetGraph(str(out)))
    assert (nodes, rels) == graph_of(store)
    assert len(nodes) > 300 and len(rels) > 700


def test_the_batch_has_people_across_articles_and_disputed_figures_and_the_job_derives_them(spark, built, reference):
    out, _ = built
    store, _ = reference
    disputed = sorted(n.id for n in ParquetGraph(str(out)).nodes() if n.props.get("disputed"))
    assert disputed and disputed == sorted(f for group in store.disputes() for f in group)
    without_known = {
        n.id
        for path in (DATA / "graph_articles").glob("*.txt")
        for x in extract_paths([str(path)])
        for n in article_graph(x)[0]
        if n.labels == ("Person",)
    }
    joined = without_known - {n.id for n in ParquetGraph(str(out)).nodes() if n.labels == ("Person",)}
    assert joined, "no untitled name in the batch joins the Person another article places at an organisation"


def test_bad_files_are_rows_in_the_errors_table_with_the_clis_reasons(spark, built, reference):
    out, result = built
    _, errors = reference
    assert result.exit_code == 1
    assert ParquetGraph(str(out)).errors() == errors
    assert next(reason for doc, reason in errors if doc.endswith("empty.txt")) == "empty file"
    assert result.stderr.splitlines() == [f"kg: {doc}: {reason}" for doc, reason in errors]


def test_tables_are_partitioned_for_loading_and_hold_kg_extracts_json(spark, built):
    out, _ = built
    assert {p.name for p in (out / "nodes").iterdir() if p.is_dir()} == {
        "label=Article",
        "label=Person",
        "label=Organization",
        "label=Statement",
        "label=Figure",
    }
    assert "type=SAID" in {p.name for p in (out / "rels").iterdir()}
    rows = spark.read.parquet(str(out / "extractions")).where("doc LIKE 'corpus/%'").collect()
    assert [json.loads(r.extraction) for r in rows] == [x.to_json() for x in extract_paths(["corpus/"])]


def test_a_rerun_over_the_same_input_writes_nothing(spark, built, batch):
    out, _ = built
    before = files_and_times(out)
    summary = run(spark, batch, str(out))
    assert (summary.new, summary.changed, summary.unchanged, summary.written) == (0, 0, 19, False)
    assert files_and_times(out) == before


def test_push_from_the_folder_gives_ingest_and_pushs_graph_in_neo4j(built, reference, empty_neo4j, neo4j_config):
    out, _ = built
    store, _ = reference
    runner = CliRunner()
    pushed = runner.invoke(main, ["push", "--store", store.path])
    assert pushed.exit_code == 0, pushed.output
    from_store = neo4j_graph(empty_neo4j, neo4j_config), counts(neo4j_config)
    empty_neo4j.execute_query("MATCH (n) DETACH DELETE n", database_=neo4j_config.database)
    pushed = runner.invoke(main, ["push", "--from", str(out)])
    assert pushed.exit_code == 0, pushed.output
    assert (neo4j_graph(empty_neo4j, neo4j_config), counts(neo4j_config)) == from_store
    assert from_store[1] == store.counts()


def test_export_from_the_folder_is_the_stores_graphml(built, reference, tmp_path):
    out, _ = built
    store, _ = reference
    runner = CliRunner()
    assert (
        runner.invoke(main, ["export", "--store", store.path, "--graphml", str(tmp_path / "store.graphml")]).exit_code
        == 0
    )
    exported = runner.invoke(main, ["export", "--from", str(out), "--graphml", str(tmp_path / "spark.graphml")])
    assert exported.exit_code == 0, exported.output
    assert (tmp_path / "spark.graphml").read_bytes() == (tmp_path / "store.graphml").read_bytes()


def test_a_grown_input_extracts_only_new_and_changed_articles(spark, tmp_path, empty_neo4j, neo4j_config):
    folder = tmp_path / "news"
    folder.mkdir()
    names = sorted(os.listdir(DATA / "articles"))
    for name in names[:3]:
        shutil.copy(DATA / "articles" / name, folder / name)
    out = str(tmp_path / "graph")
    first = run(spark, [str(folder)], out)
    assert (first.new, first.unchanged) == (3, 0)

    shutil.copy(DATA / "articles" / names[3], folder / names[3])  # a new article
    edited = folder / names[0]
    edited.write_bytes(edited.read_bytes().replace("。".encode(), "！".encode(), 1))  # an edited one, same url
    grown = run(spark, [str(folder)], out)
    assert (grown.new, grown.changed, grown.unchanged, grown.removed) == (1, 1, 2, 0)

    with Store(tmp_path / "clean.db") as clean:
        ingest([str(folder)], clean, jobs=1)
        assert graph_of(ParquetGraph(out)) == graph_of(clean)
        assert CliRunner().invoke(main, ["push", "--from", out]).exit_code == 0
        assert counts(neo4j_config) == clean.counts()


def test_an_unchanged_article_follows_who_the_other_articles_place_its_people_at(spark, tmp_path):
    """02 names 王建华 without organisation; 01, added and then removed, places him at 普泰移动."""
    folder = tmp_path / "news"
    folder.mkdir()
    articles = DATA / "graph_articles"
    for name in ("02_untitled.txt", "03_namesake.txt"):
        shutil.copy(articles / name, folder / name)
    out = str(tmp_path / "graph")
    graphs = []
    for step, change in enumerate(
        (
            None,
            lambda: shutil.copy(articles / "01_titled.txt", folder / "01_titled.txt"),
            lambda: (folder / "01_titled.txt").unlink(),
        )
    ):
        if change:
            change()
        summary = run(spark, [str(folder)], out)
        assert summary.unchanged == (0, 2, 2)[step]
        with Store(tmp_path / f"clean{step}.db") as clean:
            ingest([str(folder)], clean, jobs=1)
            graphs.append(graph_of(clean))
        assert graph_of(ParquetGraph(out)) == graphs[-1]
    assert graphs[0] == graphs[2]
    assert [person_id("王建华", None) in {n[0] for n in g[0]} for g in graphs] == [True, False, True]


def test_a_parquet_table_and_uris_are_read_as_articles(spark, tmp_path):
    lines = [
        json.dumps({"id": i, "url": f"https://kg.invalid/table/{i}", "text": text}, ensure_ascii=False)
        for i, text in enumerate(["蜗牛移动副总裁孙立平表示，今年将加快实名制整改。", "  "])
    ]
    spark.createDataFrame([json.loads(line) for line in lines]).write.parquet(str(tmp_path / "articles.parquet"))
    (tmp_path / "jsonl").mkdir()
    (tmp_path / "jsonl" / "articles.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    uri = (tmp_path / "jsonl").as_uri()

    summary = run(spark, [str(tmp_path / "articles.parquet"), uri], str(tmp_path / "graph"))
    # both inputs hold the same article under the same url: the table's (given first) wins, the other is the same
    assert (summary.new, [reason for _, reason in summary.errors]) == (1, ["empty 'text' field"] * 2)
    spark_uri = f"{uri}/articles.jsonl".replace("file:///", "file:/")  # Spark's spelling of a local URI
    assert sorted(doc for doc, _ in summary.errors) == sorted([f"{tmp_path / 'articles.parquet'}:2", f"{spark_uri}:2"])
    with Store(tmp_path / "kg.db") as store:
        ingest([str(tmp_path / "jsonl")], store, jobs=1)
        ids = [n[0] for n in graph_of(store)[0]]
    assert [n[0] for n in graph_of(ParquetGraph(str(tmp_path / "graph")))[0]] == ids


def test_an_output_folder_without_a_graph_is_a_one_line_error(tmp_path):
    result = CliRunner().invoke(main, ["export", "--from", str(tmp_path), "--graphml", str(tmp_path / "g.graphml")])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"kg: {tmp_path}: no kg graph there (run kg spark-ingest --out {tmp_path} first)"


def test_a_batch_of_bad_files_only_gives_empty_tables_that_read_back(spark, tmp_path):
    (tmp_path / "empty.md").write_text("", encoding="utf-8")
    out = str(tmp_path / "graph")
    assert run(spark, [str(tmp_path / "empty.md")], out).errors == [(str(tmp_path / "empty.md"), "empty file")]
    again = run(spark, [str(tmp_path / "empty.md")], out)
    assert (again.written, again.nodes, again.rels) == (False, 0, 0)
    assert ParquetGraph(out).totals() == (0, 0)


def test_a_local_session_says_nothing_on_stderr_but_the_jvms_own_notice():
    """Spark's start-up chatter ("Setting default log level", WARN lines) stays off by default."""
    code = "from pipeline.apps.spark_session import session\nwith session() as spark: spark.range(3).count()"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    # the one line left is the JVM's, printed before any logging exists, for the module Spark 4 adds
    said = [
        line for line in done.stderr.splitlines() if line != "WARNING: Using incubator modules: jdk.incubator.vector"
    ]
    assert said == []
