"""`kg report`'s page: self-contained and escaped, and in headless Chromium it answers "what did this
person say": search, sortable tables, CSV downloads, the sentence around a quote."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from repo import SAMPLE_GOLD
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import WebDriverWait

from pipeline.cli import main
from pipeline.outputs.report import OrgReport, PersonReport, Report, Said, Source
from pipeline.outputs.report_html import render
from pipeline.storage.store import Store

GOLD = json.loads(SAMPLE_GOLD.read_text(encoding="utf-8"))
QUESTION = next(s for s in GOLD["statements"] if s["speaker"] and len(s["about"]) == 1)  # 王帅 on 苏宁互联
ORG, SPEAKER = QUESTION["about"][0], QUESTION["speaker"]

HOSTILE = "<img src=x onerror=alert(1)>"
SAID = Said(
    speaker=HOSTILE,
    person="per:<x>",
    title='"><script>alert(2)</script>',
    text='=HYPERLINK("http://evil","x")',
    sentence='前文</script><script>alert(3)</script>=HYPERLINK("http://evil","x")后文',
    about=("<b onclick=alert(4)>某公司</b>",),
    source=Source("<svg onload=alert(5)>", "javascript:alert(6)", "2020-01-01"),
)
HOSTILE_REPORT = Report(
    (
        OrgReport(
            "org:\"'<>", "<b onclick=alert(4)>某公司</b>", (HOSTILE,), True, 1, ((HOSTILE, HOSTILE),), (SAID,), (),
            (("2020-01", 1),), ((HOSTILE, 1),), (HOSTILE,),
        ),
    ),
    (PersonReport("per:<x>", HOSTILE, ((HOSTILE, HOSTILE),), (SAID,), (HOSTILE,)),),
    (SAID,),
)  # fmt: skip


@pytest.fixture(scope="module")
def page(sample_store, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report") / "report.html"
    assert CliRunner().invoke(main, ["report", "--store", str(sample_store), "-o", str(out)]).exit_code == 0
    return out


def statement_count(store_path: Path) -> int:
    with Store(store_path, create=False) as store:
        return sum("Statement" in n.labels for n in store.nodes())


def download(chromium, button: WebElement, folder: Path) -> list[list[str]]:
    """Click a CSV button; the rows of the file Chromium saves."""
    chromium.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(folder)})
    button.click()
    path = folder / button.get_attribute("data-file")
    WebDriverWait(chromium, 20).until(lambda _: path.exists() and not list(folder.glob("*.crdownload")))
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))


def shown(elements: list[WebElement]) -> list[WebElement]:
    return [e for e in elements if e.is_displayed()]


def test_the_page_is_self_contained_and_counts_each_statement_once(page, sample_store):
    text = page.read_text(encoding="utf-8")
    assert not re.search(
        r"""(src|href)=["']?(https?:)?//|<link|@import|url\(""", text.replace('<a href="http', "<a ")
    ), "the page must load nothing"
    n = statement_count(sample_store)
    assert text.count('<tr data-find="statement">') == n and f", {n} statements (" in text


def test_every_text_is_escaped():
    page = render(HOSTILE_REPORT)
    assert not re.search(r"<(img|svg onload|b onclick)|<script>alert|javascript:", page)
    assert "&lt;img src=x onerror=alert(1)&gt;" in page and 'href="#per--x-"' in page


def test_the_page_in_chromium_answers_what_a_person_said(page, sample_store, chromium, tmp_path):
    chromium.get(page.as_uri())
    assert chromium.console_errors() == []
    rows = chromium.find_elements(By.CSS_SELECTOR, "table.every tbody tr")
    assert len(shown(rows)) == statement_count(sample_store)
    cards = chromium.find_elements(By.CSS_SELECTOR, "section.org")
    (card,) = [s for s in cards if s.find_element(By.TAG_NAME, "h2").text.startswith(ORG)]
    row = next(r.text for r in card.find_elements(By.CSS_SELECTOR, "table.said tr") if QUESTION["quote_head"] in r.text)
    assert row.startswith(SPEAKER), row
    assert card.find_element(By.CSS_SELECTOR, "svg.ego").size["width"] > 100
    chromium.save_screenshot(str(tmp_path / "report.png"))
    assert (tmp_path / "report.png").stat().st_size > 10_000

    chromium.find_element(By.ID, "search").send_keys(SPEAKER)
    people = chromium.find_elements(By.CSS_SELECTOR, "section.person")
    assert [p.find_element(By.TAG_NAME, "h2").text for p in shown(people)] == [SPEAKER]
    said = shown(rows)
    assert len(said) > 1 and all(r.find_element(By.CSS_SELECTOR, "td.who").text == SPEAKER for r in said)
    assert shown(cards) == [card], "the organisation he spoke about"
    assert chromium.find_element(By.ID, "shown").text == f"shown: 1 organisation, 1 person, {len(said)} statements"

    quote = next(r for r in said if QUESTION["quote_head"] in r.text).find_element(By.CSS_SELECTOR, "td.quote")
    sentence = quote.find_element(By.CSS_SELECTOR, ".sentence")
    assert not sentence.is_displayed()
    quote.find_element(By.TAG_NAME, "summary").click()
    assert sentence.is_displayed() and quote.find_element(By.CSS_SELECTOR, ".q").text in sentence.text

    button = chromium.find_element(By.CSS_SELECTOR, "#statements button.csv")
    head, *lines = download(chromium, button, tmp_path)
    assert head == ["speaker", "title", "about", "statement", "date", "source", "url"]
    assert [line[0] for line in lines] == [SPEAKER] * len(said)
    assert any(QUESTION["quote_head"] in line[3] for line in lines)
    assert {(line[5], line[6]) for line in lines} == {(GOLD["article"]["title"], GOLD["article"]["url"])}
    assert chromium.console_errors() == []


def test_tables_sort_by_a_column_both_ways(page, chromium):
    chromium.get(page.as_uri())
    header = chromium.find_element(By.XPATH, "//table[contains(@class, 'people-index')]//th[.='statements']")

    def counts() -> list[int]:
        return [int(td.text) for td in chromium.find_elements(By.CSS_SELECTOR, "table.people-index td.num")]

    header.find_element(By.TAG_NAME, "button").click()
    assert counts() == sorted(counts()) and counts()[0] < counts()[-1]
    assert header.get_attribute("aria-sort") == "ascending"
    header.find_element(By.TAG_NAME, "button").click()
    assert counts() == sorted(counts(), reverse=True) and header.get_attribute("aria-sort") == "descending"


def test_names_and_titles_never_wrap_inside(page, chromium):
    chromium.set_window_size(700, 900)
    chromium.get(page.as_uri())
    lines = chromium.execute_script(
        "return Array.from(document.querySelectorAll('.nw'), (e) => e.getClientRects().length)"
    )
    assert len(lines) > 50 and set(lines) <= {0, 1}


def test_hostile_text_stays_text_in_chromium_and_out_of_spreadsheet_formulas(chromium, tmp_path):
    out = tmp_path / "hostile.html"
    out.write_text(render(HOSTILE_REPORT), encoding="utf-8")
    chromium.get(out.as_uri())
    with pytest.raises(NoAlertPresentException):
        chromium.switch_to.alert.text  # noqa: B018 (reading it is the check)
    assert chromium.find_elements(By.CSS_SELECTOR, "main img, main b, main script, main svg[onload]") == []
    assert HOSTILE in chromium.find_element(By.CSS_SELECTOR, "table.every td.who").text
    head, line = download(chromium, chromium.find_element(By.CSS_SELECTOR, "#statements button.csv"), tmp_path)
    row = dict(zip(head, line, strict=True))
    assert row["statement"] == "'" + SAID.text and row["url"] == "" and row["speaker"] == HOSTILE
