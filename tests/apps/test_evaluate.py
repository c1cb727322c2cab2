"""kg eval: the team's scorer's figures, and the errors behind them."""

import json

import pytest
from click.testing import CliRunner
from kg_score import score_docs
from repo import DATA, ROOT

from pipeline.apps.evaluate import load_gold, score, score_doc
from pipeline.cli import main
from pipeline.extract import extract
from pipeline.read.articles import read_paths

GOLD = {
    "doc": "x.txt",
    "organizations": [
        {"name": "工信部", "type": "regulator", "mentions": ["工信部"]},
        {"name": "蜗牛移动", "type": "company", "mentions": ["蜗牛移动", "蜗牛"]},
    ],
    "persons": [{"name": "陈艳", "roles": [{"title": "副总裁", "org": "蜗牛移动"}]}],
    "statements": [
        {"speaker": "陈艳", "speaker_desc": None, "cue": "表示", "quote_head": "蜗牛会继续", "about": ["蜗牛移动"]},
        {"speaker": None, "speaker_desc": "工信部", "cue": "要求", "quote_head": "各企业", "about": []},
    ],
    "figures": [
        {"text": "10万户", "value": 100000, "unit": "万户", "subject": "蜗牛移动"},
        {"text": "3家", "value": 3, "unit": "家", "subject": None},
    ],
}
PRED = {
    "doc": "docs/x.txt",
    "entities": [
        {"name": "工业和信息化部", "label": "GOVERNMENT", "mentions": [{"text": "工信部"}]},
        {"name": "蜗牛", "label": "COMPANY", "mentions": [{"text": "蜗牛"}]},
        {"name": "陈艳", "label": "PERSON", "mentions": []},
        {"name": "陈", "label": "PERSON", "mentions": []},
    ],
    "roles": [{"person": "陈艳", "title": "总裁", "org": "工业和信息化部"}],
    "statements": [
        {"speaker": "陈", "speaker_desc": None, "text": "蜗牛会继续做", "about": ["蜗牛", "工业和信息化部"]}
    ],
    "figures": [{"text": "10万户", "value": 100000, "subject": None}, {"text": "5个", "value": 5, "subject": None}],
}


def test_each_error_class_is_named():
    kinds = {(e.kind, e.detail) for e in score_doc(GOLD, PRED).errors}
    assert ("wrong speaker", "蜗牛会继续: expected 陈艳, got 陈") in kinds
    assert ("missed statement", "[工信部]: 各企业") in kinds
    assert ("wrong about", "蜗牛会继续: extra 工信部") in kinds  # the canonical name resolves through its mentions
    assert ("extra person", "陈") in kinds
    assert ("wrong role", "陈艳: 总裁 @ 工信部") in kinds
    assert ("missed role", "陈艳: 副总裁 @ 蜗牛移动") in kinds
    assert ("wrong subject", "10万户: expected 蜗牛移动, got null") in kinds
    assert ("missed figure", "3家 = 3") in kinds
    assert ("extra figure", "5个 = 5") in kinds


def test_the_same_figures_as_the_team_scorer(tmp_path):
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    (gold_dir / "x.json").write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    docs = [PRED]
    for folder in ("articles", "holdout"):  # real extractions, with their misses
        for article in read_paths([str(DATA / folder)]):
            docs.append(extract(article).to_json())
        for g in (DATA / f"{folder}_gold").glob("*.json"):
            (gold_dir / g.name).write_text(g.read_text(encoding="utf-8"), encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    theirs = score_docs(str(gold_dir), str(pred))
    ours = score(load_gold(gold_dir), docs).to_json()
    assert ours == theirs


def test_cli_table_json_and_errors(tmp_path):
    r = CliRunner().invoke(main, ["eval", str(DATA / "gold"), str(ROOT / "corpus")])
    assert r.exit_code == 0, r.output
    assert r.output.splitlines()[0].split() == ["field", "precision", "recall", "F1", "predicted", "gold"]
    assert "statements" in r.output
    pred = tmp_path / "p.jsonl"
    pred.write_text(json.dumps(PRED, ensure_ascii=False) + "\n", encoding="utf-8")
    gold = tmp_path / "x.json"
    gold.write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    r = CliRunner().invoke(main, ["eval", str(gold), "--pred", str(pred), "--format", "json", "--errors"])
    assert r.exit_code == 0, r.output
    out = json.loads(r.output)
    assert out["persons"]["f1"] == pytest.approx(2 / 3, abs=1e-4)
    assert {"kind": "extra person", "detail": "陈"} in out["errors"]["x.txt"]


def test_cli_errors_are_one_line(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    r = CliRunner().invoke(main, ["eval", str(bad), "--pred", str(bad)])
    assert r.exit_code == 1 and r.output.strip().startswith("kg: ") and len(r.output.strip().splitlines()) == 1
    r = CliRunner().invoke(main, ["eval", str(bad)])
    assert r.exit_code == 2  # neither PATH... nor --pred
