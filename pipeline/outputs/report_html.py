"""The report as one self-contained HTML page an analyst opens in a browser.

An index of organisations and of people, a card per organisation (who said what about it, the
figures cited, statements per month, its ego network) and per person (what they said), and
every statement in one table. Tables sort by any column and download as CSV; a quote shows the
sentence around it on demand; one search box filters people, organisations and quotes.
Everything is inline (CSS, SVG, the script from ``data/report/``): the file loads nothing from a
network, and every text from the store is escaped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape

from pipeline.language.datafiles import read_text
from pipeline.language.numbers import natural
from pipeline.outputs.report import Cited, OrgReport, PersonReport, Report, Said, Source
from pipeline.outputs.report_svg import ego_network, month_chart

QUESTION = "who said what about which company"


@dataclass(frozen=True)
class Column:
    label: str
    kind: str = ""  # the class of its cells; "num" sorts as numbers
    link: str = ""  # the name of a CSV column added after it: the URL each cell links to


SPEAKER = Column("speaker", "who")
TITLE_COL = Column("title", "title")
ABOUT = Column("about", "about")
QUOTE = Column("statement")
DATE = Column("date")
SOURCE = Column("source", "src", link="url")


def anchor(node_id: str) -> str:
    """An element id for a node (its id is stable, so links into a report survive a rebuild)."""
    return re.sub(r"[^0-9A-Za-z_-]", "-", node_id)


def _csv_name(*parts: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', "_", "-".join(parts)) + ".csv"


def _cell(content: str, kind: str = "", *, sort: str | None = None) -> str:
    """A table cell: its value (to sort by, and in the CSV) is the text of its ``.v`` element if it has one,
    else its text; ``sort`` sorts it by another value (a figure's number)."""
    attrs = f' class="{kind}"' if kind else ""
    attrs += f' data-sort="{escape(sort)}"' if sort is not None else ""
    return f"<td{attrs}>{content}</td>"


def _row(cells: Iterable[str], attrs: str = "") -> str:
    """A table row; ``data-find`` (its kind) in ``attrs`` makes the search box filter it, ``data-for``
    (a card's id) shows it with that card."""
    return f"<tr{attrs}>" + "".join(cells) + "</tr>"


def _table(kind: str, heading: str, file: str, columns: Sequence[Column], rows: Sequence[str]) -> str:
    """A sortable table with its CSV download (of the rows shown, in the order shown)."""
    head = "".join(
        f'<th class="{c.kind}"' + (f' data-link="{escape(c.link)}"' if c.link else "") + ">"
        f'<button type="button">{escape(c.label)}</button></th>'
        for c in columns
    )
    return (
        f'<div class="table"><div class="table-head"><h3>{escape(heading)} ({len(rows)})</h3>'
        f'<button type="button" class="csv" data-file="{escape(file)}" title="download this table as CSV">CSV</button>'
        f'</div><table class="sortable {kind}"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def _count(n: int, one: str, many: str = "") -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"


def _nowrap(text: str) -> str:
    """Titles and names break between themselves, never inside one."""
    return "、".join(f'<span class="nw">{escape(t)}</span>' for t in text.split("、")) if text else ""


def _who(s: Said, people: set[str]) -> str:
    """The speaker: a person's name links to their card; a description (某业内人士…) may wrap."""
    if not s.person:
        return _cell(escape(s.speaker), "who s")
    name = _nowrap(s.speaker)
    return _cell(f'<a href="#{anchor(s.person)}">{name}</a>' if s.person in people else name, "who s")


def _quote(s: Said) -> str:
    """The quote, and the sentence around it behind a click."""
    context = ""
    if s.sentence and s.sentence != s.text:
        before, found, after = s.sentence.partition(s.text)
        inner = f"{escape(before)}<mark>{escape(found)}</mark>{escape(after)}" if found else escape(s.sentence)
        context = f'<details><summary>sentence</summary><p class="sentence">{inner}</p></details>'
    return _cell(f'<span class="q v s">{escape(s.text)}</span>{context}', "quote")


def _source(source: Source) -> list[str]:
    """The date and source cells; only a web address becomes a link."""
    title = escape(source.title or source.url or "article")
    link = f'<a href="{escape(source.url)}">{title}</a>' if source.url.startswith(("http://", "https://")) else title
    return [_cell(escape(source.published), "date"), _cell(link, "src")]


def _value(f: Cited) -> str:
    """A figure's normalised value: 60% for a share (stored as 0.6), 2亿 元 for money."""
    if f.unit == "%":
        return f"{f.value * 100:.4g}%"
    return natural(f.value) + (f" {f.unit}" if f.unit else "")


def _statements(
    kind: str,
    heading: str,
    file: str,
    said: Sequence[Said],
    people: set[str],
    *,
    who: bool,
    about: bool,
    find: bool = False,
) -> str:
    """Statements as a table, with the speaker (``who``) and what they are about (``about``) when it varies;
    ``find``: the search box filters its rows."""
    columns = [*([SPEAKER] if who else []), TITLE_COL, *([ABOUT] if about else []), QUOTE, DATE, SOURCE]
    rows = [
        _row(
            [
                *([_who(s, people)] if who else []),
                _cell(_nowrap(s.title), "title"),
                *([_cell(_nowrap("、".join(s.about)), "about s")] if about else []),
                _quote(s),
                *_source(s.source),
            ],
            ' data-find="statement"' if find else "",
        )
        for s in said
    ]
    return _table(kind, heading, file, columns, rows)


def _figures(r: OrgReport) -> str:
    columns = [Column("figure"), Column("value", "num"), Column("cited by"), DATE, SOURCE]
    rows = [
        _row(
            [
                _cell(escape(f.text)),
                _cell(escape(_value(f)), "num", sort=repr(f.value)),
                _cell(escape(f.by)),
                *_source(f.source),
            ]
        )
        for f in r.figures
    ]
    return _table("figures", "Figures cited", _csv_name(r.name, "figures"), columns, rows)


def _org_card(r: OrgReport, people: set[str]) -> str:
    badge = ' <span class="badge">MVNO</span>' if r.mvno else ""
    aliases = (
        f'<p class="aliases">also: <span class="s">{_nowrap("、".join(r.aliases))}</span></p>' if r.aliases else ""
    )
    staff = "、".join(f'<span class="nw">{escape(p)} <small>{escape(t)}</small></span>' for p, t in r.people)
    facts = f"named in {_count(r.articles, 'article')}" + (f"; people: {staff}" if staff else "")
    said = (
        _statements(
            "said", "Who said what", _csv_name(r.name, "statements"), r.statements, people, who=True, about=False
        )
        if r.statements
        else '<p class="quiet">Nobody in the store has said anything about it yet.</p>'
    )
    chart = month_chart(r.months)
    ego = ego_network(r)
    pictures = (
        f"<figure>{ego}<figcaption>people (orange) and organisations mentioned with it (blue)</figcaption></figure>"
        if ego
        else ""
    ) + (f"<div><h3>Statements per month</h3>{chart}</div>" if chart else "")
    return (
        f'<section class="card org" id="{anchor(r.id)}" data-find="org"><h2><span class="s nw">{escape(r.name)}</span>'
        f'{badge}</h2>{aliases}<p class="facts">{facts}</p><div class="pictures">{pictures}</div>{said}'
        f"{_figures(r) if r.figures else ''}</section>"
    )


def _person_card(p: PersonReport) -> str:
    positions = "、".join(f'<span class="nw">{escape(o)} {escape(t)}</span>' for o, t in p.positions)
    about = "、".join(f'<span class="nw">{escape(o)}</span>' for o in p.about)
    facts = "; ".join(x for x in (positions, f"spoke about {about}" if about else "") if x)
    said = (
        _statements(
            "said", "What they said", _csv_name(p.name, "statements"), p.statements, set(), who=False, about=True
        )
        if p.statements
        else '<p class="quiet">No statement of theirs in the store.</p>'
    )
    return (
        f'<section class="card person" id="{anchor(p.id)}" data-find="person"><h2 class="s nw">{escape(p.name)}</h2>'
        f'<p class="facts s">{facts}</p>{said}</section>'
    )


def _org_index(orgs: Sequence[OrgReport]) -> str:
    columns = [
        Column("organisation", "who"),
        Column("MVNO"),
        *(Column(c, "num") for c in ("articles", "statements", "figures", "people")),
    ]
    rows = [
        _row(
            [
                _cell(f'<a href="#{anchor(r.id)}" class="nw">{escape(r.name)}</a>', "who"),
                _cell("MVNO" if r.mvno else ""),
                *(_cell(str(n), "num") for n in (r.articles, len(r.statements), len(r.figures), len(r.people))),
            ],
            f' data-for="{anchor(r.id)}"',
        )
        for r in orgs
    ]
    return _table("org-index", "Organisations", "organisations.csv", columns, rows)


def _people_index(people: Sequence[PersonReport]) -> str:
    columns = [
        Column("person", "who"),
        Column("positions", "title"),
        Column("statements", "num"),
        Column("spoke about"),
    ]
    rows = [
        _row(
            [
                _cell(f'<a href="#{anchor(p.id)}" class="nw">{escape(p.name)}</a>', "who"),
                _cell(_nowrap("、".join(f"{o}{t}" for o, t in p.positions)), "title"),
                _cell(str(len(p.statements)), "num"),
                _cell(_nowrap("、".join(p.about))),
            ],
            f' data-for="{anchor(p.id)}"',
        )
        for p in people
    ]
    return _table("people-index", "People", "people.csv", columns, rows)


def render(report: Report) -> str:
    """The whole page."""
    people = {p.id for p in report.people}
    about = sum(1 for s in report.statements if s.about)
    summary = (
        f"{_count(len(report.organisations), 'organisation')} (MVNOs first), "
        f"{_count(len(report.people), 'person', 'people')}, "
        f"{_count(len(report.statements), 'statement')} ({about} about an organisation)."
    )
    every = _statements(
        "every", "Every statement", "statements.csv", report.statements, people, who=True, about=True, find=True
    )
    body = (
        f'<p class="summary"><strong>{QUESTION.capitalize()}:</strong> {summary}</p>'
        f'<div class="indexes">{_org_index(report.organisations)}{_people_index(report.people)}</div>'
        f'<h2 class="part" id="organisations">Organisations</h2>'
        f"{''.join(_org_card(r, people) for r in report.organisations)}"
        f'<h2 class="part" id="people">People</h2>{"".join(_person_card(p) for p in report.people)}'
        f'<section id="statements"><h2 class="part">Statements</h2>{every}</section>'
    )
    return (
        f'<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>kg report: {QUESTION}</title>'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<style>{read_text('report/report.css')}</style></head>"
        f'<body><header><h1 title="{QUESTION}">kg report</h1>'
        f'<nav><a href="#organisations">organisations</a><a href="#people">people</a>'
        f'<a href="#statements">statements</a></nav><input id="search" type="search" '
        f'placeholder="search people, organisations, quotes…" aria-label="search people, organisations and quotes">'
        f'<span id="shown" aria-live="polite"></span></header><main>{body}</main>'
        f"<script>{read_text('report/report.js')}</script></body></html>\n"
    )


def write(report: Report, path: str) -> None:
    """Write the page to ``path``."""
    with open(path, "w", encoding="utf-8") as f:
        f.write(render(report))
