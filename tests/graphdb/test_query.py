"""The analysts' queries: header parsing, parameters, formats, and every shipped query on the sample."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from repo import DATA, ROOT, SAMPLE_GOLD

from pipeline.cli import main
from pipeline.graphdb.query import (
    QueryError,
    Result,
    available,
    bind,
    format_result,
    parse,
    parse_params,
    resolve,
    run,
)

GOLD = json.loads((SAMPLE_GOLD).read_text(encoding="utf-8"))

# A named speaker's statement about one organisation, from the hand annotation of the sample.
QUESTION = next(s for s in GOLD["statements"] if s["speaker"] and len(s["about"]) == 1)
SPEAKER_ROLE = next(r for p in GOLD["persons"] if p["name"] == QUESTION["speaker"] for r in p["roles"] if r["org"])
SAMPLE_PARAMS = {"org": QUESTION["about"][0], "person": QUESTION["speaker"], "title": SPEAKER_ROLE["title"]}


def test_numbers_become_numbers_and_the_rest_stays_text():
    assert parse_params(["limit=5", "share=0.56", "org=苏宁互联", "q=a=b", "code=-3"]) == {
        "limit": 5,
        "share": 0.56,
        "org": "苏宁互联",
        "q": "a=b",
        "code": -3,
    }
    with pytest.raises(QueryError, match="expected key=value"):
        parse_params(["limit"])


def test_the_header_documents_question_and_parameters():
    q = parse(
        "x",
        "// question: Who?\n// param: org — organisation name\n// param: limit = 10 — rows\n\n"
        "MATCH (n) // param: not_a_header\nRETURN n LIMIT $limit",
    )
    assert q.question == "Who?"
    assert [(p.name, p.default, p.required, p.help) for p in q.params] == [
        ("org", None, True, "organisation name"),
        ("limit", 10, False, "rows"),
    ]
    assert bind(q, {"org": "京东"}) == {"org": "京东", "limit": 10}
    assert bind(q, {"org": "京东", "limit": 3})["limit"] == 3
    with pytest.raises(QueryError, match=r"query x needs --param org=… \(organisation name\)"):
        bind(q, {})


def test_every_shipped_query_says_what_it_asks():
    queries = available()
    assert {
        "who_said_what_about",
        "person_statements",
        "executives",
        "figures_about",
        "most_quoted",
        "co_mentioned",
        "anonymous_sources",
        "mvno_statements_over_time",
    } <= queries.keys()
    for q in queries.values():
        assert "?" in q.question, q.name
        assert all(p.help for p in q.params), q.name


def test_a_spec_is_a_name_a_file_or_cypher(tmp_path):
    assert resolve("executives").text == available()["executives"].text
    path = tmp_path / "mine.cypher"
    path.write_text("// question: Mine?\nRETURN 1 AS one", encoding="utf-8")
    assert (resolve(str(path)).name, resolve(str(path)).question) == ("mine", "Mine?")
    assert resolve("RETURN 1 AS one").text == "RETURN 1 AS one"
    with pytest.raises(QueryError) as err:
        resolve("who_said")
    assert "no query named 'who_said'" in str(err.value) and "who_said_what_about" in str(err.value)


def test_cypher_longer_than_a_file_name_is_cypher():
    long = "MATCH (o:Organization) WHERE o.name IN [" + ", ".join(f"'公司{i}'" for i in range(40)) + "] RETURN o"
    assert len(long.encode()) > 255
    assert resolve(long).text == long


def test_a_misspelt_query_name_gets_the_near_one():
    with pytest.raises(QueryError, match="did you mean who_said_what_about\\?"):
        resolve("who_said_what_abut")


def test_table_cells_are_whole_unless_a_width_is_given():
    url = "https://www.example.com/news/2014/09/26/" + "x" * 80 + ".html"
    result = Result(["url"], [{"url": url}])
    assert url in format_result(result, "table")
    cut = format_result(result, "table", 30).splitlines()[2]
    assert cut.endswith("…") and len(cut) == 30


def test_booleans_read_as_cypher_writes_them():
    result = Result(["mvno", "flags"], [{"mvno": True, "flags": [False, True]}])
    assert format_result(result, "table").splitlines()[2].split() == ["true", "|", "false;", "true"]
    assert list(csv.reader(io.StringIO(format_result(result, "csv"))))[1] == ["true", "false; true"]
    assert json.loads(format_result(result, "json")) == [{"mvno": True, "flags": [False, True]}]


def test_formats():
    result = Result(
        ["name", "about", "value"],
        [
            {"name": "王帅", "about": ["苏宁互联", "京东"], "value": 100000.0},
            {"name": 'Li, "Jr"', "about": [], "value": None},
        ],
    )
    assert json.loads(format_result(result, "json")) == result.rows
    rows = list(csv.reader(io.StringIO(format_result(result, "csv"))))
    assert rows == [["name", "about", "value"], ["王帅", "苏宁互联; 京东", "100000"], ['Li, "Jr"', "", ""]]
    table = format_result(result, "table").splitlines()
    # CJK characters are two columns wide: the separators line up on screen.
    assert table[2].index("|") == table[0].index("|") - 2 and table[3].index("|") == table[0].index("|")
    assert table[-1] == "(2 rows)"


@pytest.fixture(scope="module")
def sample(tmp_path_factory, empty_neo4j, neo4j_config):
    """The sample corpus ingested and pushed to an empty Neo4j."""
    store = tmp_path_factory.mktemp("store") / "kg.db"
    result = CliRunner().invoke(
        main,
        [
            "ingest",
            str(ROOT / "corpus"),
            str(DATA / "graph_articles"),
            "--store",
            str(store),
            "-j",
            "1",
            "-q",
            "--neo4j",
        ],
    )
    assert result.exit_code == 0, result.output
    return neo4j_config


def test_the_question_query_finds_who_said_what_about_the_organisation(sample):
    rows = run(resolve("who_said_what_about"), {"org": SAMPLE_PARAMS["org"]}, sample).rows
    assert any(
        r["speaker"] == QUESTION["speaker"]
        and QUESTION["quote_head"] in r["statement"]
        and r["organization"] == SAMPLE_PARAMS["org"]
        for r in rows
    ), rows


def test_an_alias_finds_the_same_statements(sample):
    org = run(
        resolve("MATCH (o:Organization {name: $org}) RETURN o.aliases AS aliases"),
        {"org": SAMPLE_PARAMS["org"]},
        sample,
    ).rows[0]
    alias = sorted(org["aliases"])[0]
    by_name = run(resolve("who_said_what_about"), {"org": SAMPLE_PARAMS["org"]}, sample).rows
    assert run(resolve("who_said_what_about"), {"org": alias}, sample).rows == by_name


def test_what_a_person_said_as_a_title_at_an_organisation(sample):
    params = {"person": QUESTION["speaker"], "title": SPEAKER_ROLE["title"], "org": SPEAKER_ROLE["org"]}
    rows = run(resolve("statements_as"), params, sample).rows
    assert any(QUESTION["quote_head"] in r["statement"] for r in rows)
    assert {(r["title"], r["organization"]) for r in rows} == {(SPEAKER_ROLE["title"], SPEAKER_ROLE["org"])}
    assert run(resolve("statements_as"), {**params, "title": "董事长"}, sample).rows == []
    # 王建华 spoke as 副总裁 in 2016 and as 总裁 in 2018: 总裁 finds both, 副总裁 only the first article's
    as_vp = run(resolve("statements_as"), {"person": "王建华", "title": "副总裁", "org": "普泰移动"}, sample).rows
    assert as_vp and {r["published"] for r in as_vp} == {"2016-03-08"}
    # 原远特通信副总裁陈晓东表示: he spoke as a former vice president, not as one
    assert run(resolve("statements_as"), {"person": "陈晓东", "title": "副总裁", "org": "远特通信"}, sample).rows == []
    assert run(resolve("statements_as"), {"person": "赵一鸣", "title": "总监", "org": "远特通信"}, sample).rows


def test_figures_that_disagree_are_listed_with_their_sources(sample):
    rows = run(resolve("figure_conflicts"), {}, sample).rows
    assert {(r["organization"], r["metric"], r["period"], r["value"], r["article"]) for r in rows} == {
        ("普泰移动", "用户", "as of 2016-12-31", 2800000.0, "虚商年终盘点"),
        ("普泰移动", "用户", "as of 2016-12-31", 3000000.0, "普泰移动公布年度用户数"),
    }


def test_values_are_parameters_never_pasted_into_the_text(sample):
    sneaky = SAMPLE_PARAMS["org"] + "' OR true OR o.name = '"
    with pytest.raises(QueryError, match="no Organization named"):  # the whole value is one (unknown) name
        run(resolve("who_said_what_about"), {"org": sneaky}, sample)
    assert run(resolve("MATCH (o:Organization) WHERE o.name = $org RETURN o"), {"org": sneaky}, sample).rows == []


@pytest.mark.parametrize("name", sorted(available()))
def test_every_shipped_query_returns_rows_on_the_sample(sample, name):
    query = resolve(name)
    params = {p.name: SAMPLE_PARAMS[p.name] for p in query.params if p.required}
    result = run(query, params, sample)
    assert result.rows, f"{name} returned no rows"
    assert all(set(row) == set(result.keys) for row in result.rows)


def test_cli_runs_a_named_query_with_parameters_as_json(sample):
    result = CliRunner().invoke(
        main, ["query", "person_statements", "--param", f"person={QUESTION['speaker']}", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert any(QUESTION["quote_head"] in r["statement"] for r in rows)
    assert {r["person"] for r in rows} == {QUESTION["speaker"]}


def test_cli_inline_cypher_over_255_bytes_runs(sample):
    text = (
        "MATCH (o:Organization) WHERE o.name IN $names OR o.name = '" + "很长的名字" * 20 + "' "
        "RETURN o.name AS name ORDER BY name"
    )
    assert len(text.encode()) > 255
    result = CliRunner().invoke(main, ["query", text, "-p", f"names={SAMPLE_PARAMS['org']}", "--format", "json"])
    assert result.exit_code == 1 and "Traceback" not in result.output  # $names must be a list: a Cypher error
    result = CliRunner().invoke(
        main, ["query", text.replace("$names", f"['{SAMPLE_PARAMS['org']}']"), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == [{"name": SAMPLE_PARAMS["org"]}]


def test_cli_is_read_only_unless_write(sample):
    create = "CREATE (x:KgQueryProbe {n: 1}) RETURN x.n AS n"
    count = "MATCH (x:KgQueryProbe) RETURN count(x) AS n"
    result = CliRunner().invoke(main, ["query", create])
    assert result.exit_code == 1 and "only reads unless given --write" in result.output, result.output
    assert run(resolve(count), {}, sample).rows == [{"n": 0}]
    result = CliRunner().invoke(main, ["query", create, "--write", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [{"n": 1}]  # what it changed goes to stderr, as cypher-shell says it
    assert result.stderr == "kg: 1 nodes created, 1 properties set, 1 labels added\n"
    assert run(resolve(count), {}, sample).rows == [{"n": 1}]
    result = CliRunner().invoke(main, ["query", "MATCH (x:KgQueryProbe) DELETE x", "--write"])
    assert result.exit_code == 0 and result.stderr == "kg: 1 nodes deleted\n", result.output
    result = CliRunner().invoke(main, ["query", count, "--write"])
    assert result.exit_code == 0 and result.stderr == "kg: no changes\n", result.output


def test_cli_a_name_that_matches_nothing_suggests_near_ones_aliases_included(sample):
    org = run(
        resolve("MATCH (o:Organization {name: $org}) RETURN o.aliases AS aliases"),
        {"org": SAMPLE_PARAMS["org"]},
        sample,
    ).rows[0]
    alias = next(a for a in sorted(org["aliases"]) if a != SAMPLE_PARAMS["org"])
    result = CliRunner().invoke(main, ["query", "who_said_what_about", "-p", f"org={alias}有限公司"])
    assert result.exit_code == 1
    assert result.output.startswith(f"kg: no Organization named '{alias}有限公司' in Neo4j; near names: ")
    assert f"{SAMPLE_PARAMS['org']} ({alias})" in result.output, result.output
    result = CliRunner().invoke(main, ["query", "person_statements", "-p", f"person={QUESTION['speaker']}X"])
    assert result.exit_code == 1 and QUESTION["speaker"] in result.output.partition("near names: ")[2]


def test_cli_table_keeps_urls_whole_when_piped_and_cuts_with_width(sample):
    text = "MATCH (a:Article) RETURN a.url AS url"
    url = run(resolve(text), {}, sample).rows[0]["url"]
    assert url in CliRunner().invoke(main, ["query", text]).output
    cut = CliRunner().invoke(main, ["query", text, "--width", "20"]).output
    assert url not in cut and "…" in cut


def test_cli_unknown_name_lists_the_available_ones(sample):
    result = CliRunner().invoke(main, ["query", "who_said"])
    assert result.exit_code == 1
    assert result.output.startswith("kg: no query named 'who_said'; did you mean who_said_what_about? available: ")
    assert all(name in result.output for name in available())


def test_cli_missing_parameter_and_bad_cypher_are_one_line_each(sample):
    for args, start in (
        (["query", "executives"], "kg: query executives needs --param org="),
        (["query", "MATCH (n RETURN n"], "kg: query cypher failed: "),
    ):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 1
        assert len(result.output.strip().splitlines()) == 1 and result.output.startswith(start), result.output


def test_a_number_too_large_for_neo4j_is_one_line_before_connecting():
    result = CliRunner().invoke(
        main,
        [
            "query",
            "who_said_what_about",
            "--param",
            "org=小米",
            "--param",
            "limit=99999999999999999999",
            "--uri",
            "bolt://127.0.0.1:1",
        ],
    )
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr.strip().splitlines() == [
        "kg: --param 'limit=99999999999999999999': 99999999999999999999 is too large for Neo4j,"
        " whose integers have 64 bits"
    ]


@pytest.mark.parametrize(
    "cypher",
    [
        "CALL dbms.killConnections([])",  # a DBMS procedure: EXPLAIN types it "s"
        "CALL db.stats.clear('QUERIES')",  # a READ procedure that changes the server: typed "r"
        "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",  # a command typed "r"
        "CREATE INDEX kg_probe FOR (n:KgQueryProbe) ON (n.x)",
    ],
)
def test_cli_refuses_what_changes_the_server_without_write(sample, cypher):
    result = CliRunner().invoke(main, ["query", cypher])
    assert result.exit_code == 1 and result.stderr.endswith("kg query only reads unless given --write\n")
    assert len(result.stderr.splitlines()) == 1


def test_cli_reads_the_catalogue_through_read_only_procedures(sample):
    result = CliRunner().invoke(main, ["query", "CALL db.labels() YIELD label RETURN label ORDER BY label"])
    assert result.exit_code == 0 and "Statement" in result.output, result.output


def test_cli_shows_no_driver_notification(sample):
    result = CliRunner().invoke(main, ["query", "CALL { MATCH (n) RETURN n } RETURN count(*) AS n"])  # deprecated
    assert result.exit_code == 0 and result.stderr == "", result.stderr


def test_a_password_in_the_uri_logs_in_and_is_never_printed(sample, monkeypatch):
    uri = sample.uri.replace("://", f"://{sample.user}:{sample.password}@")
    result = CliRunner().invoke(main, ["query", "RETURN 1 AS n", "--uri", uri, "--format", "json"])
    assert result.exit_code == 0 and json.loads(result.stdout) == [{"n": 1}], result.output
    wrong = sample.uri.replace("://", f"://{sample.user}:S3CRET-wrong@")
    monkeypatch.setenv("NEO4J_URI", wrong)
    result = CliRunner().invoke(main, ["query", "RETURN 1 AS n"])
    assert result.exit_code == 1 and "S3CRET" not in result.output
    assert result.stderr == f"kg: cannot log in to Neo4j at {sample.uri} as {sample.user!r}: wrong user or password\n"


def test_a_password_in_an_unreachable_uri_is_never_printed():
    result = CliRunner().invoke(main, ["query", "RETURN 1", "--uri", "bolt://neo4j:S3CRET@127.0.0.1:9"])
    assert result.exit_code == 1 and result.stderr.startswith("kg: cannot reach Neo4j at bolt://127.0.0.1:9: ")
    assert "S3CRET" not in result.output
