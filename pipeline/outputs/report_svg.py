"""The report's pictures as inline SVG: statements per month and an organisation's ego network."""

from __future__ import annotations

import math
from collections.abc import Iterable
from html import escape

import networkx as nx

from pipeline.outputs.report import OrgReport


def month_chart(months: Iterable[tuple[str, int]], height: int = 90) -> str:
    """Statements per month as bars with their counts; the month is each bar's tooltip and label."""
    months = list(months)
    if not months:
        return ""
    top, bar, gap, foot, head = max(n for _, n in months), 30, 8, 16, 14
    width = len(months) * (bar + gap) + gap
    bars = []
    for i, (month, n) in enumerate(months):
        h = max(2, round((height - foot - head) * n / top))
        x, y = gap + i * (bar + gap), height - foot - h
        bars.append(
            f'<g><title>{escape(month)}: {n}</title><rect x="{x}" y="{y}" width="{bar}" height="{h}" '
            f'class="bar"/><text x="{x + bar / 2}" y="{height - 4}" class="tick">{escape(month[2:])}</text>'
            f'<text x="{x + bar / 2}" y="{y - 3}" class="tick">{n}</text></g>'
        )
    return (
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        f'aria-label="statements per month">{"".join(bars)}</svg>'
    )


def ego_network(report: OrgReport, size: int = 420) -> str:
    """The organisation, its people and the organisations it is mentioned with, laid out by networkx."""
    g = nx.Graph()
    g.add_node(("org", report.name))
    for person in dict.fromkeys([p for p, _ in report.people] + list(report.speakers)):
        g.add_edge(("org", report.name), ("person", person))
    for other, n in report.neighbours:
        g.add_edge(("org", report.name), ("org", other), weight=n)
    if g.number_of_nodes() == 1:
        return ""
    pos = nx.spring_layout(g, seed=7, center=(0, 0))
    pos[("org", report.name)] = (0.0, 0.0)
    scale = max(max(abs(x), abs(y)) for x, y in pos.values()) or 1.0
    pad = 60

    def xy(node: tuple[str, str]) -> tuple[float, float]:
        x, y = pos[node]
        return round(size / 2 + (size / 2 - pad) * x / scale, 1), round(size / 2 + (size / 2 - pad) * y / scale, 1)

    lines = "".join(
        f'<line x1="{xy(a)[0]}" y1="{xy(a)[1]}" x2="{xy(b)[0]}" y2="{xy(b)[1]}" '
        f'stroke-width="{1 + math.log1p(d.get("weight", 1))}"/>'
        for a, b, d in g.edges(data=True)
    )
    dots = []
    for node in g.nodes:
        kind, name = node
        x, y = xy(node)
        cls = "self" if node == ("org", report.name) else kind
        radius = 14 if cls == "self" else 8
        dots.append(
            f'<g class="{cls}"><title>{escape(name)}</title><circle cx="{x}" cy="{y}" r="{radius}"/>'
            f'<text x="{x}" y="{y + radius + 12}">{escape(name)}</text></g>'
        )
    return (
        f'<svg class="ego" viewBox="0 0 {size} {size}" width="{size}" height="{size}" role="img" '
        f'aria-label="ego network of {escape(report.name)}"><g class="edges">{lines}</g>{"".join(dots)}</svg>'
    )
