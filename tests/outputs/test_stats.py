"""`kg stats`: counts and rankings from the store alone, and changed and stale articles."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from repo import ROOT, SAMPLE_GOLD

from pipeline.apps.ingest import ingest
from pipeline.cli import main
from pipeline.outputs.stats import compute
from pipeline.storage.store import Store

SAMPLE = ROOT / "corpus" / "000_5752d0d765a15d5f.txt"
GOLD = json.loads((SAMPLE_GOLD).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def ingested(tmp_path_factory) -> tuple[Path, Path]:
    """The sample copied to a folder of its own, with a JSON Lines file of two articles, ingested."""
    folder = tmp_path_factory.mktemp("articles")
    shutil.copy(SAMPLE, folder / SAMPLE.name)
    lines = [
        {"text": "苏宁互联副总经理韩磊表示，用户已超过10万。", "url": "https://example.com/1"},
        {"text": "中国联通发布公告称，将下调批发价。", "url": "https://example.com/2"},
    ]
    (folder / "more.jsonl").write_text(
        "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8"
    )
    store = tmp_path_factory.mktemp("store") / "kg.db"
    result = CliRunner().invoke(main, ["ingest", str(folder), "--store", str(store), "-j", "1", "-q"])
    assert result.exit_code == 0, result.output
    return folder, store


def test_counts_and_rankings(ingested):
    _, path = ingested
    with Store(path, create=False) as store:
        stats, counts = compute(store, top=3), store.counts()
    assert (stats.articles, stats.people, stats.statements, stats.figures) == (
        3,
        counts["Person"],
        counts["Statement"],
        counts["Figure"],
    )
    assert stats.organisations == counts["Organization"] and 0 < stats.mvnos < stats.organisations
    most_quoted = Counter(s["speaker"] for s in GOLD["statements"] if s["speaker"]).most_common(1)[0][0]
    assert stats.top_people[0][0] == most_quoted and len(stats.top_people) == 3
    assert [n for _, n in stats.top_organisations] == sorted((n for _, n in stats.top_organisations), reverse=True)
    assert stats.changed_articles == stats.stale_articles == 0


def test_an_edited_or_removed_source_makes_its_article_changed_not_stale(ingested, tmp_path):
    folder, path = ingested
    copy = tmp_path / "kg.db"
    shutil.copy(path, copy)
    sample, lines = folder / SAMPLE.name, folder / "more.jsonl"
    original = lines.read_text(encoding="utf-8")
    try:
        lines.write_text(original.replace("10万", "20万"), encoding="utf-8")
        sample.unlink()
        with Store(copy, create=False) as store:
            stats = compute(store)
        # one JSON Lines article edited, the text file gone; the pipeline that extracted them is today's
        assert (stats.changed_articles, stats.stale_articles) == (2, 0)
    finally:
        lines.write_text(original, encoding="utf-8")
        shutil.copy(SAMPLE, sample)


def test_cli_table_and_json(ingested):
    _, path = ingested
    table = CliRunner().invoke(main, ["stats", "--store", str(path)])
    assert table.exit_code == 0 and table.output.startswith("articles         3\n"), table.output
    assert "most quoted people" in table.output and "stale articles   0" in table.output
    data = json.loads(CliRunner().invoke(main, ["stats", "--store", str(path), "--format", "json"]).output)
    assert data["articles"] == 3 and data["top_people"][0]["statements"] >= 1
    missing = CliRunner().invoke(main, ["stats", "--store", str(path.parent / "none.db")])
    assert missing.exit_code == 1 and missing.output.startswith("kg: ")


def test_stale_means_what_kg_ingest_check_counts(ingested, tmp_path):
    """One word for one thing: articles another version of the pipeline extracted."""
    folder, _ = ingested
    store = tmp_path / "old.db"
    with Store(store) as s:
        ingest([str(folder)], s, jobs=1, version="an older pipeline")
    with Store(store, create=False) as s:
        stats = compute(s)
    check = CliRunner().invoke(main, ["ingest", "--check", "--store", str(store)])
    assert (stats.stale_articles, stats.changed_articles) == (3, 0)
    assert check.output.startswith(f"{store}: 3 of 3 articles stale"), check.output
