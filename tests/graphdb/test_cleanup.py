"""The Neo4j tests leave the database as they found it empty: no test nodes stay behind in a developer's server."""

from __future__ import annotations

import subprocess
import sys

from repo import ROOT


def test_a_neo4j_test_module_leaves_no_nodes_behind(neo4j_config, neo4j_driver):
    test = "tests/graphdb/test_push.py::test_pushing_twice_gives_the_same_counts"  # pushes a small graph
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", test],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-2000:]
    records, _, _ = neo4j_driver.execute_query("MATCH (n) RETURN count(n) AS n", database_=neo4j_config.database)
    assert records[0]["n"] == 0
