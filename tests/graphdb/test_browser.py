"""Neo4j Browser on the local server (scripts/neo4j-local): a real headless Chromium logs in
over Bolt and runs the question the graph exists for."""

from __future__ import annotations

import json
import os
import re
import zipfile

import pytest
from click.testing import CliRunner
from repo import ROOT, SAMPLE_GOLD
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ready
from selenium.webdriver.support.ui import WebDriverWait

from pipeline.cli import main
from pipeline.graphdb.browser import bundle, guide
from pipeline.graphdb.query import available

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


def log_in(chromium, browser_url: str, neo4j_config) -> WebDriverWait:
    bolt = neo4j_config.uri.partition("://")[2]
    chromium.get(f"{browser_url}?dbms=bolt://{neo4j_config.user}@{bolt}")
    wait = WebDriverWait(chromium, 60)
    password = wait.until(ready.element_to_be_clickable((By.CSS_SELECTOR, "input[data-testid=password]")))
    password.send_keys(neo4j_config.password)
    chromium.find_element(By.CSS_SELECTOR, "button[data-testid=connect]").click()
    wait.until(ready.text_to_be_present_in_element((By.TAG_NAME, "body"), "You are connected as user"))
    return wait


def run(chromium, cypher: str) -> None:
    editor = chromium.find_elements(By.CSS_SELECTOR, ".monaco-editor")[0]
    ActionChains(chromium).click(editor).send_keys(cypher).perform()
    chromium.find_element(By.CSS_SELECTOR, "button[data-testid=editor-Run]").click()


def test_the_browser_logs_in_and_answers_who_said_what(browser_url, neo4j_config, chromium, tmp_path):
    wait = log_in(chromium, browser_url, neo4j_config)
    run(chromium, WHO_SAID_WHAT)
    wait.until(ready.text_to_be_present_in_element((By.TAG_NAME, "body"), QUESTION["quote_head"]))
    chromium.save_screenshot(str(tmp_path / "neo4j-browser.png"))

    row = chromium.find_element(By.XPATH, f"//td[contains(., '{QUESTION['quote_head']}')]/..").text
    assert QUESTION["speaker"] in row and QUESTION["about"][0] in row, row
    assert (tmp_path / "neo4j-browser.png").stat().st_size > 10_000


def test_on_connecting_the_browser_opens_kgs_guide_and_draws_in_kgs_style(browser_url, neo4j_config, chromium):
    """scripts/neo4j-local's Browser runs kg's style and guide as it connects: the guide lists the
    shipped queries, MVNOs are drawn in the style's colour and captioned with their names."""
    style = (ROOT / "scripts" / "neo4j" / "kg.grass").read_text(encoding="utf-8")
    mvno_colour = re.search(r"node\.MVNO \{[^}]*?\bcolor: (#[0-9A-Fa-f]{6})", style)[1].lower()
    wait = log_in(chromium, browser_url, neo4j_config)
    wait.until(ready.text_to_be_present_in_element((By.TAG_NAME, "body"), "kg: who said what about which company"))

    mvno = QUESTION["about"][0]  # an MVNO: the who-said-what test finds it under that label
    run(chromium, f"MATCH (o:MVNO {{name: '{mvno}'}}) RETURN o")
    caption = wait.until(
        ready.presence_of_element_located((By.XPATH, f"//*[local-name()='text'][contains(., '{mvno}')]"))
    )
    node = caption.find_element(By.XPATH, "./ancestor::*[local-name()='g'][contains(@class, 'node')][1]")
    fills = {
        (c.get_attribute("fill") or "").lower() for c in node.find_elements(By.XPATH, ".//*[local-name()='circle']")
    }
    assert mvno_colour in fills, fills  # a colour of its own, not one of the Browser's defaults


def test_the_guide_has_a_slide_per_shipped_query_with_its_parameters_set_and_its_cypher_runnable():
    queries = available()
    slides = guide(queries.values()).split("\n---\n")
    assert len(slides) == len(queries) + 1
    who = next(s for s in slides if "## who_said_what_about\n" in s)
    assert queries["who_said_what_about"].question in who
    assert '```cypher\n:params {"org": "苏宁互联"}\n```' in who  # the example its help gives
    assert "```cypher\nMATCH (o:Organization)\nWHERE o.name = $org" in who
    most = next(s for s in slides if "## most_quoted\n" in s)
    assert ':params {"limit": 10}' in most  # its default


def test_the_bundle_is_the_browsers_folder_first_then_folders_then_files_with_kgs_additions(tmp_path):
    jar = tmp_path / "neo4j-browser-5.jar"
    with zipfile.ZipFile(jar, "w") as z:
        z.writestr("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n")
        z.writestr("browser/index.html", "<html></html>")
        z.writestr("browser/assets/", "")
        z.writestr("browser/assets/app.js", "app()")
    bundle(jar, ROOT / "scripts" / "neo4j" / "kg.grass", tmp_path / "neo4j-browser.zip")
    with zipfile.ZipFile(tmp_path / "neo4j-browser.zip") as z:
        names = z.namelist()
        assert names[0] == "browser/" and all(n.startswith("browser/") for n in names)
        for i, name in enumerate(names):  # every entry after the folder it is in
            assert name.rstrip("/").rsplit("/", 1)[0] + "/" in names[:i] or name == "browser/", name
        assert z.read("browser/index.html") == b"<html></html>" and z.read("browser/assets/app.js") == b"app()"
        assert z.read("browser/kg/kg.grass") == (ROOT / "scripts" / "neo4j" / "kg.grass").read_bytes()
        assert "## who_said_what_about" in z.read("browser/kg/queries.md").decode("utf-8")
