"""`kg report`'s records: built from a store of the sample, they hold every statement, by organisation and by person."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from repo import SAMPLE_GOLD

from pipeline.cli import main
from pipeline.outputs.report import Report, UnknownOrganisation, build
from pipeline.storage.store import Store

GOLD = json.loads(SAMPLE_GOLD.read_text(encoding="utf-8"))
# A named speaker's statement about one organisation, from the hand annotation of the sample (王帅 on 苏宁互联).
QUESTION = next(s for s in GOLD["statements"] if s["speaker"] and len(s["about"]) == 1)
ORG = QUESTION["about"][0]


@pytest.fixture(scope="module")
def report(sample_store) -> Report:
    with Store(sample_store, create=False) as store:
        return build(store)


def nodes(store_path: Path, label: str) -> list[dict]:
    with Store(store_path, create=False) as store:
        return [n.props for n in store.nodes() if label in n.labels]


def test_the_organisation_lists_who_said_what_with_title_and_source(report):
    (org,) = [r for r in report.organisations if r.name == ORG]
    said = [s for s in org.statements if QUESTION["quote_head"] in s.text]
    assert [s.speaker for s in said] == [QUESTION["speaker"]]
    assert said[0].title and said[0].source.title == GOLD["article"]["title"]
    assert said[0].source.published.startswith(GOLD["article"]["time"][:10])
    assert QUESTION["quote_head"] in said[0].sentence and len(said[0].sentence) > len(said[0].text)
    assert sum(n for _, n in org.months) == len(org.statements)
    assert QUESTION["speaker"] in org.speakers


def test_every_statement_is_reported_once_about_an_organisation_or_not(report, sample_store):
    texts = sorted(str(p["text"]) for p in nodes(sample_store, "Statement"))
    assert sorted(s.text for s in report.statements) == texts
    assert any(not s.about and s.person for s in report.statements), "a person's remark about no organisation"
    assert any(not s.about and not s.person for s in report.statements), "an unnamed source's remark"
    by_person = [s.text for p in report.people for s in p.statements]
    assert len(by_person) == len(set(by_person)) and set(by_person) <= set(texts)


def test_a_person_has_everything_they_said_whatever_it_is_about(report):
    (person,) = [p for p in report.people if p.name == QUESTION["speaker"]]
    mine = [s for s in report.statements if s.speaker == QUESTION["speaker"]]
    assert len(mine) > 1 and [s.text for s in person.statements] == [s.text for s in mine]
    assert all(s.person == person.id for s in person.statements)
    assert ORG in person.about and (ORG, person.positions[0][1]) in person.positions


def test_every_mvno_has_a_card_even_when_nobody_spoke_about_it(report, sample_store):
    mvnos = {p["name"] for p in nodes(sample_store, "MVNO")}
    cards = {r.name: r for r in report.organisations}
    assert mvnos <= set(cards)
    quiet = [cards[m] for m in mvnos if not cards[m].statements]
    assert quiet and all(r.articles >= 1 and r.neighbours for r in quiet)


def test_mvnos_come_first_then_the_most_discussed(report):
    flags = [r.mvno for r in report.organisations]
    assert flags == sorted(flags, reverse=True) and True in flags and False in flags
    mvnos = [len(r.statements) for r in report.organisations if r.mvno]
    assert mvnos == sorted(mvnos, reverse=True)


def test_statements_stand_in_the_order_of_the_article(report, sample_store):
    with Store(sample_store, create=False) as store:
        text = {n.id: n.props["text"] for n in store.nodes() if "Statement" in n.labels}
        start = {text[r.end]: int(r.props["start"]) for r in store.rels() if r.type == "CONTAINS" and r.end in text}
    order = [start[s.text] for s in report.statements]
    assert order == sorted(order)


def test_an_alias_picks_one_organisation_and_what_was_said_about_it(sample_store, report):
    (org,) = [r for r in report.organisations if r.name == ORG]
    with Store(sample_store, create=False) as store:
        one = build(store, org.aliases[0])
    assert [r.name for r in one.organisations] == [ORG]
    assert [s.text for s in one.statements] == [s.text for s in org.statements]
    assert {p.name for p in one.people} == set(org.speakers) | {p for p, _ in org.people}


def test_an_unknown_organisation_names_the_near_ones(sample_store):
    with Store(sample_store, create=False) as store:
        with pytest.raises(UnknownOrganisation) as near:
            build(store, ORG[:-1])
        assert near.value.near[0] == ORG
        with pytest.raises(UnknownOrganisation) as none:
            build(store, "没有这家公司")
        assert none.value.near == []


def test_cli_writes_the_page_or_no_file_and_the_near_names(sample_store, tmp_path):
    out = tmp_path / "r.html"
    result = CliRunner().invoke(main, ["report", "--store", str(sample_store), "-o", str(out), "--org", ORG])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").count('<section class="card org"') == 1
    missing = tmp_path / "missing.html"
    result = CliRunner().invoke(main, ["report", "--store", str(sample_store), "-o", str(missing), "--org", ORG[:-1]])
    assert result.exit_code == 1 and not missing.exists()
    assert result.output == f"kg: no organisation named {ORG[:-1]!r} in {sample_store}; near names: {ORG}\n"
    result = CliRunner().invoke(main, ["report", "--store", str(sample_store), "-o", str(out), "--org", "没有这家公司"])
    assert result.exit_code == 1 and result.output == f"kg: no organisation named '没有这家公司' in {sample_store}\n"
    assert out.read_text(encoding="utf-8").count('<section class="card org"') == 1, "an old page stays as it was"


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
        (org,) = build(store, "苏宁互联").organisations
    assert [(s.speaker, s.title, s.source.title, s.source.published[:7]) for s in org.statements] == [
        ("韩磊", "副总经理", "a", "2015-01"),
        ("韩磊", "总经理", "b", "2016-03"),
    ]
    assert org.months == (("2015-01", 1), ("2016-03", 1))
    assert sorted(org.people) == [("韩磊", "副总经理"), ("韩磊", "总经理")]
