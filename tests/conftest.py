"""Shared fixtures.

Neo4j tests talk to a real server: the one ``scripts/neo4j-local start`` runs
(or any other named by NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD, with the same
defaults). Under CI (``CI`` set) a missing server fails those tests loudly;
elsewhere they are skipped with the reason. They empty the database they use,
so they refuse a server that is not on this machine unless KG_TEST_NEO4J_WIPE=1.
``memory`` makes a stand-in model folder for the rules that read the memory
beside the model (pipeline/known.py).
"""
from __future__ import annotations

import os
from urllib.parse import urlparse

import pytest
from hypothesis import HealthCheck, settings

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


@pytest.fixture(scope="session")
def neo4j_config():
    from pipeline.neo4j_load import KgNeo4jError, Neo4jConfig, connect

    config = Neo4jConfig.from_env()
    try:
        connect(config).close()
    except KgNeo4jError as e:
        reason = f"{e} (start one with scripts/neo4j-local start)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return config


@pytest.fixture(scope="session")
def neo4j_driver(neo4j_config):
    from pipeline.neo4j_load import connect

    with connect(neo4j_config) as driver:
        yield driver


@pytest.fixture(scope="module")
def empty_neo4j(neo4j_config, neo4j_driver):
    """The database emptied once at the start of a test module."""
    host = urlparse(neo4j_config.uri).hostname
    if host not in LOOPBACK and os.environ.get("KG_TEST_NEO4J_WIPE") != "1":
        pytest.fail(f"refusing to empty the Neo4j at {neo4j_config.uri}: not on this machine "
                    "(set KG_TEST_NEO4J_WIPE=1 if it is a throwaway server)")
    neo4j_driver.execute_query("MATCH (n) DETACH DELETE n", database_=neo4j_config.database)
    return neo4j_driver


@pytest.fixture
def memory(tmp_path, monkeypatch):
    """A model folder (KG_NER_MODEL) whose memory is the given names; it holds no weights,
    so only what reads the memory beside a model can use it."""
    from pipeline import known, ner

    def make(names: dict) -> None:
        (tmp_path / "config.cfg").write_text("", encoding="utf-8")
        known.write(tmp_path / known.FILE, names)
        monkeypatch.setenv(ner.MODEL_ENV, str(tmp_path))
    return make


@pytest.fixture
def read_only_folder(tmp_path):
    """A folder holding a kg store (one article) that cannot be written: a read-only tmpfs when run as root
    (root ignores file modes), else plain file modes."""
    import shutil
    import subprocess

    from graph_samples import regulator
    from pipeline.store import Store

    staging = tmp_path / "staging"
    staging.mkdir()
    with Store(staging / "kg.db") as store:
        store.apply(regulator())
    folder = tmp_path / "read-only"
    folder.mkdir()
    if os.geteuid() != 0:
        shutil.copy(staging / "kg.db", folder / "kg.db")
        (folder / "kg.db").chmod(0o444)
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)
        return
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(folder)], check=True)
    try:
        shutil.copy(staging / "kg.db", folder / "kg.db")
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        yield folder
    finally:
        subprocess.run(["umount", "--lazy", str(folder)], check=True)


# Hypothesis: few examples (the machine is slow and extraction is not cheap), no deadline (the first example
# loads the models), and the same examples on every run, so that CI never fails by chance.
settings.register_profile("kg", max_examples=25, deadline=None, derandomize=True, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "kg"))
