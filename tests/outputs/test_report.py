"""`kg report`: the HTML page built from a store of the sample, checked as data and in headless Chromium."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from repo import ROOT, SAMPLE_GOLD
from selenium.webdriver.common.by import By

from pipeline.cli import main
from pipeline.outputs.report import OrgReport, build, ego_network, month_chart, render
from pipeline.storage.store import Store

GOLD = json.loads((SAMPLE_GOLD).read_text(encoding="utf-8"))
# A named speaker's statement about one organisation, from the hand annotation of the sample (王帅 on 苏宁互联).
QUESTION = next(s for s in GOLD["statements"] if s["speaker"] and len(s["about"]) == 1)
ORG = QUESTION["about"][0]


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("store") / "kg.db"
    result = CliRunner().invoke(main, ["ingest", str(ROOT / "corpus"), "--store", str(path), "-j", "1", "-q"])
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="module")
def reports(store_path) -> list[OrgReport]:
    with Store(store_path, create=False) as store:
        return build(store)


def test_the_organisation_lists_who_said_what_with_title_and_source(reports):
    (org,) = [r for r in reports if r.name == ORG]
    said = [s for s in org.statements if QUESTION["quote_head"] in s.text]
    assert [s.speaker for s in said] == [QUESTION["speaker"]]
    assert said[0].title and said[0].source.title == GOLD["article"]["title"]
    assert said[0].source.published.startswith(GOLD["article"]["time"][:10])
    assert sum(n for _, n in org.months) == len(org.statements)
    assert QUESTION["speaker"] in org.speakers


def test_mvnos_come_first_then_the_most_discussed(reports):
    flags = [r.mvno for r in reports]
    assert flags == sorted(flags, reverse=True) and True in flags and False in flags
    mvnos = [len(r.statements) for r in reports if r.mvno]
    assert mvnos == sorted(mvnos, reverse=True)


def test_an_alias_picks_one_organisation(store_path, reports):
    (org,) = [r for r in reports if r.name == ORG]
    with Store(store_path, create=False) as store:
        assert [r.name for r in build(store, org.aliases[0])] == [ORG]
        assert build(store, "没有这家公司") == []


def test_pictures_are_inline_svg(reports):
    (org,) = [r for r in reports if r.name == ORG]
    chart, ego = month_chart(org.months), ego_network(org)
    assert chart.startswith("<svg") and chart.count("<rect") == len(org.months)
    assert ego.startswith("<svg") and ego.count("<circle") == 1 + len(
        set([p for p, _ in org.people] + list(org.speakers))
    ) + len(org.neighbours)
    assert month_chart([]) == ""


def test_the_page_is_self_contained_and_escapes_text(reports):
    page = render(reports)
    assert not re.search(
        r"""(src|href)=["']?(https?:)?//|<link|@import|url\(""", page.replace('<a href="http', "<a ")
    ), "the page must load nothing"
    sneaky = OrgReport("<script>alert(1)</script>", (), False, (), (), (), (), (), ())
    assert "<script>alert" not in render([sneaky]) and "&lt;script&gt;" in render([sneaky])


def test_cli_writes_the_page_and_names_a_missing_organisation(store_path, tmp_path):
    out = tmp_path / "r.html"
    result = CliRunner().invoke(main, ["report", "--store", str(store_path), "-o", str(out), "--org", ORG])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").count('<section class="org"') == 1
    result = CliRunner().invoke(main, ["report", "--store", str(store_path), "-o", str(out), "--org", "没有这家公司"])
    assert result.exit_code == 1 and result.output == f"kg: no organisation named '没有这家公司' in {store_path}\n"


def test_the_page_in_chromium(store_path, tmp_path, chromium):
    out = tmp_path / "report.html"
    assert CliRunner().invoke(main, ["report", "--store", str(store_path), "-o", str(out)]).exit_code == 0
    chromium.get(out.as_uri())
    assert chromium.console_errors() == []
    sections = chromium.find_elements(By.CSS_SELECTOR, "section.org")
    (section,) = [s for s in sections if s.find_element(By.TAG_NAME, "h2").text.startswith(ORG)]
    row = next(
        r.text for r in section.find_elements(By.CSS_SELECTOR, "table.said tr") if QUESTION["quote_head"] in r.text
    )
    assert row.startswith(QUESTION["speaker"]), row
    assert section.find_element(By.CSS_SELECTOR, "svg.ego").size["width"] > 100
    chromium.save_screenshot(str(tmp_path / "report.png"))

    chromium.find_element(By.ID, "search").send_keys(ORG[:2])
    shown = [s for s in sections if s.is_displayed()]
    assert section in shown and len(shown) < len(sections)
    assert all(ORG[:2] in s.get_attribute("data-name") for s in shown)
    assert chromium.console_errors() == []
    assert (tmp_path / "report.png").stat().st_size > 10_000


def test_a_speaker_has_the_title_of_the_article_quoting_them(tmp_path):
    """Promoted between two articles: each statement carries the title its own article gives."""
    for name, day, title, quote in (
        ("a", "2015-01-05", "副总经理", "苏宁互联用户已超过10万"),
        ("b", "2016-03-05", "总经理", "苏宁互联今年将推出4G套餐"),
    ):
        (tmp_path / f"{name}.md").write_text(
            f"---\nurl: https://example.com/{name}\ntitle: {name}\ntime: {day} 10:00\n"
            f"---\n苏宁互联{title}韩磊表示，{quote}。\n",
            encoding="utf-8",
        )
    store_path = tmp_path / "kg.db"
    result = CliRunner().invoke(main, ["ingest", str(tmp_path), "--store", str(store_path), "-j", "1", "-q"])
    assert result.exit_code == 0, result.output
    with Store(store_path, create=False) as store:
        (org,) = build(store, "苏宁互联")
    assert [(s.speaker, s.title, s.source.title, s.source.published[:7]) for s in org.statements] == [
        ("韩磊", "副总经理", "a", "2015-01"),
        ("韩磊", "总经理", "b", "2016-03"),
    ]
    assert org.months == (("2015-01", 1), ("2016-03", 1))
    assert sorted(org.people) == [("韩磊", "副总经理"), ("韩磊", "总经理")]
