"""Why the graph has the Person nodes it has for a name: the evidence behind every merge.

A person's mentions in different articles are one Person when the articles place
the name at the same organisation, or when an article names them without any
organisation and exactly one organisation is known for the name (graph.py). This
module reads the store's record of both and says, for each Person of a name,
which articles tied which mentions to it and why.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.graph import person_id, person_name
from pipeline.storage.store import Store


@dataclass(frozen=True)
class Source:
    article: str  # the article's title, else its URL or file
    published: str | None
    evidence: str  # what in the article tied the mention to the person


@dataclass
class PersonExplained:
    id: str
    name: str
    org: str | None
    sources: list[Source] = field(default_factory=list)
    reason: str = ""  # why mentions without an organisation did or did not join


def person(store: Store, name: str) -> list[PersonExplained]:
    """Every Person named ``name`` (after canonical folding), with its sources; [] if the name is unknown."""
    name = person_name(name)
    placed, bare = store.person_sources(name)
    orgs = sorted({org for _, _, org, _ in placed})
    out = []
    for org in orgs:
        p = PersonExplained(person_id(name, org), name, org)
        for article, published, where, titles in placed:
            if where == org:
                p.sources.append(
                    Source(article, published, f"named at {org}" + (f" as {'、'.join(titles)}" if titles else ""))
                )
        out.append(p)
    if bare and len(orgs) == 1:
        out[0].sources += [Source(a, d, "named without an organisation") for a, d in bare]
        out[0].reason = f"mentions without an organisation joined: {orgs[0]} is the only organisation known for {name}"
    elif bare:
        p = PersonExplained(
            person_id(name, None), name, None, [Source(a, d, "named without an organisation") for a, d in bare]
        )
        p.reason = (
            "no article places this name at an organisation"
            if not orgs
            else f"not joined: {len(orgs)} organisations are known for {name} ({'、'.join(orgs)}), namesakes stay apart"
        )
        out.append(p)
    for p in out:
        p.sources.sort(key=lambda s: (s.published or "9999", s.article))
    return out


def lines(explained: list[PersonExplained]) -> list[str]:
    """As ``kg explain person`` prints it."""
    out = []
    for p in explained:
        out.append(f"{p.name} ({p.org or 'no organisation'}) {p.id}")
        out += [f"  {s.published or 'undated':10}  {s.article}: {s.evidence}" for s in p.sources]
        if p.reason:
            out.append(f"  {p.reason}")
    return out
