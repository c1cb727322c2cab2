"""The real-news set in training/realnews: every gold file is consistent with its text."""

import json
import re
from pathlib import Path

import pytest
from repo import ROOT

REALNEWS = ROOT / "training" / "realnews"
GOLDS = sorted(REALNEWS.glob("*/gold/*.json"))
TYPES = {"company", "regulator", "association", "media", "consultancy", "other"}


def body(gold_path: Path) -> tuple[dict[str, str], str]:
    raw = (gold_path.parent.parent / "docs" / f"{gold_path.stem}.txt").read_text(encoding="utf-8")
    m = re.match(r"^---\n(.*?)\n---\n(.*)$", raw, re.S)
    assert m, gold_path.stem
    front = dict(line.split(":", 1) for line in m.group(1).splitlines())
    return {k.strip(): v.strip() for k, v in front.items()}, m.group(2)


def test_the_set_has_its_study_and_check_halves():
    assert len(list((REALNEWS / "dev" / "gold").glob("*.json"))) >= 40
    assert len(list((REALNEWS / "check" / "gold").glob("*.json"))) >= 30
    urls = [body(p)[0]["url"] for p in GOLDS]
    assert len(urls) == len(set(urls))  # no page twice


@pytest.mark.parametrize("path", GOLDS, ids=lambda p: p.stem)
def test_gold_is_consistent_with_its_text(path):
    front, text = body(path)
    assert front["url"].startswith("http")
    g = json.loads(path.read_text(encoding="utf-8"))
    assert g["doc"] == path.stem
    orgs = {o["name"] for o in g["organizations"]}
    persons = {p["name"] for p in g["persons"]}
    verbatim = [m for o in g["organizations"] for m in o["mentions"]] + list(persons)
    for o in g["organizations"]:
        assert o["type"] in TYPES and o["mentions"], o["name"]
    for p in g["persons"]:
        for r in p["roles"]:
            assert r["org"] is None or r["org"] in orgs, (p["name"], r)
            verbatim += [r["title"]] if r["title"] is not None else []
    for s in g["statements"]:
        assert (s["speaker"] is None) != (s["speaker_desc"] is None), s
        assert s["speaker"] is None or s["speaker"] in persons, s
        assert len(s["quote_head"]) <= 12 and set(s["about"]) <= orgs, s
        verbatim += [s["speaker"] or s["speaker_desc"], s["cue"], s["quote_head"]]
    for f in g["figures"]:
        assert isinstance(f["value"], int | float) and not isinstance(f["value"], bool), f
        assert f["unit"] is None or f["unit"] in f["text"], f
        assert f["subject"] is None or f["subject"] in orgs, f
        verbatim.append(f["text"])
    assert [v for v in verbatim if v not in text] == []
