"""Assembly: an article's findings become its Extraction, with every name decided once.

Entities gather every mention under one canonical name; a brand family goes
by the name the article uses for it (article_names), and each organisation
keeps the gazetteer's name as its ``key``, which the graph's ids are made of.
Reads: pass 1's ArticleContext and pass 2's findings. Provides: the Extraction.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import replace
from typing import TypeVar

from pipeline.language import grammar, lexicon
from pipeline.recognise import chains
from pipeline.recognise.context import ArticleContext
from pipeline.records import ORG_LABELS, Agreement, Entity, Extraction, Figure, Hit, Mention, Statement

T = TypeVar("T")


def assemble(
    ctx: ArticleContext,
    persons: Sequence[tuple[Hit, ...]],
    statements: list[Statement],
    figures: list[Figure],
    agreements: list[Agreement],
    model_only: bool = False,
) -> Extraction:
    """The Extraction of what the stages found; `persons` are each sentence's people (speech stage)."""
    return _named(
        Extraction(
            article=ctx.article,
            entities=build_entities(ctx, persons, model_only),
            roles=chains.roles(list(ctx.chains)),
            statements=_unique(statements, lambda s: (s.speaker, s.speaker_desc, s.text)),
            figures=_distinct_figures(figures),
            agreements=_unique(agreements, lambda g: (tuple(g.parties), g.counterpart)),
        ),
        article_names(ctx),
    )


def build_entities(
    ctx: ArticleContext,
    persons: Sequence[tuple[Hit, ...]],
    model_only: bool = False,
) -> list[Entity]:
    """One entity per canonical name, with every mention, organisations first.

    In an article the gazetteer, the rules and the model's checked spans decide;
    the model's titles and places are added as they are. With `model_only` (a
    sentence per document, as CLUENER is), the trained model's spans (of their
    known kinds, with the companies it missed: context.read_context) are the
    entities, gazetteer names canonical: on such text it is the better recogniser.
    """
    lex = lexicon.load()
    entities: dict[tuple[str, str], Entity] = {}
    seen: set[tuple[str, str, Mention]] = set()  # a set, not a scan of the mentions: linear in the article

    def add(label: str, name: str, mention: Mention) -> None:
        rec = lex.org(name) if label not in ("PERSON", "POSITION", "LOCATION") else None
        name = rec.name if rec else name
        key = (label, name)
        if key not in entities:
            entities[key] = Entity(
                name,
                label,
                [],
                rec.type if rec else None,
                bool(rec and rec.mvno),
                rec.aliases if rec else (),
                key=name if label in ORG_LABELS else "",
            )
        if (*key, mention) not in seen:
            seen.add((*key, mention))
            entities[key].mentions.append(mention)

    text = ctx.article.text
    for sent in ctx.sentences:
        base = sent.span.start
        for h in sent.model:
            if model_only or h.label in ("POSITION", "LOCATION"):
                add(h.label, h.name, Mention(text[base + h.start : base + h.end], base + h.start, base + h.end))
    if not model_only:
        _add_rule_entities(ctx, persons, add)
    for e in entities.values():
        e.mentions.sort(key=lambda m: m.start)
    order = {"PERSON": 1, "POSITION": 2, "LOCATION": 3}
    return sorted(entities.values(), key=lambda e: (order.get(e.label, 0), e.mentions[0].start))


def _add_rule_entities(
    ctx: ArticleContext, persons: Sequence[tuple[Hit, ...]], add: Callable[[str, str, Mention], None]
) -> None:
    text = ctx.article.text
    for sent in ctx.sentences:
        base = sent.span.start
        for o in sent.orgs:
            add(o.label, o.name, Mention(text[base + o.start : base + o.end], base + o.start, base + o.end))
    named = {o.name for sent in ctx.sentences for o in sent.orgs}
    for o in ctx.outside_orgs:
        if o.name not in named:
            add(o.label, o.name, Mention(text[o.start : o.end], o.start, o.end))
    author = ctx.article.author
    if author:
        pos = max(text.find(author), 0)
        add("PERSON", author, Mention(author, pos, pos + len(author)))
    for p in ctx.outside_persons:
        add("PERSON", p.name, Mention(text[p.start : p.end], p.start, p.end))
    for sent, people_in in zip(ctx.sentences, persons):
        base = sent.span.start
        for p in people_in:
            add("PERSON", p.name, Mention(text[base + p.start : base + p.end], base + p.start, base + p.end))
        for c in sent.chains:
            if c.org is not None and c.title is not None:
                t = c.title
                add("POSITION", t.name, Mention(text[base + t.start : base + t.end], base + t.start, base + t.end))


def article_names(ctx: ArticleContext) -> dict[str, str]:
    """The name each organisation goes by in this article, where it is not the gazetteer's.

    A brand family is one gazetteer entry (小米, 小米移动, 小米科技); an article that
    mostly says 小米移动 calls it that, and so do its facts. Regulators keep their
    official names (工信部 is 工业和信息化部). The entity's ``key`` keeps the gazetteer's.
    """
    lex = lexicon.load()
    forms: dict[str, list[str]] = {}
    for sent in ctx.sentences:
        for o in sent.orgs:
            rec = lex.org(o.name)
            if rec is not None and rec.name == o.name and rec.type != "regulator":
                forms.setdefault(o.name, []).append(_without_tail(o.text))
    names = {}
    for name, seen in forms.items():
        best = max(seen, key=lambda f: (seen.count(f), f == name, -seen.index(f)))
        if best != name and lex.org(best) is not None:
            names[name] = best
    return names


def _without_tail(mention: str) -> str:
    """小米公司 → 小米; not 天音控股 → 天音 where the shorter form is another organisation's (its MVNO arm)."""
    lex = lexicon.load()
    for tail in grammar.load().company_tails:
        short = lex.org(mention[: -len(tail)]) if mention.endswith(tail) else None
        if short and lex.org(mention) in (None, short):
            return mention[: -len(tail)]
    return mention


def _named(x: Extraction, names: dict[str, str]) -> Extraction:
    """Every fact calls an organisation by the name the article uses for it."""
    if not names:
        return x

    def n(name: str | None) -> str | None:
        return names.get(name, name) if name else name

    def n_all(items: list[str]) -> list[str]:
        return [names.get(o, o) for o in items]

    return replace(
        x,
        entities=[replace(e, name=names.get(e.name, e.name)) for e in x.entities],
        roles=[replace(r, org=n(r.org)) for r in x.roles],
        statements=[replace(s, about=n_all(s.about), speaker_org=n(s.speaker_org)) for s in x.statements],
        figures=[replace(f, subject=n(f.subject)) for f in x.figures],
        agreements=[replace(g, parties=n_all(g.parties), counterpart=n(g.counterpart)) for g in x.agreements],
    )


def _distinct_figures(figures: list[Figure]) -> list[Figure]:
    """A figure restated is the same fact: the same text of the same subject, or 约20万个 then 不止20万 (a
    later mention whose unit is only inferred). The same value written otherwise (1亿多户 after 1亿户, or
    after a bare 超过1亿) or of another organisation (甲增长5%, 乙增长5%) is a fact of its own."""

    def written(f: Figure) -> bool:
        return f.unit is not None and (f.unit in f.text or f.unit == "%")

    def restates(f: Figure, g: Figure) -> bool:
        return (f.text, f.subject) == (g.text, g.subject) or not written(f)

    kept: list[Figure] = []
    by_value: dict[float, list[Figure]] = {}
    for f in figures:
        same = by_value.setdefault(f.value, [])
        if not any(restates(f, g) for g in same):
            kept.append(f)
            same.append(f)
    return kept


def _unique(items: list[T], key: Callable[[T], Hashable]) -> list[T]:
    seen: set[Hashable] = set()
    out = []
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out
