"""The graph model: one article's extraction as nodes and relationships.

Ids are stable hashes of what identifies a thing (not of where it was seen),
so re-ingesting an article merges into the same nodes, and the same person,
organisation or republished statement from several articles is one node:

- Organization: its key: the gazetteer's canonical name, recorded by the extraction
  (Entity.key: 小米 for an article that calls it 小米移动), else the name as written.
  Adding an alias to the gazetteer changes no key, so no id.
- Person: name + the key of the organisation of the person's first role in the
  article. A name the article gives no organisation joins the Person of that
  name other articles place at an organisation when exactly one such
  organisation is known (``known``, kept by the store across articles, so the
  result does not depend on ingest order); else it is the name alone.
  Namesakes at different companies stay apart, and a name without context is
  not guessed between them: a wrong merge would pin quotes on the wrong person.
- Statement: its text with whitespace and punctuation stripped, + the speaker,
  so the same quote republished by several outlets is one node.
- Figure: text + value + subject + the statement citing it (else the article).
- Article: url if present, else the doc path.

Dates: ``Article.published`` is ISO (2014-09-26, or 2014-09 / 2014 as
``published_precision`` says; ``dates.py``), with ``published_raw`` as the front
matter wrote it and ``published_source`` saying where it was read. Statements and
Figures carry their article's ``published`` (the earliest, when several articles
share the node). A Figure's ``metric`` (用户, 营收…) and ``period`` (2015-H1,
as of 2015-12-31) are read from its clause (``metrics.py``);
``HOLDS_POSITION {title, tense, first_seen, last_seen}`` (tense: 时任 then,
原/前/曾任 former, 现任 current, 新任 new; ``tense.py``; one relationship per
title and tense) spans the
dates of the articles that give the title, so a person's titles over time read
in order.

Properties are GraphML-safe scalars (str, int, float, bool); None is omitted
and multi-valued properties (``aliases``, ``spans``) are "|"-joined strings.
Per-article facts sit on per-article relationships, so every fact traces back
to its article and span: ``CONTAINS {start, end}`` to Statements and Figures,
``MENTIONS {count, spans}`` (spans "start-end|...") to Persons and Organizations.
Reads: an Article and its Extraction. Provides: nodes and relationships with stable ids.
"""

from __future__ import annotations

import difflib
import hashlib
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any

from pipeline.language import tense
from pipeline.read import dates
from pipeline.read.clean import normalise
from pipeline.read.script import in_simplified
from pipeline.records import ORG_LABELS, Article, Entity, Extraction, Statement
from pipeline.relate import metrics

MULTI = "|"  # joins multi-valued properties
MULTI_VALUED = frozenset({"aliases"})  # merged as a union when nodes from several articles meet
EARLIEST = frozenset({"published", "first_seen"})  # merged as the earliest (ISO dates sort as text)
LATEST = frozenset({"last_seen"})  # merged as the latest


@dataclass(frozen=True)
class Node:
    id: str
    labels: tuple[str, ...]  # primary label first, e.g. ("Organization", "MVNO")
    props: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class Rel:
    id: str
    type: str
    start: str  # Node.id
    end: str  # Node.id
    props: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


def _hash(prefix: str, *parts: object) -> str:
    text = "\x1f".join("" if p is None else str(p) for p in parts)
    return prefix + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def _norm(name: str) -> str:
    return unicodedata.normalize("NFKC", name).strip()


def _bare(text: str) -> str:
    """Text reduced to what survives republication: no spaces, punctuation or width."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(c for c in folded if unicodedata.category(c)[0] not in "PZC")


def article_key(article: Article) -> str:
    """What identifies an article across runs: an edited file keeps its key."""
    return article.url or article.doc


def article_sha(article: Article) -> str:
    return hashlib.sha256(article.text.encode("utf-8")).hexdigest()


def article_id(key: str) -> str:
    return _hash("art:", key)


def org_id(key: str) -> str:
    """``key``: the organisation's Entity.key (its name when it has none)."""
    return _hash("org:", _norm(key))


def person_name(name: str) -> str:
    """A person's name as Person ids and the store's people tables read it."""
    return _norm(name)


def person_id(name: str, org: str | None) -> str:
    """``org``: the key of the organisation of the person's first role, if any."""
    return _hash("per:", _norm(name), _norm(org) if org else "")


def rel_id(type_: str, start: str, end: str, key: str = "") -> str:
    """``key`` tells apart parallel relationships, e.g. two titles held at one organisation."""
    return _hash("rel:", type_, start, end, key)


def join(values: Iterable[str]) -> str:
    return MULTI.join(sorted(set(values)))


def split(value: str) -> set[str]:
    return set(value.split(MULTI)) if value else set()


def by_alias(named: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Each name and alias (a node's ``name`` and "|"-joined ``aliases``) → the name it belongs to."""
    return {alias: name for name, aliases in named for alias in [name, *aliases.split(MULTI)] if alias}


def near_names(given: str, names: Mapping[str, str], limit: int = 5) -> list[str]:
    """Names (``by_alias``) that contain, are contained in, or look like ``given``; each once, by its closest
    alias (shown with the name: 苏宁互联 (苏宁)): the hint when a name the user typed matches nothing."""

    def shown(alias: str) -> str:
        return alias if names[alias] == alias else f"{names[alias]} ({alias})"

    def score(alias: str) -> float:  # 1 and more for containment, else how alike the characters are
        return (given in alias or alias in given) + difflib.SequenceMatcher(None, given, alias).ratio()

    best: dict[str, str] = {}  # name → its closest alias
    for alias in sorted((a for a in names if score(a) >= 0.5), key=lambda a: (-score(a), a)):
        best.setdefault(names[alias], alias)
    return [shown(alias) for alias in best.values()][:limit]


def merge_props(first: dict[str, Any], second: dict[str, Any]) -> dict[str, Any]:
    """Two views of one node or relationship: ``first`` wins scalars, multi-valued ones unite,
    dates keep the earliest (a statement republished is dated by its first article)."""
    merged = dict(second)
    merged.update(first)
    for name in MULTI_VALUED & first.keys() & second.keys():
        merged[name] = join(split(first[name]) | split(second[name]))
    for name in EARLIEST & first.keys() & second.keys():
        merged[name] = min(first[name], second[name])
    for name in LATEST & first.keys() & second.keys():
        merged[name] = max(first[name], second[name])
    return merged


def label_props(node: Node) -> dict[str, Any]:
    """What a node's secondary labels say, as properties for the outputs (Neo4j, GraphML, JSON):
    ``mvno`` true or false on every organisation, so a style, a table or Gephi's filter can use it."""
    return {"mvno": "MVNO" in node.labels} if node.labels[0] == "Organization" else {}


def _props(**values: Any) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v is not None and v != ""}


class _Builder:
    """Collects one article's nodes and relationships, each once, by id."""

    def __init__(self) -> None:
        self.nodes: dict[str, Node] = {}
        self.rels: dict[str, Rel] = {}

    def node(self, id_: str, labels: tuple[str, ...], props: dict[str, Any]) -> str:
        old = self.nodes.get(id_)
        if old is not None and old.props is props and set(labels) <= set(old.labels):
            return id_  # an organisation named again: merging its aliases once per mention would be quadratic
        if old is not None:
            labels = old.labels + tuple(l for l in labels if l not in old.labels)
            props = merge_props(old.props, props)
        self.nodes[id_] = Node(id_, labels, props)
        return id_

    def rel(self, type_: str, start: str, end: str, props: dict[str, Any] | None = None, key: str = "") -> None:
        id_ = rel_id(type_, start, end, key)
        if id_ not in self.rels:
            self.rels[id_] = Rel(id_, type_, start, end, props or {})


def _sentence_span(s: Statement) -> tuple[int, int]:
    """The statement's sentence in article offsets (Statement keeps only its text's span)."""
    at = s.sentence.find(s.text) if s.sentence else -1
    if at < 0:
        return s.start, s.end
    return s.start - at, s.start - at + len(s.sentence)


@dataclass(frozen=True)
class People:
    """Who an article names, as the graph identifies people across articles."""

    employer: dict[str, str]  # name → the key of the organisation of the person's first role in the article
    bare: frozenset[str]  # names the article gives no organisation (a quote, a byline, a title alone)
    # name → (title, organisation key, tense) of each role
    roles: dict[str, list[tuple[str | None, str | None, str | None]]]


def people(extraction: Extraction) -> People:
    """The people of one article: those with an organisation, and those without one."""
    keys = _org_keys(extraction)
    employer: dict[str, str] = {}
    roles: dict[str, list[tuple[str | None, str | None, str | None]]] = {}
    for role in extraction.roles:
        name = _norm(role.person)
        roles.setdefault(name, []).append((role.title, keys(role.org) if role.org else None, role.tense))
        if role.org:
            employer.setdefault(name, keys(role.org))
    named = {e.name for e in extraction.entities if e.label == "PERSON"} | {r.person for r in extraction.roles}
    named |= {s.speaker for s in extraction.statements if s.speaker}
    if extraction.article.author:
        named.add(extraction.article.author)
    return People(employer, frozenset(_norm(n) for n in named) - employer.keys(), roles)


def employers(placed: Iterable[tuple[str, str]]) -> dict[str, str]:
    """The organisation each name is known at, over (name, organisation key) pairs from every article, for the
    names known at exactly one: ``article_graph``'s ``known`` (namesakes at two organisations join neither)."""
    orgs: dict[str, set[str]] = {}
    for name, org in placed:
        orgs.setdefault(name, set()).add(org)
    return {name: min(found) for name, found in orgs.items() if len(found) == 1}


Claim = tuple[str, str, float]  # (figure id, article id, value)


def figure_claim(
    figure: str, article: str, props: Mapping[str, Any], subject: str | None
) -> tuple[tuple[str, str, str], Claim] | None:
    """What one article's Figure claims, keyed by (subject, metric, period); None for a figure without all three
    (it is never compared)."""
    if not subject or not props.get("metric") or not props.get("period"):
        return None
    return (subject, props["metric"], props["period"]), (figure, article, props["value"])


def contradicted(claims: Iterable[Claim]) -> bool:
    """Whether claims on one subject, metric and period give different values in different articles."""
    found = list(claims)
    return any(a1 != a2 and v1 != v2 for _, a1, v1 in found for _, a2, v2 in found)


def disputes(figures: Iterable[tuple[str, str, Mapping[str, Any]]], subjects: Mapping[str, str]) -> list[list[str]]:
    """Figures that disagree, from every article's (figure id, article id, props) and each figure's subject
    (its MEASURES end): the sorted ids of each group of ``contradicted`` claims, sorted."""
    groups: dict[tuple[str, str, str], list[Claim]] = {}
    for fid, aid, props in figures:
        claim = figure_claim(fid, aid, props, subjects.get(fid))
        if claim is not None:
            groups.setdefault(claim[0], []).append(claim[1])
    return sorted(sorted({fid for fid, _, _ in found}) for found in groups.values() if contradicted(found))


def _speaking_as(found: People, speaker: str | None) -> tuple[str | None, str | None, str | None]:
    """(title, organisation, tense) the article gives a speaker: the first role at their employer, else any."""
    roles = found.roles.get(_norm(speaker), []) if speaker else []
    employer = found.employer.get(_norm(speaker)) if speaker else None
    return next(
        ((tense.read("", 0, t)[1] if t else None, o, w) for t, o, w in roles if o == employer), (None, None, None)
    )


def article_graph(extraction: Extraction, known: Mapping[str, str] | None = None) -> tuple[list[Node], list[Rel]]:
    """One article's extraction in the graph model (module docstring: ids and properties).

    ``known`` gives, for a name this article mentions without an organisation, the
    organisation of the one Person of that name other articles know (Store keeps it).
    """
    a = extraction.article
    known = known or {}
    g = _Builder()
    when = dates.published(a.time, a.url, a.text)
    day = when.date if when else None
    dated = {"published": day, "published_precision": when.precision, "published_source": when.source} if when else {}
    art = g.node(
        article_id(article_key(a)),
        ("Article",),
        _props(
            url=a.url,
            title=a.title,
            author=a.author,
            **dated,
            published_raw=a.time or (when.raw if when else None),
            sha256=article_sha(a),
            doc=a.doc,
        ),
    )

    keys = _org_keys(extraction)
    found = people(extraction)
    employer = found.employer
    orgs = {keys(e.name): e for e in extraction.entities if e.label in ORG_LABELS}
    org_props = {key: _org_props(key, e) for key, e in orgs.items()}  # once each, not per mention of one

    def org(name: str) -> str:
        key = keys(name)
        e = orgs.get(key)
        if e is None:
            return g.node(org_id(key), ("Organization",), {"name": key})
        return g.node(org_id(key), ("Organization", "MVNO") if e.mvno else ("Organization",), org_props[key])

    def person(name: str) -> str:
        name = _norm(name)
        return g.node(person_id(name, employer.get(name) or known.get(name)), ("Person",), {"name": name})

    for e in extraction.entities:
        if e.label == "PERSON":
            target = person(e.name)
        elif e.label in ORG_LABELS:
            target = org(e.name)
        else:
            continue
        spans = MULTI.join(f"{m.start}-{m.end}" for m in sorted(e.mentions, key=lambda m: m.start))
        g.rel("MENTIONS", art, target, _props(count=len(e.mentions), spans=spans))

    if a.author:
        g.rel("WRITTEN_BY", art, person(a.author))
    for role in extraction.roles:
        if role.org:
            title = tense.read("", 0, role.title)[1] if role.title else None  # 前董事长: the tense is its own property
            g.rel(
                "HOLDS_POSITION",
                person(role.person),
                org(role.org),
                _props(title=title, tense=role.tense, first_seen=day, last_seen=day),
                key=(title or "") + (f"|{role.tense}" if role.tense else ""),
            )

    sentences: list[tuple[str, int, int]] = []
    for s in extraction.statements:
        speaker = person(s.speaker) if s.speaker else org(s.speaker_org) if s.speaker_org else None
        speaker_key = speaker or ("desc:" + _bare(s.speaker_desc) if s.speaker_desc else "")
        as_title, as_org, as_tense = _speaking_as(found, s.speaker)
        stm = g.node(
            _hash("stm:", _bare(s.text), speaker_key),
            ("Statement",),
            _props(
                text=s.text,
                cue=s.cue,
                speaker_desc=s.speaker_desc,
                sentence=s.sentence,
                start=s.start,
                end=s.end,
                published=day,
                speaker_title=as_title,
                speaker_org=as_org,
                speaker_tense=as_tense,
            ),
        )
        g.rel("CONTAINS", art, stm, {"start": s.start, "end": s.end})
        if speaker:
            g.rel("SAID", speaker, stm)
        for name in s.about:
            g.rel("ABOUT", stm, org(name))
        sentences.append((stm, *_sentence_span(s)))

    text = normalise(in_simplified(a.text)) if extraction.figures else ""
    year = int(day[:4]) if day else None
    holding = _holders(sentences)
    for f in extraction.figures:
        citing = holding(f.start, f.end)
        subject = org(f.subject) if f.subject else None
        fig = g.node(
            _hash("fig:", _bare(f.text), float(f.value), subject, citing[0] if citing else art),
            ("Figure",),
            _props(
                text=f.text,
                value=float(f.value),
                unit=f.unit,
                start=f.start,
                end=f.end,
                published=day,
                metric=metrics.metric(text, f.start, f.end),
                period=metrics.period(text, f.start, year),
            ),
        )
        g.rel("CONTAINS", art, fig, {"start": f.start, "end": f.end})
        for stm in citing:
            g.rel("CITES", stm, fig)
        if subject:
            g.rel("MEASURES", fig, subject)

    for agreement in extraction.agreements:
        for left, right in _signatories(
            [keys(p) for p in agreement.parties], keys(agreement.counterpart) if agreement.counterpart else None, orgs
        ):
            signed = dates.in_article(agreement.date, when) if agreement.date else None
            g.rel(
                "SIGNED_AGREEMENT",
                org(left),
                org(right),
                _props(date=signed.date if signed else None, date_raw=agreement.date),
            )

    return list(g.nodes.values()), list(g.rels.values())


def _holders(sentences: list[tuple[str, int, int]]) -> Callable[[int, int], list[str]]:
    """``holding(start, end)``: the statements (in order) whose sentence span holds that span.

    Spans are sorted by start with a running maximum of their ends, so a look-up walks back only over
    the spans that can still reach it (sentences barely overlap): linear in the article where a scan
    of every statement per figure is quadratic.
    """
    spans = sorted(enumerate(sentences), key=lambda p: p[1][1])
    starts = [s for _, (_, s, _) in spans]
    reach = list(accumulate((e for _, (_, _, e) in spans), max))

    def holding(start: int, end: int) -> list[str]:
        found = []
        i = bisect_right(starts, start) - 1
        while i >= 0 and reach[i] >= end:
            order, (stm, _, stm_end) = spans[i]
            if end <= stm_end:
                found.append((order, stm))
            i -= 1
        return [stm for _, stm in sorted(found)]

    return holding


def _org_props(key: str, e: Entity) -> dict[str, Any]:
    aliases = set(e.aliases) | {m.text for m in e.mentions}
    aliases.discard(e.name)
    return _props(name=key, type=e.type or e.label.lower(), aliases=join(aliases))


def _org_keys(extraction: Extraction) -> Callable[[str], str]:
    """An organisation's key from the name the extraction calls it by (its entity's key, else the name)."""
    keys = {_norm(e.name): _norm(e.key) for e in extraction.entities if e.label in ORG_LABELS and e.key}
    return lambda name: keys.get(_norm(name), _norm(name))


def _signatories(parties: list[str], counterpart: str | None, orgs: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Who signed with whom (by key): each party with the counterpart, when that is an organisation
    the article names. Parties on one side signed with the other side, not with each other, and a
    group counterpart (三基础运营商, 8家企业) names no one: then no edge rather than a guess."""
    if not counterpart or counterpart not in orgs:
        return []
    return [(p, counterpart) for p in sorted(set(parties)) if p != counterpart]
