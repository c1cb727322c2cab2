"""Pass 1 over an article: what each sentence names, frozen for the relation stages.

Organisations (with the short names the article defines as it goes), titles
and title chains, anonymous sources and the model's spans, so that every
person introduced anywhere is known before speech is attributed; and the
organisations and bylined people named only outside the kept sentences.
Reads: an Article and the NER's spans. Provides: the frozen ArticleContext (SentenceFacts per sentence).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import cached_property

from pipeline.language import grammar, lexicon, segment
from pipeline.read.clean import normalise, windows
from pipeline.recognise import chains
from pipeline.recognise.anonymous import anonymous_sources
from pipeline.recognise.chains import Chain
from pipeline.recognise.lines_rules import known_company_mentions, known_kinds, registered_names, with_missed
from pipeline.recognise.model import model_organisations
from pipeline.recognise.names import model_persons
from pipeline.recognise.organisations import defined_short_names, organisations
from pipeline.recognise.titles import titles
from pipeline.records import Article, Hit, Span

# The outside pass reads the body in pieces of at most this many characters (cut at a line break where
# there is one): the pass costs the same per piece however long the article.
OUTSIDE_PIECE = 20_000


@dataclass(frozen=True)
class SentenceFacts:
    """One sentence's hits, offsets into the sentence (its span's text)."""

    span: Span
    orgs: list[Hit]
    chains: list[Chain]
    anons: list[Hit]
    model: list[Hit]  # the trained NER's spans


@dataclass(frozen=True)
class ArticleContext:
    """Everything pass 1 found in an article; the relation stages read it and change nothing."""

    article: Article
    sentences: tuple[SentenceFacts, ...]
    chains: tuple[Chain, ...]
    references: dict[str, str]  # 王总 → 王帅 (chains.reference_forms)
    known_persons: tuple[str, ...]  # every person named, in the order first named
    outside_orgs: tuple[Hit, ...]  # article offsets
    outside_persons: tuple[Hit, ...]  # article offsets

    def employer(self, person: str, label: str | None = None) -> str | None:
        """The organisation a title chain gives the person (of that label, when one is named)."""
        return next((org.name for org in self._employers.get(person, ()) if label in (None, org.label)), None)

    @cached_property
    def org_names(self) -> tuple[str, ...]:
        """Every organisation the article names, once each, in the order first named: read per statement."""
        return tuple(dict.fromkeys(o.name for s in self.sentences for o in s.orgs))

    @cached_property
    def _employers(self) -> dict[str, list[Hit]]:
        """Each person's organisations in chain order: looked up per statement, so not a scan of every chain."""
        found: dict[str, list[Hit]] = {}
        for c in self.chains:
            if c.org:
                found.setdefault(c.person.name, []).append(c.org)
        return found


def read_context(
    article: Article,
    spans: list[Span],
    model: list[list[Hit]],
    sentence_mode: bool = False,
) -> ArticleContext:
    """Pass 1 over the article's sentences and the NER's hits in each (extract.extract: `sentence_mode`)."""
    sentences: list[SentenceFacts] = []
    short_names: dict[str, Hit] = {}  # 以下简称“华信智联”, for the rest of the article
    last_org: Hit | None = None  # the organisation 该公司 would refer to so far
    named_before: list[Hit] = []  # the organisations the sentences so far named, in order
    last_person: Hit | None = None  # the person 他 in 他曾任… would refer to so far
    last_ministry: Hit | None = None  # the ministry 部/我部 would stand for so far
    known_so_far: list[str] = []  # the persons named so far
    for span, model_hits in zip(spans, model):
        bounds = segment.boundaries(span.text)
        orgs = organisations(span.text, bounds, short_names)
        short_names = {**short_names, **defined_short_names(span.text, orgs)}
        if sentence_mode:
            model_hits = with_missed(
                known_kinds(model_hits), registered_names(orgs) + known_company_mentions(span.text, bounds)
            )
        found = chains.title_chains(
            span.text,
            orgs,
            titles(span.text, orgs, model_hits),
            last_org,
            _ministry(orgs) or last_ministry,
            named_before,
        )
        found += [c for c in chains.marked_persons(span.text, orgs) if not _refers_back(c.person.name, known_so_far)]
        found += chains.untitled_members(span.text, orgs, found)
        named = [c.person for c in found if c.person.name not in grammar.load().person_pronouns]
        named += model_persons(model_hits, orgs + [c.person for c in found])
        found = _pronouns_resolved(found, named, last_person)
        last_person = max(named, key=lambda h: h.start, default=last_person)
        known_so_far += [h.name for h in named]
        orgs = _with_chain_orgs(orgs, found)
        taken = orgs + [h for c in found for h in (c.person, c.title) if h is not None]
        orgs = sorted(orgs + model_organisations(span.text, model_hits, taken), key=lambda h: h.start)
        sentences.append(SentenceFacts(span, orgs, found, anonymous_sources(span.text), model_hits))
        last_org = _last_named(orgs) or last_org
        named_before += orgs
        last_ministry = _ministry(orgs) or last_ministry
    outside_orgs, outside_bylines = _outside(article, spans)
    byline = chains.outlet_lines(normalise(article.body)) + list(outside_bylines)
    media = [o for o in [o for s in sentences for o in s.orgs] + list(outside_orgs) if lexicon.load().is_media(o.name)]
    all_chains = tuple(chains.with_own_outlet([c for s in sentences for c in s.chains] + byline, media))
    known: dict[str, None] = {}
    for s in sentences:
        for c in s.chains:
            known.setdefault(c.person.name)
        titled = [h for c in s.chains for h in (c.person, c.title) if h is not None]  # not 官林琳 in 首席财务官林琳
        for p in model_persons(s.model, s.orgs + s.anons + titled):
            known.setdefault(p.name)
    for c in byline:
        known.setdefault(c.person.name)
    for s in sentences:
        label = chains.label_person(s.span.text, s.orgs) if _opens_paragraph(article, s.span) else None
        if label is not None:
            known.setdefault(label.name)
    return ArticleContext(
        article,
        tuple(sentences),
        all_chains,
        chains.reference_forms(list(all_chains)),
        tuple(known),
        outside_orgs,
        tuple(c.person for c in outside_bylines),
    )


def _pronouns_resolved(found: list[Chain], named: list[Hit], before: Hit | None) -> list[Chain]:
    """他曾任中国电信副总经理: a chain whose holder is a pronoun is the person named last before it
    (in the sentence, else before it); with nobody named before, it is dropped."""
    out = []
    for c in found:
        if c.person.name not in grammar.load().person_pronouns:
            out.append(c)
            continue
        ante = max((h for h in named if h.end <= c.person.start), key=lambda h: h.start, default=before)
        if ante is not None:
            out.append(replace(c, person=Hit(c.person.start, c.person.end, "PERSON", ante.name, c.person.text)))
    return out


def _refers_back(name: str, earlier: list[str]) -> bool:
    """王先生 after 王刚, 张经理 after 张伟: a surname with an honorific (or 经理) refers back to the person of
    that surname named in full before it, and is no new person."""
    g = grammar.load()
    surname = next((name[:k] for k in (2, 1) if name[k:] in g.anonymised_given + g.honorifics), None)
    return surname is not None and any(
        e.startswith(surname) and e != name and e[len(surname) :] not in g.anonymised_given + g.honorifics
        for e in earlier
    )


def _opens_paragraph(article: Article, span: Span) -> bool:
    return span.start <= article.body_start or article.text[article.body_start : span.start].rstrip(" \t").endswith(
        "\n"
    )


def persons_in(sent: SentenceFacts, known: tuple[str, ...]) -> list[Hit]:
    """Every known person's name in the sentence, outside organisation names."""
    text = sent.span.text
    hits: list[Hit] = []
    for name in sorted((n for n in known if n in text), key=len, reverse=True):  # a pattern only for those found
        for m in re.finditer(re.escape(name), text):
            h = Hit(m.start(), m.end(), "PERSON", name, name)
            if not any(o.start < h.end and h.start < o.end for o in sent.orgs + hits):
                hits.append(h)
    return sorted(hits, key=lambda h: h.start)


def _last_named(orgs: list[Hit]) -> Hit | None:
    """The organisation 该公司 would refer to in these: the latest one named, media aside."""
    lex = lexicon.load()
    named = [o for o in orgs if not lex.is_media(o.name)]
    return named[-1] if named else None


def _ministry(orgs: list[Hit]) -> Hit | None:
    """The ministry 部/我部 would stand for in these: the latest government body named whose name ends in 部
    (read_context carries it forward, so no sentence looks back over all the ones before it)."""
    lex = lexicon.load()
    suffix = min(grammar.load().ministry_anaphora, key=len)
    found = [o for o in orgs if o.name.endswith(suffix) and (lex.org(o.name) or o).label == "GOVERNMENT"]
    return found[-1] if found else None


def _with_chain_orgs(orgs: list[Hit], chains: list[Chain]) -> list[Hit]:
    """Organisations as title chains read them: unknown ones added, legal tails (华为终端有限公司) kept,
    none inside a person's name."""
    extra = list(
        dict.fromkeys(c.org for c in chains if c.org is not None and not c.org_is_reference and c.org not in orgs)
    )
    persons = [c.person for c in chains]  # 李华|为: a name a title introduces wins over an organisation in it
    kept = [
        o
        for o in orgs
        if not any(e.start <= o.start and o.end <= e.end for e in extra)
        and not any(p.start < o.end and o.start < p.end for p in persons)
    ]
    return sorted(kept + extra, key=lambda h: h.start)


def _outside(article: Article, spans: list[Span]) -> tuple[tuple[Hit, ...], tuple[Chain, ...]]:
    """Organisations and bylines (their people's roles) named only outside the kept sentences.

    A publisher's footer is dropped as boilerplate, yet 本文搜狐IT首发 still names
    搜狐, 【编辑:陈静】 still names a person and a closing 记者:张明 still names a reporter.
    Offsets are into the article text.
    """
    body = normalise(article.body)
    orgs: list[Hit] = []
    bylines: list[Chain] = []
    for start, end in windows(body, 0, len(body), OUTSIDE_PIECE, marks="\n"):  # bounded work per piece
        piece = body[start:end]
        found = organisations(piece, segment.boundaries(piece))
        orgs += [_shifted(h, start) for h in found]
        bylines += [replace(c, person=_shifted(c.person, start)) for c in chains.marked_persons(piece, found)]
    covered = [(s.start - article.body_start, s.end - article.body_start) for s in spans]  # in order, apart
    starts = [s for s, _ in covered]

    def outside(h: Hit) -> bool:
        return not ((i := bisect_right(starts, h.start) - 1) >= 0 and h.end <= covered[i][1])

    at = article.body_start
    return tuple(_shifted(h, at) for h in orgs if outside(h)), tuple(
        replace(c, person=_shifted(c.person, at)) for c in bylines if outside(c.person)
    )


def _shifted(h: Hit, by: int) -> Hit:
    return Hit(h.start + by, h.end + by, h.label, h.name, h.text)
