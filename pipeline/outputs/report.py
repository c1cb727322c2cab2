"""`kg report`: what the store knows, as records the HTML page (``report_html``) shows.

Three views of one set of statements: per organisation (MVNOs first, then by how much was said
about it) who said what about it, the figures cited and who it is mentioned with; per person what
they said and where they work; and every statement once, including those about no organisation
and those by an unnamed source.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from pipeline.graph import by_alias, near_names, split
from pipeline.storage.store import Store

NEIGHBOURS = 12  # co-mentioned organisations kept for an ego network


class UnknownOrganisation(LookupError):
    """``kg report --org`` named no organisation; ``near`` holds the names it may have meant."""

    def __init__(self, given: str, near: list[str]):
        super().__init__(given)
        self.given, self.near = given, near


@dataclass(frozen=True)
class Source:
    """The article a fact comes from."""

    title: str
    url: str
    published: str


@dataclass(frozen=True)
class Said:
    speaker: str  # a person's or organisation's name, else the anonymous source's description
    person: str  # the speaker's Person node id, "" when not one person
    title: str  # the speaker's title in the source article (at the organisation reported on, if any); or ""
    text: str
    sentence: str  # the sentence around the quote, "" when the store has none
    about: tuple[str, ...]  # the organisations it is about
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
    id: str
    name: str
    aliases: tuple[str, ...]
    mvno: bool
    articles: int  # articles naming it
    people: tuple[tuple[str, str], ...]  # (person, title) holding a position there
    statements: tuple[Said, ...]
    figures: tuple[Cited, ...]
    months: tuple[tuple[str, int], ...]  # (YYYY-MM, statements), in order
    neighbours: tuple[tuple[str, int], ...]  # (organisation, articles naming both), most first
    speakers: tuple[str, ...]  # people quoted about it


@dataclass(frozen=True)
class PersonReport:
    id: str
    name: str
    positions: tuple[tuple[str, str], ...]  # (organisation, title)
    statements: tuple[Said, ...]
    about: tuple[str, ...]  # organisations they spoke about, most first


@dataclass(frozen=True)
class Report:
    organisations: tuple[OrgReport, ...]
    people: tuple[PersonReport, ...]
    statements: tuple[Said, ...]  # each statement once


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

    def is_person(self, id_: str) -> bool:
        return self.labels[id_][0] == "Person"

    def first_article(self, fact: str) -> tuple[str | None, int]:
        """The earliest article that contains a statement or figure, and where in it."""
        found = [(a, int(props.get("start", 0))) for a, props in self.into[(fact, "CONTAINS")]]
        found.sort(key=lambda a: (self.nodes[a[0]].get("published", "9999"), self.nodes[a[0]].get("title", ""), a))
        return found[0] if found else (None, 0)

    def source(self, article: str | None) -> Source:
        a = self.nodes[article] if article else {}
        return Source(str(a.get("title") or a.get("doc") or ""), str(a.get("url", "")), str(a.get("published", "")))

    def sayers(self, statement: str) -> list[str]:
        return [s for s, _ in self.into[(statement, "SAID")]]

    def speaker(self, statement: str) -> str:
        return "、".join(sorted(self.name(s) for s in self.sayers(statement))) or str(
            self.nodes[statement].get("speaker_desc", "")
        )

    def titles(self, person: str, org: str | None, article: str | None) -> str:
        """The person's title at the organisation (any, when ``org`` is None) as the article gives it;
        else any title it gives; else the titles the store knows, there or anywhere."""
        in_article = self.held_in.get((article or "", person), set())
        held = [(o, str(props["title"])) for o, props in self.out[(person, "HOLDS_POSITION")] if props.get("title")]
        for titles in (in_article, held):
            there = sorted({t for o, t in titles if o == org})
            anywhere = sorted({f"{self.name(o)}{t}" for o, t in titles})
            if there or anywhere:
                return "、".join(there or anywhere)
        return ""

    def about(self, statement: str) -> list[str]:
        return [o for o, _ in self.out[(statement, "ABOUT")]]


def build(store: Store, org: str | None = None) -> Report:
    """Every statement, the people who said them and the organisations they concern; with ``org`` (a name
    or alias) only that organisation and what was said about it (UnknownOrganisation when it names none)."""
    index = _Index(store)
    orgs = index.of("Organization")
    statements = index.of("Statement")
    if org is not None:
        names = by_alias((index.name(o), str(index.nodes[o].get("aliases", ""))) for o in orgs)
        if org not in names:
            raise UnknownOrganisation(org, near_names(org, names))
        orgs = [o for o in orgs if index.name(o) == names[org]]
        statements = [s for s in statements if set(index.about(s)) & set(orgs)]
    order = {s: _order(index, s) for s in statements}
    statements.sort(key=order.__getitem__)
    reports = [
        _org(index, o, sorted((s for s, _ in index.into[(o, "ABOUT")] if s in order), key=order.__getitem__))
        for o in orgs
    ]
    reports = [r for r in reports if org is not None or r.mvno or r.statements or r.figures or r.people]
    people = _people(index, statements, orgs if org is not None else None)
    return Report(
        tuple(sorted(reports, key=lambda r: (not r.mvno, -len(r.statements), -len(r.figures), r.name))),
        tuple(sorted(people, key=lambda p: (-len(p.statements), p.name, p.id))),
        tuple(_said(index, s, None) for s in statements),
    )


def _order(index: _Index, statement: str) -> tuple[str, str, int, str]:
    """Statements by date, then article, then where in it they stand."""
    article, start = index.first_article(statement)
    source = index.source(article)
    return source.published, source.title, start, str(index.nodes[statement].get("text", ""))


def _said(index: _Index, stm: str, org: str | None) -> Said:
    article, _ = index.first_article(stm)
    people = [s for s in index.sayers(stm) if index.is_person(s)]
    title = "、".join(t for t in (index.titles(p, org, article) for p in people) if t)
    props = index.nodes[stm]
    return Said(
        index.speaker(stm),
        people[0] if len(people) == 1 else "",
        title,
        str(props.get("text", "")),
        str(props.get("sentence", "")),
        tuple(sorted(index.name(o) for o in index.about(stm))),
        index.source(article),
    )


def _org(index: _Index, org: str, statements: list[str]) -> OrgReport:
    said = [_said(index, s, org) for s in statements]
    months = Counter(s.source.published[:7] or "undated" for s in said)
    speakers = [index.name(p) for s in statements for p in index.sayers(s) if index.is_person(p)]
    figures: list[Cited] = []
    for fig, _ in index.into[(org, "MEASURES")]:
        props = index.nodes[fig]
        by = "、".join(sorted({index.speaker(s) for s, _ in index.into[(fig, "CITES")]}))
        source = index.source(index.first_article(fig)[0])
        figures.append(
            Cited(str(props.get("text", "")), float(props.get("value", 0)), str(props.get("unit", "")), by, source)
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
        org,
        index.name(org),
        tuple(sorted(split(props.get("aliases", "")))),
        "MVNO" in index.labels[org],
        len(set(articles)),
        tuple(people),
        tuple(said),
        tuple(figures),
        tuple(sorted(months.items())),
        tuple(neighbours[:NEIGHBOURS]),
        tuple(dict.fromkeys(speakers)),
    )


def _people(index: _Index, statements: list[str], orgs: list[str] | None) -> list[PersonReport]:
    """Everyone who said one of ``statements``, and (without a statement) everyone holding a position
    at one of ``orgs`` (at any organisation when ``orgs`` is None)."""
    said: dict[str, list[str]] = defaultdict(list)
    for s in statements:
        for p in index.sayers(s):
            if index.is_person(p):
                said[p].append(s)
    placed = [
        p for p in index.of("Person") if any(orgs is None or o in orgs for o, _ in index.out[(p, "HOLDS_POSITION")])
    ]
    reports = []
    for p in dict.fromkeys([*said, *placed]):
        positions = sorted(
            {(index.name(o), str(props.get("title", ""))) for o, props in index.out[(p, "HOLDS_POSITION")]}
        )
        about = Counter(index.name(o) for s in said[p] for o in index.about(s))
        reports.append(
            PersonReport(
                p,
                index.name(p),
                tuple(positions),
                tuple(_said(index, s, None) for s in said[p]),
                tuple(sorted(about, key=lambda o: (-about[o], o))),
            )
        )
    return reports
