"""`kg report`: the store as one self-contained HTML page an analyst opens in a browser.

Per organisation (MVNOs first, then by how much was said about it): who said what about it
(speaker, title, quote, source article with link and date), the figures cited about it, its
statements per month as a small bar chart, and an ego network (the organisation, its people,
the organisations it is mentioned with) laid out by networkx; a search box filters by name.
Everything is inline (CSS, SVG, a few lines of script): the file loads nothing from a network.
"""

from __future__ import annotations

import html
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import networkx as nx

from pipeline.graph import split
from pipeline.language.numbers import natural
from pipeline.storage.store import Store

FONTS = (
    '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", '
    '"WenQuanYi Micro Hei", "Noto Sans", sans-serif'
)  # CJK first: Chinese must render everywhere
NEIGHBOURS = 12  # co-mentioned organisations drawn in an ego network


@dataclass(frozen=True)
class Source:
    """The article a fact comes from."""

    title: str
    url: str
    published: str


@dataclass(frozen=True)
class Said:
    speaker: str  # a person's or organisation's name, else the anonymous source's description
    title: str  # the speaker's title at the organisation in the source article (else anywhere, else known); or ""
    text: str
    source: Source


@dataclass(frozen=True)
class Cited:
    text: str
    value: float
    unit: str
    by: str  # who cited it, "" when no statement does
    source: Source


@dataclass(frozen=True)
class OrgReport:
    name: str
    aliases: tuple[str, ...]
    mvno: bool
    people: tuple[tuple[str, str], ...]  # (person, title) holding a position there
    statements: tuple[Said, ...]
    figures: tuple[Cited, ...]
    months: tuple[tuple[str, int], ...]  # (YYYY-MM, statements), in order
    neighbours: tuple[tuple[str, int], ...]  # (organisation, articles naming both), most first
    speakers: tuple[str, ...]  # people quoted about it


class _Index:
    """The store's graph with lookups by relationship type, both ways."""

    def __init__(self, store: Store):
        self.nodes: dict[str, dict[str, Any]] = {}
        self.labels: dict[str, tuple[str, ...]] = {}
        for n in store.nodes():
            self.nodes[n.id], self.labels[n.id] = n.props, n.labels
        self.out: dict[tuple[str, str], list[tuple[str, dict[str, Any]]]] = defaultdict(list)
        self.into: dict[tuple[str, str], list[tuple[str, dict[str, Any]]]] = defaultdict(list)
        positions: dict[str, tuple[str, str, str]] = {}
        for r in store.rels():
            self.out[(r.start, r.type)].append((r.end, r.props))
            self.into[(r.end, r.type)].append((r.start, r.props))
            if r.type == "HOLDS_POSITION" and r.props.get("title"):
                positions[r.id] = (r.start, r.end, r.props["title"])
        self.held_in: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)  # (article, person) → (org, title)
        for rel, article in store.rel_articles("HOLDS_POSITION"):
            if rel in positions:
                person, org, title = positions[rel]
                self.held_in[(article, person)].add((org, title))

    def of(self, label: str) -> list[str]:
        return [id_ for id_, labels in self.labels.items() if labels[0] == label]

    def name(self, id_: str) -> str:
        return str(self.nodes[id_].get("name", ""))

    def first_article(self, fact: str) -> str | None:
        """The earliest article that contains a statement or figure."""
        found = [a for a, _ in self.into[(fact, "CONTAINS")]]
        found.sort(key=lambda a: (self.nodes[a].get("published", "9999"), self.nodes[a].get("title", ""), a))
        return found[0] if found else None

    def source(self, article: str | None) -> Source:
        a = self.nodes[article] if article else {}
        return Source(str(a.get("title") or a.get("doc") or ""), str(a.get("url", "")), str(a.get("published", "")))

    def speaker(self, statement: str) -> str:
        sayers = [self.name(s) for s, _ in self.into[(statement, "SAID")]]
        return "、".join(sorted(sayers)) or str(self.nodes[statement].get("speaker_desc", ""))

    def titles(self, person: str, org: str, article: str | None) -> str:
        """The person's title at the organisation as the article gives it; else any title it gives;
        else the titles the store knows, there or anywhere."""
        in_article = self.held_in.get((article or "", person), set())
        held = [(o, str(props["title"])) for o, props in self.out[(person, "HOLDS_POSITION")] if props.get("title")]
        for titles in (in_article, held):
            there = sorted({t for o, t in titles if o == org})
            anywhere = sorted({f"{self.name(o)}{t}" for o, t in titles})
            if there or anywhere:
                return "、".join(there or anywhere)
        return ""


def build(store: Store, org: str | None = None) -> list[OrgReport]:
    """The organisations to report on (one, by name or alias, when ``org`` is given), in report order."""
    index = _Index(store)
    orgs = index.of("Organization")
    if org is not None:
        orgs = [o for o in orgs if org == index.name(o) or org in split(index.nodes[o].get("aliases", ""))]
    reports = [_report(index, o) for o in orgs]
    reports = [r for r in reports if org is not None or r.statements or r.figures or r.people]
    return sorted(reports, key=lambda r: (not r.mvno, -len(r.statements), -len(r.figures), r.name))


def _report(index: _Index, org: str) -> OrgReport:
    statements: list[Said] = []
    months: Counter[str] = Counter()
    speakers: list[str] = []
    for stm, _ in index.into[(org, "ABOUT")]:
        sayers = [s for s, _ in index.into[(stm, "SAID")]]
        article = index.first_article(stm)
        title = "、".join(
            t for t in (index.titles(s, org, article) for s in sayers if index.labels[s][0] == "Person") if t
        )
        said = Said(index.speaker(stm), title, str(index.nodes[stm].get("text", "")), index.source(article))
        statements.append(said)
        months[said.source.published[:7] or "undated"] += 1
        speakers += [index.name(s) for s in sayers if index.labels[s][0] == "Person"]
    statements.sort(key=lambda s: (s.source.published, s.speaker, s.text))
    figures: list[Cited] = []
    for fig, _ in index.into[(org, "MEASURES")]:
        props = index.nodes[fig]
        by = "、".join(sorted({index.speaker(s) for s, _ in index.into[(fig, "CITES")]}))
        figures.append(
            Cited(
                str(props.get("text", "")),
                float(props.get("value", 0)),
                str(props.get("unit", "")),
                by,
                index.source(index.first_article(fig)),
            )
        )
    figures.sort(key=lambda f: (f.source.published, f.text))
    people = sorted({(index.name(p), props.get("title", "")) for p, props in index.into[(org, "HOLDS_POSITION")]})
    articles = [a for a, _ in index.into[(org, "MENTIONS")]]
    together = Counter(
        o for a in articles for o, _ in index.out[(a, "MENTIONS")] if o != org and index.labels[o][0] == "Organization"
    )
    neighbours = sorted(((index.name(o), n) for o, n in together.items()), key=lambda x: (-x[1], x[0]))
    props = index.nodes[org]
    return OrgReport(
        index.name(org),
        tuple(sorted(split(props.get("aliases", "")))),
        "MVNO" in index.labels[org],
        tuple(people),
        tuple(statements),
        tuple(figures),
        tuple(sorted(months.items())),
        tuple(neighbours[:NEIGHBOURS]),
        tuple(dict.fromkeys(speakers)),
    )


# --- rendering ---------------------------------------------------------------------------------


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def month_chart(months: Iterable[tuple[str, int]], height: int = 90) -> str:
    """Statements per month as inline SVG bars with their counts; the month is each bar's tooltip and label."""
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
            f'<g><title>{_e(month)}: {n}</title><rect x="{x}" y="{y}" width="{bar}" height="{h}" '
            f'class="bar"/><text x="{x + bar / 2}" y="{height - 4}" class="tick">{_e(month[2:])}</text>'
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
            f'<g class="{cls}"><title>{_e(name)}</title><circle cx="{x}" cy="{y}" r="{radius}"/>'
            f'<text x="{x}" y="{y + radius + 12}">{_e(name)}</text></g>'
        )
    return (
        f'<svg class="ego" viewBox="0 0 {size} {size}" width="{size}" height="{size}" role="img" '
        f'aria-label="ego network of {_e(report.name)}"><g class="edges">{lines}</g>{"".join(dots)}</svg>'
    )


def _value(f: Cited) -> str:
    """A figure's normalised value: 60% for a share (stored as 0.6), 2亿 元 for money."""
    if f.unit == "%":
        return f"{f.value * 100:.4g}%"
    return natural(f.value) + (f" {f.unit}" if f.unit else "")


def _link(source: Source) -> str:
    title = _e(source.title or source.url or "article")
    link = f'<a href="{_e(source.url)}">{title}</a>' if source.url.startswith(("http://", "https://")) else title
    return f'{link} <span class="date">{_e(source.published)}</span>'


def _section(r: OrgReport, number: int) -> str:
    names = " ".join((r.name, *r.aliases))
    badge = ' <span class="badge">MVNO</span>' if r.mvno else ""
    aliases = f'<p class="aliases">also: {_e("、".join(r.aliases))}</p>' if r.aliases else ""
    people = (
        ('<p class="people">people: ' + "、".join(f"{_e(p)} <small>{_e(t)}</small>" for p, t in r.people) + "</p>")
        if r.people
        else ""
    )
    said = "".join(
        f'<tr><td class="who">{_e(s.speaker)}</td><td class="title">{_e(s.title)}</td>'
        f'<td class="quote">{_e(s.text)}</td><td class="src">{_link(s.source)}</td></tr>'
        for s in r.statements
    )
    said_table = (
        (
            f'<h3>Who said what ({len(r.statements)})</h3><table class="said"><thead><tr><th>speaker</th>'
            f"<th>title</th><th>statement</th><th>source</th></tr></thead><tbody>{said}</tbody></table>"
        )
        if r.statements
        else ""
    )
    cited = "".join(
        f'<tr><td>{_e(f.text)}</td><td class="num">{_e(_value(f))}</td><td>{_e(f.by)}</td>'
        f'<td class="src">{_link(f.source)}</td></tr>'
        for f in r.figures
    )
    cited_table = (
        (
            f'<h3>Figures cited ({len(r.figures)})</h3><table class="figures"><thead><tr><th>figure</th>'
            f"<th>value</th><th>cited by</th><th>source</th></tr></thead><tbody>{cited}</tbody></table>"
        )
        if r.figures
        else ""
    )
    chart = month_chart(r.months)
    chart_block = f"<h3>Statements per month</h3>{chart}" if chart else ""
    ego = ego_network(r)
    ego_block = (
        f"<figure>{ego}<figcaption>people (orange) and organisations mentioned with it (blue)</figcaption></figure>"
        if ego
        else ""
    )
    return (
        f'<section class="org" id="org-{number}" data-name="{_e(names)}"><h2>{_e(r.name)}{badge}</h2>'
        f'{aliases}{people}<div class="pictures">{ego_block}<div>{chart_block}</div></div>'
        f"{said_table}{cited_table}</section>"
    )


CSS = """
body { font-family: $FONTS; margin: 0; color: #1d2330; background: #f6f7fb; line-height: 1.5; }
header { position: sticky; top: 0; background: #1d2330; color: #fff; padding: .6em 1.2em; display: flex;
         gap: 1em; align-items: center; z-index: 1; }
header h1 { font-size: 1.1em; margin: 0; flex: 1; }
header input { font: inherit; padding: .3em .6em; width: 18em; border-radius: 4px; border: 0; }
main { padding: 1em 1.2em; max-width: 1200px; margin: auto; }
nav a { margin-right: .8em; white-space: nowrap; }
section.org { background: #fff; border-radius: 6px; padding: .4em 1.2em 1em; margin: 1em 0;
              box-shadow: 0 1px 3px #0002; }
h2 { margin: .4em 0 .2em; } h3 { margin: 1em 0 .3em; font-size: 1em; color: #445; }
.badge { font-size: .6em; background: #d9480f; color: #fff; border-radius: 3px; padding: .1em .4em;
         vertical-align: middle; }
.aliases, .people { margin: .2em 0; color: #556; }
table { border-collapse: collapse; width: 100%; font-size: .92em; }
th, td { text-align: left; vertical-align: top; padding: .3em .5em; border-bottom: 1px solid #e3e6ee; }
td.who { white-space: nowrap; font-weight: 600; } td.num { white-space: nowrap; text-align: right; }
td.src { min-width: 12em; } .date { color: #778; white-space: nowrap; }
.pictures { display: flex; flex-wrap: wrap; gap: 2em; align-items: flex-start; }
figure { margin: 0; } figcaption { font-size: .8em; color: #778; }
svg text { font-family: $FONTS; font-size: 11px; text-anchor: middle; fill: #334; }
svg .bar { fill: #3b6fd4; } svg .tick { font-size: 10px; }
svg .edges line { stroke: #b7c0d4; }
svg .self circle { fill: #d9480f; } svg .person circle { fill: #f59f00; } svg .org circle { fill: #3b6fd4; }
svg .self text { font-weight: 700; }
.hidden { display: none; }
""".replace("$FONTS", FONTS)

SCRIPT = """
const box = document.getElementById('search');
const sections = Array.from(document.querySelectorAll('section.org'));
const links = Array.from(document.querySelectorAll('nav a'));
const count = document.getElementById('shown');
function filter() {
  const q = box.value.trim().toLowerCase();
  let shown = 0;
  sections.forEach((s, i) => {
    const hit = !q || s.dataset.name.toLowerCase().includes(q);
    s.classList.toggle('hidden', !hit);
    links[i].classList.toggle('hidden', !hit);
    if (hit) shown++;
  });
  count.textContent = shown + ' / ' + sections.length;
}
box.addEventListener('input', filter);
filter();
"""


def render(reports: list[OrgReport], title: str = "kg report: who said what about which company") -> str:
    """The whole page."""
    nav = "".join(f'<a href="#org-{i}">{_e(r.name)}</a>' for i, r in enumerate(reports))
    body = "".join(_section(r, i) for i, r in enumerate(reports)) or "<p>No organisation to report on.</p>"
    said = sum(len(r.statements) for r in reports)
    return (
        f'<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{_e(title)}</title>'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><style>{CSS}</style></head>'
        f'<body><header><h1>{_e(title)}</h1><input id="search" type="search" placeholder="filter by name…" '
        f'aria-label="filter organisations by name"><span id="shown"></span></header><main>'
        f"<p>{len(reports)} organisations, {said} statements about them. MVNOs first.</p><nav>{nav}</nav>"
        f"{body}</main><script>{SCRIPT}</script></body></html>\n"
    )


def write(store: Store, path: str, org: str | None = None) -> list[OrgReport]:
    """Write the report to ``path``; returns what it reported on (empty: nothing matched ``org``)."""
    reports = build(store, org)
    with open(path, "w", encoding="utf-8") as f:
        f.write(render(reports))
    return reports
