"""The graph model: one article's extraction as nodes and relationships.

Ids are stable hashes of what identifies a thing (not of where it was seen),
so re-ingesting an article merges into the same nodes, and the same person,
organisation or republished statement from several articles is one node:

- Organization: its key: the gazetteer's canonical name, recorded by the extraction
  (Entity.key: 小米 for an article that calls it 小米移动), else the name as written.
- Person: name + organisation of the person's first role in the article, or the
  name alone without a role. Namesakes at different companies stay apart, at
  the price that one person quoted with a role in one article and without in
  another becomes two nodes: a wrong merge would pin quotes on the wrong
  person, which is worse than a missed one.
- Statement: its text with whitespace and punctuation stripped, + the speaker,
  so the same quote republished by several outlets is one node.
- Figure: text + value + subject + the statement citing it (else the article).
- Article: url if present, else the doc path.

Properties are GraphML-safe scalars (str, int, float, bool); None is omitted
and multi-valued properties (``aliases``, ``spans``) are "|"-joined strings.
Per-article facts sit on per-article relationships, so every fact traces back
to its article and span: ``CONTAINS {start, end}`` to Statements and Figures,
``MENTIONS {count, spans}`` (spans "start-end|...") to Persons and Organizations.
"""
from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .records import ORG_LABELS, Article, Extraction, Statement

MULTI = "|"  # joins multi-valued properties
MULTI_VALUED = frozenset({"aliases"})  # merged as a union when nodes from several articles meet


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


def merge_props(first: dict[str, Any], second: dict[str, Any]) -> dict[str, Any]:
    """Two views of one node or relationship: ``first`` wins scalars, multi-valued ones unite."""
    merged = dict(second)
    merged.update(first)
    for name in MULTI_VALUED & first.keys() & second.keys():
        merged[name] = join(split(first[name]) | split(second[name]))
    return merged


def _props(**values: Any) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v is not None and v != ""}


class _Builder:
    """Collects one article's nodes and relationships, each once, by id."""

    def __init__(self) -> None:
        self.nodes: dict[str, Node] = {}
        self.rels: dict[str, Rel] = {}

    def node(self, id_: str, labels: tuple[str, ...], props: dict[str, Any]) -> str:
        old = self.nodes.get(id_)
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


def article_graph(extraction: Extraction) -> tuple[list[Node], list[Rel]]:
    """One article's extraction in the graph model (module docstring: ids and properties)."""
    a = extraction.article
    g = _Builder()
    art = g.node(article_id(article_key(a)), ("Article",), _props(
        url=a.url, title=a.title, author=a.author, published=a.time, sha256=article_sha(a), doc=a.doc))

    keys = _org_keys(extraction)
    employer: dict[str, str] = {}
    for role in extraction.roles:
        if role.org:
            employer.setdefault(_norm(role.person), keys(role.org))
    orgs = {keys(e.name): e for e in extraction.entities if e.label in ORG_LABELS}

    def org(name: str) -> str:
        key = keys(name)
        e = orgs.get(key)
        if e is None:
            return g.node(org_id(key), ("Organization",), {"name": key})
        aliases = set(e.aliases) | {m.text for m in e.mentions}
        aliases.discard(e.name)
        return g.node(org_id(key), ("Organization", "MVNO") if e.mvno else ("Organization",), _props(
            name=key, type=e.type or e.label.lower(), aliases=join(aliases)))

    def person(name: str) -> str:
        return g.node(person_id(name, employer.get(_norm(name))), ("Person",), {"name": _norm(name)})

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
            g.rel("HOLDS_POSITION", person(role.person), org(role.org), {"title": role.title}, key=role.title)

    sentences: list[tuple[str, int, int]] = []
    for s in extraction.statements:
        speaker = person(s.speaker) if s.speaker else org(s.speaker_org) if s.speaker_org else None
        speaker_key = speaker or ("desc:" + _bare(s.speaker_desc) if s.speaker_desc else "")
        stm = g.node(_hash("stm:", _bare(s.text), speaker_key), ("Statement",), _props(
            text=s.text, cue=s.cue, speaker_desc=s.speaker_desc, sentence=s.sentence, start=s.start, end=s.end))
        g.rel("CONTAINS", art, stm, {"start": s.start, "end": s.end})
        if speaker:
            g.rel("SAID", speaker, stm)
        for name in s.about:
            g.rel("ABOUT", stm, org(name))
        sentences.append((stm, *_sentence_span(s)))

    for f in extraction.figures:
        citing = [stm for stm, start, end in sentences if start <= f.start and f.end <= end]
        subject = org(f.subject) if f.subject else None
        fig = g.node(_hash("fig:", _bare(f.text), float(f.value), subject, citing[0] if citing else art),
                     ("Figure",), _props(text=f.text, value=float(f.value), unit=f.unit, start=f.start, end=f.end))
        g.rel("CONTAINS", art, fig, {"start": f.start, "end": f.end})
        for stm in citing:
            g.rel("CITES", stm, fig)
        if subject:
            g.rel("MEASURES", fig, subject)

    for agreement in extraction.agreements:
        for left, right in _signatories([keys(p) for p in agreement.parties],
                                        keys(agreement.counterpart) if agreement.counterpart else None, orgs):
            g.rel("SIGNED_AGREEMENT", org(left), org(right), _props(date=agreement.date))

    return list(g.nodes.values()), list(g.rels.values())


def _org_keys(extraction: Extraction) -> Callable[[str], str]:
    """An organisation's key from the name the extraction calls it by (its entity's key, else the name)."""
    keys = {_norm(e.name): _norm(e.key) for e in extraction.entities if e.label in ORG_LABELS and e.key}
    return lambda name: keys.get(_norm(name), _norm(name))


def _signatories(parties: list[str], counterpart: str | None, orgs: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Who signed with whom (by key): each party with the counterpart when that is a known
    organisation (e.g. a carrier), else every pair of parties (in name order)
    when several sign together; a group counterpart such as 三基础运营商 is no node."""
    names = sorted(set(parties))
    if counterpart and counterpart in orgs:
        other = counterpart
        return [(p, other) for p in names if p != other]
    return [(x, y) for i, x in enumerate(names) for y in names[i + 1:]]
