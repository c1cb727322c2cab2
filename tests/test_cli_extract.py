"""`kg extract` as a user runs it: formats, --lines, and bad files in a batch."""

import json
from pathlib import Path

import repo
from click.testing import CliRunner

from pipeline.cli import main

SAMPLE = str(repo.SAMPLE)


def run(*args):
    return CliRunner().invoke(main, ["extract", *args])


def test_jsonl_follows_the_contract():
    result = run(SAMPLE, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    (doc,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert doc["doc"] == SAMPLE
    assert set(doc) >= {"doc", "article", "entities", "roles", "statements", "figures"}
    assert doc["article"]["author"] == "毛启盈"
    assert {e["label"] for e in doc["entities"]} <= {
        "PERSON",
        "COMPANY",
        "GOVERNMENT",
        "ORGANIZATION",
        "POSITION",
        "LOCATION",
    }
    s = doc["statements"][0]
    assert set(s) >= {"speaker", "speaker_desc", "cue", "text", "about"}


def test_json_and_table_formats():
    as_json = run(SAMPLE, "--format", "json")
    assert as_json.exit_code == 0 and len(json.loads(as_json.stdout)) == 1
    table = run(SAMPLE, "--format", "table")
    assert table.exit_code == 0 and "role" in table.stdout and "said" in table.stdout


def test_dash_reads_standard_input_as_an_article_or_json_lines():
    from_file = json.loads(run(SAMPLE, "--format", "jsonl").stdout)
    result = CliRunner().invoke(main, ["extract", "-", "--format", "jsonl"], input=Path(SAMPLE).read_bytes())
    assert result.exit_code == 0, result.output
    from_stdin = json.loads(result.stdout)
    assert from_stdin["doc"] == "-" and {**from_stdin, "doc": SAMPLE} == from_file
    texts = ["中国联通发布公告称，将下调批发价。", "苏宁互联副总经理韩磊表示，用户已超过10万。"]
    lines = "\n".join(json.dumps({"text": t, "title": f"t{i}"}, ensure_ascii=False) for i, t in enumerate(texts))
    result = CliRunner().invoke(main, ["extract", "-", "--format", "jsonl"], input=lines)
    assert result.exit_code == 0, result.output
    assert [json.loads(x)["article"]["title"] for x in result.stdout.splitlines()] == ["t0", "t1"]


def test_lines_gives_one_object_per_line_with_line_offsets(tmp_path):
    lines = tmp_path / "lines.txt"
    lines.write_text(
        "苏宁互联副总经理韩磊表示，用户已超过10万。\n\n中国联通发布公告称，将下调批发价。\n", encoding="utf-8"
    )
    result = run("--lines", str(lines), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(docs) == 3 and docs[1]["entities"] == []
    first = docs[0]
    text = "苏宁互联副总经理韩磊表示，用户已超过10万。"
    for e in first["entities"]:
        for m in e["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]


def test_a_bad_file_is_reported_and_the_batch_goes_on(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "broken.md").write_text("---\ntitle: [unclosed\n---\n正文。", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("中国联通发布公告称，将下调批发价。", encoding="utf-8")
    result = run(str(tmp_path))
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("kg: ")]
    assert len(errors) == 3 and all(str(tmp_path) in line for line in errors)
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["doc"] for d in docs] == [str(good)]


def test_the_tours_lines_example_runs_as_written_from_the_repository(monkeypatch):
    """README's tour: `kg extract --lines sentences.txt`, with the file shipped at the root."""
    root = repo.ROOT
    monkeypatch.chdir(root)
    result = run("--lines", "sentences.txt")
    assert result.exit_code == 0, result.output
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    lines = (root / "sentences.txt").read_text(encoding="utf-8").splitlines()
    assert [d["doc"] for d in docs] == [f"sentences.txt:{n}" for n in range(1, len(lines) + 1)]
    assert all(d["statements"] for d in docs)  # each line says something someone said


def test_paths_or_lines_but_not_both(tmp_path):
    for args in ((), (SAMPLE, "--lines", SAMPLE)):  # neither, and both
        result = run(*args)
        assert result.exit_code == 2 and result.stdout == ""
        assert "give either PATH... or --lines FILE" in result.stderr


def test_a_damaged_memory_beside_the_model_is_one_line(tmp_path, monkeypatch):
    (tmp_path / "config.cfg").write_text("", encoding="utf-8")
    (tmp_path / "known_names.tsv").write_text("暴雪\ttwo\tCOMPANY 2\n", encoding="utf-8")
    monkeypatch.setenv("KG_NER_MODEL", str(tmp_path))
    result = run("--lines", SAMPLE)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.strip().splitlines() == [
        f"kg: {tmp_path / 'known_names.tsv'}:1: not 'name<TAB>occurrences<TAB>LABEL n,...'"
    ]


def test_a_wrong_model_folder_is_one_line_and_nothing_else(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_NER_MODEL", str(tmp_path / "no-model"))
    result = run(SAMPLE)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.strip().splitlines() == [
        f"kg: KG_NER_MODEL={tmp_path / 'no-model'}: no spaCy model there (a folder with config.cfg)"
    ]
    ingest = CliRunner().invoke(main, ["ingest", SAMPLE, "--store", str(tmp_path / "kg.db")])
    assert ingest.exit_code == 1 and "no spaCy model there" in ingest.stderr
    assert not (tmp_path / "kg.db").exists()  # stopped before the store was made
    # commands that never run the NER are not stopped by it: kg query lists the shipped queries
    listed = CliRunner().invoke(main, ["query"])
    assert listed.exit_code == 0 and "who_said_what_about" in listed.stdout


def test_hostile_files_each_give_one_line_and_the_batch_goes_on(tmp_path):
    from hostile import GOOD, hostile_files

    expected = hostile_files(tmp_path / "in")
    (tmp_path / "in" / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "in" / "surrogate.jsonl").write_text(
        json.dumps({"text": "中国联通\ud800发布公告称。"}) + "\n", encoding="utf-8"
    )
    result = run(str(tmp_path / "in"), "--max-bytes", "200000")
    assert result.exit_code == 1 and "Traceback" not in result.output
    errors = result.stderr.strip().splitlines()
    assert len(errors) == len(expected)
    for name, reason in expected.items():
        assert any(e.startswith(f"kg: {tmp_path / 'in' / name}: {reason}") for e in errors), name
    docs = [json.loads(line)["doc"] for line in result.stdout.splitlines()]
    assert docs == [str(tmp_path / "in" / "good.txt"), f"{tmp_path / 'in' / 'surrogate.jsonl'}:1"]
