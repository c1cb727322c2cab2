"""kg push --bulk: the offline importer of the local server (scripts/neo4j-local) gives the graph a
transactional push gives. The test stops and restarts that server."""

from __future__ import annotations

import os
import subprocess

import pytest
from click.testing import CliRunner
from neo4j_graphs import ingest_into, neo4j_graph, push_from, store_graph
from news import news
from repo import ROOT

from pipeline.cli import main
from pipeline.graphdb.bulk import _field
from pipeline.graphdb.push import PushResult, connect

SERVER = ["bash", str(ROOT / "scripts" / "neo4j-local")]
HOME = os.environ.get("KG_NEO4J_HOME") or os.path.expanduser("~/.cache/kg/neo4j-5.26")


@pytest.fixture
def local_server(neo4j_config):
    """The server is scripts/neo4j-local's, which the test may stop (it is running again afterwards)."""
    if subprocess.run([*SERVER, "status"], capture_output=True, check=False).returncode != 0:
        reason = f"{neo4j_config.uri} is not scripts/neo4j-local's server (KG_NEO4J_HOME={HOME})"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    yield
    subprocess.run([*SERVER, "start"], check=True, capture_output=True)


def test_strings_are_quoted_so_empty_ones_and_quotes_survive():
    assert [_field(v) for v in ("", 'say "hi", then', None, 3, 2.5, True)] == [
        '""',
        '"say ""hi"", then"',
        "",
        "3",
        "2.5",
        "true",
    ]


def test_bulk_load_gives_the_graph_of_a_transactional_push(tmp_path, local_server, empty_neo4j, neo4j_config):
    db = tmp_path / "kg.db"
    folder = tmp_path / "news"
    folder.mkdir()
    for i in range(4):  # the first title with a comma and ASCII quotes, which CSV must escape
        text = news(i).replace("\ntitle: ", """\ntitle: 'a "quoted", title: """, 1).replace("\nname:", "'\nname:", 1)
        (folder / f"{i}.md").write_text(text if i == 0 else news(i), encoding="utf-8")
    ingest_into(db, folder, ROOT / "corpus")
    push_from(db, neo4j_config)
    pushed = neo4j_graph(empty_neo4j, neo4j_config)
    assert pushed == store_graph(db)

    bulk = ["push", "--store", str(db), "--bulk", "--neo4j-home", HOME]
    running = CliRunner().invoke(main, bulk)
    assert running.exit_code == 1
    assert running.stderr.strip().splitlines() == [
        "kg: the Neo4j importer failed: The database is in use. Stop database 'neo4j' and try again."
    ]

    subprocess.run([*SERVER, "stop"], check=True, capture_output=True)
    loaded = CliRunner().invoke(main, bulk)
    subprocess.run([*SERVER, "start"], check=True, capture_output=True)
    assert loaded.exit_code == 0, loaded.output
    assert f"{len(pushed[0])} nodes, {len(pushed[1])} relationships imported" in loaded.stdout
    with connect(neo4j_config) as fresh:  # the old driver's bookmarks belong to the database that was replaced
        assert neo4j_graph(fresh, neo4j_config) == pushed
    assert push_from(db, neo4j_config) == PushResult(0, 0, 0, 0)  # the marker came along: nothing to send
