"""Rendering for kg extract: JSON Lines, one JSON document, a table (invented article)."""

import io
import json
from dataclasses import replace

from graph_samples import launch

from pipeline.outputs.extraction import WRITERS


def render(fmt, extractions):
    out = io.StringIO()
    WRITERS[fmt](extractions, out)
    return out.getvalue()


def test_jsonl_is_one_contract_object_per_article():
    xs = [launch(), launch(url="https://news.example.cn/mvno/9")]
    lines = render("jsonl", xs).splitlines()
    assert [json.loads(line) for line in lines] == [x.to_json() for x in xs]
    assert "蓝海移动" in lines[0]  # not escaped


def test_only_a_range_carries_its_upper_bound():
    x = launch()
    ranged = replace(x, figures=[replace(x.figures[0], value_max=x.figures[0].value * 2), *x.figures[1:]])
    first, *rest = ranged.to_json()["figures"]
    assert first["value_max"] == x.figures[0].value * 2
    assert rest and all("value_max" not in f for f in rest)


def test_json_is_one_list():
    xs = [launch()]
    assert json.loads(render("json", xs)) == [xs[0].to_json()]
    assert render("json", []).strip() == "[]"


def test_table_lists_roles_statements_figures_and_agreements():
    x = launch()
    table = render("table", [x])
    assert table.startswith(f"== {x.article.doc}")
    for r in x.roles:
        assert f"role   {r.person:<6} {r.title} @ {r.org}" in table
    assert table.count("  said   ") == len(x.statements)
    assert table.count("  figure ") == len(x.figures)
    assert table.count("  signed ") == len(x.agreements)


def test_table_shortens_long_statements():
    x = launch()
    x.statements[0].text = "长" * 100
    line = next(line for line in render("table", [x]).splitlines() if "长" in line)
    assert "长" * 59 + "…" in line and "长" * 60 not in line
