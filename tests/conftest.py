"""Shared fixtures.

Neo4j tests talk to a real server: the one ``scripts/neo4j-local start`` runs
(or any other named by NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD, with the same
defaults; NEO4J_BOLT_PORT alone names the local one). Under CI (``CI`` set) or
the test command (``scripts/test`` sets KG_TEST_REQUIRED, as it starts a
server and installs Chromium) a missing server fails those tests loudly;
elsewhere they are skipped with the reason. ``chromium`` is a real headless
Chromium (Debian's chromium and chromium-driver) driven through selenium, with
the same rule. They empty the database they use, before and after,
so they refuse a server that is not on this machine unless KG_TEST_NEO4J_WIPE=1.
``memory`` makes a stand-in model folder for the rules that read the memory
beside the model (pipeline/ner/known.py).
"""

from __future__ import annotations

import os
from urllib.parse import urlparse

import pytest
from hypothesis import HealthCheck, settings

LOOPBACK = {"127.0.0.1", "localhost", "::1"}
REQUIRED_ENV = "KG_TEST_REQUIRED"  # set by scripts/test: a missing server or browser is a failure
CHROMIUM = ("/usr/bin/chromium", "/usr/bin/chromedriver")  # Debian's chromium and chromium-driver


def missing(reason: str) -> None:
    """A test's real component is not there: a failure where the test command or CI provides it."""
    if os.environ.get("CI") or os.environ.get(REQUIRED_ENV):
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def neo4j_config():
    from pipeline.graphdb.push import KgNeo4jError, Neo4jConfig, connect

    config = Neo4jConfig.from_env()
    try:
        connect(config).close()
    except KgNeo4jError as e:
        missing(f"{e} (start one with scripts/neo4j-local start)")
    return config


@pytest.fixture(scope="module")  # per module: a bulk import (test_neo4j_bulk) starts a new database
def neo4j_driver(neo4j_config):
    from pipeline.graphdb.push import connect

    with connect(neo4j_config) as driver:
        yield driver


@pytest.fixture(scope="module")
def empty_neo4j(neo4j_config, neo4j_driver):
    """The database emptied at the start of a test module, and again at its end: the tests leave no
    nodes behind (a developer's own graph in the local server is another matter: see the refusal)."""
    host = urlparse(neo4j_config.uri).hostname
    if host not in LOOPBACK and os.environ.get("KG_TEST_NEO4J_WIPE") != "1":
        pytest.fail(
            f"refusing to empty the Neo4j at {neo4j_config.uri}: not on this machine "
            "(set KG_TEST_NEO4J_WIPE=1 if it is a throwaway server)"
        )
    neo4j_driver.execute_query("MATCH (n) DETACH DELETE n", database_=neo4j_config.database)
    yield neo4j_driver
    from pipeline.graphdb.push import connect

    with connect(neo4j_config) as fresh:  # the module's driver may hold bookmarks of a database a bulk import replaced
        fresh.execute_query("MATCH (n) DETACH DELETE n", database_=neo4j_config.database)


@pytest.fixture(scope="session")
def spark():
    """The one Spark session of a test run (local[2], spark_session's settings); the commands
    the Spark tests run use it, as they use an active session, and leave it running."""
    from pipeline.apps.spark_session import session

    with session() as active:
        yield active


@pytest.fixture
def chromium():
    """A headless Chromium under selenium; ``console_errors()`` reads what the page logged as errors."""
    binary, driver_path = CHROMIUM
    if not (os.path.exists(binary) and os.path.exists(driver_path)):
        missing(f"no {binary} or {driver_path} (apt-get install chromium chromium-driver fonts-noto-cjk)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=zh-CN"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.console_errors = lambda: [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory):
    """The sample corpus (corpus/) ingested into a store, shared by the tests that only read it."""
    from click.testing import CliRunner
    from repo import ROOT

    from pipeline.cli import main

    path = tmp_path_factory.mktemp("sample_store") / "kg.db"
    result = CliRunner().invoke(main, ["ingest", str(ROOT / "corpus"), "--store", str(path), "-j", "1", "-q"])
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture
def memory(tmp_path, monkeypatch):
    """A model folder (KG_NER_MODEL) whose memory is the given names; it holds no weights,
    so only what reads the memory beside a model can use it."""
    from pipeline import ner
    from pipeline.ner import known

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

    from pipeline.storage.store import Store

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
settings.register_profile(
    "kg",
    max_examples=25,
    deadline=None,
    derandomize=True,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "kg"))
