"""Pushing to a real Neo4j server (see conftest.py): idempotent, mirroring, schema, errors."""

from __future__ import annotations

import hashlib
import os
import socket
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from neo4j_graphs import ingest_into, neo4j_graph, push_from, store_graph
from news import news, write
from repo import ROOT

from pipeline.cli import main
from pipeline.graph import Node, Rel
from pipeline.graphdb.push import NODE_LABELS, KgNeo4jError, Neo4jConfig, PushResult, counts, push
from pipeline.storage.store import Store

CORPUS = ROOT / "corpus"


def small_graph() -> tuple[list[Node], list[Rel]]:
    nodes = [
        Node("art:1", ("Article",), {"title": "虚拟运营商观察", "published": "2015-03-02 10:00"}),
        Node("org:1", ("Organization", "MVNO"), {"name": "蜗牛移动", "aliases": "蜗牛|蜗牛数字"}),
        Node("org:2", ("Organization",), {"name": "中国联通", "type": "operator"}),
        Node("per:1", ("Person",), {"name": "周明"}),
        Node("stm:1", ("Statement",), {"text": "用户已超过5万", "cue": "表示", "start": 40, "end": 47}),
        Node("fig:1", ("Figure",), {"text": "超过5万", "value": 50000.0, "unit": "户"}),
    ]
    rels = [
        Rel("rel:1", "CONTAINS", "art:1", "stm:1", {"start": 40, "end": 47}),
        Rel("rel:2", "SAID", "per:1", "stm:1"),
        Rel("rel:3", "ABOUT", "stm:1", "org:1"),
        Rel("rel:4", "HOLDS_POSITION", "per:1", "org:1", {"title": "总裁"}),
        Rel("rel:5", "CITES", "stm:1", "fig:1"),
        Rel("rel:6", "MEASURES", "fig:1", "org:1"),
        Rel("rel:7", "SIGNED_AGREEMENT", "org:1", "org:2", {"date": "2015-03"}),
        Rel("rel:8", "MENTIONS", "art:1", "org:2", {"count": 2, "spans": "1-5|9-13"}),
    ]
    return nodes, rels


def expected_counts(nodes: list[Node], rels: list[Rel]) -> dict[str, int]:
    return dict(Counter(label for n in nodes for label in n.labels) + Counter(r.type for r in rels))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_config_reads_the_environment_and_never_shows_the_password(monkeypatch):
    monkeypatch.setenv("NEO4J_URI", "bolt://db.example:7688")
    monkeypatch.setenv("NEO4J_PASSWORD", "s3cret-from-env")
    monkeypatch.delenv("NEO4J_USER", raising=False)
    config = Neo4jConfig.from_env(user="analyst")
    assert (config.uri, config.user, config.password) == ("bolt://db.example:7688", "analyst", "s3cret-from-env")
    assert Neo4jConfig.from_env(password="given").password == "given"
    assert "s3cret" not in repr(config) and "s3cret" not in str(config)


def test_the_user_is_read_from_neo4js_own_variable_name_too(monkeypatch):
    monkeypatch.delenv("NEO4J_USER", raising=False)
    monkeypatch.setenv("NEO4J_USERNAME", "analyst")
    assert Neo4jConfig.from_env().user == "analyst"
    monkeypatch.setenv("NEO4J_USER", "other")
    assert Neo4jConfig.from_env().user == "analyst"  # Neo4j's name wins when both are set
    monkeypatch.delenv("NEO4J_USERNAME")
    assert Neo4jConfig.from_env().user == "other"


def test_help_shows_the_server_user_and_store_the_environment_gives(monkeypatch):
    from click.testing import CliRunner

    from pipeline.cli import main

    monkeypatch.delenv("NEO4J_URI", raising=False)
    monkeypatch.setenv("NEO4J_BOLT_PORT", "27999")
    monkeypatch.setenv("NEO4J_USERNAME", "analyst")
    monkeypatch.setenv("KG_STORE", "/data/news.db")
    help_text = " ".join(CliRunner().invoke(main, ["push", "--help"], terminal_width=200).output.split())
    assert "[default: bolt://127.0.0.1:27999]" in help_text and "[default: analyst]" in help_text
    assert "[default: /data/news.db (from KG_STORE)]" in help_text


def test_without_a_uri_the_bolt_port_names_the_local_server(monkeypatch):
    monkeypatch.delenv("NEO4J_URI", raising=False)
    monkeypatch.setenv("NEO4J_BOLT_PORT", "27687")
    assert Neo4jConfig.from_env().uri == "bolt://127.0.0.1:27687"
    monkeypatch.delenv("NEO4J_BOLT_PORT")
    assert Neo4jConfig.from_env().uri == "bolt://127.0.0.1:7687"
    monkeypatch.setenv("NEO4J_URI", "bolt://db.example:7688")
    monkeypatch.setenv("NEO4J_BOLT_PORT", "27687")
    assert Neo4jConfig.from_env().uri == "bolt://db.example:7688"


def test_a_missing_server_fails_not_skips_under_the_test_command(tmp_path):
    """scripts/test started a server, so a Neo4j test that cannot reach one must fail (not skip and exit 0)."""
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env.update(NEO4J_URI=f"bolt://127.0.0.1:{free_port()}", KG_TEST_REQUIRED="1")
    test = f"{Path(__file__).name}::test_pushing_twice_gives_the_same_counts"
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", test],
        cwd=Path(__file__).parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 1, run.stdout
    assert "1 error" in run.stdout and "skipped" not in run.stdout, run.stdout


def test_pushing_twice_gives_the_same_counts(empty_neo4j, neo4j_config):
    nodes, rels = small_graph()
    first = push(nodes, rels, neo4j_config)
    after_first = counts(neo4j_config)
    second = push(nodes, rels, neo4j_config, batch_size=3)  # other batch boundaries, same result
    assert after_first == counts(neo4j_config) == expected_counts(nodes, rels)
    assert (first.nodes, first.rels) == (second.nodes, second.rels) == (len(nodes), len(rels))
    assert (second.nodes_deleted, second.rels_deleted) == (0, 0)


def test_properties_and_labels_arrive_as_given(empty_neo4j, neo4j_config):
    nodes, rels = small_graph()
    push(nodes, rels, neo4j_config)
    records, _, _ = empty_neo4j.execute_query(
        "MATCH (p:Person {id: 'per:1'})-[h:HOLDS_POSITION]->(o:Organization:MVNO) "
        "RETURN p.name AS person, h.title AS title, h.id AS rel, o.aliases AS aliases, o.mvno AS mvno",
        database_=neo4j_config.database,
    )
    # aliases, "|"-joined in the store, are a list in Neo4j; the MVNO label is a boolean property too
    assert [r.data() for r in records] == [
        {"person": "周明", "title": "总裁", "rel": "rel:4", "aliases": ["蜗牛", "蜗牛数字"], "mvno": True}
    ]
    records, _, _ = empty_neo4j.execute_query(
        "MATCH (o:Organization) WHERE '蜗牛' IN o.aliases OR o.mvno = false RETURN o.id AS id ORDER BY id",
        database_=neo4j_config.database,
    )
    assert [r["id"] for r in records] == ["org:1", "org:2"]


def test_push_removes_what_the_store_no_longer_has(empty_neo4j, neo4j_config):
    nodes, rels = small_graph()
    push(nodes, rels, neo4j_config)
    # The statement and figure are gone, 蜗牛移动 is no MVNO any more and lost its aliases.
    kept = [n for n in nodes if n.labels[0] not in ("Statement", "Figure")]
    kept = [Node(n.id, ("Organization",), {"name": n.props["name"]}) if n.id == "org:1" else n for n in kept]
    kept_rels = [r for r in rels if {r.start, r.end}.isdisjoint({"stm:1", "fig:1"}) and r.id != "rel:7"]
    result = push(kept, kept_rels, neo4j_config)
    assert counts(neo4j_config) == expected_counts(kept, kept_rels)
    assert (result.nodes_deleted, result.rels_deleted) == (2, len(rels) - len(kept_rels))
    records, _, _ = empty_neo4j.execute_query(
        "MATCH (o {id: 'org:1'}) RETURN labels(o) AS labels, o.aliases AS a, o.mvno AS mvno",
        database_=neo4j_config.database,
    )
    assert [r.data() for r in records] == [{"labels": ["Organization"], "a": None, "mvno": False}]


def test_data_that_is_not_kgs_is_left_alone(empty_neo4j, neo4j_config):
    nodes, rels = small_graph()
    push(nodes, rels, neo4j_config)
    empty_neo4j.execute_query(
        "MATCH (o:Organization {id: 'org:1'}) "
        "CREATE (:Note {text: 'check'})-[:FLAGS]->(o), (o)-[:WATCHED_BY]->(:Analyst)",
        database_=neo4j_config.database,
    )
    push(nodes[:3], [], neo4j_config)
    records, _, _ = empty_neo4j.execute_query(
        "MATCH (n:Note)-[:FLAGS]->(o:Organization)-[:WATCHED_BY]->(:Analyst) RETURN o.id AS id",
        database_=neo4j_config.database,
    )
    assert [r["id"] for r in records] == ["org:1"]


def test_constraints_and_indexes_exist_after_a_push(empty_neo4j, neo4j_config):
    push([], [], neo4j_config)
    records, _, _ = empty_neo4j.execute_query(
        "SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties RETURN *", database_=neo4j_config.database
    )
    unique = {r["labelsOrTypes"][0] for r in records if r["type"] == "UNIQUENESS" and r["properties"] == ["id"]}
    assert unique >= set(NODE_LABELS)
    records, _, _ = empty_neo4j.execute_query(
        "SHOW INDEXES YIELD labelsOrTypes, properties RETURN *", database_=neo4j_config.database
    )
    indexed = {(r["labelsOrTypes"][0], r["properties"][0]) for r in records if r["labelsOrTypes"]}
    assert {("Organization", "name"), ("Person", "name")} <= indexed


def test_a_batch_neo4j_refuses_stops_the_push_with_one_line(empty_neo4j, neo4j_config):
    # Batches go from a thread while the next ones are read: the error still reaches the caller,
    # and nothing after the refused batch is written.
    people = [Node(f"per:{i}", ("Person",), {"name": f"人{i}"}) for i in range(8)]
    people[2] = Node("per:2", ("Person",), {"name": {"nested": "maps are no property value"}})
    with pytest.raises(KgNeo4jError, match="^Neo4j at .* failed: "):
        push(people, [], neo4j_config, batch_size=2)
    assert counts(neo4j_config).get("Person") == 2


def test_a_relationship_to_a_node_not_pushed_is_refused_before_connecting():
    nodes, rels = small_graph()
    unreachable = Neo4jConfig(uri=f"bolt://127.0.0.1:{free_port()}")
    with pytest.raises(ValueError, match="rel:2"):
        push([n for n in nodes if n.id != "per:1"], rels, unreachable)


def test_wrong_password_is_one_clear_line_and_the_store_is_untouched(tmp_path, neo4j_config):
    store = tmp_path / "kg.db"
    Store(store).close()
    before = sha256(store)
    result = CliRunner().invoke(
        main, ["push", "--store", str(store), "--uri", neo4j_config.uri, "--password", "not-the-password-42"]
    )
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"kg: cannot log in to Neo4j at {neo4j_config.uri} as 'neo4j': wrong user or password"
    ]
    assert "not-the-password-42" not in result.output
    assert sha256(store) == before


def test_unreachable_neo4j_is_one_clear_line(tmp_path):
    uri = f"bolt://127.0.0.1:{free_port()}"
    with pytest.raises(KgNeo4jError, match=f"^cannot reach Neo4j at {uri}: "):
        push([], [], Neo4jConfig(uri=uri))
    Store(tmp_path / "kg.db").close()
    result = CliRunner().invoke(main, ["push", "--store", str(tmp_path / "kg.db"), "--uri", uri])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"kg: cannot reach Neo4j at {uri}: ")


def test_ingest_with_neo4j_unreachable_fails_before_touching_the_store(tmp_path):
    store = tmp_path / "kg.db"
    result = CliRunner().invoke(
        main,
        [
            "ingest",
            str(CORPUS),
            "--store",
            str(store),
            "-j",
            "1",
            "--neo4j",
            "--uri",
            f"bolt://127.0.0.1:{free_port()}",
        ],
    )
    assert result.exit_code == 1
    assert result.output.startswith("kg: cannot reach Neo4j at bolt://127.0.0.1:")
    assert not store.exists()


def test_ingesting_the_corpus_twice_gives_identical_counts(tmp_path, empty_neo4j, neo4j_config):
    store = tmp_path / "kg.db"
    runs = []
    for args in (
        ["ingest", str(CORPUS), "-j", "1", "--neo4j"],
        ["ingest", str(CORPUS), "-j", "1", "--neo4j"],
        ["push"],
    ):
        result = CliRunner().invoke(main, [*args, "--store", str(store), "-q"])
        assert result.exit_code == 0, result.output
        runs.append(counts(neo4j_config))
    with Store(store, create=False) as s:
        in_store = s.counts()
    assert runs[0] == runs[1] == runs[2] == in_store
    assert in_store["Statement"] > 0 and in_store["SAID"] > 0


def test_an_unchanged_store_pushed_again_sends_nothing_and_the_mirror_stays_exact(tmp_path, empty_neo4j, neo4j_config):
    db = tmp_path / "kg.db"
    ingest_into(db, *write(tmp_path / "news", 4))
    first = push_from(db, neo4j_config)
    assert first.nodes > 0 and first.rels > 0
    assert neo4j_graph(empty_neo4j, neo4j_config) == store_graph(db)
    assert push_from(db, neo4j_config) == PushResult(0, 0, 0, 0)
    assert neo4j_graph(empty_neo4j, neo4j_config) == store_graph(db)
    full = push_from(db, neo4j_config, full=True)
    assert (full.nodes, full.rels) == (first.nodes, first.rels)


def test_after_an_edit_only_what_changed_is_sent_and_what_went_is_deleted(tmp_path, empty_neo4j, neo4j_config):
    db = tmp_path / "kg.db"
    paths = write(tmp_path / "news", 4)
    ingest_into(db, *paths)
    first = push_from(db, neo4j_config)
    paths[1].write_text(news(1, edit="，并将扩大网络覆盖"), encoding="utf-8")
    paths[2].write_text(news(2).replace("签署了合作协议", "洽谈合作"), encoding="utf-8")
    ingest_into(db, *paths)
    second = push_from(db, neo4j_config)
    assert 0 < second.nodes < first.nodes and second.nodes_deleted > 0 and second.rels_deleted > 0
    assert neo4j_graph(empty_neo4j, neo4j_config) == store_graph(db)


def test_a_graph_changed_behind_kgs_back_is_pushed_whole(tmp_path, empty_neo4j, neo4j_config):
    db = tmp_path / "kg.db"
    ingest_into(db, *write(tmp_path / "news", 3))
    push_from(db, neo4j_config)
    empty_neo4j.execute_query("MATCH (s:Statement) DETACH DELETE s", database_=neo4j_config.database)
    again = push_from(db, neo4j_config)
    assert again.nodes == len(store_graph(db)[0])
    assert neo4j_graph(empty_neo4j, neo4j_config) == store_graph(db)


def test_another_stores_push_in_between_is_replaced_whole(tmp_path, empty_neo4j, neo4j_config):
    one, other = tmp_path / "one.db", tmp_path / "other.db"
    ingest_into(one, *write(tmp_path / "one", 3))
    ingest_into(other, *write(tmp_path / "other", 3, start=3))
    push_from(one, neo4j_config)
    push_from(other, neo4j_config)
    assert neo4j_graph(empty_neo4j, neo4j_config) == store_graph(other)
    push_from(one, neo4j_config)
    assert neo4j_graph(empty_neo4j, neo4j_config) == store_graph(one)


@pytest.fixture
def not_bolt():
    """Two local ports that accept connections but never speak Bolt: a silent socket and an HTTP server."""
    import http.server
    import threading

    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)
    held = []
    threading.Thread(target=lambda: [held.append(silent.accept()) for _ in range(8)], daemon=True).start()

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:  # the server's request log would land in kg's output
            pass

    web = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    threading.Thread(target=web.serve_forever, daemon=True).start()
    yield [silent.getsockname()[1], web.server_address[1]]
    web.shutdown()
    silent.close()


def test_a_port_that_answers_but_not_in_bolt_fails_within_the_timeout(tmp_path, not_bolt, monkeypatch):
    import time

    Store(tmp_path / "kg.db").close()
    monkeypatch.setenv("NEO4J_TIMEOUT", "2")
    for port in not_bolt:
        uri = f"bolt://127.0.0.1:{port}"
        began = time.monotonic()
        result = CliRunner().invoke(main, ["push", "--store", str(tmp_path / "kg.db"), "--uri", uri])
        waited = time.monotonic() - began
        assert result.exit_code == 1 and result.output.strip().splitlines() == [
            f"kg: cannot reach Neo4j at {uri}: something answers on that port, but not in Bolt within 2 s"
            " (an HTTP port? Bolt's is usually 7687)"
        ]
        assert waited < 10, f"gave up after {waited:.0f} s, not 2"  # the driver's own default was 60 s
