"""Messages name files and URIs safely: one message is one line, no terminal control, no password."""

from __future__ import annotations

from click.testing import CliRunner

from pipeline.cli import main
from pipeline.messages import quoted, redacted


def test_a_printable_name_shows_as_it_is():
    assert quoted("新闻/苏宁互联 2014.txt") == "新闻/苏宁互联 2014.txt"


def test_an_odd_name_is_quoted_with_escapes_on_one_line():
    shown = quoted("a\nb\x1b[2J\x1b[31m\u2028\t\\c.txt")
    assert shown == '"a\\nb\\x1b[2J\\x1b[31m\\u2028\\t\\\\c.txt"' and shown.isprintable()


def test_a_name_that_starts_with_a_quote_cannot_pass_for_a_quoted_one():
    assert quoted('"a\\nb"') == '"\\"a\\\\nb\\""' != quoted("a\nb")


def test_only_the_password_of_a_uri_is_masked():
    text = "cannot reach bolt://neo4j:S3:CR@T@db.example:7687/x and neo4j+s://bob@h, not http://h:80/"
    assert redacted(text) == "cannot reach bolt://neo4j:***@db.example:7687/x and neo4j+s://bob@h, not http://h:80/"


def test_a_file_named_with_a_newline_and_escapes_fails_in_one_escaped_line(tmp_path):
    name = tmp_path / "bad\nname\x1b[2J\x1b[31m.txt"
    name.write_bytes(b"")
    result = CliRunner().invoke(main, ["extract", str(name)])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f'kg: "{tmp_path}/bad\\nname\\x1b[2J\\x1b[31m.txt": empty file']


def test_an_ingest_failure_names_the_file_in_one_line(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "x\ny.txt").write_bytes(b"")
    store = tmp_path / "kg\x1b[31m.db"
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "in"), "--store", str(store), "-j", "1", "-q"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f'kg: "{tmp_path}/in/x\\ny.txt": empty file']
    result = CliRunner().invoke(main, ["ingest", "--check", "--store", str(store)])
    assert result.output.startswith(f'"{tmp_path}/kg\\x1b[31m.db": 0 of 0 articles stale')
