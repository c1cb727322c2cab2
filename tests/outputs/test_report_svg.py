"""The report's pictures: inline SVG with a bar per month and a dot per node of the ego network."""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.outputs.report import OrgReport
from pipeline.outputs.report_svg import ego_network, month_chart

ORG = OrgReport(
    id="org:1",
    name="苏宁互联",
    aliases=("苏宁",),
    mvno=True,
    articles=2,
    people=(("王帅", "副总经理"),),
    statements=(),
    figures=(),
    months=(("2014-09", 3), ("2015-01", 1)),
    neighbours=(("京东", 2), ("<b>国美</b>", 1)),
    speakers=("王帅", "韩磊"),
)


def test_a_bar_per_month_scaled_to_the_busiest():
    chart = month_chart(ORG.months)
    assert chart.startswith("<svg") and chart.count("<rect") == 2
    heights = [float(h) for h in re.findall(r'height="([\d.]+)"', chart)[1:]]
    assert heights[0] > heights[1] * 2
    assert month_chart([]) == ""


def test_the_ego_network_draws_each_person_and_neighbour_once_with_names_escaped():
    ego = ego_network(ORG)
    assert ego.startswith("<svg") and ego.count("<circle") == 1 + 2 + 2
    assert "<b>" not in ego and "&lt;b&gt;国美" in ego
    assert ego_network(replace(ORG, people=(), neighbours=(), speakers=())) == ""
