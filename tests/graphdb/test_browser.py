"""Neo4j Browser on the local server (scripts/neo4j-local): a real headless Chromium logs in
over Bolt and runs the question the graph exists for."""

from __future__ import annotations

import json
import os

import pytest
from click.testing import CliRunner
from repo import ROOT, SAMPLE_GOLD
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ready
from selenium.webdriver.support.ui import WebDriverWait

from pipeline.cli import main

GOLD = json.loads((SAMPLE_GOLD).read_text(encoding="utf-8"))
QUESTION = next(s for s in GOLD["statements"] if s["speaker"] and len(s["about"]) == 1)
WHO_SAID_WHAT = "MATCH (p:Person)-[:SAID]->(s:Statement)-[:ABOUT]->(o:Organization:MVNO) RETURN p.name, s.text, o.name"


@pytest.fixture(scope="module")
def browser_url(tmp_path_factory, empty_neo4j, neo4j_config) -> str:
    """The sample pushed to an empty Neo4j; the URL of the Browser the local server serves."""
    if os.environ.get("KG_NEO4J_HTTP") == "off":
        pytest.skip("KG_NEO4J_HTTP=off: the local server serves no Neo4j Browser")
    store = tmp_path_factory.mktemp("store") / "kg.db"
    result = CliRunner().invoke(
        main, ["ingest", str(ROOT / "corpus"), "--store", str(store), "-j", "1", "-q", "--neo4j"]
    )
    assert result.exit_code == 0, result.output
    return f"http://127.0.0.1:{os.environ.get('NEO4J_HTTP_PORT', '7474')}/browser/"


def test_the_browser_logs_in_and_answers_who_said_what(browser_url, neo4j_config, chromium, tmp_path):
    bolt = neo4j_config.uri.partition("://")[2]
    chromium.get(f"{browser_url}?dbms=bolt://{neo4j_config.user}@{bolt}")
    wait = WebDriverWait(chromium, 60)
    password = wait.until(ready.element_to_be_clickable((By.CSS_SELECTOR, "input[data-testid=password]")))
    password.send_keys(neo4j_config.password)
    chromium.find_element(By.CSS_SELECTOR, "button[data-testid=connect]").click()
    wait.until(ready.text_to_be_present_in_element((By.TAG_NAME, "body"), "You are connected as user"))

    editor = chromium.find_elements(By.CSS_SELECTOR, ".monaco-editor")[0]
    ActionChains(chromium).click(editor).send_keys(WHO_SAID_WHAT).perform()
    chromium.find_element(By.CSS_SELECTOR, "button[data-testid=editor-Run]").click()
    wait.until(ready.text_to_be_present_in_element((By.TAG_NAME, "body"), QUESTION["quote_head"]))
    chromium.save_screenshot(str(tmp_path / "neo4j-browser.png"))

    row = chromium.find_element(By.XPATH, f"//td[contains(., '{QUESTION['quote_head']}')]/..").text
    assert QUESTION["speaker"] in row and QUESTION["about"][0] in row, row
    assert (tmp_path / "neo4j-browser.png").stat().st_size > 10_000
